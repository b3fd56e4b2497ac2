"""Elastic Load Balancing: Application, Network and Gateway Load Balancers, and Classic ones.

Where Terraform and CloudFormation differ:

- ``aws_lb`` spreads the load balancer attributes over arguments
  (``drop_invalid_header_fields``, ``enable_deletion_protection``, ``access_logs``,
  ``idle_timeout`` ...); CloudFormation keeps them in ``LoadBalancerAttributes`` as a list of
  ``{Key, Value}`` with string values (``"true"``), and so does the mapping. Only the
  arguments that are set are written: the provider's defaults (all off) are AWS's defaults,
  which an absent attribute means.
- ``access_logs.enabled`` defaults to false on ``aws_lb`` even when a bucket is given, and to
  true on ``aws_elb``: each mapping writes the flag the provider sends.
- ``internal`` (a boolean) is CloudFormation's ``Scheme`` (``internal`` or
  ``internet-facing``).
- A target group's ``health_check`` block sends its ``protocol`` (default ``HTTP``) and
  ``enabled`` (default true) whenever the block is written, so they are written with it;
  without the block nothing is sent and AWS's defaults apply, as in CloudFormation.
- ``aws_lb_target_group_attachment`` is the split form of a target group's ``Targets``.
- Not expressible here: an ``aws_lb_listener`` without ``protocol`` on an Application Load
  Balancer is HTTP (the provider fills it in from the load balancer's ARN, which the
  listener's own arguments do not show); the mapping leaves ``Protocol`` unset.

The ``aws_alb*`` names are the provider's aliases of the ``aws_lb*`` types.
"""

from __future__ import annotations

from typing import Any

from golive.loaders.terraform.mapping import (
    Lookup,
    Mapped,
    append_entry,
    completes,
    converts,
    get,
    merges,
    name_or_prefix,
    nested,
    put,
    renamed,
    shaped_block,
    shaped_blocks,
    tag_list,
)
from golive.loaders.terraform.mapping.network import block_given, given, id_list, renamed_given
from golive.loaders.terraform.model import TfResource
from golive.values import ABSENT, Reference, Unknown

# -- load balancers ----------------------------------------------------------------------------

#: ``aws_lb`` arguments kept in ``LoadBalancerAttributes`` -> the attribute key.
_ATTRIBUTES = {
    "drop_invalid_header_fields": "routing.http.drop_invalid_header_fields.enabled",
    "enable_deletion_protection": "deletion_protection.enabled",
    "idle_timeout": "idle_timeout.timeout_seconds",
    "enable_http2": "routing.http2.enabled",
    "desync_mitigation_mode": "routing.http.desync_mitigation_mode",
    "enable_cross_zone_load_balancing": "load_balancing.cross_zone.enabled",
    "preserve_host_header": "routing.http.preserve_host_header.enabled",
    "enable_waf_fail_open": "waf.fail_open.enabled",
}


