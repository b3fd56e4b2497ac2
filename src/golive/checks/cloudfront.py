"""Checks on CloudFront distributions (catalogue: ``catalog/cloudfront.yaml``)."""

from __future__ import annotations

from typing import Any

from golive.checks.base import Verdict, check, failed, not_applicable, passed, unknown
from golive.context import Context
from golive.model import Resource
from golive.values import Text, Unknown


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
