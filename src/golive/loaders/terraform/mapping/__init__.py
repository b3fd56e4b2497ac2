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
from golive.values import ABSENT, Reference, Text, Unknown, is_false, is_true


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
    #: The CloudFormation DeletionPolicy the Terraform settings amount to, when they keep
    #: data on deletion without ``prevent_destroy`` (a final snapshot: "Snapshot").
    deletion_policy: str | None = None


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


#: Finds a mapped resource by Terraform address (None when the address is not mapped).
Lookup = Callable[[str], "tuple[TfResource, Mapped] | None"]
#: Fills in what a mapped resource's settings depend on another resource for.
Completer = Callable[[TfResource, Mapped, Lookup], None]

CONVERTERS: dict[str, Converter] = {}
MERGERS: dict[str, MergeRule] = {}
COMPLETERS: dict[str, Completer] = {}


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


def completes(*tf_types: str) -> Callable[[Completer], Completer]:
    """Register a completer: run after every converter and merger, with a lookup of the
    other mapped resources, for a provider default that depends on another resource."""

    def register(function: Completer) -> Completer:
        for tf_type in tf_types:
            if tf_type in COMPLETERS:
                raise ValueError(f"{tf_type} is completed twice")
            COMPLETERS[tf_type] = function
        return function

    return register


# -- reading attributes and nested blocks ---------------------------------------------------


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


def nested(attributes: Mapping[str, Any], name: str) -> dict[str, Any] | Unknown | None:
    """The first nested block ``name``; ``Unknown`` when the blocks themselves are not known.

    A ``dynamic`` block over a value known only after apply is unknown, not absent, so a
    check answers UNKNOWN rather than judging the setting missing.
    """
    value = attributes.get(name)
    if isinstance(value, (Unknown, Text, Reference)):
        return Unknown(getattr(value, "reason", None) or f"{name} is known only after apply")
    if isinstance(value, list) and value and not isinstance(value[0], dict):
        first = value[0]
        return first if isinstance(first, Unknown) else Unknown(f"{name} is not a block")
    return block(attributes, name)


def nested_blocks(attributes: Mapping[str, Any], name: str) -> list[dict[str, Any]] | Unknown:
    """Every nested block ``name``; ``Unknown`` when the blocks themselves are not known.

    The list counterpart of ``nested``: a ``dynamic`` block over a value known only after
    apply gives ``Unknown``, not an empty list, so a check cannot read it as "none".
    """
    value = attributes.get(name)
    items = value if isinstance(value, list) else [value]
    for item in items:
        if isinstance(item, (Unknown, Text, Reference)):
            reason = item.reason if isinstance(item, (Unknown, Text)) else None
            return Unknown(reason or f"{name} is known only after apply")
    return blocks(attributes, name)


# -- writing CloudFormation properties -------------------------------------------------------


def put(properties: dict[str, Any], key: str, value: Any) -> None:
    """Set ``key`` unless ``value`` is absent (``None``/``ABSENT``), so checks see it unset."""
    if value is None or value is ABSENT:
        return
    properties[key] = value


def put_nonempty(properties: dict[str, Any], key: str, value: Any) -> None:
    """``put`` that also leaves out an empty mapping or list.

    For structures assembled from optional parts (a block whose arguments are all unset, no
    blocks at all), which CloudFormation would read as set but empty. ``Unknown``, ``Text``
    and references are kept: they are not known to be empty.
    """
    if isinstance(value, (dict, list)) and not value:
        return
    put(properties, key, value)


def listed(value: Any) -> Any:
    """A list or set argument as a list: a single value (a name, a reference) as one item.

    ``ABSENT`` when unset; a list, or a list known only after apply (``Unknown``), as it is.
    """
    if value is None or value is ABSENT:
        return ABSENT
    if isinstance(value, (list, Unknown)):
        return value
    return [value]


def put_list(properties: dict[str, Any], key: str, value: Any) -> None:
    """Set a list property from a list or set argument (``listed``) unless it is unset or []."""
    put_nonempty(properties, key, listed(value))


def append_entry(properties: dict[str, Any], key: str, entry: Any) -> None:
    """Add ``entry`` to the list property ``key`` (a split resource's entry in its owner).

    Nothing when ``entry`` is unset, or when the list itself is not known (``Unknown``,
    ``Text``): one more entry in a list in doubt tells a check nothing more.
    """
    current = properties.get(key)
    if entry is None or entry is ABSENT or isinstance(current, (Unknown, Text)):
        return
    properties[key] = [*(current if isinstance(current, list) else []), entry]


def enabled_disabled(value: Any) -> Any:
    """A Terraform boolean as ``ENABLED``/``DISABLED`` (ECS, EventBridge); others as they are."""
    if is_true(value):
        return "ENABLED"
    if is_false(value):
        return "DISABLED"
    return value


# -- renaming Terraform arguments and blocks -------------------------------------------------


def renamed(attributes: Mapping[str, Any] | None, names: Mapping[str, str]) -> dict[str, Any]:
    """The set arguments of ``names`` (Terraform name -> CloudFormation name), renamed.

    ``attributes`` None (``block`` found no block) gives an empty mapping.
    """
    properties: dict[str, Any] = {}
    if attributes is None:
        return properties
    for tf_name, cfn_name in names.items():
        put(properties, cfn_name, get(attributes, tf_name))
    return properties


def shaped_block(
    attributes: Mapping[str, Any], name: str, shape: Callable[[dict[str, Any]], Any]
) -> Any:
    """``shape`` of nested block ``name``; None when absent, ``Unknown`` kept (see ``nested``)."""
    found = nested(attributes, name)
    if found is None or isinstance(found, Unknown):
        return found
    return shape(found)


def renamed_block(attributes: Mapping[str, Any], name: str, names: Mapping[str, str]) -> Any:
    """Nested block ``name`` with its arguments renamed; None when absent, Unknown kept."""
    return shaped_block(attributes, name, lambda found: renamed(found, names))


def shaped_blocks(
    attributes: Mapping[str, Any], name: str, shape: Callable[[dict[str, Any]], Any]
) -> list[Any] | Unknown | None:
    """``shape`` of every nested block ``name``; None when there is none.

    ``Unknown`` when the blocks are not known (see ``nested_blocks``), so a ``put`` writes
    the doubt and leaves out "no blocks" alike.
    """
    found = nested_blocks(attributes, name)
    if isinstance(found, Unknown):
        return found
    return [shape(item) for item in found] or None


def renamed_blocks(
    attributes: Mapping[str, Any], name: str, names: Mapping[str, str]
) -> list[dict[str, Any]] | Unknown | None:
    """Every nested block ``name`` with its arguments renamed; None when none, Unknown kept."""
    return shaped_blocks(attributes, name, lambda found: renamed(found, names))


def name_or_prefix(attributes: Mapping[str, Any], what: str) -> Any:
    """``name``, or ``name_prefix`` followed by the unique suffix Terraform generates."""
    name = get(attributes, "name")
    if name is not ABSENT:
        return name
    prefix = get(attributes, "name_prefix")
    if isinstance(prefix, str):
        suffix = Unknown(f"Terraform adds a unique suffix to the {what}'s name_prefix")
        return Text((prefix, suffix))
    return prefix


# -- tags ------------------------------------------------------------------------------------


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
