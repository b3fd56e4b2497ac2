"""Checks on CloudFront distributions (catalogue: ``catalog/cloudfront.yaml``)."""

from __future__ import annotations

import re
from typing import Any

from golive.checks.base import Verdict, check, failed, not_applicable, passed, unknown
from golive.checks.resource_policy import dig, doubt, listed, resolved, signature
from golive.checks.s3 import BUCKET
from golive.context import Context
from golive.model import Resource
from golive.values import ABSENT, Reference, Text, Unknown, is_true


def _group_ids(groups: Any) -> set[str]:
    items = groups.get("Items") if isinstance(groups, dict) else None
    return {g["Id"] for g in items or [] if isinstance(g, dict) and isinstance(g.get("Id"), str)}


@check("cloudfront.origin-failover")
def origin_failover(distribution: Resource, ctx: Context) -> Verdict:
    groups = ctx.value(distribution, "DistributionConfig.OriginGroups")
    if groups.unknown:
        return unknown(
            f"origin groups are not known: {groups.reason}", "DistributionConfig.OriginGroups"
        )
    ids = _group_ids(groups.value) if groups.known else set()
    if not ids:
        return failed(
            "no origin group: when the origin fails, viewers get errors",
            "DistributionConfig.OriginGroups",
        )
    default = ctx.value(distribution, "DistributionConfig.DefaultCacheBehavior.TargetOriginId")
    behaviors = ctx.value(distribution, "DistributionConfig.CacheBehaviors")
    targets = [default.value] if default.known else []
    if behaviors.known and isinstance(behaviors.value, list):
        targets += [b.get("TargetOriginId") for b in behaviors.value if isinstance(b, dict)]
    if not ids.intersection(t for t in targets if isinstance(t, str)):
        if default.unknown:
            return unknown(f"the default behaviour's origin is not known: {default.reason}")
        open_target = next((t for t in targets if isinstance(t, (Unknown, Text))), None)
        if open_target is not None:
            return unknown(f"a cache behavior's origin is not known: {open_target.reason}")
        return failed(
            f"origin group {', '.join(sorted(ids))} is defined but no cache behavior routes to it",
            "DistributionConfig.DefaultCacheBehavior.TargetOriginId",
        )
    return passed(f"fails over through origin group {', '.join(sorted(ids))}")


@check("cloudfront.geo-restriction")
def geo_restriction(distribution: Resource, ctx: Context) -> Verdict:
    declared = (
        distribution.metadata.get("golive") if isinstance(distribution.metadata, dict) else None
    )
    if ctx.settings.global_audience or (
        isinstance(declared, dict) and declared.get("audience") == "global"
    ):
        return not_applicable(
            "declared as serving a global audience "
            "(global-audience setting or Metadata golive.audience: global)"
        )
    path = "DistributionConfig.Restrictions.GeoRestriction.RestrictionType"
    kind = ctx.value(distribution, path)
    if kind.unknown:
        return unknown(f"the restriction type is not known: {kind.reason}", path)
    if kind.absent or kind.value == "none":
        return failed("no geo restriction: content is served to every country", path)
    locations = ctx.value(distribution, "DistributionConfig.Restrictions.GeoRestriction.Locations")
    count = len(locations.value) if locations.known and isinstance(locations.value, list) else 0
    return passed(f"{kind.value} of {count} countries")


# --- origins and behaviors ---------------------------------------------------------------------

_S3_REST = re.compile(r"\.s3[.-]([a-z0-9-]+\.)*amazonaws\.com(\.cn)?$")
_S3_DOMAIN_ATTRIBUTES = ("DomainName", "RegionalDomainName", "DualStackDomainName")


def _given(value: Any) -> bool | None:
    """Whether an id or name is set: False when absent or empty, None when not known."""
    if value is ABSENT or value == "":
        return False
    if isinstance(value, Unknown):
        return None
    if isinstance(value, Text):
        known = value.literal("") or any(isinstance(p, Reference) for p in value.parts)
        return True if known else None
    return True


