"""Checks on EC2 instances, launch templates, launch configurations and EBS volumes.

Catalogue: ``catalog/ec2.yaml``. Instance settings are read through ``ec2_launch.setting``,
so an instance that takes them from a launch template of the stack is judged on those.
"""

from __future__ import annotations

import re
from typing import Any

from golive.checks.base import Verdict, check, failed, not_applicable, passed, unknown
from golive.checks.ec2_launch import (
    INSTANCE,
    LAUNCH_CONFIGURATION,
    Setting,
    describe,
    setting,
)
from golive.checks.resource_policy import doubt
from golive.context import Context
from golive.model import Resource
from golive.values import is_true

VOLUME = "AWS::EC2::Volume"
#: NOTE: EC2 launches m1.small when an instance names no type (RunInstances API reference).
DEFAULT_INSTANCE_TYPE = "m1.small"
_TYPE = re.compile(r"^(?P<family>[a-z]+)(?P<generation>\d+)(?P<options>[a-z-]*)\.")
#: Families whose x86 types have a Graviton counterpart (t4g, m7g, c7g, r7g, x2gd, i4g).
_GRAVITON_COUNTERPARTS = frozenset({"t", "m", "c", "r", "x", "i"})


def _source(found: Setting) -> str:
    return f" (from launch template {found.source.logical_id})" if found.inherited else ""


def _ebs_mappings(found: Setting) -> list[tuple[str, dict[str, Any]]]:
    """(device name, Ebs block) of each mapping that creates an EBS volume."""
    mappings = found.value.value if found.value.known else []
    result = []
    for mapping in mappings if isinstance(mappings, list) else []:
        if isinstance(mapping, dict) and isinstance(mapping.get("Ebs"), dict):
            device = mapping.get("DeviceName")
            result.append((device if isinstance(device, str) else "?", mapping["Ebs"]))
    return result


def _declared_volumes(
    resource: Resource, ctx: Context, root: str
) -> tuple[Setting, list[tuple[str, dict[str, Any]]]] | Verdict:
    """The block device mappings and the EBS volumes they create, or UNKNOWN when they are
    not known or create none (``root`` says what then decides about the root volume)."""
    found = setting(resource, ctx, "BlockDeviceMappings")
    if found.value.unknown:
        return unknown(f"the block device mappings are not known: {found.value.reason}", found.at)
    volumes = _ebs_mappings(found)
    if not volumes:
        return unknown(f"the {describe(resource)} declares no EBS volume: {root}", found.at)
    return found, volumes


@check("ec2.ebs-encryption")
def ebs_encryption(resource: Resource, ctx: Context) -> Verdict:
    if resource.type == VOLUME:
        return _volume_encryption(resource, ctx)
    declared = _declared_volumes(
        resource,
        ctx,
        "the root volume is encrypted only if the AMI's snapshot is or the account encrypts "
        "new volumes by default",
    )
    if isinstance(declared, Verdict):
        return declared
    found, volumes = declared
    plain, open_ = [], []
    for device, ebs in volumes:
        encrypted = ebs.get("Encrypted")
        if is_true(encrypted):
            continue
        if doubt(encrypted):
            open_.append(f"{device} ({doubt(encrypted)})")
        elif encrypted is None and ebs.get("SnapshotId") is not None:
            open_.append(f"{device} (restored from a snapshot, whose encryption it keeps)")
        else:
            plain.append(device)
    if plain:
        return failed(
            f"EBS volume{'s' if len(plain) > 1 else ''} {', '.join(plain)}{_source(found)} "
            "not encrypted (Encrypted is not true): data at rest is readable unless the "
            "account encrypts new volumes by default",
            found.at,
        )
    if open_:
        return unknown("encryption not known for " + "; ".join(open_), found.at)
    return passed(f"all {len(volumes)} EBS volumes encrypted{_source(found)}", found.at)


