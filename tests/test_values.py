"""The intrinsic-function resolver: known values, unknowns kept explicit, never guessed."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from golive.model import Location, Resource, Stack
from golive.resolver import Resolver
from golive.values import ABSENT, GETAZS_LENGTH, Reference, Text, Unknown, Zone, is_known, node_at


def make_stack(
    parameters: dict[str, Any] | None = None,
    conditions: dict[str, Any] | None = None,
    mappings: dict[str, Any] | None = None,
    resources: tuple[str, ...] = ("Bucket", "Fn"),
) -> Stack:
    return Stack(
        name="t",
        file="t.yaml",
        resources={r: Resource(r, "AWS::S3::Bucket", {}, Location("t.yaml", 1)) for r in resources},
        parameters=parameters or {},
        conditions=conditions or {},
        mappings=mappings or {},
    )


def test_ref_to_parameter_uses_default_then_override() -> None:
    stack = make_stack({"Days": {"Type": "Number", "Default": 30}})
    assert Resolver(stack).resolve({"Ref": "Days"}) == 30
    assert Resolver(stack, {"Days": "365"}).resolve({"Ref": "Days"}) == "365"


def test_parameter_without_default_is_unknown_and_says_how_to_fix() -> None:
    value = Resolver(make_stack({"Days": {"Type": "Number"}})).resolve({"Ref": "Days"})
    assert isinstance(value, Unknown)
    assert "--parameter Days=" in value.reason


def test_ssm_parameter_is_unknown_even_with_a_default() -> None:
    stack = make_stack({"Ami": {"Type": "AWS::SSM::Parameter::Value<String>", "Default": "/ami"}})
    value = Resolver(stack).resolve({"Ref": "Ami"})
    assert isinstance(value, Unknown) and "SSM" in value.reason


def test_comma_delimited_list_parameter_splits() -> None:
    stack = make_stack({"Zones": {"Type": "CommaDelimitedList", "Default": "a, b,c"}})
    assert Resolver(stack).resolve({"Ref": "Zones"}) == ["a", "b", "c"]


def test_pseudo_parameters_are_unknown_unless_given() -> None:
    resolver = Resolver(make_stack())
    assert isinstance(resolver.resolve({"Ref": "AWS::Region"}), Unknown)
    assert (
        Resolver(make_stack(), {"AWS::Region": "eu-west-1"}).resolve({"Ref": "AWS::Region"})
        == "eu-west-1"
    )


def test_no_value_removes_keys_and_items() -> None:
    resolver = Resolver(make_stack())
    node = {"A": {"Ref": "AWS::NoValue"}, "B": [1, {"Ref": "AWS::NoValue"}, 2]}
    assert resolver.resolve(node) == {"B": [1, 2]}
    assert resolver.resolve({"Ref": "AWS::NoValue"}) is ABSENT


def test_resource_references_are_symbolic() -> None:
    resolver = Resolver(make_stack())
    assert resolver.resolve({"Ref": "Bucket"}) == Reference("Bucket")
    assert resolver.resolve({"Fn::GetAtt": ["Bucket", "Arn"]}) == Reference("Bucket", "Arn")
    assert resolver.resolve({"Fn::GetAtt": "Bucket.Arn"}) == Reference("Bucket", "Arn")


def test_sub_with_known_and_unknown_parts() -> None:
    stack = make_stack({"Env": {"Type": "String", "Default": "prod"}})
    resolver = Resolver(stack)
    assert resolver.resolve({"Fn::Sub": "app-${Env}"}) == "app-prod"
    assert resolver.resolve({"Fn::Sub": ["${X}-${Env}", {"X": "a"}]}) == "a-prod"
    assert resolver.resolve({"Fn::Sub": "${!Literal}-x"}) == "${Literal}-x"
    text = resolver.resolve({"Fn::Sub": "/aws/lambda/${Fn}"})
    assert isinstance(text, Text)
    assert text.parts == ("/aws/lambda/", Reference("Fn"))
    region = resolver.resolve({"Fn::Sub": "arn:aws:kms:${AWS::Region}:key/1"})
    assert isinstance(region, Text) and region.literal("?") == "arn:aws:kms:?:key/1"


def test_join_select_split_findinmap() -> None:
    stack = make_stack(mappings={"Sizes": {"prod": {"Days": 365}}})
    resolver = Resolver(stack)
    assert resolver.resolve({"Fn::Join": ["-", ["a", "b", 3]]}) == "a-b-3"
    assert resolver.resolve({"Fn::Select": [1, ["a", "b"]]}) == "b"
    assert resolver.resolve({"Fn::Select": ["1", {"Fn::Split": [",", "x,y"]}]}) == "y"
    assert resolver.resolve({"Fn::FindInMap": ["Sizes", "prod", "Days"]}) == 365
    missing = resolver.resolve({"Fn::FindInMap": ["Sizes", "dev", "Days"]})
    assert isinstance(missing, Unknown)
    default = {"Fn::FindInMap": ["Sizes", "dev", "Days", {"DefaultValue": 30}]}
    assert resolver.resolve(default) == 30


# -- availability zones -------------------------------------------------------------------


def test_getazs_lists_distinct_symbolic_zones_whatever_the_region_argument() -> None:
    resolver = Resolver(make_stack())
    for region in ("", {"Ref": "AWS::Region"}, "eu-west-1"):
        zones = resolver.resolve({"Fn::GetAZs": region})
        assert zones == [Zone(i) for i in range(GETAZS_LENGTH)]
    assert Zone(0) != Zone(1) and Zone(2) == Zone(2)
    assert is_known(Zone(0)) and str(Zone(1)) == "zone 1 of Fn::GetAZs"


def test_select_of_getazs_gives_the_zone_at_that_index() -> None:
    resolver = Resolver(make_stack({"Index": {"Type": "Number", "Default": 2}}))
    assert resolver.resolve({"Fn::Select": [0, {"Fn::GetAZs": ""}]}) == Zone(0)
    second = {"Fn::Select": ["1", {"Fn::GetAZs": {"Ref": "AWS::Region"}}]}
    assert resolver.resolve(second) == Zone(1)
    assert resolver.resolve({"Fn::Select": [{"Ref": "Index"}, {"Fn::GetAZs": ""}]}) == Zone(2)
    beyond = resolver.resolve({"Fn::Select": [GETAZS_LENGTH, {"Fn::GetAZs": ""}]})
    assert isinstance(beyond, Unknown)


def test_zones_compare_with_each_other_but_not_with_zone_names() -> None:
    stack = make_stack(
        {"Zone": {"Type": "String", "Default": "us-east-1a"}},
        {
            "SameIndex": {
                "Fn::Equals": [
                    {"Fn::Select": [0, {"Fn::GetAZs": ""}]},
                    {"Fn::Select": [0, {"Fn::GetAZs": ""}]},
                ]
            },
            "OtherIndex": {
                "Fn::Equals": [
                    {"Fn::Select": [0, {"Fn::GetAZs": ""}]},
                    {"Fn::Select": [1, {"Fn::GetAZs": ""}]},
                ]
            },
            "ByName": {"Fn::Equals": [{"Fn::Select": [0, {"Fn::GetAZs": ""}]}, {"Ref": "Zone"}]},
        },
    )
    resolver = Resolver(stack)
    assert resolver.condition("SameIndex") is True
    assert resolver.condition("OtherIndex") is False
    assert isinstance(resolver.condition("ByName"), Unknown)


def test_zone_used_as_text_or_counted_is_unknown() -> None:
    resolver = Resolver(make_stack())
    first = {"Fn::Select": [0, {"Fn::GetAZs": ""}]}
    named = resolver.resolve({"Fn::Sub": ["subnet-in-${Az}", {"Az": first}]})
    assert isinstance(named, Text) and "availability zone" in named.reason
    assert isinstance(resolver.resolve({"Fn::Length": {"Fn::GetAZs": ""}}), Unknown)
    assert isinstance(resolver.resolve({"Fn::ToJsonString": {"Az": first}}), Unknown)


def test_conditions_decide_if_and_undecidable_ones_stay_unknown() -> None:
    stack = make_stack(
        {"Env": {"Type": "String", "Default": "prod"}, "Free": {"Type": "String"}},
        {
            "IsProd": {"Fn::Equals": [{"Ref": "Env"}, "prod"]},
            "IsFree": {"Fn::Equals": [{"Ref": "Free"}, "x"]},
            "Both": {"Fn::And": [{"Condition": "IsProd"}, {"Fn::Not": [{"Condition": "IsProd"}]}]},
            "Either": {"Fn::Or": [{"Condition": "IsProd"}, {"Condition": "IsFree"}]},
        },
    )
    resolver = Resolver(stack)
    assert resolver.resolve({"Fn::If": ["IsProd", 365, 7]}) == 365
    assert resolver.condition("Both") is False
    assert resolver.condition("Either") is True  # decided although IsFree is not
    undecided = resolver.resolve({"Fn::If": ["IsFree", 365, 7]})
    assert isinstance(undecided, Unknown) and "IsFree" in undecided.reason
    assert resolver.with_assumptions({"IsFree": False}).resolve({"Fn::If": ["IsFree", 365, 7]}) == 7


def test_condition_cycle_is_unknown_not_a_crash() -> None:
    stack = make_stack(conditions={"A": {"Condition": "B"}, "B": {"Fn::Not": [{"Condition": "A"}]}})
    assert isinstance(Resolver(stack).condition("A"), Unknown)


def test_unknown_intrinsic_is_unknown() -> None:
    assert isinstance(Resolver(make_stack()).resolve({"Fn::Nope": 1}), Unknown)


# -- properties -------------------------------------------------------------------------

_scalars = st.one_of(st.text(max_size=8), st.integers(), st.booleans())
_literals = st.recursive(
    _scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.text(min_size=2, max_size=6).filter(
                lambda k: not k.startswith("Fn::") and k != "Ref"
            ),
            inner,
            max_size=4,
        ),
    ),
    max_leaves=20,
)


@given(_literals)
def test_literals_resolve_to_themselves(value: Any) -> None:
    assert Resolver(make_stack()).resolve(value) == value


@given(
    st.lists(st.text(alphabet="abc-_/", max_size=6), min_size=1, max_size=5),
    st.sampled_from(["", "-", "/"]),
)
def test_join_of_literals_equals_str_join(items: list[str], delimiter: str) -> None:
    assert Resolver(make_stack()).resolve({"Fn::Join": [delimiter, items]}) == delimiter.join(items)


@given(st.lists(st.text(alphabet="xyz", min_size=1, max_size=4), min_size=1, max_size=5), st.data())
def test_select_matches_indexing(items: list[str], data: st.DataObject) -> None:
    index = data.draw(st.integers(min_value=0, max_value=len(items) - 1))
    assert Resolver(make_stack()).resolve({"Fn::Select": [index, items]}) == items[index]


@given(st.text(alphabet="ab${}!.", max_size=20))
def test_sub_never_raises_and_is_known_or_explained(template: str) -> None:
    value = Resolver(make_stack()).resolve({"Fn::Sub": template})
    assert isinstance(value, (str, Text, Unknown))
    if isinstance(value, (Text, Unknown)):
        assert value.reason


@given(st.sampled_from(["IsFree", "IsProd"]), _literals, _literals)
def test_if_picks_a_branch_or_says_which_condition(name: str, yes: Any, no: Any) -> None:
    stack = make_stack(
        {"Env": {"Type": "String", "Default": "prod"}, "Free": {"Type": "String"}},
        {
            "IsProd": {"Fn::Equals": [{"Ref": "Env"}, "prod"]},
            "IsFree": {"Fn::Equals": [{"Ref": "Free"}, "x"]},
        },
    )
    value = Resolver(stack).resolve({"Fn::If": [name, yes, no]})
    if name == "IsProd":
        assert value == yes
    else:
        assert isinstance(value, Unknown) and name in value.reason
        for assumed, expected in ((True, yes), (False, no)):
            assert (
                Resolver(stack, assumptions={name: assumed}).resolve({"Fn::If": [name, yes, no]})
                == expected
            )


@given(_literals)
def test_is_known_holds_for_literals(value: Any) -> None:
    assert is_known(value)


def test_node_at_walks_raw_nodes_and_stops_where_the_path_leaves_them() -> None:
    tree = {"Rules": [{"Target": {"Ref": "Queue"}}], "Name": "x"}
    assert node_at(tree, "Rules", 0, "Target") == {"Ref": "Queue"}
    assert node_at(tree, "Rules", 1, "Target") is None  # past the end of the list
    assert node_at(tree, "Name", "Target") is None  # a string has no keys
    assert node_at(tree, "Rules", "0") is None  # a list is indexed by position only
    assert node_at(tree) is tree
