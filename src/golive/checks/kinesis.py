"""Checks on Kinesis data streams and Firehose streams.

Catalogue: ``catalog/kinesis.yaml`` and ``catalog/firehose.yaml``.
"""

from __future__ import annotations

from golive.checks.base import Verdict, check, failed, not_applicable, passed, unknown
from golive.checks.resource_policy import dig, doubt, key_kind, resolved
from golive.context import Context
from golive.model import Resource
from golive.values import ABSENT, Reference

#: Firehose stream sources that keep the data at rest themselves; Firehose stores none of it.
_SOURCES = {
    "KinesisStreamAsSource": ("KinesisStreamSourceConfiguration", "KinesisStreamARN"),
    "MSKAsSource": ("MSKSourceConfiguration", "MSKClusterARN"),
    "DatabaseAsSource": ("DatabaseSourceConfiguration", "Endpoint"),
}


@check("kinesis.encryption")
def stream_encryption(stream: Resource, ctx: Context) -> Verdict:
    path = "StreamEncryption"
    config = resolved(stream, ctx, path)
    kind = dig(config, "EncryptionType")
    if doubt(config) or doubt(kind):
        return unknown(f"the stream encryption is not known: {doubt(config) or doubt(kind)}", path)
    if config is ABSENT or kind != "KMS":
        return failed(
            "no StreamEncryption: records are stored unencrypted for the retention period", path
        )
    key = dig(config, "KeyId")
    which = key_kind(key)
    if which == "unknown":
        return unknown(f"the KMS key is not known: {doubt(key)}", path)
    if which == "managed":
        return passed("encrypted with the AWS-managed key alias/aws/kinesis", path)
    return passed("encrypted with a customer-managed KMS key", path)


@check("firehose.encryption")
def delivery_stream_encryption(delivery: Resource, ctx: Context) -> Verdict:
    source = resolved(delivery, ctx, "DeliveryStreamType")
    if doubt(source):
        return unknown(
            f"the stream's source type is not known: {doubt(source)}", "DeliveryStreamType"
        )
    if source in _SOURCES:
        prop, attribute = _SOURCES[source]
        origin = dig(resolved(delivery, ctx, prop), attribute)
        named = f" ({origin.logical_id})" if isinstance(origin, Reference) else ""
        return not_applicable(
            f"reads from its source{named} ({source}), which keeps the data at rest; "
            "encrypt the source instead"
        )
    path = "DeliveryStreamEncryptionConfigurationInput"
    key_type = dig(resolved(delivery, ctx, path), "KeyType")
    if doubt(key_type):
        return unknown(f"the encryption key type is not known: {doubt(key_type)}", path)
    if key_type == "CUSTOMER_MANAGED_CMK":
        return passed("server-side encryption with a customer-managed KMS key", path)
    if key_type == "AWS_OWNED_CMK":
        return passed("server-side encryption with an AWS-owned key", path)
    return failed(
        "no server-side encryption: records put directly into the stream are buffered unencrypted",
        path,
    )
