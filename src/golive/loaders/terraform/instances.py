"""A module instance's resources: expand count/for_each, evaluate bodies, collect children."""

from __future__ import annotations

from typing import Any

from golive.loaders.terraform.expressions import Evaluator
from golive.loaders.terraform.hcl import Block, Body, bare_name
from golive.loaders.terraform.model import TfResource
from golive.loaders.terraform.modules import (
    META_ARGUMENTS,
    META_BLOCKS,
    ModuleInstance,
    index_text,
)
from golive.loaders.terraform.template_values import iteration_pairs, unknown_from
from golive.model import InputError, Location
from golive.values import Reference, Unknown


def evaluate_body(body: Body, evaluator: Evaluator, *, top: bool = True) -> dict[str, Any]:
    """A block body's arguments and nested blocks, evaluated (blocks as lists of mappings).

    Terraform's meta-arguments (``count``, ``provider``, ``lifecycle`` ...) are dropped from
    the resource's own body only (``top``); nested blocks keep arguments of those names
    (a CodePipeline action's ``provider``, a DLM retain rule's ``count``).
    """
    attributes: dict[str, Any] = {
        name: evaluator.eval(node)
        for name, node in body.attributes.items()
        if not (top and name in META_ARGUMENTS)
    }
    for block in body.blocks:
        if top and block.kind in META_BLOCKS:
            continue
        if block.kind == "dynamic" and block.labels:
            _dynamic(block, evaluator, attributes)
            continue
        existing = attributes.setdefault(block.kind, [])
        if isinstance(existing, list):
            existing.append(evaluate_body(block.body, evaluator, top=False))
    return attributes


def _dynamic(block: Block, evaluator: Evaluator, attributes: dict[str, Any]) -> None:
    label = block.labels[0]
    collection = (
        evaluator.eval(block.body.attributes["for_each"])
        if "for_each" in block.body.attributes
        else None
    )
    iterator_node = block.body.attributes.get("iterator")
    iterator = (bare_name(iterator_node) if iterator_node is not None else "") or label
    contents = block.body.blocks_of("content")
    pairs = iteration_pairs(collection)
    if pairs is None:
        attributes[label] = unknown_from(collection, f"dynamic {label}'s for_each")
        return
    existing = attributes.setdefault(label, [])
    if not isinstance(existing, list) or not contents:
        return
    for key, value in pairs:
        inner = evaluator.bound(**{iterator: {"key": key, "value": value}})
        existing.append(evaluate_body(contents[0].body, inner, top=False))


def resource_instances(instance: ModuleInstance) -> list[TfResource]:
    """Every managed resource instance of a module instance and its child modules."""
    found: list[TfResource] = []
    for (kind, name), block in instance.config.resources.items():
        keys, values = instance.expansion(kind, name)
        base = f"{instance.prefix}{kind}.{name}"
        targets: list[tuple[str, Any, Any]]
        if isinstance(keys, Unknown):
            unknown = Unknown(f"{keys.reason} (the number of instances is not known)")
            targets = [(base + "[*]", {"index": unknown}, {"key": unknown, "value": unknown})]
        elif keys is None:
            targets = [(base, None, None)]
        else:
            targets = [
                (base + index_text(k), {"index": k}, {"key": k, "value": values.get(k, k)})
                for k in keys
            ]
        for address, count, each in targets:
            evaluator = instance.evaluator
            if count is not None:
                evaluator = evaluator.bound(count=count, each=each)
            found.append(_tf_resource(instance, kind, address, block, evaluator))
    for name in instance.config.modules:
        children = instance.children(name)
        if isinstance(children, Unknown):
            block = instance.config.modules[name]
            instance.remarks.notes.append(InputError(block.body.file, block.line, children.reason))
            continue
        for _, child in children:
            found.extend(resource_instances(child))
    return found


def _tf_resource(
    instance: ModuleInstance, kind: str, address: str, block: Block, evaluator: Evaluator
) -> TfResource:
    body = block.body
    prevent = False
    for lifecycle in body.blocks_of("lifecycle"):
        node = lifecycle.body.attributes.get("prevent_destroy")
        prevent = prevent or (node is not None and evaluator.eval(node) is True)
    alias = ""
    if "provider" in body.attributes:
        alias = bare_name(body.attributes["provider"]).rpartition(".")[2]
    depends = []
    if "depends_on" in body.attributes:
        value = evaluator.eval(body.attributes["depends_on"])
        depends = (
            [r.logical_id for r in value if isinstance(r, Reference)]
            if isinstance(value, list)
            else []
        )
    return TfResource(
        address=address,
        type=kind,
        attributes=evaluate_body(body, evaluator),
        location=Location(body.file, block.line),
        default_tags=instance.default_tags.get(alias, instance.default_tags.get("", {}))
        if kind.startswith("aws_")
        else {},
        prevent_destroy=prevent,
        comments=tuple(body.comments),
        depends_on=tuple(depends),
    )
