"""Databases and caches the internet can reach (catalogue: ``catalog/network.yaml``).

A database is reachable from the internet when three things line up: it has a public
address (``PubliclyAccessible``, whose default depends on the VPC), it sits in a subnet whose
route table sends 0.0.0.0/0 to an internet gateway, and a security group admits 0.0.0.0/0 or
::/0 on its port. ElastiCache, DocumentDB, MemoryDB and VPC search domains never take a
public address, so the same subnet and group expose them only to what is inside the VPC.
"""

from __future__ import annotations

from typing import Any

from golive.checks.base import Verdict, check, failed, not_applicable, passed, unknown
from golive.context import Context
from golive.model import Resource
from golive.topology import Topology, target, topology
from golive.values import Text, Unknown, is_true

Tri = bool | Unknown
#: Engine name prefix -> default port.
_PORTS = (
    ("aurora-postgresql", 5432),
    ("aurora", 3306),
    ("postgres", 5432),
    ("mysql", 3306),
    ("mariadb", 3306),
    ("oracle", 1521),
    ("sqlserver", 1433),
    ("db2", 50000),
    ("neptune", 8182),
    ("docdb", 27017),
    ("redis", 6379),
    ("valkey", 6379),
    ("memcached", 11211),
    ("redshift", 5439),
    ("search", 443),
)
_SUBNET_GROUPS = (
    "AWS::RDS::DBSubnetGroup",
    "AWS::Redshift::ClusterSubnetGroup",
    "AWS::ElastiCache::SubnetGroup",
    "AWS::DocDB::DBSubnetGroup",
    "AWS::Neptune::DBSubnetGroup",
)
#: Types whose nodes never take a public address -> how the reason names them.
_PRIVATE_ONLY = {
    "AWS::ElastiCache::CacheCluster": ("ElastiCache nodes", "redis"),
    "AWS::ElastiCache::ReplicationGroup": ("ElastiCache nodes", "redis"),
    "AWS::DocDB::DBCluster": ("DocumentDB instances", "docdb"),
    "AWS::OpenSearchService::Domain": ("search domain nodes in a VPC", "search"),
    "AWS::Elasticsearch::Domain": ("search domain nodes in a VPC", "search"),
}
#: The engine a type runs when it names none.
_ENGINE_HINTS = {
    "AWS::Redshift::Cluster": "redshift",
    "AWS::Neptune::DBCluster": "neptune",
    "AWS::Neptune::DBInstance": "neptune",
    "AWS::ElastiCache::ReplicationGroup": "redis",
    "AWS::DocDB::DBCluster": "docdb",
}
#: Where each type keeps (subnet group, security groups, public flag).
_SETTINGS = {
    "AWS::RDS::DBInstance": ("DBSubnetGroupName", "VPCSecurityGroups", "PubliclyAccessible"),
    "AWS::RDS::DBCluster": ("DBSubnetGroupName", "VpcSecurityGroupIds", "PubliclyAccessible"),
    "AWS::Neptune::DBInstance": ("DBSubnetGroupName", None, "PubliclyAccessible"),
    "AWS::Neptune::DBCluster": ("DBSubnetGroupName", "VpcSecurityGroupIds", None),
    "AWS::Redshift::Cluster": (
        "ClusterSubnetGroupName",
        "VpcSecurityGroupIds",
        "PubliclyAccessible",
    ),
    "AWS::ElastiCache::CacheCluster": ("CacheSubnetGroupName", "VpcSecurityGroupIds", None),
    "AWS::ElastiCache::ReplicationGroup": ("CacheSubnetGroupName", "SecurityGroupIds", None),
    "AWS::DocDB::DBCluster": ("DBSubnetGroupName", "VpcSecurityGroupIds", None),
}


def _port(resource: Resource, ctx: Context, engine_hint: str) -> int | None:
    for prop in ("Port", "DBPort"):
        written = ctx.value(resource, prop)
        if written.known and str(written.value).isdigit():
            return int(written.value)
    engine = ctx.value(resource, "Engine")
    name = str(engine.value).lower() if engine.known else engine_hint
    return next((port for prefix, port in _PORTS if name.startswith(prefix)), None)


def _any(values: list[Tri]) -> Tri:
    if any(v is True for v in values):
        return True
    return next((v for v in values if isinstance(v, Unknown)), False)


def _subnets(group_value: Any, ctx: Context) -> list[str] | Unknown | None:
    """Subnets (logical ids) of a subnet group; None when no group is named (default VPC)."""
    if group_value is None:
        return None
    if isinstance(group_value, (Unknown, Text)):
        return Unknown(f"the subnet group is not known: {group_value.reason}")
    group = ctx.resource(group_value)
    if group is None or group.type not in _SUBNET_GROUPS:
        return Unknown(f"subnet group {group_value} is not in this template")
    subnets = ctx.value(group, "SubnetIds")
    if not subnets.known or not isinstance(subnets.value, list):
        return Unknown(f"the subnets of {group.logical_id} are not known")
    ids = [target(s) for s in subnets.value]
    if any(i is None for i in ids):
        return Unknown(f"a subnet of {group.logical_id} is not in this template")
    return [i for i in ids if i is not None]


