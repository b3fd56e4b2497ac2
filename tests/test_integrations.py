"""The pre-commit hook and the GitHub Actions example: well-formed and pointing at real options."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import yaml
from typer.testing import CliRunner

from golive.cli import app
from tests.conftest import ROOT

HOOKS = ROOT / ".pre-commit-hooks.yaml"
WORKFLOW = ROOT / "examples" / "github-actions" / "golive.yml"


def test_pre_commit_hook_runs_golive_scan_on_templates() -> None:
    hooks = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "golive")
    assert hook["entry"] == "golive scan"
    assert hook["language"] == "python"
    files = re.compile(hook["files"])
    for name in ("template.yaml", "infra/app.yml", "stack.json", "vpc.template"):
        assert files.search(name), f"the hook's files pattern misses {name}"
    for name in ("app.py", "README.md"):
        assert not files.search(name), f"the hook's files pattern takes {name}"


def test_pre_commit_hook_entry_accepts_files(tmp_path: Path) -> None:
    # pre-commit appends the staged file names to the entry; a non-template passes quietly.
    (tmp_path / "config.yaml").write_text("name: not a template\n")
    hooks = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "golive")
    args = shlex.split(hook["entry"])[1:]
    result = CliRunner().invoke(app, [*args, str(tmp_path / "config.yaml")])
    assert result.exit_code == 0, result.output


def test_workflow_uploads_the_sarif_it_writes() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    steps = workflow["jobs"]["review"]["steps"]
    scan = next(s for s in steps if "golive scan" in s.get("run", ""))
    args = scan["run"].split()
    position = args.index("sarif")
    assert args[position - 1] == "--format" and args[position + 1] == "--output"
    sarif = args[position + 2]
    upload = next(
        s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif")
    )
    assert upload["with"]["sarif_file"] == sarif == "golive.sarif"
    assert upload["if"].startswith("always()")
    assert workflow["permissions"]["security-events"] == "write"


def test_readme_documents_each_integration() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for heading in ("### Suppressions", "### Baselines", "### Configuration", "### Integrations"):
        assert heading in readme, f"README has no {heading!r} section"
    assert "examples/github-actions/golive.yml" in readme, "README does not link the workflow"
    assert "id: golive" in readme, "README does not show the pre-commit hook"


def test_readme_configuration_example_is_accepted() -> None:
    from golive.settings import parse_settings, tomllib  # tomli before Python 3.11

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Configuration") : readme.index("### Suppressions")]
    example = section.split("```toml\n", 1)[1].split("```", 1)[0]
    settings = parse_settings(tomllib.loads(example), "README.md")
    assert settings.suppressions, "the example's [[suppressions]] are not read"
    assert settings.profiles, "the example's [profiles] are not read"
    assert settings.selection.select, "the example's select is not read"
