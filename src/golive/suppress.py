"""The suppress stage: verdicts a team has accepted, each with the reason it wrote down.

Runs after evaluate and before aggregate. It reads suppressions from what the loaders kept
(resource ``Metadata`` and the comments in each resource's text) and from the settings
file, and returns new findings: a FAIL or UNKNOWN verdict a suppression covers becomes
``SUPPRESSED`` with ``Finding.suppression`` saying where it was written, why, and what the
verdict was. Nothing is dropped.

Forms, in the order they are tried on a resource (the first that covers a verdict is the
one reported):

- ``Metadata: {golive: {skip: [{id, reason}]}}`` (source ``metadata``);
- ``# golive:skip=CHECK_ID reason`` (``golive-comment``);
- ``# checkov:skip=CKV_AWS_115: reason`` (``checkov-comment``) and
  ``Metadata: {checkov: {skip: [{id, comment}]}}`` (``checkov-metadata``);
- ``Metadata: {cfn_nag: {rules_to_suppress: [{id, reason}]}}`` (``cfn_nag``);
- ``Metadata: {cdk_nag: {rules_to_suppress: [{id, reason}]}}`` (``cdk_nag``: cdk-nag v2, and
  v3 with ``writeSuppressionsToCloudFormation``, which prefixes ids with the rule pack:
  ``AwsSolutions::AwsSolutions-S1``);
- CDK's ``Validations.of(scope).acknowledge({id, reason})`` (``cdk-acknowledge``): the way
  cdk-nag v3 suppresses, and the way a CDK user accepts what golive's policy validation
  plugin reports (``golive::<check id>``). The CDK loader reads them from the assembly's
  construct metadata and puts those covering a resource (its own construct's and its
  ancestors') in its ``Metadata`` under ``aws:cdk:acknowledged-rules`` as ``{id: reason}``;
- then the settings file's ``suppressions`` in the order written (``config``).

Another tool's id covers every golive check whose catalogue crosswalk lists it; ids no
golive check lists are that tool's business and are passed over. A cdk-nag id that names one
finding of a rule (``AwsSolutions-IAM5[Action::s3:*]``) accepts only that finding, which a
golive verdict on the whole resource is not, so it covers nothing here. A suppression without a
reason is not honoured and is reported as an input problem, as is a golive suppression
naming a check that does not exist. golive's own suppressions (metadata, comments,
settings) that cover no FAIL or UNKNOWN verdict are reported as unused.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from fnmatch import fnmatchcase
from typing import Any

from golive import pathglob
from golive.catalog import CheckMeta
from golive.model import Finding, InputError, Resource, Stack, Status, Suppression
from golive.settings import ConfigSuppression, Settings

#: Verdicts a suppression can accept. PASS and NOT_APPLICABLE need none; an ERROR is a
#: golive bug that must stay visible.
SUPPRESSIBLE = frozenset({Status.FAIL, Status.UNKNOWN})
#: Sources that are golive's own, reported when they cover nothing.
NATIVE_SOURCES = frozenset({"metadata", "golive-comment", "config"})
#: The ``Metadata`` key of CDK acknowledgements, ``{id: reason}``: CDK's name for the
#: construct metadata entry they are recorded in, which the CDK loader copies to resources.
ACKNOWLEDGED = "aws:cdk:acknowledged-rules"

_GOLIVE_COMMENT = re.compile(
    r"golive:skip=\s*(?P<id>[A-Za-z0-9][A-Za-z0-9._-]*)\s*:?\s*(?P<why>.*)"
)
# NOTE: Checkov reads ``checkov:skip=<id>:<comment>`` anywhere in a resource's lines
# (checkov/common/comment/enum.py COMMENT_REGEX); a space before the reason is accepted too.
_CHECKOV_COMMENT = re.compile(r"checkov:skip=\s*(?P<id>[A-Z_\d]+)\s*:?\s*(?P<why>.*)")


@dataclass(frozen=True)
class Rule:
    """One suppression as written, with the golive checks it covers."""

    source: str
    written_id: str
    checks: frozenset[str]
    reason: str
    file: str
    line: int | None
    #: The resource it was written on (the SAM name for generated ones); None for config.
    resource: str | None
    config: ConfigSuppression | None = None

    def describe(self) -> str:
        """How a message names the suppression."""
        if self.config is not None:
            return f"suppressions[{self.config.number}] (check {self.config.check!r})"
        return f"{self.source} suppression of {self.written_id} on {self.resource}"


@dataclass(frozen=True)
class UnusedSuppression:
    """A golive suppression that accepted no verdict: stale, or written on the wrong place."""

    file: str
    line: int | None
    source: str
    message: str


@dataclass(frozen=True)
class Suppressed:
    """The stage's output: new findings, problems met, and suppressions that did nothing."""

    findings: list[Finding]
    errors: list[InputError] = field(default_factory=list)
    unused: list[UnusedSuppression] = field(default_factory=list)


