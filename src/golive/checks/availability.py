"""Resources spread over more than one availability zone.

Catalogue entries: ``autoscaling.multi-az`` (``catalog/autoscaling.yaml``), ``elb.multi-az``
(``catalog/elb.yaml``), ``rds.subnet-group-multi-az`` (``catalog/rds.yaml``),
``elasticache.automatic-failover`` (``catalog/elasticache.yaml``) and ``ecs.service-spread``
(``catalog/ecs.yaml``). Zones are read through ``golive.topology``: subnets of the stack with
literal zones, zone ids or ``Fn::Select``/``Fn::GetAZs``.
"""

from __future__ import annotations

from golive.checks.base import Verdict, check, failed, not_applicable, passed, unknown
from golive.context import Context
from golive.model import Resource, Status
from golive.topology import Placement, spread, topology, zone_placement
from golive.values import GETAZS_LENGTH, Unknown, is_true

_ECS_ZONE = "attribute:ecs.availability-zone"


def zone_verdict(placements: list[Placement] | Unknown, what: str, attribute: str) -> Verdict:
    """PASS for two zones or more, FAIL for one, UNKNOWN when the zones cannot be compared.

    ``what`` is ``subnets`` (placements of subnets) or ``zones`` (a list of zone names).
    """
    if isinstance(placements, Unknown):
        return unknown(placements.reason, attribute)
    if not placements:
        return failed(f"no {what} given", attribute)
    zones = spread(placements)
    indexes = {p.key[1] for p in placements if p.key and p.key[0] == "index"}
    if len(indexes) == GETAZS_LENGTH:
        return passed("every zone of the region (Fn::GetAZs)", attribute)
    if zones.at_least >= 2:
        more = "at least " if zones.at_most > zones.at_least else ""
        where = "subnets in " if what == "subnets" else ""
        return passed(f"{where}{more}{zones.at_least} zones ({zones.describe()})", attribute)
    if zones.at_most < 2:
        outage = "an outage of that zone takes it down"
        if what == "zones":
            return failed(f"only zone {zones.describe()}: {outage}", attribute)
        if len(placements) == 1:
            only = placements[0].label
            return failed(f"one subnet ({only}) in {zones.describe()}: {outage}", attribute)
        return failed(f"all {len(placements)} subnets in {zones.describe()}: {outage}", attribute)
    return unknown(
        f"cannot tell whether the {what} span two zones: {'; '.join(zones.reasons)}",
        attribute,
    )


def _subnets(resource: Resource, prop: str, ctx: Context) -> list[Placement] | Unknown | None:
    """Placements of the subnets in ``prop``; None when the property is not set."""
    value = ctx.value(resource, prop)
    if value.absent:
        return None
    if value.unknown:
        return Unknown(f"{prop} is not known: {value.reason}")
    return topology(ctx.graph, ctx.facts.resolver).subnet_placements(
        value.value, resource.logical_id
    )


def _zones(resource: Resource, prop: str, ctx: Context) -> list[Placement] | Unknown | None:
    """Placements of a list of zone names (``AvailabilityZones``); None when not set."""
    value = ctx.value(resource, prop)
    if value.absent:
        return None
    if value.unknown:
        return Unknown(f"{prop} is not known: {value.reason}")
    items = value.value if isinstance(value.value, list) else [value.value]
    return [zone_placement(item, item if isinstance(item, str) else prop) for item in items]


@check("autoscaling.multi-az")
def auto_scaling_group(group: Resource, ctx: Context) -> Verdict:
    subnets = _subnets(group, "VPCZoneIdentifier", ctx)
    if subnets is not None:
        return zone_verdict(subnets, "subnets", "VPCZoneIdentifier")
    zones = _zones(group, "AvailabilityZones", ctx)
    if zones is not None:
        return zone_verdict(zones, "zones", "AvailabilityZones")
    return unknown(
        "neither VPCZoneIdentifier nor AvailabilityZones: the zones come from the launch "
        "template's network interfaces, which golive does not follow"
    )


