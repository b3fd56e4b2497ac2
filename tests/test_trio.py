"""One application written three ways (SAM, CDK, Terraform) gets the same verdicts.

``tests/fixtures/trio`` holds the application as a SAM template, as a CDK app with its
synthesized assembly, and as a Terraform configuration (plus the same configuration as a plan
in ``terraform show -json`` form). golive normalizes each into the one model, so every check
must judge the shared resources alike; the exceptions are listed with their reason.
"""

from __future__ import annotations

import re

import pytest

from golive.model import Finding, Status
from golive.scan import ScanResult, run_scan
from tests.test_cdk import DEPLOYMENT_CHECKS, SEED_CHECKS, SHARED, TRIO, _by_shared_name

#: Checks that differ on purpose, and why.
EXPECTED_DIFFERENCES = {
    # Set where the stack is deployed: the assembly records it, a template cannot, and
    # Terraform deploys no CloudFormation stack.
    **dict.fromkeys(DEPLOYMENT_CHECKS, "deployment setting"),
    # SAM and CDK deploy the trio's code inline (nothing to sign); Terraform cannot deploy
    # inline code, so its functions ship zip files that code signing applies to.
    "lambda.code-signing": "inline code in SAM and CDK only",
    # The inline code is a property that can carry a secret (PASS when it holds none); a zip
    # file is not read (NOT_APPLICABLE).
    "cloudformation.hardcoded-secrets": "inline code in SAM and CDK only",
}


def _terraform_name(address: str) -> str | None:
    match = re.fullmatch(r"aws_[a-z0-9_]+?\.([a-z0-9_]+)", address)
    if match is None:
        return None
    return "".join(word.capitalize() for word in match.group(1).split("_"))


def by_terraform_name(result: ScanResult) -> dict[tuple[str, str], Finding]:
    found: dict[tuple[str, str], Finding] = {}
    for finding in result.findings:
        name = _terraform_name(finding.resource.logical_id)
        if name in SHARED and finding.resource.source_type is not None:
            kind = finding.resource.source_type
            # Only the resource the name stands for (the function, not its permission).
            if kind.split("_", 1)[1].replace("_", "") in _KINDS[name]:
                found[(finding.check_id, name)] = finding
    return found


_KIND_OF = {
    "lambdafunction": ("Ingest", "Worker", "Api"),
    "s3bucket": ("Uploads",),
    "dynamodbtable": ("Orders",),
    "sqsqueue": ("Jobs", "JobsDlq", "IngestDlq"),
    "snstopic": ("Alerts",),
    "cloudwatchloggroup": ("IngestLogs", "WorkerLogs"),
    "cloudwatchmetricalarm": ("WorkerErrors", "JobsDlqDepth"),
}
_KINDS = {name: {kind} for kind, names in _KIND_OF.items() for name in names}


#: A plan does not record ``lifecycle { prevent_destroy }``: what rests on it is UNKNOWN there.
PLAN_UNKNOWN = frozenset({"stateful.deletion-policy"})


@pytest.fixture(scope="module")
def sam() -> dict[tuple[str, str], Finding]:
    return _by_shared_name(run_scan([TRIO / "sam" / "template.yaml"]))


@pytest.mark.parametrize("kind", ["terraform", "plan.json"])
def test_terraform_gets_the_verdicts_of_sam(kind: str, sam: dict[tuple[str, str], Finding]) -> None:
    result = run_scan([TRIO / kind])
    assert not result.errors, result.errors
    terraform = by_terraform_name(result)
    if kind == "plan.json":
        unknown = {k: f for k, f in terraform.items() if k[0] in PLAN_UNKNOWN}
        assert unknown and all(f.status is Status.UNKNOWN for f in unknown.values())
        terraform = {k: f for k, f in terraform.items() if k[0] not in PLAN_UNKNOWN}
        sam = {k: f for k, f in sam.items() if k[0] not in PLAN_UNKNOWN}
    compared = {k for k in sam if k[0] not in EXPECTED_DIFFERENCES}
    assert compared == {k for k in terraform if k[0] not in EXPECTED_DIFFERENCES}
    differ = [
        f"{check_id} {name}: SAM {sam[key].status.value} ({sam[key].reason}) / "
        f"Terraform {terraform[key].status.value} ({terraform[key].reason})"
        for key in sorted(compared)
        for check_id, name in [key]
        if sam[key].status is not terraform[key].status
    ]
    assert not differ, "\n".join(differ)
    statuses = {
        terraform[(c, n)].status for c in SEED_CHECKS for n in SHARED if (c, n) in terraform
    }
    assert {Status.PASS, Status.FAIL, Status.NOT_APPLICABLE} <= statuses
    assert len(compared) > 100
