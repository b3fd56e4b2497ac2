"""How an ECS task definition or service runs: its containers, capacity, OS and CPU.

Shared by the ECS checks (``ecs_services``, ``ecs_tasks``, ``ecs_containers``; catalogue
``catalog/ecs.yaml``). Task definitions are judged per container definition and reported on
the task definition, naming the containers; what the task runs on (Fargate, EC2 or external
capacity, Linux or Windows, x86 or ARM64) decides which practices apply to it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from golive.context import Context
from golive.model import Resource
from golive.values import Reference, Text, Unknown, first_unknown, is_false

SERVICE = "AWS::ECS::Service"
CLUSTER = "AWS::ECS::Cluster"
TASK_DEFINITION = "AWS::ECS::TaskDefinition"
_ASSOCIATIONS = "AWS::ECS::ClusterCapacityProviderAssociations"
FARGATE_PROVIDERS = frozenset({"FARGATE", "FARGATE_SPOT"})
#: A test on one container: True (follows the practice), False, or why it cannot be told.
ContainerTest = Callable[["Container"], "bool | str"]


@dataclass(frozen=True)
class Container:
    """One resolved container definition and its position in ``ContainerDefinitions``."""

    index: int
    name: str
    spec: Mapping[str, Any]

    def get(self, key: str) -> Any:
        """The resolved property ``key`` (``None`` when absent)."""
        return self.spec.get(key)

    def at(self, key: str | None = None) -> str:
        """The property path of this container (or of its ``key``) on the task definition."""
        path = f"ContainerDefinitions.{self.index}"
        return f"{path}.{key}" if key else path

    @property
    def essential(self) -> bool:
        """ECS treats a container as essential unless ``Essential`` is false."""
        return not is_false(self.get("Essential"))


def containers(task: Resource, ctx: Context) -> list[Container] | Unknown:
    """The task definition's containers, resolved, or why they are not known."""
    definitions = ctx.value(task, "ContainerDefinitions")
    if definitions.unknown:
        return Unknown(f"the container definitions are not known: {definitions.reason}")
    items = definitions.value if definitions.known and isinstance(definitions.value, list) else []
    found = []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            reason = first_unknown(item) or "it is not a mapping"
            return Unknown(f"container definition {index + 1} is not known: {reason}")
        name = item.get("Name")
        found.append(Container(index, name if isinstance(name, str) else f"#{index + 1}", item))
    return found


def listing(items: Iterable[Container], limit: int = 4) -> str:
    """Container names for a sentence: ``web, worker and 3 more``."""
    names = [c.name for c in items]
    if len(names) > limit:
        return ", ".join(names[:limit]) + f" and {len(names) - limit} more"
    if len(names) > 1:
        return ", ".join(names[:-1]) + f" and {names[-1]}"
    return names[0] if names else ""


@dataclass(frozen=True)
class Judgement:
    """Containers that miss a practice, and the first reason one could not be judged."""

    failing: list[Container]
    unknown: str | None
    judged: list[Container]


def judge(items: list[Container], test: ContainerTest) -> Judgement:
    """Apply ``test`` to every container."""
    failing: list[Container] = []
    unknown_reason: str | None = None
    for container in items:
        outcome = test(container)
        if outcome is False:
            failing.append(container)
        elif isinstance(outcome, str) and unknown_reason is None:
            unknown_reason = f"container {container.name}: {outcome}"
    return Judgement(failing, unknown_reason, items)


def unknown_part(value: Any) -> str | None:
    """Why ``value`` (or a part of it) is not known; ``None`` when it is."""
    if isinstance(value, (Unknown, Text)):
        return value.reason
    return first_unknown(value)


# -- where tasks run ----------------------------------------------------------------------------


def _provider(item: Any, ctx: Context) -> str | Unknown:
    name = item.get("CapacityProvider") if isinstance(item, dict) else None
    if isinstance(name, str):
        return name.upper() if name.upper() in FARGATE_PROVIDERS else "EC2"
    target = ctx.resource(name)
    if target is not None:
        return "EC2"  # a capacity provider of the stack: an Auto Scaling group's instances
    return Unknown(f"a capacity provider is not known: {unknown_part(name) or name}")


