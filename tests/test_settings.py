"""Settings: discovery, every error, check selection, per-path profiles, flags over the file."""

from __future__ import annotations

import inspect
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from golive.catalog import load_catalog
from golive.checks import REGISTRY
from golive.checks.base import Verdict
from golive.cli import app
from golive.context import Context
from golive.engine import Engine
from golive.loaders.cloudformation import load_template
from golive.model import Profile, Resource, Status
from golive.settings import (
    FailOn,
    Selection,
    Settings,
    SettingsError,
    find_settings,
    parse_settings,
)

RUNNER = CliRunner()

#: Fails logs.retention in production (365 days), passes in development (30).
SIXTY_DAYS = """\
Resources:
  Logs:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: 60
      KmsKeyId: arn:aws:kms:eu-west-1:123456789012:key/1
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for folder in ("infra/prod", "infra/dev/eu"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "logs.yaml").write_text(SIXTY_DAYS)
    return tmp_path


def scan_json(*args: str) -> tuple[int, dict[str, object]]:
    result = RUNNER.invoke(app, ["scan", *args, "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)


def statuses(report: dict[str, object], check_id: str) -> dict[str, str]:
    findings = report["findings"]
    assert isinstance(findings, list)
    return {f["resource"]["file"]: f["status"] for f in findings if f["check_id"] == check_id}


# --- discovery -------------------------------------------------------------------------------


def test_found_from_a_nested_working_directory(project: Path) -> None:
    nested = project / "infra" / "dev" / "eu"
    (project / "pyproject.toml").write_text('[tool.golive]\nprofile = "staging"\n')
    settings = find_settings(nested)
    assert settings.profile is Profile.STAGING
    assert settings.source == f"{project / 'pyproject.toml'} [tool.golive]"
    assert settings.root == str(project)
    assert settings.file == "pyproject.toml"  # relative to the working directory, for reports
    # A pyproject.toml without [tool.golive] on the way up is passed over ...
    (project / "infra" / "pyproject.toml").write_text('[project]\nname = "infra"\n')
    assert find_settings(nested).profile is Profile.STAGING
    # ... and the nearest golive.toml wins, also over a pyproject.toml beside it.
    (project / "infra" / "golive.toml").write_text('profile = "development"\n')
    (project / "infra" / "pyproject.toml").write_text('[tool.golive]\nprofile = "staging"\n')
    assert find_settings(nested).profile is Profile.DEVELOPMENT
    assert find_settings(nested).root == str(project / "infra")


def test_no_settings_file_gives_the_defaults(tmp_path: Path) -> None:
    assert find_settings(tmp_path) == Settings()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('profile = "prod"\n', "'profile': 'prod' is not one of production, staging"),
        ('fail-on = "severe"\n', "'fail-on': 'severe' is not one of low, medium"),
        ('formats = ["pdf"]\n', "'formats': unknown format 'pdf'"),
        ('formats = ["json", "markdown"]\n', "only one format can go to standard output"),
        ('formats = [{format = "json", file = "x"}]\n', "write a format name or {format, output}"),
        ("formats = []\n", "'formats': must be a list"),
        ('output-dir = ""\n', "'output-dir': must be a path"),
        ('select = ["lambda.vpcc"]\n', "'select': 'lambda.vpcc' matches no check"),
        ('ignore = ["lambda"]\n', "for every lambda check write 'lambda.'"),
        ("select = 3\n", "'select': must be a list of selectors"),
        ('required-tags = "Owner"\n', "'required-tags': must be a list of tag keys"),
        ('global-audience = "yes"\n', "'global-audience': must be true or false"),
        ("baseline = 1\n", "'baseline': must be a path"),
        ("jobs = -1\n", "'jobs': must be a whole number"),
        ("jobs = true\n", "'jobs': must be a whole number"),
        ('suppressions = {check = "x"}\n', "'suppressions': must be an array of tables"),
        (
            '[[suppressions]]\ncheck = "logs.retention"\n',
            "'suppressions[1]': has no 'reason'",
        ),
        (
            '[[suppressions]]\ncheck = "logs.retention"\nreason = "r"\nfile = "a"\n',
            "'suppressions[1]': unknown key 'file'",
        ),
        ('[[suppressions]]\ncheck = "logs.nope"\nreason = "r"\n', "'suppressions[1].check'"),
        ('[[suppressions]]\nreason = "r"\n', "needs 'check'"),
        (
            '[[suppressions]]\ncheck = "*"\nreason = "r"\npath = "/abs/**"\n',
            "'suppressions[1].path': must be relative",
        ),
        ('[profiles]\n"infra/**" = "dev"\n', "'profiles.\"infra/**\"': 'dev' is not one of"),
        ("profiles = 3\n", "'profiles': must be a table"),
        ("fail_on = 'low'\n", "'fail_on': unknown key; known keys: profile, fail-on"),
        ("profile = \n", "cannot read settings"),
    ],
)
def test_bad_settings_exit_2_naming_the_file_and_key(
    project: Path, content: str, expected: str
) -> None:
    (project / "golive.toml").write_text(content)
    nested = project / "infra"
    result = RUNNER.invoke(app, ["scan", str(nested)], catch_exceptions=False)
    assert result.exit_code == 2
    assert "golive.toml" in result.stderr
    assert expected in result.stderr, result.stderr


def test_bad_pyproject_settings_name_the_table(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.golive]\nprofle = "staging"\n')
    result = RUNNER.invoke(app, ["scan", "infra"])
    assert result.exit_code == 2
    assert "pyproject.toml [tool.golive]: 'profle': unknown key" in result.stderr


# --- selection -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("selection", "profile", "runs"),
    [
        (Selection(), Profile.PRODUCTION, True),
        (Selection(select=("logs.retention",)), Profile.PRODUCTION, True),
        (Selection(select=("logs.",)), Profile.PRODUCTION, True),
        (Selection(select=("lambda.",)), Profile.PRODUCTION, False),
        (Selection(select=("operational-excellence",)), Profile.PRODUCTION, True),
        (Selection(select=("security",)), Profile.PRODUCTION, False),
        (Selection(ignore=("logs.",)), Profile.PRODUCTION, False),
        (Selection(select=("logs.",), ignore=("logs.retention",)), Profile.PRODUCTION, False),
    ],
)
def test_selection_by_id_prefix_and_pillar(
    selection: Selection, profile: Profile, runs: bool
) -> None:
    assert selection.includes(load_catalog()["logs.retention"], profile) is runs


def test_selection_by_severity_follows_the_profile() -> None:
    meta = load_catalog()["logs.retention"]
    by_profile = {p: meta.severity(p).value for p in Profile}
    for profile, severity in by_profile.items():
        assert Selection(select=(severity,)).includes(meta, profile)
        assert not Selection(ignore=(severity,)).includes(meta, profile)


def test_the_engine_does_not_run_deselected_checks(project: Path) -> None:
    calls: list[str] = []

    def spy(check_id: str) -> Callable[[Resource, Context], Verdict]:
        def run(resource: Resource, context: Context) -> Verdict:
            calls.append(check_id)
            return REGISTRY[check_id](resource, context)

        return run

    registry = {check_id: spy(check_id) for check_id in REGISTRY}
    settings = Settings(selection=Selection(select=("logs.",), ignore=("logs.encryption",)))
    engine = Engine(load_catalog(), registry, Profile.PRODUCTION, settings)
    loaded = load_template(project / "infra" / "prod" / "logs.yaml", {})
    assert loaded is not None
    findings = engine.run(loaded.stack, {}).findings
    assert set(calls) == {"logs.retention"}
    assert {f.check_id for f in findings} == {"logs.retention"}
    assert list(engine.selected) == ["logs.retention"]


def test_selection_from_settings_and_flags(project: Path) -> None:
    (project / "golive.toml").write_text('select = ["logs."]\nignore = ["logs.encryption"]\n')
    _, report = scan_json("infra")
    findings = report["findings"]
    assert isinstance(findings, list)
    assert {f["check_id"] for f in findings} == {"logs.retention"}
    summary = report["summary"]
    assert isinstance(summary, dict) and summary["checks"] == 1
    # --select replaces the file's select (the file's ignore stays).
    _, report = scan_json("infra", "--select", "tagging.required-tags,logs.encryption")
    findings = report["findings"]
    assert isinstance(findings, list)
    assert {f["check_id"] for f in findings} == {"tagging.required-tags"}
    result = RUNNER.invoke(app, ["scan", "infra", "--ignore", "nope.x"])
    assert result.exit_code == 2 and "--ignore: 'nope.x' matches no check" in result.stderr


# --- profiles ----------------------------------------------------------------------------------


def test_per_path_profiles(project: Path) -> None:
    (project / "golive.toml").write_text(
        '[profiles]\n"infra/dev/**" = "development"\n"infra/**" = "staging"\n'
    )
    code, report = scan_json("infra", "--select", "logs.retention")
    assert statuses(report, "logs.retention") == {
        "infra/dev/eu/logs.yaml": "PASS",  # 30 days in development
        "infra/prod/logs.yaml": "FAIL",  # 90 in staging: the first matching pattern wins
    }
    summary = report["summary"]
    assert isinstance(summary, dict)
    assert summary["profile"] == "production"
    assert summary["file_profiles"] == {
        "infra/dev/eu/logs.yaml": "development",
        "infra/prod/logs.yaml": "staging",
    }
    markdown = RUNNER.invoke(app, ["scan", "infra", "-f", "markdown"]).stdout
    assert "`infra/dev/eu/logs.yaml` (development), `infra/prod/logs.yaml` (staging)" in markdown
    # Patterns are relative to the settings file, not the working directory.
    code, report = scan_json(str(project / "infra" / "dev"), "--select", "logs.retention")
    assert code == 0
    # --profile reviews every file under one profile: per-path profiles step aside.
    code, report = scan_json("infra", "--select", "logs.retention", "--profile", "production")
    assert set(statuses(report, "logs.retention").values()) == {"FAIL"}


def test_profile_in_settings_and_its_flag(project: Path) -> None:
    (project / "golive.toml").write_text('profile = "development"\n')
    code, report = scan_json("infra", "--select", "logs.retention")
    assert code == 0 and set(statuses(report, "logs.retention").values()) == {"PASS"}
    code, report = scan_json("infra", "--select", "logs.retention", "--profile", "production")
    assert code == 1 and set(statuses(report, "logs.retention").values()) == {"FAIL"}


# --- other flags over the file ---------------------------------------------------------------


def test_fail_on_in_settings_and_its_flag(project: Path) -> None:
    (project / "golive.toml").write_text('fail-on = "never"\n')
    assert scan_json("infra")[0] == 0
    assert scan_json("infra", "--fail-on", "low")[0] == 1
    assert parse_settings({"fail-on": "high"}, "x").fail_on is FailOn.HIGH


def test_jobs_in_settings_and_its_flag(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import golive.scan

    seen: list[int] = []
    real = golive.scan.run_scan

    def recording(*args: object, **kwargs: object) -> golive.scan.ScanResult:
        call = inspect.signature(real).bind(*args, **kwargs)
        call.apply_defaults()
        seen.append(call.arguments["jobs"])
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(golive.scan, "run_scan", recording)
    scan_json("infra")
    (project / "golive.toml").write_text("jobs = 3\n")
    scan_json("infra")
    scan_json("infra", "--jobs", "1")
    assert seen == [0, 3, 1]  # default: one per CPU; the file; the flag wins


def test_formats_in_settings_and_the_format_flag(project: Path) -> None:
    (project / "ci").mkdir()
    (project / "ci" / "golive.toml").write_text(
        'formats = ["terminal", {format = "json", output = "reports/golive.json"}]\n'
    )
    result = RUNNER.invoke(app, ["scan", "infra", "--config", "ci/golive.toml"])
    assert "production profile" in result.stdout  # the terminal summary
    # Outputs written in the settings are relative to the settings file's folder.
    report = json.loads((project / "ci" / "reports" / "golive.json").read_text())
    assert report["findings"]
    # --format replaces the settings' formats and their outputs.
    (project / "ci" / "reports" / "golive.json").unlink()
    result = RUNNER.invoke(app, ["scan", "infra", "--config", "ci/golive.toml", "-f", "markdown"])
    assert result.stdout.startswith("# AWS Production Readiness Review")
    assert not (project / "ci" / "reports" / "golive.json").exists()
    # Without --format, --output-dir takes the settings' formats.
    RUNNER.invoke(
        app, ["scan", "infra", "--config", "ci/golive.toml", "-f", "json", "--output-dir", "out"]
    )
    assert (project / "out" / "golive.json").is_file()


def test_output_dir_in_settings(project: Path) -> None:
    (project / "golive.toml").write_text('formats = ["json", "markdown"]\noutput-dir = "reports"\n')
    RUNNER.invoke(app, ["scan", "infra"])
    assert sorted(p.name for p in (project / "reports").iterdir()) == ["golive.json", "golive.md"]


def test_config_flag_errors(project: Path) -> None:
    result = RUNNER.invoke(app, ["scan", "infra", "--config", "missing.toml"])
    assert result.exit_code == 2 and "missing.toml: no such settings file" in result.stderr
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n')
    result = RUNNER.invoke(app, ["scan", "infra", "--config", "pyproject.toml"])
    assert result.exit_code == 2 and "has no [tool.golive] table" in result.stderr


def test_settings_suppressions_reach_the_scan(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        "[[tool.golive.suppressions]]\n"
        'check = "logs.retention"\n'
        'path = "infra/dev"\n'
        'reason = "development logs are short-lived"\n'
    )
    _, report = scan_json("infra", "--select", "logs.retention")
    assert statuses(report, "logs.retention") == {
        "infra/dev/eu/logs.yaml": "SUPPRESSED",
        "infra/prod/logs.yaml": "FAIL",
    }
    assert Status.SUPPRESSED.value == "SUPPRESSED"


def test_settings_error_type_names_source() -> None:
    with pytest.raises(SettingsError, match=r"^here: 'profile'"):
        parse_settings({"profile": 1}, "here")
