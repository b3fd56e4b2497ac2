"""The network, security group, compute, load balancing and CloudFront mappings.

Converters are called with hand-built ``TfResource``s, in the shapes the configuration
reader gives (blocks as lists of mappings) and the plan reader gives (unset strings as
``""``, unset lists as ``[]``).
"""

from __future__ import annotations

from typing import Any

from golive.loaders.terraform.build import build_stack, to_cloudformation
from golive.loaders.terraform.mapping import CONVERTERS, MERGERS, Mapped
from golive.loaders.terraform.mapping.registry import load_mappings
from golive.loaders.terraform.model import TfResource
from golive.model import Location
from golive.values import Reference, Unknown


def tf(
    tf_type: str, label: str, /, default_tags: dict[str, Any] | None = None, **attributes: Any
) -> TfResource:
    return TfResource(
        f"{tf_type}.{label}",
        tf_type,
        attributes,
        Location("main.tf", 1),
        default_tags=default_tags or {},
    )


def convert(resource: TfResource) -> Mapped:
    load_mappings()
    mapped = CONVERTERS[resource.type](resource)
    assert mapped is not None
    return mapped


def merge(split: TfResource, owner: dict[str, Any]) -> dict[str, Any]:
    load_mappings()
    MERGERS[split.type].merger(split, owner)
    return owner


# -- network -----------------------------------------------------------------------------------


def test_internet_gateway_attaches_itself_through_a_companion() -> None:
    vpc = Reference("aws_vpc.main", "id")
    mapped = convert(tf("aws_internet_gateway", "igw", vpc_id=vpc))
    assert mapped.type == "AWS::EC2::InternetGateway"
    attachment = mapped.companions["attachment"]
    assert attachment.type == "AWS::EC2::VPCGatewayAttachment"
    assert attachment.properties == {
        "VpcId": vpc,
        "InternetGatewayId": Reference("aws_internet_gateway.igw", "id"),
    }
    assert not convert(tf("aws_internet_gateway", "detached")).companions


def test_inline_routes_become_route_companions_without_the_plans_empty_strings() -> None:
    route = {
        "cidr_block": "0.0.0.0/0",
        "gateway_id": Reference("aws_internet_gateway.igw", "id"),
        "nat_gateway_id": "",
        "ipv6_cidr_block": "",
        "vpc_peering_connection_id": "",
    }
    mapped = convert(tf("aws_route_table", "public", vpc_id="vpc-1", route=[route]))
    (companion,) = mapped.companions.values()
    assert companion.type == "AWS::EC2::Route"
    assert companion.properties == {
        "RouteTableId": Reference("aws_route_table.public", "id"),
        "DestinationCidrBlock": "0.0.0.0/0",
        "GatewayId": Reference("aws_internet_gateway.igw", "id"),
    }


def test_standalone_route_and_edge_association() -> None:
    route = convert(
        tf(
            "aws_route",
            "default",
            route_table_id=Reference("aws_route_table.private", "id"),
            destination_cidr_block="0.0.0.0/0",
            nat_gateway_id=Reference("aws_nat_gateway.a", "id"),
        )
    )
    assert route.properties["NatGatewayId"] == Reference("aws_nat_gateway.a", "id")
    assert route.properties["DestinationCidrBlock"] == "0.0.0.0/0"
    edge = convert(
        tf("aws_route_table_association", "edge", gateway_id="igw-1", route_table_id="rtb-1")
    )
    assert edge.type == "AWS::EC2::GatewayRouteTableAssociation"


def test_flow_log_names_its_subject() -> None:
    eni = convert(tf("aws_flow_log", "eni", eni_id="eni-1", traffic_type="ALL"))
    assert eni.properties["ResourceId"] == "eni-1"
    assert eni.properties["ResourceType"] == "NetworkInterface"
    vpc = convert(tf("aws_flow_log", "vpc", vpc_id=Reference("aws_vpc.main", "id"), subnet_id=""))
    assert vpc.properties["ResourceType"] == "VPC"


