"""EC2 instances, launch templates, launch configurations, EBS volumes and key pairs.

``golive.checks.ec2_launch`` reads one launch specification under three property paths; the
mapping fills the paths of each type:

- ``metadata_options`` -> ``MetadataOptions`` on instances and launch configurations,
  ``LaunchTemplateData.MetadataOptions`` on launch templates. The provider sends
  ``http_tokens`` only when it is set (the AMI or the account default decides otherwise),
  as an absent ``HttpTokens`` means in CloudFormation.
- ``root_block_device`` and ``ebs_block_device`` (instances, launch configurations) and
  ``block_device_mappings`` (launch templates) -> ``BlockDeviceMappings`` with an ``Ebs``
  block each. Terraform does not name the root device (the AMI does): its mapping carries
  the block's own name, ``root_block_device``, as ``DeviceName``, which is how findings
  name it. Launch templates write ``encrypted`` and ``associate_public_ip_address`` as the
  strings ``"true"``/``"false"``; the checks read those as CloudFormation's booleans.
- An instance's ``associate_public_ip_address`` is, in CloudFormation, a setting of its
  primary network interface: it becomes ``NetworkInterfaces`` with device index 0 in the
  instance's subnet.
- ``monitoring`` (instances, launch templates) and ``enable_monitoring`` (launch
  configurations, default true as in CloudFormation) -> the types' monitoring flags.

Provider defaults that differ from CloudFormation's: an ``aws_ebs_volume`` is deleted on
destroy unless ``final_snapshot`` is true (``Snapshot``), which ``deletion_policy`` says.
An ``aws_ebs_volume`` without ``type`` is gp2 in both.
"""

from __future__ import annotations

from typing import Any

from golive.loaders.terraform.mapping import (
    Mapped,
    converts,
    get,
    name_or_prefix,
    nested_blocks,
    put,
    renamed,
    shaped_blocks,
    tag_list,
)
from golive.loaders.terraform.mapping.network import block_given, given, id_list, renamed_given
from golive.loaders.terraform.model import TfResource
from golive.values import ABSENT, Text, Unknown

_EBS = {
    "encrypted": "Encrypted",
    "kms_key_id": "KmsKeyId",
    "volume_type": "VolumeType",
    "volume_size": "VolumeSize",
    "iops": "Iops",
    "throughput": "Throughput",
    "snapshot_id": "SnapshotId",
    "delete_on_termination": "DeleteOnTermination",
}
_METADATA = {
    "http_tokens": "HttpTokens",
    "http_endpoint": "HttpEndpoint",
    "http_put_response_hop_limit": "HttpPutResponseHopLimit",
    "http_protocol_ipv6": "HttpProtocolIpv6",
    "instance_metadata_tags": "InstanceMetadataTags",
}


def metadata_options(attributes: Any) -> Any:
    """``metadata_options`` as ``MetadataOptions``: ABSENT when unset, Unknown kept."""
    return block_given(attributes, "metadata_options", _METADATA)


def _ebs_mapping(device: Any, ebs: dict[str, Any]) -> dict[str, Any]:
    return {"DeviceName": device, "Ebs": renamed_given(ebs, _EBS)}


def block_devices(attributes: Any) -> Any:
    """``root_block_device`` and ``ebs_block_device`` as ``BlockDeviceMappings``.

    ``ABSENT`` when neither is set; ``Unknown`` when either is not known (a dynamic block,
    or a plan's computed root device).
    """
    mappings: list[dict[str, Any]] = []
    for name in ("root_block_device", "ebs_block_device"):
        found = nested_blocks(attributes, name)
        if isinstance(found, Unknown):
            return found
        for item in found:
            device = given(get(item, "device_name"))
            label = device if isinstance(device, str) else name
            mappings.append(_ebs_mapping(label, item))
    return mappings or ABSENT


def launch_template_spec(attributes: Any, name: str = "launch_template") -> Any:
    """A ``launch_template { id | name, version }`` block as CloudFormation's specification."""
    return block_given(
        attributes,
        name,
        {
            "id": "LaunchTemplateId",
            "launch_template_id": "LaunchTemplateId",
            "name": "LaunchTemplateName",
            "launch_template_name": "LaunchTemplateName",
            "version": "Version",
        },
    )


