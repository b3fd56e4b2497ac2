"""golive against Checkov on Checkov's own CloudFormation test templates.

For every golive check whose catalogue crosswalk names a Checkov id, each resource Checkov
3.3.30 judged with that id (``expected.json`` in ``../shared/peer-tests``) is compared with
golive's verdict on the same resource: PASS agrees with PASSED, FAIL with FAILED; anything
else (NOT_APPLICABLE, UNKNOWN, no finding, the opposite verdict) is a difference.

Every difference must be listed in ``tests/peer_differences.yaml`` under a named rule that
explains it, and every listed difference must still occur: when a check changes, the list
and ``docs/peer-differences.md`` change with it. Resources Checkov did not judge although
its check covers their type ("abstentions") are listed the same way.

``python -m tests.test_peer_checkov`` prints the current comparison as YAML entries, with
the rule each one would fall under, for updating the list.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from golive.catalog import load_catalog
from golive.model import Finding
from golive.scan import ScanResult, run_scan
from tests.conftest import ROOT, SHARED

PEER = SHARED / "peer-tests" / "checkov-cloudformation"
TEMPLATES = PEER / "templates"
CROSSWALK_TSV = SHARED / "peer-tests" / "crosswalk" / "checkov-cloudformation.tsv"
LISTED = Path(__file__).with_name("peer_differences.yaml")
DOC = ROOT / "docs" / "peer-differences.md"

#: golive status that agrees with each Checkov verdict.
AGREES = {"PASSED": "PASS", "FAILED": "FAIL"}
#: Stands for "no verdict": golive had no finding, or Checkov did not judge the resource.
NONE = "NONE"

pytestmark = pytest.mark.skipif(
    not (PEER / "expected.json").is_file(),
    reason=f"peer test data not found at {PEER} (the shared peer-tests folder is not present)",
)


@dataclass(frozen=True)
class Row:
    """One (template, resource, Checkov id) pair, with both tools' answers."""

    template: str
    logical_id: str
    checkov: str
    golive_check: str
    checkov_verdict: str  # PASSED, FAILED, or NONE for an abstention
    golive: str  # a golive status, or NONE when golive gave no finding
    reason: str

    @property
    def agrees(self) -> bool:
        return AGREES.get(self.checkov_verdict) == self.golive

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.template, self.logical_id, self.checkov)

    def entry(self) -> dict[str, str]:
        """The row as an entry of ``peer_differences.yaml`` (without its rule)."""
        entry = {"template": self.template, "logical_id": self.logical_id, "checkov": self.checkov}
        if self.checkov_verdict != NONE:
            entry["checkov_verdict"] = self.checkov_verdict
        entry["golive"] = self.golive
        return entry


# --- data ----------------------------------------------------------------------------------


@cache
def expected() -> Mapping[str, Mapping[str, Mapping[str, str]]]:
    """``verdicts[template][logical_id][checkov_id]``: PASSED or FAILED."""
    data = json.loads((PEER / "expected.json").read_text(encoding="utf-8"))
    verdicts: Mapping[str, Mapping[str, Mapping[str, str]]] = data["verdicts"]
    return verdicts


@cache
def crosswalk() -> dict[str, tuple[str, ...]]:
    """Checkov id -> golive checks that declare it, from the live catalogue."""
    found: dict[str, list[str]] = {}
    for check_id, meta in sorted(load_catalog().items()):
        for peer_id in meta.crosswalk.get("checkov", ()):
            found.setdefault(peer_id, []).append(check_id)
    return {k: tuple(found[k]) for k in sorted(found, key=_numeric)}


def _numeric(checkov_id: str) -> tuple[str, int]:
    prefix, _, number = checkov_id.rpartition("_")
    return (prefix, int(number) if number.isdigit() else 0)


@cache
def checkov_types() -> dict[str, frozenset[str]]:
    """Checkov id -> the CloudFormation and SAM types its CloudFormation check inspects."""
    if not CROSSWALK_TSV.is_file():
        return {}
    types: dict[str, frozenset[str]] = {}
    lines = CROSSWALK_TSV.read_text(encoding="utf-8").splitlines()
    for line in lines[1:]:
        cells = line.split("\t")
        names = ",".join(cells[1:3]).split(",")
        types[cells[0]] = frozenset(n for n in names if n)
    return types


