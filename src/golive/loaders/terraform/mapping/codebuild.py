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

from golive.loaders.terraform.mapping import (
    Mapped,
    block,
    converts,
    put,
    put_nonempty,
    renamed,
    renamed_blocks,
    shaped_blocks,
    tag_list,
)
from golive.loaders.terraform.model import TfResource

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
    found = renamed(item, _SOURCE)
    put_nonempty(
        found,
        "GitSubmodulesConfig",
        renamed(block(item, "git_submodules_config"), {"fetch_submodules": "FetchSubmodules"}),
    )
    put_nonempty(
        found,
        "BuildStatusConfig",
        renamed(
            block(item, "build_status_config"), {"context": "Context", "target_url": "TargetUrl"}
        ),
    )
    return found


def _environment(item: Mapping[str, Any] | None) -> dict[str, Any] | None:
    if item is None:
        return None
    found = renamed(
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
    put_nonempty(
        found,
        "EnvironmentVariables",
        renamed_blocks(
            item, "environment_variable", {"name": "Name", "value": "Value", "type": "Type"}
        ),
    )
    put_nonempty(
        found,
        "RegistryCredential",
        renamed(
            block(item, "registry_credential"),
            {"credential": "Credential", "credential_provider": "CredentialProvider"},
        ),
    )
    return found


def _logs(item: Mapping[str, Any] | None) -> dict[str, Any]:
    found: dict[str, Any] = {}
    if item is None:
        return found
    put_nonempty(
        found,
        "CloudWatchLogs",
        renamed(
            block(item, "cloudwatch_logs"),
            {"status": "Status", "group_name": "GroupName", "stream_name": "StreamName"},
        ),
    )
    put_nonempty(
        found,
        "S3Logs",
        renamed(
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
    properties = renamed(
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
    put_nonempty(properties, "Artifacts", renamed(block(attributes, "artifacts"), _ARTIFACTS))
    put_nonempty(
        properties,
        "SecondaryArtifacts",
        renamed_blocks(attributes, "secondary_artifacts", _ARTIFACTS),
    )
    put(properties, "Source", _source(block(attributes, "source")))
    put(properties, "SecondarySources", shaped_blocks(attributes, "secondary_sources", _source))
    put(properties, "Environment", _environment(block(attributes, "environment")))
    put_nonempty(properties, "LogsConfig", _logs(block(attributes, "logs_config")))
    put_nonempty(
        properties,
        "VpcConfig",
        renamed(
            block(attributes, "vpc_config"),
            {"vpc_id": "VpcId", "subnets": "Subnets", "security_group_ids": "SecurityGroupIds"},
        ),
    )
    put_nonempty(
        properties,
        "Cache",
        renamed(
            block(attributes, "cache"), {"type": "Type", "location": "Location", "modes": "Modes"}
        ),
    )
    put(properties, "Tags", tag_list(resource))
    return Mapped("AWS::CodeBuild::Project", properties)