def _label(value: Any) -> str:
    """An origin id as a reader recognises it, with unknown parts as ``*``."""
    parts = value.parts if isinstance(value, Text) else (value,)
    return "".join(
        p if isinstance(p, str) else f"${{{p.logical_id}}}" if isinstance(p, Reference) else "*"
        for p in parts
    )


def _config(distribution: Resource, ctx: Context) -> Any:
    """The resolved DistributionConfig."""
    return resolved(distribution, ctx, "DistributionConfig")


def _origin_kind(origin: Any, ctx: Context) -> str:
    """``website`` (S3 website endpoint), ``s3`` (REST endpoint), ``custom`` or ``none``."""
    domain = dig(origin, "DomainName")
    text = domain.literal("*") if isinstance(domain, Text) else domain
    if isinstance(text, str) and "s3-website" in text.lower():
        return "website"
    target = ctx.resource(domain)
    if (
        target is not None
        and target.type == BUCKET
        and isinstance(domain, Reference)
        and domain.attribute in _S3_DOMAIN_ATTRIBUTES
    ):
        return "s3"
    if dig(origin, "S3OriginConfig") is not ABSENT:
        return "s3"
    if isinstance(text, str) and _S3_REST.search(text.lower().rstrip("/")):
        return "s3"
    return "custom" if dig(origin, "CustomOriginConfig") is not ABSENT else "none"


def _origins(distribution: Resource, ctx: Context) -> list[Any] | str:
    """The resolved origins, or why they are not known."""
    origins = dig(_config(distribution, ctx), "Origins")
    if doubt(origins):
        return f"the origins are not known: {doubt(origins)}"
    return [o for o in listed(origins) if isinstance(o, dict)]


def _behaviors(distribution: Resource, ctx: Context) -> tuple[list[tuple[str, Any]], str | None]:
    """(path pattern, behavior) for the default and every cache behavior, and a doubt."""
    config = _config(distribution, ctx)
    found = [("the default behavior", dig(config, "DefaultCacheBehavior"))]
    more = dig(config, "CacheBehaviors")
    if doubt(more):
        return found, f"the cache behaviors are not known: {doubt(more)}"
    for behavior in listed(more):
        if isinstance(behavior, dict):
            found.append((str(dig(behavior, "PathPattern")), behavior))
    return found, None


def _targets(distribution: Resource, ctx: Context, behavior: Any) -> set[str]:
    """The origin ids a behavior reaches (through an origin group when it names one).

    Ids are compared as signatures, so ``!Sub "${AWS::StackName}-origin"`` matches itself.
    """
    target = signature(dig(behavior, "TargetOriginId"))
    groups = dig(_config(distribution, ctx), "OriginGroups", "Items")
    for group in listed(groups):
        if isinstance(group, dict) and signature(dig(group, "Id")) == target:
            members = dig(group, "Members", "Items")
            ids = {signature(dig(m, "OriginId")) for m in listed(members) if isinstance(m, dict)}
            return {i for i in ids if i is not None}
    return {target} if target is not None else set()


@check("cloudfront.viewer-https")
def viewer_https(distribution: Resource, ctx: Context) -> Verdict:
    behaviors, reason = _behaviors(distribution, ctx)
    policies = [(name, dig(b, "ViewerProtocolPolicy")) for name, b in behaviors]
    plain = [name for name, policy in policies if policy == "allow-all"]
    if plain:
        return failed(
            f"ViewerProtocolPolicy allow-all on {', '.join(plain[:3])}: viewers can use plain HTTP",
            "DistributionConfig.DefaultCacheBehavior.ViewerProtocolPolicy",
        )
    unsure = next((p for _, p in policies if doubt(p)), None)
    if reason or unsure is not None:
        return unknown(reason or f"a viewer protocol policy is not known: {doubt(unsure)}")
    return passed("every cache behavior redirects to or requires HTTPS")


