"""The network of one stack: subnets and their zones, route tables, gateways, firewall rules.

Zones come in three vocabularies that cannot be compared with each other: names written
out (``us-east-1a``), zone ids (``use1-az1``, the same physical zone in every account) and
positions in ``Fn::GetAZs`` (``values.Zone``). ``spread`` therefore gives bounds, not a
count: how many distinct zones a set of placements certainly covers and how many it may.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from golive.graph import Graph
from golive.per_stack import per_stack
from golive.resolver import Resolver
from golive.values import Reference, Text, Unknown, Zone

_ZONE_ID = re.compile(r"^[a-z]{2,4}[0-9]+-az[0-9]+$")
WORLD = ("0.0.0.0/0", "::/0")


@dataclass(frozen=True)
class Placement:
    """The zone of one subnet or zone entry: a comparable key, or why it is not known."""

    #: What is placed: a subnet's logical id, or the zone entry itself.
    label: str
    key: tuple[str, str | int] | None = None
    reason: str | None = None
    #: The zone as people read it (``us-east-1a``, ``zone 0 of Fn::GetAZs``), when known.
    zone: str = ""


@dataclass(frozen=True)
class Spread:
    """How many distinct zones some placements cover: at least, at most, and why unsure."""

    at_least: int
    at_most: int
    labels: tuple[str, ...]
    reasons: tuple[str, ...]

    def describe(self) -> str:
        """The distinct zones people can read, e.g. ``us-east-1a, us-east-1b``."""
        return ", ".join(self.labels) if self.labels else "no known zone"


def spread(placements: Iterable[Placement]) -> Spread:
    """Distinct zones among ``placements``, as bounds (see the module docstring)."""
    spaces: dict[str, set[str | int]] = defaultdict(set)
    labels: dict[tuple[str, str | int], str] = {}
    reasons: list[str] = []
    for placement in placements:
        if placement.key is None:
            reasons.append(placement.reason or f"the zone of {placement.label} is not known")
            continue
        spaces[placement.key[0]].add(placement.key[1])
        labels.setdefault(placement.key, placement.zone or placement.label)
    known = [len(keys) for keys in spaces.values()]
    unplaced = len(reasons)
    if len(spaces) > 1:
        shown = ", ".join(labels[k] for k in sorted(labels, key=str))
        reasons.append(
            f"zone names, zone ids and Fn::GetAZs positions cannot be compared ({shown})"
        )
    return Spread(
        at_least=max(known, default=0),
        at_most=sum(known) + unplaced,
        labels=tuple(labels[k] for k in sorted(labels, key=str)),
        reasons=tuple(dict.fromkeys(reasons)),
    )


def zone_placement(value: Any, what: str) -> Placement:
    """The placement a resolved ``AvailabilityZone``-like value stands for."""
    if isinstance(value, Zone):
        return Placement(what, ("index", value.index), zone=str(value))
    if isinstance(value, str) and value:
        space = "id" if _ZONE_ID.match(value) else "name"
        return Placement(what, (space, value), zone=value)
    if isinstance(value, (Unknown, Text)):
        return Placement(what, reason=f"the zone of {what} is not known: {value.reason}")
    return Placement(what, reason=f"AWS chooses the zone of {what} at deployment")


@dataclass(frozen=True)
class Rule:
    """One ingress rule: protocol, port range (None: every port), and whether it is open."""

    group: str
    protocol: str
    from_port: int | None
    to_port: int | None
    source: str
    #: True: 0.0.0.0/0 or ::/0; False: a narrower source; Unknown: not known.
    world: bool | Unknown

    def covers(self, port: int | None) -> bool | Unknown:
        """Whether traffic to ``port`` (None: some port of the service) is admitted."""
        if self.protocol in ("-1", "all"):
            return True
        if self.protocol not in ("tcp", "6"):
            return False
        if self.from_port is None or self.to_port is None:
            return Unknown(f"a rule of {self.group} has ports known only at deployment")
        if port is None:
            return Unknown("the service's port is not known")
        return self.from_port <= port <= self.to_port


@dataclass
class Topology:
    """Indexes over one stack's network resources (logical ids throughout)."""

    subnet_zone: dict[str, Placement] = field(default_factory=dict)
    subnet_vpc: dict[str, str | None] = field(default_factory=dict)
    #: VPC -> its subnets, in template order (``subnet_vpc`` turned around).
    vpc_subnets: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    #: subnet -> its associated route table (None: one outside the stack).
    subnet_table: dict[str, str | None] = field(default_factory=dict)
    #: route table -> True (default route to an internet gateway), Unknown, or absent (no).
    table_internet: dict[str, bool | Unknown] = field(default_factory=dict)
    #: route table -> NAT gateways its default route goes to.
    table_nat: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    #: NAT gateway -> route tables that send their default route to it.
    nat_tables: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    table_subnets: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    vpcs_with_internet_gateway: set[str] = field(default_factory=set)
    vpcs: set[str] = field(default_factory=set)
    ingress: dict[str, list[Rule]] = field(default_factory=lambda: defaultdict(list))
    groups: set[str] = field(default_factory=set)
    #: ``open_to_world`` answers by group and port (filled on first use).
    _open: dict[tuple[str, int | None], bool | Unknown] = field(default_factory=dict, repr=False)

    def subnet_placements(self, value: Any, what: str) -> list[Placement] | Unknown:
        """Placements of the subnets a resolved subnet-list property names."""
        if isinstance(value, (Unknown, Text)):
            return Unknown(f"the subnets of {what} are not known: {value.reason}")
        items = value if isinstance(value, list) else [value]
        found = []
        for item in items:
            logical_id = target(item)
            if logical_id is not None and logical_id in self.subnet_zone:
                found.append(self.subnet_zone[logical_id])
            elif isinstance(item, str):
                found.append(Placement(item, reason=f"subnet {item} is not in this template"))
            elif isinstance(item, Reference):
                found.append(
                    Placement(item.logical_id, reason=f"{item.logical_id} is not a subnet here")
                )
            else:
                reason = getattr(item, "reason", "a subnet known only at deployment")
                found.append(Placement(what, reason=f"a subnet of {what} is not known: {reason}"))
        return found

    def subnet_public(self, subnet: str) -> bool | Unknown:
        """Whether a subnet of the stack routes 0.0.0.0/0 to an internet gateway."""
        if subnet not in self.subnet_table:
            vpc = self.subnet_vpc.get(subnet)
            if vpc in self.vpcs:
                return False  # the main route table of a new VPC holds only the local route
            return Unknown(f"subnet {subnet} uses the main route table of a VPC outside the stack")
        table = self.subnet_table[subnet]
        if table is None:
            return Unknown(f"the route table of subnet {subnet} is not in this template")
        return self.table_internet.get(table, False)

    def open_to_world(self, group: str, port: int | None) -> bool | Unknown:
        """Whether security group ``group`` (in the stack) admits the internet on ``port``.

        Every database and instance in a shared group asks; the answer for each group and
        port is read from the group's rules once.
        """
        key = (group, port)
        if key not in self._open:
            self._open[key] = self._read_open(group, port)
        return self._open[key]

    def _read_open(self, group: str, port: int | None) -> bool | Unknown:
        unknown: Unknown | None = None
        for rule in self.ingress.get(group, ()):
            world, covers = rule.world, rule.covers(port)
            if world is True and covers is True:
                return True
            if world is not False and covers is not False and unknown is None:
                unknown = next(a for a in (world, covers) if isinstance(a, Unknown))
        return unknown or False


