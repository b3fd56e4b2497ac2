"""OpenSearch Service and Elasticsearch domains.

Both Terraform types share their block names; CloudFormation names the cluster settings
``ClusterConfig`` on ``AWS::OpenSearchService::Domain`` and ``ElasticsearchClusterConfig``
on ``AWS::Elasticsearch::Domain`` (and the version ``EngineVersion``/``ElasticsearchVersion``).

Provider defaults that matter to the checks:

- ``log_publishing_options`` is a set of blocks, one per ``log_type``; CloudFormation keys
  ``LogPublishingOptions`` by the log type. A block's ``enabled`` defaults to true, which
  is written out: a block without it publishes.
- ``domain_endpoint_options.enforce_https`` defaults to true inside the block. Without the
  block the provider sends nothing and the service's default applies, as for an absent
  CloudFormation property, so only a written block gets the default.
- ``cluster_config`` defaults (one data node, no dedicated masters, no zone awareness) are
  CloudFormation's too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from golive.loaders.terraform.mapping import (
    Mapped,
    block,
    blocks,
    converts,
    get,
    put,
    put_list,
    renamed,
    tag_list,
)
from golive.loaders.terraform.mapping.json_text import json_value
from golive.loaders.terraform.model import TfResource
from golive.values import ABSENT, Text, Unknown

_CLUSTER = {
    "instance_type": "InstanceType",
    "instance_count": "InstanceCount",
    "dedicated_master_enabled": "DedicatedMasterEnabled",
    "dedicated_master_count": "DedicatedMasterCount",
    "dedicated_master_type": "DedicatedMasterType",
    "zone_awareness_enabled": "ZoneAwarenessEnabled",
    "multi_az_with_standby_enabled": "MultiAZWithStandbyEnabled",
    "warm_enabled": "WarmEnabled",
    "warm_count": "WarmCount",
    "warm_type": "WarmType",
}
_ENDPOINT = {
    "enforce_https": "EnforceHTTPS",
    "tls_security_policy": "TLSSecurityPolicy",
    "custom_endpoint_enabled": "CustomEndpointEnabled",
    "custom_endpoint": "CustomEndpoint",
    "custom_endpoint_certificate_arn": "CustomEndpointCertificateArn",
}
_SECURITY = {
    "enabled": "Enabled",
    "internal_user_database_enabled": "InternalUserDatabaseEnabled",
    "anonymous_auth_enabled": "AnonymousAuthEnabled",
}
_MASTER_USER = {
    "master_user_arn": "MasterUserARN",
    "master_user_name": "MasterUserName",
    "master_user_password": "MasterUserPassword",
}
_EBS = {
    "ebs_enabled": "EBSEnabled",
    "volume_size": "VolumeSize",
    "volume_type": "VolumeType",
    "iops": "Iops",
    "throughput": "Throughput",
}


def _unknown_block(attributes: Any, name: str) -> Unknown | None:
    value = attributes.get(name)
    if isinstance(value, (Unknown, Text)):
        return Unknown(f"{name} is known only after apply")
    return None


def _options(attributes: Any, name: str, shape: Callable[[dict[str, Any]], Any]) -> Any:
    """``shape`` of the options block ``name``; None when absent, Unknown when not known."""
    doubt = _unknown_block(attributes, name)
    found = block(attributes, name)
    if doubt is not None or found is None:
        return doubt
    return shape(found)


def _cluster(config: dict[str, Any]) -> dict[str, Any]:
    found = renamed(config, _CLUSTER)
    zones = block(config, "zone_awareness_config")
    if zones is not None:
        found["ZoneAwarenessConfig"] = renamed(
            zones, {"availability_zone_count": "AvailabilityZoneCount"}
        )
    return found


def _enabled(attributes: Any, name: str, key_name: str | None = None) -> Any:
    """``encrypt_at_rest`` / ``node_to_node_encryption``: ``{Enabled[, KmsKeyId]}``."""
    names = {"enabled": "Enabled"}
    if key_name is not None:
        names[key_name] = "KmsKeyId"
    return _options(attributes, name, lambda found: renamed(found, names))


def _endpoint(options: dict[str, Any]) -> dict[str, Any]:
    found = renamed(options, _ENDPOINT)
    found.setdefault("EnforceHTTPS", True)
    return found


def _logs(attributes: Any) -> dict[str, Any] | Unknown | None:
    """Each ``log_publishing_options`` block under its log type; ``enabled`` defaults true."""
    doubt = _unknown_block(attributes, "log_publishing_options")
    if doubt is not None:
        return doubt
    found: dict[str, Any] = {}
    for item in blocks(attributes, "log_publishing_options"):
        kind = get(item, "log_type")
        if not isinstance(kind, str):
            return Unknown("the type of a published log is known only after apply")
        option = renamed(item, {"cloudwatch_log_group_arn": "CloudWatchLogsLogGroupArn"})
        enabled = get(item, "enabled")
        option["Enabled"] = True if enabled is ABSENT else enabled
        found[kind] = option
    return found or None


def _vpc(options: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    put_list(found, "SubnetIds", get(options, "subnet_ids"))
    put_list(found, "SecurityGroupIds", get(options, "security_group_ids"))
    return found


def _security(options: dict[str, Any]) -> dict[str, Any]:
    found = renamed(options, _SECURITY)
    master = block(options, "master_user_options")
    if master is not None:
        found["MasterUserOptions"] = renamed(master, _MASTER_USER)
    return found


def _domain(resource: TfResource, cfn_type: str, keys: tuple[str, str], version: str) -> Mapped:
    """A domain; ``keys`` names the cluster settings and the version in ``cfn_type``."""
    attributes = resource.attributes
    properties = renamed(attributes, {"domain_name": "DomainName", version: keys[1]})
    put(properties, keys[0], _options(attributes, "cluster_config", _cluster))
    put(
        properties, "EncryptionAtRestOptions", _enabled(attributes, "encrypt_at_rest", "kms_key_id")
    )
    put(properties, "NodeToNodeEncryptionOptions", _enabled(attributes, "node_to_node_encryption"))
    put(
        properties,
        "DomainEndpointOptions",
        _options(attributes, "domain_endpoint_options", _endpoint),
    )
    put(properties, "LogPublishingOptions", _logs(attributes))
    put(properties, "VPCOptions", _options(attributes, "vpc_options", _vpc))
    put(
        properties,
        "AdvancedSecurityOptions",
        _options(attributes, "advanced_security_options", _security),
    )
    ebs = block(attributes, "ebs_options")
    if ebs is not None:
        properties["EBSOptions"] = renamed(ebs, _EBS)
    policy = json_value(get(attributes, "access_policies"))
    put(properties, "AccessPolicies", policy)
    advanced = get(attributes, "advanced_options")
    put(properties, "AdvancedOptions", advanced or ABSENT)
    put(properties, "Tags", tag_list(resource))
    return Mapped(cfn_type, properties)


@converts("aws_opensearch_domain")
def opensearch_domain(resource: TfResource) -> Mapped:
    return _domain(
        resource,
        "AWS::OpenSearchService::Domain",
        ("ClusterConfig", "EngineVersion"),
        "engine_version",
    )


@converts("aws_elasticsearch_domain")
def elasticsearch_domain(resource: TfResource) -> Mapped:
    return _domain(
        resource,
        "AWS::Elasticsearch::Domain",
        ("ElasticsearchClusterConfig", "ElasticsearchVersion"),
        "elasticsearch_version",
    )