def _attribute_value(value: Any) -> Any:
    """CloudFormation writes attribute values as strings: ``"true"``, ``"60"``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return value


def _access_logs(attributes: Any, prefix: str) -> list[dict[str, Any]]:
    """The ``access_logs`` (or ``connection_logs``) block as attributes; off unless enabled."""
    found = nested(attributes, f"{prefix}_logs")
    if found is None:
        return []
    if isinstance(found, Unknown):
        return [{"Key": f"{prefix}_logs.s3.enabled", "Value": found}]
    enabled = given(get(found, "enabled"))
    flag = _attribute_value(False if enabled is ABSENT else enabled)
    entries = [{"Key": f"{prefix}_logs.s3.enabled", "Value": flag}]
    for argument in ("bucket", "prefix"):
        value = given(get(found, argument))
        if value is not ABSENT:
            entries.append({"Key": f"{prefix}_logs.s3.{argument}", "Value": value})
    return entries


def _balancer_attributes(attributes: Any) -> list[dict[str, Any]]:
    entries = []
    for argument, key in _ATTRIBUTES.items():
        value = given(get(attributes, argument))
        if value is not ABSENT:
            entries.append({"Key": key, "Value": _attribute_value(value)})
    return entries + _access_logs(attributes, "access") + _access_logs(attributes, "connection")


def _scheme(internal: Any) -> Any:
    if internal is True:
        return "internal"
    if internal is False:
        return "internet-facing"
    return internal  # unset (ABSENT: internet-facing by default) or not known


@converts("aws_lb", "aws_alb")
def load_balancer(resource: TfResource) -> Mapped:
    """``aws_lb`` -> ``AWS::ElasticLoadBalancingV2::LoadBalancer``."""
    attrs = resource.attributes
    props = renamed(attrs, {"load_balancer_type": "Type", "ip_address_type": "IpAddressType"})
    put(props, "Name", name_or_prefix(attrs, "load balancer"))
    put(props, "Scheme", _scheme(get(attrs, "internal")))
    put(props, "Subnets", id_list(get(attrs, "subnets")))
    put(props, "SecurityGroups", id_list(get(attrs, "security_groups")))
    put(
        props,
        "SubnetMappings",
        shaped_blocks(
            attrs,
            "subnet_mapping",
            lambda item: renamed_given(
                item, {"subnet_id": "SubnetId", "allocation_id": "AllocationId"}
            ),
        ),
    )
    put(props, "LoadBalancerAttributes", _balancer_attributes(attrs) or None)
    put(props, "Tags", tag_list(resource))
    return Mapped("AWS::ElasticLoadBalancingV2::LoadBalancer", props)


# -- listeners and rules -----------------------------------------------------------------------

_REDIRECT = {
    "protocol": "Protocol",
    "port": "Port",
    "host": "Host",
    "path": "Path",
    "query": "Query",
    "status_code": "StatusCode",
}
_FIXED = {"content_type": "ContentType", "message_body": "MessageBody", "status_code": "StatusCode"}
_COGNITO = {
    "user_pool_arn": "UserPoolArn",
    "user_pool_client_id": "UserPoolClientId",
    "user_pool_domain": "UserPoolDomain",
    "on_unauthenticated_request": "OnUnauthenticatedRequest",
}
_OIDC = {
    "issuer": "Issuer",
    "client_id": "ClientId",
    "client_secret": "ClientSecret",
    "authorization_endpoint": "AuthorizationEndpoint",
    "token_endpoint": "TokenEndpoint",
    "user_info_endpoint": "UserInfoEndpoint",
    "on_unauthenticated_request": "OnUnauthenticatedRequest",
}


def _forward(block: Any) -> dict[str, Any]:
    config: dict[str, Any] = {}
    put(
        config,
        "TargetGroups",
        shaped_blocks(
            block,
            "target_group",
            lambda g: renamed_given(g, {"arn": "TargetGroupArn", "weight": "Weight"}),
        ),
    )
    stickiness = nested(block, "stickiness")
    if isinstance(stickiness, dict):
        config["TargetGroupStickinessConfig"] = renamed_given(
            stickiness, {"enabled": "Enabled", "duration": "DurationSeconds"}
        )
    return config


def action(block: Any) -> dict[str, Any]:
    """A ``default_action``/``action`` block as CloudFormation's action."""
    props = renamed_given(
        block, {"type": "Type", "target_group_arn": "TargetGroupArn", "order": "Order"}
    )
    for name, key, names in (
        ("redirect", "RedirectConfig", _REDIRECT),
        ("fixed_response", "FixedResponseConfig", _FIXED),
        ("authenticate_cognito", "AuthenticateCognitoConfig", _COGNITO),
        ("authenticate_oidc", "AuthenticateOidcConfig", _OIDC),
    ):
        put(props, key, block_given(block, name, names))
    forward = nested(block, "forward")
    if isinstance(forward, dict):
        props["ForwardConfig"] = _forward(forward)
    return props


def _upper(value: Any) -> Any:
    return value.upper() if isinstance(value, str) else value


@converts("aws_lb_listener", "aws_alb_listener")
def listener(resource: TfResource) -> Mapped:
    """``aws_lb_listener`` -> ``AWS::ElasticLoadBalancingV2::Listener``."""
    attrs = resource.attributes
    props = renamed_given(
        attrs, {"load_balancer_arn": "LoadBalancerArn", "port": "Port", "ssl_policy": "SslPolicy"}
    )
    put(props, "Protocol", _upper(given(get(attrs, "protocol"))))
    certificate = given(get(attrs, "certificate_arn"))
    if certificate is not ABSENT:
        props["Certificates"] = [{"CertificateArn": certificate}]
    alpn = given(get(attrs, "alpn_policy"))
    if alpn is not ABSENT:
        props["AlpnPolicy"] = [alpn]
    put(props, "DefaultActions", shaped_blocks(attrs, "default_action", action))
    put(props, "Tags", tag_list(resource))
    return Mapped("AWS::ElasticLoadBalancingV2::Listener", props)


@converts("aws_lb_listener_rule", "aws_alb_listener_rule")
def listener_rule(resource: TfResource) -> Mapped:
    """``aws_lb_listener_rule`` -> ``AWS::ElasticLoadBalancingV2::ListenerRule`` (actions; the
    conditions only route, no check reads them)."""
    attrs = resource.attributes
    props = renamed_given(attrs, {"listener_arn": "ListenerArn", "priority": "Priority"})
    put(props, "Actions", shaped_blocks(attrs, "action", action))
    put(props, "Tags", tag_list(resource))
    return Mapped("AWS::ElasticLoadBalancingV2::ListenerRule", props)


# -- target groups -----------------------------------------------------------------------------

_HEALTH_CHECK = {
    "enabled": "HealthCheckEnabled",
    "path": "HealthCheckPath",
    "protocol": "HealthCheckProtocol",
    "port": "HealthCheckPort",
    "interval": "HealthCheckIntervalSeconds",
    "timeout": "HealthCheckTimeoutSeconds",
    "healthy_threshold": "HealthyThresholdCount",
    "unhealthy_threshold": "UnhealthyThresholdCount",
}


