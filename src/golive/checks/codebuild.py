"""Checks on CodeBuild projects (catalogue: ``catalog/codebuild.yaml``)."""

from __future__ import annotations

import re
from typing import Any

from golive.checks.base import Verdict, check, failed, not_applicable, passed, unknown
from golive.context import Context
from golive.model import Resource
from golive.values import Reference, Text, is_true


@check("codebuild.encryption-cmk")
def encryption_cmk(project: Resource, ctx: Context) -> Verdict:
    key = ctx.value(project, "EncryptionKey")
    if key.absent or key.value == "":
        return failed(
            "no EncryptionKey: artifacts are encrypted with the AWS-managed S3 key", "EncryptionKey"
        )
    raw = ctx.resolver.resolve(project.properties.get("EncryptionKey"))
    literal = raw.literal("*") if isinstance(raw, Text) else raw if isinstance(raw, str) else None
    if isinstance(raw, Text) and not raw.literal(""):
        literal = None  # nothing of the value is known, e.g. !Sub "${KeyParameter}"
    if literal is not None and "alias/aws/" in literal:
        return failed(
            f"EncryptionKey {literal} is an AWS-managed key, not a customer-managed one",
            "EncryptionKey",
        )
    if key.unknown and literal is None:
        return unknown(f"the key is not known: {key.reason}", "EncryptionKey")
    return passed("artifacts encrypted with a customer-managed key", "EncryptionKey")


#: Commands in a buildspec that need the Docker daemon, hence privileged mode.
_DOCKER = re.compile(r"\b(docker|docker-compose|dockerd)\b")
#: Environment variable names that point a build at an image repository.
_IMAGE_VARIABLE = re.compile(r"(IMAGE|ECR|REPOSITORY|REPO)", re.IGNORECASE)


def _buildspec_text(project: Resource, ctx: Context) -> str | None:
    """The inline buildspec (known parts), or None when it is a file or not known."""
    raw = ctx.resolver.resolve(project.properties.get("Source", {}).get("BuildSpec"))
    text = raw.literal(" ") if isinstance(raw, Text) else raw
    if not isinstance(text, str) or ("\n" not in text and "phases" not in text):
        return None
    return text


def _image_build_evidence(project: Resource, ctx: Context) -> str | None:
    """Why the project evidently builds container images, if it does."""
    text = _buildspec_text(project, ctx)
    if text is not None and _DOCKER.search(text):
        return "its buildspec runs docker"
    variables = ctx.value(project, "Environment.EnvironmentVariables")
    for variable in (
        variables.value if variables.known and isinstance(variables.value, list) else []
    ):
        if not isinstance(variable, dict):
            continue
        value = variable.get("Value")
        target = ctx.resource(value) if isinstance(value, Reference) else None
        if target is not None and target.type == "AWS::ECR::Repository":
            name = variable.get("Name")
            return f"environment variable {name} names ECR repository {target.logical_id}"
        name = variable.get("Name")
        if isinstance(name, str) and _IMAGE_VARIABLE.search(name):
            return f"environment variable {name} names an image repository"
    return None


@check("codebuild.privileged-mode")
def privileged_mode(project: Resource, ctx: Context) -> Verdict:
    path = "Environment.PrivilegedMode"
    privileged = ctx.value(project, path)
    if privileged.unknown:
        return unknown(f"PrivilegedMode is not known: {privileged.reason}", path)
    if not (privileged.known and is_true(privileged.value)):
        return passed("the build container runs unprivileged", path)
    evidence = _image_build_evidence(project, ctx)
    if evidence:
        return not_applicable(
            f"builds container images ({evidence}): the Docker daemon needs privileged mode"
        )
    if _buildspec_text(project, ctx) is not None:
        return failed(
            "privileged mode on, but the inline buildspec runs no docker command: the build "
            "gets root access to the host's devices for nothing",
            path,
        )
    return unknown(
        "privileged mode on; the buildspec lives with the source, so golive cannot see "
        "whether it builds container images (which need it)",
        path,
    )


@check("codebuild.logging")
def logging(project: Resource, ctx: Context) -> Verdict:
    cloudwatch = ctx.value(project, "LogsConfig.CloudWatchLogs.Status")
    s3 = ctx.value(project, "LogsConfig.S3Logs.Status")
    for value in (cloudwatch, s3):
        if value.unknown:
            return unknown(f"the log settings are not known: {value.reason}", "LogsConfig")
    destinations = []
    if cloudwatch.absent or str(cloudwatch.value).upper() == "ENABLED":
        destinations.append("CloudWatch Logs" + (" (the default)" if cloudwatch.absent else ""))
    if s3.known and str(s3.value).upper() == "ENABLED":
        destinations.append("S3")
    if destinations:
        return passed("build logs go to " + " and ".join(destinations), "LogsConfig")
    return failed(
        "CloudWatch Logs disabled and no S3 logs: a failed build leaves no output to debug "
        "or audit",
        "LogsConfig",
    )


@check("codebuild.artifact-encryption")
def artifact_encryption(project: Resource, ctx: Context) -> Verdict:
    outputs: list[tuple[str, Any]] = []
    kind = ctx.value(project, "Artifacts.Type")
    if not (kind.known and str(kind.value).upper() == "NO_ARTIFACTS"):
        outputs.append(("Artifacts", ctx.value(project, "Artifacts.EncryptionDisabled")))
    secondary = ctx.value(project, "SecondaryArtifacts")
    for index, item in enumerate(secondary.value if secondary.known else []):
        if isinstance(item, dict):
            outputs.append(
                (f"SecondaryArtifacts.{index}", ctx.resolved(item.get("EncryptionDisabled")))
            )
    s3_logs = ctx.value(project, "LogsConfig.S3Logs.Status")
    if s3_logs.known and str(s3_logs.value).upper() == "ENABLED":
        outputs.append(
            ("LogsConfig.S3Logs", ctx.value(project, "LogsConfig.S3Logs.EncryptionDisabled"))
        )
    if not outputs:
        return not_applicable("produces no artifacts and writes no logs to S3")
    disabled = [where for where, flag in outputs if flag.known and is_true(flag.value)]
    if disabled:
        return failed(
            f"encryption disabled for {', '.join(disabled)}: build output is stored in plain "
            "text in S3",
            disabled[0],
        )
    open_ = [f"{where} ({flag.reason})" for where, flag in outputs if flag.unknown]
    if open_:
        return unknown("EncryptionDisabled is not known for " + "; ".join(open_))
    return passed("artifacts and S3 logs are encrypted", "Artifacts")
