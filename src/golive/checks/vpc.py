"""VPC flow logs and the S3 gateway endpoint (catalogue: ``catalog/vpc.yaml``)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from golive.checks.base import Verdict, check, failed, not_applicable, passed, unknown
from golive.checks.elb import deployed
from golive.checks.resource_policy import doubt
from golive.context import Context
from golive.graph import Graph
from golive.model import Resource
from golive.per_stack import per_stack, split_by_reading
from golive.resolver import Resolver
from golive.topology import WORLD, target, topology
from golive.values import ABSENT, Text, Unknown

FLOW_LOG = "AWS::EC2::FlowLog"
ENDPOINT = "AWS::EC2::VPCEndpoint"


@check("vpc.flow-logs")
def flow_logs(vpc: Resource, ctx: Context) -> Verdict:
    logs, reason = [], None
    for log in ctx.referrers(vpc, FLOW_LOG):
        if target(ctx.resolver.resolve(log.properties.get("ResourceId"))) != vpc.logical_id:
            continue
        live = deployed(log, vpc, ctx)
        if isinstance(live, Unknown):
            reason = reason or f"flow log {log.logical_id}: {live.reason}"
        elif live:
            logs.append(log)
    if logs:
        traffic = ctx.value(logs[0], "TrafficType")
        kind = str(traffic.value) if traffic.known else "the configured"
        return passed(f"flow log {logs[0].logical_id} records {kind} traffic")
    if reason:
        return unknown(f"a flow log may exist: {reason}")
    partial = _subnet_logs(vpc, ctx)
    detail = f" (only subnet {', '.join(partial[:3])} has one)" if partial else ""
    return failed(
        f"no flow log for the VPC{detail}: accepted and rejected connections leave no record "
        "for investigations or GuardDuty-style analysis"
    )


def _subnet_logs(vpc: Resource, ctx: Context) -> list[str]:
    topo = topology(ctx.graph, ctx.facts.resolver)
    subnets = set(topo.vpc_subnets.get(vpc.logical_id, ()))
    logged, unread = flow_log_targets(ctx.graph, ctx.facts.resolver)
    found = {s for s in subnets if s in logged}
    for log in unread:
        subnet = target(ctx.resolver.resolve(log.properties.get("ResourceId")))
        if subnet in subnets:
            found.add(subnet)
    return sorted(found)


@per_stack
def flow_log_targets(graph: Graph, resolver: Resolver) -> tuple[set[str], list[Resource]]:
    """What the stack's flow logs name, and the flow logs to read with each VPC's own
    context (``split_by_reading``). A VPC without a flow log of its own lists its subnets
    that have one; reading every flow log for every VPC made that quadratic."""
    read, unread = split_by_reading(graph.of_type(FLOW_LOG), resolver, "ResourceId")
    targets = (target(resolver.resolve(log.properties.get("ResourceId"))) for log in read)
    return {str(t) for t in targets if t is not None}, unread


# --- vpc.s3-gateway-endpoint ------------------------------------------------------------------


def _nat_routes(graph: Graph, resolver: Resolver) -> dict[str, list[str]]:
    """Route table -> the NAT gateways its default route goes to (ids or descriptions)."""
    tables: dict[str, list[str]] = defaultdict(list)
    for route in graph.of_type("AWS::EC2::Route"):
        if route.condition and resolver.condition(route.condition) is False:
            continue
        props = route.properties
        table = target(resolver.resolve(props.get("RouteTableId")))
        if table is None or resolver.resolve(props.get("DestinationCidrBlock")) not in WORLD:
            continue
        nat = resolver.resolve(props.get("NatGatewayId", ABSENT))
        if nat is ABSENT:
            continue
        tables[table].append(target(nat) or (nat if isinstance(nat, str) else "a NAT gateway"))
    return dict(tables)


nat_routes = per_stack(_nat_routes)


def _service(endpoint: Resource, ctx: Context) -> str | Unknown:
    """The service an endpoint reaches, by the last word of its name (``s3``, ``dynamodb``)."""
    name = ctx.resolver.resolve(endpoint.properties.get("ServiceName"))
    literal = name.literal("\x00") if isinstance(name, Text) else name
    if isinstance(literal, str) and "." in literal and "\x00" not in literal.rsplit(".", 1)[1]:
        return literal.rsplit(".", 1)[1]
    return Unknown(f"the service of endpoint {endpoint.logical_id} is not known: {doubt(name)}")


def _endpoints(vpc: Resource, ctx: Context) -> tuple[list[Resource], list[str], str | None]:
    """Gateway endpoints for S3 in the VPC, interface endpoints for S3, and a doubt."""
    gateways, interfaces, reason = [], [], None
    for endpoint in ctx.referrers(vpc, ENDPOINT):
        if target(ctx.resolver.resolve(endpoint.properties.get("VpcId"))) != vpc.logical_id:
            continue
        if deployed(endpoint, vpc, ctx) is False:
            continue
        service = _service(endpoint, ctx)
        if isinstance(service, Unknown):
            reason = reason or service.reason
            continue
        if service != "s3":
            continue
        kind = ctx.value(endpoint, "VpcEndpointType")
        if kind.unknown:
            reason = reason or f"the type of endpoint {endpoint.logical_id}: {kind.reason}"
        elif kind.absent or str(kind.value).lower() == "gateway":
            gateways.append(endpoint)
        else:
            interfaces.append(endpoint.logical_id)
    return gateways, interfaces, reason


def _route_tables(endpoint: Resource, ctx: Context) -> set[str] | Unknown:
    tables = ctx.value(endpoint, "RouteTableIds")
    if tables.unknown:
        return Unknown(f"the route tables of {endpoint.logical_id}: {tables.reason}")
    found: set[str] = set()
    for item in tables.value if isinstance(tables.value, list) else []:
        if doubt(item):
            return Unknown(f"a route table of {endpoint.logical_id}: {doubt(item)}")
        if target(item):
            found.add(str(target(item)))
    return found


@check("vpc.s3-gateway-endpoint")
def s3_gateway_endpoint(vpc: Resource, ctx: Context) -> Verdict:
    topo = topology(ctx.graph, ctx.facts.resolver)
    routes = nat_routes(ctx.graph, ctx.facts.resolver)
    nat_tables: dict[str, list[str]] = defaultdict(list)
    for subnet in sorted(topo.vpc_subnets.get(vpc.logical_id, ())):
        table = topo.subnet_table.get(subnet)
        if table in routes:
            nat_tables[str(table)].append(subnet)
    if not nat_tables:
        return not_applicable(
            "no subnet of this VPC reaches the internet through a NAT gateway in this "
            "template, so no S3 traffic pays NAT processing charges"
        )
    subnets = sorted(s for group in nat_tables.values() for s in group)
    gateways, interfaces, reason = _endpoints(vpc, ctx)
    covered: set[str] = set()
    for endpoint in gateways:
        tables = _route_tables(endpoint, ctx)
        if isinstance(tables, Unknown):
            return unknown(tables.reason, "RouteTableIds")
        covered |= tables
    missing = sorted(t for t in nat_tables if t not in covered)
    if gateways and not missing:
        names = ", ".join(e.logical_id for e in gateways)
        return passed(f"S3 gateway endpoint {names} serves the route tables of the NAT subnets")
    if reason and not gateways:
        return unknown(f"an endpoint of this VPC may be the S3 gateway: {reason}")
    if gateways:
        return failed(
            f"gateway endpoint {gateways[0].logical_id} is not associated with route table "
            f"{', '.join(missing[:3])}: S3 traffic from its subnets still crosses the NAT gateway"
        )
    what = _sample(subnets)
    if interfaces:
        return failed(
            f"only interface endpoint {interfaces[0]} for S3: it is charged per hour and per GB, "
            f"where a gateway endpoint for {what} would be free"
        )
    return failed(
        f"no S3 gateway endpoint: S3 traffic from {what} goes through a NAT gateway and pays "
        "its per-GB processing charge"
    )


def _sample(subnets: list[Any]) -> str:
    shown = ", ".join(subnets[:3])
    more = f" and {len(subnets) - 3} more" if len(subnets) > 3 else ""
    return f"subnet{'s' if len(subnets) > 1 else ''} {shown}{more}"
