"""Mappings of IAM, databases, caches, search domains and EFS, converter by converter.

The check fixtures (``tests/checks/*/*_tf.tf``) cover the verdicts; these tests pin the
decisions the fixtures do not show directly: provider defaults written out, unknown values
kept unknown, and what the mergers do to their owners.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from golive.loaders.terraform import load_configuration
from golive.loaders.terraform.mapping import (
    Mapped,
    caches,
    databases,
    databases_other,
    efs,
    iam,
    search,
)
from golive.loaders.terraform.model import TfResource
from golive.model import Location
from golive.values import Reference, Unknown


def tf(tf_type: str, /, **attributes: Any) -> TfResource:
    return TfResource(f"{tf_type}.this", tf_type, attributes, Location("x.tf", 1))


def mapped(result: Mapped | None) -> Mapped:
    assert result is not None
    return result


_TRUST = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole"}]}'


# -- IAM ----------------------------------------------------------------------------------


def test_role_documents_inline_policies_and_tags() -> None:
    role = mapped(
        iam.role(
            TfResource(
                "aws_iam_role.app",
                "aws_iam_role",
                {
                    "name": "app",
                    "assume_role_policy": _TRUST,
                    "inline_policy": [
                        {"name": "read", "policy": {"Statement": [{"Effect": "Allow"}]}},
                        {},
                    ],
                    "managed_policy_arns": ["arn:aws:iam::aws:policy/ReadOnlyAccess"],
                    "tags": {"team": "orders"},
                },
                Location("x.tf", 1),
                default_tags={"env": "prod"},
            )
        )
    )
    assert role.type == "AWS::IAM::Role"
    assert role.properties["RoleName"] == "app"
    assert role.properties["AssumeRolePolicyDocument"]["Statement"][0]["Action"] == "sts:AssumeRole"
    # the empty inline_policy block (Terraform's "no inline policies") adds nothing
    assert role.properties["Policies"] == [
        {"PolicyName": "read", "PolicyDocument": {"Statement": [{"Effect": "Allow"}]}}
    ]
    assert role.properties["ManagedPolicyArns"] == ["arn:aws:iam::aws:policy/ReadOnlyAccess"]
    assert {"Key": "env", "Value": "prod"} in role.properties["Tags"]


def test_role_policy_is_an_iam_policy_naming_its_role() -> None:
    policy = mapped(
        iam.role_policy(
            tf(
                "aws_iam_role_policy",
                name="read",
                role=Reference("aws_iam_role.app", "id"),
                policy=_TRUST,
            )
        )
    )
    assert policy.type == "AWS::IAM::Policy"
    assert policy.properties["Roles"] == [Reference("aws_iam_role.app", "id")]
    assert policy.properties["PolicyName"] == "read"


def test_user_and_group_policies_name_their_holder() -> None:
    user = mapped(iam.user_policy(tf("aws_iam_user_policy", user="alice", policy=_TRUST)))
    group = mapped(iam.group_policy(tf("aws_iam_group_policy", group="ops", policy=_TRUST)))
    assert (user.type, user.properties["UserName"]) == ("AWS::IAM::UserPolicy", "alice")
    assert (group.type, group.properties["GroupName"]) == ("AWS::IAM::GroupPolicy", "ops")


def test_unknown_trust_policy_stays_unknown() -> None:
    doubt = Unknown("var.trust is not set")
    role = mapped(iam.role(tf("aws_iam_role", assume_role_policy=doubt)))
    assert role.properties["AssumeRolePolicyDocument"] == doubt


def test_attachments_append_to_managed_policy_arns() -> None:
    owner: dict[str, Any] = {}
    iam.role_attachment(tf("aws_iam_role_policy_attachment", policy_arn="arn:a"), owner)
    iam.role_attachment(tf("aws_iam_role_policy_attachment", policy_arn="arn:b"), owner)
    assert owner["ManagedPolicyArns"] == ["arn:a", "arn:b"]


def test_attachment_to_an_unknown_list_keeps_the_doubt_and_the_policy() -> None:
    doubt = Unknown("var.policies is not set")
    owner: dict[str, Any] = {"ManagedPolicyArns": doubt}
    iam.user_attachment(tf("aws_iam_user_policy_attachment", policy_arn="arn:admin"), owner)
    assert owner["ManagedPolicyArns"] == [doubt, "arn:admin"]


def test_policy_attachment_fills_the_managed_policy_lists() -> None:
    owner: dict[str, Any] = {"PolicyDocument": {}}
    iam.policy_attachment(
        tf(
            "aws_iam_policy_attachment",
            roles=[Reference("aws_iam_role.a", "name")],
            users=["bob"],
            groups=[],
        ),
        owner,
    )
    assert owner["Roles"] == [Reference("aws_iam_role.a", "name")]
    assert owner["Users"] == ["bob"]
    assert "Groups" not in owner


def test_login_profile_and_group_membership_fold_into_the_user() -> None:
    owner: dict[str, Any] = {}
    iam.login_profile(tf("aws_iam_user_login_profile", user="alice"), owner)
    iam.user_groups(tf("aws_iam_user_group_membership", user="alice", groups=["ops"]), owner)
    assert owner == {"LoginProfile": {}, "Groups": ["ops"]}


def test_instance_profile_takes_role_or_roles() -> None:
    single = mapped(iam.instance_profile(tf("aws_iam_instance_profile", role="app")))
    legacy = mapped(iam.instance_profile(tf("aws_iam_instance_profile", roles=["a", "b"])))
    assert single.properties["Roles"] == ["app"]
    assert legacy.properties["Roles"] == ["a", "b"]


def test_attachment_by_literal_role_name_reaches_the_role(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(
        """
