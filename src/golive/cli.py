"""The ``golive`` command line: scan, rules, explain.

Exit codes (also in the README):

- 0: nothing failed at or above ``--fail-on``;
- 1: at least one FAIL at or above ``--fail-on``;
- 2: usage error, a path that does not exist, or an input that could not be read in full
  (reported after the scan has finished and its reports are written).
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from golive import __version__
from golive.model import Profile, Severity, Status

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


class FailOn(str, Enum):
    """The lowest severity whose FAIL makes ``scan`` exit 1."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"
    NEVER = "never"


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
    """The documented exit code for a finished scan."""
    if errors or any(f.status is Status.ERROR for f in findings):
        return EXIT_USAGE
    if fail_on is FailOn.NEVER:
        return EXIT_OK
    threshold = Severity(fail_on.value).rank
    if any(f.status is Status.FAIL and f.severity.rank >= threshold for f in findings):
        return EXIT_FINDINGS
    return EXIT_OK


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
    profile: Annotated[
        Profile, typer.Option(help="Environment the templates are for.")
    ] = Profile.PRODUCTION,
    parameter: Annotated[
        list[str],
        typer.Option("--parameter", "-p", help="Template parameter value, KEY=VALUE (repeatable)."),
    ] = [],  # noqa: B006
    parameters_file: Annotated[
        list[Path],
        typer.Option("--parameters-file", help="JSON or YAML file of parameter values."),
    ] = [],  # noqa: B006
    fail_on: Annotated[
        FailOn, typer.Option(help="Lowest severity whose FAIL exits 1.")
    ] = FailOn.LOW,
    title: Annotated[str | None, typer.Option(help="Title of the Markdown review.")] = None,
) -> None:
    """Review templates and report every practice they meet or miss."""
    from golive.aggregate import summarize
    from golive.discover import MissingPathError
    from golive.scan import run_scan
    from golive.settings import SettingsError, find_settings

    targets = _report_targets(output_format or ["terminal"], output, output_dir)
    values = parse_parameters(parameter, parameters_file)
    try:
        settings = find_settings(Path.cwd())
    except SettingsError as exc:
        _fatal(str(exc))
    try:
        result = run_scan(paths, profile, values, settings)
    except MissingPathError as exc:
        _fatal(str(exc))
    summary = summarize(
        result.findings,
        result.catalog,
        resources=sum(len(s.resources) for s in result.stacks),
        stacks=len(result.stacks),
        files=result.files_seen,
        errors=len(result.errors),
    )
    heading = title or ", ".join(str(p) for p in paths)
    for name, target in targets:
        _write_report(result, summary, name, target, heading)
    raise typer.Exit(exit_code(result.findings, len(result.errors), fail_on))


def _report_targets(
    formats: list[str], outputs: list[Path], output_dir: Path | None
) -> list[tuple[str, Path | None]]:
    """Pair each requested format with where it goes (None: standard output)."""
    from golive.report.registry import REPORTERS

    for name in formats:
        if name not in REPORTERS:
            _fatal(f"unknown --format {name!r}; choose from {', '.join(REPORTERS)}")
    if output_dir is not None:
        if outputs:
            _fatal("give either --output or --output-dir, not both")
        return [(n, output_dir / f"golive.{REPORTERS[n].extension}") for n in formats]
    if not outputs:
        if len(formats) > 1:
            _fatal("several formats need an --output for each, or --output-dir")
        return [(formats[0], None)]
    if len(outputs) != len(formats):
        _fatal(f"{len(formats)} --format but {len(outputs)} --output: give one file per format")
    return list(zip(formats, outputs, strict=True))


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


def main() -> None:
    """Entry point of the ``golive`` command."""
    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover
        sys.exit(130)


__all__ = ["app", "json", "main"]