@cache
def listed() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(LISTED.read_text(encoding="utf-8"))
    return data


@cache
def scan(template: str) -> ScanResult:
    """golive's production review of one template, run once per test session."""
    return run_scan([TEMPLATES / template])


# --- comparison ----------------------------------------------------------------------------


def _findings_for(result: ScanResult, check_id: str, logical_id: str) -> list[Finding]:
    """golive's findings of ``check_id`` on the resource Checkov calls ``logical_id``."""
    mine = [f for f in result.findings if f.check_id == check_id]
    deployed = [f for f in mine if f.resource.deployed_id == logical_id]
    if deployed:
        return deployed
    exact = [
        f
        for f in mine
        if f.resource.logical_id == logical_id and f.resource.deployed_id in (None, logical_id)
    ]
    return exact or [f for f in mine if f.resource.logical_id == logical_id]


def _answer(result: ScanResult, check_id: str, logical_id: str) -> tuple[str, str]:
    findings = _findings_for(result, check_id, logical_id)
    if not findings:
        errors = "; ".join(e.message for e in result.errors)
        return NONE, errors or "golive gave no finding"
    statuses = sorted({f.status.value for f in findings})
    status = statuses[0] if len(statuses) == 1 else "MIXED:" + "/".join(statuses)
    return status, " | ".join(f.reason for f in findings)


@cache
def compared() -> tuple[Row, ...]:
    """Every resource Checkov judged with a crosswalked id, with golive's answer."""
    rows = []
    for template, resources in sorted(expected().items()):
        for logical_id, verdicts in sorted(resources.items()):
            for checkov_id, verdict in sorted(verdicts.items()):
                for check_id in crosswalk().get(checkov_id, ()):
                    status, reason = _answer(scan(template), check_id, logical_id)
                    rows.append(
                        Row(template, logical_id, checkov_id, check_id, verdict, status, reason)
                    )
    return tuple(rows)


def _may_hold(template: str, types: Iterable[str]) -> bool:
    text = (TEMPLATES / template).read_text(encoding="utf-8", errors="replace")
    return any(t in text for t in types)


@cache
def abstentions() -> tuple[Row, ...]:
    """golive verdicts on resources of a type Checkov's check covers but that it did not judge.

    Checkov returns UNKNOWN (or errors) on some resources; those do not appear in
    ``expected.json``. Only templates Checkov scanned are considered.
    """
    rows = []
    types = checkov_types()
    for template, resources in sorted(expected().items()):
        for checkov_id, check_ids in crosswalk().items():
            covered = types.get(checkov_id)
            if not covered or not _may_hold(template, covered):
                continue
            for finding in scan(template).findings:
                if finding.check_id not in check_ids:
                    continue
                ref = finding.resource
                if covered.isdisjoint({ref.type, ref.source_type}):
                    continue
                names = {ref.logical_id, ref.deployed_id or ref.logical_id}
                if any(checkov_id in resources.get(name, {}) for name in names):
                    continue
                rows.append(
                    Row(
                        template,
                        ref.logical_id,
                        checkov_id,
                        finding.check_id,
                        NONE,
                        finding.status.value,
                        finding.reason,
                    )
                )
    return tuple(sorted(set(rows), key=lambda r: (*r.key, r.golive_check)))


def classify(row: Row) -> str | None:
    """The first rule whose criteria ``row`` meets, or None."""
    for name, rule in listed()["rules"].items():
        if _meets(row, rule):
            return name
    return None


def _meets(row: Row, rule: Mapping[str, Any]) -> bool:
    if row.checkov not in rule["checkov"]:
        return False
    if "checkov_verdict" in rule and row.checkov_verdict not in _as_list(rule["checkov_verdict"]):
        return False
    if row.golive not in _as_list(rule["golive"]):
        return False
    return str(rule.get("reason_contains", "")) in row.reason


