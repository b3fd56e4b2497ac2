"""ECS task definitions, and their container definitions as CloudFormation spells them.

``container_definitions`` is the ECS API's JSON (camelCase keys), given as JSON text, as a
heredoc with ``${...}`` interpolations, or as ``jsonencode``'s list (plans give JSON text).
It becomes CloudFormation's ``ContainerDefinitions`` list: keys capitalised (the ECS API's
names are CloudFormation's with a lower-case first letter), values as written, and the
keys of free-form maps (``logConfiguration.options``, ``dockerLabels``) as written too.
The provider matches JSON keys without regard to case, so keys already capitalised stay.
Interpolated parts of a heredoc come back as references or unknowns inside the values
they were written in; text that is not valid JSON makes the definitions unknown.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from golive.json_text import json_filled, json_source
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
)
from golive.loaders.terraform.mapping.containers import placement_constraints
from golive.loaders.terraform.model import TfResource
from golive.values import ABSENT, Text, Unknown

# -- task definitions ------------------------------------------------------------------------

#: ECS API keys whose value is a free-form map: its keys are data, not property names.
_FREE_MAPS = frozenset({"options", "dockerlabels", "driveropts", "labels"})


def _pascal_keys(node: Any) -> Any:
    """ECS API camelCase keys as CloudFormation's PascalCase, values untouched."""
    if isinstance(node, list):
        return [_pascal_keys(item) for item in node]
    if isinstance(node, dict):
        return {
            (key[:1].upper() + key[1:] if isinstance(key, str) else key): (
                value if str(key).lower() in _FREE_MAPS else _pascal_keys(value)
            )
            for key, value in node.items()
        }
    return node


def _parse_text(text: Text) -> Any:
    """A heredoc of JSON with ``${...}`` parts: parsed, the parts kept in the values.

    A part outside a JSON string (``"memory": ${var.memory}``) is the whole value.
    """
    source, holes = json_source(text, bare=True)
    try:
        # strict=False: control characters inside strings (a tab typed into the heredoc)
        # are read as written.
        data = json.loads(source, strict=False)
    except ValueError:
        return Unknown("the container definitions are not valid JSON")
    return json_filled(data, holes)


def container_definitions(value: Any) -> Any:
    """``container_definitions`` as CloudFormation's ``ContainerDefinitions``."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return Unknown("the container definitions are not valid JSON")
    elif isinstance(value, Text):
        value = _parse_text(value)
    if isinstance(value, dict):
        value = [value]
    return _pascal_keys(value) if isinstance(value, list) else value


def _volume(item: Mapping[str, Any]) -> dict[str, Any]:
    volume = renamed(item, {"name": "Name", "configure_at_launch": "ConfiguredAtLaunch"})
    put(volume, "Host", {"SourcePath": item["host_path"]} if get(item, "host_path") else None)
    efs = block(item, "efs_volume_configuration")
    if efs is not None:
        config = renamed(
            efs,
            {
                "file_system_id": "FilesystemId",
                "root_directory": "RootDirectory",
                "transit_encryption": "TransitEncryption",
                "transit_encryption_port": "TransitEncryptionPort",
            },
        )
        authorization = renamed(
            block(efs, "authorization_config"), {"access_point_id": "AccessPointId", "iam": "IAM"}
        )
        put_nonempty(config, "AuthorizationConfig", authorization)
        volume["EFSVolumeConfiguration"] = config
    docker = block(item, "docker_volume_configuration")
    if docker is not None:
        volume["DockerVolumeConfiguration"] = renamed(
            docker,
            {
                "scope": "Scope",
                "autoprovision": "Autoprovision",
                "driver": "Driver",
                "driver_opts": "DriverOpts",
                "labels": "Labels",
            },
        )
    fsx = block(item, "fsx_windows_file_server_volume_configuration")
    if fsx is not None:
        config = renamed(fsx, {"file_system_id": "FileSystemId", "root_directory": "RootDirectory"})
        authorization = renamed(
            block(fsx, "authorization_config"),
            {"credentials_parameter": "CredentialsParameter", "domain": "Domain"},
        )
        put_nonempty(config, "AuthorizationConfig", authorization)
        volume["FSxWindowsFileServerVolumeConfiguration"] = config
    return volume


def _proxy(attributes: Mapping[str, Any]) -> dict[str, Any] | None:
    proxy = block(attributes, "proxy_configuration")
    if proxy is None:
        return None
    found = renamed(proxy, {"type": "Type", "container_name": "ContainerName"})
    settings = get(proxy, "properties")
    if isinstance(settings, dict):
        found["ProxyConfigurationProperties"] = [
            {"Name": key, "Value": value} for key, value in settings.items()
        ]
    else:
        put(found, "ProxyConfigurationProperties", settings)
    return found


@converts("aws_ecs_task_definition")
def task_definition(resource: TfResource) -> Mapped:
    """A task definition; see the module docstring for ``container_definitions``."""
    attributes = resource.attributes
    properties = renamed(
        attributes,
        {
            "family": "Family",
            "cpu": "Cpu",
            "memory": "Memory",
            "network_mode": "NetworkMode",
            "requires_compatibilities": "RequiresCompatibilities",
            "execution_role_arn": "ExecutionRoleArn",
            "task_role_arn": "TaskRoleArn",
            "pid_mode": "PidMode",
            "ipc_mode": "IpcMode",
            "enable_fault_injection": "EnableFaultInjection",
        },
    )
    definitions = get(attributes, "container_definitions")
    if definitions is not ABSENT:
        properties["ContainerDefinitions"] = container_definitions(definitions)
    put_nonempty(
        properties,
        "RuntimePlatform",
        renamed(
            block(attributes, "runtime_platform"),
            {
                "operating_system_family": "OperatingSystemFamily",
                "cpu_architecture": "CpuArchitecture",
            },
        ),
    )
    volumes = attributes.get("volume")
    if isinstance(volumes, (Unknown, Text)):
        properties["Volumes"] = volumes
    else:
        put_nonempty(
            properties, "Volumes", [_volume(item) for item in blocks(attributes, "volume")]
        )
    put_nonempty(
        properties,
        "EphemeralStorage",
        renamed(block(attributes, "ephemeral_storage"), {"size_in_gib": "SizeInGiB"}),
    )
    put_nonempty(properties, "PlacementConstraints", placement_constraints(attributes))
    put_nonempty(
        properties,
        "InferenceAccelerators",
        renamed_blocks(
            attributes,
            "inference_accelerator",
            {"device_name": "DeviceName", "device_type": "DeviceType"},
        ),
    )
    put(properties, "ProxyConfiguration", _proxy(attributes))
    put(properties, "Tags", tag_list(resource))
    return Mapped("AWS::ECS::TaskDefinition", properties)
