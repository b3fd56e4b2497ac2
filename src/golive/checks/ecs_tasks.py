"""Checks on ECS task definitions, container by container (catalogue: ``catalog/ecs.yaml``).

Each check reports on the task definition and names the containers that miss the practice.
What the task runs on (``ecs_runtime.runtime``) decides where a practice cannot apply:
Windows containers have no read-only root filesystem, and an ARM64 choice exists only on
Fargate.
"""

from __future__ import annotations

from golive.checks.base import Verdict, check, failed, not_applicable, passed, unknown
from golive.checks.ecs_runtime import (
    SERVICE,
    Container,
    ContainerTest,
    containers,
    judge,
    listing,
    runtime,
    unknown_part,
    windows,
)
from golive.context import Context
from golive.model import Resource
from golive.values import Unknown, is_true

#: Resources that start tasks of a task definition without keeping them running.
_ONE_OFF_RUNNERS = (
    "AWS::Events::Rule",
    "AWS::Scheduler::Schedule",
    "AWS::StepFunctions::StateMachine",
    "AWS::Pipes::Pipe",
)
_ROOT_USERS = ("root", "0")


def _plural(items: list[Container], one: str, other: str) -> str:
    return f"{one if len(items) == 1 else other} {listing(items)}"


@check("ecs.container-health-check")
def container_health_check(task: Resource, ctx: Context) -> Verdict:
    found = containers(task, ctx)
    if isinstance(found, Unknown):
        return unknown(found.reason, "ContainerDefinitions")
    runners = ctx.referrers(task, *_ONE_OFF_RUNNERS)
    if runners and not ctx.referrers(task, SERVICE, "AWS::ECS::TaskSet"):
        return not_applicable(
            f"runs as a scheduled or one-off task ({runners[0].logical_id}), not as a "
            "service that ECS keeps healthy"
        )
    essential = [c for c in found if c.essential]
    outcome = judge(essential, lambda c: c.get("HealthCheck") is not None)
    if outcome.failing:
        first = outcome.failing[0]
        return failed(
            f"essential {_plural(outcome.failing, 'container', 'containers')} "
            "without a health check: a hung process keeps its task running and serving",
            first.at("HealthCheck"),
        )
    return passed(
        f"every essential container has a health check ({listing(essential)})",
        "ContainerDefinitions",
    )


def _logs(container: Container) -> bool | str:
    config = container.get("LogConfiguration")
    if config is None:
        return False
    driver = config.get("LogDriver") if isinstance(config, dict) else config
    reason = unknown_part(driver)
    if reason:
        return f"the log driver is not known: {reason}"
    return isinstance(driver, str) and driver.lower() not in ("none", "")


@check("ecs.logging")
def logging(task: Resource, ctx: Context) -> Verdict:
    found = containers(task, ctx)
    if isinstance(found, Unknown):
        return unknown(found.reason, "ContainerDefinitions")
    outcome = judge(found, _logs)
    if outcome.failing:
        return failed(
            f"{_plural(outcome.failing, 'container', 'containers')} without a log "
            "configuration: output is lost when the task stops",
            outcome.failing[0].at("LogConfiguration"),
        )
    if outcome.unknown:
        return unknown(outcome.unknown, "ContainerDefinitions")
    configs = [c.get("LogConfiguration") for c in found]
    drivers = sorted({str(d.get("LogDriver")) for d in configs if isinstance(d, dict)})
    return passed(f"every container ships its logs ({', '.join(drivers)})", "ContainerDefinitions")


def _flag(key: str, wanted: bool) -> ContainerTest:
    def test(container: Container) -> bool | str:
        value = container.get(key)
        reason = unknown_part(value)
        if reason:
            return f"{key} is not known: {reason}"
        return is_true(value) == wanted

    return test


