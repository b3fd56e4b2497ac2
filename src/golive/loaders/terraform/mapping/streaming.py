"""Kinesis data streams, their consumers, and Firehose streams.

- ``aws_kinesis_stream``: ``encryption_type`` defaults to ``NONE`` in the provider, which is
  CloudFormation's stream without ``StreamEncryption``; ``KMS`` with ``kms_key_id`` is
  ``StreamEncryption {EncryptionType: KMS, KeyId}``.
- ``aws_kinesis_firehose_delivery_stream``: ``server_side_encryption.enabled`` defaults to
  false (no ``DeliveryStreamEncryptionConfigurationInput``); enabled, its ``key_type``
  defaults to ``AWS_OWNED_CMK``, which CloudFormation requires written, so the default is
  written out. A ``kinesis_source_configuration`` or ``msk_source_configuration`` sets the
  ``DeliveryStreamType`` CloudFormation names the source with; otherwise the stream is
  ``DirectPut``, CloudFormation's default, and the type stays absent.
- Destinations keep what the graph needs: the role, the target bucket or domain, the
  processing configuration (a Lambda transformation is how Firehose invokes a function
  synchronously) and CloudWatch logging.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from golive.loaders.terraform.mapping import (
    Mapped,
    converts,
    get,
    put,
    renamed,
    renamed_block,
    renamed_blocks,
    shaped_block,
    shaped_blocks,
    tag_list,
)
from golive.loaders.terraform.mapping.network import put_given
from golive.loaders.terraform.model import TfResource
from golive.values import ABSENT, Unknown

#: Terraform destination block -> CloudFormation destination property.
_DESTINATIONS = {
    "extended_s3_configuration": "ExtendedS3DestinationConfiguration",
    "redshift_configuration": "RedshiftDestinationConfiguration",
    "opensearch_configuration": "AmazonopensearchserviceDestinationConfiguration",
    "opensearchserverless_configuration": "AmazonOpenSearchServerlessDestinationConfiguration",
    "elasticsearch_configuration": "ElasticsearchDestinationConfiguration",
    "splunk_configuration": "SplunkDestinationConfiguration",
    "http_endpoint_configuration": "HttpEndpointDestinationConfiguration",
    "snowflake_configuration": "SnowflakeDestinationConfiguration",
    "iceberg_configuration": "IcebergDestinationConfiguration",
}
_DESTINATION_ARGUMENTS = {
    "role_arn": "RoleARN",
    "bucket_arn": "BucketARN",
    "prefix": "Prefix",
    "error_output_prefix": "ErrorOutputPrefix",
    "compression_format": "CompressionFormat",
    "domain_arn": "DomainARN",
    "cluster_endpoint": "ClusterEndpoint",
    "collection_endpoint": "CollectionEndpoint",
    "index_name": "IndexName",
    "s3_backup_mode": "S3BackupMode",
}


@converts("aws_kinesis_stream")
def stream(resource: TfResource) -> Mapped:
    """``aws_kinesis_stream`` -> ``AWS::Kinesis::Stream``."""
    attrs = resource.attributes
    props = renamed(
        attrs,
        {
            "name": "Name",
            "shard_count": "ShardCount",
            "retention_period": "RetentionPeriodHours",
            "shard_level_metrics": "DesiredShardLevelMetrics",
        },
    )
    put(
        props,
        "StreamModeDetails",
        renamed_block(attrs, "stream_mode_details", {"stream_mode": "StreamMode"}),
    )
    put(props, "StreamEncryption", _stream_encryption(attrs))
    put(props, "Tags", tag_list(resource))
    return Mapped("AWS::Kinesis::Stream", props)


def _stream_encryption(attrs: Mapping[str, Any]) -> dict[str, Any] | None:
    """``encryption_type``/``kms_key_id`` -> ``StreamEncryption`` (none for ``NONE``)."""
    kind = get(attrs, "encryption_type")
    if kind in (ABSENT, "NONE"):
        return None
    props: dict[str, Any] = {"EncryptionType": kind}
    put_given(props, "KeyId", get(attrs, "kms_key_id"))
    return props


@converts("aws_kinesis_stream_consumer")
def stream_consumer(resource: TfResource) -> Mapped:
    """``aws_kinesis_stream_consumer`` -> ``AWS::Kinesis::StreamConsumer``."""
    props = renamed(resource.attributes, {"name": "ConsumerName", "stream_arn": "StreamARN"})
    return Mapped("AWS::Kinesis::StreamConsumer", props)


@converts("aws_kinesis_firehose_delivery_stream")
def delivery_stream(resource: TfResource) -> Mapped:
    """``aws_kinesis_firehose_delivery_stream`` -> ``AWS::KinesisFirehose::DeliveryStream``."""
    attrs = resource.attributes
    props = renamed(attrs, {"name": "DeliveryStreamName"})
    kinesis = renamed_block(
        attrs,
        "kinesis_source_configuration",
        {"kinesis_stream_arn": "KinesisStreamARN", "role_arn": "RoleARN"},
    )
    msk = renamed_block(
        attrs,
        "msk_source_configuration",
        {"msk_cluster_arn": "MSKClusterARN", "topic_name": "TopicName"},
    )
    if kinesis is not None:
        props["DeliveryStreamType"] = "KinesisStreamAsSource"
        props["KinesisStreamSourceConfiguration"] = kinesis
    elif msk is not None:
        props["DeliveryStreamType"] = "MSKAsSource"
        props["MSKSourceConfiguration"] = msk
    put(
        props,
        "DeliveryStreamEncryptionConfigurationInput",
        shaped_block(attrs, "server_side_encryption", _firehose_encryption),
    )
    for tf_name, cfn_name in _DESTINATIONS.items():
        put(props, cfn_name, shaped_block(attrs, tf_name, _destination))
    put(props, "Tags", tag_list(resource))
    return Mapped("AWS::KinesisFirehose::DeliveryStream", props)


def _firehose_encryption(block: Mapping[str, Any]) -> Any:
    """``server_side_encryption`` -> ``DeliveryStreamEncryptionConfigurationInput``."""
    enabled = get(block, "enabled")
    if enabled is ABSENT or enabled is False:
        return None
    if not isinstance(enabled, bool):
        return {"KeyType": Unknown("whether server-side encryption is enabled is not known")}
    kind = get(block, "key_type")
    props: dict[str, Any] = {"KeyType": "AWS_OWNED_CMK" if kind in (ABSENT, "") else kind}
    put_given(props, "KeyARN", get(block, "key_arn"))
    return props


def _destination(block: Mapping[str, Any]) -> dict[str, Any]:
    """One destination block: role, target, processing, logging and backup bucket."""
    props = renamed(block, _DESTINATION_ARGUMENTS)
    key = get(block, "kms_key_arn")
    if key not in (ABSENT, ""):
        props["EncryptionConfiguration"] = {"KMSEncryptionConfig": {"AWSKMSKeyARN": key}}
    hints = renamed(
        block, {"buffering_size": "SizeInMBs", "buffering_interval": "IntervalInSeconds"}
    )
    put(props, "BufferingHints", hints or None)
    put(
        props,
        "ProcessingConfiguration",
        shaped_block(block, "processing_configuration", _processing),
    )
    put(
        props,
        "CloudWatchLoggingOptions",
        renamed_block(
            block,
            "cloudwatch_logging_options",
            {
                "enabled": "Enabled",
                "log_group_name": "LogGroupName",
                "log_stream_name": "LogStreamName",
            },
        ),
    )
    put(props, "S3Configuration", renamed_block(block, "s3_configuration", _DESTINATION_ARGUMENTS))
    return props


def _processing(block: Mapping[str, Any]) -> dict[str, Any]:
    """``processing_configuration`` -> ``ProcessingConfiguration`` (processors and parameters)."""
    props = renamed(block, {"enabled": "Enabled"})
    props["Processors"] = shaped_blocks(block, "processors", _processor) or []
    return props


def _processor(processor: dict[str, Any]) -> dict[str, Any]:
    item = renamed(processor, {"type": "Type"})
    names = {"parameter_name": "ParameterName", "parameter_value": "ParameterValue"}
    item["Parameters"] = renamed_blocks(processor, "parameters", names) or []
    return item
