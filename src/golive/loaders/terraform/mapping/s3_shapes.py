"""The CloudFormation shapes of S3 bucket settings, from either form Terraform writes them in.

``s3`` maps both the provider v3 inline blocks of ``aws_s3_bucket`` and the split resources
of v4 and later; the two spell the same settings a little differently (``enabled = true``
against ``status = "Enabled"``, a ``filter`` block against a bare ``prefix``), and these
functions turn each into the one shape CloudFormation uses.

NOTE: a plan of an SDKv2 resource fills unset numbers and strings inside blocks with zero
values (``days = 0``, ``date = ""``). S3 accepts neither as a lifecycle setting, so both read
as not set: an expiration after "0 days" would otherwise look like a bucket that keeps
nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from golive.loaders.terraform.mapping import (
    get,
    nested,
    nested_blocks,
    put,
    renamed,
    renamed_block,
    shaped_block,
)
from golive.values import ABSENT, Reference, Text, Unknown

#: Terraform's canned ACL names -> CloudFormation's ``AccessControl`` values.
CANNED_ACLS = {
    "private": "Private",
    "public-read": "PublicRead",
    "public-read-write": "PublicReadWrite",
    "aws-exec-read": "AwsExecRead",
    "authenticated-read": "AuthenticatedRead",
    "bucket-owner-read": "BucketOwnerRead",
    "bucket-owner-full-control": "BucketOwnerFullControl",
    "log-delivery-write": "LogDeliveryWrite",
}
_GROUPS = "http://acs.amazonaws.com/groups/"
_ALL_USERS = _GROUPS + "global/AllUsers"
_AUTHENTICATED = _GROUPS + "global/AuthenticatedUsers"
_LOG_DELIVERY = _GROUPS + "s3/LogDelivery"


def _set(value: Any) -> Any:
    """A plan's zero value (``0``, ``""``) as not set; anything else unchanged."""
    zero = value == 0 and not isinstance(value, bool)
    return ABSENT if zero or value == "" else value


# -- default encryption --------------------------------------------------------------------


def encryption(rules: list[dict[str, Any]] | Unknown) -> dict[str, Any]:
    """``rule`` blocks -> ``BucketEncryption``'s ``ServerSideEncryptionConfiguration``."""
    if isinstance(rules, Unknown):
        return {"ServerSideEncryptionConfiguration": rules}
    return {"ServerSideEncryptionConfiguration": [_encryption_rule(rule) for rule in rules]}


def _encryption_rule(rule: Mapping[str, Any]) -> dict[str, Any]:
    props: dict[str, Any] = {}
    put(
        props,
        "ServerSideEncryptionByDefault",
        renamed_block(
            rule,
            "apply_server_side_encryption_by_default",
            {"sse_algorithm": "SSEAlgorithm", "kms_master_key_id": "KMSMasterKeyID"},
        ),
    )
    put(props, "BucketKeyEnabled", get(rule, "bucket_key_enabled"))
    return props


# -- ACLs ----------------------------------------------------------------------------------


def canned_acl(value: Any) -> Any:
    """Terraform's canned ACL name as CloudFormation's ``AccessControl`` value."""
    if isinstance(value, str):
        return CANNED_ACLS.get(value, value)
    return ABSENT if value is None else value


def grants_acl(grants: list[dict[str, Any]] | Unknown) -> Any:
    """Explicit grants as the canned ACL with the same effect, in Terraform's spelling.

    CloudFormation's ``AccessControl`` holds only canned ACLs, and the checks ask only
    whether the ACL opens the bucket to everyone, to every AWS account, or to S3 log
    delivery. Grants to the AllUsers group read as ``public-read`` (``public-read-write``
    with WRITE or FULL_CONTROL), to AuthenticatedUsers as ``authenticated-read``, to the
    LogDelivery group as ``log-delivery-write``; grants to accounts only as ``private``.
    Both the provider v3 ``grant`` (``uri``, ``permissions``) and the split resource's
    ``grant`` (``grantee.uri``, ``permission``) are read.
    """
    if isinstance(grants, Unknown):
        return grants
    found: dict[str, set[str]] = {}
    for grant in grants:
        grantee = nested(grant, "grantee")
        uri = get(grantee, "uri") if isinstance(grantee, dict) else get(grant, "uri")
        given = get(grant, "permissions")
        permissions = given if isinstance(given, list) else [get(grant, "permission")]
        if isinstance(uri, (Unknown, Text, Reference)) or isinstance(grantee, Unknown):
            return Unknown("a grantee of the bucket ACL is known only after apply")
        found.setdefault(str(uri), set()).update(p for p in permissions if isinstance(p, str))
    everyone = found.get(_ALL_USERS, set())
    if everyone & {"WRITE", "FULL_CONTROL"}:
        return "public-read-write"
    if everyone & {"READ", "FULL_CONTROL"}:
        return "public-read"
    if found.get(_AUTHENTICATED):
        return "authenticated-read"
    if found.get(_LOG_DELIVERY):
        return "log-delivery-write"
    return "private"


