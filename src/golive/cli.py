"""The ``golive`` command line: scan, baseline, rules, explain, checklist.

Exit codes (also in the README):

- 0: nothing failed at or above ``--fail-on`` (FAILs a baseline records do not count);
- 1: at least one new FAIL at or above ``--fail-on``;
- 2: usage error, a path that does not exist, a settings or baseline file golive cannot
  use, or an input that could not be read in full (reported after the scan has finished
  and its reports are written).

Which of the settings file and the flags wins is decided in ``golive.invocation``.
"""

from __future__ import annotations

import gc
import json
import sys
from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from golive import __version__
from golive.model import Profile, Status
from golive.settings import FailOn

if TYPE_CHECKING:
    from golive.scan import ScanResult
    from golive.settings import Settings

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="golive: the production-readiness review of what you deploy on AWS.",
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class RulesFormat(str, Enum):
    """Formats of ``golive rules``."""

    TABLE = "table"
    JSON = "json"
    MARKDOWN = "markdown"


def _fatal(message: str) -> NoReturn:
    typer.echo(f"golive: error: {message}", err=True)
    raise typer.Exit(EXIT_USAGE)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"golive {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    """golive: the production-readiness review of what you deploy on AWS."""


def parse_parameters(pairs: list[str], files: list[Path]) -> dict[str, Any]:
    """Values from ``--parameters-file`` (a mapping or the AWS CLI list), then ``KEY=VALUE``."""
    values: dict[str, Any] = {}
    for file in files:
        values.update(_parameters_file(file))
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            _fatal(f"--parameter expects KEY=VALUE, got {pair!r}")
        values[key] = value
    return values


def _parameters_file(file: Path) -> dict[str, Any]:
    import yaml

    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        _fatal(f"{file}: cannot read parameters: {exc}")
    if isinstance(data, dict) and isinstance(data.get("Parameters"), dict):
        data = data["Parameters"]  # the format of CodePipeline template configuration files
    if isinstance(data, dict):
        return {str(k): v if isinstance(v, (str, list)) else str(v) for k, v in data.items()}
    if isinstance(data, list) and all(isinstance(i, dict) and "ParameterKey" in i for i in data):
        return {i["ParameterKey"]: str(i.get("ParameterValue", "")) for i in data}
    _fatal(
        f"{file}: parameters must be a mapping of names to values, or the list form "
        "[{ParameterKey, ParameterValue}] the AWS CLI uses"
    )


def exit_code(findings: list[Any], errors: int, fail_on: FailOn) -> int:
    """The documented exit code for a finished scan; FAILs in the baseline do not count."""
    if errors or any(f.status is Status.ERROR for f in findings):
        return EXIT_USAGE
    return EXIT_FINDINGS if any(fail_on.blocks(f) for f in findings) else EXIT_OK


ProfileFlag = Annotated[
    Profile | None,
    typer.Option(
        help="Environment the templates are for, for every file (default: the settings' "
        "per-path profiles and profile, else production)."
    ),
]
ParameterFlag = Annotated[
    list[str],
    typer.Option("--parameter", "-p", help="Template parameter value, KEY=VALUE (repeatable)."),
]
ParametersFileFlag = Annotated[
    list[Path], typer.Option("--parameters-file", help="JSON or YAML file of parameter values.")
]
SelectFlag = Annotated[
    list[str],
    typer.Option(
        "--select",
        help="Run only these checks: ids, id prefixes (lambda.), pillars or severities "
        "(repeatable or comma-separated; replaces the settings' select).",
    ),
]
IgnoreFlag = Annotated[
    list[str],
    typer.Option("--ignore", help="Do not run these checks (same forms as --select)."),
]
ConfigFlag = Annotated[
    Path | None,
    typer.Option(
        "--config",
        help="Settings file (golive.toml or pyproject.toml) instead of the nearest one.",
    ),
]
JobsFlag = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        min=0,
        help="Processes reviewing files side by side: 0 = one per CPU (default), 1 = none.",
    ),
]


def _settings(
    config: Path | None, profile: Profile | None, select: Sequence[str], ignore: Sequence[str]
) -> Settings:
    from golive.invocation import load_settings, merge_flags
    from golive.settings import SettingsError

    try:
        return merge_flags(load_settings(config, Path.cwd()), profile, select, ignore)
    except SettingsError as exc:
        _fatal(str(exc))


def _run(
    paths: list[Path],
    settings: Settings,
    values: dict[str, Any],
    baseline: Path | None = None,
    jobs: int | None = None,
) -> ScanResult:
    from golive.baseline import BaselineError, read_baseline
    from golive.discover import MissingPathError
    from golive.scan import run_scan

    try:
        known = read_baseline(baseline) if baseline is not None else None
        chosen = settings.profile or Profile.PRODUCTION
        workers = jobs if jobs is not None else settings.jobs or 0
        return run_scan(paths, chosen, values, settings, known, workers)
    except (MissingPathError, BaselineError) as exc:
        _fatal(str(exc))


@app.command()
def scan(
    paths: Annotated[list[Path], typer.Argument(help="Templates or directories to review.")],
    output_format: Annotated[
        list[str],
        typer.Option(
            "--format",
            "-f",
            help="Report format, repeatable: terminal, markdown, json, sarif, junit, html.",
        ),
    ] = [],  # noqa: B006
    output: Annotated[
        list[Path],
        typer.Option("--output", "-o", help="File for the report; one per --format, in order."),
    ] = [],  # noqa: B006
    output_dir: Annotated[
        Path | None,
        typer.Option(help="Write every requested format to this folder as golive.<ext>."),
    ] = None,
    profile: ProfileFlag = None,
    parameter: ParameterFlag = [],  # noqa: B006
    parameters_file: ParametersFileFlag = [],  # noqa: B006
    fail_on: Annotated[
        FailOn | None,
        typer.Option(help="Lowest severity whose FAIL exits 1 (default: settings, else low)."),
    ] = None,
    title: Annotated[str | None, typer.Option(help="Title of the Markdown review.")] = None,
    select: SelectFlag = [],  # noqa: B006
    ignore: IgnoreFlag = [],  # noqa: B006
    baseline: Annotated[
        Path | None,
        typer.Option(help="Baseline file: FAILs it records are reported but do not fail."),
    ] = None,
    config: ConfigFlag = None,
    jobs: JobsFlag = None,
) -> None:
    """Review templates and report every practice they meet or miss."""
    from golive.aggregate import summarize_result
    from golive.invocation import UsageError, baseline_path, report_targets

    settings = _settings(config, profile, select, ignore)
    try:
        targets = report_targets(output_format, output, output_dir, settings)
    except UsageError as exc:
        _fatal(str(exc))
    values = parse_parameters(parameter, parameters_file)
    result = _run(paths, settings, values, baseline_path(baseline, settings), jobs)
    summary = summarize_result(result)
    heading = title or ", ".join(str(p) for p in paths)
    for name, target in targets:
        _write_report(result, summary, name, target, heading)
    threshold = fail_on or settings.fail_on or FailOn.LOW
    raise typer.Exit(exit_code(result.findings, len(result.errors), threshold))


@app.command("baseline")
def baseline_command(
    file: Annotated[Path, typer.Argument(help="Baseline file to write (JSON).")],
    paths: Annotated[list[Path], typer.Argument(help="Templates or directories to review.")],
    profile: ProfileFlag = None,
    parameter: ParameterFlag = [],  # noqa: B006
    parameters_file: ParametersFileFlag = [],  # noqa: B006
    select: SelectFlag = [],  # noqa: B006
    ignore: IgnoreFlag = [],  # noqa: B006
    config: ConfigFlag = None,
    jobs: JobsFlag = None,
) -> None:
    """Record the current FAILs, so `scan --baseline FILE` fails only on new ones."""
    from golive.baseline import render_baseline

    settings = _settings(config, profile, select, ignore)
    values = parse_parameters(parameter, parameters_file)
    result = _run(paths, settings, values, jobs=jobs)
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(render_baseline(result.findings, file), encoding="utf-8")
    except OSError as exc:
        _fatal(f"{file}: cannot write the baseline: {exc.strerror}")
    failures = sum(1 for f in result.findings if f.status is Status.FAIL)
    typer.echo(f"golive: recorded {failures} FAIL{'s' if failures != 1 else ''} in {file}")
    for error in result.errors:
        where = f"{error.file}:{error.line}" if error.line else error.file
        typer.echo(f"golive: input problem: {where}: {error.message}", err=True)
    if result.errors:
        typer.echo(
            "golive: error: the baseline records what golive could read and judge; correct "
            "the input problems above and write it again",
            err=True,
        )
        raise typer.Exit(EXIT_USAGE)


def _write_report(result: Any, summary: Any, name: str, output: Path | None, title: str) -> None:
    import os

    from golive.report.registry import REPORTERS, ReportOptions

    color = output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    text = REPORTERS[name].load()(result, summary, ReportOptions(title=title, color=color))
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        _fatal(f"{output}: cannot write the report: {exc.strerror}")


@app.command()
def rules(
    output_format: Annotated[RulesFormat, typer.Option("--format", "-f")] = RulesFormat.TABLE,
    profile: Annotated[
        Profile, typer.Option(help="Profile whose severities are shown.")
    ] = Profile.PRODUCTION,
) -> None:
    """List the check catalogue."""
    from golive.catalog import load_catalog
    from golive.report.explain import rules_json, rules_markdown

    catalog = load_catalog()
    if output_format is RulesFormat.JSON:
        sys.stdout.write(rules_json(catalog, profile))
        return
    if output_format is RulesFormat.MARKDOWN:
        sys.stdout.write(rules_markdown(catalog, profile))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"golive checks ({len(catalog)})", title_justify="left")
    table.add_column("Id", no_wrap=True, min_width=max(len(c) for c in catalog))
    table.add_column("Severity")
    table.add_column("Pillar")
    table.add_column("Title", overflow="fold")
    for meta in catalog.values():
        table.add_row(meta.id, meta.severity(profile).value, meta.pillar.value, meta.title)
    Console(highlight=False).print(table)


@app.command()
def explain(
    check_id: Annotated[str, typer.Argument(help="A check id, e.g. logs.retention.")],
) -> None:
    """Everything about one check: what, why, when not, how to fix, references."""
    from golive.catalog import load_catalog
    from golive.report.explain import explain as render

    catalog = load_catalog()
    meta = catalog.get(check_id)
    if meta is None:
        close = [c for c in catalog if check_id.split(".")[-1] in c]
        hint = f"; did you mean {', '.join(close)}?" if close else "; `golive rules` lists them"
        _fatal(f"no check {check_id!r}{hint}")
    sys.stdout.write(render(meta))


@app.command()
def checklist() -> None:
    """The practices no template shows, as a checklist for people to attest."""
    from golive.attested import checklist_markdown

    sys.stdout.write(checklist_markdown())


#: Allocations between young-generation collections (CPython's default is 700), and how
#: many of those make a middle and a full collection.
GC_THRESHOLDS = (50_000, 20, 100)


def main() -> None:
    """Entry point of the ``golive`` command."""
    # A scan builds millions of small, long-lived objects (parsed templates, findings) and
    # almost no reference cycles. With CPython's default thresholds the collector kept
    # walking them: half the time of a 10,000-resource template (7.1 s -> 4.5 s here, and
    # its time now grows with its size, not faster). What is already loaded is frozen out
    # of collections; this process is golive's own, so it is tuned here and not in the
    # library functions plugins call.
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover
        sys.exit(130)


__all__ = ["app", "json", "main"]
