"""Per-check fixture templates and the expectations written inside them.

A fixture is ``tests/checks/<check-id>/<verdict>.yaml`` (``fail``, ``pass``,
``not_applicable``, ``unknown``; more may follow a suffix: ``fail_sam.yaml``). Each resource
the check judges carries its expectation on its logical-id line::

    Worker:  # expect: FAIL "no reserved concurrency"

The quoted text, optional, must occur in the finding's reason. Header comments set options:
``# profile: development``, ``# parameter: Name=Value``, ``# setting: global-audience=true``.
A resource generated from SAM is named by its deployed id in ``# expect[FnRole]: PASS``.
Terraform fixtures (``fail_tf.tf``) are reviewed as a configuration of that one file; the
expectation sits on the ``resource`` line and is keyed by the Terraform address.
A fixture can also be a CDK cloud assembly folder (``pass_cdk/`` holding ``manifest.json``),
for verdicts only an assembly can give; its expectations are written as for a template, in the
folder's ``expect.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

CHECKS_DIR = Path(__file__).resolve().parent / "checks"
VERDICT_FILES = ("fail", "pass", "not_applicable", "unknown")

_EXPECT = re.compile(
    r"^\s*(?P<id>[A-Za-z0-9]+)\s*:.*#\s*expect(?:\[(?P<deployed>[A-Za-z0-9]+)\])?:\s*"
    r"(?P<status>FAIL|PASS|NOT_APPLICABLE|UNKNOWN)(?:\s+\"(?P<text>[^\"]*)\")?"
)
#: Terraform: ``resource "aws_sqs_queue" "jobs" { # expect: FAIL "text"``, keyed by the
#: address; ``# expect[aws_sqs_queue.jobs[0]]: PASS`` names one instance of count/for_each.
_EXPECT_TF = re.compile(
    r"^\s*resource\s+\"(?P<type>[\w-]+)\"\s+\"(?P<name>[\w-]+)\".*#\s*expect"
    r"(?:\[(?P<deployed>.+?)\])?:\s*(?P<status>FAIL|PASS|NOT_APPLICABLE|UNKNOWN)"
    r"(?:\s+\"(?P<text>[^\"]*)\")?"
)
_HEADER = re.compile(r"^#\s*(?P<key>profile|parameter|setting):\s*(?P<value>.+?)\s*$")


@dataclass(frozen=True)
class Expectation:
    resource: str
    status: str
    text: str | None
    line: int


@dataclass
class Fixture:
    check_id: str
    path: Path
    expectations: dict[str, Expectation] = field(default_factory=dict)
    profile: str = "production"
    parameters: dict[str, str] = field(default_factory=dict)
    settings: dict[str, object] = field(default_factory=dict)

    @property
    def verdict(self) -> str:
        stem = self.path.stem
        for verdict in VERDICT_FILES:
            if stem == verdict or stem.startswith(verdict + "_"):
                return verdict
        raise ValueError(
            f"{self.path}: a fixture is named after its verdict, one of {VERDICT_FILES} "
            "(optionally followed by _suffix)"
        )


#: The file holding the expectations of a cloud assembly fixture.
ASSEMBLY_EXPECTATIONS = "expect.yaml"


def is_fixture(path: Path) -> bool:
    """A template or Terraform file, or a cloud assembly folder."""
    if path.is_dir():
        return (path / "manifest.json").is_file()
    return path.suffix in (".yaml", ".yml", ".json", ".tf")


def read_fixture(path: Path) -> Fixture:
    fixture = Fixture(check_id=path.parent.name, path=path)
    text_file = path / ASSEMBLY_EXPECTATIONS if path.is_dir() else path
    for number, line in enumerate(text_file.read_text(encoding="utf-8").splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            key, value = header.group("key"), header.group("value")
            if key == "profile":
                fixture.profile = value
            elif key == "parameter":
                name, _, given = value.partition("=")
                fixture.parameters[name] = given
            else:
                name, _, given = value.partition("=")
                if given in ("true", "false"):
                    fixture.settings[name] = given == "true"
                else:
                    fixture.settings[name] = given.split(",") if given else []
            continue
        match = _EXPECT.match(line) if path.suffix != ".tf" else None
        terraform = _EXPECT_TF.match(line) if path.suffix == ".tf" else None
        if terraform:
            key = terraform.group("deployed") or f"{terraform['type']}.{terraform['name']}"
            fixture.expectations[key] = Expectation(
                key, terraform.group("status"), terraform.group("text"), number
            )
        if match:
            key = match.group("deployed") or match.group("id")
            fixture.expectations[key] = Expectation(
                key, match.group("status"), match.group("text"), number
            )
    return fixture


def all_fixtures() -> list[Fixture]:
    return [
        read_fixture(path)
        for folder in sorted(p for p in CHECKS_DIR.iterdir() if p.is_dir())
        for path in sorted(folder.iterdir())
        if is_fixture(path)
    ]
