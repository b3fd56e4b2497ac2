"""The report formats ``golive scan`` can write, each loaded only when asked for.

A reporter turns a finished scan into text. Adding a format is one entry here and one
module with a ``render(result, summary, options) -> str`` function; the command line
accepts every name listed.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from golive.aggregate import Summary
from golive.scan import ScanResult


@dataclass(frozen=True)
class ReportOptions:
    """What a reporter may need besides the results."""

    title: str
    #: True when the text goes to a terminal that shows colour (terminal format only).
    color: bool = False


Render = Callable[[ScanResult, Summary, ReportOptions], str]


@dataclass(frozen=True)
class Reporter:
    """A format: where its renderer lives and the file extension of its output."""

    module: str
    function: str
    extension: str

    def load(self) -> Render:
        """Import the renderer (heavy formats cost nothing until used)."""
        render: Render = getattr(importlib.import_module(self.module), self.function)
        return render


REPORTERS: dict[str, Reporter] = {
    "terminal": Reporter("golive.report.terminal", "render", "txt"),
    "markdown": Reporter("golive.report.markdown", "render", "md"),
    "json": Reporter("golive.report.json_report", "render", "json"),
    "sarif": Reporter("golive.report.sarif", "render", "sarif"),
    "junit": Reporter("golive.report.junit", "render", "xml"),
    "html": Reporter("golive.report.html", "render", "html"),
}