def test_endpoint_route_table_association_adds_to_route_table_ids() -> None:
    split = tf(
        "aws_vpc_endpoint_route_table_association",
        "s3",
        vpc_endpoint_id=Reference("aws_vpc_endpoint.s3", "id"),
        route_table_id=Reference("aws_route_table.b", "id"),
    )
    owner = merge(split, {"RouteTableIds": [Reference("aws_route_table.a", "id")]})
    assert owner["RouteTableIds"] == [
        Reference("aws_route_table.a", "id"),
        Reference("aws_route_table.b", "id"),
    ]


# -- security groups ---------------------------------------------------------------------------


def test_each_cidr_of_an_inline_rule_is_a_rule_and_self_has_no_source() -> None:
    ingress = [
        {
            "from_port": 22,
            "to_port": 22,
            "protocol": "TCP",
            "cidr_blocks": ["10.0.0.0/8", "0.0.0.0/0"],
            "ipv6_cidr_blocks": [],
            "security_groups": [],
            "prefix_list_ids": [],
            "self": False,
            "description": "",
        },
        {"from_port": 0, "to_port": 0, "protocol": "-1", "self": True},
    ]
    mapped = convert(tf("aws_security_group", "ssh", ingress=ingress))
    assert mapped.properties["GroupDescription"] == "Managed by Terraform"
    assert mapped.properties["SecurityGroupIngress"] == [
        {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": "10.0.0.0/8"},
        {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": "0.0.0.0/0"},
        {"IpProtocol": "-1", "FromPort": 0, "ToPort": 0},
    ]
    assert "SecurityGroupEgress" not in mapped.properties


def test_unknown_inline_rules_stay_unknown() -> None:
    rules = Unknown("ingress is known only after apply")
    mapped = convert(tf("aws_security_group", "dynamic", ingress=rules))
    assert isinstance(mapped.properties["SecurityGroupIngress"], Unknown)
    one_unknown_cidr = [{"from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": rules}]
    mapped = convert(tf("aws_security_group", "var", ingress=one_unknown_cidr))
    assert mapped.properties["SecurityGroupIngress"][0]["CidrIp"] == rules


def test_standalone_rule_with_several_sources_keeps_the_open_one_on_its_address() -> None:
    group = Reference("aws_security_group.app", "id")
    mapped = convert(
        tf(
            "aws_security_group_rule",
            "ssh",
            type="ingress",
            security_group_id=group,
            protocol="tcp",
            from_port=22,
            to_port=22,
            cidr_blocks=["10.0.0.0/8", "0.0.0.0/0"],
        )
    )
    assert mapped.type == "AWS::EC2::SecurityGroupIngress"
    assert mapped.properties["CidrIp"] == "0.0.0.0/0"
    assert mapped.properties["GroupId"] == group
    assert mapped.companions["source-1"].properties["CidrIp"] == "10.0.0.0/8"
    own = convert(
        tf(
            "aws_security_group_rule",
            "self",
            type="egress",
            security_group_id=group,
            protocol="-1",
            from_port=0,
            to_port=0,
            self=True,
        )
    )
    assert own.type == "AWS::EC2::SecurityGroupEgress"
    assert own.properties["DestinationSecurityGroupId"] == group


def test_vpc_security_group_rules() -> None:
    ingress = convert(
        tf(
            "aws_vpc_security_group_ingress_rule",
            "all",
            security_group_id="sg-1",
            ip_protocol="-1",
            cidr_ipv6="::/0",
        )
    )
    assert ingress.properties == {"GroupId": "sg-1", "IpProtocol": "-1", "CidrIpv6": "::/0"}
    egress = convert(
        tf(
            "aws_vpc_security_group_egress_rule",
            "db",
            security_group_id="sg-1",
            ip_protocol="tcp",
            from_port=5432,
            to_port=5432,
            referenced_security_group_id="sg-2",
        )
    )
    assert egress.type == "AWS::EC2::SecurityGroupEgress"
    assert egress.properties["DestinationSecurityGroupId"] == "sg-2"


# -- compute -----------------------------------------------------------------------------------


def test_instance_public_ip_choice_is_its_primary_interface() -> None:
    mapped = convert(
        tf(
            "aws_instance",
            "api",
            subnet_id="subnet-1",
            associate_public_ip_address=True,
            root_block_device=[{"encrypted": True, "volume_type": "gp3"}],
            ebs_block_device=[{"device_name": "/dev/sdf", "encrypted": False}],
            metadata_options=[{"http_tokens": "required", "http_endpoint": "enabled"}],
        )
    )
    props = mapped.properties
    assert props["NetworkInterfaces"] == [
        {"DeviceIndex": "0", "AssociatePublicIpAddress": True, "SubnetId": "subnet-1"}
    ]
    assert props["BlockDeviceMappings"] == [
        {"DeviceName": "root_block_device", "Ebs": {"Encrypted": True, "VolumeType": "gp3"}},
        {"DeviceName": "/dev/sdf", "Ebs": {"Encrypted": False}},
    ]
    assert props["MetadataOptions"] == {"HttpTokens": "required", "HttpEndpoint": "enabled"}
    assert "NetworkInterfaces" not in convert(tf("aws_instance", "plain")).properties


def test_computed_root_device_of_a_plan_is_unknown() -> None:
    mapped = convert(tf("aws_instance", "app", root_block_device=Unknown("known after apply")))
    assert isinstance(mapped.properties["BlockDeviceMappings"], Unknown)


def test_launch_template_settings_live_under_launch_template_data() -> None:
    mapped = convert(
        tf(
            "aws_launch_template",
            "web",
            name="web",
            default_tags={"Team": "web"},
            monitoring=[{"enabled": True}],
            metadata_options=[{"http_tokens": "required"}],
            block_device_mappings=[
                {"device_name": "/dev/xvda", "ebs": [{"encrypted": "true", "volume_type": "gp3"}]}
            ],
            network_interfaces=[{"device_index": 0, "associate_public_ip_address": "false"}],
            tag_specifications=[{"resource_type": "instance", "tags": {"Name": "web"}}],
        )
    )
    data = mapped.properties["LaunchTemplateData"]
    assert mapped.properties["LaunchTemplateName"] == "web"
    assert data["Monitoring"] == {"Enabled": True}
    assert data["MetadataOptions"] == {"HttpTokens": "required"}
    assert data["BlockDeviceMappings"][0]["Ebs"] == {"Encrypted": "true", "VolumeType": "gp3"}
    assert data["NetworkInterfaces"] == [{"DeviceIndex": 0, "AssociatePublicIpAddress": "false"}]
    # default_tags do not reach tag specifications
    assert data["TagSpecifications"] == [
        {"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": "web"}]}
    ]


