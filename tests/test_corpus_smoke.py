"""golive over the shared corpus of real-world templates: no crash, every error explained.

The corpus (``../shared/corpus``) holds a few hundred public templates of every shape. The
scan must finish without an exception, no check may crash on any resource (an ``ERROR``
verdict), and each input error must be one ``tests/corpus_errors.yaml`` explains. The list
is held to the truth both ways: an error it does not explain fails, and so does an entry
that no longer matches any error. Run with ``-s`` to see the counts.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from golive.model import InputError, Status
from golive.scan import ScanResult, run_scan
from tests.conftest import ROOT, SHARED

CORPUS = SHARED / "corpus"
EXPECTED_ERRORS = Path(__file__).resolve().parent / "corpus_errors.yaml"


@dataclass(frozen=True)
class ExpectedError:
    """One entry of ``corpus_errors.yaml``: ``count`` errors in ``file`` with ``message``."""

    file: str
    message: str
    why: str
    count: int = 1

    def matches(self, error: InputError) -> bool:
        return relative(error.file) == self.file and self.message in error.message


def relative(file: str) -> str:
    path = Path(file)
    try:
        return path.resolve().relative_to(CORPUS.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def expected_errors() -> list[ExpectedError]:
    entries = yaml.safe_load(EXPECTED_ERRORS.read_text(encoding="utf-8")) or []
    return [ExpectedError(**entry) for entry in entries]


@pytest.fixture(scope="module")
def result() -> ScanResult:
    if not CORPUS.is_dir():
        pytest.skip(f"no corpus at {CORPUS}: the smoke test needs ../shared/corpus")
    return run_scan([CORPUS])


def summary(result: ScanResult) -> str:
    statuses = Counter(f.status.value for f in result.findings)
    return (
        f"corpus: {result.files_seen} files, {len(result.stacks)} templates, "
        f"{sum(len(s.resources) for s in result.stacks)} resources, "
        f"{len(result.findings)} findings ("
        + ", ".join(f"{s.value} {statuses.get(s.value, 0)}" for s in Status)
        + f"), {len(result.errors)} input errors"
    )


def test_corpus_is_scanned(result: ScanResult) -> None:
    print("\n" + summary(result))
    assert result.stacks, summary(result)
    assert len(result.stacks) >= 0.9 * result.files_seen, summary(result)
    assert result.findings, summary(result)
    without_line = sorted(
        {
            f"{relative(f.resource.file)} {f.resource.logical_id}"
            for f in result.findings
            if f.resource.line is None
        }
    )
    assert not without_line, f"{len(without_line)} resources judged without a line: " + (
        ", ".join(without_line[:20])
    )


def test_no_check_crashes_on_the_corpus(result: ScanResult) -> None:
    crashed = [
        f"{relative(f.resource.file)}:{f.resource.line} {f.resource.logical_id} "
        f"{f.check_id}: {f.reason}"
        for f in result.findings
        if f.status is Status.ERROR
    ]
    assert not crashed, f"{len(crashed)} check crashes; {summary(result)}\n" + "\n".join(crashed)


def test_every_corpus_error_is_explained(result: ScanResult) -> None:
    expected = expected_errors()
    unexplained = [
        f"- file: {relative(e.file)}\n  line: {e.line}\n  message: {e.message!r}"
        for e in result.errors
        if not any(entry.matches(e) for entry in expected)
    ]
    assert not unexplained, (
        f"input errors not explained in {EXPECTED_ERRORS.name} (fix golive, or add an entry "
        "with the reason this error is right):\n" + "\n".join(unexplained)
    )


def test_every_listed_corpus_error_still_occurs(result: ScanResult) -> None:
    stale = []
    for entry in expected_errors():
        found = sum(1 for e in result.errors if entry.matches(e))
        if found != entry.count:
            stale.append(f"{entry.file}: {entry.message!r} expected {entry.count}, found {found}")
    assert not stale, f"entries of {EXPECTED_ERRORS.name} that are no longer true:\n" + "\n".join(
        stale
    )


def test_corpus_error_list_is_well_formed() -> None:
    entries = expected_errors()
    assert entries
    keys = [(e.file, e.message) for e in entries]
    assert len(keys) == len(set(keys)), "duplicate entries"
    for entry in entries:
        assert entry.message.strip() and entry.count >= 1, entry
        assert 10 <= len(entry.why) <= 120 and "\n" not in entry.why, entry
        if CORPUS.is_dir():
            assert (CORPUS / entry.file).is_file(), entry


FIXTURES = ROOT / "tests" / "fixtures"
TERRAFORM_FIXTURES = sorted((ROOT / "tests" / "checks").glob("*/*.tf"))

#: Every input kind golive reads besides the corpus's templates, from the repository's own
#: fixtures: CDK assemblies (synthesized and hand-written, with stages and nested stacks),
#: Terraform configurations (with modules) and a plan, and every check's Terraform fixture.
OTHER_INPUTS = {
    "cdk": [FIXTURES / "trio" / "cdk.out", FIXTURES / "cdk"],
    "terraform": [FIXTURES / "trio" / "terraform"],
    "plan": [FIXTURES / "trio" / "plan.json"],
    "terraform-fixtures": TERRAFORM_FIXTURES,
}
#: What each kind is read as: the source kind, and the stacks by name (the Terraform
#: fixtures: one stack per file, named by its path).
EXPECTED_STACKS = {
    "cdk": ("cdk", {"Trio", "Prod-Nag", "Prod/Nag/Archive", "Shop", "Shop/Archive"}),
    "terraform": ("terraform", {"terraform"}),
    "plan": ("terraform", {"plan.json"}),
    "terraform-fixtures": (
        "terraform",
        {p.relative_to(ROOT).as_posix() for p in TERRAFORM_FIXTURES},
    ),
}


def test_terraform_fixtures_are_found() -> None:
    """The glob finds the checks' Terraform fixtures (else their smoke test reads nothing)."""
    found = {p.relative_to(ROOT).as_posix() for p in TERRAFORM_FIXTURES}
    for fixture in ("sqs.encryption/fail_tf.tf", "lambda.tracing/pass_tf.tf"):
        assert f"tests/checks/{fixture}" in found, f"tests/checks/{fixture} is not found"


def _stack_names(kind: str, result: ScanResult) -> set[str]:
    if kind == "terraform-fixtures":
        return {Path(s.file).resolve().relative_to(ROOT).as_posix() for s in result.stacks}
    return {s.name for s in result.stacks}


@pytest.mark.parametrize("kind", sorted(OTHER_INPUTS))
def test_every_input_kind_scans_without_crash_or_error(kind: str) -> None:
    result = run_scan(OTHER_INPUTS[kind])
    crashed = [f for f in result.findings if f.status is Status.ERROR]
    assert not crashed, [(f.check_id, f.resource.logical_id, f.reason) for f in crashed]
    assert not result.errors, result.errors
    source_kind, stacks = EXPECTED_STACKS[kind]
    read = _stack_names(kind, result)
    assert read == stacks, (
        f"{kind}: not read {sorted(stacks - read)}, unexpected {sorted(read - stacks)}"
    )
    kinds = {stack.source_kind for stack in result.stacks}
    assert kinds == {source_kind}, f"{kind}: read as {kinds}"
