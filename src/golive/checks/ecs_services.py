"""Checks on ECS clusters and services (catalogue: ``catalog/ecs.yaml``).

Deployment safety, monitoring, the Fargate platform, Spot capacity and public addresses.
Where a service's tasks run is worked out by ``ecs_runtime.service_capacity``: its launch
type, its capacity provider strategy, or the default strategy of its cluster.
"""

from __future__ import annotations

from golive.checks.base import Verdict, check, failed, not_applicable, passed, unknown
from golive.checks.ecs_runtime import (
    FARGATE_PROVIDERS,
    runtime,
    service_capacity,
    service_task,
    unknown_part,
)
from golive.context import Context
from golive.model import Resource
from golive.values import Unknown, is_true

_INSIGHTS_ON = ("enabled", "enhanced")
_OTHER_CONTROLLERS = {
    "CODE_DEPLOY": "CodeDeploy blue/green deployments, which roll back through CodeDeploy",
    "EXTERNAL": "an external deployment controller, which decides on rollbacks itself",
}


@check("ecs.circuit-breaker")
def circuit_breaker(service: Resource, ctx: Context) -> Verdict:
    controller = ctx.value(service, "DeploymentController.Type")
    if controller.unknown:
        return unknown(
            f"the deployment controller is not known: {controller.reason}", "DeploymentController"
        )
    kind = str(controller.value).upper() if controller.known else "ECS"
    if kind in _OTHER_CONTROLLERS:
        return not_applicable(
            f"uses {_OTHER_CONTROLLERS[kind]}; the ECS circuit breaker serves the ECS controller"
        )
    path = "DeploymentConfiguration.DeploymentCircuitBreaker"
    breaker = ctx.value(service, path)
    if breaker.unknown:
        return unknown(f"the circuit breaker is not known: {breaker.reason}", path)
    settings = breaker.value if breaker.known and isinstance(breaker.value, dict) else {}
    enable, rollback = settings.get("Enable"), settings.get("Rollback")
    reason = unknown_part(enable) or unknown_part(rollback)
    if reason:
        return unknown(f"the circuit breaker settings are not known: {reason}", path)
    if is_true(enable) and is_true(rollback):
        return passed("a failed deployment stops and rolls back to the last working one", path)
    if is_true(enable):
        return failed(
            "the circuit breaker stops a failing deployment but Rollback is false: the "
            "service is left on the broken revision until someone deploys again",
            f"{path}.Rollback",
        )
    alarms = ctx.value(service, "DeploymentConfiguration.Alarms.Rollback")
    extra = (
        " (alarm-based rollback is on, but it only catches what its alarms watch, not tasks "
        "that never start)"
        if alarms.known and is_true(alarms.value)
        else ""
    )
    return failed(
        "no deployment circuit breaker: tasks that fail to start are retried without end "
        f"and the deployment never rolls back{extra}",
        path,
    )


@check("ecs.container-insights")
def container_insights(cluster: Resource, ctx: Context) -> Verdict:
    settings = ctx.value(cluster, "ClusterSettings")
    if settings.unknown:
        return unknown(f"the cluster settings are not known: {settings.reason}", "ClusterSettings")
    items = settings.value if settings.known and isinstance(settings.value, list) else []
    for item in items:
        if not isinstance(item, dict) or item.get("Name") != "containerInsights":
            continue
        value = item.get("Value")
        if value is None:
            continue
        if isinstance(value, str) and value.lower() in _INSIGHTS_ON:
            return passed(f"Container Insights is {value.lower()}", "ClusterSettings")
        reason = unknown_part(value)
        if reason:
            return unknown(f"the Container Insights setting is not known: {reason}")
        return failed(
            f"Container Insights is {value}: no per-task CPU, memory, network and restart "
            "metrics to alarm on or to size tasks by",
            "ClusterSettings",
        )
    return failed(
        "Container Insights is not turned on (unless the account's default turns it on for "
        "new clusters): no per-task CPU, memory, network and restart metrics",
        "ClusterSettings",
    )


def _fargate(service: Resource, ctx: Context) -> tuple[str, ...] | Unknown | None:
    """The Fargate capacity the service uses, ``None`` when it uses none."""
    capacity = service_capacity(service, ctx)
    if isinstance(capacity, Unknown):
        return capacity
    fargate = tuple(c for c in capacity if c in FARGATE_PROVIDERS)
    return fargate or None


