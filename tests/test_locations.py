"""Every resource points at the line of its logical id, in YAML and JSON alike."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from golive.loaders.cloudformation import load_template

TEMPLATE = {
    "AWSTemplateFormatVersion": "2010-09-09",
    "Resources": {
        "Logs": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": 7}},
        "Queue": {"Type": "AWS::SQS::Queue"},
    },
}


def _id_lines(text: str) -> dict[str, int]:
    lines = text.splitlines()
    return {
        name: next(i for i, line in enumerate(lines, 1) if line.strip().strip('"').startswith(name))
        for name in TEMPLATE["Resources"]  # type: ignore[union-attr]
    }


def test_yaml_and_json_resources_point_at_their_logical_id(tmp_path: Path) -> None:
    for name, text in (
        ("t.yaml", yaml.safe_dump(TEMPLATE, sort_keys=False)),
        ("t.json", json.dumps(TEMPLATE, indent=2)),
    ):
        path = tmp_path / name
        path.write_text(text)
        loaded = load_template(path, {})
        assert loaded is not None
        for logical_id, line in _id_lines(text).items():
            assert loaded.stack.resources[logical_id].location.line == line, (name, logical_id)