def _user_data(attributes: Any) -> Any:
    plain = get(attributes, "user_data")
    return plain if plain is not ABSENT else get(attributes, "user_data_base64")


# -- instances ---------------------------------------------------------------------------------


def _network_interfaces(attributes: Any) -> Any:
    """``NetworkInterfaces``: attached interfaces, or the primary one a public-IP choice
    implies (ABSENT when the instance says neither)."""
    attached = nested_blocks(attributes, "network_interface")
    if isinstance(attached, Unknown):
        return attached
    if attached:
        return [
            renamed_given(
                item,
                {"network_interface_id": "NetworkInterfaceId", "device_index": "DeviceIndex"},
            )
            for item in attached
        ]
    public = get(attributes, "associate_public_ip_address")
    if public is ABSENT:
        return ABSENT
    primary: dict[str, Any] = {"DeviceIndex": "0", "AssociatePublicIpAddress": public}
    put(primary, "SubnetId", given(get(attributes, "subnet_id")))
    return [primary]


@converts("aws_instance")
def instance(resource: TfResource) -> Mapped:
    """``aws_instance`` -> ``AWS::EC2::Instance``."""
    attrs = resource.attributes
    props = renamed_given(
        attrs,
        {
            "ami": "ImageId",
            "instance_type": "InstanceType",
            "key_name": "KeyName",
            "subnet_id": "SubnetId",
            "availability_zone": "AvailabilityZone",
            "iam_instance_profile": "IamInstanceProfile",
            "monitoring": "Monitoring",
            "source_dest_check": "SourceDestCheck",
            "ebs_optimized": "EbsOptimized",
            "disable_api_termination": "DisableApiTermination",
            "private_ip": "PrivateIpAddress",
        },
    )
    put(props, "SecurityGroupIds", id_list(get(attrs, "vpc_security_group_ids")))
    put(props, "SecurityGroups", id_list(get(attrs, "security_groups")))
    put(props, "MetadataOptions", metadata_options(attrs))
    put(props, "BlockDeviceMappings", block_devices(attrs))
    put(props, "NetworkInterfaces", _network_interfaces(attrs))
    put(props, "LaunchTemplate", launch_template_spec(attrs))
    put(props, "UserData", _user_data(attrs))
    put(props, "Tags", tag_list(resource))
    return Mapped("AWS::EC2::Instance", props)


# -- launch templates --------------------------------------------------------------------------


def _template_device(item: dict[str, Any]) -> dict[str, Any]:
    mapping = renamed_given(
        item,
        {"device_name": "DeviceName", "no_device": "NoDevice", "virtual_name": "VirtualName"},
    )
    put(mapping, "Ebs", block_given(item, "ebs", _EBS))
    return mapping


def _template_interface(item: dict[str, Any]) -> dict[str, Any]:
    interface = renamed_given(
        item,
        {
            "associate_public_ip_address": "AssociatePublicIpAddress",
            "device_index": "DeviceIndex",
            "subnet_id": "SubnetId",
            "network_interface_id": "NetworkInterfaceId",
            "delete_on_termination": "DeleteOnTermination",
            "description": "Description",
        },
    )
    put(interface, "Groups", id_list(get(item, "security_groups")))
    return interface


def _tag_specification(item: dict[str, Any]) -> dict[str, Any]:
    """A ``tag_specifications`` block; the provider's ``default_tags`` do not reach it."""
    tags = get(item, "tags")
    spec: dict[str, Any] = {"ResourceType": get(item, "resource_type")}
    if isinstance(tags, dict):
        spec["Tags"] = [{"Key": k, "Value": v} for k, v in tags.items()]
    elif tags is not ABSENT:
        computed = Unknown("the tags of a tag specification are computed")
        spec["Tags"] = tags if isinstance(tags, (Unknown, Text)) else computed
    return spec


