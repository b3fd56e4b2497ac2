"""Runs the checks over a stack: dispatch by resource type, conditions, guarded calls.

The engine owns the loop so checks do not. For each resource it finds the checks whose
``resource_types`` cover it, evaluates each one, and turns the verdict into a ``Finding``.
Two rules live here rather than in every check:

- a resource whose ``Condition`` is false under the known parameters is not deployed and
  not judged; one whose ``Fn::If`` conditions cannot be decided is judged once per branch:
  FAIL only when every branch fails, UNKNOWN (naming the branch) when only some do;
- a check that raises gives an ``ERROR`` finding for that resource, never a crashed run.

Checks the settings deselect (``select``/``ignore``) are left out when the engine is built,
so they never run; the reports then count only ``Engine.selected``.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from golive.catalog import CheckMeta
from golive.checks.base import CheckFunction, Verdict
from golive.context import Context, StackFacts
from golive.graph import build_graph
from golive.model import Finding, InputError, Profile, Resource, ResourceRef, Stack, Status
from golive.resolver import Resolver
from golive.settings import Settings
from golive.values import Unknown

#: At most this many undecided conditions are explored per resource (2**3 branches).
MAX_BRANCH_CONDITIONS = 3
ALL_TYPES = "*"


@dataclass(frozen=True)
class StackResult:
    """The findings on one stack and the problems met while building its graph."""

    findings: list[Finding]
    errors: list[InputError]


class Engine:
    """Evaluates a catalogue of checks under one profile and one set of settings."""

    def __init__(
        self,
        catalog: Mapping[str, CheckMeta],
        registry: Mapping[str, CheckFunction],
        profile: Profile,
        settings: Settings,
    ) -> None:
        self.profile = profile
        self.settings = settings
        self._by_type: dict[str, list[tuple[CheckMeta, CheckFunction]]] = defaultdict(list)
        self._everywhere: list[tuple[CheckMeta, CheckFunction]] = []
        #: The checks this engine runs: the catalogue less those the settings deselect.
        self.selected: dict[str, CheckMeta] = {}
        for check_id, meta in catalog.items():
            function = registry.get(check_id)
            if function is None or not settings.selection.includes(meta, profile):
                continue
            self.selected[check_id] = meta
            for resource_type in meta.resource_types:
                if resource_type == ALL_TYPES:
                    self._everywhere.append((meta, function))
                else:
                    self._by_type[resource_type].append((meta, function))

    def run(self, stack: Stack, parameters: Mapping[str, Any]) -> StackResult:
        """Judge every resource of ``stack``."""
        graph, errors = build_graph(stack)
        resolver = Resolver(stack, parameters)
        base = Context(StackFacts(graph, resolver), self.profile, self.settings, resolver)
        findings: list[Finding] = []
        for resource in stack.resources.values():
            if resource.condition and resolver.condition(resource.condition) is False:
                continue
            checks = [*self._by_type.get(resource.type, ()), *self._everywhere]
            if not checks:
                continue
            undecided = _undecided_conditions(resource, resolver)
            ref = resource_ref(resource)
            for meta, function in checks:
                verdict = self._judge(function, resource, base.for_check(meta), undecided)
                findings.append(self._finding(meta, ref, verdict))
        return StackResult(findings, errors)

    def _judge(
        self, function: CheckFunction, resource: Resource, context: Context, undecided: list[str]
    ) -> Verdict:
        if not undecided:
            return _guarded(function, resource, context)
        branches = []
        for values in itertools.product((True, False), repeat=len(undecided)):
            assumptions = dict(zip(undecided, values, strict=True))
            verdict = _guarded(function, resource, context.under(assumptions))
            branches.append((assumptions, verdict))
        return combine_branches(branches)

    def _finding(self, meta: CheckMeta, ref: ResourceRef, verdict: Verdict) -> Finding:
        return Finding(
            check_id=meta.id,
            status=verdict.status,
            severity=meta.severity(self.profile),
            pillar=meta.pillar,
            category=meta.category,
            resource=ref,
            reason=verdict.reason,
            attribute=verdict.attribute,
        )


def resource_ref(resource: Resource) -> ResourceRef:
    """How findings name a resource: what the user wrote, with the deployed id beside it."""
    origin = resource.origin
    return ResourceRef(
        logical_id=origin.logical_id if origin else resource.logical_id,
        type=resource.type,
        file=resource.location.file,
        line=resource.location.line,
        deployed_id=(
            resource.logical_id if origin and resource.logical_id != origin.logical_id else None
        ),
        source_type=origin.type if origin else None,
        construct_path=resource.construct_path,
        source_location=resource.source_location,
    )


def _guarded(function: CheckFunction, resource: Resource, context: Context) -> Verdict:
    try:
        return function(resource, context)
    except Exception as exc:  # a check's bug becomes an ERROR result for this resource only
        return Verdict(
            Status.ERROR,
            f"the check raised {type(exc).__name__}: {exc}; this is a golive bug, please report it",
        )


def combine_branches(branches: list[tuple[dict[str, bool], Verdict]]) -> Verdict:
    """One verdict from the verdicts under each assignment of undecided conditions."""
    statuses = {verdict.status for _, verdict in branches}
    if len(statuses) == 1:
        return branches[0][1]
    for status in (Status.ERROR,):
        for _, verdict in branches:
            if verdict.status is status:
                return verdict
    failing = [(a, v) for a, v in branches if v.status is Status.FAIL]
    if failing:
        assumptions, verdict = failing[0]
        when = ", ".join(f"{name} is {str(value).lower()}" for name, value in assumptions.items())
        return Verdict(
            Status.UNKNOWN,
            f"depends on conditions golive cannot decide: fails when {when} ({verdict.reason})",
            verdict.attribute,
        )
    for _, verdict in branches:
        if verdict.status is Status.UNKNOWN:
            return verdict
    for _, verdict in branches:
        if verdict.status is Status.PASS:
            return verdict
    return branches[0][1]


def _undecided_conditions(resource: Resource, resolver: Resolver) -> list[str]:
    """Conditions used in ``Fn::If`` inside the resource that the resolver cannot decide."""
    names = sorted(set(_if_conditions(resource.properties)))
    undecided = [n for n in names if isinstance(resolver.condition(n), Unknown)]
    return undecided[:MAX_BRANCH_CONDITIONS]


def _if_conditions(node: Any) -> Iterator[str]:
    work = [node]
    while work:
        current = work.pop()
        if isinstance(current, dict):
            condition = current.get("Fn::If") if len(current) == 1 else None
            if isinstance(condition, list) and condition and isinstance(condition[0], str):
                yield condition[0]
            work.extend(current.values())
        elif isinstance(current, list):
            work.extend(current)
