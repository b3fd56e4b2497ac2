"""Which VPC-only resources each Lambda function reaches.

A function needs to run in a VPC only to talk to something that lives only inside one: a
database, a cache, a file system, a private search domain. A function reaches such a
resource when its own properties refer to it (an environment variable with the endpoint,
a file system mount), when its role grants data-plane access to it (``rds-db:connect``,
``es:ESHttpGet``), or when it reads a secret attached to a database.

Two exceptions keep this precise: an Aurora cluster with the Data API enabled is reached
over HTTPS without a VPC, and an OpenSearch domain without ``VPCOptions`` has a public
endpoint. Event source mappings are not reach: Lambda's poller connects to MSK or MQ itself.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from golive.graph import Graph, references_in
from golive.model import Resource
from golive.per_stack import StackMemo
from golive.resolver import Resolver
from golive.values import is_true

#: Resource types reachable only from inside their VPC, with a readable name.
VPC_ONLY: dict[str, str] = {
    "AWS::RDS::DBInstance": "RDS instance",
    "AWS::RDS::DBCluster": "RDS cluster",
    "AWS::RDS::DBProxy": "RDS proxy",
    "AWS::RDS::DBProxyEndpoint": "RDS proxy endpoint",
    "AWS::ElastiCache::CacheCluster": "ElastiCache cluster",
    "AWS::ElastiCache::ReplicationGroup": "ElastiCache replication group",
    "AWS::ElastiCache::ServerlessCache": "ElastiCache serverless cache",
    "AWS::MemoryDB::Cluster": "MemoryDB cluster",
    "AWS::Redshift::Cluster": "Redshift cluster",
    "AWS::RedshiftServerless::Workgroup": "Redshift Serverless workgroup",
    "AWS::OpenSearchService::Domain": "OpenSearch domain",
    "AWS::Elasticsearch::Domain": "Elasticsearch domain",
    "AWS::DocDB::DBCluster": "DocumentDB cluster",
    "AWS::DocDB::DBInstance": "DocumentDB instance",
    "AWS::Neptune::DBCluster": "Neptune cluster",
    "AWS::Neptune::DBInstance": "Neptune instance",
    "AWS::MSK::Cluster": "MSK cluster",
    "AWS::MSK::ServerlessCluster": "MSK cluster",
    "AWS::EFS::FileSystem": "EFS file system",
    "AWS::EFS::AccessPoint": "EFS access point",
    "AWS::EFS::MountTarget": "EFS mount target",
}

#: IAM actions whose use needs a network path to the resource (data plane, not control plane).
_DATA_PLANE_PREFIXES = (
    "rds-db:",
    "es:eshttp",
    "es:*",
    "elasticache:connect",
    "elasticfilesystem:client",
    "kafka-cluster:",
    "neptune-db:",
    "redshift:getclustercredentials",
)
#: Function properties that do not express what the function's code talks to.
_NOT_REACH = frozenset(
    {"Role", "VpcConfig", "DeadLetterConfig", "KmsKeyArn", "Layers", "CodeSigningConfigArn"}
)
_SECRET_ATTACHMENT = "AWS::SecretsManager::SecretTargetAttachment"
#: Fn::GetAtt attribute words that mean a network connection (Endpoint.Address,
#: RedisEndpoint.Port, DomainEndpoint, MasterUserSecret.SecretArn ...).
_CONNECTION_WORDS = ("endpoint", "address", "port", "bootstrap", "masterusersecret")


@dataclass(frozen=True)
class Reach:
    """The function reaches ``target`` (a VPC-only resource) ``through`` something.

    ``certain`` is False when the function only names the resource (its id or ARN, say for
    a snapshot or a control-plane call) without anything that implies a network connection.
    """

    target: str
    kind: str
    through: str
    certain: bool = True

    def describe(self) -> str:
        return f"{self.kind} {self.target} ({self.through})"


def vpc_reach(function: Resource, graph: Graph, resolver: Resolver) -> list[Reach]:
    """The VPC-only resources ``function`` reaches, each once (certain ways first)."""
    found: dict[str, Reach] = {}
    for reach in (
        *_from_properties(function, graph, resolver),
        *_from_role(function, graph, resolver),
    ):
        known = found.get(reach.target)
        if known is None or (reach.certain and not known.certain):
            found[reach.target] = reach
    return [found[k] for k in sorted(found)]


def _from_properties(function: Resource, graph: Graph, resolver: Resolver) -> Iterator[Reach]:
    names = graph.stack.resources
    for key, value in function.properties.items():
        if key in _NOT_REACH:
            continue
        for target, attribute, path in references_in(value, names, (key,)):
            through = "property " + ".".join(str(p) for p in path)
            # A file-system mount is a network connection whatever the attribute.
            mount = key == "FileSystemConfigs"
            yield from _as_reach(target, attribute, through, graph, resolver, certain=mount)


def _as_reach(
    target: str,
    attribute: str | None,
    through: str,
    graph: Graph,
    resolver: Resolver,
    *,
    certain: bool = False,
) -> Iterator[Reach]:
    resource = graph.stack.resources[target]
    if resource.type == "AWS::SecretsManager::Secret":
        # Code that reads a database's credentials connects to the database.
        for attachment in graph.referrers(target, _SECRET_ATTACHMENT):
            for db, _, _ in references_in(
                attachment.properties.get("TargetId"), graph.stack.resources
            ):
                via = f"{through}, the credentials in secret {target}"
                yield from _as_reach(db, None, via, graph, resolver, certain=True)
        return
    kind = VPC_ONLY.get(resource.type)
    if kind is None or not _is_private(resource, attribute, resolver):
        return
    connects = certain or _names_a_connection(attribute)
    yield Reach(target, kind, through, connects)


def _names_a_connection(attribute: str | None) -> bool:
    """Attributes a client connects with: endpoints, addresses, ports, credentials."""
    if attribute is None:
        return False
    lowered = attribute.lower()
    return any(word in lowered for word in _CONNECTION_WORDS)


def _is_private(resource: Resource, attribute: str | None, resolver: Resolver) -> bool:
    if resource.type in ("AWS::OpenSearchService::Domain", "AWS::Elasticsearch::Domain"):
        return bool(resolver.resolve(resource.properties.get("VPCOptions")))
    if resource.type == "AWS::RDS::DBCluster":
        data_api = resolver.resolve(resource.properties.get("EnableHttpEndpoint"))
        uses_endpoint = attribute is not None and attribute.startswith(("Endpoint", "ReadEndpoint"))
        if is_true(data_api) and not uses_endpoint:
            return False  # the ARN is used with the Data API, over HTTPS
    return True


def _from_role(function: Resource, graph: Graph, resolver: Resolver) -> Iterator[Reach]:
    for role_id, _, _ in references_in(function.properties.get("Role"), graph.stack.resources):
        if resolver.assumptions:  # a context that assumes branches reads the role itself
            yield from _through_role(role_id, graph, resolver)
        else:
            read = functools.partial(_through_role, role_id, graph, resolver)
            yield from _ROLE_REACH.get(graph, role_id, read)


#: What each role grants access to, read once per stack. Functions often share one role
#: whose policies may list every table of the stack; reading them again for each function
#: made the check quadratic.
_ROLE_REACH: StackMemo[str, list[Reach]] = StackMemo()


def _through_role(role_id: str, graph: Graph, resolver: Resolver) -> list[Reach]:
    """The VPC-only resources the policies of role ``role_id`` grant data-plane access to."""
    names = graph.stack.resources
    role = names[role_id]
    documents: list[tuple[str, Any]] = []
    if role.type == "AWS::IAM::Role":
        for policy in role.properties.get("Policies") or []:
            if isinstance(policy, dict):
                documents.append((f"role {role_id}", policy.get("PolicyDocument")))
        for attached in graph.targets(role_id, "AWS::IAM::ManagedPolicy"):
            documents.append(
                (f"policy {attached.logical_id}", attached.properties.get("PolicyDocument"))
            )
    for policy in graph.referrers(role_id, "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"):
        documents.append((f"policy {policy.logical_id}", policy.properties.get("PolicyDocument")))
    return [
        reach
        for label, document in documents
        for reach in _from_document(label, document, graph, resolver)
    ]


def _from_document(label: str, document: Any, graph: Graph, resolver: Resolver) -> Iterator[Reach]:
    statements = document.get("Statement") if isinstance(document, dict) else None
    for statement in statements if isinstance(statements, list) else [statements]:
        if not isinstance(statement, dict) or statement.get("Effect") != "Allow":
            continue
        actions = resolver.resolve(statement.get("Action"))
        actions = actions if isinstance(actions, list) else [actions]
        if not any(_is_data_plane(a) for a in actions):
            continue
        for target, attribute, _ in references_in(statement.get("Resource"), graph.stack.resources):
            yield from _as_reach(
                target, attribute, f"IAM access in {label}", graph, resolver, certain=True
            )


def _is_data_plane(action: Any) -> bool:
    if not isinstance(action, str):
        return False
    lowered = action.lower()
    return lowered == "*" or lowered.startswith(_DATA_PLANE_PREFIXES)