@check("cloudfront.tls-version")
def tls_version(distribution: Resource, ctx: Context) -> Verdict:
    path = "DistributionConfig.ViewerCertificate"
    certificate = dig(_config(distribution, ctx), "ViewerCertificate")
    default = dig(certificate, "CloudFrontDefaultCertificate")
    if doubt(certificate) or doubt(default):
        return unknown(
            f"the certificate is not known: {doubt(certificate) or doubt(default)}", path
        )
    if certificate is ABSENT or is_true(default):
        return failed(
            "the default *.cloudfront.net certificate: CloudFront then accepts TLSv1 and the "
            "minimum cannot be raised; use your own certificate",
            path,
        )
    version = dig(certificate, "MinimumProtocolVersion")
    if doubt(version):
        return unknown(f"the minimum protocol version is not known: {doubt(version)}", path)
    if version is ABSENT:
        return failed("no MinimumProtocolVersion: CloudFront defaults to TLSv1", path)
    if str(version).startswith(("TLSv1.2_", "TLSv1.3_")):
        older = str(version) in ("TLSv1.2_2018", "TLSv1.2_2019")
        note = " (TLSv1.2_2021 also drops older ciphers)" if older else ""
        return passed(f"minimum protocol {version}{note}", path)
    return failed(f"minimum protocol {version} lets viewers connect below TLS 1.2", path)


@check("cloudfront.waf")
def waf(distribution: Resource, ctx: Context) -> Verdict:
    acl = dig(_config(distribution, ctx), "WebACLId")
    path = "DistributionConfig.WebACLId"
    if _given(acl) is None:
        return unknown(f"the web ACL is not known: {doubt(acl)}", path)
    if not _given(acl):
        return failed("no WebACLId: requests reach the origins without WAF filtering", path)
    name = f" {acl.logical_id}" if isinstance(acl, Reference) else ""
    return passed(f"protected by web ACL{name}", path)


@check("cloudfront.access-logging")
def access_logging(distribution: Resource, ctx: Context) -> Verdict:
    path = "DistributionConfig.Logging"
    bucket = dig(_config(distribution, ctx), "Logging", "Bucket")
    if _given(bucket) is None:
        return unknown(f"the log bucket is not known: {doubt(bucket)}", path)
    if _given(bucket):
        return passed("standard logs delivered to S3", path)
    for source in ctx.referrers(distribution, "AWS::Logs::DeliverySource"):
        if resolved(source, ctx, "LogType") == "ACCESS_LOGS":
            return passed(f"access logs delivered through delivery source {source.logical_id}")
    return failed("no access logging: requests leave no record to investigate", path)


@check("cloudfront.origin-access")
def origin_access(distribution: Resource, ctx: Context) -> Verdict:
    origins = _origins(distribution, ctx)
    if isinstance(origins, str):
        return unknown(origins, "DistributionConfig.Origins")
    problems, unsure, buckets = [], None, 0
    for origin in origins:
        name, kind = _label(dig(origin, "Id")), _origin_kind(origin, ctx)
        if kind == "website":
            problems.append(
                f"origin {name} is an S3 website endpoint, which only a public bucket serves"
            )
            continue
        if kind != "s3":
            continue
        buckets += 1
        control = dig(origin, "OriginAccessControlId")
        identity = dig(origin, "S3OriginConfig", "OriginAccessIdentity")
        if _given(control):
            continue
        if _given(control) is None or (_given(identity) is None):
            unsure = unsure or doubt(control) or doubt(identity)
        elif _given(identity):
            problems.append(
                f"origin {name} uses a legacy origin access identity, which cannot read "
                "SSE-KMS objects; move to origin access control"
            )
        else:
            problems.append(
                f"origin {name} reads the bucket anonymously, so the bucket must be public"
            )
    if problems:
        return failed("; ".join(problems[:2]), "DistributionConfig.Origins")
    if unsure:
        return unknown(f"the origin access is not known: {unsure}", "DistributionConfig.Origins")
    if not buckets:
        return not_applicable("no S3 origin")
    return passed("S3 origins reached through origin access control")


