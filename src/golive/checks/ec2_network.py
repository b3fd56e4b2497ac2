"""EC2 checks that look at addresses and ingress rules (catalogue: ``catalog/ec2.yaml``).

``ec2.no-public-ip`` follows an instance or launch specification to the subnets it launches
into; the two security-group checks read one group or standalone ingress rule at a time.
"""

from __future__ import annotations

import ipaddress
from typing import Any

from golive.checks.base import Verdict, check, failed, not_applicable, passed, unknown
from golive.checks.ec2_launch import (
    INSTANCE,
    LAUNCH_CONFIGURATION,
    SUBNET,
    describe,
    setting,
)
from golive.context import Context
from golive.model import Resource, Status
from golive.per_stack import StackMemo
from golive.values import Reference, Text, Unknown, is_false, is_true

AUTO_SCALING_GROUP = "AWS::AutoScaling::AutoScalingGroup"
NODEGROUP = "AWS::EKS::Nodegroup"
INGRESS = "AWS::EC2::SecurityGroupIngress"
_GROUP_TYPES = frozenset({"AWS::EC2::SecurityGroup", INGRESS, "AWS::EC2::SecurityGroupEgress"})
LOAD_BALANCER = "AWS::ElasticLoadBalancingV2::LoadBalancer"
#: Ports that administer a host remotely: never meant for the whole internet.
ADMIN_PORTS = {22: "SSH", 23: "Telnet", 3389: "RDP", 5985: "WinRM", 5986: "WinRM"}
#: Ports that serve data stores, caches, search engines and file shares.
DATA_PORTS = {
    445: "SMB",
    1433: "SQL Server",
    1521: "Oracle",
    2049: "NFS",
    3306: "MySQL",
    5432: "PostgreSQL",
    5439: "Redshift",
    6379: "Redis",
    9042: "Cassandra",
    9200: "OpenSearch",
    9300: "OpenSearch",
    11211: "Memcached",
    27017: "MongoDB",
}


# -- public addresses ------------------------------------------------------------------------


def _primary(interfaces: list[Any]) -> dict[str, Any] | None:
    """The network interface at device index 0 (or the first one)."""
    items = [i for i in interfaces if isinstance(i, dict)]
    for item in items:
        if str(item.get("DeviceIndex")) == "0":
            return item
    return items[0] if items else None


def _subnet(subnet: Any, ctx: Context) -> tuple[Status, str]:
    """Whether instances launched into ``subnet`` get a public address, and why."""
    if subnet is None:
        return Status.FAIL, (
            "no subnet: it launches into the default VPC, whose subnets give every "
            "instance a public IP"
        )
    target = ctx.resource(subnet)
    if target is not None and target.type == SUBNET:
        maps = ctx.value(target, "MapPublicIpOnLaunch")
        if maps.unknown:
            return Status.UNKNOWN, f"whether subnet {target.logical_id} is public: {maps.reason}"
        if maps.known and is_true(maps.value):
            return Status.FAIL, (
                f"subnet {target.logical_id} gives every instance a public IP (MapPublicIpOnLaunch)"
            )
        return Status.PASS, f"private subnet {target.logical_id}"
    if isinstance(subnet, (Unknown, Text)):
        why = subnet.reason
    elif isinstance(subnet, Reference):
        why = f"{subnet.logical_id} is not a subnet of this template"
    else:
        why = f"{subnet} is defined outside this template"
    return Status.UNKNOWN, f"the subnet decides (MapPublicIpOnLaunch) and {why}"


def _verdict(status: Status, reason: str, at: str) -> Verdict:
    if status is Status.FAIL:
        return failed(reason, at)
    if status is Status.UNKNOWN:
        return unknown(reason, at)
    return passed(reason, at)


@check("ec2.no-public-ip")
def no_public_ip(resource: Resource, ctx: Context) -> Verdict:
    if resource.type == INSTANCE:
        return _instance(resource, ctx)
    return _launch_specification(resource, ctx)


def _instance(instance: Resource, ctx: Context) -> Verdict:
    check_source = ctx.value(instance, "SourceDestCheck")
    if check_source.known and is_false(check_source.value):
        return not_applicable(
            "a NAT instance (SourceDestCheck false): it needs a public address to route "
            "its subnets' traffic to the internet"
        )
    for address in ctx.referrers(instance, "AWS::EC2::EIP", "AWS::EC2::EIPAssociation"):
        target = ctx.value(address, "InstanceId")
        if isinstance(target.value, Reference) and target.value.logical_id == instance.logical_id:
            return failed(f"Elastic IP {address.logical_id} is attached", "NetworkInterfaces")
    interfaces = setting(instance, ctx, "NetworkInterfaces")
    if interfaces.value.unknown:
        return unknown(
            f"the network interfaces are not known: {interfaces.value.reason}", interfaces.at
        )
    listed = interfaces.value.value if isinstance(interfaces.value.value, list) else []
    requested = _requested(listed, interfaces.at)
    if requested is not None:
        return requested
    primary = _primary(listed)
    if primary is not None and primary.get("NetworkInterfaceId") is not None:
        return passed(
            "attaches an existing network interface: no public IP is assigned at launch",
            interfaces.at,
        )
    if primary is not None:
        status, reason = _subnet(primary.get("SubnetId"), ctx)
        return _verdict(status, reason, interfaces.at)
    own = ctx.value(instance, "SubnetId")
    if own.unknown:
        return unknown(f"the subnet decides (MapPublicIpOnLaunch) and {own.reason}", "SubnetId")
    status, reason = _subnet(own.value, ctx)
    return _verdict(status, reason, "SubnetId")