# -- lifecycle rules -----------------------------------------------------------------------


def lifecycle_rule(rule: Mapping[str, Any]) -> dict[str, Any]:
    """One ``aws_s3_bucket_lifecycle_configuration`` rule -> a ``LifecycleConfiguration`` rule."""
    props: dict[str, Any] = {}
    put(props, "Id", get(rule, "id"))
    put(props, "Status", get(rule, "status"))
    _scope(rule, props)
    _ages(rule, props, "noncurrent_days")
    put(
        props,
        "AbortIncompleteMultipartUpload",
        shaped_block(
            rule,
            "abort_incomplete_multipart_upload",
            lambda b: _days_after(get(b, "days_after_initiation")),
        ),
    )
    return props


def _scope(rule: Mapping[str, Any], props: dict[str, Any]) -> None:
    """``filter`` (or the deprecated bare ``prefix``) -> Prefix, TagFilters, object sizes."""
    put(props, "Prefix", _set(get(rule, "prefix")))
    scope = nested(rule, "filter")
    if isinstance(scope, Unknown):
        props["Prefix"] = scope
        return
    both = nested(scope or {}, "and")
    if isinstance(both, Unknown):
        props["Prefix"] = both
        return
    for source in (scope, both):
        if not source:
            continue
        put(props, "Prefix", _set(get(source, "prefix")))
        put(props, "ObjectSizeGreaterThan", _set(get(source, "object_size_greater_than")))
        put(props, "ObjectSizeLessThan", _set(get(source, "object_size_less_than")))
    tag = nested(scope or {}, "tag")
    tags = get(both or {}, "tags")
    if isinstance(tag, dict):
        props["TagFilters"] = [{"Key": get(tag, "key"), "Value": get(tag, "value")}]
    elif isinstance(tag, Unknown):
        props["TagFilters"] = tag
    elif isinstance(tags, dict) and tags:
        props["TagFilters"] = [{"Key": k, "Value": v} for k, v in tags.items()]
    elif isinstance(tags, (Unknown, Text)):
        props["TagFilters"] = tags


def _ages(rule: Mapping[str, Any], props: dict[str, Any], noncurrent_days: str) -> None:
    """Expiration and transitions, of current and noncurrent versions, as the two forms
    write them alike (a noncurrent transition's age is ``noncurrent_days`` or ``days``)."""
    expiration = nested(rule, "expiration")
    if isinstance(expiration, Unknown):
        props["ExpirationInDays"] = expiration
    elif expiration is not None:
        _expiration(expiration, props)
    put(props, "Transitions", _transitions(nested_blocks(rule, "transition"), "days"))
    put(
        props,
        "NoncurrentVersionExpiration",
        shaped_block(rule, "noncurrent_version_expiration", _noncurrent_expiration),
    )
    put(
        props,
        "NoncurrentVersionTransitions",
        _transitions(nested_blocks(rule, "noncurrent_version_transition"), noncurrent_days),
    )


def _expiration(block: Mapping[str, Any], props: dict[str, Any]) -> None:
    put(props, "ExpirationInDays", _set(get(block, "days")))
    put(props, "ExpirationDate", _set(get(block, "date")))
    marker = get(block, "expired_object_delete_marker")
    put(props, "ExpiredObjectDeleteMarker", None if marker is False else marker)


