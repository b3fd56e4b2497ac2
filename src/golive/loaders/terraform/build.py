"""Terraform resource instances into a CloudFormation-vocabulary ``Stack``.

Each instance goes through its type's converter; split resources are then folded into their
owners, literal names linked like references, and completers fill in what depends on another
resource (``mapping.completes``); finally Terraform's references become
``Ref``/``Fn::GetAtt`` and interpolated strings ``Fn::Join``, so the resource graph,
invocation modes and every check read a Terraform configuration exactly as they read a
template. Types no check looks at are left out quietly. Findings name resources by their
Terraform address.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from golive.loaders.terraform.mapping import COMPLETERS, Mapped, MergeRule
from golive.loaders.terraform.mapping.references import GETATT_NAMES, NAME_LINKS, REF_ATTRIBUTES
from golive.loaders.terraform.mapping.registry import load_mappings
from golive.loaders.terraform.model import TfResource
from golive.model import Origin, Resource, Stack
from golive.values import Reference, Text, Unknown


def build_stack(name: str, file: str, instances: Iterable[TfResource]) -> Stack:
    """The stack of a configuration's (or plan's) resource instances."""
    converters, mergers = load_mappings()
    mapped: dict[str, tuple[TfResource, Mapped]] = {}
    splits: list[tuple[TfResource, MergeRule]] = []
    for instance in instances:
        if instance.type in mergers:
            splits.append((instance, mergers[instance.type]))
            continue
        converter = converters.get(instance.type)
        if converter is None:
            continue
        result = converter(instance)
        if result is not None:
            mapped[instance.address] = (instance, result)
    named = _owners_by_name(mapped, mergers.values())
    for split, rule in splits:
        owner = _owner(split, rule, mapped, named)
        if owner is not None:
            rule.merger(split, owner.properties)
    _link_literal_names(mapped)
    for tf, result in mapped.values():
        complete = COMPLETERS.get(tf.type)
        if complete is not None:
            complete(tf, result, mapped.get)
    tf_types = {address: tf.type for address, (tf, _) in mapped.items()}
    resources: dict[str, Resource] = {}
    for address, (tf, result) in mapped.items():
        resources[address] = _resource(address, tf, result, tf_types)
        for key, companion in result.companions.items():
            companion_id = f"{address}/{key}"
            resources[companion_id] = _resource(companion_id, tf, companion, tf_types)
    return Stack(name, file, resources, source_kind="terraform")


def _owners_by_name(
    mapped: dict[str, tuple[TfResource, Mapped]], rules: Iterable[MergeRule]
) -> dict[tuple[str, str, str], Mapped]:
    """Owners by (type, argument, literal value), for split resources that name them so."""
    keys = {(owner, key) for rule in rules for owner in rule.into for key in rule.owner_keys}
    named: dict[tuple[str, str, str], Mapped] = {}
    for tf, result in mapped.values():
        for owner, key in keys:
            value = tf.attributes.get(key) if tf.type == owner else None
            if isinstance(value, str):
                named.setdefault((owner, key, value), result)
    return named


def _owner(
    split: TfResource,
    rule: MergeRule,
    mapped: dict[str, tuple[TfResource, Mapped]],
    named: dict[tuple[str, str, str], Mapped],
) -> Mapped | None:
    """The mapped owner a split resource names through ``rule.via``."""
    value = split.attributes.get(rule.via)
    if isinstance(value, Reference):
        found = mapped.get(value.logical_id)
        return found[1] if found and found[0].type in rule.into else None
    if not isinstance(value, str):
        return None
    for owner in rule.into:
        for key in rule.owner_keys:
            if (owner, key, value) in named:
                return named[(owner, key, value)]
    return None


def _link_literal_names(mapped: dict[str, tuple[TfResource, Mapped]]) -> None:
    """Literal names in ``NAME_LINKS`` properties become references to the named resource."""
    names: dict[tuple[str, str], str] = {}
    wanted = set(NAME_LINKS.values())
    for address, (tf, _) in mapped.items():
        for tf_type, argument in wanted:
            value = tf.attributes.get(argument)
            if tf.type == tf_type and isinstance(value, str):
                names.setdefault((tf_type, value), address)
    if not names:
        return
    for _, result in mapped.values():
        for (cfn_type, key), (tf_type, _) in NAME_LINKS.items():
            value = result.properties.get(key) if result.type == cfn_type else None
            if isinstance(value, str) and (tf_type, value) in names:
                result.properties[key] = Reference(names[(tf_type, value)])
            elif isinstance(value, list):
                result.properties[key] = [
                    Reference(names[(tf_type, v)])
                    if isinstance(v, str) and (tf_type, v) in names
                    else v
                    for v in value
                ]


def _resource(
    logical_id: str, tf: TfResource, result: Mapped, tf_types: dict[str, str]
) -> Resource:
    deletion: Any = "Retain" if tf.prevent_destroy else result.deletion_policy
    if tf.prevent_destroy is None and deletion is None:
        deletion = Unknown(
            "a plan does not record lifecycle prevent_destroy; review the configuration"
        )
    return Resource(
        logical_id=logical_id,
        type=result.type,
        properties=to_cloudformation(result.properties, tf_types),
        location=tf.location,
        depends_on=tuple(d for d in tf.depends_on if d in tf_types),
        deletion_policy=deletion,
        update_replace_policy=deletion,
        origin=Origin(logical_id, tf.type),
        comments=tf.comments,
    )


def to_cloudformation(value: Any, tf_types: dict[str, str]) -> Any:
    """References as ``Ref``/``Fn::GetAtt``, interpolations as ``Fn::Join``."""
    if isinstance(value, Reference):
        return _intrinsic(value, tf_types)
    if isinstance(value, Text):
        return {"Fn::Join": ["", [to_cloudformation(p, tf_types) for p in value.parts]]}
    if isinstance(value, dict):
        return {k: to_cloudformation(v, tf_types) for k, v in value.items()}
    if isinstance(value, list):
        return [to_cloudformation(v, tf_types) for v in value]
    return value


def _intrinsic(reference: Reference, tf_types: dict[str, str]) -> Any:
    address, attribute = reference.logical_id, reference.attribute
    tf_type = tf_types.get(address)
    if tf_type is None:
        what = f"{address}.{attribute}" if attribute else address
        return Unknown(f"{what} is known only after apply")
    if attribute is None or attribute == "id" or attribute in REF_ATTRIBUTES.get(tf_type, ()):
        return {"Ref": address}
    name = GETATT_NAMES.get(tf_type, {}).get(attribute)
    if name is None:
        name = "".join(w.capitalize() for w in attribute.split("_"))
    return {"Fn::GetAtt": [address, name]}
