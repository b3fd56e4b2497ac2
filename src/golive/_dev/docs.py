"""Regenerate ``docs/checks/<id>.md`` and ``docs/checks/README.md`` from the catalogue.

Run ``python -m golive._dev.docs``; ``tests/test_docs.py`` fails when the pages are stale.
"""

from __future__ import annotations

from pathlib import Path

from golive.catalog import load_catalog
from golive.model import Profile
from golive.report.explain import explain, rules_markdown

DOCS = Path(__file__).resolve().parents[3] / "docs" / "checks"


def pages() -> dict[str, str]:
    """File name -> content of every generated page."""
    catalog = load_catalog()
    generated = {f"{check_id}.md": explain(meta) for check_id, meta in catalog.items()}
    index = "# golive checks\n\nGenerated from the catalogue by `python -m golive._dev.docs`.\n\n"
    table = rules_markdown(catalog, Profile.PRODUCTION)
    for check_id in catalog:
        table = table.replace(f"| `{check_id}` |", f"| [`{check_id}`]({check_id}.md) |")
    generated["README.md"] = index + table
    return generated


def main() -> None:
    """Write every page and remove pages of checks that no longer exist."""
    DOCS.mkdir(parents=True, exist_ok=True)
    wanted = pages()
    for stale in DOCS.glob("*.md"):
        if stale.name not in wanted:
            stale.unlink()
    for name, text in wanted.items():
        (DOCS / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(wanted)} pages to {DOCS}")


if __name__ == "__main__":
    main()
