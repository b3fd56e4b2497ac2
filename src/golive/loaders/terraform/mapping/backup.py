"""AWS Backup vaults, plans and selections.

- ``aws_backup_plan``'s ``rule`` blocks become ``BackupPlan.BackupPlanRule``, each with its
  ``CopyActions``, which the cross-region copy check reads.
- ``aws_backup_selection`` becomes the ``BackupSelection`` body the coverage check matches
  resources against (``Resources``, ``NotResources``, ``ListOfTags`` from
  ``selection_tag``, ``Conditions`` from ``condition``) and ``BackupPlanId`` from
  ``plan_id``, a ``Ref`` to the plan. A selection argument unknown as a whole makes the whole
  selection unknown: read as "not given", it would select every resource.
- ``aws_backup_vault`` without ``kms_key_arn`` uses the AWS-managed key ``aws/backup``, as a
  vault without ``EncryptionKeyArn`` does.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from golive.loaders.terraform.mapping import (
    Mapped,
    converts,
    get,
    nested_blocks,
    put,
    renamed,
    renamed_blocks,
    shaped_block,
    shaped_blocks,
    tag_map,
)
from golive.loaders.terraform.mapping.network import put_given
from golive.loaders.terraform.model import TfResource
from golive.values import ABSENT, Text, Unknown

#: ``aws_backup_selection`` ``condition`` sub-blocks -> ``Conditions`` operators.
_OPERATORS = {
    "string_equals": "StringEquals",
    "string_like": "StringLike",
    "string_not_equals": "StringNotEquals",
    "string_not_like": "StringNotLike",
}


@converts("aws_backup_vault")
def backup_vault(resource: TfResource) -> Mapped:
    """``aws_backup_vault`` -> ``AWS::Backup::BackupVault`` (no ``kms_key_arn``: aws/backup)."""
    attrs = resource.attributes
    props = renamed(attrs, {"name": "BackupVaultName"})
    put_given(props, "EncryptionKeyArn", get(attrs, "kms_key_arn"))
    put(props, "BackupVaultTags", tag_map(resource))
    return Mapped("AWS::Backup::BackupVault", props)


@converts("aws_backup_plan")
def backup_plan(resource: TfResource) -> Mapped:
    """``aws_backup_plan`` -> ``AWS::Backup::BackupPlan``."""
    attrs = resource.attributes
    plan = renamed(attrs, {"name": "BackupPlanName"})
    plan["BackupPlanRule"] = shaped_blocks(attrs, "rule", _rule) or []
    settings = renamed_blocks(
        attrs,
        "advanced_backup_setting",
        {"backup_options": "BackupOptions", "resource_type": "ResourceType"},
    )
    put(plan, "AdvancedBackupSettings", settings)
    props: dict[str, Any] = {"BackupPlan": plan}
    put(props, "BackupPlanTags", tag_map(resource))
    return Mapped("AWS::Backup::BackupPlan", props)


def _rule(rule: Mapping[str, Any]) -> dict[str, Any]:
    props = renamed(
        rule,
        {
            "rule_name": "RuleName",
            "target_vault_name": "TargetBackupVault",
            "schedule": "ScheduleExpression",
            "schedule_expression_timezone": "ScheduleExpressionTimezone",
            "start_window": "StartWindowMinutes",
            "completion_window": "CompletionWindowMinutes",
            "enable_continuous_backup": "EnableContinuousBackup",
            "recovery_point_tags": "RecoveryPointTags",
        },
    )
    put(props, "Lifecycle", shaped_block(rule, "lifecycle", _lifecycle))
    put(props, "CopyActions", shaped_blocks(rule, "copy_action", _copy))
    return props


def _copy(copy: Mapping[str, Any]) -> dict[str, Any]:
    props = renamed(copy, {"destination_vault_arn": "DestinationBackupVaultArn"})
    put(props, "Lifecycle", shaped_block(copy, "lifecycle", _lifecycle))
    return props


def _lifecycle(block: Mapping[str, Any]) -> dict[str, Any] | None:
    props = {
        cfn: get(block, tf)
        for tf, cfn in (
            ("cold_storage_after", "MoveToColdStorageAfterDays"),
            ("delete_after", "DeleteAfterDays"),
        )
        if get(block, tf) not in (ABSENT, 0)  # a plan's zero value: not set
    }
    put(
        props,
        "OptInToArchiveForSupportedResources",
        get(block, "opt_in_to_archive_for_supported_resources"),
    )
    return props or None


@converts("aws_backup_selection")
def backup_selection(resource: TfResource) -> Mapped:
    """``aws_backup_selection`` -> ``AWS::Backup::BackupSelection``."""
    attrs = resource.attributes
    props: dict[str, Any] = {}
    put(props, "BackupPlanId", get(attrs, "plan_id"))
    props["BackupSelection"] = _selection(attrs)
    return Mapped("AWS::Backup::BackupSelection", props)


def _selection(attrs: Mapping[str, Any]) -> dict[str, Any] | Unknown:
    """The selection body; ``Unknown`` when what it selects is not known as a whole."""
    body = renamed(attrs, {"name": "SelectionName", "iam_role_arn": "IamRoleArn"})
    for tf_name, cfn_name in (("resources", "Resources"), ("not_resources", "NotResources")):
        value = get(attrs, tf_name)
        if isinstance(value, (Unknown, Text)):
            return Unknown(f"the selection's {tf_name} are known only after apply")
        if isinstance(value, list) and value:
            body[cfn_name] = value
    tags = nested_blocks(attrs, "selection_tag")
    if isinstance(tags, Unknown):
        return Unknown(f"the selection's tags are not known: {tags.reason}")
    if tags:
        body["ListOfTags"] = [
            {
                "ConditionType": get(tag, "type"),
                "ConditionKey": get(tag, "key"),
                "ConditionValue": get(tag, "value"),
            }
            for tag in tags
        ]
    conditions = nested_blocks(attrs, "condition")
    if isinstance(conditions, Unknown):
        return Unknown(f"the selection's conditions are not known: {conditions.reason}")
    found: dict[str, list[dict[str, Any]]] = {}
    for condition in conditions:
        for tf_name, operator in _OPERATORS.items():
            entries = nested_blocks(condition, tf_name)
            if isinstance(entries, Unknown):
                return Unknown(f"the selection's conditions are not known: {entries.reason}")
            found.setdefault(operator, []).extend(
                {"ConditionKey": get(e, "key"), "ConditionValue": get(e, "value")} for e in entries
            )
    if any(found.values()):
        body["Conditions"] = {op: entries for op, entries in found.items() if entries}
    return body
