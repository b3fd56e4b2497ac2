"""Alarm coverage: the metrics that say a service is failing are watched by an alarm.

The checks of several services live here because they are one pattern over the shared
alarm index (``golive.alarms``): name the metric and the dimension that identifies the
resource, then ask which alarms watch it. Their catalogue entries stay in each service's
file (``apigateway.yaml``, ``dynamodb.yaml``, ``elb.yaml``, ``rds.yaml``,
``stepfunctions.yaml``); Lambda's and SQS's live beside their other checks.
"""

from __future__ import annotations

from collections.abc import Iterable

from golive.alarms import Metric, Parts, alarm_index, coverage, describe, names_of, parts
from golive.checks.base import Verdict, check, failed, not_applicable, passed, unknown
from golive.context import Context
from golive.model import Resource
from golive.values import Reference, Unknown

REST_API = "AWS::ApiGateway::RestApi"
CLASSIC_ELB = "AWS::ElasticLoadBalancing::LoadBalancer"
DB_INSTANCE = "AWS::RDS::DBInstance"


def watched(ctx: Context, metrics: Iterable[Metric], subject: str, missing: str) -> Verdict:
    """PASS naming the alarms on ``metrics``, UNKNOWN if one only may be, else FAIL."""
    index = alarm_index(ctx.graph, ctx.facts.resolver)
    alarms: set[str] = set()
    possible: set[str] = set()
    for metric in metrics:
        found = coverage(index, metric)
        alarms.update(found.alarms)
        possible.update(found.possible)
    if alarms:
        return passed(f"{subject} watched by alarm {describe(sorted(alarms))}")
    if possible:
        return unknown(
            f"alarm {describe(sorted(possible))} may watch {subject}: the resource or the "
            "alarm's dimension is named by a value known only at deployment"
        )
    return failed(missing)


# -- API Gateway ---------------------------------------------------------------------------


def _rest_api_names(api: Resource, ctx: Context) -> tuple[Parts, ...]:
    """A REST API's ApiName: its Name, else its OpenAPI title (SAM writes the stack name).

    Terraform writes the dimension as ``aws_api_gateway_rest_api.x.name``, which reads as the
    API's ``Name`` attribute: that counts as its name too.
    """
    name = parts(ctx.resolver.resolve(api.properties.get("Name")))
    if name is not None and name != ("",):
        return (name, (Reference(api.logical_id, "Name"),))
    body = ctx.resolver.resolve(api.properties.get("Body"))
    info = body.get("info") if isinstance(body, dict) else None
    title = parts(info.get("title")) if isinstance(info, dict) else None
    if title is not None:
        return (title,)
    return ((Unknown("the API's name comes from an OpenAPI file"),),)


def _api_metrics(api: Resource, ctx: Context, rest: set[str], http: set[str]) -> list[Metric]:
    # NOTE: REST APIs report by ApiName (the name, not the id a Ref returns); HTTP APIs
    # report by ApiId (what a Ref returns).
    if api.type == REST_API:
        return [Metric("AWS/ApiGateway", frozenset(rest), {"ApiName": _rest_api_names(api, ctx)})]
    ids = (*names_of(api, ctx.resolver), *names_of(api, ctx.resolver, attribute="ApiId"))
    return [Metric("AWS/ApiGateway", frozenset(http), {"ApiId": ids})]


def _websocket(api: Resource, ctx: Context) -> bool:
    protocol = ctx.value(api, "ProtocolType")
    return api.type != REST_API and protocol.known and protocol.value == "WEBSOCKET"


@check("apigateway.5xx-alarm")
def api_5xx_alarm(api: Resource, ctx: Context) -> Verdict:
    if _websocket(api, ctx):
        return not_applicable("a WebSocket API: it reports no 5xx metric (alarm on its errors)")
    metrics = _api_metrics(api, ctx, {"5XXError"}, {"5xx"})
    return watched(
        ctx,
        metrics,
        "server errors (5XX)",
        "no CloudWatch alarm watches the API's 5XX errors: a broken backend is found by users",
    )