def _health_check(attributes: Any) -> dict[str, Any]:
    """The ``health_check`` block's settings, with the defaults the provider sends with it."""
    found = nested(attributes, "health_check")
    if found is None:
        return {}
    if isinstance(found, Unknown):
        return {"HealthCheckEnabled": found, "HealthCheckPath": found}
    props = renamed_given(found, _HEALTH_CHECK)
    props.setdefault("HealthCheckEnabled", True)
    props["HealthCheckProtocol"] = _upper(props.get("HealthCheckProtocol", "HTTP"))
    matcher = given(get(found, "matcher"))
    if matcher is not ABSENT:
        props["Matcher"] = {"HttpCode": matcher}
    return props


@converts("aws_lb_target_group", "aws_alb_target_group")
def target_group(resource: TfResource) -> Mapped:
    """``aws_lb_target_group`` -> ``AWS::ElasticLoadBalancingV2::TargetGroup``."""
    attrs = resource.attributes
    props = renamed_given(
        attrs,
        {
            "port": "Port",
            "protocol": "Protocol",
            "protocol_version": "ProtocolVersion",
            "target_type": "TargetType",
            "vpc_id": "VpcId",
        },
    )
    put(props, "Name", name_or_prefix(attrs, "target group"))
    props.update(_health_check(attrs))
    put(props, "Tags", tag_list(resource))
    return Mapped("AWS::ElasticLoadBalancingV2::TargetGroup", props)


@merges(
    "aws_lb_target_group_attachment",
    into=("aws_lb_target_group", "aws_alb_target_group"),
    via="target_group_arn",
    owner_keys=("arn",),
)
def target_group_attachment(split: TfResource, owner: dict[str, Any]) -> None:
    """``aws_lb_target_group_attachment`` adds one entry to the target group's ``Targets``."""
    target = renamed_given(
        split.attributes,
        {"target_id": "Id", "port": "Port", "availability_zone": "AvailabilityZone"},
    )
    if "Id" in target:
        append_entry(owner, "Targets", target)


# -- Classic Load Balancers --------------------------------------------------------------------


def _classic_listener(item: dict[str, Any]) -> dict[str, Any]:
    props = renamed_given(
        item,
        {
            "lb_port": "LoadBalancerPort",
            "instance_port": "InstancePort",
            "ssl_certificate_id": "SSLCertificateId",
        },
    )
    put(props, "Protocol", _upper(given(get(item, "lb_protocol"))))
    put(props, "InstanceProtocol", _upper(given(get(item, "instance_protocol"))))
    return props


def _classic_access_logs(found: dict[str, Any]) -> dict[str, Any]:
    """``access_logs``: enabled unless it says otherwise (the provider's default is true)."""
    policy = renamed_given(
        found,
        {
            "enabled": "Enabled",
            "bucket": "S3BucketName",
            "bucket_prefix": "S3BucketPrefix",
            "interval": "EmitInterval",
        },
    )
    policy.setdefault("Enabled", True)
    return policy


@converts("aws_elb")
def classic_load_balancer(resource: TfResource) -> Mapped:
    """``aws_elb`` -> ``AWS::ElasticLoadBalancing::LoadBalancer``."""
    attrs = resource.attributes
    props: dict[str, Any] = {}
    put(props, "LoadBalancerName", name_or_prefix(attrs, "load balancer"))
    put(props, "Scheme", _scheme(get(attrs, "internal")))
    put(props, "Subnets", id_list(get(attrs, "subnets")))
    put(props, "AvailabilityZones", id_list(get(attrs, "availability_zones")))
    put(props, "SecurityGroups", id_list(get(attrs, "security_groups")))
    put(props, "Instances", id_list(get(attrs, "instances")))
    put(props, "CrossZone", get(attrs, "cross_zone_load_balancing"))
    put(props, "Listeners", shaped_blocks(attrs, "listener", _classic_listener))
    put(props, "AccessLoggingPolicy", shaped_block(attrs, "access_logs", _classic_access_logs))
    put(
        props,
        "HealthCheck",
        block_given(
            attrs,
            "health_check",
            {
                "target": "Target",
                "interval": "Interval",
                "timeout": "Timeout",
                "healthy_threshold": "HealthyThreshold",
                "unhealthy_threshold": "UnhealthyThreshold",
            },
        ),
    )
    put(props, "Tags", tag_list(resource))
    return Mapped("AWS::ElasticLoadBalancing::LoadBalancer", props)


@completes("aws_lb_listener", "aws_alb_listener")
def listener_protocol(tf: TfResource, listener: Mapped, lookup: Lookup) -> None:
    """A listener without ``protocol`` on an application load balancer listens on HTTP.

    The provider decides that default from the load balancer's type, which the listener's
    own arguments do not show.
    """
    balancer = listener.properties.get("LoadBalancerArn")
    if "Protocol" in listener.properties or not isinstance(balancer, Reference):
        return
    owner = lookup(balancer.logical_id)
    if owner is None or owner[1].type != "AWS::ElasticLoadBalancingV2::LoadBalancer":
        return
    if owner[0].attributes.get("load_balancer_type") in (None, "application"):
        listener.properties["Protocol"] = "HTTP"
