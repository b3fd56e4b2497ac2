"""S3 buckets: ``aws_s3_bucket``, its split configuration resources, and bucket policies.

Terraform's AWS provider changed how a bucket is written in version 4: the settings that
CloudFormation keeps on ``AWS::S3::Bucket`` (versioning, default encryption, logging,
lifecycle rules, replication, ACL, website) moved out of ``aws_s3_bucket`` into split
resources (``aws_s3_bucket_versioning`` ...). Both forms are still written, so both map
onto the same CloudFormation properties (the shapes are in ``s3_shapes``):

- the inline blocks of provider version 3 are read by the bucket's converter;
- each split resource is a merger into the bucket it names through ``bucket``, and being
  applied after the bucket, it wins over an inline block of the same setting, as it does
  when Terraform applies both.

Decisions where the two tools differ:

- Default encryption: since January 2023 S3 encrypts every new object with SSE-S3 whatever
  the template or configuration says. CloudFormation's view of a bucket without
  ``BucketEncryption`` is exactly that, so a bucket without an encryption resource keeps
  ``BucketEncryption`` absent rather than gaining an explicit ``AES256`` rule.
- ``bucket_prefix``: Terraform appends a generated suffix, so no other part of the
  configuration can write the name down; as for a name CloudFormation generates,
  ``BucketName`` stays absent and only references name the bucket.
- ``aws_s3_bucket_public_access_block``: each of the four arguments defaults to false and
  the resource *sends* false, switching off the block S3 gives new buckets. The four
  settings are therefore written out, false where omitted.
- The inline ``policy`` argument (provider v3) is, in CloudFormation, a resource of its
  own: it becomes the companion ``<address>/policy``, an ``AWS::S3::BucketPolicy``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from golive.loaders.terraform.mapping import (
    Mapped,
    converts,
    get,
    merges,
    nested,
    nested_blocks,
    put,
    renamed,
    renamed_block,
    tag_list,
)
from golive.loaders.terraform.mapping.json_text import json_value
from golive.loaders.terraform.mapping.s3_shapes import (
    canned_acl,
    encryption,
    grants_acl,
    legacy_lifecycle_rule,
    legacy_replication,
    lifecycle_rule,
    replication_rule,
)
from golive.loaders.terraform.model import TfResource
from golive.values import ABSENT, Reference, Text, Unknown

BUCKET = "aws_s3_bucket"
_BLOCK_SETTINGS = {
    "block_public_acls": "BlockPublicAcls",
    "block_public_policy": "BlockPublicPolicy",
    "ignore_public_acls": "IgnorePublicAcls",
    "restrict_public_buckets": "RestrictPublicBuckets",
}
#: Notification blocks: Terraform block, CloudFormation list, target argument and key.
_NOTIFICATIONS = (
    ("lambda_function", "LambdaConfigurations", "lambda_function_arn", "Function"),
    ("queue", "QueueConfigurations", "queue_arn", "Queue"),
    ("topic", "TopicConfigurations", "topic_arn", "Topic"),
)


@converts(BUCKET)
def bucket(resource: TfResource) -> Mapped:
    """``aws_s3_bucket`` -> ``AWS::S3::Bucket``, inline blocks of provider v3 included."""
    attrs = resource.attributes
    props: dict[str, Any] = {}
    if not isinstance(get(attrs, "bucket_prefix"), str):
        put(props, "BucketName", get(attrs, "bucket"))
    put(props, "ObjectLockEnabled", get(attrs, "object_lock_enabled"))
    put(props, "Tags", tag_list(resource))
    _legacy_blocks(attrs, props)
    companions: dict[str, Mapped] = {}
    document = json_value(_written(get(attrs, "policy")))
    if document not in (None, ABSENT):
        policy = {"Bucket": Reference(resource.address, "id"), "PolicyDocument": document}
        companions["policy"] = Mapped("AWS::S3::BucketPolicy", policy)
    return Mapped("AWS::S3::Bucket", props, companions)


def _legacy_blocks(attrs: Mapping[str, Any], props: dict[str, Any]) -> None:
    """The provider v3 inline arguments, each onto its CloudFormation property.

    NOTE: since provider v4 these arguments are Optional+Computed: a plan shows each of them
    as known only after apply on every new bucket, because the provider reads them back from
    S3. Such a value says nothing about the configuration (the bucket then has S3's defaults,
    or what the split resources set), so an argument unknown *as a whole* is left out; an
    unknown value written inside a block is kept.
    """
    versioning = _written(nested(attrs, "versioning"))
    if versioning is not None:
        put(props, "VersioningConfiguration", _legacy_versioning(get(versioning, "enabled")))
    sse = _written(nested(attrs, "server_side_encryption_configuration"))
    if sse is not None:
        props["BucketEncryption"] = encryption(nested_blocks(sse, "rule"))
    logging = _written(nested(attrs, "logging"))
    if logging is not None:
        props["LoggingConfiguration"] = _logging(logging)
    rules = _written(nested_blocks(attrs, "lifecycle_rule"))
    if rules:
        props["LifecycleConfiguration"] = {"Rules": [legacy_lifecycle_rule(r) for r in rules]}
    replication = _written(nested(attrs, "replication_configuration"))
    if replication is not None:
        props["ReplicationConfiguration"] = legacy_replication(replication)
    website = _written(nested(attrs, "website"))
    if website is not None:
        props["WebsiteConfiguration"] = _legacy_website(website)
    acl = _written(get(attrs, "acl"))
    grants = _written(nested_blocks(attrs, "grant"))
    if acl in (None, ABSENT) and grants:
        acl = grants_acl(grants)
    put(props, "AccessControl", canned_acl(acl))


def _written(value: Any) -> Any:
    """``value``, or None when it is unknown as a whole (a computed argument in a plan)."""
    return None if isinstance(value, (Unknown, Text, Reference)) else value


def _legacy_versioning(enabled: Any) -> dict[str, Any] | None:
    """v3 ``versioning { enabled }``: false on a new bucket means never enabled, not suspended."""
    if isinstance(enabled, Unknown):
        return {"Status": enabled}
    return {"Status": "Enabled"} if enabled is True else None


def _logging(block: Mapping[str, Any]) -> dict[str, Any]:
    """``target_bucket``/``target_prefix`` (inline or split) -> ``LoggingConfiguration``."""
    return renamed(
        block, {"target_bucket": "DestinationBucketName", "target_prefix": "LogFilePrefix"}
    )


def _legacy_website(block: dict[str, Any]) -> dict[str, Any]:
    """v3 ``website``: documents and redirect written as plain strings."""
    props = renamed(block, {"index_document": "IndexDocument", "error_document": "ErrorDocument"})
    redirect = get(block, "redirect_all_requests_to")
    if redirect is not ABSENT:
        props["RedirectAllRequestsTo"] = {"HostName": redirect}
    return props


# -- the bucket policy ---------------------------------------------------------------------


@converts("aws_s3_bucket_policy")
def bucket_policy(resource: TfResource) -> Mapped:
    """``aws_s3_bucket_policy`` -> ``AWS::S3::BucketPolicy`` on the bucket ``bucket`` names.

    Usually ``bucket = aws_s3_bucket.x.id``, which the builder makes a ``Ref``, so the S3
    checks find the policy exactly as they find a template's.
    """
    attrs = resource.attributes
    props = {"Bucket": get(attrs, "bucket"), "PolicyDocument": json_value(get(attrs, "policy"))}
    return Mapped("AWS::S3::BucketPolicy", props)


# -- split resources (provider v4 and later) -----------------------------------------------


@merges("aws_s3_bucket_versioning", into=BUCKET, via="bucket")
def versioning(split: TfResource, owner: dict[str, Any]) -> None:
    """``versioning_configuration.status`` -> ``VersioningConfiguration.Status``.

    ``Disabled`` (only valid for a bucket that never had versioning) is CloudFormation's
    absent configuration; ``Enabled`` and ``Suspended`` carry over as they are.
    """
    config = nested(split.attributes, "versioning_configuration")
    if isinstance(config, Unknown):
        owner["VersioningConfiguration"] = config
        return
    status = get(config or {}, "status")
    if status in (ABSENT, "Disabled"):
        owner.pop("VersioningConfiguration", None)
        return
    owner["VersioningConfiguration"] = {"Status": status}


@merges("aws_s3_bucket_server_side_encryption_configuration", into=BUCKET, via="bucket")
def server_side_encryption(split: TfResource, owner: dict[str, Any]) -> None:
    """``rule`` blocks -> ``BucketEncryption.ServerSideEncryptionConfiguration``."""
    owner["BucketEncryption"] = encryption(nested_blocks(split.attributes, "rule"))


@merges("aws_s3_bucket_public_access_block", into=BUCKET, via="bucket")
def public_access_block(split: TfResource, owner: dict[str, Any]) -> None:
    """The four settings -> ``PublicAccessBlockConfiguration``, false where omitted.

    NOTE: each argument defaults to false and the provider sends it (PutPublicAccessBlock),
    replacing the all-true block S3 applies to new buckets; omitted is therefore false.
    """
    attrs = split.attributes
    owner["PublicAccessBlockConfiguration"] = {
        cfn: False if get(attrs, tf) is ABSENT else get(attrs, tf)
        for tf, cfn in _BLOCK_SETTINGS.items()
    }


@merges("aws_s3_bucket_logging", into=BUCKET, via="bucket")
def logging(split: TfResource, owner: dict[str, Any]) -> None:
    """``target_bucket``/``target_prefix`` -> ``LoggingConfiguration``."""
    owner["LoggingConfiguration"] = _logging(split.attributes)


@merges("aws_s3_bucket_lifecycle_configuration", into=BUCKET, via="bucket")
def lifecycle(split: TfResource, owner: dict[str, Any]) -> None:
    """``rule`` blocks -> ``LifecycleConfiguration.Rules``."""
    rules = nested_blocks(split.attributes, "rule")
    owner["LifecycleConfiguration"] = {
        "Rules": rules if isinstance(rules, Unknown) else [lifecycle_rule(r) for r in rules]
    }


@merges("aws_s3_bucket_replication_configuration", into=BUCKET, via="bucket")
def replication(split: TfResource, owner: dict[str, Any]) -> None:
    """``role`` and ``rule`` blocks -> ``ReplicationConfiguration``."""
    attrs = split.attributes
    rules = nested_blocks(attrs, "rule")
    config: dict[str, Any] = {}
    put(config, "Role", get(attrs, "role"))
    config["Rules"] = rules if isinstance(rules, Unknown) else [replication_rule(r) for r in rules]
    owner["ReplicationConfiguration"] = config


@merges("aws_s3_bucket_acl", into=BUCKET, via="bucket")
def acl(split: TfResource, owner: dict[str, Any]) -> None:
    """A canned ``acl`` -> ``AccessControl``; explicit grants read as the canned ACL they equal."""
    attrs = split.attributes
    value = get(attrs, "acl")
    if value is ABSENT:
        policy = nested(attrs, "access_control_policy")
        if isinstance(policy, Unknown):
            value = policy
        elif policy is not None:
            value = grants_acl(nested_blocks(policy, "grant"))
    put(owner, "AccessControl", canned_acl(value))


@merges("aws_s3_bucket_ownership_controls", into=BUCKET, via="bucket")
def ownership_controls(split: TfResource, owner: dict[str, Any]) -> None:
    """``rule.object_ownership`` -> ``OwnershipControls.Rules``."""
    rule = nested(split.attributes, "rule")
    if isinstance(rule, Unknown):
        owner["OwnershipControls"] = rule
    elif rule is not None:
        owner["OwnershipControls"] = {
            "Rules": [renamed(rule, {"object_ownership": "ObjectOwnership"})]
        }


@merges("aws_s3_bucket_website_configuration", into=BUCKET, via="bucket")
def website(split: TfResource, owner: dict[str, Any]) -> None:
    """Index, error document and redirect -> ``WebsiteConfiguration``.

    The S3 checks ask only whether a bucket hosts a website (SSE-KMS cannot be served from a
    website endpoint; website content is deployed from source), so routing rules are left out.
    """
    attrs = split.attributes
    props: dict[str, Any] = {}
    for tf_name, cfn_name, key in (
        ("index_document", "IndexDocument", "suffix"),
        ("error_document", "ErrorDocument", "key"),
    ):
        found = nested(attrs, tf_name)
        if found is not None:
            put(props, cfn_name, found if isinstance(found, Unknown) else get(found, key))
    put(
        props,
        "RedirectAllRequestsTo",
        renamed_block(
            attrs, "redirect_all_requests_to", {"host_name": "HostName", "protocol": "Protocol"}
        ),
    )
    owner["WebsiteConfiguration"] = props


@merges("aws_s3_bucket_notification", into=BUCKET, via="bucket")
def notification(split: TfResource, owner: dict[str, Any]) -> None:
    """Lambda, queue, topic and EventBridge notifications -> ``NotificationConfiguration``.

    Terraform lists several ``events`` per block; CloudFormation takes one ``Event`` per
    entry, so each block gives one entry per event. The Lambda entries are how golive learns
    that S3 invokes a function asynchronously (``invocations``).
    """
    attrs = split.attributes
    config: dict[str, Any] = {}
    for tf_name, cfn_name, target, key in _NOTIFICATIONS:
        found = nested_blocks(attrs, tf_name)
        if isinstance(found, Unknown):
            config[cfn_name] = found
            continue
        entries = [entry for item in found for entry in _notification(item, target, key)]
        if entries:
            config[cfn_name] = entries
    eventbridge = get(attrs, "eventbridge")
    if eventbridge is True or isinstance(eventbridge, Unknown):
        config["EventBridgeConfiguration"] = {"EventBridgeEnabled": eventbridge}
    owner["NotificationConfiguration"] = config


def _notification(item: dict[str, Any], target: str, key: str) -> list[dict[str, Any]]:
    """One notification block -> one CloudFormation entry per event."""
    rules = [
        {"Name": name, "Value": get(item, f"filter_{name}")}
        for name in ("prefix", "suffix")
        if get(item, f"filter_{name}") not in (ABSENT, "")
    ]
    events = get(item, "events")
    entries = []
    for event in events if isinstance(events, list) else [events]:
        entry: dict[str, Any] = {key: get(item, target)}
        put(entry, "Event", event)
        if rules:
            entry["Filter"] = {"S3Key": {"Rules": rules}}
        entries.append(entry)
    return entries
