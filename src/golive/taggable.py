"""Which CloudFormation resource types exist and which property holds their tags.

The data comes from the resource schemas cfn-lint ships (``python -m golive._dev.taggable``
regenerates it) and is read once, on first use.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources


@cache
def resource_types() -> dict[str, str | None]:
    """Every known type -> its tag property (dotted; ``*`` for each list item), or None."""
    text = resources.files("golive").joinpath("data/resource_types.json").read_text("utf-8")
    data: dict[str, str | None] = json.loads(text)
    return data


def tag_property(resource_type: str) -> str | None:
    """The property holding tags for ``resource_type``; None when it cannot be tagged."""
    return resource_types().get(resource_type)