resource "aws_iam_role" "ci" {
  name               = "ci"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [] })
}

resource "aws_iam_role_policy_attachment" "admin" {
  role       = "ci"
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}
""",
        encoding="utf-8",
    )
    stack = load_configuration(tmp_path, {}).stack
    role = stack.resources["aws_iam_role.ci"]
    assert role.properties["ManagedPolicyArns"] == ["arn:aws:iam::aws:policy/AdministratorAccess"]
    assert "aws_iam_role_policy_attachment.admin" not in stack.resources


# -- RDS ----------------------------------------------------------------------------------


def test_db_instance_writes_the_provider_default_for_public_access() -> None:
    instance = mapped(databases.db_instance(tf("aws_db_instance", engine="postgres")))
    assert instance.properties["PubliclyAccessible"] is False
    public = mapped(databases.db_instance(tf("aws_db_instance", publicly_accessible=True)))
    assert public.properties["PubliclyAccessible"] is True
    doubt = Unknown("var.public is not set")
    unknown = mapped(databases.db_instance(tf("aws_db_instance", publicly_accessible=doubt)))
    assert unknown.properties["PubliclyAccessible"] == doubt


def test_db_instance_leaves_absent_what_the_provider_does_not_send() -> None:
    properties = mapped(databases.db_instance(tf("aws_db_instance", engine="mysql"))).properties
    for key in ("BackupRetentionPeriod", "StorageEncrypted", "DeletionProtection", "MultiAZ"):
        assert key not in properties


def test_db_instance_names_and_restores() -> None:
    properties = mapped(
        databases.db_instance(
            tf(
                "aws_db_instance",
                identifier="orders",
                instance_class="db.m6g.large",
                vpc_security_group_ids=["sg-1"],
                enabled_cloudwatch_logs_exports=["postgresql"],
                password_wo="secret",
                performance_insights_enabled=True,
                restore_to_point_in_time=[
                    {"source_db_instance_identifier": "old", "use_latest_restorable_time": True}
                ],
            )
        )
    ).properties
    assert properties["DBInstanceIdentifier"] == "orders"
    assert properties["VPCSecurityGroups"] == ["sg-1"]
    assert properties["EnableCloudwatchLogsExports"] == ["postgresql"]
    assert properties["MasterUserPassword"] == "secret"
    assert properties["EnablePerformanceInsights"] is True
    assert properties["SourceDBInstanceIdentifier"] == "old"
    assert properties["UseLatestRestorableTime"] is True


def test_final_snapshot_decides_the_deletion_policy() -> None:
    assert mapped(databases.db_instance(tf("aws_db_instance"))).deletion_policy == "Snapshot"
    skip = tf("aws_db_instance", skip_final_snapshot=True)
    assert mapped(databases.db_instance(skip)).deletion_policy == "Delete"
    doubt = tf("aws_rds_cluster", skip_final_snapshot=Unknown("var.skip is not set"))
    assert mapped(databases.rds_cluster(doubt)).deletion_policy is None
    cluster = tf("aws_docdb_cluster", skip_final_snapshot=False)
    assert mapped(databases_other.docdb_cluster(cluster)).deletion_policy == "Snapshot"


def test_cluster_names_its_settings_as_cloudformation_does() -> None:
    properties = mapped(
        databases.rds_cluster(
            tf(
                "aws_rds_cluster",
                cluster_identifier="catalog",
                engine="aurora-postgresql",
                performance_insights_enabled=True,
                vpc_security_group_ids=["sg-1"],
                master_password="x",
                serverlessv2_scaling_configuration=[{"min_capacity": 0.5, "max_capacity": 4}],
            )
        )
    ).properties
    assert properties["DBClusterIdentifier"] == "catalog"
    assert properties["PerformanceInsightsEnabled"] is True
    assert properties["VpcSecurityGroupIds"] == ["sg-1"]
    assert properties["MasterUserPassword"] == "x"
    assert properties["ServerlessV2ScalingConfiguration"] == {"MinCapacity": 0.5, "MaxCapacity": 4}


def test_cluster_instance_defaults() -> None:
    properties = mapped(
        databases.cluster_instance(
            tf(
                "aws_rds_cluster_instance",
                cluster_identifier=Reference("aws_rds_cluster.catalog", "id"),
                monitoring_interval=0,
            )
        )
    ).properties
    assert properties["DBClusterIdentifier"] == Reference("aws_rds_cluster.catalog", "id")
    assert properties["AutoMinorVersionUpgrade"] is True
    assert properties["PubliclyAccessible"] is False
    # an interval of 0 is not sent: the cluster's setting applies
    assert "MonitoringInterval" not in properties


def test_parameter_blocks_become_a_map() -> None:
    group = mapped(
        databases_other.neptune_parameter_group(
            tf(
                "aws_neptune_cluster_parameter_group",
                family="neptune1.3",
                parameter=[{"name": "neptune_enable_audit_log", "value": "1"}],
            )
        )
    )
    assert group.properties["Parameters"] == {"neptune_enable_audit_log": "1"}
    doubt = Unknown("a dynamic block over var.parameters")
    unknown = mapped(
        databases_other.docdb_parameter_group(
            tf("aws_docdb_cluster_parameter_group", parameter=doubt)
        )
    )
    assert isinstance(unknown.properties["Parameters"], Unknown)


def test_neptune_spells_its_arguments_its_own_way() -> None:
    properties = mapped(
        databases_other.neptune_cluster(
            tf(
                "aws_neptune_cluster",
                kms_key_arn="arn:key",
                enable_cloudwatch_logs_exports=["audit"],
                iam_database_authentication_enabled=True,
                neptune_subnet_group_name="graph",
            )
        )
    ).properties
    assert properties["KmsKeyId"] == "arn:key"
    assert properties["EnableCloudwatchLogsExports"] == ["audit"]
    assert properties["IamAuthEnabled"] is True
    assert properties["DBSubnetGroupName"] == "graph"


def test_redshift_defaults_by_provider_version() -> None:
    plain = mapped(databases_other.redshift_cluster(tf("aws_redshift_cluster"))).properties
    assert plain["Encrypted"] is True
    assert isinstance(plain["PubliclyAccessible"], Unknown)
    written = mapped(
        databases_other.redshift_cluster(
            tf("aws_redshift_cluster", encrypted=False, publicly_accessible=False)
        )
    ).properties
    assert (written["Encrypted"], written["PubliclyAccessible"]) == (False, False)


def test_redshift_logging_block_and_resource() -> None:
    off = mapped(
        databases_other.redshift_cluster(
            tf("aws_redshift_cluster", logging=[{"enable": False, "bucket_name": "b"}])
        )
    )
    assert "LoggingProperties" not in off.properties
    owner: dict[str, Any] = {}
    databases_other.redshift_logging(
        tf("aws_redshift_logging", log_destination_type="cloudwatch", log_exports=["userlog"]),
        owner,
    )
    assert owner["LoggingProperties"] == {
        "LogDestinationType": "cloudwatch",
        "LogExports": ["userlog"],
    }


def test_subnet_groups_name_their_arguments_per_service() -> None:
    attributes = {"name": "private", "description": "d", "subnet_ids": ["s-1", "s-2"]}
    for converter, tf_type, expected in (
        (
            databases.db_subnet_group,
            "aws_db_subnet_group",
            ("AWS::RDS::DBSubnetGroup", "DBSubnetGroupName", "DBSubnetGroupDescription"),
        ),
        (
            caches.cache_subnet_group,
            "aws_elasticache_subnet_group",
            ("AWS::ElastiCache::SubnetGroup", "CacheSubnetGroupName", "Description"),
        ),
        (
            databases_other.redshift_subnet_group,
            "aws_redshift_subnet_group",
            ("AWS::Redshift::ClusterSubnetGroup", "ClusterSubnetGroupName", "Description"),
        ),
    ):
        group = mapped(converter(tf(tf_type, **attributes)))
        cfn_type, name, description = expected
        assert group.type == cfn_type
        assert group.properties == {name: "private", description: "d", "SubnetIds": ["s-1", "s-2"]}


# -- caches, search, EFS --------------------------------------------------------------------


def test_cache_cluster_joining_a_replication_group_maps_to_nothing() -> None:
    member = tf("aws_elasticache_cluster", replication_group_id="sessions")
    assert caches.cache_cluster(member) is None
    alone = mapped(caches.cache_cluster(tf("aws_elasticache_cluster", engine="memcached")))
    assert alone.type == "AWS::ElastiCache::CacheCluster"


def test_replication_group_reads_old_and_new_argument_names() -> None:
    old = mapped(
        caches.replication_group(
            tf(
                "aws_elasticache_replication_group",
                replication_group_description="old",
                number_cache_clusters=2,
                availability_zones=["eu-west-1a", "eu-west-1b"],
                cluster_mode=[{"num_node_groups": 2, "replicas_per_node_group": 1}],
            )
        )
    ).properties
    assert old["ReplicationGroupDescription"] == "old"
    assert old["NumCacheClusters"] == 2
    assert old["PreferredCacheClusterAZs"] == ["eu-west-1a", "eu-west-1b"]
    assert (old["NumNodeGroups"], old["ReplicasPerNodeGroup"]) == (2, 1)
    assert "ClusterMode" not in old
    new = mapped(
        caches.replication_group(
            tf("aws_elasticache_replication_group", description="new", cluster_mode="enabled")
        )
    ).properties
    assert (new["ReplicationGroupDescription"], new["ClusterMode"]) == ("new", "enabled")


def test_search_log_options_are_keyed_by_type_and_enabled_by_default() -> None:
    domain = mapped(
        search.opensearch_domain(
            tf(
                "aws_opensearch_domain",
                log_publishing_options=[
                    {"log_type": "AUDIT_LOGS", "cloudwatch_log_group_arn": "arn:logs"},
                    {
                        "log_type": "INDEX_SLOW_LOGS",
                        "cloudwatch_log_group_arn": "arn:x",
                        "enabled": False,
                    },
                ],
            )
        )
    )
    assert domain.properties["LogPublishingOptions"] == {
        "AUDIT_LOGS": {"CloudWatchLogsLogGroupArn": "arn:logs", "Enabled": True},
        "INDEX_SLOW_LOGS": {"CloudWatchLogsLogGroupArn": "arn:x", "Enabled": False},
    }


def test_enforce_https_defaults_only_inside_its_block() -> None:
    without = mapped(search.opensearch_domain(tf("aws_opensearch_domain")))
    assert "DomainEndpointOptions" not in without.properties
    written = mapped(
        search.opensearch_domain(
            tf("aws_opensearch_domain", domain_endpoint_options=[{"tls_security_policy": "p"}])
        )
    )
    assert written.properties["DomainEndpointOptions"] == {
        "EnforceHTTPS": True,
        "TLSSecurityPolicy": "p",
    }


def test_elasticsearch_domain_uses_its_own_property_names() -> None:
    domain = mapped(
        search.elasticsearch_domain(
            tf(
                "aws_elasticsearch_domain",
                elasticsearch_version="7.10",
                cluster_config=[{"instance_count": 3, "zone_awareness_enabled": True}],
                access_policies='{"Statement": []}',
            )
        )
    )
    assert domain.type == "AWS::Elasticsearch::Domain"
    assert domain.properties["ElasticsearchVersion"] == "7.10"
    assert domain.properties["ElasticsearchClusterConfig"] == {
        "InstanceCount": 3,
        "ZoneAwarenessEnabled": True,
    }
    assert domain.properties["AccessPolicies"] == {"Statement": []}


def test_efs_backup_policy_folds_into_the_file_system() -> None:
    owner: dict[str, Any] = {}
    efs.backup_policy(tf("aws_efs_backup_policy", backup_policy=[{"status": "ENABLED"}]), owner)
    assert owner == {"BackupPolicy": {"Status": "ENABLED"}}
    doubt: dict[str, Any] = {}
    efs.backup_policy(tf("aws_efs_backup_policy", backup_policy=Unknown("dynamic")), doubt)
    assert isinstance(doubt["BackupPolicy"]["Status"], Unknown)


def test_efs_file_system_lifecycle_and_tags() -> None:
    file_system = mapped(
        efs.file_system(
            tf(
                "aws_efs_file_system",
                encrypted=True,
                lifecycle_policy=[{"transition_to_ia": "AFTER_30_DAYS"}],
                tags={"team": "media"},
            )
        )
    )
    assert file_system.properties["Encrypted"] is True
    assert file_system.properties["LifecyclePolicies"] == [{"TransitionToIA": "AFTER_30_DAYS"}]
    assert file_system.properties["FileSystemTags"] == [{"Key": "team", "Value": "media"}]