def crosswalk_index(catalog: Mapping[str, CheckMeta]) -> dict[str, dict[str, frozenset[str]]]:
    """``scheme -> foreign id -> golive checks whose crosswalk lists it``."""
    found: dict[str, dict[str, set[str]]] = {}
    for check_id, meta in catalog.items():
        for scheme, ids in meta.crosswalk.items():
            for foreign in ids:
                found.setdefault(scheme, {}).setdefault(foreign, set()).add(check_id)
    return {s: {k: frozenset(v) for k, v in ids.items()} for s, ids in found.items()}


def apply_suppressions(
    findings: Iterable[Finding],
    stacks: Iterable[Stack],
    settings: Settings,
    catalog: Mapping[str, CheckMeta],
    ran: Iterable[str] | None = None,
) -> Suppressed:
    """Suppress what is covered; ``ran`` names the checks that ran (unused reporting)."""
    reader = _RuleReader(catalog, crosswalk_index(catalog))
    by_resource: dict[tuple[str, str], list[Rule]] = {}
    for stack in stacks:
        for resource in stack.resources.values():
            rules = reader.rules_of(resource)
            if rules:
                by_resource[(resource.location.file, resource.logical_id)] = rules
    config_rules = [_config_rule(entry, settings, catalog) for entry in settings.suppressions]
    used: set[Rule] = set()
    paths: dict[str, str | None] = {}
    result = []
    for finding in findings:
        if finding.status not in SUPPRESSIBLE:
            result.append(finding)
            continue
        r = finding.resource
        candidates = [
            rule
            for rule in by_resource.get((r.file, r.deployed_id or r.logical_id), ())
            if finding.check_id in rule.checks
        ]
        candidates += [
            rule
            for rule in config_rules
            if rule.config is not None and _config_covers(rule.config, finding, settings, paths)
        ]
        if not candidates:
            result.append(finding)
            continue
        used.update(candidates)
        chosen = candidates[0]
        suppression = Suppression(chosen.source, chosen.reason, finding.status)
        result.append(replace(finding, status=Status.SUPPRESSED, suppression=suppression))
    ran_ids = set(catalog) if ran is None else set(ran)
    every_rule = [rule for rules in by_resource.values() for rule in rules] + config_rules
    unused = [
        UnusedSuppression(
            rule.file,
            rule.line,
            rule.source,
            f"{rule.describe()} accepts no FAIL or UNKNOWN verdict; remove it if the "
            "finding is gone, or move it to the resource the finding names",
        )
        for rule in dict.fromkeys(every_rule)
        if rule.source in NATIVE_SOURCES and rule not in used and rule.checks & ran_ids
    ]
    return Suppressed(result, list(dict.fromkeys(reader.errors)), _sorted_unused(unused))


def _sorted_unused(unused: list[UnusedSuppression]) -> list[UnusedSuppression]:
    return sorted(unused, key=lambda u: (u.file, u.line or 0, u.source, u.message))


def _config_rule(
    entry: ConfigSuppression, settings: Settings, catalog: Mapping[str, CheckMeta]
) -> Rule:
    checks = frozenset(c for c in catalog if entry.covers_check(c))
    return Rule(
        "config",
        entry.check,
        checks,
        entry.reason,
        settings.file or settings.source or "settings",
        None,
        None,
        entry,
    )


def _config_covers(
    entry: ConfigSuppression, finding: Finding, settings: Settings, paths: dict[str, str | None]
) -> bool:
    if not entry.covers_check(finding.check_id):
        return False
    r = finding.resource
    if entry.resource is not None and not (
        fnmatchcase(r.logical_id, entry.resource)
        or (r.deployed_id is not None and fnmatchcase(r.deployed_id, entry.resource))
    ):
        return False
    if entry.path is None:
        return True
    if r.file not in paths:
        paths[r.file] = pathglob.relative_path(r.file, settings.root)
    relative = paths[r.file]
    return relative is not None and pathglob.matches(entry.path, relative)


