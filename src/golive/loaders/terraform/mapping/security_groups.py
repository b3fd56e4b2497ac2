"""Security groups and their rules, inline or standalone.

Terraform and CloudFormation cut a rule differently:

- A Terraform rule lists its sources (``cidr_blocks``, ``ipv6_cidr_blocks``,
  ``prefix_list_ids``, ``security_groups``); a CloudFormation rule has exactly one. Each
  source becomes its own CloudFormation rule with the same protocol and ports, so the
  security-group checks and ``golive.topology`` see every CIDR.
- ``self = true`` admits the group's own members. Inline, CloudFormation cannot name the
  group inside its own definition (that is a circular reference, which golive reports as
  such), so the rule keeps its protocol and ports without a source: it admits no CIDR,
  which is what the checks ask. A standalone ``aws_security_group_rule`` names the group as
  ``SourceSecurityGroupId``.
- ``aws_security_group_rule`` (``type`` ingress or egress) and the newer
  ``aws_vpc_security_group_ingress_rule``/``egress_rule`` are
  ``AWS::EC2::SecurityGroupIngress``/``Egress``. A standalone rule with several sources
  becomes one resource per source: the first keeps the address (the one open to the whole
  internet when there is one, so the finding lands on the resource people wrote), the rest
  are companions ``<address>/source-<n>``.
- Egress: the AWS provider deletes the allow-all egress rule AWS gives every new group, so a
  Terraform group without ``egress`` blocks has no egress at all, where an absent
  ``SecurityGroupEgress`` means allow-all in CloudFormation. No check reads egress; absent
  stays absent rather than inventing a rule.

Protocols are kept as written, lower-cased (``tcp``, ``-1``); ``all`` is Terraform's spelling
of ``-1`` and is accepted by the checks either way.
"""

from __future__ import annotations

from typing import Any

from golive.loaders.terraform.mapping import (
    Mapped,
    converts,
    get,
    name_or_prefix,
    nested_blocks,
    put,
    tag_list,
)
from golive.loaders.terraform.mapping.network import given, id_list
from golive.loaders.terraform.model import TfResource
from golive.values import ABSENT, Text, Unknown

WORLD = ("0.0.0.0/0", "::/0")


def _protocol(value: Any) -> Any:
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return value.lower()
    return value


def _base(rule: Any, protocol_key: str = "protocol") -> dict[str, Any]:
    """Protocol, ports and description of a Terraform rule, in CloudFormation's names."""
    props: dict[str, Any] = {}
    put(props, "IpProtocol", _protocol(given(get(rule, protocol_key))))
    put(props, "FromPort", given(get(rule, "from_port")))
    put(props, "ToPort", given(get(rule, "to_port")))
    put(props, "Description", given(get(rule, "description")))
    return props


def _sources(rule: Any, egress: bool) -> list[tuple[str, Any]]:
    """(CloudFormation key, value) for each source a Terraform rule lists."""
    peer = "Destination" if egress else "Source"
    found: list[tuple[str, Any]] = []
    for argument, key in (
        ("cidr_blocks", "CidrIp"),
        ("ipv6_cidr_blocks", "CidrIpv6"),
        ("prefix_list_ids", f"{peer}PrefixListId"),
        ("security_groups", f"{peer}SecurityGroupId"),
        ("source_security_group_id", f"{peer}SecurityGroupId"),
    ):
        values = id_list(get(rule, argument))
        if values is ABSENT:
            continue
        if isinstance(values, (Unknown, Text)):
            found.append((key, values))  # one rule whose source is not known
        else:
            found.extend((key, value) for value in values)
    return found