def target(value: Any) -> str | None:
    """The logical id a resolved ``Ref``/``Fn::GetAtt`` points at."""
    return value.logical_id if isinstance(value, Reference) else None


def _deployed(resource_condition: str | None, resolver: Resolver) -> bool | Unknown:
    if not resource_condition:
        return True
    return resolver.condition(resource_condition)


def _build(graph: Graph, resolver: Resolver) -> Topology:
    """Index every subnet, route, gateway attachment and security group rule, in one pass."""
    topo = Topology()
    routes = []
    for resource in graph.stack.resources.values():
        deployed = _deployed(resource.condition, resolver)
        if deployed is False:
            continue
        props = resource.properties
        kind = resource.type
        lid = resource.logical_id
        if kind == "AWS::EC2::VPC":
            topo.vpcs.add(lid)
        elif kind == "AWS::EC2::Subnet":
            written = props.get("AvailabilityZone", props.get("AvailabilityZoneId"))
            topo.subnet_zone[lid] = zone_placement(resolver.resolve(written), lid)
            vpc = target(resolver.resolve(props.get("VpcId")))
            topo.subnet_vpc[lid] = vpc
            if vpc:
                topo.vpc_subnets[vpc].append(lid)
        elif kind == "AWS::EC2::SubnetRouteTableAssociation":
            subnet = target(resolver.resolve(props.get("SubnetId")))
            table = target(resolver.resolve(props.get("RouteTableId")))
            if subnet:
                topo.subnet_table[subnet] = table
            if subnet and table:
                topo.table_subnets[table].append(subnet)
        elif kind == "AWS::EC2::Route":
            routes.append((resource, deployed))
        elif kind == "AWS::EC2::VPCGatewayAttachment":
            vpc = target(resolver.resolve(props.get("VpcId")))
            if vpc and props.get("InternetGatewayId") is not None:
                topo.vpcs_with_internet_gateway.add(vpc)
        elif kind == "AWS::EC2::SecurityGroup":
            topo.groups.add(lid)
            inline = resolver.resolve(props.get("SecurityGroupIngress"))
            for rule in inline if isinstance(inline, list) else []:
                if isinstance(rule, dict):
                    topo.ingress[lid].append(_rule(lid, rule))
        elif kind == "AWS::EC2::SecurityGroupIngress":
            resolved = resolver.resolve(dict(props))
            group = target(resolved.get("GroupId")) or target(resolved.get("GroupName"))
            if group:
                topo.ingress[group].append(_rule(group, resolved))
    for route, deployed in routes:
        _index_route(topo, route.properties, deployed, resolver, graph)
    return topo


