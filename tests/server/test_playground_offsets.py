"""The service's offsets as a JavaScript client uses them: the playground in a real Chromium
highlights exactly the flagged words after emoji, and every response position carries UTF-16 and the
field it lies in."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import httpx
import pytest

from .conftest import Server

CHROMIUM = os.environ.get("OUTREACH_LINT_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")

EMOJI_BODY = "👋🏽 Hi Dana 🎉🎉, We are the industry-leading 🚀 provider."


def utf16(text: str) -> bytes:
    return text.encode("utf-16-le")


def test_responses_carry_utf16_and_field_offsets(client: httpx.Client) -> None:
    subject = "🎉 INTRODUCING OUR PLATFORM"
    answer = client.post("/v1/lint", json={"subject": subject, "body": EMOJI_BODY})
    assert answer.status_code == 200
    diagnostics = answer.json()["diagnostics"]
    assert {d["field"] for d in diagnostics} >= {"subject", "body"}
    for d in diagnostics:
        value = {"subject": subject, "body": EMOJI_BODY}[d["field"]]
        s, e = d["start"], d["end"]
        units = utf16(value)[2 * s["field_offset_utf16"] : 2 * e["field_offset_utf16"]].decode("utf-16-le")
        assert units == value[s["field_offset"] : e["field_offset"]] == d["excerpt"]
        assert s["lsp"]["line"] == s["line"] - 1
    praise = next(d for d in diagnostics if d["code"] == "PC002")
    assert praise["excerpt"] == "industry-leading"
    batch = client.post("/v1/lint/batch", json={"messages": [{"html": "<p>We are the 🚀 <b>industry-leading</b> provider.</p>"}]})
    (html_praise,) = [d for d in batch.json()["results"][0]["diagnostics"] if d["code"] == "PC002"]
    assert html_praise["field"] == "html" and html_praise["start"]["field_offset_utf16"] == html_praise["start"]["field_offset"] + 1


@pytest.fixture(scope="module")
def page(server: Server) -> Iterator:
    if CHROMIUM is None:
        if os.environ.get("OUTREACH_LINT_REQUIRE_BROWSER"):
            raise RuntimeError("the playground test needs Chromium: apt-get install chromium")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--headless"])
        pg = browser.new_context(viewport={"width": 1200, "height": 900}).new_page()
        pg.goto(server.url + "/")
        yield pg
        browser.close()


def test_playground_highlights_the_flagged_words_after_emoji(page) -> None:
    from playwright.sync_api import expect

    page.fill("#subject", "Quick 🎉 question")
    page.fill("#body", EMOJI_BODY)
    praise = page.locator('#body-marks mark[data-codes~="PC002"]')
    expect(praise).to_have_count(1, timeout=15_000)
    assert praise.inner_text() == "industry-leading"
    # Findings that overlap (PC001 on "We", PC004 on "We are the") split the marks where they meet.
    opening = page.locator('#body-marks mark[data-codes~="PC004"]')
    assert "".join(opening.all_inner_texts()) == "We are the"
