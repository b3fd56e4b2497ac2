"""IAM roles, users, groups, policies and their attachments.

Terraform spreads what CloudFormation writes on one identity over several resources. The
choices, made so that every IAM check and the shared readers (``invocations``, ``reach``,
``sqs``) see a Terraform configuration as they see a template:

- ``aws_iam_role_policy`` becomes an ``AWS::IAM::Policy`` naming its role in ``Roles``, not
  an ``AWS::IAM::RolePolicy``: the IAM checks judge both alike, but only ``AWS::IAM::Policy``
  is read by the invocation, reach and queue-reader analyses, which follow a role's grants.
  User and group inline policies become ``UserPolicy``/``GroupPolicy``, which is what
  ``iam.no-user-policies`` looks for.
- ``*_policy_attachment`` resources for one identity are folded into that identity's
  ``ManagedPolicyArns``, where CloudFormation writes them: ``iam.no-administrator-access``
  and the reach analysis read them there. ``aws_iam_policy_attachment`` (one policy, many
  identities) is folded into the policy's ``Roles``/``Users``/``Groups`` instead, the shape
  of an ``AWS::IAM::ManagedPolicy``; an AWS managed policy is not in the configuration, so
  such an attachment of one is left out (``iam.no-administrator-access`` cannot see it).
- ``aws_iam_user_login_profile`` and ``aws_iam_user_group_membership`` are folded into the
  user's ``LoginProfile`` and ``Groups``, which ``iam.no-users`` reads.

Policy documents go through ``json_value``: ``jsonencode`` gives data, a heredoc is parsed
around its interpolations, ``data.aws_iam_policy_document`` arrives rendered.
"""

from __future__ import annotations

from typing import Any

from golive.loaders.terraform.mapping import (
    Mapped,
    blocks,
    converts,
    get,
    listed,
    merges,
    put,
    renamed,
    tag_list,
)
from golive.loaders.terraform.mapping.json_text import json_value
from golive.loaders.terraform.model import TfResource
from golive.values import ABSENT, Text, Unknown

_ROLE = {
    "name": "RoleName",
    "path": "Path",
    "description": "Description",
    "max_session_duration": "MaxSessionDuration",
    "permissions_boundary": "PermissionsBoundary",
}


def _document(value: Any) -> Any:
    """A policy attribute as a document; an unset or empty one stays absent."""
    document = json_value(value)
    return ABSENT if document is None else document


def _appended(properties: dict[str, Any], key: str, value: Any) -> None:
    """Add ``value`` to the list ``properties[key]``, keeping an unknown list's doubt."""
    if value is ABSENT or value is None:
        return
    current = properties.get(key)
    if isinstance(current, list):
        current.append(value)
    elif isinstance(current, (Unknown, Text)):
        # NOTE: the list itself is not known, but this attachment is: keep both, so a check
        # still finds the attached policy and stays in doubt about the rest.
        properties[key] = [current, value]
    else:
        properties[key] = [value]


# -- identities ---------------------------------------------------------------------------


@converts("aws_iam_role")
def role(resource: TfResource) -> Mapped:
    """A role: its trust policy, inline policies and (deprecated) exclusive managed policies.

    An ``inline_policy`` block without a ``policy`` is Terraform's way of saying "no inline
    policies" and adds nothing.
    """
    attributes = resource.attributes
    properties = renamed(attributes, _ROLE)
    put(properties, "AssumeRolePolicyDocument", _document(get(attributes, "assume_role_policy")))
    inline = attributes.get("inline_policy")
    if isinstance(inline, (Unknown, Text)):
        properties["Policies"] = Unknown("the inline policies are known only after apply")
    else:
        policies = _inline_policies(blocks(attributes, "inline_policy"))
        if policies:
            properties["Policies"] = policies
    put(properties, "ManagedPolicyArns", listed(get(attributes, "managed_policy_arns")))
    put(properties, "Tags", tag_list(resource))
    return Mapped("AWS::IAM::Role", properties)


