"""The shared helpers of the Terraform mapping package (``golive.loaders.terraform.mapping``)."""

from __future__ import annotations

from typing import Any

from golive.loaders.terraform.mapping import (
    append_entry,
    enabled_disabled,
    listed,
    put_list,
    put_nonempty,
    renamed,
    renamed_block,
    renamed_blocks,
    shaped_block,
    shaped_blocks,
)
from golive.values import ABSENT, Reference, Text, Unknown

NAMES = {"name": "Name", "value": "Value"}


def test_renamed_leaves_unset_arguments_out_and_takes_no_block() -> None:
    assert renamed({"name": "a", "value": None, "other": 1}, NAMES) == {"Name": "a"}
    assert renamed(None, NAMES) == {}


def test_renamed_block_absent_known_and_unknown() -> None:
    assert renamed_block({}, "setting", NAMES) is None
    assert renamed_block({"setting": [{"name": "a"}]}, "setting", NAMES) == {"Name": "a"}
    unknown = Unknown("dynamic setting's for_each is known only after apply")
    assert renamed_block({"setting": unknown}, "setting", NAMES) == unknown
    text = Text(("prefix-", Unknown("var.x is known only after apply")))
    assert renamed_block({"setting": text}, "setting", NAMES) == Unknown(
        "var.x is known only after apply"
    )
    assert shaped_block({"setting": {"name": "a"}}, "setting", lambda b: b["name"]) == "a"


def test_renamed_blocks_none_every_block_and_unknown() -> None:
    assert renamed_blocks({}, "setting", NAMES) is None
    assert renamed_blocks({"setting": []}, "setting", NAMES) is None
    found = renamed_blocks({"setting": [{"name": "a"}, {"value": 1}]}, "setting", NAMES)
    assert found == [{"Name": "a"}, {"Value": 1}]
    unknown = Unknown("setting is known only after apply")
    assert renamed_blocks({"setting": unknown}, "setting", NAMES) == unknown
    # One block known only after apply makes the list unknown, not one block shorter.
    assert isinstance(
        renamed_blocks({"setting": [{"name": "a"}, unknown]}, "setting", NAMES), Unknown
    )
    reference = Reference("aws_x.y", "settings")
    assert renamed_blocks({"setting": reference}, "setting", NAMES) == Unknown(
        "setting is known only after apply"
    )
    assert shaped_blocks({"setting": [{"name": "a"}]}, "setting", len) == [1]


def test_put_nonempty_leaves_out_absent_and_empty_structures() -> None:
    properties: dict[str, Any] = {}
    for key, value in (("a", None), ("b", ABSENT), ("c", {}), ("d", [])):
        put_nonempty(properties, key, value)
    assert properties == {}
    unknown = Unknown("not known")
    for key, value in (("e", {"X": 1}), ("f", [1]), ("g", unknown), ("h", 0), ("i", False)):
        put_nonempty(properties, key, value)
    assert properties == {"e": {"X": 1}, "f": [1], "g": unknown, "h": 0, "i": False}


def test_listed_makes_one_value_a_list() -> None:
    assert listed(ABSENT) is ABSENT
    assert listed(None) is ABSENT
    assert listed(["a"]) == ["a"]
    assert listed("a") == ["a"]
    reference = Reference("aws_iam_role.r", "name")
    assert listed(reference) == [reference]
    text = Text(("role-", Unknown("var.env is known only after apply")))
    assert listed(text) == [text]
    unknown = Unknown("the list is known only after apply")
    assert listed(unknown) == unknown


def test_put_list_leaves_out_unset_and_empty_lists() -> None:
    properties: dict[str, Any] = {}
    put_list(properties, "A", ABSENT)
    put_list(properties, "B", [])
    put_list(properties, "C", "sg-1")
    put_list(properties, "D", ["sg-1", "sg-2"])
    assert properties == {"C": ["sg-1"], "D": ["sg-1", "sg-2"]}


def test_append_entry_adds_to_a_known_list_only() -> None:
    owner: dict[str, Any] = {}
    append_entry(owner, "Targets", {"Id": "a"})
    append_entry(owner, "Targets", {"Id": "b"})
    append_entry(owner, "Targets", ABSENT)
    assert owner == {"Targets": [{"Id": "a"}, {"Id": "b"}]}
    for doubt in (Unknown("var.targets"), Text(("tg-", Unknown("var.env")))):
        owner = {"Targets": doubt}
        append_entry(owner, "Targets", {"Id": "c"})
        assert owner == {"Targets": doubt}


def test_enabled_disabled() -> None:
    assert enabled_disabled(True) == "ENABLED"
    assert enabled_disabled("TRUE") == "ENABLED"
    assert enabled_disabled(False) == "DISABLED"
    assert enabled_disabled("false") == "DISABLED"
    assert enabled_disabled("ENABLED") == "ENABLED"
    unknown = Unknown("not known")
    assert enabled_disabled(unknown) == unknown
    assert enabled_disabled(ABSENT) is ABSENT
