"""The playground page in a real headless Chromium: type, see highlights and the score, fix, see them go.

Needs Debian's chromium (`apt-get install chromium`); .ci/run installs it and sets
OUTREACH_LINT_REQUIRE_BROWSER=1 so a missing browser fails the run instead of skipping the test.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest

from .conftest import Server

CHROMIUM = os.environ.get("OUTREACH_LINT_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")

if CHROMIUM is None:
    if os.environ.get("OUTREACH_LINT_REQUIRE_BROWSER"):
        raise RuntimeError("the playground test needs Chromium: apt-get install chromium")
    pytest.skip("Chromium is not installed (apt-get install chromium)", allow_module_level=True)

from playwright.sync_api import Browser, Page, expect, sync_playwright  # noqa: E402

PITCH = (
    "Hi Dana,\n\nI hope this email finds you well. We are the industry-leading provider of analytics. "
    "Our platform offers dashboards, alerts, SSO and 200+ integrations.\n\nLet me know if you're interested.\n\nSam"
)
REWRITE = (
    "Hi Dana,\n\nYour team posted three analyst roles this month. That usually means the Monday reports are "
    "piling up.\n\nWorth a look at cutting them to an hour?\n\nSam"
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--headless"])
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser, server: Server) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    pg = context.new_page()
    pg.goto(server.url + "/")
    yield pg
    context.close()


def test_findings_are_highlighted_scored_and_go_away_when_fixed(page: Page) -> None:
    page.fill("#subject", "Introducing Acme Analytics")
    page.fill("#body", PITCH)
    expect(page.locator("#body-marks mark").first).to_be_visible(timeout=15_000)
    codes = " ".join(page.locator("#findings button").all_inner_texts())
    for code in ("PC004", "PC002", "FH002", "CTA002"):
        assert code in codes
    score = int(page.inner_text("#score").split("/")[0])
    assert score < 60
    marked = " ".join(page.locator("#body-marks mark").evaluate_all("ms => ms.map(m => m.dataset.codes)"))
    assert "PC002" in marked and "CTA002" in marked

    # Keyboard: a finding in the list opens its detail next to its highlight.
    page.locator("#findings button").first.press("Enter")
    expect(page.locator("#popover .finding-detail").first).to_be_visible()
    assert "Why it matters" in page.inner_text("#popover") or "Try:" in page.inner_text("#popover")

    page.fill("#subject", "Your analyst hiring")
    page.fill("#body", REWRITE)
    expect(page.locator("#findings")).to_contain_text("No problems found.", timeout=15_000)
    expect(page.locator("#score")).to_have_text("100/100")
    assert page.locator("#body-marks mark").count() == 0


def test_readable_on_a_phone_sized_screen(browser: Browser, server: Server) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 740})
    pg = context.new_page()
    pg.goto(server.url + "/")
    pg.fill("#body", PITCH)
    expect(pg.locator("#body-marks mark").first).to_be_visible(timeout=15_000)
    overflow = pg.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    context.close()


JARGON = (
    "Hi Morgan,\n\nOur platform is the industry-leading solution and we utilize AI to leverage your data. "
    "\U0001F680 We are proud of it.\n\nLet me know if you are interested.\n\nThanks,\nRiley"
)


def test_apply_a_safe_fix_at_phone_width_raises_the_score_and_copy_takes_the_revision(
    browser: Browser, server: Server
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, permissions=["clipboard-read", "clipboard-write"])
    pg = context.new_page()
    pg.goto(server.url + "/")
    pg.fill("#body", JARGON)
    expect(pg.locator("#body-marks mark").first).to_be_visible(timeout=15_000)
    # The highlight behind the emoji-shifted word covers exactly that word (UTF-16 offsets).
    marked = pg.locator("#body-marks mark").evaluate_all("ms => ms.map(m => m.textContent)")
    assert "utilize" in marked
    before = int(pg.inner_text("#score").split("/")[0])

    pg.locator("#findings button", has_text="utilize").first.click()
    popover = pg.locator("#popover")
    expect(popover).to_be_visible()
    box = popover.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390  # nothing cut off on a phone
    assert pg.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0

    pg.locator("#popover button", has_text="Apply").first.click()
    expect(pg.locator("#body")).to_have_value(JARGON.replace("utilize", "use"))
    # The page re-lints the revised text; its answer raises the score.
    expect(pg.locator("#score")).not_to_have_text(f"{before}/100", timeout=15_000)
    after = int(pg.inner_text("#score").split("/")[0])
    assert after > before
    expect(pg.locator("#findings")).not_to_contain_text("'utilize'")

    pg.locator("button", has_text="Copy").first.click()
    copied = pg.evaluate("navigator.clipboard.readText()")
    assert JARGON.replace("utilize", "use") in copied
    context.close()