def _as_list(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


# --- figures -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figures:
    checkov: str
    golive_checks: tuple[str, ...]
    compared: int
    agreed: int
    explained: int

    def row(self) -> str:
        checks = ", ".join(f"`{c}`" for c in self.golive_checks)
        return f"| {self.checkov} | {checks} | {self.compared} | {self.agreed} | {self.explained} |"


def figures() -> list[Figures]:
    out = []
    for checkov_id, check_ids in crosswalk().items():
        rows = [r for r in compared() if r.checkov == checkov_id]
        agreed = sum(r.agrees for r in rows)
        out.append(Figures(checkov_id, check_ids, len(rows), agreed, len(rows) - agreed))
    return out


def figures_table() -> str:
    lines = [f.row() for f in figures()]
    return "\n".join(lines)


# --- tests ---------------------------------------------------------------------------------


def _entries(section: str) -> dict[tuple[str, str, str], dict[str, Any]]:
    entries: dict[tuple[str, str, str], dict[str, Any]] = {}
    for entry in listed().get(section) or []:
        key = (entry["template"], entry["logical_id"], entry["checkov"])
        assert key not in entries, f"{LISTED.name}: {section} lists {key} twice"
        entries[key] = entry
    return entries


def _format(rows: Iterable[Row], *, reasons: bool = True) -> str:
    lines = []
    for row in rows:
        entry = {**row.entry(), "rule": classify(row) or "UNCLASSIFIED"}
        text = yaml.safe_dump(entry, default_flow_style=True, width=1000, sort_keys=False)
        comment = f"  # golive: {row.reason[:120]}" if reasons else ""
        lines.append(f"  - {text.strip()}{comment}")
    return "\n".join(lines)


def _check_section(section: str, rows: tuple[Row, ...]) -> None:
    entries = _entries(section)
    actual = {r.key: r for r in rows if not r.agrees}
    unlisted = [r for k, r in sorted(actual.items()) if k not in entries]
    gone = [e for k, e in sorted(entries.items()) if k not in actual]
    changed = [
        (entries[k], r)
        for k, r in sorted(actual.items())
        if k in entries
        and (
            entries[k]["golive"] != r.golive
            or entries[k].get("checkov_verdict", NONE) != r.checkov_verdict
        )
    ]
    message = []
    if unlisted:
        message.append(
            f"{len(unlisted)} {section} not in {LISTED.name} (explain each under a rule, "
            f"or fix golive):\n{_format(unlisted)}"
        )
    if gone:
        message.append(
            f"{len(gone)} listed {section} no longer occur (remove them from {LISTED.name} "
            "and docs/peer-differences.md):\n" + "\n".join(f"  - {json.dumps(e)}" for e in gone)
        )
    if changed:
        message.append(
            f"{len(changed)} listed {section} now have another verdict:\n"
            + "\n".join(f"  listed {json.dumps(e)}\n  now    {r.entry()}" for e, r in changed)
        )
    assert not message, "\n\n".join(message)


def test_every_difference_is_listed_and_every_listed_one_occurs() -> None:
    _check_section("differences", compared())


def test_every_abstention_is_listed_and_every_listed_one_occurs() -> None:
    if not checkov_types():
        pytest.skip(f"{CROSSWALK_TSV} not found: cannot tell which types Checkov covers")
    _check_section("abstentions", abstentions())


def test_each_listed_entry_meets_its_rule() -> None:
    rules = listed()["rules"]
    rows = {r.key: r for r in (*compared(), *abstentions())}
    wrong = []
    for section in ("differences", "abstentions"):
        for key, entry in _entries(section).items():
            rule = rules.get(entry["rule"])
            row = rows.get(key)
            if rule is None:
                wrong.append(f"{key}: rule {entry['rule']!r} is not defined")
            elif row is not None and not row.agrees and not _meets(row, rule):
                wrong.append(
                    f"{key}: golive {row.golive} ({row.reason[:100]}) does not meet rule "
                    f"{entry['rule']!r}; it meets {classify(row)!r}"
                )
    used = {e["rule"] for s in ("differences", "abstentions") for e in _entries(s).values()}
    unused = sorted(set(rules) - used)
    assert not wrong and not unused, "\n".join([*wrong, f"rules never used: {unused}"])


def test_rules_are_documented() -> None:
    rules = listed()["rules"]
    incomplete = [
        name
        for name, rule in rules.items()
        if not all(rule.get(k) for k in ("kind", "title", "explanation", "checkov", "golive"))
        or rule["kind"] not in listed()["kinds"]
    ]
    assert not incomplete, f"rules missing kind/title/explanation/checkov/golive: {incomplete}"
    text = DOC.read_text(encoding="utf-8")
    undocumented = [name for name in rules if f"`{name}`" not in text]
    assert not undocumented, f"{DOC.name} does not mention rules {undocumented}"


def test_agreement_figures() -> None:
    table = figures_table()
    print("\n| Checkov id | golive checks | compared | agree | explained differences |")
    print(table)
    for checkov_id, counts in _by_rule().items():
        print(f"{checkov_id}: " + ", ".join(f"{n} {rule}" for rule, n in sorted(counts.items())))
    for fig in figures():
        judged = sum(fig.checkov in v for r in expected().values() for v in r.values())
        assert fig.compared == judged * len(fig.golive_checks)
        assert fig.agreed + fig.explained == fig.compared
    # The document's summary table shows exactly the current figures.
    doc = DOC.read_text(encoding="utf-8")
    missing = [line for line in table.splitlines() if line not in doc]
    assert not missing, f"{DOC.name}'s summary table is out of date; its rows should read:\n{table}"


def _doc_pairs() -> set[tuple[str, str]]:
    """(template, logical id) pairs the document lists as affected resources."""
    pairs = set()
    for line in DOC.read_text(encoding="utf-8").splitlines():
        match = _AFFECTED.match(line)
        if match and match.group(1) in expected():
            pairs.update((match.group(1), i.strip()) for i in match.group(2).split(","))
    return pairs


_AFFECTED = re.compile(r"^\s*- `([^`]+)`: (.+)$")


def test_document_lists_exactly_the_listed_resources() -> None:
    wanted = {
        (e["template"], e["logical_id"])
        for section in ("differences", "abstentions")
        for e in _entries(section).values()
    }
    shown = _doc_pairs()
    assert shown == wanted, (
        f"{DOC.name}'s affected-resource lists are out of date: missing "
        f"{sorted(wanted - shown)}, not listed in {LISTED.name} {sorted(shown - wanted)}; "
        "`python -m tests.test_peer_checkov` prints them"
    )


# --- maintenance -----------------------------------------------------------------------------


def _by_rule() -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {}
    for row in (*compared(), *abstentions()):
        if not row.agrees:
            bucket = counts.setdefault(row.checkov, {})
            name = classify(row) or "UNCLASSIFIED"
            bucket[name] = bucket.get(name, 0) + 1
    return counts


def _affected(rows: Iterable[Row]) -> str:
    by_template: dict[str, set[str]] = {}
    for row in rows:
        by_template.setdefault(row.template, set()).add(row.logical_id)
    return "\n".join(
        f"  - `{template}`: {', '.join(sorted(ids))}"
        for template, ids in sorted(by_template.items())
    )


def main() -> None:
    """Print the current state: YAML entries, the figures table, and the document's lists."""
    differing = [r for r in compared() if not r.agrees]
    abstaining = [r for r in abstentions() if not r.agrees]
    print("differences:")
    print(_format(differing, reasons=False))
    print("abstentions:")
    print(_format(abstaining, reasons=False))
    print("\nfigures:")
    print(figures_table())
    print("\naffected resources, by Checkov id and rule:")
    for checkov_id in crosswalk():
        for rule in sorted({classify(r) or "UNCLASSIFIED" for r in (*differing, *abstaining)}):
            rows = [
                r
                for r in (*differing, *abstaining)
                if r.checkov == checkov_id and (classify(r) or "UNCLASSIFIED") == rule
            ]
            if rows:
                print(f"{checkov_id} {rule} ({len(rows)}):\n{_affected(rows)}")


if __name__ == "__main__":
    main()
