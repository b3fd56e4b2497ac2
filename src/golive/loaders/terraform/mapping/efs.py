"""EFS file systems, mount targets, access points and backup policies.

``encrypted`` is not sent when unset and EFS then creates an unencrypted file system, as
it does for a template without ``Encrypted``: the property stays absent. Automatic backups
are a resource of their own in Terraform (``aws_efs_backup_policy``), folded into the file
system's ``BackupPolicy`` where ``backup.coverage`` reads it.
"""

from __future__ import annotations

from typing import Any

from golive.loaders.terraform.mapping import (
    Mapped,
    block,
    blocks,
    converts,
    get,
    merges,
    put,
    put_list,
    renamed,
    tag_list,
)
from golive.loaders.terraform.model import TfResource
from golive.values import ABSENT, Text, Unknown

_FILE_SYSTEM = {
    "encrypted": "Encrypted",
    "kms_key_id": "KmsKeyId",
    "performance_mode": "PerformanceMode",
    "throughput_mode": "ThroughputMode",
    "provisioned_throughput_in_mibps": "ProvisionedThroughputInMibps",
    "availability_zone_name": "AvailabilityZoneName",
}
_LIFECYCLE = {
    "transition_to_ia": "TransitionToIA",
    "transition_to_primary_storage_class": "TransitionToPrimaryStorageClass",
    "transition_to_archive": "TransitionToArchive",
}


@converts("aws_efs_file_system")
def file_system(resource: TfResource) -> Mapped:
    attributes = resource.attributes
    properties = renamed(attributes, _FILE_SYSTEM)
    policies = attributes.get("lifecycle_policy")
    if isinstance(policies, (Unknown, Text)):
        properties["LifecyclePolicies"] = Unknown(
            "the lifecycle policies are known only after apply"
        )
    elif blocks(attributes, "lifecycle_policy"):
        properties["LifecyclePolicies"] = [
            renamed(item, _LIFECYCLE) for item in blocks(attributes, "lifecycle_policy")
        ]
    protection = block(attributes, "protection")
    if protection is not None:
        properties["FileSystemProtection"] = renamed(
            protection, {"replication_overwrite": "ReplicationOverwriteProtection"}
        )
    put(properties, "FileSystemTags", tag_list(resource))
    return Mapped("AWS::EFS::FileSystem", properties)


@merges(
    "aws_efs_backup_policy", into="aws_efs_file_system", via="file_system_id", owner_keys=("id",)
)
def backup_policy(split: TfResource, owner: dict[str, Any]) -> None:
    """``backup_policy { status = "ENABLED" }`` as the file system's ``BackupPolicy``."""
    settings = block(split.attributes, "backup_policy")
    status: Any = ABSENT if settings is None else get(settings, "status")
    if isinstance(split.attributes.get("backup_policy"), (Unknown, Text)):
        status = Unknown("the backup policy is known only after apply")
    if status is not ABSENT:
        owner["BackupPolicy"] = {"Status": status}


@converts("aws_efs_mount_target")
def mount_target(resource: TfResource) -> Mapped:
    attributes = resource.attributes
    properties = renamed(
        attributes,
        {"file_system_id": "FileSystemId", "subnet_id": "SubnetId", "ip_address": "IpAddress"},
    )
    put_list(properties, "SecurityGroups", get(attributes, "security_groups"))
    return Mapped("AWS::EFS::MountTarget", properties)


@converts("aws_efs_access_point")
def access_point(resource: TfResource) -> Mapped:
    """An access point: the POSIX identity it imposes and the directory it exposes."""
    attributes = resource.attributes
    properties = renamed(attributes, {"file_system_id": "FileSystemId"})
    user = block(attributes, "posix_user")
    if user is not None:
        properties["PosixUser"] = renamed(
            user, {"uid": "Uid", "gid": "Gid", "secondary_gids": "SecondaryGids"}
        )
    root = block(attributes, "root_directory")
    if root is not None:
        directory = renamed(root, {"path": "Path"})
        creation = block(root, "creation_info")
        if creation is not None:
            directory["CreationInfo"] = renamed(
                creation,
                {"owner_uid": "OwnerUid", "owner_gid": "OwnerGid", "permissions": "Permissions"},
            )
        properties["RootDirectory"] = directory
    put(properties, "AccessPointTags", tag_list(resource))
    return Mapped("AWS::EFS::AccessPoint", properties)
