"""CloudFront distributions and their origin access controls and identities.

``aws_cloudfront_distribution`` holds at its top level what CloudFormation nests under
``DistributionConfig``; blocks become CloudFormation's structures (``origin`` -> ``Origins``,
``ordered_cache_behavior`` -> ``CacheBehaviors``, ``origin_group`` -> ``OriginGroups`` with
``Quantity``/``Items``, ``logging_config`` -> ``Logging``, ``web_acl_id`` -> ``WebACLId``).

Where the provider and CloudFormation differ:

- An ``origin`` with neither ``s3_origin_config`` nor ``custom_origin_config`` is sent with
  an empty ``S3OriginConfig`` (the provider's code does so: CloudFront needs one of the two),
  which is what the mapping writes: an S3 origin reached through its origin access control,
  or anonymously when it has none.
- References to a bucket's ``bucket_regional_domain_name`` and ``bucket_domain_name`` stay
  as written: the builder names them CloudFormation's ``RegionalDomainName`` and
  ``DomainName`` (``build.GETATT_NAMES``), which is how the checks recognise an S3 bucket
  origin (and a log bucket).
- ``viewer_certificate.minimum_protocol_version`` defaults to ``TLSv1`` in both; absent
  stays absent.
"""

from __future__ import annotations

from typing import Any

from golive.loaders.terraform.mapping import (
    Mapped,
    converts,
    get,
    nested,
    nested_blocks,
    put,
    shaped_block,
    shaped_blocks,
    tag_list,
)
from golive.loaders.terraform.mapping.network import block_given, given, id_list, renamed_given
from golive.loaders.terraform.model import TfResource
from golive.values import ABSENT, Unknown


def _items(values: list[Any]) -> dict[str, Any]:
    return {"Quantity": len(values), "Items": values}


# -- origins -----------------------------------------------------------------------------------

_CUSTOM_ORIGIN = {
    "http_port": "HTTPPort",
    "https_port": "HTTPSPort",
    "origin_protocol_policy": "OriginProtocolPolicy",
    "origin_read_timeout": "OriginReadTimeout",
    "origin_keepalive_timeout": "OriginKeepaliveTimeout",
}


def _origin(block: dict[str, Any]) -> dict[str, Any]:
    props = renamed_given(
        block,
        {
            "origin_id": "Id",
            "origin_path": "OriginPath",
            "origin_access_control_id": "OriginAccessControlId",
            "connection_attempts": "ConnectionAttempts",
            "connection_timeout": "ConnectionTimeout",
        },
    )
    put(props, "DomainName", get(block, "domain_name"))
    custom = nested(block, "custom_origin_config")
    if isinstance(custom, dict):
        config = renamed_given(custom, _CUSTOM_ORIGIN)
        put(config, "OriginSSLProtocols", id_list(get(custom, "origin_ssl_protocols")))
        props["CustomOriginConfig"] = config
    elif custom is not None:
        props["CustomOriginConfig"] = custom
    s3 = nested(block, "s3_origin_config")
    if s3 is not None:
        props["S3OriginConfig"] = (
            s3
            if isinstance(s3, Unknown)
            else {"OriginAccessIdentity": get(s3, "origin_access_identity")}
        )
    elif custom is None:
        props["S3OriginConfig"] = {"OriginAccessIdentity": ""}
    return props


def _origin_group(block: dict[str, Any]) -> dict[str, Any]:
    members = nested_blocks(block, "member")
    criteria = nested(block, "failover_criteria")
    codes = id_list(get(criteria, "status_codes")) if isinstance(criteria, dict) else ABSENT
    group: dict[str, Any] = {"Id": get(block, "origin_id")}
    group["Members"] = (
        members
        if isinstance(members, Unknown)
        else _items([{"OriginId": get(m, "origin_id")} for m in members])
    )
    if isinstance(codes, list):
        group["FailoverCriteria"] = {"StatusCodes": _items(codes)}
    return group


# -- cache behaviors ---------------------------------------------------------------------------

_BEHAVIOR = {
    "path_pattern": "PathPattern",
    "target_origin_id": "TargetOriginId",
    "viewer_protocol_policy": "ViewerProtocolPolicy",
    "cache_policy_id": "CachePolicyId",
    "origin_request_policy_id": "OriginRequestPolicyId",
    "response_headers_policy_id": "ResponseHeadersPolicyId",
    "realtime_log_config_arn": "RealtimeLogConfigArn",
    "field_level_encryption_id": "FieldLevelEncryptionId",
    "compress": "Compress",
    "min_ttl": "MinTTL",
    "default_ttl": "DefaultTTL",
    "max_ttl": "MaxTTL",
}


def _forwarded_values(block: dict[str, Any]) -> dict[str, Any]:
    props = renamed_given(block, {"query_string": "QueryString"})
    put(props, "Headers", id_list(get(block, "headers")))
    put(props, "QueryStringCacheKeys", id_list(get(block, "query_string_cache_keys")))
    cookies = nested(block, "cookies")
    if isinstance(cookies, dict):
        shaped = renamed_given(cookies, {"forward": "Forward"})
        put(shaped, "WhitelistedNames", id_list(get(cookies, "whitelisted_names")))
        props["Cookies"] = shaped
    return props


