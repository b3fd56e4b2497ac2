"""``terraform show -json`` plans into resource instances.

A plan is the most exact Terraform input: variables, ``count``, ``for_each`` and modules are
already expanded, and every value Terraform can know before apply is there. What it cannot
know is listed in ``resource_changes[].change.after_unknown``; such a value becomes a
``Reference`` when the configuration section says which resource it comes from (so the
graph keeps its edges) and ``Unknown`` otherwise. A known value that equals the attribute of
the resource the configuration references (``function_name = aws_lambda_function.f.
function_name``) also becomes that reference, for the same reason. A value unknown only
because the provider computes it (the configuration does not set it) is left out, as a
template that does not set a property leaves it out. Plans carry no lines:
findings name the plan file and the resource address.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from golive.loaders.terraform.model import TfResource
from golive.model import InputError, Location
from golive.values import Reference, Text, Unknown

_REFERENCE = re.compile(
    r"^(?P<address>(?:module\.[\w-]+(?:\[[^\]]+\])?\.)*[a-z][a-z0-9_]*\.[\w-]+(?:\[[^\]]+\])?)"
    r"(?:\.(?P<attribute>\w+))?"
)
_NOT_RESOURCES = ("var.", "local.", "data.", "each.", "count.", "path.", "module.", "self.")


def plan_instances(data: Any, file: str) -> tuple[list[TfResource], list[InputError]]:
    """Every managed resource instance the plan will have after apply."""
    if not isinstance(data, dict) or not isinstance(data.get("planned_values"), dict):
        return [], [InputError(file, None, "a Terraform plan without planned_values")]
    unknowns = {
        change.get("address"): (change.get("change") or {}).get("after_unknown") or {}
        for change in data.get("resource_changes") or []
        if isinstance(change, dict)
    }
    expressions = dict(_configured(((data.get("configuration") or {}).get("root_module")), ""))
    planned = list(_planned(data["planned_values"].get("root_module") or {}))
    values_by_address = {r.get("address"): r.get("values") or {} for r in planned}
    instances = []
    for resource in planned:
        if resource.get("mode") != "managed":
            continue
        address = str(resource.get("address"))
        config_address = re.sub(r"\[[^\]]+\]$", "", address)
        module = config_address.rpartition(str(resource.get("type")) + ".")[0]
        config = expressions.get(config_address, {})
        attributes = _with_references(
            dict(resource.get("values") or {}),
            unknowns.get(address, {}),
            config,
            module,
            values_by_address,
        )
        if config:
            attributes = _written(attributes, config)
        if "tags_all" in attributes:
            attributes["tags"] = attributes.pop("tags_all")
        instances.append(
            TfResource(
                address=address,
                type=str(resource.get("type")),
                attributes=attributes,
                location=Location(file, None),
                prevent_destroy=None,
            )
        )
    arns = _known_arns(planned)
    if arns:
        pattern = re.compile("|".join(re.escape(a) for a in sorted(arns, key=len, reverse=True)))
        instances = [_with_arn_links(i, arns, pattern) for i in instances]
    return instances, []


def _known_arns(planned: list[dict[str, Any]]) -> dict[str, Reference]:
    """The ARN of every resource the plan already knows (resources that exist)."""
    arns: dict[str, Reference] = {}
    for resource in planned:
        values = resource.get("values") or {}
        arn = values.get("arn") if isinstance(values, dict) else None
        if resource.get("mode") == "managed" and isinstance(arn, str) and arn.startswith("arn:"):
            arns.setdefault(arn, Reference(str(resource.get("address")), "arn"))
    return arns


def _with_arn_links(
    instance: TfResource, arns: dict[str, Reference], pattern: re.Pattern[str]
) -> TfResource:
    """Known ARNs of other resources inside values become references to them.

    When the resources exist, a plan shows ``aws_sqs_queue.dlq.arn`` as the ARN itself, also
    inside JSON text (a redrive policy, a policy document); linking it back keeps the graph
    a configuration would give. ARNs are long and unique, so a match is not a coincidence.
    The resource's own ARN stays text: a resource cannot refer to itself.
    """
    own = instance.attributes.get("arn")

    def link(value: Any) -> Any:
        if isinstance(value, str) and value != own and value.startswith(("arn:", "{", "[")):
            if value in arns:
                return arns[value]
            pieces: list[Any] = []
            position = 0
            for match in pattern.finditer(value):
                if match.group(0) == own:
                    continue
                pieces += [value[position : match.start()], arns[match.group(0)]]
                position = match.end()
            if not pieces:
                return value
            pieces.append(value[position:])
            return Text(tuple(p for p in pieces if p != ""))
        if isinstance(value, dict):
            return {k: v if k == "arn" else link(v) for k, v in value.items()}
        if isinstance(value, list):
            return [link(v) for v in value]
        return value

    return replace(instance, attributes=link(dict(instance.attributes)))


def _written(attributes: dict[str, Any], config: dict[str, Any]) -> dict[str, Any]:
    """Top-level scalar values the configuration does not write are provider defaults.

    A plan fills in every default (a Lambda ``timeout`` of 3); a template or configuration
    that leaves a property unset does not. Dropping them keeps a plan's verdicts those of
    its configuration. Blocks and maps stay (a ``dynamic`` block writes no expression
    of its own name), as do tags (``tags_all`` holds the provider's default tags).
    """
    return {
        key: value
        for key, value in attributes.items()
        if key in config or isinstance(value, (dict, list)) or key in ("tags", "tags_all")
    }


def _planned(module: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield from (r for r in module.get("resources") or [] if isinstance(r, dict))
    for child in module.get("child_modules") or []:
        if isinstance(child, dict):
            yield from _planned(child)


def _configured(module: Any, prefix: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """(address without index, expressions) of every resource in the configuration."""
    if not isinstance(module, dict):
        return
    for resource in module.get("resources") or []:
        if isinstance(resource, dict) and resource.get("mode") == "managed":
            yield prefix + str(resource.get("address")), resource.get("expressions") or {}
    for name, call in (module.get("module_calls") or {}).items():
        if isinstance(call, dict):
            yield from _configured(call.get("module"), f"{prefix}module.{name}.")


def _with_references(
    values: Any, unknown: Any, config: Any, module: str, planned: dict[Any, Any]
) -> Any:
    """Values with after-apply parts replaced by references or ``Unknown``."""
    if isinstance(values, dict) or (isinstance(unknown, dict) and values is None):
        result = dict(values or {})
        keys = set(result) | (set(unknown) if isinstance(unknown, dict) else set())
        for key in keys:
            sub_unknown = unknown.get(key) if isinstance(unknown, dict) else None
            sub_config = config.get(key) if isinstance(config, dict) else None
            if sub_unknown is True and sub_config is None and isinstance(config, dict):
                # Computed by the provider and not written in the configuration: as absent
                # as in a template that does not set it.
                result.pop(key, None)
            elif sub_unknown is True:
                result[key] = _reference(sub_config, module) or Unknown(
                    f"{key} is known only after apply"
                )
            elif key in result or sub_unknown:
                result[key] = _with_references(
                    result.get(key), sub_unknown, sub_config, module, planned
                )
        return result
    if isinstance(values, list):
        unknown_items = unknown if isinstance(unknown, list) else []
        config_items = config if isinstance(config, list) else []
        items = []
        for i, item in enumerate(values):
            sub_unknown = unknown_items[i] if i < len(unknown_items) else None
            sub_config = config_items[i] if i < len(config_items) else None
            if sub_unknown is True:
                items.append(_reference(sub_config, module) or Unknown("known only after apply"))
            else:
                items.append(_with_references(item, sub_unknown, sub_config, module, planned))
        return items
    reference = _reference(config, module)
    if reference is not None and reference.attribute is not None:
        target = planned.get(reference.logical_id) or {}
        if isinstance(target, dict) and target.get(reference.attribute) == values:
            return reference
    return values


def _reference(config: Any, module: str) -> Reference | None:
    """The resource attribute a configuration expression names first, if any."""
    if not isinstance(config, dict):
        return None
    for text in config.get("references") or []:
        if not isinstance(text, str) or text.startswith(_NOT_RESOURCES):
            continue
        match = _REFERENCE.match(text)
        if match:
            return Reference(module + match["address"], match["attribute"])
    return None