@check("elb.multi-az")
def load_balancer(balancer: Resource, ctx: Context) -> Verdict:
    subnets = _subnets(balancer, "Subnets", ctx)
    if subnets is not None:
        return zone_verdict(subnets, "subnets", "Subnets")
    mappings = ctx.value(balancer, "SubnetMappings")
    if mappings.unknown:
        return unknown(f"SubnetMappings is not known: {mappings.reason}", "SubnetMappings")
    if mappings.known and isinstance(mappings.value, list):
        ids = [m.get("SubnetId") if isinstance(m, dict) else m for m in mappings.value]
        placements = topology(ctx.graph, ctx.facts.resolver).subnet_placements(
            ids, balancer.logical_id
        )
        return zone_verdict(placements, "subnets", "SubnetMappings")
    zones = _zones(balancer, "AvailabilityZones", ctx)
    if zones is not None:
        return zone_verdict(zones, "zones", "AvailabilityZones")
    return unknown("no subnets or zones given: the load balancer's zones are not known")


@check("rds.subnet-group-multi-az")
def db_subnet_group(group: Resource, ctx: Context) -> Verdict:
    subnets = _subnets(group, "SubnetIds", ctx)
    return zone_verdict(subnets or [], "subnets", "SubnetIds")


def _count(resource: Resource, prop: str, ctx: Context, default: int | None) -> int | Unknown:
    value = ctx.value(resource, prop)
    if value.unknown:
        return Unknown(f"{prop} is not known: {value.reason}")
    if value.absent:
        return default if default is not None else Unknown(f"{prop} is not set")
    try:
        return int(value.value)
    except (TypeError, ValueError):
        return Unknown(f"{prop} {value.value!r} is not a number")


def _nodes_per_shard(group: Resource, ctx: Context) -> int | Unknown:
    """Nodes in each shard (primary plus replicas) of a replication group."""
    if not ctx.value(group, "NumCacheClusters").absent:
        return _count(group, "NumCacheClusters", ctx, 1)
    if not ctx.value(group, "ReplicasPerNodeGroup").absent:
        replicas = _count(group, "ReplicasPerNodeGroup", ctx, 0)
        return replicas if isinstance(replicas, Unknown) else replicas + 1
    shards = ctx.value(group, "NodeGroupConfiguration")
    if shards.unknown:
        return Unknown(f"NodeGroupConfiguration is not known: {shards.reason}")
    if shards.known and isinstance(shards.value, list) and shards.value:
        counts = [s.get("ReplicaCount", 0) if isinstance(s, dict) else 0 for s in shards.value]
        try:
            return min(int(c) for c in counts) + 1
        except (TypeError, ValueError):
            return Unknown("a ReplicaCount of NodeGroupConfiguration is not known")
    if not ctx.value(group, "PrimaryClusterId").absent:
        return Unknown("the group is built around an existing cluster, whose replicas are not here")
    return 1  # NOTE: NumCacheClusters defaults to 1 (CreateReplicationGroup API reference)


@check("elasticache.automatic-failover")
def automatic_failover(group: Resource, ctx: Context) -> Verdict:
    nodes = _nodes_per_shard(group, ctx)
    failover = ctx.value(group, "AutomaticFailoverEnabled")
    multi_az = ctx.value(group, "MultiAZEnabled")
    for name, value in (("AutomaticFailoverEnabled", failover), ("MultiAZEnabled", multi_az)):
        if value.unknown:
            return unknown(f"{name} is not known: {value.reason}", name)
    if isinstance(nodes, Unknown):
        return unknown(nodes.reason)
    if nodes < 2:
        return failed("one node per shard: no replica to promote when the primary fails")
    if not (failover.known and is_true(failover.value)):
        return failed(
            "AutomaticFailoverEnabled is not true: when the primary fails, nothing promotes "
            "a replica and writes stop until someone acts",
            "AutomaticFailoverEnabled",
        )
    if not (multi_az.known and is_true(multi_az.value)):
        return failed(
            "MultiAZEnabled is not true: ElastiCache does not run the group as Multi-AZ, so "
            "nothing keeps the primary and its replicas in different zones",
            "MultiAZEnabled",
        )
    zones = _zones(group, "PreferredCacheClusterAZs", ctx)
    if zones and not isinstance(zones, Unknown) and spread(zones).at_most < 2:
        return failed(
            f"every node is pinned to {spread(zones).describe()}", "PreferredCacheClusterAZs"
        )
    return passed(f"{nodes} nodes per shard, automatic failover to another zone")


