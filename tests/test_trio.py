"""One application written three ways (SAM, CDK, Terraform) gets the same verdicts.

``tests/fixtures/trio`` holds the application as a SAM template, as a CDK app with its
synthesized assembly, and as a Terraform configuration (plus the same configuration as a plan
in ``terraform show -json`` form). golive normalizes each into the one model, so every check
must judge the shared resources alike; the exceptions are listed with their reason, and with
the verdicts they differ in, so an exception that no longer holds is noticed too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import pytest

from golive.model import Finding, Status
from golive.scan import ScanResult, run_scan
from tests.conftest import ROOT

TRIO = ROOT / "tests" / "fixtures" / "trio"

#: The resources the SAM template, the CDK app and the Terraform configuration all name.
FUNCTIONS = ("Ingest", "Worker", "Api")
QUEUES = ("Jobs", "JobsDlq", "IngestDlq")
LOG_GROUPS = ("IngestLogs", "WorkerLogs")
ALARMS = ("WorkerErrors", "JobsDlqDepth")
SHARED = (*FUNCTIONS, "Uploads", "Orders", *QUEUES, "Alerts", *LOG_GROUPS, *ALARMS)

#: The checks the trio is written to exercise, and the verdict each gives on each resource it
#: judges. The trio misses some practices on purpose: agreement must include those failures.
PASS, FAIL, NOT_APPLICABLE, UNKNOWN = (
    Status.PASS,
    Status.FAIL,
    Status.NOT_APPLICABLE,
    Status.UNKNOWN,
)
SEED_VERDICTS = {
    ("lambda.dead-letter-queue", "Ingest"): PASS,
    ("lambda.dead-letter-queue", "Worker"): NOT_APPLICABLE,
    ("lambda.dead-letter-queue", "Api"): NOT_APPLICABLE,
    ("lambda.reserved-concurrency", "Ingest"): PASS,
    ("lambda.reserved-concurrency", "Worker"): FAIL,
    ("lambda.reserved-concurrency", "Api"): PASS,
    ("lambda.log-group", "Ingest"): PASS,
    ("lambda.log-group", "Worker"): PASS,
    ("lambda.log-group", "Api"): FAIL,
    ("lambda.tracing", "Ingest"): PASS,
    ("lambda.tracing", "Worker"): FAIL,
    ("lambda.tracing", "Api"): PASS,
    ("lambda.error-alarm", "Ingest"): FAIL,
    ("lambda.error-alarm", "Worker"): PASS,
    ("lambda.error-alarm", "Api"): FAIL,
    ("logs.retention", "IngestLogs"): PASS,
    ("logs.retention", "WorkerLogs"): FAIL,
    ("sqs.redrive-policy", "Jobs"): PASS,
    ("sqs.redrive-policy", "JobsDlq"): NOT_APPLICABLE,
    ("sqs.redrive-policy", "IngestDlq"): NOT_APPLICABLE,
    ("sqs.dlq-alarm", "Jobs"): NOT_APPLICABLE,
    ("sqs.dlq-alarm", "JobsDlq"): PASS,
    ("sqs.dlq-alarm", "IngestDlq"): FAIL,
    ("dynamodb.point-in-time-recovery", "Orders"): PASS,
}

#: Every check each shared resource is judged by alike in all three inputs: the comparison
#: must cover at least these (a loader or name mapping that loses resources shrinks it).
_EVERY_RESOURCE = ("cloudformation.secret-parameters", "tagging.required-tags")
_COMPARED_BY_RESOURCE: dict[tuple[str, ...], tuple[str, ...]] = {
    FUNCTIONS: (
        "lambda.arm64",
        "lambda.async-retry-settings",
        "lambda.dead-letter-queue",
        "lambda.environment-encryption",
        "lambda.environment-secrets",
        "lambda.error-alarm",
        "lambda.log-group",
        "lambda.reserved-concurrency",
        "lambda.runtime-supported",
        "lambda.throttle-alarm",
        "lambda.timeout",
        "lambda.tracing",
        "lambda.vpc",
    ),
    ("Uploads",): (
        "backup.coverage",
        "s3.access-logging",
        "s3.bucket-key",
        "s3.encryption-cmk",
        "s3.lifecycle",
        "s3.public-access",
        "s3.public-access-block",
        "s3.replication",
        "s3.tls-only",
        "s3.versioning",
        "stateful.deletion-policy",
    ),
    ("Orders",): (
        "backup.coverage",
        "dynamodb.capacity-scaling",
        "dynamodb.deletion-protection",
        "dynamodb.encryption-cmk",
        "dynamodb.point-in-time-recovery",
        "dynamodb.throttle-alarm",
        "stateful.deletion-policy",
    ),
    QUEUES: (
        "sqs.dlq-alarm",
        "sqs.encryption",
        "sqs.policy-not-public",
        "sqs.redrive-policy",
        "sqs.tls-only",
    ),
    ("Alerts",): ("sns.encryption", "sns.policy-not-public", "sns.tls-only"),
    LOG_GROUPS: ("logs.encryption", "logs.retention"),
    ALARMS: ("cloudwatch.alarm-actions",),
}
COMPARED = frozenset(
    (check_id, name)
    for names, checks in _COMPARED_BY_RESOURCE.items()
    for name in names
    for check_id in (*checks, *_EVERY_RESOURCE)
)

#: Checks whose verdict rests on how the stack is deployed, which an assembly records and a
#: template cannot (and Terraform deploys no CloudFormation stack): they differ on purpose.
DEPLOYMENT_CHECKS = frozenset({"cloudformation.termination-protection"})
#: Checks that differ between SAM and Terraform on purpose, and why.
EXPECTED_DIFFERENCES = {
    **dict.fromkeys(DEPLOYMENT_CHECKS, "deployment setting"),
    # SAM and CDK deploy the trio's code inline (nothing to sign); Terraform cannot deploy
    # inline code, so its functions ship zip files that code signing applies to.
    "lambda.code-signing": "inline code in SAM and CDK only",
    # The inline code is a property that can carry a secret (PASS when it holds none); a zip
    # file is not read (NOT_APPLICABLE).
    "cloudformation.hardcoded-secrets": "inline code in SAM and CDK only",
}
#: Where the checks above differ: ``(check, name) -> (SAM verdict, Terraform verdict)``.
SAM_TERRAFORM_DIFFERENCES = {
    ("cloudformation.termination-protection", "Orders"): (UNKNOWN, NOT_APPLICABLE),
    ("cloudformation.termination-protection", "Uploads"): (UNKNOWN, NOT_APPLICABLE),
    **{("lambda.code-signing", name): (NOT_APPLICABLE, FAIL) for name in FUNCTIONS},
    **{("cloudformation.hardcoded-secrets", name): (PASS, NOT_APPLICABLE) for name in FUNCTIONS},
}
#: Where SAM and CDK differ: ``(check, name) -> (SAM verdict, CDK verdict)``. CDK's default
#: leaves termination protection off, which only the assembly records.
SAM_CDK_DIFFERENCES = {
    ("cloudformation.termination-protection", "Orders"): (UNKNOWN, FAIL),
    ("cloudformation.termination-protection", "Uploads"): (UNKNOWN, FAIL),
}

#: A plan does not record ``lifecycle { prevent_destroy }``: what rests on it is UNKNOWN there.
PLAN_UNKNOWN = frozenset({"stateful.deletion-policy"})


def _by_shared_name(result: ScanResult) -> dict[tuple[str, str], Finding]:
    """``(check, name) -> finding`` for the resources the trio names alike, SAM and CDK.

    SAM: the resource as written (not what SAM generates from it). CDK: the L1 resource of
    the construct of that name, ``Trio/<name>/Resource``.
    """
    found: dict[tuple[str, str], Finding] = {}
    for finding in result.findings:
        r = finding.resource
        if r.construct_path is not None:
            parts = r.construct_path.split("/")
            name = parts[1] if len(parts) == 3 and parts[2] == "Resource" else None
        else:
            name = r.logical_id if r.deployed_id is None else None
        if name in SHARED:
            found[(finding.check_id, name)] = finding
    return found


def _terraform_name(address: str) -> str | None:
    match = re.fullmatch(r"aws_[a-z0-9_]+?\.([a-z0-9_]+)", address)
    if match is None:
        return None
    return "".join(word.capitalize() for word in match.group(1).split("_"))


_KIND_OF = {
    "lambdafunction": FUNCTIONS,
    "s3bucket": ("Uploads",),
    "dynamodbtable": ("Orders",),
    "sqsqueue": QUEUES,
    "snstopic": ("Alerts",),
    "cloudwatchloggroup": LOG_GROUPS,
    "cloudwatchmetricalarm": ALARMS,
}
_KINDS = {name: {kind} for kind, names in _KIND_OF.items() for name in names}


def by_terraform_name(result: ScanResult) -> dict[tuple[str, str], Finding]:
    """``(check, name) -> finding`` for the trio's names: ``aws_sqs_queue.jobs_dlq`` is JobsDlq."""
    found: dict[tuple[str, str], Finding] = {}
    for finding in result.findings:
        name = _terraform_name(finding.resource.logical_id)
        if name in SHARED and finding.resource.source_type is not None:
            kind = finding.resource.source_type
            # Only the resource the name stands for (the function, not its permission).
            if kind.split("_", 1)[1].replace("_", "") in _KINDS[name]:
                found[(finding.check_id, name)] = finding
    return found