@converts("aws_launch_template")
def launch_template(resource: TfResource) -> Mapped:
    """``aws_launch_template`` -> ``AWS::EC2::LaunchTemplate`` (settings under
    ``LaunchTemplateData``)."""
    attrs = resource.attributes
    data = renamed_given(
        attrs,
        {
            "image_id": "ImageId",
            "instance_type": "InstanceType",
            "key_name": "KeyName",
            "ebs_optimized": "EbsOptimized",
        },
    )
    put(data, "SecurityGroupIds", id_list(get(attrs, "vpc_security_group_ids")))
    put(data, "SecurityGroups", id_list(get(attrs, "security_group_names")))
    put(
        data,
        "IamInstanceProfile",
        block_given(attrs, "iam_instance_profile", {"arn": "Arn", "name": "Name"}),
    )
    put(data, "MetadataOptions", metadata_options(attrs))
    put(data, "Monitoring", block_given(attrs, "monitoring", {"enabled": "Enabled"}))
    put(
        data, "BlockDeviceMappings", shaped_blocks(attrs, "block_device_mappings", _template_device)
    )
    put(data, "NetworkInterfaces", shaped_blocks(attrs, "network_interfaces", _template_interface))
    put(data, "TagSpecifications", shaped_blocks(attrs, "tag_specifications", _tag_specification))
    put(data, "UserData", get(attrs, "user_data"))
    props: dict[str, Any] = {"LaunchTemplateData": data}
    put(props, "LaunchTemplateName", name_or_prefix(attrs, "launch template"))
    return Mapped("AWS::EC2::LaunchTemplate", props)


@converts("aws_launch_configuration")
def launch_configuration(resource: TfResource) -> Mapped:
    """``aws_launch_configuration`` -> ``AWS::AutoScaling::LaunchConfiguration``."""
    attrs = resource.attributes
    props = renamed_given(
        attrs,
        {
            "image_id": "ImageId",
            "instance_type": "InstanceType",
            "key_name": "KeyName",
            "iam_instance_profile": "IamInstanceProfile",
            "associate_public_ip_address": "AssociatePublicIpAddress",
            "enable_monitoring": "InstanceMonitoring",
            "ebs_optimized": "EbsOptimized",
            "placement_tenancy": "PlacementTenancy",
        },
    )
    put(props, "SecurityGroups", id_list(get(attrs, "security_groups")))
    put(props, "MetadataOptions", metadata_options(attrs))
    put(props, "BlockDeviceMappings", block_devices(attrs))
    put(props, "UserData", _user_data(attrs))
    put(props, "LaunchConfigurationName", name_or_prefix(attrs, "launch configuration"))
    return Mapped("AWS::AutoScaling::LaunchConfiguration", props)


# -- volumes and key pairs ---------------------------------------------------------------------


def _volume_deletion(attributes: Any) -> str | None:
    """``Snapshot`` when destroying the volume takes a final snapshot, ``Delete`` when not.

    None when ``final_snapshot`` is not known: the check then takes CloudFormation's default.
    """
    final = get(attributes, "final_snapshot")
    if final is True:
        return "Snapshot"
    if final is ABSENT or final is False:
        return "Delete"
    return None


@converts("aws_ebs_volume")
def volume(resource: TfResource) -> Mapped:
    """``aws_ebs_volume`` -> ``AWS::EC2::Volume``."""
    attrs = resource.attributes
    props = renamed(
        attrs,
        {
            "availability_zone": "AvailabilityZone",
            "size": "Size",
            "encrypted": "Encrypted",
            "kms_key_id": "KmsKeyId",
            "type": "VolumeType",
            "iops": "Iops",
            "throughput": "Throughput",
            "snapshot_id": "SnapshotId",
            "multi_attach_enabled": "MultiAttachEnabled",
            "outpost_arn": "OutpostArn",
        },
    )
    put(props, "Tags", tag_list(resource))
    return Mapped("AWS::EC2::Volume", props, deletion_policy=_volume_deletion(attrs))


@converts("aws_key_pair")
def key_pair(resource: TfResource) -> Mapped:
    """``aws_key_pair`` -> ``AWS::EC2::KeyPair``, so an instance's ``key_name =
    aws_key_pair.x.key_name`` names a key pair of the configuration."""
    attrs = resource.attributes
    names = {"name": get(attrs, "key_name"), "name_prefix": get(attrs, "key_name_prefix")}
    props: dict[str, Any] = {}
    put(props, "KeyName", name_or_prefix(names, "key pair"))
    put(props, "PublicKeyMaterial", get(attrs, "public_key"))
    put(props, "Tags", tag_list(resource))
    return Mapped("AWS::EC2::KeyPair", props)