def _transitions(blocks: list[dict[str, Any]] | Unknown, days: str) -> Any:
    """Transition blocks -> ``[{StorageClass, TransitionInDays, TransitionDate}]``."""
    if isinstance(blocks, Unknown):
        return blocks
    found = []
    for item in blocks:
        props: dict[str, Any] = {}
        put(props, "StorageClass", get(item, "storage_class"))
        put(props, "TransitionInDays", get(item, days))  # 0: on the day the object is created
        put(props, "TransitionDate", _set(get(item, "date")))
        put(props, "NewerNoncurrentVersions", _set(get(item, "newer_noncurrent_versions")))
        found.append(props)
    return found or None


def _noncurrent_expiration(block: Mapping[str, Any]) -> dict[str, Any]:
    props: dict[str, Any] = {}
    days = get(block, "noncurrent_days")
    put(props, "NoncurrentDays", _set(get(block, "days") if days is ABSENT else days))
    put(props, "NewerNoncurrentVersions", _set(get(block, "newer_noncurrent_versions")))
    return props


def _days_after(days: Any) -> dict[str, Any] | None:
    days = _set(days)
    return None if days is ABSENT else {"DaysAfterInitiation": days}


def legacy_lifecycle_rule(rule: Mapping[str, Any]) -> dict[str, Any]:
    """One provider v3 ``lifecycle_rule`` (``enabled``, ``tags``, ``..._days``) -> a rule."""
    props: dict[str, Any] = {}
    put(props, "Id", _set(get(rule, "id")))
    enabled = get(rule, "enabled")
    put(props, "Status", {True: "Enabled", False: "Disabled"}.get(enabled, enabled))
    put(props, "Prefix", _set(get(rule, "prefix")))
    tags = get(rule, "tags")
    if isinstance(tags, dict) and tags:
        props["TagFilters"] = [{"Key": k, "Value": v} for k, v in tags.items()]
    elif isinstance(tags, (Unknown, Text)):
        props["TagFilters"] = tags
    _ages(rule, props, "days")
    put(
        props,
        "AbortIncompleteMultipartUpload",
        _days_after(get(rule, "abort_incomplete_multipart_upload_days")),
    )
    return props


# -- replication ---------------------------------------------------------------------------


def replication_rule(rule: Mapping[str, Any]) -> dict[str, Any]:
    """One ``aws_s3_bucket_replication_configuration`` rule -> a replication rule."""
    props = renamed(rule, {"id": "Id", "priority": "Priority", "status": "Status"})
    put(props, "Prefix", _set(get(rule, "prefix")))
    put(props, "Filter", renamed_block(rule, "filter", {"prefix": "Prefix"}))
    put(props, "Destination", shaped_block(rule, "destination", _destination))
    put(
        props,
        "DeleteMarkerReplication",
        renamed_block(rule, "delete_marker_replication", {"status": "Status"}),
    )
    return props


def _destination(block: Mapping[str, Any]) -> dict[str, Any]:
    props = renamed(
        block, {"bucket": "Bucket", "storage_class": "StorageClass", "account": "Account"}
    )
    put(
        props,
        "EncryptionConfiguration",
        renamed_block(block, "encryption_configuration", {"replica_kms_key_id": "ReplicaKmsKeyID"}),
    )
    return props


def legacy_replication(block: Mapping[str, Any]) -> dict[str, Any]:
    """Provider v3 ``replication_configuration { role, rules { ... } }``."""
    props: dict[str, Any] = {}
    put(props, "Role", get(block, "role"))
    rules = nested_blocks(block, "rules")
    if isinstance(rules, Unknown):
        props["Rules"] = rules
        return props
    found = []
    for rule in rules:
        item = renamed(rule, {"id": "Id", "priority": "Priority", "status": "Status"})
        put(item, "Prefix", _set(get(rule, "prefix")))
        put(
            item,
            "Destination",
            renamed_block(
                rule,
                "destination",
                {"bucket": "Bucket", "storage_class": "StorageClass", "account_id": "Account"},
            ),
        )
        status = _set(get(rule, "delete_marker_replication_status"))
        if status is not ABSENT:
            item["DeleteMarkerReplication"] = {"Status": status}
        found.append(item)
    props["Rules"] = found
    return props
