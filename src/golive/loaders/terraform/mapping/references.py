"""How Terraform attributes read as CloudFormation references, by Terraform type (data).

The builder turns ``Reference(address, attribute)`` into ``Ref`` or ``Fn::GetAtt`` with
these tables, and links literal names (``NAME_LINKS``) as references.
"""

from __future__ import annotations

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
