"""Zone bounds and the per-stack network index behind the multi-AZ and exposure checks."""

from __future__ import annotations

from golive.graph import build_graph
from golive.model import Location, Resource, Stack
from golive.resolver import Resolver
from golive.topology import Placement, spread, topology, zone_placement
from golive.values import Unknown, Zone


def test_zones_of_one_vocabulary_are_counted_exactly() -> None:
    names = spread([zone_placement("us-east-1a", "A"), zone_placement("us-east-1b", "B")])
    assert (names.at_least, names.at_most) == (2, 2)
    indexes = spread([zone_placement(Zone(0), "A"), zone_placement(Zone(0), "B")])
    assert (indexes.at_least, indexes.at_most) == (1, 1)
    ids = spread([zone_placement("use1-az1", "A"), zone_placement("use1-az4", "B")])
    assert (ids.at_least, ids.at_most) == (2, 2)


def test_names_ids_and_indexes_cannot_be_compared() -> None:
    mixed = spread([zone_placement("us-east-1a", "A"), zone_placement(Zone(0), "B")])
    assert (mixed.at_least, mixed.at_most) == (1, 2)
    by_id = spread([zone_placement("us-east-1a", "A"), zone_placement("use1-az1", "B")])
    assert (by_id.at_least, by_id.at_most) == (1, 2)


def test_unknown_zones_widen_the_upper_bound_and_say_why() -> None:
    chosen = zone_placement(None, "Subnet")
    assert chosen.key is None and "AWS chooses" in (chosen.reason or "")
    hidden = zone_placement(Unknown("parameter Az has no default"), "Subnet")
    bounds = spread([zone_placement("us-east-1a", "A"), chosen, hidden])
    assert (bounds.at_least, bounds.at_most) == (1, 3)
    assert any("parameter Az" in r for r in bounds.reasons)
    assert spread([Placement("x", reason="gone")]).reasons == ("gone",)


def _stack(resources: dict[str, tuple[str, dict[str, object]]]) -> Stack:
    return Stack(
        name="t",
        file="t.yaml",
        resources={
            lid: Resource(lid, kind, props, Location("t.yaml", 1))
            for lid, (kind, props) in resources.items()
        },
    )


def test_index_is_built_once_per_graph_and_reads_routes_and_rules() -> None:
    stack = _stack(
        {
            "Vpc": ("AWS::EC2::VPC", {}),
            "Igw": ("AWS::EC2::InternetGateway", {}),
            "Public": (
                "AWS::EC2::Subnet",
                {
                    "VpcId": {"Ref": "Vpc"},
                    "AvailabilityZone": {"Fn::Select": [1, {"Fn::GetAZs": ""}]},
                },
            ),
            "Private": ("AWS::EC2::Subnet", {"VpcId": {"Ref": "Vpc"}}),
            "Table": ("AWS::EC2::RouteTable", {"VpcId": {"Ref": "Vpc"}}),
            "Route": (
                "AWS::EC2::Route",
                {
                    "RouteTableId": {"Ref": "Table"},
                    "DestinationCidrBlock": "0.0.0.0/0",
                    "GatewayId": {"Ref": "Igw"},
                },
            ),
            "Assoc": (
                "AWS::EC2::SubnetRouteTableAssociation",
                {"SubnetId": {"Ref": "Public"}, "RouteTableId": {"Ref": "Table"}},
            ),
            "Group": ("AWS::EC2::SecurityGroup", {"GroupDescription": "db"}),
            "Rule": (
                "AWS::EC2::SecurityGroupIngress",
                {
                    "GroupId": {"Fn::GetAtt": ["Group", "GroupId"]},
                    "IpProtocol": "tcp",
                    "FromPort": 5400,
                    "ToPort": 5500,
                    "CidrIp": "0.0.0.0/0",
                },
            ),
        }
    )
    graph, _ = build_graph(stack)
    resolver = Resolver(stack)
    topo = topology(graph, resolver)
    assert topology(graph, resolver) is topo
    assert topo.subnet_zone["Public"].key == ("index", 1)
    assert topo.vpc_subnets == {"Vpc": ["Public", "Private"]}  # in template order
    assert topo.subnet_public("Public") is True
    assert topo.subnet_public("Private") is False  # the main route table of a new VPC
    assert topo.open_to_world("Group", 5432) is True
    assert topo.open_to_world("Group", 3306) is False
    assert isinstance(topo.open_to_world("Group", None), Unknown)
