"""Every check against its own fixtures: the verdict and the reason, resource by resource."""

from __future__ import annotations

import pytest

from golive.model import Profile
from golive.scan import run_scan
from golive.settings import parse_settings
from tests.fixtures import Fixture, all_fixtures

FIXTURES = all_fixtures()


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda f: f"{f.check_id}/{f.path.name}")
def test_check_verdicts(fixture: Fixture) -> None:
    settings = parse_settings(fixture.settings, str(fixture.path))
    result = run_scan([fixture.path], Profile(fixture.profile), fixture.parameters, settings)
    assert not result.errors, result.errors
    found = {
        (f.resource.deployed_id or f.resource.logical_id): f
        for f in result.findings
        if f.check_id == fixture.check_id
    }
    for key, expected in fixture.expectations.items():
        assert key in found, (
            f"{fixture.path}:{expected.line}: no {fixture.check_id} verdict for {key}"
        )
        finding = found[key]
        assert finding.status.value == expected.status, (
            f"{fixture.path}:{expected.line}: {key} is {finding.status.value}, expected "
            f"{expected.status} ({finding.reason})"
        )
        if expected.text:
            assert expected.text in finding.reason, (
                f"{fixture.path}:{expected.line}: {finding.reason!r}"
            )
    unexpected = [
        f"{key} ({f.status.value}: {f.reason})"
        for key, f in found.items()
        if key not in fixture.expectations and f.resource.deployed_id is None
    ]
    assert not unexpected, f"{fixture.path}: verdicts without an expectation: {unexpected}"
    assert any(e.status == fixture.verdict.upper() for e in fixture.expectations.values()), (
        f"{fixture.path}: a {fixture.verdict} fixture expects a {fixture.verdict.upper()}"
    )