def _inline_policies(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    policies = []
    for index, item in enumerate(items, start=1):
        document = _document(get(item, "policy"))
        if document is ABSENT:
            continue
        name = get(item, "name")
        policies.append(
            {
                "PolicyName": f"inline-{index}" if name is ABSENT else name,
                "PolicyDocument": document,
            }
        )
    return policies


@converts("aws_iam_user")
def user(resource: TfResource) -> Mapped:
    properties = renamed(
        resource.attributes,
        {"name": "UserName", "path": "Path", "permissions_boundary": "PermissionsBoundary"},
    )
    put(properties, "Tags", tag_list(resource))
    return Mapped("AWS::IAM::User", properties)


@converts("aws_iam_group")
def group(resource: TfResource) -> Mapped:
    return Mapped(
        "AWS::IAM::Group", renamed(resource.attributes, {"name": "GroupName", "path": "Path"})
    )


@converts("aws_iam_access_key")
def access_key(resource: TfResource) -> Mapped:
    """An access key; its ``status`` defaults to ``Active`` in both Terraform and AWS."""
    return Mapped(
        "AWS::IAM::AccessKey",
        renamed(resource.attributes, {"user": "UserName", "status": "Status"}),
    )


@converts("aws_iam_instance_profile")
def instance_profile(resource: TfResource) -> Mapped:
    """An instance profile; ``role`` (or the old ``roles`` list) becomes ``Roles``."""
    attributes = resource.attributes
    properties = renamed(attributes, {"name": "InstanceProfileName", "path": "Path"})
    put(properties, "Roles", listed(get(attributes, "role")) or listed(get(attributes, "roles")))
    return Mapped("AWS::IAM::InstanceProfile", properties)


@converts("aws_iam_group_membership")
def group_membership(resource: TfResource) -> Mapped:
    """Users added to one group: CloudFormation's ``UserToGroupAddition``."""
    properties = renamed(resource.attributes, {"group": "GroupName"})
    put(properties, "Users", listed(get(resource.attributes, "users")))
    return Mapped("AWS::IAM::UserToGroupAddition", properties)


# -- policies -----------------------------------------------------------------------------


def _inline(resource: TfResource, cfn_type: str, holder: str, holder_key: str) -> Mapped:
    """An inline policy of one identity; ``Roles`` is a list, ``UserName`` a single name."""
    attributes = resource.attributes
    properties = renamed(attributes, {"name": "PolicyName"})
    value = get(attributes, holder)
    put(properties, holder_key, listed(value) if holder_key == "Roles" else value)
    put(properties, "PolicyDocument", _document(get(attributes, "policy")))
    return Mapped(cfn_type, properties)


@converts("aws_iam_role_policy")
def role_policy(resource: TfResource) -> Mapped:
    """A role's inline policy, as an ``AWS::IAM::Policy`` with ``Roles`` (see the module)."""
    return _inline(resource, "AWS::IAM::Policy", "role", "Roles")


@converts("aws_iam_user_policy")
def user_policy(resource: TfResource) -> Mapped:
    return _inline(resource, "AWS::IAM::UserPolicy", "user", "UserName")


@converts("aws_iam_group_policy")
def group_policy(resource: TfResource) -> Mapped:
    return _inline(resource, "AWS::IAM::GroupPolicy", "group", "GroupName")


@converts("aws_iam_policy")
def managed_policy(resource: TfResource) -> Mapped:
    """A customer managed policy (CloudFormation's ``ManagedPolicy`` has no tags)."""
    attributes = resource.attributes
    properties = renamed(
        attributes, {"name": "ManagedPolicyName", "path": "Path", "description": "Description"}
    )
    put(properties, "PolicyDocument", _document(get(attributes, "policy")))
    return Mapped("AWS::IAM::ManagedPolicy", properties)


# -- attachments and memberships, folded into their owners ----------------------------------


@merges("aws_iam_role_policy_attachment", into="aws_iam_role", via="role", owner_keys=("name",))
def role_attachment(split: TfResource, owner: dict[str, Any]) -> None:
    _appended(owner, "ManagedPolicyArns", get(split.attributes, "policy_arn"))


@merges("aws_iam_user_policy_attachment", into="aws_iam_user", via="user", owner_keys=("name",))
def user_attachment(split: TfResource, owner: dict[str, Any]) -> None:
    _appended(owner, "ManagedPolicyArns", get(split.attributes, "policy_arn"))


@merges("aws_iam_group_policy_attachment", into="aws_iam_group", via="group", owner_keys=("name",))
def group_attachment(split: TfResource, owner: dict[str, Any]) -> None:
    _appended(owner, "ManagedPolicyArns", get(split.attributes, "policy_arn"))


@merges(
    "aws_iam_policy_attachment", into="aws_iam_policy", via="policy_arn", owner_keys=("arn", "id")
)
def policy_attachment(split: TfResource, owner: dict[str, Any]) -> None:
    """One policy attached to roles, users and groups: the ManagedPolicy's own lists."""
    for tf_name, cfn_name in (("roles", "Roles"), ("users", "Users"), ("groups", "Groups")):
        value = get(split.attributes, tf_name)
        if isinstance(value, list):
            for item in value:
                _appended(owner, cfn_name, item)
        elif value is not ABSENT:
            _appended(owner, cfn_name, value)


@merges("aws_iam_user_login_profile", into="aws_iam_user", via="user", owner_keys=("name",))
def login_profile(split: TfResource, owner: dict[str, Any]) -> None:
    """A console password: AWS generates it, so only the reset flag is known."""
    profile: dict[str, Any] = {}
    put(profile, "PasswordResetRequired", get(split.attributes, "password_reset_required"))
    owner["LoginProfile"] = profile


@merges("aws_iam_user_group_membership", into="aws_iam_user", via="user", owner_keys=("name",))
def user_groups(split: TfResource, owner: dict[str, Any]) -> None:
    groups = get(split.attributes, "groups")
    for item in groups if isinstance(groups, list) else [groups]:
        _appended(owner, "Groups", item)
