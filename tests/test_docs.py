"""Generated documentation stays in step with the catalogue."""

from __future__ import annotations

from golive._dev.docs import DOCS, README, pages, readme_with_catalogue


def test_generated_check_pages_are_current() -> None:
    wanted = pages()
    stale = [
        name
        for name, text in wanted.items()
        if not (DOCS / name).is_file() or (DOCS / name).read_text(encoding="utf-8") != text
    ]
    extra = sorted(p.name for p in DOCS.glob("*.md") if p.name not in wanted)
    assert not stale and not extra, (
        f"docs/checks is out of date (stale {stale}, extra {extra}): run python -m golive._dev.docs"
    )


def test_readme_catalogue_is_current() -> None:
    text = README.read_text(encoding="utf-8")
    for marker in ("<!-- catalogue:start", "<!-- catalogue:end -->"):
        assert marker in text, f"README lost the marker {marker!r} of its generated catalogue"
    assert text == readme_with_catalogue(text), (
        "README's catalogue is out of date: run python -m golive._dev.docs"
    )


def test_catalogue_cache_is_current() -> None:
    """The JSON cache of the catalogue matches the YAML (else every run parses the YAML)."""
    from golive._dev.docs import CATALOG_CACHE
    from golive.catalog import render_cache

    assert CATALOG_CACHE.read_text(encoding="utf-8") == render_cache(), (
        "run `python -m golive._dev.docs` to refresh the catalogue cache"
    )