def test_volume_deletion_follows_final_snapshot() -> None:
    assert convert(tf("aws_ebs_volume", "a", final_snapshot=True)).deletion_policy == "Snapshot"
    assert convert(tf("aws_ebs_volume", "b")).deletion_policy == "Delete"
    unknown = convert(tf("aws_ebs_volume", "c", final_snapshot=Unknown("var")))
    assert unknown.deletion_policy is None


def test_auto_scaling_group_tags_and_attachments() -> None:
    mapped = convert(
        tf(
            "aws_autoscaling_group",
            "web",
            default_tags={"Environment": "production"},
            min_size=1,
            max_size=2,
            tag=[{"key": "Team", "value": "web", "propagate_at_launch": True}],
            launch_template=[{"id": Reference("aws_launch_template.web", "id"), "version": ""}],
        )
    )
    props = mapped.properties
    assert props["Tags"] == [{"Key": "Team", "Value": "web", "PropagateAtLaunch": True}]
    assert props["LaunchTemplate"] == {
        "LaunchTemplateId": Reference("aws_launch_template.web", "id")
    }
    attachment = tf(
        "aws_autoscaling_attachment",
        "web",
        autoscaling_group_name=Reference("aws_autoscaling_group.web", "id"),
        lb_target_group_arn=Reference("aws_lb_target_group.web", "arn"),
    )
    merge(attachment, props)
    assert props["TargetGroupARNs"] == [Reference("aws_lb_target_group.web", "arn")]
    assert "LoadBalancerNames" not in props


