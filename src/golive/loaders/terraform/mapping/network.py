"""VPCs, subnets, gateways, route tables, routes, VPC endpoints and flow logs.

``golive.topology`` reads the network as CloudFormation writes it, and the mapping gives it
the same pieces:

- ``aws_internet_gateway`` with ``vpc_id`` attaches itself; CloudFormation needs an
  ``AWS::EC2::VPCGatewayAttachment`` for that, which becomes the companion
  ``<address>/attachment`` (topology learns from it which VPCs have an internet gateway).
- The inline ``route`` blocks of ``aws_route_table`` are ``AWS::EC2::Route`` resources in
  CloudFormation: companions ``<address>/route-<n>``, read like standalone ``aws_route``.
- ``aws_route_table_association`` names a subnet (``AWS::EC2::SubnetRouteTableAssociation``)
  or, for an edge association, a gateway (``AWS::EC2::GatewayRouteTableAssociation``).
- ``aws_vpc_endpoint_route_table_association`` is Terraform's split form of an endpoint's
  ``route_table_ids``: it adds its route table to the endpoint's ``RouteTableIds``.
- ``aws_flow_log`` names what it watches by one of ``vpc_id``, ``subnet_id``, ``eni_id``,
  ``transit_gateway_id`` or ``transit_gateway_attachment_id``; CloudFormation by
  ``ResourceId`` and ``ResourceType``.

Plans write every unset string argument of a nested block as ``""`` (a route's
``nat_gateway_id``, say); ``given`` treats those as absent, as Terraform does.

Provider defaults match CloudFormation's where checks look: subnets do not map public IPs,
endpoints are ``Gateway`` endpoints, flow logs go to CloudWatch Logs. Not mapped (topology
has no place for them): ``aws_default_route_table`` and ``aws_main_route_table_association``,
which change the main route table that subnets without an association use.
"""

from __future__ import annotations

from typing import Any

from golive.loaders.terraform.mapping import (
    Mapped,
    append_entry,
    converts,
    get,
    merges,
    nested,
    nested_blocks,
    put,
    renamed,
    tag_list,
)
from golive.loaders.terraform.mapping.json_text import json_value
from golive.loaders.terraform.model import TfResource
from golive.values import ABSENT, Reference, Text, Unknown


def given(value: Any) -> Any:
    """``value``, or ``ABSENT`` for the empty string a plan writes for an unset argument."""
    return ABSENT if value is None or value == "" else value


def put_given(properties: dict[str, Any], key: str, value: Any) -> None:
    """``put`` that also leaves out empty strings."""
    put(properties, key, given(value))


def id_list(value: Any) -> Any:
    """A list argument (ids, CIDRs) without empty entries; unknown lists stay unknown.

    ``ABSENT`` for an unset or empty list, so the property stays unset.
    """
    if value is None or value is ABSENT or value == "":
        return ABSENT
    if isinstance(value, (Unknown, Text, Reference)):
        return value if not isinstance(value, Reference) else [value]
    if isinstance(value, (list, tuple, set)):
        items = [item for item in value if given(item) is not ABSENT]
        return items or ABSENT
    return [value]


def renamed_given(attributes: Any, names: dict[str, str]) -> dict[str, Any]:
    """``renamed`` for nested blocks of plans: empty strings count as unset."""
    properties: dict[str, Any] = {}
    for tf_name, cfn_name in names.items():
        put_given(properties, cfn_name, get(attributes, tf_name))
    return properties


def block_given(attributes: Any, name: str, names: dict[str, str]) -> Any:
    """Nested block ``name`` through ``renamed_given``; ABSENT when unset, Unknown kept."""
    found = nested(attributes, name)
    if found is None:
        return ABSENT
    return found if isinstance(found, Unknown) else renamed_given(found, names)


# -- VPC and subnets ---------------------------------------------------------------------------


@converts("aws_vpc")
def vpc(resource: TfResource) -> Mapped:
    """``aws_vpc`` -> ``AWS::EC2::VPC``."""
    props = renamed(
        resource.attributes,
        {
            "cidr_block": "CidrBlock",
            "enable_dns_hostnames": "EnableDnsHostnames",
            "enable_dns_support": "EnableDnsSupport",
            "instance_tenancy": "InstanceTenancy",
            "ipv4_ipam_pool_id": "Ipv4IpamPoolId",
        },
    )
    put(props, "Tags", tag_list(resource))
    return Mapped("AWS::EC2::VPC", props)


@converts("aws_subnet")
def subnet(resource: TfResource) -> Mapped:
    """``aws_subnet`` -> ``AWS::EC2::Subnet`` (zone by name or by id, as written)."""
    props = renamed(
        resource.attributes,
        {
            "vpc_id": "VpcId",
            "cidr_block": "CidrBlock",
            "ipv6_cidr_block": "Ipv6CidrBlock",
            "availability_zone": "AvailabilityZone",
            "availability_zone_id": "AvailabilityZoneId",
            "map_public_ip_on_launch": "MapPublicIpOnLaunch",
            "assign_ipv6_address_on_creation": "AssignIpv6AddressOnCreation",
        },
    )
    put(props, "Tags", tag_list(resource))
    return Mapped("AWS::EC2::Subnet", props)


