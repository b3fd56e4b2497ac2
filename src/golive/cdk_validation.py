"""golive's verdicts as CDK policy validation violations, for the plugins of both languages.

aws-cdk-lib lets an app register policy validation plugins; during synthesis, once the cloud
assembly is written, each plugin's ``validate`` gets the stack templates and returns
violations, which CDK prints with construct paths and stack traces and writes to
``validation-report.json``. ``validation_report`` reviews the assembly folders that hold
the templates (so golive reads the manifest as well: construct paths, stack tags,
termination protection, acknowledgements) and turns the verdicts into violations:

- one violation per check and reason, listing every resource that fails that way (CDK groups
  a violation's resources under one description, and golive's reason is per resource);
- FAILs at or above ``fail_on`` are ``error`` and make the report unsuccessful, which stops
  the synthesis; lower ones are ``warning``; UNKNOWNs only when asked, as warnings;
- SUPPRESSED verdicts are left out: the team accepted them, in the template or with
  ``Validations.of(...).acknowledge({id: 'golive::<check>'})``, which CDK also applies.

``golive.cdk_plugin`` wraps this for Python CDK apps; the Node.js package in
``integrations/cdk-policy-validation`` does the same by running ``golive scan``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from golive.aggregate import summarize_result
from golive.baseline import read_baseline
from golive.catalog import CheckMeta
from golive.invocation import baseline_path
from golive.model import Finding, Profile, Status
from golive.report import names
from golive.scan import ScanResult, run_scan
from golive.settings import FailOn, Settings


@dataclass(frozen=True)
class ViolatingResource:
    """A resource as CDK's report takes it: logical id, template, property paths."""

    logical_id: str
    template: str
    locations: tuple[str, ...] = ()


@dataclass
class Violation:
    """One check failing one way, on every resource that fails so."""

    rule_name: str
    description: str
    fix: str
    severity: str
    metadata: dict[str, str]
    resources: list[ViolatingResource] = field(default_factory=list)


@dataclass(frozen=True)
class ValidationReport:
    """What ``validate`` returns: whether synthesis may go on, and the violations."""

    success: bool
    violations: list[Violation]
    metadata: dict[str, str]


def assembly_folder(template: Path) -> Path:
    """The cloud assembly holding ``template``: the nearest folder with a ``manifest.json``."""
    for folder in template.parents:
        if (folder / "manifest.json").is_file():
            return folder
    return template.parent


def validation_report(
    templates: Iterable[str],
    settings: Settings,
    fail_on: FailOn = FailOn.HIGH,
    report_unknown: bool = False,
) -> ValidationReport:
    """Review the assemblies of ``templates`` and report the verdicts on those templates.

    The settings' ``baseline`` applies as it does to ``golive scan`` and the Node.js plugin:
    the FAILs it records are known ones, not violations.
    """
    wanted = {Path(t).resolve() for t in templates}
    folders = sorted({assembly_folder(t) for t in wanted})
    recorded = baseline_path(None, settings)
    known = read_baseline(recorded) if recorded is not None else None
    result = run_scan(folders, settings.profile or Profile.PRODUCTION, {}, settings, known)
    return violations_of(result, wanted, fail_on, report_unknown)


def violations_of(
    result: ScanResult,
    templates: set[Path],
    fail_on: FailOn = FailOn.HIGH,
    report_unknown: bool = False,
) -> ValidationReport:
    """The violations among ``result``'s findings on ``templates``.

    A FAIL is an error, which stops synthesis, when ``golive scan --fail-on`` would exit 1
    for it.
    """
    groups: dict[tuple[str, str, str, str], Violation] = {}
    seen: set[tuple[str, Path, str]] = set()
    resolved: dict[str, Path] = {}  # resolving a path costs system calls; files repeat
    success = True
    for finding in result.findings:
        r = finding.resource
        template = resolved.get(r.file) or resolved.setdefault(r.file, Path(r.file).resolve())
        logical_id = r.deployed_id or r.logical_id
        key = (finding.check_id, template, logical_id)
        reported = finding.status is Status.FAIL and not finding.in_baseline
        reported = reported or (report_unknown and finding.status is Status.UNKNOWN)
        if template not in templates or key in seen or not reported:
            continue
        seen.add(key)
        blocking = fail_on.blocks(finding)
        success = success and not blocking
        severity = "error" if blocking else "warning"
        group = (finding.check_id, finding.reason, severity, finding.status.value)
        if group not in groups:
            groups[group] = _violation(result.catalog.get(finding.check_id), finding, severity)
        locations = (f"Properties.{finding.attribute}",) if finding.attribute else ()
        groups[group].resources.append(ViolatingResource(logical_id, str(template), locations))
    metadata = {"readiness_score": str(summarize_result(result).score)}
    if result.errors:
        metadata["input_problems"] = "\n".join(
            f"{names.location(e.file, e.line)}: {e.message}" for e in result.errors
        )
    return ValidationReport(success, list(groups.values()), metadata)


def _violation(meta: CheckMeta | None, finding: Finding, severity: str) -> Violation:
    """The violation of the findings grouped with ``finding``, still without resources."""
    check_id = finding.check_id
    description = f"{meta.title if meta else check_id}: {finding.reason}"
    if finding.status is Status.UNKNOWN:
        description += " (UNKNOWN: the templates do not decide it)"
    return Violation(
        rule_name=check_id,
        description=description,
        fix=meta.recommendation if meta else f"golive explain {check_id}",
        severity=severity,
        metadata={
            "pillar": meta.pillar.value if meta else "",
            "explain": f"golive explain {check_id}",
            "golive_severity": finding.severity.value,
            "golive_status": finding.status.value,
        },
    )
