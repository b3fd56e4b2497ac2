"""Regenerate ``golive/data/resource_types.json`` from the schemas cfn-lint ships.

Run ``python -m golive._dev.taggable`` after upgrading cfn-lint. The file lists every
CloudFormation resource type and, for taggable ones, the property that holds the tags; a
guard test fails when it drifts from the installed schemas.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

OUTPUT = Path(__file__).resolve().parent.parent / "data" / "resource_types.json"


def from_schemas() -> dict[str, Any]:
    """Type -> tag property (None when the type cannot be tagged)."""
    import cfnlint.data.schemas as package

    root = Path(str(package.__file__)).resolve().parent
    schemas = root / "resources"
    index = json.loads((root / "providers" / "us-east-1.json").read_text())
    types: dict[str, Any] = {}
    for resource_type, digest in sorted(index.items()):
        schema = json.loads((schemas / f"{digest}.json").read_text())
        tagging = schema.get("tagging")
        prop = None
        if tagging is None:
            # NOTE: some schemas (CodeBuild::Project, DocDB, Elasticsearch::Domain ...) carry a
            # Tags property but no tagging block; the property is what CloudFormation reads.
            prop = "Tags" if "Tags" in schema.get("properties", {}) else None
        elif tagging.get("taggable"):
            pointer = str(tagging.get("tagProperty") or "/properties/Tags")
            prop = pointer.removeprefix("/properties/").replace("/*/", ".*.")
        types[resource_type] = prop
    return types


def main() -> None:
    """Write the file."""
    OUTPUT.write_text(json.dumps(from_schemas(), indent=0, sort_keys=True) + "\n")
    print(f"wrote {OUTPUT}")


if __name__ == "__main__":
    main()
