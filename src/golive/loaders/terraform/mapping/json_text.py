"""JSON text in Terraform attributes (policies, event patterns, definitions) as data.

Terraform writes these documents as ``jsonencode`` data, as JSON strings, or as heredocs
with ``${...}`` interpolations; CloudFormation as data. A heredoc is parsed around its
interpolations (``golive.json_text``).
"""

from __future__ import annotations

import json
from typing import Any

from golive.json_text import json_filled, json_source
from golive.values import ABSENT, Text, Unknown


def json_value(value: Any) -> Any:
    """A JSON-text attribute (policy, redrive policy, event pattern, definition) as data.

    ``jsonencode`` already gives data; a heredoc or literal string is parsed; an empty
    string (what a plan shows for an unset one) is absent. A heredoc with interpolations
    (``"Resource": "${aws_sqs_queue.jobs.arn}"``) is parsed around them, each interpolation
    kept as the reference or unknown it is. JSON that cannot be read is unknown.
    """
    if isinstance(value, str):
        if not value.strip():
            return ABSENT
        try:
            return json.loads(value)
        except ValueError:
            return Unknown("the JSON document is not valid JSON")
    if isinstance(value, Text):
        source, holes = json_source(value)
        try:
            data = json.loads(source)
        except ValueError:
            return value  # an interpolation outside a JSON string: not known before apply
        return json_filled(data, holes)
    return value
