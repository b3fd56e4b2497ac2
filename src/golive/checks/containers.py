"""Checks on ECR repositories and EKS clusters (catalogues: ``ecr.yaml``, ``eks.yaml``)."""

from __future__ import annotations

import json
from fnmatch import fnmatchcase
from typing import Any

from golive.checks.base import Verdict, check, failed, passed, switch, unknown
from golive.context import Context
from golive.model import Resource
from golive.values import Text, Unknown, first_unknown, is_true

REGISTRY_SCANNING = "AWS::ECR::RegistryScanningConfiguration"
_SCANNING_FREQUENCIES = ("SCAN_ON_PUSH", "CONTINUOUS_SCAN")
_WORLD = "0.0.0.0/0"


# -- ECR --------------------------------------------------------------------------------------


def _registry_rule(repository: Resource, ctx: Context) -> str | None:
    """A registry scanning rule of this stack that scans the repository's pushes, described."""
    name = ctx.value(repository, "RepositoryName")
    literal = name.value if name.known and isinstance(name.value, str) else None
    for config in ctx.graph.of_type(REGISTRY_SCANNING):
        rules = ctx.value(config, "Rules")
        for rule in rules.value if rules.known and isinstance(rules.value, list) else []:
            if not isinstance(rule, dict) or rule.get("ScanFrequency") not in _SCANNING_FREQUENCIES:
                continue
            for item in rule.get("RepositoryFilters") or []:
                pattern = item.get("Filter") if isinstance(item, dict) else None
                if pattern == "*" or (
                    isinstance(pattern, str) and literal and fnmatchcase(literal, pattern)
                ):
                    return f"registry scanning rule of {config.logical_id} ({pattern})"
    return None


@check("ecr.scan-on-push")
def scan_on_push(repository: Resource, ctx: Context) -> Verdict:
    rule = _registry_rule(repository, ctx)
    if rule:
        return passed(f"pushed images are scanned by the {rule}")
    path = "ImageScanningConfiguration.ScanOnPush"
    return switch(
        ctx.value(repository, path),
        path,
        what="ScanOnPush",
        on="images are scanned for vulnerabilities on push",
        off="images are not scanned on push: known vulnerabilities reach production unnoticed",
    )


@check("ecr.immutable-tags")
def immutable_tags(repository: Resource, ctx: Context) -> Verdict:
    mutability = ctx.value(repository, "ImageTagMutability")
    if mutability.unknown:
        return unknown(
            f"ImageTagMutability is not known: {mutability.reason}", "ImageTagMutability"
        )
    value = str(mutability.value or "MUTABLE").upper()
    if value.startswith("IMMUTABLE"):
        extra = " (with exclusion filters)" if value.endswith("WITH_EXCLUSION") else ""
        return passed(f"tags are immutable{extra}", "ImageTagMutability")
    default = " (the default)" if mutability.absent else ""
    return failed(
        f"tags are mutable{default}: a push can silently replace the image a tag names, "
        "so deployments and rollbacks are not reproducible",
        "ImageTagMutability",
    )


@check("ecr.lifecycle-policy")
def lifecycle_policy(repository: Resource, ctx: Context) -> Verdict:
    policy = ctx.value(repository, "LifecyclePolicy")
    if policy.unknown:
        return unknown(f"the lifecycle policy is not known: {policy.reason}", "LifecyclePolicy")
    if policy.known and isinstance(policy.value, dict) and "LifecyclePolicyText" in policy.value:
        return passed("a lifecycle policy expires old images", "LifecyclePolicy")
    return failed(
        "no lifecycle policy: every image ever pushed is kept and billed", "LifecyclePolicy"
    )


@check("ecr.encryption-kms")
def encryption_kms(repository: Resource, ctx: Context) -> Verdict:
    path = "EncryptionConfiguration.EncryptionType"
    kind = ctx.value(repository, path)
    if kind.unknown:
        return unknown(f"the encryption type is not known: {kind.reason}", path)
    value = str(kind.value or "AES256").upper()
    if value.startswith("KMS"):
        key = ctx.value(repository, "EncryptionConfiguration.KmsKey")
        whose = "the AWS-managed key aws/ecr" if key.absent else "a customer-managed key"
        return passed(f"images encrypted with KMS ({whose})", path)
    return failed(
        "images encrypted with S3-managed AES256 keys only: no key policy or CloudTrail "
        "record governs who can decrypt them",
        path,
    )


def _public_statements(document: Any) -> list[str] | str:
    """Sids of Allow statements open to every principal without a condition, or why unknown."""
    if isinstance(document, str):
        try:
            document = json.loads(document)
        except ValueError:
            return "the policy text is not valid JSON"
    statements = document.get("Statement") if isinstance(document, dict) else None
    if isinstance(statements, dict):
        statements = [statements]
    found = []
    for index, statement in enumerate(statements or []):
        if not isinstance(statement, dict) or statement.get("Effect") != "Allow":
            continue
        if statement.get("Condition"):
            continue
        principal = statement.get("Principal")
        if isinstance(principal, dict):
            principal = principal.get("AWS")
        names = principal if isinstance(principal, list) else [principal]
        if "*" in names:
            found.append(str(statement.get("Sid") or f"statement {index + 1}"))
        elif any(isinstance(n, (Unknown, Text)) for n in names):
            reason = first_unknown(names)
            return f"statement {index + 1}'s principal is not known: {reason}"
    return found


