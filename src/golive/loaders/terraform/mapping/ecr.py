"""ECR repositories, their split lifecycle and repository policies, and registry scanning.

Terraform keeps a repository's lifecycle policy and repository policy in resources of their
own (``aws_ecr_lifecycle_policy``, ``aws_ecr_repository_policy``) that name the repository
by its name; they fold into the repository's ``LifecyclePolicy.LifecyclePolicyText`` and
``RepositoryPolicyText``. The provider's defaults match CloudFormation's: tags mutable, no
scan on push, AES256 encryption, so absent arguments stay absent.
"""

from __future__ import annotations

from typing import Any

from golive.loaders.terraform.mapping import (
    Mapped,
    block,
    converts,
    get,
    merges,
    put,
    put_nonempty,
    renamed,
    renamed_blocks,
    shaped_blocks,
    tag_list,
)
from golive.loaders.terraform.mapping.json_text import json_value
from golive.loaders.terraform.model import TfResource
from golive.values import ABSENT

_REPOSITORY = "aws_ecr_repository"


@converts(_REPOSITORY)
def repository(resource: TfResource) -> Mapped:
    """A repository: scanning, tag mutability and encryption settings are nested blocks."""
    attributes = resource.attributes
    properties = renamed(
        attributes,
        {
            "name": "RepositoryName",
            "image_tag_mutability": "ImageTagMutability",
            "force_delete": "EmptyOnDelete",
        },
    )
    put_nonempty(
        properties,
        "ImageScanningConfiguration",
        renamed(block(attributes, "image_scanning_configuration"), {"scan_on_push": "ScanOnPush"}),
    )
    put_nonempty(
        properties,
        "EncryptionConfiguration",
        renamed(
            block(attributes, "encryption_configuration"),
            {"encryption_type": "EncryptionType", "kms_key": "KmsKey"},
        ),
    )
    put_nonempty(
        properties,
        "ImageTagMutabilityExclusionFilters",
        renamed_blocks(
            attributes,
            "image_tag_mutability_exclusion_filter",
            {
                "filter_type": "ImageTagMutabilityExclusionFilterType",
                "filter": "ImageTagMutabilityExclusionFilterValue",
            },
        ),
    )
    put(properties, "Tags", tag_list(resource))
    return Mapped("AWS::ECR::Repository", properties)


@merges("aws_ecr_lifecycle_policy", into=_REPOSITORY, via="repository", owner_keys=("name",))
def lifecycle_policy(split: TfResource, owner: dict[str, Any]) -> None:
    """The policy text as written (JSON text, or ``jsonencode``'s document)."""
    text = get(split.attributes, "policy")
    if text is not ABSENT:
        owner["LifecyclePolicy"] = {"LifecyclePolicyText": text}


@merges("aws_ecr_repository_policy", into=_REPOSITORY, via="repository", owner_keys=("name",))
def repository_policy(split: TfResource, owner: dict[str, Any]) -> None:
    """The repository policy, parsed as JSON (see ``json_value``)."""
    put(owner, "RepositoryPolicyText", json_value(get(split.attributes, "policy")))


def _rule(rule: dict[str, Any]) -> dict[str, Any]:
    found = renamed(rule, {"scan_frequency": "ScanFrequency"})
    names = {"filter": "Filter", "filter_type": "FilterType"}
    found["RepositoryFilters"] = renamed_blocks(rule, "repository_filter", names) or []
    return found


@converts("aws_ecr_registry_scanning_configuration")
def registry_scanning(resource: TfResource) -> Mapped:
    """The account's scanning rules: which repositories' pushes are scanned, and how often."""
    attributes = resource.attributes
    properties = renamed(attributes, {"scan_type": "ScanType"})
    properties["Rules"] = shaped_blocks(attributes, "rule", _rule) or []
    return Mapped("AWS::ECR::RegistryScanningConfiguration", properties)