@dataclass
class _RuleReader:
    """Reads the suppressions written on resources; collects the problems it meets."""

    catalog: Mapping[str, CheckMeta]
    crosswalk: Mapping[str, Mapping[str, frozenset[str]]]
    errors: list[InputError] = field(default_factory=list)

    def rules_of(self, resource: Resource) -> list[Rule]:
        """Every suppression written on ``resource``, in the order they are tried."""
        found: list[Rule] = []
        found += self._metadata(resource, "metadata", "golive", "skip", "reason")
        found += self._comments(resource, _GOLIVE_COMMENT, "golive-comment")
        found += self._comments(resource, _CHECKOV_COMMENT, "checkov-comment")
        found += self._metadata(resource, "checkov-metadata", "checkov", "skip", "comment")
        for tool in ("cfn_nag", "cdk_nag"):
            found += self._metadata(resource, tool, tool, "rules_to_suppress", "reason")
        found += self._acknowledgements(resource)
        return found

    def _acknowledgements(self, resource: Resource) -> list[Rule]:
        """CDK acknowledgements: of a golive check (``golive::lambda.tracing``, the id CDK's
        report offers for golive's policy validation plugin), or of a cdk-nag rule."""
        acknowledged = resource.metadata.get(ACKNOWLEDGED)
        if not isinstance(acknowledged, dict):
            return []
        line = resource.location.line
        hint = "give acknowledge() a reason"
        rules = [
            self._rule(resource, "cdk-acknowledge", str(written_id), reason, line, hint)
            for written_id, reason in acknowledged.items()
        ]
        return [rule for rule in rules if rule is not None]

    def _metadata(
        self, resource: Resource, source: str, tool: str, key: str, reason_key: str
    ) -> list[Rule]:
        section = resource.metadata.get(tool)
        if not isinstance(section, dict) or key not in section:
            return []
        where = f"Metadata.{tool}.{key}"
        entries = section[key]
        line = resource.location.line
        if not isinstance(entries, list) or not all(
            isinstance(e, dict) and isinstance(e.get("id"), str) for e in entries
        ):
            self._problem(
                resource, line, f"{where} must be a list of {{id, {reason_key}}} entries; ignored"
            )
            return []
        rules = []
        for entry in entries:
            reason = entry.get(reason_key)
            hint = f"give the entry a {reason_key!r}"
            rule = self._rule(resource, source, entry["id"], reason, line, hint)
            if rule is not None:
                rules.append(rule)
        return rules

    def _comments(self, resource: Resource, pattern: re.Pattern[str], source: str) -> list[Rule]:
        rules = []
        for comment in resource.comments:
            match = pattern.search(comment.text)
            if match is None:
                continue
            hint = "write the reason after the id"
            rule = self._rule(resource, source, match["id"], match["why"], comment.line, hint)
            if rule is not None:
                rules.append(rule)
        return rules

    def _rule(
        self,
        resource: Resource,
        source: str,
        written_id: str,
        reason: Any,
        line: int | None,
        hint: str,
    ) -> Rule | None:
        name = _written_name(resource)
        own = _golive_check(source, written_id)
        if own is not None:
            if own not in self.catalog:
                self._problem(
                    resource,
                    line,
                    f"{source} suppression on {name} names no golive check {own!r}; "
                    "`golive rules` lists the ids",
                )
                return None
            checks = frozenset({own})
        else:
            scheme = _SCHEMES[source]
            peer_id = cdk_nag_rule(written_id) if scheme == "cdk_nag" else written_id
            checks = self.crosswalk.get(scheme, {}).get(peer_id or "", frozenset())
            if not checks:
                return None  # another tool's rule golive has no counterpart for
        if not isinstance(reason, str) or not reason.strip():
            self._problem(
                resource,
                line,
                f"{source} suppression of {written_id} on {name} has no reason, so golive "
                f"does not honour it: {hint}, saying why the finding is accepted",
            )
            return None
        return Rule(source, written_id, checks, reason.strip(), resource.location.file, line, name)

    def _problem(self, resource: Resource, line: int | None, message: str) -> None:
        self.errors.append(InputError(resource.location.file, line, message))


_SCHEMES = {
    "checkov-comment": "checkov",
    "checkov-metadata": "checkov",
    "cfn_nag": "cfn_nag",
    "cdk_nag": "cdk_nag",
    "cdk-acknowledge": "cdk_nag",
}
#: ``[Plugin::]Rule[[finding]]``: how CDK acknowledgements and cdk-nag v3 name a rule.
_CDK_RULE = re.compile(r"^(?:(?P<plugin>[^:\[\]]+)::)?(?P<rule>[^:\[\]]+)(?P<finding>\[.*\])?$")


def cdk_nag_rule(written_id: str) -> str | None:
    """The cdk-nag rule a written id accepts as a whole, without the plugin prefix.

    ``AwsSolutions::AwsSolutions-S1`` (v3, prefixed by the plugin name) and
    ``Annotation::AwsSolutions-S1`` (CDK's prefix when none was written) give
    ``AwsSolutions-S1``; an id naming one finding (``AwsSolutions-IAM5[Resource::*]``) gives
    None.
    """
    match = _CDK_RULE.match(written_id.strip())
    if match is None or match["finding"]:
        return None
    return match["rule"]


def _golive_check(source: str, written_id: str) -> str | None:
    """The golive check a suppression names by its own id; None for another tool's id.

    golive's own forms name one; so does a CDK acknowledgement of ``golive::<check id>``.
    """
    if source in ("metadata", "golive-comment"):
        return written_id
    if source == "cdk-acknowledge" and written_id.strip().startswith("golive::"):
        return cdk_nag_rule(written_id)
    return None


def _written_name(resource: Resource) -> str:
    return resource.origin.logical_id if resource.origin is not None else resource.logical_id