@check("ecs.read-only-root-filesystem")
def read_only_root_filesystem(task: Resource, ctx: Context) -> Verdict:
    found = containers(task, ctx)
    if isinstance(found, Unknown):
        return unknown(found.reason, "ContainerDefinitions")
    system = windows(task, ctx)
    if isinstance(system, Unknown):
        return unknown(
            f"{system.reason}; Windows containers cannot have a read-only root filesystem",
            "RuntimePlatform.OperatingSystemFamily",
        )
    if system:
        return not_applicable("Windows containers cannot have a read-only root filesystem")
    outcome = judge(found, _flag("ReadonlyRootFilesystem", True))
    if outcome.failing:
        return failed(
            f"writable root filesystem in {_plural(outcome.failing, 'container', 'containers')}"
            ": a compromised process can alter binaries and configuration",
            outcome.failing[0].at("ReadonlyRootFilesystem"),
        )
    if outcome.unknown:
        return unknown(outcome.unknown, "ContainerDefinitions")
    return passed("every container has a read-only root filesystem", "ContainerDefinitions")


@check("ecs.not-privileged")
def not_privileged(task: Resource, ctx: Context) -> Verdict:
    found = containers(task, ctx)
    if isinstance(found, Unknown):
        return unknown(found.reason, "ContainerDefinitions")
    outcome = judge(found, _flag("Privileged", False))
    if outcome.failing:
        return failed(
            f"{_plural(outcome.failing, 'container', 'containers')} "
            f"run{'s' if len(outcome.failing) == 1 else ''} privileged: "
            "root on the container instance, with every device and capability",
            outcome.failing[0].at("Privileged"),
        )
    if outcome.unknown:
        return unknown(outcome.unknown, "ContainerDefinitions")
    return passed("no container runs privileged", "ContainerDefinitions")


def _runs_as(container: Container) -> bool | str:
    """True for a non-root user, False for root, a reason when the image decides."""
    user = container.get("User")
    reason = unknown_part(user)
    if reason:
        return f"User is not known: {reason}"
    if user is None:
        return "no User is set, so the image's default user (often root) runs it"
    name = str(user).split(":", 1)[0].strip().lower()
    return name not in _ROOT_USERS


@check("ecs.host-namespaces")
def host_namespaces(task: Resource, ctx: Context) -> Verdict:
    shared = []
    for key, label in (("PidMode", "process"), ("IpcMode", "IPC")):
        mode = ctx.value(task, key)
        if mode.unknown:
            return unknown(f"{key} is not known: {mode.reason}", key)
        if mode.known and str(mode.value).lower() == "host":
            shared.append((key, label))
    if shared:
        names = " and ".join(label for _, label in shared)
        return failed(
            f"containers share the host's {names} namespace: they can see and signal every "
            "process on the instance, other tasks' included",
            shared[0][0],
        )
    network = ctx.value(task, "NetworkMode")
    if network.unknown:
        return unknown(f"NetworkMode is not known: {network.reason}", "NetworkMode")
    if not (network.known and str(network.value).lower() == "host"):
        return passed("containers keep their own process, IPC and network namespaces")
    found = containers(task, ctx)
    if isinstance(found, Unknown):
        return unknown(found.reason, "ContainerDefinitions")
    outcome = judge(found, _runs_as)
    if outcome.failing:
        return failed(
            f"host network mode with {_plural(outcome.failing, 'container', 'containers')} "
            "running as root: they hold the instance's network stack and reach its metadata "
            "service",
            outcome.failing[0].at("User"),
        )
    if outcome.unknown:
        return unknown(f"host network mode; {outcome.unknown}", "NetworkMode")
    return passed("host network mode, but every container runs as a non-root user", "NetworkMode")


def _hard_memory(container: Container) -> bool | str:
    memory = container.get("Memory")
    reason = unknown_part(memory)
    return f"Memory is not known: {reason}" if reason else memory is not None