# -- load balancing ----------------------------------------------------------------------------


def test_load_balancer_attributes_are_strings_and_access_logs_default_off() -> None:
    mapped = convert(
        tf(
            "aws_lb",
            "shop",
            internal=False,
            drop_invalid_header_fields=True,
            idle_timeout=120,
            access_logs=[{"bucket": "logs", "prefix": ""}],
        )
    )
    props = mapped.properties
    assert props["Scheme"] == "internet-facing"
    assert props["LoadBalancerAttributes"] == [
        {"Key": "routing.http.drop_invalid_header_fields.enabled", "Value": "true"},
        {"Key": "idle_timeout.timeout_seconds", "Value": "120"},
        {"Key": "access_logs.s3.enabled", "Value": "false"},
        {"Key": "access_logs.s3.bucket", "Value": "logs"},
    ]
    assert "LoadBalancerAttributes" not in convert(tf("aws_alb", "bare")).properties


def test_classic_access_logs_default_on() -> None:
    mapped = convert(tf("aws_elb", "legacy", internal=True, access_logs=[{"bucket": "logs"}]))
    assert mapped.properties["AccessLoggingPolicy"] == {"Enabled": True, "S3BucketName": "logs"}
    assert mapped.properties["Scheme"] == "internal"


def test_classic_health_check_without_the_plans_empty_strings() -> None:
    check = [{"target": "HTTP:80/health", "interval": 30, "timeout": "", "healthy_threshold": 2}]
    mapped = convert(tf("aws_elb", "legacy", health_check=check))
    assert mapped.properties["HealthCheck"] == {
        "Target": "HTTP:80/health",
        "Interval": 30,
        "HealthyThreshold": 2,
    }
    dynamic = Unknown("health_check is known only after apply")
    unknown = convert(tf("aws_elb", "dynamic", health_check=dynamic, access_logs=dynamic))
    assert unknown.properties["HealthCheck"] == dynamic
    assert unknown.properties["AccessLoggingPolicy"] == dynamic
    assert "HealthCheck" not in convert(tf("aws_elb", "bare")).properties


def test_listener_actions() -> None:
    mapped = convert(
        tf(
            "aws_lb_listener",
            "http",
            load_balancer_arn=Reference("aws_lb.shop", "arn"),
            protocol="http",
            port=80,
            default_action=[
                {
                    "type": "redirect",
                    "redirect": [{"protocol": "HTTPS", "port": "443", "status_code": "HTTP_301"}],
                    "forward": [],
                    "target_group_arn": "",
                }
            ],
        )
    )
    assert mapped.properties["Protocol"] == "HTTP"
    assert mapped.properties["DefaultActions"] == [
        {
            "Type": "redirect",
            "RedirectConfig": {"Protocol": "HTTPS", "Port": "443", "StatusCode": "HTTP_301"},
        }
    ]


def test_target_group_health_check_block_sends_its_defaults() -> None:
    with_block = convert(
        tf("aws_lb_target_group", "tcp", protocol="TCP", health_check=[{"interval": 10}])
    )
    assert with_block.properties["HealthCheckProtocol"] == "HTTP"
    assert with_block.properties["HealthCheckEnabled"] is True
    without = convert(tf("aws_lb_target_group", "bare", protocol="TCP"))
    assert "HealthCheckProtocol" not in without.properties
    split = tf(
        "aws_lb_target_group_attachment",
        "a",
        target_group_arn=Reference("aws_lb_target_group.bare", "arn"),
        target_id="i-1",
        port=80,
    )
    assert merge(split, dict(without.properties))["Targets"] == [{"Id": "i-1", "Port": 80}]