def _volume_encryption(volume: Resource, ctx: Context) -> Verdict:
    encrypted = ctx.value(volume, "Encrypted")
    if encrypted.unknown:
        return unknown(f"Encrypted is not known: {encrypted.reason}", "Encrypted")
    if encrypted.known and is_true(encrypted.value):
        key = "a customer-managed key" if not ctx.value(volume, "KmsKeyId").absent else "aws/ebs"
        return passed(f"encrypted with {key}", "Encrypted")
    if encrypted.absent:
        for origin in ("SnapshotId", "SourceVolumeId"):
            if not ctx.value(volume, origin).absent:
                return unknown(
                    f"created from {origin}: the volume keeps its source's encryption, "
                    "which this template does not show",
                    "Encrypted",
                )
    return failed(
        "not encrypted (Encrypted is not true): data at rest and its snapshots are readable "
        "unless the account encrypts new volumes by default",
        "Encrypted",
    )


@check("ec2.ebs-gp3")
def ebs_gp3(resource: Resource, ctx: Context) -> Verdict:
    if resource.type == VOLUME:
        kind = ctx.value(resource, "VolumeType")
        if kind.unknown:
            return unknown(f"VolumeType is not known: {kind.reason}", "VolumeType")
        if kind.absent:
            return failed("no VolumeType: CloudFormation creates gp2, not gp3", "VolumeType")
        if str(kind.value).lower() in ("gp2", "standard"):
            return failed(f"VolumeType {kind.value}: gp3 costs less per GB", "VolumeType")
        return passed(f"VolumeType {kind.value}", "VolumeType")
    declared = _declared_volumes(resource, ctx, "the root volume's type comes from the AMI")
    if isinstance(declared, Verdict):
        return declared
    found, volumes = declared
    old = [f"{d} ({e['VolumeType']})" for d, e in volumes if _legacy(e.get("VolumeType"))]
    if old:
        return failed(f"{', '.join(old)}{_source(found)}: gp3 costs less per GB", found.at)
    unset = [d for d, e in volumes if e.get("VolumeType") is None or doubt(e.get("VolumeType"))]
    if unset:
        return unknown(
            f"no known VolumeType for {', '.join(unset)}: the type follows the AMI's "
            "mapping or EC2's default (gp2)",
            found.at,
        )
    return passed(f"no gp2 or magnetic volume{_source(found)}", found.at)


def _legacy(kind: Any) -> bool:
    return isinstance(kind, str) and kind.lower() in ("gp2", "standard")


@check("ec2.imdsv2")
def imdsv2(resource: Resource, ctx: Context) -> Verdict:
    endpoint = setting(resource, ctx, "HttpEndpoint")
    if endpoint.value.known and str(endpoint.value.value).lower() == "disabled":
        return passed(f"instance metadata service turned off{_source(endpoint)}", endpoint.at)
    tokens = setting(resource, ctx, "HttpTokens")
    if tokens.value.unknown:
        return unknown(f"HttpTokens is not known: {tokens.value.reason}", tokens.at)
    if tokens.value.absent:
        return failed(
            "MetadataOptions.HttpTokens not set: IMDSv1 stays available unless the AMI or "
            "the account default requires tokens",
            tokens.at,
        )
    if str(tokens.value.value).lower() != "required":
        return failed(
            f"HttpTokens is {tokens.value.value}{_source(tokens)}: IMDSv1 answers "
            "unauthenticated requests, the path SSRF attacks use to steal role credentials",
            tokens.at,
        )
    return passed(f"IMDSv2 required{_source(tokens)}", tokens.at)


def _instance_type(resource: Resource, ctx: Context) -> tuple[str | None, Verdict | None, str]:
    """The instance type, or the verdict to give when there is none to judge."""
    found = setting(resource, ctx, "InstanceType")
    if found.value.unknown:
        return None, unknown(f"the instance type is not known: {found.value.reason}", found.at), ""
    if found.value.absent:
        if resource.type == INSTANCE:
            return DEFAULT_INSTANCE_TYPE, None, " (no InstanceType: EC2's default)"
        return (
            None,
            not_applicable(
                "the launch template names no instance type; whatever launches from it chooses one"
            ),
            "",
        )
    value = found.value.value
    if not isinstance(value, str):
        return None, unknown(f"InstanceType {value!r} is not a literal type", found.at), ""
    return value.lower(), None, _source(found)


