"""NAT gateways that serve only their own zone (catalogue: ``catalog/vpc.yaml``)."""

from __future__ import annotations

from golive.checks.base import Verdict, check, failed, not_applicable, passed, unknown
from golive.context import Context
from golive.model import Resource
from golive.topology import Placement, spread, target, topology


@check("vpc.nat-gateway-per-az")
def nat_gateway_per_zone(gateway: Resource, ctx: Context) -> Verdict:
    if not ctx.option("require_per_zone"):
        return not_applicable(
            f"the {ctx.profile.value} profile accepts one NAT gateway shared across zones"
        )
    mode = ctx.value(gateway, "AvailabilityMode")
    if mode.known and str(mode.value).lower() == "regional":
        return passed("a regional NAT gateway: it serves every zone from within that zone")
    topo = topology(ctx.graph, ctx.facts.resolver)
    tables = topo.nat_tables.get(gateway.logical_id, [])
    served = sorted({s for t in tables for s in topo.table_subnets.get(t, [])})
    if not served:
        return not_applicable("no subnet of this template routes its internet traffic through it")
    subnet = target(ctx.resolver.resolve(gateway.properties.get("SubnetId")))
    own = topo.subnet_zone.get(subnet or "") or Placement(
        gateway.logical_id, reason=f"the subnet of {gateway.logical_id} is not in this template"
    )
    zones = spread(
        [
            own,
            *(
                topo.subnet_zone.get(s) or Placement(s, reason=f"{s} is not a subnet here")
                for s in served
            ),
        ]
    )
    if zones.at_most < 2:
        return passed(
            f"serves {len(served)} subnet{'s' if len(served) != 1 else ''} in its own zone "
            f"({zones.describe()})"
        )
    if zones.at_least >= 2:
        return failed(
            f"private subnets in {zones.at_least} zones ({zones.describe()}) reach the internet "
            f"through this one gateway{' in ' + own.zone if own.zone else ''}: when its zone "
            "fails, the others lose their outbound path too",
            "SubnetId",
        )
    return unknown(
        "cannot tell whether the subnets it serves share its zone: " + "; ".join(zones.reasons),
        "SubnetId",
    )
