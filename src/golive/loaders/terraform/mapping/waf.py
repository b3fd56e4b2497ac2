"""AWS WAF: web ACLs, their associations with load balancers and APIs, their logging.

``elb.waf`` and ``apigateway.waf`` look for an ``AWS::WAFv2::WebACLAssociation`` (or the WAF
Classic regional one) whose ``ResourceArn`` names the protected resource; Terraform's
association resources map one to one. ``aws_wafv2_web_acl`` is mapped (name and scope only,
no check reads its rules) so that a distribution's ``web_acl_id`` or an association that
names a web ACL of the configuration refers to a resource of the stack rather than to
something known only after apply.
"""

from __future__ import annotations

from golive.loaders.terraform.mapping import Mapped, converts, get, put, renamed, tag_list
from golive.loaders.terraform.mapping.network import id_list
from golive.loaders.terraform.model import TfResource


@converts("aws_wafv2_web_acl_association")
def web_acl_association(resource: TfResource) -> Mapped:
    """``aws_wafv2_web_acl_association`` -> ``AWS::WAFv2::WebACLAssociation``."""
    props = renamed(
        resource.attributes, {"resource_arn": "ResourceArn", "web_acl_arn": "WebACLArn"}
    )
    return Mapped("AWS::WAFv2::WebACLAssociation", props)


@converts("aws_wafregional_web_acl_association")
def regional_web_acl_association(resource: TfResource) -> Mapped:
    """``aws_wafregional_web_acl_association`` -> ``AWS::WAFRegional::WebACLAssociation``."""
    props = renamed(resource.attributes, {"resource_arn": "ResourceArn", "web_acl_id": "WebACLId"})
    return Mapped("AWS::WAFRegional::WebACLAssociation", props)


@converts("aws_wafv2_web_acl_logging_configuration")
def web_acl_logging(resource: TfResource) -> Mapped:
    """``aws_wafv2_web_acl_logging_configuration`` -> ``AWS::WAFv2::LoggingConfiguration``."""
    attrs = resource.attributes
    props = renamed(attrs, {"resource_arn": "ResourceArn"})
    put(props, "LogDestinationConfigs", id_list(get(attrs, "log_destination_configs")))
    return Mapped("AWS::WAFv2::LoggingConfiguration", props)


@converts("aws_wafv2_web_acl")
def web_acl(resource: TfResource) -> Mapped:
    """``aws_wafv2_web_acl`` -> ``AWS::WAFv2::WebACL`` (name and scope), so the web ACL a
    distribution's ``web_acl_id`` or an association names is one of the configuration."""
    props = renamed(
        resource.attributes, {"name": "Name", "scope": "Scope", "description": "Description"}
    )
    put(props, "Tags", tag_list(resource))
    return Mapped("AWS::WAFv2::WebACL", props)