@check("ec2.current-generation")
def current_generation(resource: Resource, ctx: Context) -> Verdict:
    kind, verdict, where = _instance_type(resource, ctx)
    if verdict is not None:
        return verdict
    assert kind is not None
    family = kind.split(".", 1)[0]
    if family in ctx.option("previous_generation_families"):
        return failed(
            f"{kind}{where} is a previous-generation type: a current one gives more "
            "performance for the money",
            "InstanceType",
        )
    return passed(f"{kind}{where} is a current-generation type", "InstanceType")


@check("ec2.graviton")
def graviton(resource: Resource, ctx: Context) -> Verdict:
    kind, verdict, where = _instance_type(resource, ctx)
    if verdict is not None:
        return verdict
    assert kind is not None
    parsed = _TYPE.match(kind)
    if parsed is None:
        return not_applicable(f"{kind} has no Graviton counterpart")
    family, options = parsed.group("family"), parsed.group("options")
    if "g" in options or family == "a":
        return passed(f"{kind}{where} runs on Graviton (arm64)", "InstanceType")
    if family not in _GRAVITON_COUNTERPARTS:
        return not_applicable(
            f"{kind} is a specialised family (accelerators, dense storage, high memory) "
            "without a Graviton counterpart"
        )
    return failed(
        f"{kind}{where} is x86: the Graviton type of the same family costs less and uses "
        "less energy for most Linux workloads",
        "InstanceType",
    )


@check("ec2.detailed-monitoring")
def detailed_monitoring(resource: Resource, ctx: Context) -> Verdict:
    if not ctx.option("required"):
        return not_applicable(
            f"detailed monitoring is not asked for under the {ctx.profile.value} profile"
        )
    found = setting(resource, ctx, "Monitoring")
    if found.value.unknown:
        return unknown(f"monitoring is not known: {found.value.reason}", found.at)
    if found.value.absent and resource.type == LAUNCH_CONFIGURATION:
        # NOTE: InstanceMonitoring defaults to true (AWS::AutoScaling::LaunchConfiguration).
        return passed("detailed monitoring on (the launch configuration default)", found.at)
    if found.value.known and is_true(found.value.value):
        return passed(f"one-minute detailed monitoring{_source(found)}", found.at)
    return failed(
        "basic monitoring only: metrics every five minutes, too coarse to alarm or scale "
        "on quickly",
        found.at,
    )


@check("ec2.no-key-pair")
def no_key_pair(resource: Resource, ctx: Context) -> Verdict:
    found = setting(resource, ctx, "KeyName")
    if found.value.absent or found.value.value == "":
        return passed(f"no SSH key pair{_source(found)}", found.at)
    if found.value.unknown:
        parameter = _key_pair_parameter(found, ctx)
        if parameter:
            return failed(
                f"logs in with the key pair of parameter {parameter}: keys are shared, "
                "rarely rotated and bypass IAM",
                found.at,
            )
        return unknown(f"the key pair is not known: {found.value.reason}", found.at)
    return failed(
        f"key pair {found.value.value}{_source(found)}: keys are shared, rarely rotated and "
        "bypass IAM; use Session Manager",
        found.at,
    )


def _key_pair_parameter(found: Setting, ctx: Context) -> str | None:
    """The parameter the key comes from when its type insists on an existing key pair."""
    raw = found.raw()
    name = raw.get("Ref") if isinstance(raw, dict) and len(raw) == 1 else None
    definition = ctx.resolver.stack.parameters.get(name) if isinstance(name, str) else None
    if isinstance(definition, dict) and definition.get("Type") == "AWS::EC2::KeyPair::KeyName":
        return str(name)
    return None