def _requested(interfaces: list[Any], at: str) -> Verdict | None:
    """The verdict when the interfaces themselves ask for (or refuse) a public IP."""
    flags = [i.get("AssociatePublicIpAddress") for i in interfaces if isinstance(i, dict)]
    if any(is_true(flag) for flag in flags):
        return failed("a network interface asks for a public IP (AssociatePublicIpAddress)", at)
    primary = _primary(interfaces)
    flag = primary.get("AssociatePublicIpAddress") if primary else None
    if is_false(flag):
        return passed("the primary network interface refuses a public IP", at)
    if isinstance(flag, (Unknown, Text)):
        return unknown(f"AssociatePublicIpAddress is not known: {flag.reason}", at)
    return None


def _launch_specification(resource: Resource, ctx: Context) -> Verdict:
    if resource.type == LAUNCH_CONFIGURATION:
        flag = ctx.value(resource, "AssociatePublicIpAddress")
        if flag.unknown:
            return unknown(
                f"AssociatePublicIpAddress is not known: {flag.reason}", "AssociatePublicIpAddress"
            )
        if flag.known and is_true(flag.value):
            return failed("asks for a public IP on every instance", "AssociatePublicIpAddress")
        if flag.known and is_false(flag.value):
            return passed(
                "refuses public IPs (AssociatePublicIpAddress false)", "AssociatePublicIpAddress"
            )
        at = "AssociatePublicIpAddress"
        primary = None
    else:
        interfaces = setting(resource, ctx, "NetworkInterfaces")
        if interfaces.value.unknown:
            return unknown(
                f"the network interfaces are not known: {interfaces.value.reason}", interfaces.at
            )
        listed = interfaces.value.value if isinstance(interfaces.value.value, list) else []
        requested = _requested(listed, interfaces.at)
        if requested is not None:
            return requested
        at, primary = interfaces.at, _primary(listed)
    if primary is not None and primary.get("SubnetId") is not None:
        status, reason = _subnet(primary["SubnetId"], ctx)
        return _verdict(status, reason, at)
    return _by_consumers(resource, ctx, at)


def _by_consumers(resource: Resource, ctx: Context, at: str) -> Verdict:
    """Judge a launch specification by the subnets its groups and instances launch into."""
    answers: list[tuple[Status, str]] = []
    for group in ctx.referrers(resource, AUTO_SCALING_GROUP, NODEGROUP, INSTANCE):
        key = {AUTO_SCALING_GROUP: "VPCZoneIdentifier", NODEGROUP: "Subnets"}.get(
            group.type, "SubnetId"
        )
        subnets = ctx.value(group, key)
        if subnets.unknown:
            answers.append((Status.UNKNOWN, f"{group.logical_id}: {subnets.reason}"))
            continue
        values = subnets.value if isinstance(subnets.value, list) else [subnets.value]
        for subnet in values if subnets.known else [None]:
            status, reason = _subnet(subnet, ctx)
            answers.append((status, f"{group.logical_id}: {reason}"))
    if not answers:
        # NOTE: as Security Hub EC2.25 does, a launch template nothing here launches is judged
        # on its own settings; the subnets it will launch into belong to another template.
        return passed(
            f"the {describe(resource)} asks for no public IP; nothing in this template "
            "launches it, so the subnets of whatever does decide the rest",
            at,
        )
    for wanted in (Status.FAIL, Status.UNKNOWN):
        found = [reason for status, reason in answers if status is wanted]
        if found:
            return _verdict(wanted, "; ".join(found[:3]), at)
    return passed("; ".join(reason for _, reason in answers[:3]), at)


# -- ingress rules ----------------------------------------------------------------------------


def _world(source: Any) -> bool:
    """A CIDR that covers every address: 0.0.0.0/0, ::/0, or a spelling of them."""
    if not isinstance(source, str):
        return False
    try:
        return ipaddress.ip_network(source.strip(), strict=False).prefixlen == 0
    except ValueError:
        return False


def _ports(rule: dict[str, Any]) -> tuple[int, int] | str | None:
    """The port range a rule opens (None: no TCP/UDP ports; str: why it is not known)."""
    protocol = rule.get("IpProtocol")
    if isinstance(protocol, (Unknown, Text)):
        return protocol.reason
    name = str(protocol).lower()
    if name in ("-1", "all"):
        return (0, 65535)
    if name not in ("tcp", "udp", "6", "17"):
        return None
    bounds = []
    for key in ("FromPort", "ToPort"):
        value = rule.get(key)
        if isinstance(value, (Unknown, Text)):
            return value.reason
        try:
            bounds.append(int(value) if value is not None else -1)
        except (TypeError, ValueError):
            return f"{key} {value!r} is not a number"
    low, high = bounds
    if low == -1 or high == -1:
        return (0, 65535)
    return (low, high)