def _world_first(sources: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    return sorted(sources, key=lambda source: source[1] not in WORLD)


def inline_rules(resource: TfResource, name: str) -> Any:
    """The CloudFormation rules of a group's inline ``ingress`` or ``egress`` blocks.

    ``ABSENT`` when there are none, ``Unknown`` when the blocks are not known (a dynamic
    block over a value known only after apply, or a plan's computed rules).
    """
    found = nested_blocks(resource.attributes, name)
    if isinstance(found, Unknown):
        return found
    rules: list[dict[str, Any]] = []
    for rule in found:
        base = _base(rule)
        sources = _sources(rule, egress=name == "egress")
        rules.extend([{**base, key: value} for key, value in sources] or [base])
    return rules or ABSENT


@converts("aws_security_group", "aws_default_security_group")
def security_group(resource: TfResource) -> Mapped:
    """``aws_security_group`` (and the managed default group) -> ``AWS::EC2::SecurityGroup``.

    The provider's default description "Managed by Terraform" is written when none is set,
    as CloudFormation requires one.
    """
    attrs = resource.attributes
    props: dict[str, Any] = {}
    description = get(attrs, "description")
    if resource.type == "aws_security_group":
        put(props, "GroupDescription", description or "Managed by Terraform")
        put(props, "GroupName", name_or_prefix(attrs, "security group"))
    else:
        put(props, "GroupName", "default")
    put(props, "VpcId", given(get(attrs, "vpc_id")))
    put(props, "SecurityGroupIngress", inline_rules(resource, "ingress"))
    put(props, "SecurityGroupEgress", inline_rules(resource, "egress"))
    put(props, "Tags", tag_list(resource))
    return Mapped("AWS::EC2::SecurityGroup", props)


def _standalone(kind: str, base: dict[str, Any], sources: list[tuple[str, Any]]) -> Mapped:
    """One CloudFormation rule per source: the first the resource, the rest companions."""
    rules = [{**base, key: value} for key, value in _world_first(sources)] or [base]
    companions = {
        f"source-{index}": Mapped(kind, props) for index, props in enumerate(rules[1:], start=1)
    }
    return Mapped(kind, rules[0], companions)


def _kind(egress: bool) -> str:
    return "AWS::EC2::SecurityGroupEgress" if egress else "AWS::EC2::SecurityGroupIngress"


@converts("aws_security_group_rule")
def security_group_rule(resource: TfResource) -> Mapped:
    """``aws_security_group_rule`` -> ``AWS::EC2::SecurityGroupIngress``/``Egress`` by ``type``.

    A ``type`` not known before apply is read as ingress, the direction the checks judge.
    """
    attrs = resource.attributes
    egress = get(attrs, "type") == "egress"
    group = get(attrs, "security_group_id")
    base = {"GroupId": group, **_base(attrs)}
    sources = _sources(attrs, egress)
    if get(attrs, "self") is True:
        sources.append(("DestinationSecurityGroupId" if egress else "SourceSecurityGroupId", group))
    return _standalone(_kind(egress), base, sources)


def _vpc_rule(resource: TfResource, egress: bool) -> Mapped:
    attrs = resource.attributes
    peer = "Destination" if egress else "Source"
    props = {"GroupId": get(attrs, "security_group_id"), **_base(attrs, "ip_protocol")}
    for argument, key in (
        ("cidr_ipv4", "CidrIp"),
        ("cidr_ipv6", "CidrIpv6"),
        ("prefix_list_id", f"{peer}PrefixListId"),
        ("referenced_security_group_id", f"{peer}SecurityGroupId"),
    ):
        put(props, key, given(get(attrs, argument)))
    return Mapped(_kind(egress), props)


@converts("aws_vpc_security_group_ingress_rule")
def vpc_ingress_rule(resource: TfResource) -> Mapped:
    """``aws_vpc_security_group_ingress_rule`` -> ``AWS::EC2::SecurityGroupIngress``."""
    return _vpc_rule(resource, egress=False)


@converts("aws_vpc_security_group_egress_rule")
def vpc_egress_rule(resource: TfResource) -> Mapped:
    """``aws_vpc_security_group_egress_rule`` -> ``AWS::EC2::SecurityGroupEgress``."""
    return _vpc_rule(resource, egress=True)
