"""Auto Scaling groups and the split resources that attach them to load balancers.

- ``tag`` blocks -> ``Tags`` with ``PropagateAtLaunch``, as CloudFormation writes them. The
  provider's ``default_tags`` do not apply to Auto Scaling groups (a documented limitation
  of the AWS provider), so they are not merged here.
- ``aws_autoscaling_attachment`` and ``aws_autoscaling_traffic_source_attachment`` are
  Terraform's split forms of ``target_group_arns``/``load_balancers`` and
  ``traffic_source``: they add to the group's ``TargetGroupARNs``, ``LoadBalancerNames`` and
  ``TrafficSources``, so ``autoscaling.elb-health-check`` sees the load balancer either way.
- ``health_check_type`` defaults to ``EC2`` in both; absent stays absent.
"""

from __future__ import annotations

from typing import Any

from golive.loaders.terraform.mapping import (
    Mapped,
    append_entry,
    converts,
    get,
    merges,
    name_or_prefix,
    nested,
    nested_blocks,
    put,
    shaped_blocks,
)
from golive.loaders.terraform.mapping.compute import launch_template_spec
from golive.loaders.terraform.mapping.network import given, id_list, renamed_given
from golive.loaders.terraform.model import TfResource
from golive.values import ABSENT, Unknown

_GROUP = "aws_autoscaling_group"


def _tags(attributes: Any) -> Any:
    """``tag`` blocks (and the ``tags`` list of maps of older provider versions)."""
    found = nested_blocks(attributes, "tag")
    if isinstance(found, Unknown):
        return found
    legacy = get(attributes, "tags")
    if isinstance(legacy, list):
        found = found + [item for item in legacy if isinstance(item, dict)]
    tags = [
        renamed_given(
            item, {"key": "Key", "value": "Value", "propagate_at_launch": "PropagateAtLaunch"}
        )
        for item in found
    ]
    return tags or ABSENT


def _traffic_sources(attributes: Any) -> Any:
    return shaped_blocks(
        attributes,
        "traffic_source",
        lambda item: renamed_given(item, {"identifier": "Identifier", "type": "Type"}),
    )


def _mixed_instances_policy(attributes: Any) -> Any:
    """The launch template of ``mixed_instances_policy``, where the checks look for it."""
    policy = nested(attributes, "mixed_instances_policy")
    if policy is None or isinstance(policy, Unknown):
        return policy if policy is not None else ABSENT
    template = nested(policy, "launch_template")
    if template is None or isinstance(template, Unknown):
        return {"LaunchTemplate": template} if template is not None else {}
    spec = launch_template_spec(template, "launch_template_specification")
    overrides = nested_blocks(template, "override")
    shaped: dict[str, Any] = {}
    put(shaped, "LaunchTemplateSpecification", spec)
    if isinstance(overrides, list) and overrides:
        shaped["Overrides"] = [
            renamed_given(
                item, {"instance_type": "InstanceType", "weighted_capacity": "WeightedCapacity"}
            )
            for item in overrides
        ]
    return {"LaunchTemplate": shaped}


@converts(_GROUP)
def auto_scaling_group(resource: TfResource) -> Mapped:
    """``aws_autoscaling_group`` -> ``AWS::AutoScaling::AutoScalingGroup``."""
    attrs = resource.attributes
    props = renamed_given(
        attrs,
        {
            "min_size": "MinSize",
            "max_size": "MaxSize",
            "desired_capacity": "DesiredCapacity",
            "health_check_type": "HealthCheckType",
            "health_check_grace_period": "HealthCheckGracePeriod",
            "launch_configuration": "LaunchConfigurationName",
            "capacity_rebalance": "CapacityRebalance",
            "default_instance_warmup": "DefaultInstanceWarmup",
            "service_linked_role_arn": "ServiceLinkedRoleARN",
        },
    )
    put(props, "AutoScalingGroupName", name_or_prefix(attrs, "Auto Scaling group"))
    put(props, "VPCZoneIdentifier", id_list(get(attrs, "vpc_zone_identifier")))
    put(props, "AvailabilityZones", id_list(get(attrs, "availability_zones")))
    put(props, "TargetGroupARNs", id_list(get(attrs, "target_group_arns")))
    put(props, "LoadBalancerNames", id_list(get(attrs, "load_balancers")))
    put(props, "TrafficSources", _traffic_sources(attrs))
    put(props, "LaunchTemplate", launch_template_spec(attrs))
    put(props, "MixedInstancesPolicy", _mixed_instances_policy(attrs))
    put(props, "Tags", _tags(attrs))
    return Mapped("AWS::AutoScaling::AutoScalingGroup", props)


@merges(
    "aws_autoscaling_attachment",
    into=_GROUP,
    via="autoscaling_group_name",
    owner_keys=("name",),
)
def autoscaling_attachment(split: TfResource, owner: dict[str, Any]) -> None:
    """``aws_autoscaling_attachment`` adds a target group or a Classic Load Balancer."""
    attrs = split.attributes
    target_group = get(attrs, "lb_target_group_arn")
    if target_group is ABSENT:
        target_group = get(attrs, "alb_target_group_arn")
    append_entry(owner, "TargetGroupARNs", given(target_group))
    append_entry(owner, "LoadBalancerNames", given(get(attrs, "elb")))


@merges(
    "aws_autoscaling_traffic_source_attachment",
    into=_GROUP,
    via="autoscaling_group_name",
    owner_keys=("name",),
)
def autoscaling_traffic_source(split: TfResource, owner: dict[str, Any]) -> None:
    """``aws_autoscaling_traffic_source_attachment`` adds to ``TrafficSources``."""
    source = nested(split.attributes, "traffic_source")
    if isinstance(source, dict):
        append_entry(
            owner,
            "TrafficSources",
            renamed_given(source, {"identifier": "Identifier", "type": "Type"}),
        )
    elif isinstance(source, Unknown):
        owner["TrafficSources"] = source