# -- CloudFront --------------------------------------------------------------------------------


def test_distribution_origins_and_groups() -> None:
    bucket = Reference("aws_s3_bucket.site", "bucket_regional_domain_name")
    mapped = convert(
        tf(
            "aws_cloudfront_distribution",
            "site",
            origin=[
                {"origin_id": "site", "domain_name": bucket, "origin_access_control_id": "oac"},
                {
                    "origin_id": "api",
                    "domain_name": "api.example.com",
                    "custom_origin_config": [
                        {
                            "origin_protocol_policy": "https-only",
                            "origin_ssl_protocols": ["TLSv1.2"],
                        }
                    ],
                },
            ],
            origin_group=[
                {
                    "origin_id": "group",
                    "failover_criteria": [{"status_codes": [500, 503]}],
                    "member": [{"origin_id": "site"}, {"origin_id": "api"}],
                }
            ],
            default_cache_behavior=[
                {"target_origin_id": "group", "viewer_protocol_policy": "redirect-to-https"}
            ],
            logging_config=[{"bucket": Reference("aws_s3_bucket.logs", "bucket_domain_name")}],
        )
    )
    config = mapped.properties["DistributionConfig"]
    site, api = config["Origins"]
    # The builder names the bucket's Terraform attributes as CloudFormation does.
    buckets = {"aws_s3_bucket.site": "aws_s3_bucket", "aws_s3_bucket.logs": "aws_s3_bucket"}
    assert site["DomainName"] == bucket
    assert to_cloudformation(site["DomainName"], buckets) == {
        "Fn::GetAtt": ["aws_s3_bucket.site", "RegionalDomainName"]
    }
    assert site["S3OriginConfig"] == {"OriginAccessIdentity": ""}
    assert "S3OriginConfig" not in api
    assert api["CustomOriginConfig"]["OriginSSLProtocols"] == ["TLSv1.2"]
    assert config["OriginGroups"]["Quantity"] == 1
    group = config["OriginGroups"]["Items"][0]
    assert group["Members"] == {"Quantity": 2, "Items": [{"OriginId": "site"}, {"OriginId": "api"}]}
    assert group["FailoverCriteria"] == {"StatusCodes": {"Quantity": 2, "Items": [500, 503]}}
    assert config["Logging"] == {"Bucket": Reference("aws_s3_bucket.logs", "bucket_domain_name")}
    assert to_cloudformation(config["Logging"], buckets) == {
        "Bucket": {"Fn::GetAtt": ["aws_s3_bucket.logs", "DomainName"]}
    }


# -- through the builder -----------------------------------------------------------------------


def test_companions_refer_to_their_owner_in_the_stack() -> None:
    instances = [
        tf("aws_vpc", "main", cidr_block="10.0.0.0/16"),
        tf("aws_internet_gateway", "igw", vpc_id=Reference("aws_vpc.main", "id")),
        tf(
            "aws_route_table",
            "public",
            vpc_id=Reference("aws_vpc.main", "id"),
            route=[
                {
                    "cidr_block": "0.0.0.0/0",
                    "gateway_id": Reference("aws_internet_gateway.igw", "id"),
                }
            ],
        ),
    ]
    stack = build_stack("main.tf", "main.tf", instances)
    route = stack.resources["aws_route_table.public/route-0"]
    assert route.type == "AWS::EC2::Route"
    assert route.properties["RouteTableId"] == {"Ref": "aws_route_table.public"}
    assert route.properties["GatewayId"] == {"Ref": "aws_internet_gateway.igw"}
    attachment = stack.resources["aws_internet_gateway.igw/attachment"]
    assert attachment.properties == {
        "VpcId": {"Ref": "aws_vpc.main"},
        "InternetGatewayId": {"Ref": "aws_internet_gateway.igw"},
    }
