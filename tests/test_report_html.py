"""The HTML report: self-contained, escaped, deterministic, and working in a real browser.

The browser tests drive Debian's chromium through Playwright (``.ci/run`` installs both; the
tests are skipped with the reason when either is missing). Every request that does not
stay inside the file is aborted and recorded, so a page that tried to reach the network
fails the test.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from golive.aggregate import summarize
from golive.report import html
from golive.report.registry import ReportOptions
from tests.conftest import ROOT
from tests.report_samples import EVIL_ID, EVIL_REASON, EVIL_SUPPRESSION, sample, scan

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOT = Path("/tmp/golive-report-orders-app.png")


@pytest.fixture(scope="module")
def orders_app_html() -> str:
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        return scan("examples/orders-app", "html")


@pytest.fixture(scope="module")
def sample_html() -> str:
    result, summary = sample()
    return html.render(result, summary, ReportOptions(title="sample <b>stack</b>"))


def test_self_contained(orders_app_html: str) -> None:
    """Nothing is loaded from anywhere: no external scripts, styles, fonts or images."""
    page = orders_app_html
    for pattern in (
        r"<link\b",
        r"<img\b",
        r"<iframe\b",
        r"<object\b",
        r"\ssrc\s*=",
        # url(...) loading something; remediation text such as addFunctionUrl( is no load.
        r"\burl\(\s*['\"]?(?:https?:|//)",
        "@import",
    ):
        assert not re.search(pattern, page, re.IGNORECASE), pattern
    assert page.count("<script") == 1 and page.count("<style") == 1
    for href in re.findall(r'href="([^"]*)"', page):
        # In-page anchors, and reference links a reader may follow (never loaded by the page).
        assert href.startswith(("#check-", "https://")), href
    assert "default-src 'none'" in page


def test_scanned_text_is_escaped(sample_html: str) -> None:
    page = sample_html
    assert page.count("<script") == 1
    for raw in ("<script>alert", "<img src=x", "</td></tr> ", "<b>ops</b>", "<b>stack</b>"):
        assert raw not in page, raw
    assert "&lt;script&gt;alert(&#34;id&#34;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt; &amp; &#34;quoted&#34;" in page
    assert "cannot parse: &lt;unexpected&gt; &#39;&amp;&#39; here" in page


def test_content_of_a_practice(orders_app_html: str) -> None:
    page = orders_app_html
    card = page[page.index('id="check-lambda.dead-letter-queue"') :]
    card = card[: card.index("</article>")]
    for text in ("Why this matters", "When it applies", "Not needed when", "Recommendation"):
        assert text in card
    for language in ("cloudformation", "terraform", "cdk"):
        assert f'data-language="{language}"' in card
    assert card.count('class="copy"') == 3
    assert "examples/orders-app/template.yaml:397" in card
    assert 'data-status="UNKNOWN"' in card and 'data-status="NOT_APPLICABLE"' in card


def test_input_problems_and_suppressions_are_listed(sample_html: str) -> None:
    assert 'id="input-problems"' in sample_html
    assert "infra/broken.yaml" in sample_html
    assert "Suppressed (config): retries are idempotent" in sample_html
    assert "in baseline" in sample_html
    assert 'id="unused-suppressions"' in sample_html
    assert "suppression &lt;i&gt;unused&lt;/i&gt;" in sample_html
    assert (
        "<code>golive-baseline.json</code>: 3 new failures, 1 known, 1 fixed since" in sample_html
    )


def test_deterministic(orders_app_html: str) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        assert scan("examples/orders-app", "html") == orders_app_html


# --- in a real browser -------------------------------------------------------------------


@dataclass
class Watch:
    """What a page did besides rendering: console messages, errors, requests, dialogs."""

    console: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing; install Debian's chromium (apt-get install chromium)")
    if importlib.util.find_spec("playwright") is None:
        pytest.skip("the playwright package is missing; pip install -e '.[test]'")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def _open(browser: Any, page_html: str, tmp_path: Path) -> tuple[Any, Watch]:
    path = tmp_path / "report.html"
    path.write_text(page_html, encoding="utf-8")
    context = browser.new_context(viewport={"width": 1360, "height": 1000})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    watch = Watch()

    def route(route: Any) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            watch.blocked.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("console", lambda m: watch.console.append(f"{m.type}: {m.text}"))
    page.on("pageerror", lambda e: watch.console.append(f"pageerror: {e}"))
    page.on("dialog", lambda d: (watch.dialogs.append(d.message), d.dismiss()))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, watch


def _visible_rows(page: Any) -> list[str]:
    rows: list[str] = page.eval_on_selector_all(
        "tr[data-status]",
        "rows => rows.filter(r => r.offsetParent !== null).map(r => r.dataset.status)",
    )
    return rows


def _visible_cards(page: Any) -> list[str]:
    cards: list[str] = page.eval_on_selector_all(
        ".practice", "cards => cards.filter(c => c.offsetParent !== null).map(c => c.id)"
    )
    return cards


def _toggle(page: Any, kind: str, value: str, on: bool) -> None:
    box = page.locator(f'input[data-filter="{kind}"][value="{value}"]')
    if on:
        box.check()
    else:
        box.uncheck()


def test_browser_renders_and_filters(browser: Any, orders_app_html: str, tmp_path: Path) -> None:
    page, watch = _open(browser, orders_app_html, tmp_path)
    assert page.title() == "Production readiness review: examples/orders-app"
    card = page.locator('[id="check-lambda.reserved-concurrency"]')
    assert card.get_by_text("NotifyShipmentFunction").first.is_visible()
    total = len(_visible_rows(page))
    assert total == page.locator("tr[data-status]").count() > 0
    assert page.locator("#shown").inner_text() == f"Showing all {total} verdicts"

    fails = page.locator('tr[data-status="FAIL"]').count()
    _toggle(page, "status", "FAIL", on=False)
    rows = _visible_rows(page)
    assert "FAIL" not in rows and len(rows) == total - fails
    assert page.locator("#shown").inner_text() == f"Showing {total - fails} of {total} verdicts"
    _toggle(page, "status", "FAIL", on=True)
    assert len(_visible_rows(page)) == total

    # A practice whose verdicts are all high disappears with "high"; a medium one stays.
    high = page.eval_on_selector_all(
        ".practice",
        "cards => cards.filter(c => [...c.querySelectorAll('tr[data-status]')]"
        ".every(r => r.dataset.severity === 'high')).map(c => c.id)",
    )
    assert "check-lambda.environment-encryption" in high
    encryption = page.locator('[id="check-lambda.environment-encryption"]')
    assert encryption.is_visible()
    _toggle(page, "severity", "high", on=False)
    assert not encryption.is_visible()
    assert card.is_visible()
    assert set(_visible_cards(page)).isdisjoint(high)
    _toggle(page, "severity", "high", on=True)
    assert encryption.is_visible()

    for status in ("FAIL", "PASS", "NOT_APPLICABLE", "SUPPRESSED"):
        _toggle(page, "status", status, on=False)
    assert set(_visible_rows(page)) == {"UNKNOWN"}
    with_unknown = page.eval_on_selector_all(
        ".practice",
        "cards => cards.filter(c => c.querySelector('tr[data-status=UNKNOWN]')).map(c => c.id)",
    )
    assert {"check-lambda.dead-letter-queue", "check-lambda.vpc"} <= set(with_unknown)
    assert _visible_cards(page) == with_unknown
    _toggle(page, "status", "UNKNOWN", on=False)
    assert _visible_rows(page) == []
    assert page.locator("#no-match").is_visible()
    page.locator(".filters button.reset").click()
    assert len(_visible_rows(page)) == total
    assert not page.locator("#no-match").is_visible()

    _toggle(page, "pillar", "security", on=False)
    hidden = page.eval_on_selector_all(
        "tr[data-pillar=security]", "rows => rows.every(r => r.offsetParent === null)"
    )
    assert hidden is True
    _toggle(page, "pillar", "security", on=True)

    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(SCREENSHOT), full_page=False)
    assert watch.console == []
    assert watch.blocked == []
    assert watch.dialogs == []


def test_browser_tabs_and_copy(browser: Any, orders_app_html: str, tmp_path: Path) -> None:
    page, watch = _open(browser, orders_app_html, tmp_path)
    card = page.locator('[id="check-logs.retention"]')
    cloudformation = card.locator('[data-language="cloudformation"]')
    terraform = card.locator('[data-language="terraform"]')
    assert cloudformation.is_visible() and not terraform.is_visible()
    card.get_by_role("tab", name="Terraform").click()
    assert terraform.is_visible() and not cloudformation.is_visible()
    # Headless chromium keeps no system clipboard to read back; record what is written.
    page.evaluate(
        "navigator.clipboard.writeText = text => {"
        " window.copied = text; return Promise.resolve(); }"
    )
    button = terraform.locator("button.copy")
    button.click()
    page.wait_for_function("b => b.textContent !== 'Copy'", arg=button.element_handle())
    assert button.inner_text() == "Copied"
    copied = page.evaluate("window.copied")
    assert copied == terraform.locator("code").inner_text()
    assert 'resource "aws_cloudwatch_log_group"' in copied
    assert watch.console == [] and watch.blocked == []


def test_browser_shows_scanned_markup_as_text(
    browser: Any, sample_html: str, tmp_path: Path
) -> None:
    page, watch = _open(browser, sample_html, tmp_path)
    assert page.get_by_text(EVIL_ID).first.is_visible()
    assert page.get_by_text(EVIL_REASON.strip()).first.is_visible()
    assert page.get_by_text(EVIL_SUPPRESSION, exact=False).first.is_visible()
    assert page.locator("#input-problems").is_visible()
    assert page.locator("img").count() == 0
    assert watch.dialogs == [] and watch.console == [] and watch.blocked == []


def test_browser_page_without_verdicts(browser: Any, tmp_path: Path) -> None:
    """Only input problems, nothing judged: the page still renders without script errors."""
    result, summary = sample()
    result.findings = []
    summary = summarize([], result.catalog, resources=0, stacks=0, files=2, errors=1)
    page, watch = _open(browser, html.render(result, summary, ReportOptions("empty")), tmp_path)
    assert page.locator("#input-problems").is_visible()
    assert page.locator(".filters").count() == 0
    assert not page.locator("#no-match").is_visible()
    assert watch.console == [] and watch.blocked == []