def _keys_differ(
    left_name: str,
    left: Iterable[tuple[str, str]],
    right_name: str,
    right: Iterable[tuple[str, str]],
) -> str:
    one, other = set(left), set(right)
    return (
        f"only in {left_name}: {sorted(one - other)}; only in {right_name}: {sorted(other - one)}"
    )


def _statuses(
    found: Mapping[tuple[str, str], Finding], keys: Iterable[tuple[str, str]]
) -> dict[tuple[str, str], Status | None]:
    """The verdict for each key; None where there is no finding."""
    return {key: found[key].status if key in found else None for key in keys}


def _differences(
    one: Mapping[tuple[str, str], Finding],
    other: Mapping[tuple[str, str], Finding],
    checks: Iterable[str],
) -> dict[tuple[str, str], tuple[Status, Status]]:
    """Where ``one`` and ``other`` judge a resource differently, for these checks."""
    wanted = set(checks)
    return {
        key: (one[key].status, other[key].status)
        for key in sorted(one)
        if key[0] in wanted and key in other and one[key].status is not other[key].status
    }


def _disagreements(
    names: tuple[str, str],
    one: Mapping[tuple[str, str], Finding],
    other: Mapping[tuple[str, str], Finding],
    keys: Iterable[tuple[str, str]],
) -> str:
    return "\n".join(
        f"{check_id} {name}: {names[0]} {one[key].status.value} ({one[key].reason}) / "
        f"{names[1]} {other[key].status.value} ({other[key].reason})"
        for key in sorted(keys)
        for check_id, name in [key]
        if one[key].status is not other[key].status
    )