@check("ecr.repository-policy-not-public")
def repository_policy_not_public(repository: Resource, ctx: Context) -> Verdict:
    policy = ctx.value(repository, "RepositoryPolicyText")
    if policy.unknown:
        return unknown(
            f"the repository policy is not known: {policy.reason}", "RepositoryPolicyText"
        )
    if policy.absent:
        return passed("no repository policy: only IAM principals of the account have access")
    found = _public_statements(policy.value)
    if isinstance(found, str):
        return unknown(found, "RepositoryPolicyText")
    if found:
        return failed(
            f"{', '.join(found)} allows any AWS principal, with no condition: anyone can use "
            "the repository",
            "RepositoryPolicyText",
        )
    return passed("the repository policy names its principals", "RepositoryPolicyText")


# -- EKS --------------------------------------------------------------------------------------


@check("eks.endpoint-not-public")
def endpoint_not_public(cluster: Resource, ctx: Context) -> Verdict:
    path = "ResourcesVpcConfig.EndpointPublicAccess"
    public = ctx.value(cluster, path)
    if public.unknown:
        return unknown(f"EndpointPublicAccess is not known: {public.reason}", path)
    if public.known and not is_true(public.value):
        return passed("the API server endpoint is private", path)
    cidrs_path = "ResourcesVpcConfig.PublicAccessCidrs"
    cidrs = ctx.value(cluster, cidrs_path)
    if cidrs.unknown:
        return unknown(
            f"the public endpoint's allowed ranges are not known: {cidrs.reason}", cidrs_path
        )
    if cidrs.absent:
        return failed("the API server endpoint is public and open to 0.0.0.0/0 (the default)", path)
    ranges = cidrs.value if isinstance(cidrs.value, list) else [cidrs.value]
    if _WORLD in ranges:
        return failed("the API server endpoint is public and open to 0.0.0.0/0", cidrs_path)
    reason = first_unknown(ranges)
    if reason:
        return unknown(f"an allowed range is not known: {reason}", cidrs_path)
    return passed(
        f"the public endpoint accepts only {len(ranges)} CIDR range"
        f"{'s' if len(ranges) > 1 else ''}",
        cidrs_path,
    )


@check("eks.control-plane-logging")
def control_plane_logging(cluster: Resource, ctx: Context) -> Verdict:
    path = "Logging.ClusterLogging.EnabledTypes"
    enabled = ctx.value(cluster, path)
    if enabled.unknown:
        return unknown(f"the enabled log types are not known: {enabled.reason}", path)
    types = enabled.value if enabled.known and isinstance(enabled.value, list) else []
    names = {t.get("Type") for t in types if isinstance(t, dict)}
    if any(isinstance(n, (Unknown, Text)) for n in names):
        return unknown(f"a log type is not known: {first_unknown(list(names))}", path)
    required = list(ctx.option("log_types"))
    missing = [t for t in required if t not in names]
    if missing:
        return failed(f"control-plane log types not sent to CloudWatch: {', '.join(missing)}", path)
    return passed(
        f"control-plane logs sent to CloudWatch: {', '.join(sorted(map(str, names)))}", path
    )


@check("eks.secrets-encryption")
def secrets_encryption(cluster: Resource, ctx: Context) -> Verdict:
    configs = ctx.value(cluster, "EncryptionConfig")
    if configs.unknown:
        return unknown(
            f"the encryption configuration is not known: {configs.reason}", "EncryptionConfig"
        )
    for config in configs.value if configs.known and isinstance(configs.value, list) else []:
        resources = config.get("Resources") if isinstance(config, dict) else None
        if isinstance(resources, (Unknown, Text)):
            return unknown(
                f"the encrypted resources are not known: {resources.reason}", "EncryptionConfig"
            )
        if isinstance(resources, list) and "secrets" in resources:
            return passed(
                "Kubernetes secrets envelope-encrypted with a KMS key of yours", "EncryptionConfig"
            )
    return failed(
        "no KMS key of yours encrypts Kubernetes secrets: nobody can restrict or audit their "
        "decryption through a key policy",
        "EncryptionConfig",
    )


@check("eks.nodegroup-remote-access")
def nodegroup_remote_access(nodegroup: Resource, ctx: Context) -> Verdict:
    access = ctx.value(nodegroup, "RemoteAccess")
    if access.unknown:
        return unknown(f"remote access is not known: {access.reason}", "RemoteAccess")
    if access.absent or not isinstance(access.value, dict):
        return passed("no SSH access to the nodes", "RemoteAccess")
    groups = access.value.get("SourceSecurityGroups")
    if isinstance(groups, (Unknown, Text)):
        return unknown(
            f"the allowed security groups are not known: {groups.reason}", "RemoteAccess"
        )
    if groups:
        return passed(
            f"SSH limited to {len(groups)} security group{'s' if len(groups) > 1 else ''}",
            "RemoteAccess.SourceSecurityGroups",
        )
    return failed(
        "an SSH key without SourceSecurityGroups: EKS opens port 22 on every node to 0.0.0.0/0",
        "RemoteAccess",
    )