@check("apigateway.latency-alarm")
def api_latency_alarm(api: Resource, ctx: Context) -> Verdict:
    if _websocket(api, ctx):
        return not_applicable("a WebSocket API: it reports no request latency metric")
    names = {"Latency", "IntegrationLatency"}
    return watched(
        ctx,
        _api_metrics(api, ctx, names, names),
        "latency",
        "no CloudWatch alarm watches the API's latency: slow responses go unnoticed",
    )


# -- DynamoDB ------------------------------------------------------------------------------


@check("dynamodb.throttle-alarm")
def dynamodb_throttle_alarm(table: Resource, ctx: Context) -> Verdict:
    names = frozenset({"ReadThrottleEvents", "WriteThrottleEvents", "ThrottledRequests"})
    metric = Metric(
        "AWS/DynamoDB", names, {"TableName": names_of(table, ctx.resolver, "TableName")}
    )
    return watched(
        ctx,
        [metric],
        "throttled requests",
        "no CloudWatch alarm watches the table's throttled reads or writes: rejected "
        "requests surface only as application errors",
    )


# -- Elastic Load Balancing ----------------------------------------------------------------

_ELB_NAMESPACES = {
    "application": "AWS/ApplicationELB",
    "network": "AWS/NetworkELB",
    "gateway": "AWS/GatewayELB",
}


def _elb_kind(lb: Resource, ctx: Context) -> str | Unknown:
    if lb.type == CLASSIC_ELB:
        return "classic"
    kind = ctx.value(lb, "Type")
    if kind.unknown:
        return Unknown(kind.reason or "")
    return str(kind.value) if kind.known else "application"


def _target_groups(lb: Resource, ctx: Context) -> list[Resource]:
    """Target groups the load balancer's listeners and listener rules forward to."""
    found: dict[str, Resource] = {}
    group = "AWS::ElasticLoadBalancingV2::TargetGroup"
    for listener in ctx.referrers(lb, "AWS::ElasticLoadBalancingV2::Listener"):
        for tg in ctx.graph.targets(listener.logical_id, group):
            found[tg.logical_id] = tg
        for rule in ctx.referrers(listener, "AWS::ElasticLoadBalancingV2::ListenerRule"):
            for tg in ctx.graph.targets(rule.logical_id, group):
                found[tg.logical_id] = tg
    return [found[k] for k in sorted(found)]


def _elb_metric(lb: Resource, ctx: Context, kind: str, names: set[str]) -> Metric:
    if kind == "classic":
        ids = {"LoadBalancerName": names_of(lb, ctx.resolver, "LoadBalancerName")}
        return Metric("AWS/ELB", frozenset(names), ids)
    groups = tuple(
        n
        for tg in _target_groups(lb, ctx)
        for n in names_of(tg, ctx.resolver, attribute="TargetGroupFullName")
    )
    ids = {
        "LoadBalancer": names_of(lb, ctx.resolver, attribute="LoadBalancerFullName"),
        "TargetGroup": groups,
    }
    return Metric(_ELB_NAMESPACES.get(kind, "AWS/ApplicationELB"), frozenset(names), ids)


@check("elb.5xx-alarm")
def elb_5xx_alarm(lb: Resource, ctx: Context) -> Verdict:
    kind = _elb_kind(lb, ctx)
    if isinstance(kind, Unknown):
        return unknown(f"the load balancer type is not known: {kind.reason}", "Type")
    if kind in ("network", "gateway"):
        return not_applicable(f"a {kind} load balancer: it sees no HTTP responses")
    names = (
        {"HTTPCode_Backend_5XX", "HTTPCode_ELB_5XX"}
        if kind == "classic"
        else {"HTTPCode_Target_5XX_Count", "HTTPCode_ELB_5XX_Count"}
    )
    return watched(
        ctx,
        [_elb_metric(lb, ctx, kind, names)],
        "5XX responses",
        "no CloudWatch alarm watches the load balancer's 5XX responses: failing targets "
        "are found by users",
    )


