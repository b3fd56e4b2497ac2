"""Auto Scaling group health checks and launch templates (``catalog/autoscaling.yaml``)."""

from __future__ import annotations

from golive.checks.base import Verdict, check, failed, not_applicable, passed, unknown
from golive.context import Context
from golive.model import Resource

#: Where a group names the load balancers (or lattice target groups) that send it traffic.
_TRAFFIC = ("TargetGroupARNs", "LoadBalancerNames", "TrafficSources")


def _traffic_sources(group: Resource, ctx: Context) -> tuple[list[str], str | None]:
    """The properties that attach the group to a load balancer, and why it may be unknown."""
    found, reason = [], None
    for prop in _TRAFFIC:
        value = ctx.value(group, prop)
        if value.unknown:
            reason = reason or f"{prop} is not known: {value.reason}"
        elif value.known and value.value:
            found.append(prop)
    return found, reason


def _lattice_only(group: Resource, ctx: Context) -> bool:
    """The group's only traffic source is VPC Lattice (its health check type is VPC_LATTICE)."""
    sources = ctx.value(group, "TrafficSources")
    if not (sources.known and isinstance(sources.value, list)):
        return False
    types = {str(s.get("Type", "")).lower() for s in sources.value if isinstance(s, dict)}
    return types == {"vpc-lattice"}


@check("autoscaling.elb-health-check")
def elb_health_check(group: Resource, ctx: Context) -> Verdict:
    sources, reason = _traffic_sources(group, ctx)
    if not sources and reason:
        return unknown(f"whether a load balancer sends it traffic: {reason}")
    if not sources:
        return not_applicable(
            "not attached to a load balancer: only the EC2 status checks can judge its instances"
        )
    kind = ctx.value(group, "HealthCheckType")
    if kind.unknown:
        return unknown(f"the health check type is not known: {kind.reason}", "HealthCheckType")
    types = {t.strip().upper() for t in str(kind.value).split(",")} if kind.known else {"EC2"}
    wanted = {"VPC_LATTICE", "ELB"} if _lattice_only(group, ctx) else {"ELB"}
    if wanted & types:
        return passed(
            f"HealthCheckType {kind.value}: instances the load balancer finds unhealthy are "
            "replaced",
            "HealthCheckType",
        )
    current = kind.value if kind.known else "EC2 (the default)"
    return failed(
        f"receives traffic through {sources[0]} but HealthCheckType is {current}: an instance "
        "whose application stopped answering stays in service",
        "HealthCheckType",
    )


@check("autoscaling.launch-template")
def launch_template(group: Resource, ctx: Context) -> Verdict:
    for prop in ("LaunchTemplate", "MixedInstancesPolicy"):
        if not ctx.value(group, prop).absent:
            return passed(f"launches from a launch template ({prop})", prop)
    configuration = ctx.value(group, "LaunchConfigurationName")
    if not configuration.absent:
        return failed(
            "uses a launch configuration: AWS no longer adds features or instance types to "
            "them, and new accounts cannot create them",
            "LaunchConfigurationName",
        )
    if not ctx.value(group, "InstanceId").absent:
        return failed(
            "built from an instance (InstanceId): Auto Scaling derives a launch configuration "
            "from it",
            "InstanceId",
        )
    return passed("names no launch configuration")
