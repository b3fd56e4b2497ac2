"""The terminal summary: grouped by category, counts first, failing resources listed.

Fits 80 columns; colour only when writing to a terminal (rich decides, and ``NO_COLOR`` is
honoured).
"""

from __future__ import annotations

import io
import textwrap
from typing import IO

from rich.console import Console
from rich.text import Text

from golive import __version__
from golive.aggregate import CheckSummary, Summary
from golive.catalog import CATEGORIES
from golive.model import Status
from golive.report import names
from golive.report.markdown import status_line
from golive.report.registry import ReportOptions
from golive.scan import ScanResult

_SEVERITY_STYLE = {"critical": "bold red", "high": "red", "medium": "yellow", "low": "cyan"}
#: At most this many failing resources are listed per check; the rest are counted.
MAX_LISTED = 5


def render_terminal(result: ScanResult, summary: Summary, stream: IO[str], color: bool) -> None:
    """Write the summary to ``stream``, 80 columns wide, in colour when ``color``."""
    console = Console(
        file=stream,
        width=80,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        soft_wrap=False,
    )
    counts = summary.status_counts
    templates = "template" if summary.stacks == 1 else "templates"
    console.print(
        Text.assemble(
            (f"golive {__version__}", "bold"),
            f" · {result.profile.value} profile · {summary.stacks} {templates} · "
            f"{summary.resources} resources · {len(result.catalog)} checks",
        )
    )
    fails = ", ".join(
        f"{s.value} {n}"
        for s, n in sorted(summary.fail_by_severity.items(), key=lambda i: -i[0].rank)
    )
    suppressed = counts.get(Status.SUPPRESSED, 0)
    console.print(
        f"FAIL {counts.get(Status.FAIL, 0)}"
        + (f" ({fails})" if fails else "")
        + f" · PASS {counts.get(Status.PASS, 0)} · N/A {counts.get(Status.NOT_APPLICABLE, 0)}"
        + f" · UNKNOWN {counts.get(Status.UNKNOWN, 0)}"
        + (f" · SUPPRESSED {suppressed}" if suppressed else "")
        + (f" · score {summary.score}%" if summary.score is not None else "")
    )
    if result.baseline is not None:
        fixed = f", {result.baseline_fixed} fixed" if result.baseline_fixed else ""
        console.print(
            f"baseline {result.baseline}: {summary.new_failures} new FAIL, "
            f"{summary.in_baseline} known{fixed}"
        )
    for category in CATEGORIES:
        items = [
            summary.checks[c]
            for c in summary.by_category.get(category, [])
            if summary.checks[c].counts
        ]
        if not items:
            continue
        console.print()
        console.print(Text(category, style="bold underline"))
        for item in items:
            _print_check(console, item, result)
    if result.unused_suppressions:
        console.print()
        count = len(result.unused_suppressions)
        console.print(Text(f"{count} unused suppression{'s' if count != 1 else ''}", style="bold"))
        for unused in result.unused_suppressions:
            where = names.location(unused.file, unused.line)
            _indented(console, f"{where}: {unused.message}", 2, "dim")
    if result.errors:
        console.print()
        console.print(Text(f"{len(result.errors)} input problems", style="bold red"))
        for error in result.errors:
            where = names.location(error.file, error.line)
            _indented(console, f"{where}: {error.message}", 2)
    if result.notes:
        console.print()
        console.print(Text(f"{len(result.notes)} notes on the inputs", style="bold"))
        for note in result.notes:
            where = names.location(note.file, note.line)
            _indented(console, f"{where}: {note.message}", 2, "dim")


def _indented(console: Console, text: str, left: int, style: str = "") -> None:
    """Print ``text`` wrapped to the console, every line indented by ``left`` columns."""
    for line in textwrap.wrap(text, width=max(console.width - left, 20), break_on_hyphens=False):
        console.print(Text(" " * left + line, style=style), overflow="fold")


def _print_check(console: Console, item: CheckSummary, result: ScanResult) -> None:
    meta = item.meta
    failing = bool(item.failing)
    if failing:
        mark = ("✗", "red")
    elif item.unknown:
        mark = ("?", "yellow")
    elif item.judged:
        mark = ("✓", "green")
    elif item.suppressed:
        mark = ("~", "cyan")
    else:
        mark = ("-", "dim")
    severity = meta.severity(result.profile).value
    console.print(
        Text.assemble(
            "  ",
            (mark[0], mark[1]),
            " ",
            (f"{severity.upper():8}", _SEVERITY_STYLE[severity] if failing else "dim"),
            (meta.practice, "bold"),
        ),
        overflow="fold",
    )
    _indented(console, f"{meta.id} · {status_line(item)}", 6)
    listed = (item.failing + item.unknown)[:MAX_LISTED]
    for finding in listed:
        r = finding.resource
        line = f"- {names.labelled(r)}  {names.best_location(r)}"
        if finding.status is Status.UNKNOWN:
            line += f"  (unknown: {finding.reason})"
        elif finding.in_baseline:
            line += "  (in baseline)"
        _indented(console, line, 6, "yellow" if finding.status is Status.UNKNOWN else "dim")
    hidden = len(item.failing) + len(item.unknown) - len(listed)
    if hidden > 0:
        _indented(console, f"... and {hidden} more (see --format markdown)", 6, "dim")


def render(result: ScanResult, summary: Summary, options: ReportOptions) -> str:
    """The terminal summary as text (with ANSI colour when ``options.color``)."""
    stream = io.StringIO()
    render_terminal(result, summary, stream, options.color)
    return stream.getvalue()