@check("elb.unhealthy-hosts-alarm")
def elb_unhealthy_hosts_alarm(lb: Resource, ctx: Context) -> Verdict:
    kind = _elb_kind(lb, ctx)
    if isinstance(kind, Unknown):
        return unknown(f"the load balancer type is not known: {kind.reason}", "Type")
    metric = _elb_metric(lb, ctx, kind, {"UnHealthyHostCount", "HealthyHostCount"})
    return watched(
        ctx,
        [metric],
        "target health",
        "no CloudWatch alarm watches unhealthy (or too few healthy) targets: capacity "
        "drains away unseen",
    )


# -- RDS -----------------------------------------------------------------------------------


def _database_metric(db: Resource, ctx: Context, name: str) -> Metric:
    if db.type == DB_INSTANCE:
        ids = {"DBInstanceIdentifier": names_of(db, ctx.resolver, "DBInstanceIdentifier")}
        return Metric("AWS/RDS", frozenset({name}), ids)
    members = tuple(
        n
        for instance in ctx.referrers(db, DB_INSTANCE)
        for n in names_of(instance, ctx.resolver, "DBInstanceIdentifier")
    )
    ids = {
        "DBClusterIdentifier": names_of(db, ctx.resolver, "DBClusterIdentifier"),
        "DBInstanceIdentifier": members,
    }
    return Metric("AWS/RDS", frozenset({name}), ids)


def _cluster_member(db: Resource, ctx: Context) -> Verdict | None:
    if db.type == DB_INSTANCE and not ctx.value(db, "DBClusterIdentifier").absent:
        return not_applicable("an instance of a DB cluster: alarms are judged on the cluster")
    return None


@check("rds.cpu-alarm")
def rds_cpu_alarm(db: Resource, ctx: Context) -> Verdict:
    return _cluster_member(db, ctx) or watched(
        ctx,
        [_database_metric(db, ctx, "CPUUtilization")],
        "CPU utilization",
        "no CloudWatch alarm watches the database's CPU: saturation shows first as timeouts",
    )


@check("rds.storage-alarm")
def rds_storage_alarm(db: Resource, ctx: Context) -> Verdict:
    engine = ctx.value(db, "Engine")
    if engine.known and str(engine.value).lower().startswith("aurora"):
        return not_applicable(
            "Aurora storage grows by itself; there is no free space to run out of"
        )
    return _cluster_member(db, ctx) or watched(
        ctx,
        [_database_metric(db, ctx, "FreeStorageSpace")],
        "free storage space",
        "no CloudWatch alarm watches the database's free storage: a full disk stops writes",
    )


@check("rds.connections-alarm")
def rds_connections_alarm(db: Resource, ctx: Context) -> Verdict:
    return _cluster_member(db, ctx) or watched(
        ctx,
        [_database_metric(db, ctx, "DatabaseConnections")],
        "connections",
        "no CloudWatch alarm watches the database's connections: hitting max_connections "
        "refuses new clients",
    )


# -- Step Functions ------------------------------------------------------------------------


@check("stepfunctions.failed-executions-alarm")
def failed_executions_alarm(machine: Resource, ctx: Context) -> Verdict:
    arns = (*names_of(machine, ctx.resolver), *names_of(machine, ctx.resolver, attribute="Arn"))
    name = ctx.resolver.resolve(machine.properties.get("StateMachineName"))
    if isinstance(name, str):
        # An ARN written out with Fn::Sub ends with the name; its region and account are open.
        arns += ((Unknown("the state machine's region and account"), f":stateMachine:{name}"),)
    metric = Metric("AWS/States", frozenset({"ExecutionsFailed"}), {"StateMachineArn": arns})
    return watched(
        ctx,
        [metric],
        "failed executions",
        "no CloudWatch alarm watches the state machine's failed executions: broken "
        "workflows stop silently",
    )
