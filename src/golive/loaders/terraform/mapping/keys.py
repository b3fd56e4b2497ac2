"""KMS keys and aliases, Secrets Manager secrets and their rotation, SSM parameters.

- ``aws_kms_key``: the provider's defaults equal CloudFormation's (rotation off, a 30-day
  deletion window, ``SYMMETRIC_DEFAULT`` keys, the default key policy that trusts only the
  account when ``policy`` is not set), so unset arguments stay unset. ``aws_kms_external_key``
  is a key with imported material: CloudFormation's ``Origin: EXTERNAL``.
  ``aws_kms_key_policy`` is Terraform's split form of ``policy`` and sets ``KeyPolicy``.
- ``aws_secretsmanager_secret_version`` carries the secret's value, which CloudFormation
  writes as the secret's ``SecretString``: it is merged into its secret, so a value written
  in the configuration is found as a template's would be. A rotation written on the secret
  itself (``rotation_lambda_arn``/``rotation_rules``, provider v3) is a companion
  ``AWS::SecretsManager::RotationSchedule``, as ``aws_secretsmanager_secret_rotation`` is.
- ``aws_ssm_parameter``: CloudFormation cannot create ``SecureString`` parameters, Terraform
  can. The type is kept as written (no check reads it); what matters is that the parameter
  is a place secrets are kept, and its ``value`` written in the configuration is judged
  like any other literal secret.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from golive.loaders.terraform.mapping import (
    Mapped,
    converts,
    get,
    merges,
    name_or_prefix,
    nested,
    put,
    renamed,
    renamed_blocks,
    tag_list,
    tag_map,
)
from golive.loaders.terraform.mapping.json_text import json_value
from golive.loaders.terraform.mapping.network import put_given
from golive.loaders.terraform.model import TfResource
from golive.values import ABSENT, Reference, Unknown

_KEY_ARGUMENTS = {
    "description": "Description",
    "enable_key_rotation": "EnableKeyRotation",
    "rotation_period_in_days": "RotationPeriodInDays",
    "deletion_window_in_days": "PendingWindowInDays",
    "customer_master_key_spec": "KeySpec",
    "key_usage": "KeyUsage",
    "is_enabled": "Enabled",
    "multi_region": "MultiRegion",
    "bypass_policy_lockout_safety_check": "BypassPolicyLockoutSafetyCheck",
}


@converts("aws_kms_key")
def key(resource: TfResource) -> Mapped:
    """``aws_kms_key`` -> ``AWS::KMS::Key``.

    ``enable_key_rotation`` defaults to false and ``deletion_window_in_days`` to 30, as
    ``EnableKeyRotation`` and ``PendingWindowInDays`` do: both stay absent when unset.
    """
    props = renamed(resource.attributes, _KEY_ARGUMENTS)
    put(props, "KeyPolicy", json_value(get(resource.attributes, "policy")))
    put(props, "Tags", tag_list(resource))
    return Mapped("AWS::KMS::Key", props)


@converts("aws_kms_external_key")
def external_key(resource: TfResource) -> Mapped:
    """``aws_kms_external_key`` -> ``AWS::KMS::Key`` with ``Origin: EXTERNAL``.

    KMS cannot rotate imported material, which the rotation check reads from ``Origin``.
    The key material itself is not carried over: no CloudFormation property holds it.
    """
    props = renamed(resource.attributes, _KEY_ARGUMENTS)
    props["Origin"] = "EXTERNAL"
    put(props, "KeyPolicy", json_value(get(resource.attributes, "policy")))
    put(props, "Tags", tag_list(resource))
    return Mapped("AWS::KMS::Key", props)


@converts("aws_kms_replica_key")
def replica_key(resource: TfResource) -> Mapped:
    """``aws_kms_replica_key`` -> ``AWS::KMS::ReplicaKey``."""
    attrs = resource.attributes
    props = renamed(
        attrs,
        {
            "primary_key_arn": "PrimaryKeyArn",
            "description": "Description",
            "enabled": "Enabled",
            "deletion_window_in_days": "PendingWindowInDays",
        },
    )
    put(props, "KeyPolicy", json_value(get(attrs, "policy")))
    put(props, "Tags", tag_list(resource))
    return Mapped("AWS::KMS::ReplicaKey", props)


@merges(
    "aws_kms_key_policy",
    into=("aws_kms_key", "aws_kms_external_key"),
    via="key_id",
    owner_keys=("key_id", "arn", "id"),
)
def key_policy(split: TfResource, owner: dict[str, Any]) -> None:
    """``aws_kms_key_policy`` sets its key's ``KeyPolicy``."""
    put(owner, "KeyPolicy", json_value(get(split.attributes, "policy")))