def _behavior(block: dict[str, Any]) -> dict[str, Any]:
    props = renamed_given(block, _BEHAVIOR)
    put(props, "AllowedMethods", id_list(get(block, "allowed_methods")))
    put(props, "CachedMethods", id_list(get(block, "cached_methods")))
    put(
        props,
        "LambdaFunctionAssociations",
        shaped_blocks(
            block,
            "lambda_function_association",
            lambda item: renamed_given(
                item,
                {
                    "event_type": "EventType",
                    "lambda_arn": "LambdaFunctionARN",
                    "include_body": "IncludeBody",
                },
            ),
        ),
    )
    put(
        props,
        "FunctionAssociations",
        shaped_blocks(
            block,
            "function_association",
            lambda item: renamed_given(
                item, {"event_type": "EventType", "function_arn": "FunctionARN"}
            ),
        ),
    )
    put(props, "ForwardedValues", shaped_block(block, "forwarded_values", _forwarded_values))
    return props


# -- the distribution --------------------------------------------------------------------------


def _restrictions(found: dict[str, Any]) -> dict[str, Any]:
    geo = nested(found, "geo_restriction")
    if geo is None or isinstance(geo, Unknown):
        return {"GeoRestriction": geo} if geo is not None else {}
    shaped = renamed_given(geo, {"restriction_type": "RestrictionType"})
    put(shaped, "Locations", id_list(get(geo, "locations")))
    return {"GeoRestriction": shaped}


def _logging(found: dict[str, Any]) -> dict[str, Any]:
    props = renamed_given(found, {"include_cookies": "IncludeCookies", "prefix": "Prefix"})
    put(props, "Bucket", given(get(found, "bucket")))
    return props


def _origin_groups(attributes: Any) -> Any:
    groups = nested_blocks(attributes, "origin_group")
    if isinstance(groups, Unknown):
        return groups
    return _items([_origin_group(g) for g in groups]) if groups else ABSENT


@converts("aws_cloudfront_distribution")
def distribution(resource: TfResource) -> Mapped:
    """``aws_cloudfront_distribution`` -> ``AWS::CloudFront::Distribution``."""
    attrs = resource.attributes
    config = renamed_given(
        attrs,
        {
            "enabled": "Enabled",
            "comment": "Comment",
            "default_root_object": "DefaultRootObject",
            "http_version": "HttpVersion",
            "price_class": "PriceClass",
            "is_ipv6_enabled": "IPV6Enabled",
            "web_acl_id": "WebACLId",
            "staging": "Staging",
        },
    )
    put(config, "Aliases", id_list(get(attrs, "aliases")))
    put(config, "Origins", shaped_blocks(attrs, "origin", _origin))
    put(config, "OriginGroups", _origin_groups(attrs))
    put(config, "DefaultCacheBehavior", shaped_block(attrs, "default_cache_behavior", _behavior))
    put(config, "CacheBehaviors", shaped_blocks(attrs, "ordered_cache_behavior", _behavior))
    put(
        config,
        "ViewerCertificate",
        block_given(
            attrs,
            "viewer_certificate",
            {
                "cloudfront_default_certificate": "CloudFrontDefaultCertificate",
                "acm_certificate_arn": "AcmCertificateArn",
                "iam_certificate_id": "IamCertificateId",
                "minimum_protocol_version": "MinimumProtocolVersion",
                "ssl_support_method": "SslSupportMethod",
            },
        ),
    )
    put(config, "Logging", shaped_block(attrs, "logging_config", _logging))
    put(config, "Restrictions", shaped_block(attrs, "restrictions", _restrictions))
    props: dict[str, Any] = {"DistributionConfig": config}
    put(props, "Tags", tag_list(resource))
    return Mapped("AWS::CloudFront::Distribution", props)


@converts("aws_cloudfront_origin_access_control")
def origin_access_control(resource: TfResource) -> Mapped:
    """``aws_cloudfront_origin_access_control`` -> ``AWS::CloudFront::OriginAccessControl``."""
    config = renamed_given(
        resource.attributes,
        {
            "name": "Name",
            "description": "Description",
            "origin_access_control_origin_type": "OriginAccessControlOriginType",
            "signing_behavior": "SigningBehavior",
            "signing_protocol": "SigningProtocol",
        },
    )
    return Mapped("AWS::CloudFront::OriginAccessControl", {"OriginAccessControlConfig": config})


@converts("aws_cloudfront_origin_access_identity")
def origin_access_identity(resource: TfResource) -> Mapped:
    """``aws_cloudfront_origin_access_identity`` -> the legacy
    ``AWS::CloudFront::CloudFrontOriginAccessIdentity``."""
    comment = get(resource.attributes, "comment")
    config = {"Comment": "" if comment is ABSENT else comment}
    return Mapped(
        "AWS::CloudFront::CloudFrontOriginAccessIdentity",
        {"CloudFrontOriginAccessIdentityConfig": config},
    )
