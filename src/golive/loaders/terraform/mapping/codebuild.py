"""CodeBuild projects.

Terraform's singular blocks (``artifacts``, ``source``, ``environment``, ``logs_config``)
are CloudFormation's properties of the same meaning; repeated ``environment_variable``
blocks are ``Environment.EnvironmentVariables``. The provider's defaults match
CloudFormation's for what the checks read: CloudWatch build logs on, S3 logs off,
artifacts encrypted, no privileged mode, the AWS-managed key when ``encryption_key`` is
omitted. Absent arguments therefore stay absent.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from golive.loaders.terraform.mapping import Mapped, block, blocks, converts, put, tag_list
from golive.loaders.terraform.mapping.containers import each, pick, put_some
from golive.loaders.terraform.model import TfResource
from golive.values import Text, Unknown

_ARTIFACTS = {
    "type": "Type",
    "location": "Location",
    "name": "Name",
    "namespace_type": "NamespaceType",
    "packaging": "Packaging",
    "path": "Path",
    "encryption_disabled": "EncryptionDisabled",
    "override_artifact_name": "OverrideArtifactName",
    "artifact_identifier": "ArtifactIdentifier",
}
_SOURCE = {
    "type": "Type",
    "location": "Location",
    "buildspec": "BuildSpec",
    "git_clone_depth": "GitCloneDepth",
    "insecure_ssl": "InsecureSsl",
    "report_build_status": "ReportBuildStatus",
    "source_identifier": "SourceIdentifier",
}


def _source(item: Mapping[str, Any] | None) -> dict[str, Any] | None:
    if item is None:
        return None
    found = pick(item, _SOURCE)
    put_some(
        found,
        "GitSubmodulesConfig",
        pick(block(item, "git_submodules_config"), {"fetch_submodules": "FetchSubmodules"}),
    )
    put_some(
        found,
        "BuildStatusConfig",
        pick(block(item, "build_status_config"), {"context": "Context", "target_url": "TargetUrl"}),
    )
    return found


def _environment(item: Mapping[str, Any] | None) -> dict[str, Any] | None:
    if item is None:
        return None
    found = pick(
        item,
        {
            "compute_type": "ComputeType",
            "image": "Image",
            "type": "Type",
            "privileged_mode": "PrivilegedMode",
            "image_pull_credentials_type": "ImagePullCredentialsType",
            "certificate": "Certificate",
        },
    )
    put_some(
        found,
        "EnvironmentVariables",
        each(item, "environment_variable", {"name": "Name", "value": "Value", "type": "Type"}),
    )
    put_some(
        found,
        "RegistryCredential",
        pick(
            block(item, "registry_credential"),
            {"credential": "Credential", "credential_provider": "CredentialProvider"},
        ),
    )
    return found


def _logs(item: Mapping[str, Any] | None) -> dict[str, Any]:
    found: dict[str, Any] = {}
    if item is None:
        return found
    put_some(
        found,
        "CloudWatchLogs",
        pick(
            block(item, "cloudwatch_logs"),
            {"status": "Status", "group_name": "GroupName", "stream_name": "StreamName"},
        ),
    )
    put_some(
        found,
        "S3Logs",
        pick(
            block(item, "s3_logs"),
            {
                "status": "Status",
                "location": "Location",
                "encryption_disabled": "EncryptionDisabled",
            },
        ),
    )
    return found


@converts("aws_codebuild_project")
def project(resource: TfResource) -> Mapped:
    """A build project: its artifacts, source, build environment and logs."""
    attributes = resource.attributes
    properties = pick(
        attributes,
        {
            "name": "Name",
            "description": "Description",
            "service_role": "ServiceRole",
            "encryption_key": "EncryptionKey",
            "build_timeout": "TimeoutInMinutes",
            "queued_timeout": "QueuedTimeoutInMinutes",
            "concurrent_build_limit": "ConcurrentBuildLimit",
            "badge_enabled": "BadgeEnabled",
            "source_version": "SourceVersion",
            "project_visibility": "Visibility",
            "resource_access_role": "ResourceAccessRole",
        },
    )
    put_some(properties, "Artifacts", pick(block(attributes, "artifacts"), _ARTIFACTS))
    put_some(properties, "SecondaryArtifacts", each(attributes, "secondary_artifacts", _ARTIFACTS))
    put(properties, "Source", _source(block(attributes, "source")))
    sources = attributes.get("secondary_sources")
    if not isinstance(sources, (Unknown, Text)):
        sources = [_source(item) for item in blocks(attributes, "secondary_sources")]
    put_some(properties, "SecondarySources", sources)
    put(properties, "Environment", _environment(block(attributes, "environment")))
    put_some(properties, "LogsConfig", _logs(block(attributes, "logs_config")))
    put_some(
        properties,
        "VpcConfig",
        pick(
            block(attributes, "vpc_config"),
            {"vpc_id": "VpcId", "subnets": "Subnets", "security_group_ids": "SecurityGroupIds"},
        ),
    )
    put_some(
        properties,
        "Cache",
        pick(
            block(attributes, "cache"), {"type": "Type", "location": "Location", "modes": "Modes"}
        ),
    )
    put(properties, "Tags", tag_list(resource))
    return Mapped("AWS::CodeBuild::Project", properties)