@pytest.fixture(scope="module")
def sam() -> dict[tuple[str, str], Finding]:
    result = run_scan([TRIO / "sam" / "template.yaml"])
    assert not result.errors, result.errors
    return _by_shared_name(result)


def test_cdk_app_and_sam_template_get_the_same_verdicts(
    sam: dict[tuple[str, str], Finding],
) -> None:
    result = run_scan([TRIO / "cdk.out"])
    assert not result.errors, result.errors
    cdk = _by_shared_name(result)
    sam_keys = {k for k in sam if k[0] not in DEPLOYMENT_CHECKS}
    cdk_keys = {k for k in cdk if k[0] not in DEPLOYMENT_CHECKS}
    assert sam_keys == cdk_keys, _keys_differ("SAM", sam_keys, "CDK", cdk_keys)
    missing = sorted(COMPARED - sam_keys)
    assert not missing, f"not judged in SAM and CDK: {missing}"
    differ = _disagreements(("SAM", "CDK"), sam, cdk, sam_keys)
    assert not differ, differ
    assert _statuses(cdk, SEED_VERDICTS) == SEED_VERDICTS, "CDK: the seed verdicts changed"
    # What only the assembly knows, and nothing else.
    assert _differences(sam, cdk, DEPLOYMENT_CHECKS) == SAM_CDK_DIFFERENCES, (
        "SAM_CDK_DIFFERENCES no longer holds"
    )


@pytest.mark.parametrize("kind", ["terraform", "plan.json"])
def test_terraform_gets_the_verdicts_of_sam(kind: str, sam: dict[tuple[str, str], Finding]) -> None:
    result = run_scan([TRIO / kind])
    assert not result.errors, result.errors
    terraform = by_terraform_name(result)
    compared_at_least = COMPARED
    if kind == "plan.json":
        unknown = {k: f.status for k, f in terraform.items() if k[0] in PLAN_UNKNOWN}
        assert unknown == {
            ("stateful.deletion-policy", "Orders"): UNKNOWN,
            ("stateful.deletion-policy", "Uploads"): UNKNOWN,
        }, "a plan cannot tell prevent_destroy: the verdicts resting on it are UNKNOWN"
        terraform = {k: f for k, f in terraform.items() if k[0] not in PLAN_UNKNOWN}
        sam = {k: f for k, f in sam.items() if k[0] not in PLAN_UNKNOWN}
        compared_at_least = frozenset(k for k in COMPARED if k[0] not in PLAN_UNKNOWN)
    compared = {k for k in sam if k[0] not in EXPECTED_DIFFERENCES}
    terraform_keys = {k for k in terraform if k[0] not in EXPECTED_DIFFERENCES}
    assert compared == terraform_keys, _keys_differ("SAM", compared, "Terraform", terraform_keys)
    missing = sorted(compared_at_least - compared)
    assert not missing, f"not judged in SAM and Terraform: {missing}"
    differ = _disagreements(("SAM", "Terraform"), sam, terraform, compared)
    assert not differ, differ
    assert _statuses(terraform, SEED_VERDICTS) == SEED_VERDICTS, "the seed verdicts changed"
    # The exceptions hold: each differs where it says, and nowhere else.
    assert _differences(sam, terraform, EXPECTED_DIFFERENCES) == SAM_TERRAFORM_DIFFERENCES, (
        "SAM_TERRAFORM_DIFFERENCES no longer holds: drop an exception that is gone, or explain "
        "a new one in EXPECTED_DIFFERENCES"
    )
