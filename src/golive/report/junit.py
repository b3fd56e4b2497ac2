"""The JUnit XML report, for the test views of CI systems (GitLab, Jenkins, Azure, GitHub).

Every verdict is a test case: a check is the class, a resource is the test. FAIL is a
``<failure>`` (type = severity), a check that crashed is an ``<error>``, and
NOT_APPLICABLE, UNKNOWN and SUPPRESSED are ``<skipped>`` with their reason, so a CI view
shows what was not judged and why. One ``<testsuite>`` per check that judged anything,
plus one for input problems. No timestamps or host names: the same scan gives the same
bytes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter

from golive.aggregate import Summary
from golive.catalog import CheckMeta
from golive.model import Finding, InputError, Status
from golive.report import names
from golive.report.registry import ReportOptions
from golive.scan import ScanResult

#: Characters XML 1.0 cannot carry at all, even escaped; they are replaced, not dropped,
#: so a reader sees something was there.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
INPUTS_SUITE = "golive.inputs"

_SKIP_LABEL = {
    Status.NOT_APPLICABLE: "not applicable",
    Status.UNKNOWN: "not decidable from the templates",
}


def _text(value: str) -> str:
    return _NOT_XML.sub("\ufffd", value)


def case_name(finding: Finding) -> str:
    """The test's name: the resource as written, where it is."""
    r = finding.resource
    return f"{names.labelled(r)} {names.template_location(r)}"


def _details(finding: Finding, meta: CheckMeta) -> str:
    r = finding.resource
    lines = [
        f"{meta.title} ({meta.id})",
        f"Resource: {names.labelled(r)} ({r.source_type or r.type})",
        f"Location: {names.template_location(r)}",
        f"Finding: {finding.reason}",
        f"Risk: {finding.severity.value}",
        f"Recommendation: {meta.recommendation}",
        f"More: golive explain {meta.id}",
    ]
    if finding.in_baseline:
        lines.insert(4, "Baseline: a known failure, recorded in the baseline")
    source = names.source_location(r)
    if source:
        lines.insert(3, f"Source: {source}")
    return "\n".join(lines)


def _case(finding: Finding, meta: CheckMeta) -> ET.Element:
    case = ET.Element(
        "testcase", classname=finding.check_id, name=_text(case_name(finding)), time="0"
    )
    case.set("file", _text(finding.resource.file))
    if finding.resource.line:
        case.set("line", str(finding.resource.line))
    status = finding.status
    if status is Status.FAIL:
        failure = ET.SubElement(
            case, "failure", message=_text(finding.reason), type=finding.severity.value
        )
        failure.text = _text(_details(finding, meta))
    elif status is Status.ERROR:
        error = ET.SubElement(case, "error", message=_text(finding.reason), type="check-error")
        error.text = _text(_details(finding, meta))
    elif status is Status.SUPPRESSED:
        s = finding.suppression
        why = f"suppressed ({s.source}): {s.reason}" if s else f"suppressed: {finding.reason}"
        ET.SubElement(case, "skipped", message=_text(why))
    elif status in _SKIP_LABEL:
        ET.SubElement(case, "skipped", message=_text(f"{_SKIP_LABEL[status]}: {finding.reason}"))
    return case


def _suite(
    name: str, cases: list[ET.Element], counts: Counter[str], title: str | None = None
) -> ET.Element:
    suite = ET.Element("testsuite", name=_text(name))
    for key in ("tests", "failures", "errors", "skipped"):
        suite.set(key, str(counts[key]))
    suite.set("time", "0")
    if title is not None:
        properties = ET.SubElement(suite, "properties")
        ET.SubElement(properties, "property", name="title", value=_text(title))
    suite.extend(cases)
    return suite


def _tally(statuses: list[Status]) -> Counter[str]:
    counts: Counter[str] = Counter(tests=len(statuses))
    for status in statuses:
        if status is Status.FAIL:
            counts["failures"] += 1
        elif status is Status.ERROR:
            counts["errors"] += 1
        elif status is not Status.PASS:
            counts["skipped"] += 1
    return counts


def _input_case(error: InputError) -> ET.Element:
    where = names.location(error.file, error.line)
    case = ET.Element("testcase", classname=INPUTS_SUITE, name=_text(where), time="0")
    case.set("file", _text(error.file))
    if error.line:
        case.set("line", str(error.line))
    failure = ET.SubElement(case, "error", message=_text(error.message), type="input-error")
    failure.text = _text(f"{where}: {error.message}")
    return case


def build(result: ScanResult) -> ET.Element:
    """The ``<testsuites>`` tree of a scan."""
    by_check: dict[str, list[Finding]] = {}
    for finding in result.findings:
        by_check.setdefault(finding.check_id, []).append(finding)
    root = ET.Element("testsuites", name="golive")
    total: Counter[str] = Counter()
    for check_id, meta in result.catalog.items():
        findings = by_check.get(check_id, [])
        if not findings:
            continue
        counts = _tally([f.status for f in findings])
        cases = [_case(f, meta) for f in findings]
        root.append(_suite(check_id, cases, counts, meta.title))
        total.update(counts)
    if result.errors:
        counts = Counter(tests=len(result.errors), errors=len(result.errors))
        root.append(_suite(INPUTS_SUITE, [_input_case(e) for e in result.errors], counts))
        total.update(counts)
    for key in ("tests", "failures", "errors", "skipped"):
        root.set(key, str(total[key]))
    root.set("time", "0")
    return root


def render_junit(result: ScanResult) -> str:
    """The report as indented XML with a declaration, ending in a newline."""
    root = build(result)
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


def render(result: ScanResult, summary: Summary, options: ReportOptions) -> str:
    """The registry's entry point."""
    return render_junit(result)