def _world_open(groups: Any, port: int | None, topo: Topology) -> tuple[Tri, str]:
    """Whether any security group admits the internet on ``port``, and which one."""
    if groups is None:
        return False, "the VPC's default security group"
    if isinstance(groups, (Unknown, Text)):
        return Unknown(f"the security groups are not known: {groups.reason}"), ""
    answers: list[Tri] = []
    for group in groups if isinstance(groups, list) else [groups]:
        logical_id = target(group)
        if logical_id is None or logical_id not in topo.groups:
            answers.append(Unknown(f"security group {group} is not in this template"))
            continue
        answer = topo.open_to_world(logical_id, port)
        if answer is True:
            return True, logical_id
        answers.append(answer)
    return _any(answers), ""


def _owner(resource: Resource, ctx: Context) -> Resource:
    """Where network settings live: a cluster member reads its cluster's."""
    if resource.type in ("AWS::RDS::DBInstance", "AWS::Neptune::DBInstance"):
        cluster = ctx.resource(ctx.resolver.resolve(resource.properties.get("DBClusterIdentifier")))
        if cluster is not None:
            return cluster
    return resource


def _setting(resource: Resource, prop: str | None, ctx: Context) -> Any:
    if prop is None:
        return None
    value = ctx.value(resource, prop)
    if value.absent:
        return None
    if value.reason is not None:
        return Unknown(value.reason)
    return value.value


def _default_public(subnets: list[str] | Unknown | None, topo: Topology) -> Tri:
    # NOTE: with PubliclyAccessible unset, RDS makes an instance public when its VPC has an
    # internet gateway attached (CreateDBInstance API reference); the default VPC has one.
    if subnets is None:
        return True
    if isinstance(subnets, Unknown):
        return subnets
    vpcs = {topo.subnet_vpc.get(s) for s in subnets}
    if vpcs & topo.vpcs_with_internet_gateway:
        return True
    if vpcs and vpcs <= topo.vpcs:
        return False
    return Unknown("the VPC of its subnets is not in this template")


@check("network.database-exposure")
def database_exposure(resource: Resource, ctx: Context) -> Verdict:
    topo = topology(ctx.graph, ctx.facts.resolver)
    if resource.type in ("AWS::OpenSearchService::Domain", "AWS::Elasticsearch::Domain"):
        return _search_domain(resource, ctx, topo)
    owner = _owner(resource, ctx)
    engine = ctx.value(owner, "Engine")
    if resource.type == "AWS::RDS::DBCluster":
        if not engine.known:
            return unknown(f"the engine is not known: {engine.reason}", "Engine")
        if str(engine.value).startswith("aurora"):
            return not_applicable("an Aurora cluster: each instance is judged on its own")
    group_prop, sg_prop, public_prop = _SETTINGS[owner.type]
    subnets = _subnets(_setting(owner, group_prop, ctx), ctx)
    port = _port(owner, ctx, _ENGINE_HINTS.get(owner.type, ""))
    open_, group = _world_open(_setting(owner, sg_prop, ctx), port, topo)
    if resource.type in _PRIVATE_ONLY:
        return _private_only(resource, open_, group, port)
    public_prop = _SETTINGS[resource.type][2]
    flag = ctx.value(resource, public_prop or "PubliclyAccessible")
    if flag.unknown:
        return unknown(f"PubliclyAccessible is not known: {flag.reason}", "PubliclyAccessible")
    where = f" and {group} admits 0.0.0.0/0 on port {port}" if open_ is True else ""
    if flag.known and is_true(flag.value):
        return failed(
            f"PubliclyAccessible is true: it has a public address{where}; only security "
            "groups stand between it and the internet",
            "PubliclyAccessible",
        )
    if flag.known:
        return passed("no public address (PubliclyAccessible is false)", "PubliclyAccessible")
    if resource.type in ("AWS::Redshift::Cluster", "AWS::Neptune::DBInstance"):
        return passed("no public address (PubliclyAccessible defaults to false)")
    public = _default_public(subnets, topo)
    in_public = True if subnets is None else _subnets_public(subnets, topo)
    steps = [public, in_public, open_]
    if all(s is True for s in steps):
        return failed(
            "public by default (PubliclyAccessible unset in a VPC with an internet gateway), "
            f"in a subnet routed to the internet{where}: reachable from anywhere",
            "PubliclyAccessible",
        )
    if public is False:
        return passed("no public address: its VPC has no internet gateway")
    if in_public is False:
        return passed("its subnets have no route to an internet gateway")
    if open_ is False:
        return passed(
            "no security group admits the internet on its port (set PubliclyAccessible false "
            "to drop the public address it may get by default)"
        )
    reasons = "; ".join(s.reason for s in steps if isinstance(s, Unknown))
    return unknown(f"cannot tell whether the internet reaches it: {reasons}")


def _subnets_public(subnets: list[str] | Unknown, topo: Topology) -> Tri:
    if isinstance(subnets, Unknown):
        return subnets
    return _any([topo.subnet_public(s) for s in subnets])


def _private_only(resource: Resource, open_: Tri, group: str, port: int | None) -> Verdict:
    what = _PRIVATE_ONLY[resource.type][0]
    note = (
        f" ({group} admits 0.0.0.0/0 on port {port}: anything inside the VPC or connected "
        "to it can reach it)"
        if open_ is True
        else ""
    )
    return passed(f"{what} take no public address: reachable only through the VPC{note}")


def _search_domain(domain: Resource, ctx: Context, topo: Topology) -> Verdict:
    options = ctx.value(domain, "VPCOptions")
    if options.absent:
        return not_applicable(
            "a domain with a public endpoint: its access policy decides who reaches it"
        )
    groups = _setting(domain, "VPCOptions.SecurityGroupIds", ctx)
    open_, group = _world_open(groups, 443, topo)
    return _private_only(domain, open_, group, 443)