def _windows(service: Resource, ctx: Context) -> bool | Unknown:
    task = service_task(service, ctx)
    if task is None:
        return Unknown("the task definition comes from outside the template")
    found = runtime(task, ctx)
    return found if isinstance(found, Unknown) else found.windows


@check("ecs.fargate-platform-version")
def fargate_platform_version(service: Resource, ctx: Context) -> Verdict:
    fargate = _fargate(service, ctx)
    if isinstance(fargate, Unknown):
        return unknown(f"whether the service runs on Fargate is not known: {fargate.reason}")
    if fargate is None:
        return not_applicable("does not run on Fargate: there is no platform version to choose")
    version = ctx.value(service, "PlatformVersion")
    if version.unknown:
        return unknown(f"the platform version is not known: {version.reason}", "PlatformVersion")
    value = str(version.value).upper() if version.known else "LATEST"
    if value == "LATEST":
        default = " (the default)" if version.absent else ""
        return passed(f"runs on the LATEST platform version{default}", "PlatformVersion")
    latest = {False: str(ctx.option("latest_linux")), True: str(ctx.option("latest_windows"))}
    if value not in latest.values():
        return failed(
            f"pinned to platform version {value}, older than the latest ({latest[False]} for "
            f"Linux, {latest[True]} for Windows): it misses security patches and features",
            "PlatformVersion",
        )
    windows = _windows(service, ctx)
    if isinstance(windows, Unknown):
        return unknown(
            f"pinned to {value}, the latest for one operating system only; the task's "
            f"operating system is not known: {windows.reason}",
            "PlatformVersion",
        )
    if value == latest[windows]:
        return passed(
            f"pinned to {value}, the latest {'Windows' if windows else 'Linux'} platform version",
            "PlatformVersion",
        )
    return failed(
        f"pinned to {value}, not the latest {'Windows' if windows else 'Linux'} platform "
        f"version ({latest[windows]})",
        "PlatformVersion",
    )


@check("ecs.fargate-spot")
def fargate_spot(service: Resource, ctx: Context) -> Verdict:
    fargate = _fargate(service, ctx)
    if isinstance(fargate, Unknown):
        return unknown(f"whether the service runs on Fargate is not known: {fargate.reason}")
    if fargate is None:
        return not_applicable(
            "does not run on Fargate; Spot for EC2 capacity is set on its Auto Scaling group"
        )
    if "FARGATE_SPOT" in fargate:
        return passed("runs part or all of its tasks on Fargate Spot", "CapacityProviderStrategy")
    task = service_task(service, ctx)
    if task is not None:
        arm = ctx.value(task, "RuntimePlatform.CpuArchitecture")
        if arm.known and str(arm.value).upper() == "ARM64":
            return not_applicable(
                "runs ARM64 (Graviton) tasks, which Fargate Spot does not support; Graviton "
                "already lowers the price"
            )
        if _windows(service, ctx) is True:
            return not_applicable("runs Windows containers, which Fargate Spot does not support")
    if not ctx.option("spot_expected"):
        return not_applicable(
            f"the {ctx.profile.value} profile keeps services on uninterrupted capacity; a "
            "FARGATE base with a FARGATE_SPOT share still suits interruption-tolerant workers"
        )
    return failed(
        "runs only on on-demand Fargate: Fargate Spot would cost up to 70% less for tasks "
        "that tolerate a two-minute interruption notice",
        "CapacityProviderStrategy",
    )


@check("ecs.no-public-ip")
def no_public_ip(service: Resource, ctx: Context) -> Verdict:
    path = "NetworkConfiguration.AwsvpcConfiguration"
    config = ctx.value(service, path)
    if config.unknown:
        return unknown(f"the network configuration is not known: {config.reason}", path)
    if config.absent:
        return not_applicable(
            "no awsvpc network configuration: tasks share their container instance's network"
        )
    assign = ctx.value(service, f"{path}.AssignPublicIp")
    if assign.unknown:
        return unknown(f"AssignPublicIp is not known: {assign.reason}", f"{path}.AssignPublicIp")
    if assign.known and str(assign.value).upper() == "ENABLED":
        return failed(
            "every task gets a public IP address: only its security groups stand between "
            "the containers and the internet",
            f"{path}.AssignPublicIp",
        )
    return passed("tasks get private addresses only", f"{path}.AssignPublicIp")