# -- gateways and addresses --------------------------------------------------------------------


@converts("aws_internet_gateway")
def internet_gateway(resource: TfResource) -> Mapped:
    """``aws_internet_gateway`` -> ``AWS::EC2::InternetGateway``, attached by a companion."""
    props: dict[str, Any] = {}
    put(props, "Tags", tag_list(resource))
    companions: dict[str, Mapped] = {}
    vpc_id = given(get(resource.attributes, "vpc_id"))
    if vpc_id is not ABSENT:
        attachment = {"VpcId": vpc_id, "InternetGatewayId": Reference(resource.address, "id")}
        companions["attachment"] = Mapped("AWS::EC2::VPCGatewayAttachment", attachment)
    return Mapped("AWS::EC2::InternetGateway", props, companions)


@converts("aws_internet_gateway_attachment")
def internet_gateway_attachment(resource: TfResource) -> Mapped:
    """``aws_internet_gateway_attachment`` -> ``AWS::EC2::VPCGatewayAttachment``."""
    props = renamed(
        resource.attributes, {"vpc_id": "VpcId", "internet_gateway_id": "InternetGatewayId"}
    )
    return Mapped("AWS::EC2::VPCGatewayAttachment", props)


@converts("aws_nat_gateway")
def nat_gateway(resource: TfResource) -> Mapped:
    """``aws_nat_gateway`` -> ``AWS::EC2::NatGateway`` (zonal, or regional by
    ``availability_mode``)."""
    props = renamed(
        resource.attributes,
        {
            "subnet_id": "SubnetId",
            "allocation_id": "AllocationId",
            "connectivity_type": "ConnectivityType",
            "private_ip": "PrivateIpAddress",
            "availability_mode": "AvailabilityMode",
            "vpc_id": "VpcId",
            "secondary_allocation_ids": "SecondaryAllocationIds",
        },
    )
    put(props, "Tags", tag_list(resource))
    return Mapped("AWS::EC2::NatGateway", props)


@converts("aws_eip")
def elastic_ip(resource: TfResource) -> Mapped:
    """``aws_eip`` -> ``AWS::EC2::EIP``; ``instance`` attaches it (``InstanceId``).

    The deprecated ``vpc = true`` is the ``domain = "vpc"`` of newer provider versions.
    """
    attrs = resource.attributes
    props = renamed(attrs, {"domain": "Domain", "instance": "InstanceId"})
    if "Domain" not in props and get(attrs, "vpc") is True:
        props["Domain"] = "vpc"
    put(props, "Tags", tag_list(resource))
    return Mapped("AWS::EC2::EIP", props)


@converts("aws_eip_association")
def elastic_ip_association(resource: TfResource) -> Mapped:
    """``aws_eip_association`` -> ``AWS::EC2::EIPAssociation``."""
    props = renamed(
        resource.attributes,
        {
            "instance_id": "InstanceId",
            "allocation_id": "AllocationId",
            "network_interface_id": "NetworkInterfaceId",
            "public_ip": "EIP",
            "private_ip_address": "PrivateIpAddress",
        },
    )
    return Mapped("AWS::EC2::EIPAssociation", props)


# -- route tables and routes -------------------------------------------------------------------

#: Route targets, named alike in ``aws_route`` and in inline ``route`` blocks.
_TARGETS = {
    "gateway_id": "GatewayId",
    "nat_gateway_id": "NatGatewayId",
    "transit_gateway_id": "TransitGatewayId",
    "vpc_endpoint_id": "VpcEndpointId",
    "vpc_peering_connection_id": "VpcPeeringConnectionId",
    "network_interface_id": "NetworkInterfaceId",
    "egress_only_gateway_id": "EgressOnlyInternetGatewayId",
    "carrier_gateway_id": "CarrierGatewayId",
    "local_gateway_id": "LocalGatewayId",
    "core_network_arn": "CoreNetworkArn",
    "instance_id": "InstanceId",
}
#: Destinations: ``aws_route`` spells them ``destination_*``, inline blocks do not.
_STANDALONE_DESTINATIONS = {
    "destination_cidr_block": "DestinationCidrBlock",
    "destination_ipv6_cidr_block": "DestinationIpv6CidrBlock",
    "destination_prefix_list_id": "DestinationPrefixListId",
}
_INLINE_DESTINATIONS = {
    "cidr_block": "DestinationCidrBlock",
    "ipv6_cidr_block": "DestinationIpv6CidrBlock",
    "destination_prefix_list_id": "DestinationPrefixListId",
}