@check("ecs.resource-limits")
def resource_limits(task: Resource, ctx: Context) -> Verdict:
    platform = runtime(task, ctx)
    if isinstance(platform, Unknown):
        return unknown(platform.reason, "RequiresCompatibilities")
    cpu, memory = ctx.value(task, "Cpu"), ctx.value(task, "Memory")
    for name, value in (("Cpu", cpu), ("Memory", memory)):
        if value.unknown:
            return unknown(f"the task's {name} is not known: {value.reason}", name)
    if platform.fargate:
        missing = [n for n, v in (("Cpu", cpu), ("Memory", memory)) if v.absent]
        if missing:
            return failed(
                f"runs on Fargate without a task-level {' or '.join(missing)}: Fargate needs "
                "the task size to place and bill the task",
                missing[0],
            )
        if not platform.ec2:
            return passed(f"task size set: Cpu {cpu.value}, Memory {memory.value}", "Memory")
    if memory.known and not platform.windows:
        return passed(f"the task's memory is capped at {memory.value} MiB", "Memory")
    found = containers(task, ctx)
    if isinstance(found, Unknown):
        return unknown(found.reason, "ContainerDefinitions")
    outcome = judge(found, _hard_memory)
    if outcome.failing:
        why = (
            " (Windows containers ignore the task-level size)"
            if platform.windows and memory.known
            else ""
        )
        return failed(
            f"no hard memory limit for {_plural(outcome.failing, 'container', 'containers')}"
            f"{why}: one leaking container can exhaust the instance for every task on it",
            outcome.failing[0].at("Memory"),
        )
    if outcome.unknown:
        return unknown(outcome.unknown, "ContainerDefinitions")
    return passed("every container has a hard memory limit (Memory)", "ContainerDefinitions")


@check("ecs.efs-transit-encryption")
def efs_transit_encryption(task: Resource, ctx: Context) -> Verdict:
    volumes = ctx.value(task, "Volumes")
    if volumes.unknown:
        return unknown(f"the volumes are not known: {volumes.reason}", "Volumes")
    items = volumes.value if volumes.known and isinstance(volumes.value, list) else []
    efs = [
        (index, volume)
        for index, volume in enumerate(items)
        if isinstance(volume, dict) and volume.get("EFSVolumeConfiguration") is not None
    ]
    if not efs:
        return not_applicable("mounts no EFS volume")
    plain = []
    for index, volume in efs:
        config = volume["EFSVolumeConfiguration"]
        setting = config.get("TransitEncryption") if isinstance(config, dict) else config
        reason = unknown_part(setting)
        if reason:
            return unknown(f"TransitEncryption is not known: {reason}", f"Volumes.{index}")
        if str(setting).upper() != "ENABLED":
            plain.append((index, str(volume.get("Name", f"#{index + 1}"))))
    if plain:
        return failed(
            f"EFS volume{'s' if len(plain) > 1 else ''} {', '.join(n for _, n in plain)} "
            "mounted without TLS: file data crosses the network in clear text",
            f"Volumes.{plain[0][0]}.EFSVolumeConfiguration.TransitEncryption",
        )
    count = f"{len(efs)} EFS volume{'s' if len(efs) > 1 else ''}"
    return passed(f"{count} mounted over TLS", "Volumes")


@check("ecs.graviton")
def graviton(task: Resource, ctx: Context) -> Verdict:
    platform = runtime(task, ctx)
    if isinstance(platform, Unknown):
        return unknown(platform.reason, "RuntimePlatform")
    if not platform.fargate:
        return not_applicable(
            "runs on EC2 or external capacity: the container instances' type decides the "
            "processor (see ec2.graviton)"
        )
    if platform.windows:
        return not_applicable("Windows containers on Fargate run on x86_64 only")
    path = "RuntimePlatform.CpuArchitecture"
    arch = ctx.value(task, path)
    if arch.unknown:
        return unknown(f"the CPU architecture is not known: {arch.reason}", path)
    if arch.known and str(arch.value).upper() == "ARM64":
        return passed("runs on Graviton (ARM64) Fargate capacity", path)
    default = " (the default)" if arch.absent else ""
    return failed(
        f"runs on x86_64{default}: ARM64 Fargate tasks cost about 20% less and use less "
        "energy for the same work",
        path,
    )
