"""Terraform resource types onto CloudFormation types and properties.

Two kinds of mapping, registered per Terraform type by the service modules of this package:

- a **converter** (``@converts("aws_sqs_queue")``) turns one ``TfResource`` into a
  ``Mapped`` CloudFormation resource: type and properties in CloudFormation's vocabulary,
  with ``Reference``/``Unknown``/``Text`` values left in place (the builder turns references
  into ``Ref``/``Fn::GetAtt``). Return ``None`` for an instance that deploys nothing.
- a **merger** (``@merges("aws_s3_bucket_versioning", into="aws_s3_bucket", via="bucket")``)
  folds one of Terraform's split resources into the CloudFormation properties of its owner,
  found through the split resource's ``via`` attribute (a reference to the owner, or the
  owner's name written as a literal). A split resource whose owner is not in the
  configuration is left out.

Every function here is pure: it reads the Terraform attributes and returns or updates
plain data. ``registry.load_mappings`` imports every module of this package.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from golive.loaders.terraform.model import TfResource
from golive.values import ABSENT, Reference, Text, Unknown


@dataclass
class Mapped:
    """A CloudFormation resource made from a Terraform one.

    ``companions`` are further CloudFormation resources the one Terraform resource stands
    for (``aws_sqs_queue``'s inline ``policy`` is an ``AWS::SQS::QueuePolicy``); each is
    named ``<address>/<key>`` in findings and refers to its owner with
    ``Reference(address, "id")``.
    """

    type: str
    properties: dict[str, Any] = field(default_factory=dict)
    companions: dict[str, Mapped] = field(default_factory=dict)


Converter = Callable[[TfResource], "Mapped | None"]
Merger = Callable[[TfResource, dict[str, Any]], None]


@dataclass(frozen=True)
class MergeRule:
    merger: Merger
    #: The Terraform types of the owner.
    into: tuple[str, ...]
    #: The split resource's attribute that names the owner.
    via: str
    #: The owner's attributes a literal ``via`` value may equal (its name, its id).
    owner_keys: tuple[str, ...]


CONVERTERS: dict[str, Converter] = {}
MERGERS: dict[str, MergeRule] = {}


def converts(*tf_types: str) -> Callable[[Converter], Converter]:
    """Register a converter for one or more Terraform types."""

    def register(function: Converter) -> Converter:
        for tf_type in tf_types:
            if tf_type in CONVERTERS or tf_type in MERGERS:
                raise ValueError(f"{tf_type} is mapped twice")
            CONVERTERS[tf_type] = function
        return function

    return register


def merges(
    tf_type: str, *, into: str | tuple[str, ...], via: str, owner_keys: tuple[str, ...] = ()
) -> Callable[[Merger], Merger]:
    """Register a merger of a split resource into its owner's CloudFormation properties."""
    owners = (into,) if isinstance(into, str) else into

    def register(function: Merger) -> Merger:
        if tf_type in CONVERTERS or tf_type in MERGERS:
            raise ValueError(f"{tf_type} is mapped twice")
        MERGERS[tf_type] = MergeRule(function, owners, via, owner_keys or (via, "name", "id"))
        return function

    return register


# -- helpers for converters ----------------------------------------------------------------


def get(attributes: Mapping[str, Any], name: str) -> Any:
    """An attribute's value, ``ABSENT`` when it is not set or ``null``."""
    value = attributes.get(name, ABSENT)
    return ABSENT if value is None else value


def blocks(attributes: Mapping[str, Any], name: str) -> list[dict[str, Any]]:
    """Every nested block ``name`` (Terraform writes repeated blocks; plans give lists)."""
    value = attributes.get(name)
    if isinstance(value, dict):
        return [value]
    if isinstance(value, list):
        return [item for item in value if isinstance(item, dict)]
    return []


def block(attributes: Mapping[str, Any], name: str) -> dict[str, Any] | None:
    """The first nested block ``name``, or None."""
    found = blocks(attributes, name)
    return found[0] if found else None


def put(properties: dict[str, Any], key: str, value: Any) -> None:
    """Set ``key`` unless ``value`` is absent (``None``/``ABSENT``), so checks see it unset."""
    if value is None or value is ABSENT:
        return
    properties[key] = value


def merged_tags(resource: TfResource, name: str = "tags") -> dict[str, Any] | Unknown:
    """The resource's tags over the provider's ``default_tags``, as Terraform applies them."""
    own = resource.attributes.get(name)
    if isinstance(own, (Unknown, Text, Reference)):
        return Unknown("the tags are computed")
    tags: dict[str, Any] = dict(resource.default_tags)
    if isinstance(own, dict):
        tags.update(own)
    return tags


def tag_list(resource: TfResource, name: str = "tags") -> list[dict[str, Any]] | Unknown | None:
    """Tags as CloudFormation's ``[{Key, Value}]`` list; None when there are none."""
    tags = merged_tags(resource, name)
    if isinstance(tags, Unknown):
        return tags
    return [{"Key": k, "Value": v} for k, v in tags.items()] or None


def tag_map(resource: TfResource, name: str = "tags") -> dict[str, Any] | Unknown | None:
    """Tags as a ``{key: value}`` map (the types whose CloudFormation ``Tags`` is one)."""
    tags = merged_tags(resource, name)
    if isinstance(tags, Unknown):
        return tags
    return tags or None


def policy_document(value: Any) -> Any:
    """An IAM policy attribute: Terraform holds JSON text (``jsonencode`` or a heredoc).

    Parsed into a mapping when it is literal JSON; other values (unknown, references) pass
    through unchanged so checks judge them as not known.
    """
    if isinstance(value, str):
        import json

        try:
            return json.loads(value)
        except ValueError:
            return Unknown("the policy document is not valid JSON")
    return value