def _describe_rule(ports: tuple[int, int], source: str, table: dict[int, str]) -> str:
    low, high = ports
    if (low, high) == (0, 65535):
        return f"all ports from {source}"
    if low == high:
        return f"port {low} ({table[low]}) from {source}"
    names = [f"{p} ({n})" for p, n in sorted(table.items()) if low <= p <= high]
    more = f" and {len(names) - 3} more" if len(names) > 3 else ""
    return f"ports {low}-{high} from {source}, including {', '.join(names[:3])}{more}"


def _ingress_rules(resource: Resource, ctx: Context) -> tuple[list[Any], str] | Verdict:
    """The ingress rules of a security group or standalone rule, or the verdict when unreadable."""
    if resource.type == INGRESS:
        return [ctx.resolver.resolve(resource.properties)], "CidrIp"
    found = ctx.value(resource, "SecurityGroupIngress")
    if found.unknown:
        return unknown(f"the ingress rules are not known: {found.reason}", "SecurityGroupIngress")
    if found.known and not isinstance(found.value, list):
        return unknown(
            f"SecurityGroupIngress is not a list of rules: {found.value!r:.40}",
            "SecurityGroupIngress",
        )
    return (found.value if found.known else []), "SecurityGroupIngress"


def _only_load_balancers(resource: Resource, ctx: Context) -> list[str]:
    """The application load balancers a group serves, when nothing else of the stack uses it.

    NOTE: an ALB only listens for HTTP and HTTPS on its listener ports; network and classic
    load balancers can forward any TCP port, so they do not count.
    """
    group: Resource | None = resource
    if resource.type == INGRESS:
        group = ctx.resource(ctx.value(resource, "GroupId").value)
    if group is None:
        return []
    found = _USERS.get(
        ctx.graph,
        group.logical_id,
        lambda: [r for r in ctx.referrers(group) if r.type not in _GROUP_TYPES],
    )
    if found and all(_application_load_balancer(r, ctx) for r in found):
        return sorted(r.logical_id for r in found)
    return []


#: Security group -> what refers to it other than groups and rules. The group and each of
#: its ingress rules ask; listing every resource in a group shared by the whole stack, once
#: per rule, made the checks quadratic.
_USERS: StackMemo[str, list[Resource]] = StackMemo()


def _application_load_balancer(resource: Resource, ctx: Context) -> bool:
    if resource.type != LOAD_BALANCER:
        return False
    kind = ctx.value(resource, "Type")
    return kind.absent or kind.value == "application"


def _open_to_world(resource: Resource, ctx: Context, table: dict[int, str], what: str) -> Verdict:
    """FAIL when a rule admits 0.0.0.0/0 or ::/0 on a port of ``table``."""
    balancers = _only_load_balancers(resource, ctx)
    if balancers:
        return not_applicable(
            f"used only by load balancer {', '.join(balancers)}, which answers on its "
            f"listener ports alone: no {what} service sits behind these rules"
        )
    read = _ingress_rules(resource, ctx)
    if isinstance(read, Verdict):
        return read
    rules, at = read
    opened, open_ = [], []
    for rule in rules:
        if not isinstance(rule, dict):
            open_.append(f"a rule golive cannot read ({rule!r:.40})")
            continue
        sources = [rule.get("CidrIp"), rule.get("CidrIpv6")]
        world = [str(s) for s in sources if _world(s)]
        maybe = [s.reason for s in sources if isinstance(s, (Unknown, Text))]
        if not world and not maybe:
            continue
        ports = _ports(rule)
        if ports is None:
            continue
        if isinstance(ports, str):
            open_.append(f"a rule from {world[0] if world else 'an unknown source'}: {ports}")
            continue
        if ports[0] > ports[1] or not any(ports[0] <= p <= ports[1] for p in table):
            continue
        if world:
            opened.append(_describe_rule(ports, world[0], table))
        else:
            source = "a CIDR known only at deployment"
            open_.append(f"{_describe_rule(ports, source, table)} ({maybe[0]})")
    if opened:
        return failed("open to the internet: " + "; ".join(opened), at)
    if open_:
        return unknown("; ".join(open_), at)
    return passed(f"no rule opens {what} ports to the internet", at)


@check("ec2.security-group-admin-ports")
def security_group_admin_ports(resource: Resource, ctx: Context) -> Verdict:
    return _open_to_world(resource, ctx, ADMIN_PORTS, "remote administration")


@check("ec2.security-group-data-ports")
def security_group_data_ports(resource: Resource, ctx: Context) -> Verdict:
    return _open_to_world(resource, ctx, DATA_PORTS, "database, cache or file-share")
