"""What a scan keeps of a stack once it is judged."""

from __future__ import annotations

import pickle

import pytest

from golive.model import DROPPED, Comment, Location, Resource, Stack


def _stack() -> Stack:
    bucket = Resource(
        "Logs",
        "AWS::S3::Bucket",
        {"BucketName": "logs"},
        Location("t.yaml", 4),
        metadata={"golive": {"skip": [{"id": "s3.versioning", "reason": "scratch"}]}},
        comments=(Comment(3, "# scratch bucket"),),
    )
    return Stack(
        "t",
        "t.yaml",
        {"Logs": bucket},
        parameters={"Env": {"Type": "String"}},
        mappings={"Region": {"us-east-1": {"Ami": "ami-1"}}},
        source_kind="sam",
        tags={"team": "orders"},
    )


def test_a_reviewed_stack_keeps_what_reports_and_suppressions_read() -> None:
    kept = _stack().after_review()
    (logs,) = kept.resources.values()
    assert (kept.name, kept.file, kept.source_kind, dict(kept.tags)) == (
        "t",
        "t.yaml",
        "sam",
        {"team": "orders"},
    )
    assert (logs.logical_id, logs.type, logs.location) == (
        "Logs",
        "AWS::S3::Bucket",
        Location("t.yaml", 4),
    )
    assert logs.metadata["golive"]["skip"][0]["id"] == "s3.versioning"
    assert logs.comments == (Comment(3, "# scratch bucket"),)


def test_reading_what_a_reviewed_stack_dropped_is_an_error() -> None:
    kept = _stack().after_review()
    with pytest.raises(RuntimeError, match="after_review"):
        kept.resources["Logs"].properties.get("BucketName")
    with pytest.raises(RuntimeError, match="after_review"):
        list(kept.parameters)
    with pytest.raises(RuntimeError, match="after_review"):
        len(kept.conditions)


def test_the_dropped_marker_is_one_object_across_processes() -> None:
    kept = pickle.loads(pickle.dumps(_stack().after_review()))
    assert kept.mappings is DROPPED
    assert kept.resources["Logs"].properties is DROPPED
