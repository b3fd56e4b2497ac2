"""Terraform resource instances into a CloudFormation-vocabulary ``Stack``.

Each instance goes through its type's converter; split resources are then folded into their
owners; finally Terraform's references become ``Ref``/``Fn::GetAtt`` and interpolated
strings ``Fn::Join``, so the resource graph, invocation modes and every check read a
Terraform configuration exactly as they read a template. Types no check looks at are left
out quietly. Findings name resources by their Terraform address.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from golive.loaders.terraform.mapping import Mapped, MergeRule
from golive.loaders.terraform.mapping.registry import load_mappings
from golive.loaders.terraform.model import TfResource
from golive.model import Origin, Resource, Stack
from golive.values import Reference, Text, Unknown

#: Terraform attributes whose value is what CloudFormation's ``Ref`` returns for the type
#: (``id`` always is). Anything else becomes ``Fn::GetAtt`` with the name CamelCased.
REF_ATTRIBUTES = {
    "aws_lambda_function": {"function_name"},
    "aws_s3_bucket": {"bucket"},
    "aws_iam_role": {"name"},
    "aws_iam_user": {"name"},
    "aws_iam_group": {"name"},
    "aws_iam_policy": {"arn"},
    "aws_cloudwatch_log_group": {"name"},
    "aws_sns_topic": {"arn"},
    "aws_sqs_queue": {"url"},
    "aws_dynamodb_table": {"name"},
    "aws_kinesis_stream": {"name"},
    "aws_kms_key": {"key_id"},
    "aws_secretsmanager_secret": {"arn"},
    "aws_sfn_state_machine": {"arn"},
    "aws_ecs_cluster": {"name"},
    "aws_db_instance": {"identifier"},
    "aws_rds_cluster": {"cluster_identifier"},
    "aws_ecr_repository": {"name"},
    "aws_eks_cluster": {"name"},
    "aws_codebuild_project": {"name"},
    "aws_ecs_task_definition": {"arn"},
    "aws_msk_cluster": {"arn"},
    "aws_elb": {"name"},
}

#: Terraform attribute names whose CloudFormation ``Fn::GetAtt`` name is not the CamelCase.
GETATT_NAMES = {
    "aws_ecr_repository": {"repository_url": "RepositoryUri"},
    "aws_lambda_function": {"invoke_arn": "Arn", "qualified_arn": "Arn"},
    "aws_sqs_queue": {"url": "QueueUrl", "name": "QueueName"},
    "aws_db_instance": {"address": "Endpoint.Address", "endpoint": "Endpoint.Address"},
    "aws_rds_cluster": {"endpoint": "Endpoint.Address", "reader_endpoint": "ReadEndpoint.Address"},
    "aws_lb": {"arn_suffix": "LoadBalancerFullName"},
    "aws_alb": {"arn_suffix": "LoadBalancerFullName"},
    "aws_lb_target_group": {"arn_suffix": "TargetGroupFullName"},
    "aws_alb_target_group": {"arn_suffix": "TargetGroupFullName"},
    "aws_s3_bucket": {
        "bucket_regional_domain_name": "RegionalDomainName",
        "bucket_domain_name": "DomainName",
    },
}

#: Properties that name another resource, by CloudFormation type and property, and the
#: Terraform type and argument that resource's name is written in. A literal name there
#: (``cluster_identifier = "orders"`` instead of a reference) still links the two, as the
#: deployed resources are linked.
NAME_LINKS = {
    ("AWS::RDS::DBInstance", "DBClusterIdentifier"): ("aws_rds_cluster", "cluster_identifier"),
    ("AWS::RDS::DBInstance", "DBSubnetGroupName"): ("aws_db_subnet_group", "name"),
    ("AWS::RDS::DBCluster", "DBSubnetGroupName"): ("aws_db_subnet_group", "name"),
    ("AWS::DocDB::DBInstance", "DBClusterIdentifier"): ("aws_docdb_cluster", "cluster_identifier"),
    ("AWS::DocDB::DBCluster", "DBSubnetGroupName"): ("aws_docdb_subnet_group", "name"),
    ("AWS::DocDB::DBCluster", "DBClusterParameterGroupName"): (
        "aws_docdb_cluster_parameter_group",
        "name",
    ),
    ("AWS::Neptune::DBInstance", "DBClusterIdentifier"): (
        "aws_neptune_cluster",
        "cluster_identifier",
    ),
    ("AWS::Neptune::DBCluster", "DBSubnetGroupName"): ("aws_neptune_subnet_group", "name"),
    ("AWS::Neptune::DBCluster", "DBClusterParameterGroupName"): (
        "aws_neptune_cluster_parameter_group",
        "name",
    ),
    ("AWS::ElastiCache::ReplicationGroup", "CacheSubnetGroupName"): (
        "aws_elasticache_subnet_group",
        "name",
    ),
    ("AWS::Lambda::Permission", "FunctionName"): ("aws_lambda_function", "function_name"),
    ("AWS::Lambda::EventSourceMapping", "FunctionName"): ("aws_lambda_function", "function_name"),
    ("AWS::Lambda::EventInvokeConfig", "FunctionName"): ("aws_lambda_function", "function_name"),
    ("AWS::Lambda::Url", "TargetFunctionArn"): ("aws_lambda_function", "function_name"),
    ("AWS::IAM::Policy", "Roles"): ("aws_iam_role", "name"),
    ("AWS::ECS::Service", "Cluster"): ("aws_ecs_cluster", "name"),
}


def build_stack(name: str, file: str, instances: Iterable[TfResource]) -> Stack:
    """The stack of a configuration's (or plan's) resource instances."""
    converters, mergers = load_mappings()
    mapped: dict[str, tuple[TfResource, Mapped]] = {}
    splits: list[tuple[TfResource, MergeRule]] = []
    for instance in instances:
        if instance.type in mergers:
            splits.append((instance, mergers[instance.type]))
            continue
        converter = converters.get(instance.type)
        if converter is None:
            continue
        result = converter(instance)
        if result is not None:
            mapped[instance.address] = (instance, result)
    named = _owners_by_name(mapped, mergers.values())
    for split, rule in splits:
        owner = _owner(split, rule, mapped, named)
        if owner is not None:
            rule.merger(split, owner.properties)
    _link_literal_names(mapped)
    _listener_protocols(mapped)
    tf_types = {address: tf.type for address, (tf, _) in mapped.items()}
    resources: dict[str, Resource] = {}
    for address, (tf, result) in mapped.items():
        resources[address] = _resource(address, tf, result, tf_types)
        for key, companion in result.companions.items():
            companion_id = f"{address}/{key}"
            resources[companion_id] = _resource(companion_id, tf, companion, tf_types)
    return Stack(name, file, resources, source_kind="terraform")


def _owners_by_name(
    mapped: dict[str, tuple[TfResource, Mapped]], rules: Iterable[MergeRule]
) -> dict[tuple[str, str, str], Mapped]:
    """Owners by (type, argument, literal value), for split resources that name them so."""
    keys = {(owner, key) for rule in rules for owner in rule.into for key in rule.owner_keys}
    named: dict[tuple[str, str, str], Mapped] = {}
    for tf, result in mapped.values():
        for owner, key in keys:
            value = tf.attributes.get(key) if tf.type == owner else None
            if isinstance(value, str):
                named.setdefault((owner, key, value), result)
    return named


def _owner(
    split: TfResource,
    rule: MergeRule,
    mapped: dict[str, tuple[TfResource, Mapped]],
    named: dict[tuple[str, str, str], Mapped],
) -> Mapped | None:
    """The mapped owner a split resource names through ``rule.via``."""
    value = split.attributes.get(rule.via)
    if isinstance(value, Reference):
        found = mapped.get(value.logical_id)
        return found[1] if found and found[0].type in rule.into else None
    if not isinstance(value, str):
        return None
    for owner in rule.into:
        for key in rule.owner_keys:
            if (owner, key, value) in named:
                return named[(owner, key, value)]
    return None


def _link_literal_names(mapped: dict[str, tuple[TfResource, Mapped]]) -> None:
    """Literal names in ``NAME_LINKS`` properties become references to the named resource."""
    names: dict[tuple[str, str], str] = {}
    wanted = set(NAME_LINKS.values())
    for address, (tf, _) in mapped.items():
        for tf_type, argument in wanted:
            value = tf.attributes.get(argument)
            if tf.type == tf_type and isinstance(value, str):
                names.setdefault((tf_type, value), address)
    if not names:
        return
    for _, result in mapped.values():
        for (cfn_type, key), (tf_type, _) in NAME_LINKS.items():
            value = result.properties.get(key) if result.type == cfn_type else None
            if isinstance(value, str) and (tf_type, value) in names:
                result.properties[key] = Reference(names[(tf_type, value)])
            elif isinstance(value, list):
                result.properties[key] = [
                    Reference(names[(tf_type, v)])
                    if isinstance(v, str) and (tf_type, v) in names
                    else v
                    for v in value
                ]


def _listener_protocols(mapped: dict[str, tuple[TfResource, Mapped]]) -> None:
    """A listener without ``protocol`` on an application load balancer listens on HTTP.

    The provider decides that default from the load balancer's type, which the listener's
    own arguments do not show; the mapping of the listener alone leaves it unset.
    """
    for _, result in mapped.values():
        if result.type != "AWS::ElasticLoadBalancingV2::Listener":
            continue
        balancer = result.properties.get("LoadBalancerArn")
        if "Protocol" in result.properties or not isinstance(balancer, Reference):
            continue
        owner = mapped.get(balancer.logical_id)
        if owner is None or owner[1].type != "AWS::ElasticLoadBalancingV2::LoadBalancer":
            continue
        kind = owner[0].attributes.get("load_balancer_type")
        if kind in (None, "application"):
            result.properties["Protocol"] = "HTTP"


def _resource(
    logical_id: str, tf: TfResource, result: Mapped, tf_types: dict[str, str]
) -> Resource:
    deletion: Any = "Retain" if tf.prevent_destroy else result.deletion_policy
    if tf.prevent_destroy is None and deletion is None:
        deletion = Unknown(
            "a plan does not record lifecycle prevent_destroy; review the configuration"
        )
    return Resource(
        logical_id=logical_id,
        type=result.type,
        properties=to_cloudformation(result.properties, tf_types),
        location=tf.location,
        depends_on=tuple(d for d in tf.depends_on if d in tf_types),
        deletion_policy=deletion,
        update_replace_policy=deletion,
        origin=Origin(logical_id, tf.type),
        comments=tf.comments,
    )


def to_cloudformation(value: Any, tf_types: dict[str, str]) -> Any:
    """References as ``Ref``/``Fn::GetAtt``, interpolations as ``Fn::Join``."""
    if isinstance(value, Reference):
        return _intrinsic(value, tf_types)
    if isinstance(value, Text):
        return {"Fn::Join": ["", [to_cloudformation(p, tf_types) for p in value.parts]]}
    if isinstance(value, dict):
        return {k: to_cloudformation(v, tf_types) for k, v in value.items()}
    if isinstance(value, list):
        return [to_cloudformation(v, tf_types) for v in value]
    return value


def _intrinsic(reference: Reference, tf_types: dict[str, str]) -> Any:
    address, attribute = reference.logical_id, reference.attribute
    tf_type = tf_types.get(address)
    if tf_type is None:
        what = f"{address}.{attribute}" if attribute else address
        return Unknown(f"{what} is known only after apply")
    if attribute is None or attribute == "id" or attribute in REF_ATTRIBUTES.get(tf_type, ()):
        return {"Ref": address}
    name = GETATT_NAMES.get(tf_type, {}).get(attribute)
    if name is None:
        name = "".join(w.capitalize() for w in attribute.split("_"))
    return {"Fn::GetAtt": [address, name]}