def _fargate(service: Resource, ctx: Context) -> bool:
    launch = ctx.value(service, "LaunchType")
    if launch.known:
        return str(launch.value).upper() == "FARGATE"
    providers = ctx.value(service, "CapacityProviderStrategy")
    if providers.known and isinstance(providers.value, list) and providers.value:
        names = [
            p.get("CapacityProvider") if isinstance(p, dict) else None for p in providers.value
        ]
        return all(isinstance(n, str) and n.upper().startswith("FARGATE") for n in names)
    return False


def _task_count(service: Resource, ctx: Context) -> int | Unknown:
    """The tasks the service keeps running: a scalable target's minimum wins over DesiredCount."""
    for target in ctx.referrers(service, "AWS::ApplicationAutoScaling::ScalableTarget"):
        dimension = ctx.value(target, "ScalableDimension")
        if dimension.known and dimension.value == "ecs:service:DesiredCount":
            return _count(target, "MinCapacity", ctx, None)
    return _count(service, "DesiredCount", ctx, 1)


@check("ecs.service-spread")
def service_spread(service: Resource, ctx: Context) -> Verdict:
    strategy = ctx.value(service, "SchedulingStrategy")
    if strategy.known and strategy.value == "DAEMON":
        return not_applicable("a daemon service runs one task on every container instance")
    launch = ctx.value(service, "LaunchType")
    if launch.known and launch.value == "EXTERNAL":
        return not_applicable("runs on external (ECS Anywhere) capacity outside AWS zones")
    count = _task_count(service, ctx)
    if isinstance(count, Unknown):
        return unknown(count.reason, "DesiredCount")
    if count < 2:
        if int(ctx.option("min_tasks")) >= 2:
            return failed(
                f"runs {count} task: a task, host or zone failure stops the service until "
                "a replacement starts",
                "DesiredCount",
            )
        return not_applicable(
            f"runs {count} task, which the {ctx.profile.value} profile accepts: one task "
            "cannot be spread"
        )
    subnets = _subnets(service, "NetworkConfiguration.AwsvpcConfiguration.Subnets", ctx)
    if subnets is not None:
        verdict = zone_verdict(subnets, "subnets", "NetworkConfiguration")
        if verdict.status is not Status.PASS:
            return verdict
        if _fargate(service, ctx):
            return passed(f"{count} tasks over {verdict.reason}", "NetworkConfiguration")
    placement = ctx.value(service, "PlacementStrategies")
    if placement.unknown:
        return unknown(f"PlacementStrategies is not known: {placement.reason}")
    if placement.known and isinstance(placement.value, list) and placement.value:
        by_zone = any(
            isinstance(s, dict) and s.get("Type") == "spread" and s.get("Field") == _ECS_ZONE
            for s in placement.value
        )
        if not by_zone:
            shown = ", ".join(
                f"{s.get('Type')}({s.get('Field', '')})"
                for s in placement.value
                if isinstance(s, dict)
            )
            return failed(
                f"{count} tasks placed by {shown}, which ignores zones: they may all land in one",
                "PlacementStrategies",
            )
        return passed(f"{count} tasks spread across zones by its placement strategy")
    if subnets is not None:
        return passed(f"{count} tasks over subnets in several zones, spread by zone (ECS default)")
    return passed(
        f"{count} tasks spread across the cluster's zones (ECS's default placement for services)"
    )