@check("cloudfront.default-root-object")
def default_root_object(distribution: Resource, ctx: Context) -> Verdict:
    origins = _origins(distribution, ctx)
    if isinstance(origins, str):
        return unknown(origins, "DistributionConfig.Origins")
    behavior = dig(_config(distribution, ctx), "DefaultCacheBehavior")
    ids = _targets(distribution, ctx, behavior)
    kinds = {_origin_kind(o, ctx) for o in origins if signature(dig(o, "Id")) in ids}
    if not kinds:
        target = dig(behavior, "TargetOriginId")
        why = doubt(target) or f"{_label(target)} names none of the origins"
        return unknown(f"the default behavior's origin is not known: {why}")
    if "s3" not in kinds:
        what = (
            "an S3 website endpoint, which serves its own index document"
            if "website" in kinds
            else "a custom origin, which answers requests for / itself"
        )
        return not_applicable(f"the default behavior goes to {what}")
    path = "DistributionConfig.DefaultRootObject"
    root = dig(_config(distribution, ctx), "DefaultRootObject")
    if doubt(root):
        return unknown(f"the default root object is not known: {doubt(root)}", path)
    if root in (ABSENT, ""):
        return failed("no DefaultRootObject: a request for / goes to the bucket itself", path)
    return passed(f"serves {root} for /", path)


@check("cloudfront.origin-https")
def origin_https(distribution: Resource, ctx: Context) -> Verdict:
    origins = _origins(distribution, ctx)
    if isinstance(origins, str):
        return unknown(origins, "DistributionConfig.Origins")
    behaviors, reason = _behaviors(distribution, ctx)
    problems, unsure, custom = [], None, 0
    for origin in origins:
        ident, config = dig(origin, "Id"), dig(origin, "CustomOriginConfig")
        name = _label(ident)
        if config is ABSENT:
            if (
                dig(origin, "S3OriginConfig") is ABSENT
                and dig(origin, "OriginAccessControlId") is ABSENT
            ):
                # Neither kind is declared (CloudFormation rejects such an origin): no guess.
                unsure = (
                    unsure
                    or f"origin {name} declares neither S3OriginConfig nor CustomOriginConfig"
                )
            continue
        custom += 1
        policy = dig(config, "OriginProtocolPolicy")
        viewers = [
            dig(b, "ViewerProtocolPolicy")
            for _, b in behaviors
            if signature(ident) in _targets(distribution, ctx, b)
        ]
        if "SSLv3" in listed(dig(config, "OriginSSLProtocols")):
            problems.append(f"origin {name} allows SSLv3")
        if policy == "http-only":
            website = (
                " (S3 website endpoints speak only HTTP)"
                if _origin_kind(origin, ctx) == "website"
                else ""
            )
            problems.append(f"origin {name} is reached over plain HTTP{website}")
        elif policy == "match-viewer" and "allow-all" in viewers:
            problems.append(f"origin {name} matches viewers, who may use plain HTTP")
        elif doubt(policy):
            unsure = unsure or doubt(policy)
        elif policy == "match-viewer" and (reason or any(doubt(v) for v in viewers)):
            unsure = unsure or reason or "a viewer protocol policy is not known"
    if problems:
        return failed("; ".join(problems[:2]), "DistributionConfig.Origins")
    if unsure:
        return unknown(f"the origin protocol is not known: {unsure}", "DistributionConfig.Origins")
    if not custom:
        return not_applicable(
            "no custom origin: CloudFront reaches S3 origins with the protocol the viewer used"
        )
    return passed("custom origins reached over HTTPS")