def _strategy(items: Any, ctx: Context) -> tuple[str, ...] | Unknown:
    entries = [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []

    def used(entry: dict[str, Any]) -> bool:
        return any(str(entry.get(k, 0)) not in ("0", "") for k in ("Weight", "Base"))

    chosen = [e for e in entries if used(e)] or entries
    providers: list[str] = []
    for entry in chosen:
        provider = _provider(entry, ctx)
        if isinstance(provider, Unknown):
            return provider
        providers.append(provider)
    return tuple(dict.fromkeys(providers))


def _cluster_default(cluster: Resource, ctx: Context) -> Any:
    default = ctx.value(cluster, "DefaultCapacityProviderStrategy")
    if not default.absent:
        return default
    for association in ctx.referrers(cluster, _ASSOCIATIONS):
        value = ctx.value(association, "DefaultCapacityProviderStrategy")
        if not value.absent:
            return value
    return default


def service_capacity(service: Resource, ctx: Context) -> tuple[str, ...] | Unknown:
    """What the service's tasks run on: FARGATE, FARGATE_SPOT, EC2 and/or EXTERNAL."""
    launch = ctx.value(service, "LaunchType")
    if launch.unknown:
        return Unknown(f"the launch type is not known: {launch.reason}")
    if launch.known:
        return (str(launch.value).upper(),)
    strategy = ctx.value(service, "CapacityProviderStrategy")
    if strategy.unknown:
        return Unknown(f"the capacity provider strategy is not known: {strategy.reason}")
    if strategy.known and strategy.value:
        return _strategy(strategy.value, ctx)
    cluster_ref = ctx.value(service, "Cluster")
    if cluster_ref.absent:
        return ("EC2",)  # the default cluster, without capacity providers: EC2 launch type
    cluster = ctx.resource(cluster_ref.value) if cluster_ref.known else None
    if cluster is None or cluster.type != CLUSTER:
        return Unknown(
            "neither LaunchType nor CapacityProviderStrategy is set, and the cluster comes "
            "from outside the template: its default capacity provider strategy decides"
        )
    default = _cluster_default(cluster, ctx)
    if default.unknown:
        return Unknown(f"the cluster's default capacity providers are not known: {default.reason}")
    if default.known and default.value:
        return _strategy(default.value, ctx)
    return ("EC2",)


def service_task(service: Resource, ctx: Context) -> Resource | None:
    """The task definition of the stack that the service runs, when it is one."""
    task = ctx.value(service, "TaskDefinition")
    target = ctx.resource(task.value) if task.known else None
    return target if target is not None and target.type == TASK_DEFINITION else None


@dataclass(frozen=True)
class Runtime:
    """What a task definition runs on."""

    fargate: bool
    ec2: bool
    windows: bool

    @property
    def fargate_only(self) -> bool:
        return self.fargate and not self.ec2


def windows(task: Resource, ctx: Context) -> bool | Unknown:
    """Whether the task definition runs Windows containers (RuntimePlatform)."""
    family = ctx.value(task, "RuntimePlatform.OperatingSystemFamily")
    if family.unknown:
        return Unknown(f"the operating system family is not known: {family.reason}")
    return family.known and str(family.value).upper().startswith("WINDOWS")


def runtime(task: Resource, ctx: Context) -> Runtime | Unknown:
    """Launch compatibility and OS of a task definition, from it and the services that run it."""
    required = ctx.value(task, "RequiresCompatibilities")
    if required.unknown:
        return Unknown(f"RequiresCompatibilities is not known: {required.reason}")
    values = required.value if required.known and isinstance(required.value, list) else []
    if unknown_part(values):
        return Unknown(f"RequiresCompatibilities is not known: {unknown_part(values)}")
    kinds = {str(v).upper() for v in values} or {"EC2"}
    for service in ctx.referrers(task, SERVICE):
        capacity = service_capacity(service, ctx)
        if not isinstance(capacity, Unknown) and FARGATE_PROVIDERS & set(capacity):
            kinds.add("FARGATE")
    system = windows(task, ctx)
    if isinstance(system, Unknown):
        return system
    return Runtime("FARGATE" in kinds, bool(kinds - {"FARGATE"}), system)


def is_reference_to(value: Any, ctx: Context, *types: str) -> bool:
    """``value`` is a ``Ref``/``Fn::GetAtt`` to a resource of the stack of one of ``types``."""
    target = ctx.resource(value) if isinstance(value, Reference) else None
    return target is not None and target.type in types