def _index_route(
    topo: Topology, props: Any, deployed: bool | Unknown, resolver: Resolver, graph: Graph
) -> None:
    table = target(resolver.resolve(props.get("RouteTableId")))
    if table is None:
        return
    destination = resolver.resolve(props.get("DestinationCidrBlock"))
    destination6 = resolver.resolve(props.get("DestinationIpv6CidrBlock"))
    if destination not in WORLD and destination6 not in WORLD:
        return
    nat = target(resolver.resolve(props.get("NatGatewayId")))
    if nat is not None and deployed is True:
        topo.table_nat[table].append(nat)
        topo.nat_tables[nat].append(table)
    gateway = resolver.resolve(props.get("GatewayId"))
    to_internet: bool | Unknown = False
    gateway_id = target(gateway)
    if gateway_id is not None:
        resource = graph.stack.resources.get(gateway_id)
        to_internet = resource is not None and resource.type == "AWS::EC2::InternetGateway"
    elif isinstance(gateway, str):
        to_internet = gateway.startswith("igw-")
    elif isinstance(gateway, (Unknown, Text)):
        to_internet = Unknown(f"the gateway of a route in {table} is not known: {gateway.reason}")
    if to_internet is False:
        return
    if isinstance(deployed, Unknown) and to_internet is True:
        to_internet = Unknown(f"the internet route of {table} exists only if {deployed.reason}")
    if topo.table_internet.get(table) is not True:
        topo.table_internet[table] = to_internet


def _port(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _rule(group: str, rule: dict[str, Any]) -> Rule:
    protocol = str(rule.get("IpProtocol", "")).lower()
    world: bool | Unknown = False
    source = "another source"
    for key in ("CidrIp", "CidrIpv6"):
        value = rule.get(key)
        if isinstance(value, str):
            source = value
            if value in WORLD:
                world = True
                break
        elif isinstance(value, (Unknown, Text)) and world is False:
            world = Unknown(f"the source of a rule of {group} is not known: {value.reason}")
    return Rule(
        group,
        protocol,
        _port(rule.get("FromPort")),
        _port(rule.get("ToPort")),
        source,
        world,
    )


topology = per_stack(_build)
