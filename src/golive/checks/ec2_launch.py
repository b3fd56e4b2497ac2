"""What an EC2 launch specification says, whichever resource holds it.

Instances, launch templates and Auto Scaling launch configurations describe the same
things (instance type, key pair, metadata options, volumes, network interfaces) under
different property paths. An instance may also take any of them from a launch template
of the stack. ``setting`` answers for all three, so each EC2 check is written once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from golive.checks.name_index import named_candidates, property_values
from golive.checks.resource_policy import signature
from golive.context import Context, Value
from golive.model import Resource
from golive.values import Reference, node_at

INSTANCE = "AWS::EC2::Instance"
LAUNCH_TEMPLATE = "AWS::EC2::LaunchTemplate"
LAUNCH_CONFIGURATION = "AWS::AutoScaling::LaunchConfiguration"
SUBNET = "AWS::EC2::Subnet"

_DATA = "LaunchTemplateData."
#: Where each setting lives, per resource type.
_PATHS: dict[str, dict[str, str]] = {
    INSTANCE: {
        "InstanceType": "InstanceType",
        "KeyName": "KeyName",
        "HttpTokens": "MetadataOptions.HttpTokens",
        "HttpEndpoint": "MetadataOptions.HttpEndpoint",
        "Monitoring": "Monitoring",
        "BlockDeviceMappings": "BlockDeviceMappings",
        "NetworkInterfaces": "NetworkInterfaces",
    },
    LAUNCH_TEMPLATE: {
        "InstanceType": _DATA + "InstanceType",
        "KeyName": _DATA + "KeyName",
        "HttpTokens": _DATA + "MetadataOptions.HttpTokens",
        "HttpEndpoint": _DATA + "MetadataOptions.HttpEndpoint",
        "Monitoring": _DATA + "Monitoring.Enabled",
        "BlockDeviceMappings": _DATA + "BlockDeviceMappings",
        "NetworkInterfaces": _DATA + "NetworkInterfaces",
    },
    LAUNCH_CONFIGURATION: {
        "InstanceType": "InstanceType",
        "KeyName": "KeyName",
        "HttpTokens": "MetadataOptions.HttpTokens",
        "HttpEndpoint": "MetadataOptions.HttpEndpoint",
        "Monitoring": "InstanceMonitoring",
        "BlockDeviceMappings": "BlockDeviceMappings",
        "AssociatePublicIpAddress": "AssociatePublicIpAddress",
    },
}


def path(resource: Resource, setting: str) -> str | None:
    """The property path of ``setting`` on ``resource``; None when the type has no such setting."""
    return _PATHS.get(resource.type, {}).get(setting)


def launch_template(instance: Resource, ctx: Context) -> Resource | str | None:
    """The stack's launch template ``instance`` launches from, or why it is not known.

    None when the instance names no launch template; a string (the reason) when it names
    one golive cannot find in this template.
    """
    spec = ctx.value(instance, "LaunchTemplate")
    if spec.absent:
        return None
    if spec.unknown or not isinstance(spec.value, dict):
        return f"its launch template is not known ({spec.reason or 'unreadable'})"
    ident = spec.value.get("LaunchTemplateId")
    if isinstance(ident, Reference):
        found = ctx.resource(ident)
        if found is not None and found.type == LAUNCH_TEMPLATE:
            return found
    name = spec.value.get("LaunchTemplateName")
    if isinstance(name, Reference):
        found = ctx.resource(name)
        if found is not None and found.type == LAUNCH_TEMPLATE:
            return found
    if isinstance(name, str):
        for candidate in _named(instance, ctx, name):
            if ctx.value(candidate, "LaunchTemplateName").value == name:
                return candidate
    named = ident if ident is not None else name
    label = named if isinstance(named, str) else "a launch template"
    return f"it launches from {label}, defined outside this template"


def _named(instance: Resource, ctx: Context, name: str) -> list[Resource]:
    """Launch templates that may be called ``name``, in template order.

    Every EC2 check asks this for every instance; reading the name of every launch
    template each time made them quadratic, so the per-stack name index narrows the
    templates to those that may be called ``name``; the caller still reads each one.
    """
    names = property_values("LaunchTemplateName")
    return named_candidates(instance, ctx, name, (LAUNCH_TEMPLATE,), names, signature)


@dataclass(frozen=True)
class Setting:
    """A launch setting: its value, the resource and path it was read from, where to point."""

    value: Value
    source: Resource
    path: str
    at: str

    @property
    def inherited(self) -> bool:
        """Read from the launch template an instance launches from."""
        return self.at == "LaunchTemplate"

    def raw(self) -> Any:
        """The value as written, before resolution (None when absent)."""
        return node_at(self.source.properties, *self.path.split("."))


def setting(resource: Resource, ctx: Context, name: str) -> Setting:
    """The value of ``name`` for ``resource``, and where it was read.

    An instance's own property wins; where it is absent and the instance launches from a
    launch template, the template's value counts (unknown when the template is outside).
    """
    own = path(resource, name) or name
    value = ctx.value(resource, own) if path(resource, name) else Value(absent=True)
    if not value.absent or resource.type != INSTANCE:
        return Setting(value, resource, own, own)
    template = launch_template(resource, ctx)
    if template is None:
        return Setting(value, resource, own, own)
    if isinstance(template, str):
        return Setting(
            Value(reason=f"{own} is not set here and {template}"), resource, own, "LaunchTemplate"
        )
    inherited = path(template, name) or name
    return Setting(ctx.value(template, inherited), template, inherited, "LaunchTemplate")


def describe(resource: Resource) -> str:
    """How a reason names the kind of resource: 'instance', 'launch template', ..."""
    return {
        INSTANCE: "instance",
        LAUNCH_TEMPLATE: "launch template",
        LAUNCH_CONFIGURATION: "launch configuration",
    }.get(resource.type, resource.type)
