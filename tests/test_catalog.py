"""Guard tests: the catalogue, the registered checks and their fixtures stay in step.

Each test states one rule of the project that nothing else enforces: ids agree in the three
places they appear, every check is exercised by fixtures for each verdict it can give,
catalogue data is well-formed, importing the checks does no I/O, modules stay small, and the
resource-type table matches the installed CloudFormation schemas.
"""

from __future__ import annotations

import inspect
import json
import re
import subprocess
import sys
import textwrap
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import golive
from golive.catalog import CROSSWALK_SCHEMES, load_catalog
from golive.checks import REGISTRY
from golive.loaders.documents import parse_yaml
from golive.taggable import resource_types
from tests.fixtures import CHECKS_DIR, is_fixture

SOURCE_ROOT = Path(golive.__file__).resolve().parent
LINE_CAP = 400

CATALOG = load_catalog()
CHECK_IDS = sorted(REGISTRY)


def _fixture_stems(check_id: str) -> list[str]:
    folder = CHECKS_DIR / check_id
    if not folder.is_dir():
        return []
    return sorted(p.stem for p in folder.iterdir() if is_fixture(p) and p.suffix != ".tf")


def _has_fixture(check_id: str, verdict: str) -> bool:
    return any(s == verdict or s.startswith(verdict + "_") for s in _fixture_stems(check_id))


#: The verdict constructors (``co_names`` also lists ``value.unknown``, an attribute).
_VERDICTS = frozenset({"passed", "failed", "not_applicable", "unknown"})


def _reachable_source(function: Callable[..., Any]) -> str:
    """The source of ``function`` and of the check-package functions it calls, transitively.

    Shared verdict helpers (``checks.base.switch``, ``resource_policy``, ``rds_scope`` ...)
    are followed too: a verdict a helper gives is a verdict the check can give.
    """
    seen: set[str] = set()
    sources: list[str] = []
    work: list[Any] = [function]
    while work:
        current = work.pop()
        key = f"{current.__module__}.{current.__qualname__}"
        if key in seen:
            continue
        seen.add(key)
        sources.append(inspect.getsource(current))
        for name in current.__code__.co_names:
            if name in _VERDICTS:
                continue  # calls to these are what the search finds; attribute names alike
            candidate = current.__globals__.get(name)
            if isinstance(candidate, types.FunctionType) and candidate.__module__.startswith(
                "golive.checks"
            ):
                work.append(candidate)
    return "\n".join(sources)


def _verdicts_given(function: Callable[..., Any]) -> list[str]:
    """Which of NOT_APPLICABLE and UNKNOWN ``function`` can give, by the calls it reaches."""
    source = _reachable_source(function)
    return [v for v in ("not_applicable", "unknown") if re.search(rf"(?<![\w.]){v}\(", source)]


def test_catalogue_ids_equal_registered_ids() -> None:
    assert set(CATALOG) == set(REGISTRY)


def test_every_fixture_directory_names_a_check() -> None:
    folders = {p.name for p in CHECKS_DIR.iterdir() if p.is_dir() and not p.name.startswith("_")}
    assert folders <= set(REGISTRY), f"fixtures for unknown checks: {folders - set(REGISTRY)}"


@pytest.mark.parametrize("check_id", CHECK_IDS)
def test_check_has_pass_and_fail_fixtures(check_id: str) -> None:
    missing = [v for v in ("pass", "fail") if not _has_fixture(check_id, v)]
    assert not missing, f"tests/checks/{check_id}/ needs {', '.join(m + '.yaml' for m in missing)}"


@pytest.mark.parametrize("check_id", CHECK_IDS)
def test_check_has_fixtures_for_each_verdict_it_can_give(check_id: str) -> None:
    needed = _verdicts_given(REGISTRY[check_id])
    missing = [v for v in needed if not _has_fixture(check_id, v)]
    assert not missing, (
        f"{check_id} can return {', '.join(m.upper() for m in missing)}: add "
        + ", ".join(f"tests/checks/{check_id}/{m}.yaml" for m in missing)
    )


def test_verdicts_given_through_shared_helpers_are_found() -> None:
    """rds.storage-encryption is NOT_APPLICABLE only through ``rds_scope.decided_elsewhere``:
    the search follows helpers in other check modules (else such verdicts go unasked for)."""
    assert _verdicts_given(REGISTRY["rds.storage-encryption"]) == ["not_applicable", "unknown"]


@pytest.mark.parametrize("check_id", CHECK_IDS)
def test_cloudformation_remediation_parses(check_id: str) -> None:
    snippet = CATALOG[check_id].remediation["cloudformation"]
    data, _, problems = parse_yaml(snippet, f"{check_id} remediation")
    assert not problems, problems
    assert isinstance(data, dict) and data, "a snippet is a mapping: resources or properties"
    known = resource_types()
    for logical_id, body in data.items():
        if isinstance(body, dict) and "Type" in body:
            assert body["Type"] in known, f"{logical_id}: unknown type {body['Type']}"


@pytest.mark.parametrize("check_id", CHECK_IDS)
def test_resource_types_exist(check_id: str) -> None:
    known = resource_types()
    unknown = [t for t in CATALOG[check_id].resource_types if t != "*" and t not in known]
    assert not unknown, f"{check_id}: not CloudFormation resource types: {unknown}"


def test_crosswalk_ids_match_their_scheme() -> None:
    load_catalog.cache_clear()  # validation runs at load: load it afresh
    catalog = load_catalog()
    for meta in catalog.values():
        for scheme, ids in meta.crosswalk.items():
            for peer_id in ids:
                assert CROSSWALK_SCHEMES[scheme].match(peer_id), (meta.id, scheme, peer_id)


def test_importing_checks_and_catalog_opens_no_file() -> None:
    program = textwrap.dedent(
        """
        import builtins, io

        def refuse(*args, **kwargs):
            raise AssertionError(f"file opened at import: {args[:1]}")

        builtins.open = io.open = refuse
        import golive.checks
        import golive.catalog
        assert golive.checks.REGISTRY
        """
    )
    completed = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0, completed.stderr


def _modules() -> Iterator[Path]:
    yield from sorted(SOURCE_ROOT.rglob("*.py"))


def test_no_module_exceeds_the_line_cap() -> None:
    too_long = {}
    for path in _modules():
        lines = len(path.read_text(encoding="utf-8").splitlines())
        name = str(path.relative_to(SOURCE_ROOT))
        if lines > LINE_CAP:
            too_long[name] = lines
    assert not too_long, f"modules over {LINE_CAP} lines (split them): {too_long}"


def test_resource_types_data_matches_installed_schemas() -> None:
    from golive._dev.taggable import OUTPUT, from_schemas

    stored = json.loads(OUTPUT.read_text(encoding="utf-8"))
    assert stored == from_schemas(), "run python -m golive._dev.taggable and commit the result"