@converts("aws_kms_alias")
def alias(resource: TfResource) -> Mapped:
    """``aws_kms_alias`` -> ``AWS::KMS::Alias``."""
    props: dict[str, Any] = {}
    put(props, "AliasName", name_or_prefix(resource.attributes, "alias"))
    put(props, "TargetKeyId", get(resource.attributes, "target_key_id"))
    return Mapped("AWS::KMS::Alias", props)


# -- Secrets Manager -----------------------------------------------------------------------


@converts("aws_secretsmanager_secret")
def secret(resource: TfResource) -> Mapped:
    """``aws_secretsmanager_secret`` -> ``AWS::SecretsManager::Secret``.

    Without ``kms_key_id`` the secret is encrypted with ``aws/secretsmanager``, which is
    CloudFormation's secret without ``KmsKeyId``.
    """
    attrs = resource.attributes
    props = renamed(attrs, {"description": "Description"})
    put(props, "Name", name_or_prefix(attrs, "secret"))
    put_given(props, "KmsKeyId", get(attrs, "kms_key_id"))
    put(
        props,
        "ReplicaRegions",
        renamed_blocks(attrs, "replica", {"region": "Region", "kms_key_id": "KmsKeyId"}),
    )
    put(props, "Tags", tag_list(resource))
    companions: dict[str, Mapped] = {}
    if get(attrs, "rotation_lambda_arn") not in (ABSENT, ""):
        schedule = _schedule(attrs)
        schedule["SecretId"] = Reference(resource.address, "id")
        companions["rotation"] = Mapped("AWS::SecretsManager::RotationSchedule", schedule)
    return Mapped("AWS::SecretsManager::Secret", props, companions)


@merges(
    "aws_secretsmanager_secret_version",
    into="aws_secretsmanager_secret",
    via="secret_id",
    owner_keys=("name", "arn", "id"),
)
def secret_version(split: TfResource, owner: dict[str, Any]) -> None:
    """``secret_string`` becomes the secret's ``SecretString``.

    ``jsonencode({...})`` stays the mapping it evaluates to, so each key (``password``)
    names its own value for the hardcoded-secret check.
    """
    put(owner, "SecretString", get(split.attributes, "secret_string"))


@converts("aws_secretsmanager_secret_rotation")
def secret_rotation(resource: TfResource) -> Mapped:
    """``aws_secretsmanager_secret_rotation`` -> ``AWS::SecretsManager::RotationSchedule``."""
    props = _schedule(resource.attributes)
    put(props, "SecretId", get(resource.attributes, "secret_id"))
    put(props, "RotateImmediatelyOnUpdate", get(resource.attributes, "rotate_immediately"))
    return Mapped("AWS::SecretsManager::RotationSchedule", props)


def _schedule(attrs: Mapping[str, Any]) -> dict[str, Any]:
    """``rotation_lambda_arn`` and ``rotation_rules`` -> a rotation schedule's properties."""
    props = renamed(attrs, {"rotation_lambda_arn": "RotationLambdaARN"})
    rules = nested(attrs, "rotation_rules")
    if isinstance(rules, Unknown):
        props["RotationRules"] = rules
    elif rules is not None:
        found: dict[str, Any] = {}
        for tf_name, cfn_name in (
            ("automatically_after_days", "AutomaticallyAfterDays"),
            ("duration", "Duration"),
            ("schedule_expression", "ScheduleExpression"),
        ):
            value = get(rules, tf_name)
            if value not in (ABSENT, "", 0):  # a plan's zero values: not set
                found[cfn_name] = value
        props["RotationRules"] = found
    return props


# -- SSM Parameter Store -------------------------------------------------------------------


@converts("aws_ssm_parameter")
def parameter(resource: TfResource) -> Mapped:
    """``aws_ssm_parameter`` -> ``AWS::SSM::Parameter`` (``Tags`` is a map there).

    ``insecure_value`` is the non-sensitive spelling of ``value``; either is the value.
    """
    attrs = resource.attributes
    props = renamed(
        attrs,
        {
            "name": "Name",
            "type": "Type",
            "description": "Description",
            "tier": "Tier",
            "data_type": "DataType",
            "allowed_pattern": "AllowedPattern",
        },
    )
    value = get(attrs, "value")
    put(props, "Value", get(attrs, "insecure_value") if value is ABSENT else value)
    put(props, "Tags", tag_map(resource))
    return Mapped("AWS::SSM::Parameter", props)
