"""EKS clusters and managed node groups.

The provider's defaults match CloudFormation's for everything the EKS checks read: a public
API endpoint open to ``0.0.0.0/0``, no private endpoint, no control-plane log types, no
secrets encryption, so absent arguments stay absent. ``enabled_cluster_log_types`` (a set
of names) becomes ``Logging.ClusterLogging.EnabledTypes`` (a list of ``{Type}``).
"""

from __future__ import annotations

from typing import Any

from golive.loaders.terraform.mapping import (
    Mapped,
    block,
    blocks,
    converts,
    get,
    put,
    put_nonempty,
    renamed,
    renamed_blocks,
    tag_list,
    tag_map,
)
from golive.loaders.terraform.model import TfResource
from golive.values import ABSENT

_VPC = {
    "subnet_ids": "SubnetIds",
    "security_group_ids": "SecurityGroupIds",
    "endpoint_public_access": "EndpointPublicAccess",
    "endpoint_private_access": "EndpointPrivateAccess",
    "public_access_cidrs": "PublicAccessCidrs",
}


def _logging(value: Any) -> dict[str, Any] | None:
    if value is ABSENT:
        return None
    if isinstance(value, list):
        value = [{"Type": item} for item in value]
    return {"ClusterLogging": {"EnabledTypes": value}}


def _encryption(item: dict[str, Any]) -> dict[str, Any]:
    found = renamed(item, {"resources": "Resources"})
    put_nonempty(found, "Provider", renamed(block(item, "provider"), {"key_arn": "KeyArn"}))
    return found


@converts("aws_eks_cluster")
def cluster(resource: TfResource) -> Mapped:
    """A cluster: its endpoint access, control-plane logs and secrets encryption."""
    attributes = resource.attributes
    properties = renamed(
        attributes,
        {
            "name": "Name",
            "role_arn": "RoleArn",
            "version": "Version",
            "bootstrap_self_managed_addons": "BootstrapSelfManagedAddons",
            "deletion_protection": "DeletionProtection",
        },
    )
    put_nonempty(properties, "ResourcesVpcConfig", renamed(block(attributes, "vpc_config"), _VPC))
    put(properties, "Logging", _logging(get(attributes, "enabled_cluster_log_types")))
    configs = attributes.get("encryption_config")
    if configs is not None and not isinstance(configs, (list, dict)):
        properties["EncryptionConfig"] = configs
    else:
        put_nonempty(
            properties,
            "EncryptionConfig",
            [_encryption(item) for item in blocks(attributes, "encryption_config")],
        )
    put_nonempty(
        properties,
        "AccessConfig",
        renamed(
            block(attributes, "access_config"),
            {
                "authentication_mode": "AuthenticationMode",
                "bootstrap_cluster_creator_admin_permissions": (
                    "BootstrapClusterCreatorAdminPermissions"
                ),
            },
        ),
    )
    put_nonempty(
        properties,
        "KubernetesNetworkConfig",
        renamed(
            block(attributes, "kubernetes_network_config"),
            {"service_ipv4_cidr": "ServiceIpv4Cidr", "ip_family": "IpFamily"},
        ),
    )
    put(properties, "Tags", tag_list(resource))
    return Mapped("AWS::EKS::Cluster", properties)


@converts("aws_eks_node_group")
def node_group(resource: TfResource) -> Mapped:
    """A managed node group: its size, instances, subnets and SSH access.

    ``remote_access.source_security_group_ids`` is CloudFormation's
    ``RemoteAccess.SourceSecurityGroups``; without it EKS opens SSH to the world.
    """
    attributes = resource.attributes
    properties = renamed(
        attributes,
        {
            "cluster_name": "ClusterName",
            "node_group_name": "NodegroupName",
            "node_role_arn": "NodeRole",
            "subnet_ids": "Subnets",
            "instance_types": "InstanceTypes",
            "ami_type": "AmiType",
            "capacity_type": "CapacityType",
            "disk_size": "DiskSize",
            "labels": "Labels",
            "release_version": "ReleaseVersion",
            "version": "Version",
            "force_update_version": "ForceUpdateEnabled",
        },
    )
    put_nonempty(
        properties,
        "ScalingConfig",
        renamed(
            block(attributes, "scaling_config"),
            {"desired_size": "DesiredSize", "max_size": "MaxSize", "min_size": "MinSize"},
        ),
    )
    access = block(attributes, "remote_access")
    if access is not None:
        properties["RemoteAccess"] = renamed(
            access,
            {"ec2_ssh_key": "Ec2SshKey", "source_security_group_ids": "SourceSecurityGroups"},
        )
    put_nonempty(
        properties,
        "LaunchTemplate",
        renamed(
            block(attributes, "launch_template"), {"id": "Id", "name": "Name", "version": "Version"}
        ),
    )
    put_nonempty(
        properties,
        "Taints",
        renamed_blocks(attributes, "taint", {"key": "Key", "value": "Value", "effect": "Effect"}),
    )
    put_nonempty(
        properties,
        "UpdateConfig",
        renamed(
            block(attributes, "update_config"),
            {
                "max_unavailable": "MaxUnavailable",
                "max_unavailable_percentage": "MaxUnavailablePercentage",
            },
        ),
    )
    put(properties, "Tags", tag_map(resource))
    return Mapped("AWS::EKS::Nodegroup", properties)