@converts("aws_route_table")
def route_table(resource: TfResource) -> Mapped:
    """``aws_route_table`` -> ``AWS::EC2::RouteTable``, each inline route a companion route.

    A ``dynamic "route"`` over a value known only after apply gives no companion: topology
    then sees no route to the internet in this table (a limitation it has with templates
    too, where a route's destination is a parameter).
    """
    props: dict[str, Any] = {}
    put(props, "VpcId", get(resource.attributes, "vpc_id"))
    put(props, "Tags", tag_list(resource))
    routes = nested_blocks(resource.attributes, "route")
    companions: dict[str, Mapped] = {}
    for index, route in enumerate(routes if isinstance(routes, list) else []):
        route_props = {"RouteTableId": Reference(resource.address, "id")}
        route_props.update(renamed_given(route, {**_INLINE_DESTINATIONS, **_TARGETS}))
        companions[f"route-{index}"] = Mapped("AWS::EC2::Route", route_props)
    return Mapped("AWS::EC2::RouteTable", props, companions)


@converts("aws_route")
def route(resource: TfResource) -> Mapped:
    """``aws_route`` -> ``AWS::EC2::Route``."""
    props = renamed_given(
        resource.attributes,
        {"route_table_id": "RouteTableId", **_STANDALONE_DESTINATIONS, **_TARGETS},
    )
    return Mapped("AWS::EC2::Route", props)


@converts("aws_route_table_association")
def route_table_association(resource: TfResource) -> Mapped:
    """``aws_route_table_association`` -> the subnet's (or, with ``gateway_id``, the edge
    gateway's) route table association."""
    attrs = resource.attributes
    gateway = given(get(attrs, "gateway_id"))
    if gateway is not ABSENT and given(get(attrs, "subnet_id")) is ABSENT:
        props = {"GatewayId": gateway, "RouteTableId": get(attrs, "route_table_id")}
        return Mapped("AWS::EC2::GatewayRouteTableAssociation", props)
    props = renamed_given(attrs, {"subnet_id": "SubnetId", "route_table_id": "RouteTableId"})
    return Mapped("AWS::EC2::SubnetRouteTableAssociation", props)


# -- endpoints and flow logs -------------------------------------------------------------------


@converts("aws_vpc_endpoint")
def vpc_endpoint(resource: TfResource) -> Mapped:
    """``aws_vpc_endpoint`` -> ``AWS::EC2::VPCEndpoint`` (``Gateway`` unless told otherwise,
    in both)."""
    attrs = resource.attributes
    props = renamed(
        attrs,
        {
            "vpc_id": "VpcId",
            "service_name": "ServiceName",
            "vpc_endpoint_type": "VpcEndpointType",
            "private_dns_enabled": "PrivateDnsEnabled",
        },
    )
    put(props, "RouteTableIds", id_list(get(attrs, "route_table_ids")))
    put(props, "SubnetIds", id_list(get(attrs, "subnet_ids")))
    put(props, "SecurityGroupIds", id_list(get(attrs, "security_group_ids")))
    put(props, "PolicyDocument", json_value(get(attrs, "policy")))
    put(props, "Tags", tag_list(resource))
    return Mapped("AWS::EC2::VPCEndpoint", props)


@merges(
    "aws_vpc_endpoint_route_table_association",
    into="aws_vpc_endpoint",
    via="vpc_endpoint_id",
    owner_keys=("id",),
)
def vpc_endpoint_route_table(split: TfResource, owner: dict[str, Any]) -> None:
    """``aws_vpc_endpoint_route_table_association`` adds a route table to ``RouteTableIds``."""
    append_entry(owner, "RouteTableIds", get(split.attributes, "route_table_id"))


#: The argument that names what a flow log watches -> CloudFormation's ``ResourceType``.
_FLOW_LOG_SUBJECTS = {
    "vpc_id": "VPC",
    "subnet_id": "Subnet",
    "eni_id": "NetworkInterface",
    "transit_gateway_id": "TransitGateway",
    "transit_gateway_attachment_id": "TransitGatewayAttachment",
}


@converts("aws_flow_log")
def flow_log(resource: TfResource) -> Mapped:
    """``aws_flow_log`` -> ``AWS::EC2::FlowLog`` (``ResourceId``/``ResourceType`` from the
    argument that names the subject)."""
    attrs = resource.attributes
    props: dict[str, Any] = {}
    for argument, kind in _FLOW_LOG_SUBJECTS.items():
        subject = given(get(attrs, argument))
        if subject is not ABSENT:
            props["ResourceId"] = subject
            props["ResourceType"] = kind
            break
    props.update(
        renamed_given(
            attrs,
            {
                "traffic_type": "TrafficType",
                "log_destination_type": "LogDestinationType",
                "log_destination": "LogDestination",
                "log_group_name": "LogGroupName",
                "iam_role_arn": "DeliverLogsPermissionArn",
                "deliver_cross_account_role": "DeliverCrossAccountRole",
                "log_format": "LogFormat",
                "max_aggregation_interval": "MaxAggregationInterval",
            },
        )
    )
    put(props, "Tags", tag_list(resource))
    return Mapped("AWS::EC2::FlowLog", props)
