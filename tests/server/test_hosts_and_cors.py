"""DNS rebinding and cross-origin pages: only configured Host names are answered, CORS only when asked for.

The CORS test runs a real Chromium: a page served from a second loopback port (another origin) calls
the lint endpoint with fetch(), which the browser blocks unless the service allows that origin.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from outreach_lint.cli import main

from .conftest import Server, start_server
from .test_playground_browser import CHROMIUM

from playwright.sync_api import Browser, sync_playwright  # noqa: E402  (after the Chromium check)

CALLER = """<!doctype html><meta charset="utf-8"><title>caller</title>
<script>
async function lint(url) {
  try {
    const r = await fetch(url + "/v1/lint", {method: "POST", headers: {"content-type": "application/json"},
                                             body: JSON.stringify({body: "Hi Sam, worth a look?"})});
    return "status " + r.status + " score " + (await r.json()).score;
  } catch (e) { return "blocked " + e.name; }
}
</script>"""


@pytest.fixture(scope="module")
def other_origin() -> Iterator[str]:
    """A tiny page on another loopback port: a different origin from the service."""

    class Page(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
            body = CALLER.encode()
            self.send_response(200)
            self.send_header("content-type", "text/html; charset=utf-8")
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Page)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert CHROMIUM is not None
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--headless"])
        yield launched
        launched.close()


def fetch_from(browser: Browser, page_url: str, service: Server) -> str:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(page_url + "/")
        return str(page.evaluate("url => lint(url)", service.url))
    finally:
        context.close()


def test_a_page_on_another_origin_is_blocked_by_default(browser: Browser, other_origin: str, server: Server) -> None:
    assert fetch_from(browser, other_origin, server).startswith("blocked TypeError")
    preflight = httpx.options(f"{server.url}/v1/lint", headers={
        "origin": other_origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type"})
    assert "access-control-allow-origin" not in preflight.headers


def test_allow_origin_lets_that_page_call_the_service(browser: Browser, other_origin: str, tmp_path: Path) -> None:
    srv = start_server(tmp_path, "--allow-origin", other_origin, "--lint-processes", "1")
    try:
        answer = fetch_from(browser, other_origin, srv)
        assert answer.startswith("status 200 score "), answer
        preflight = httpx.options(f"{srv.url}/v1/lint", headers={
            "origin": other_origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type"})
        assert preflight.status_code == 200 and preflight.headers["access-control-allow-origin"] == other_origin
        # Another origin is still refused.
        stranger = httpx.post(f"{srv.url}/v1/lint", json={"body": "Hi"}, headers={"origin": "http://127.0.0.1:1"})
        assert "access-control-allow-origin" not in stranger.headers
        # The page's own origin is allowed; a DNS-rebinding name is not, CORS or not.
        rebound = httpx.post(f"{srv.url}/v1/lint", json={"body": "Hi"}, headers={"host": "evil.example", "origin": other_origin})
        assert rebound.status_code == 400 and "access-control-allow-origin" not in rebound.headers
    finally:
        srv.stop()


def test_allowed_host_adds_a_name(tmp_path: Path) -> None:
    srv = start_server(tmp_path, "--allowed-host", "lint.internal", "--allowed-host", "Other.Internal:9000",
                       "--lint-processes", "1")
    try:
        for host, status in (("lint.internal", 200), ("lint.internal:8443", 200), ("other.internal", 200),
                             ("localhost", 200), ("evil.example", 400)):
            assert httpx.get(f"{srv.url}/healthz", headers={"host": host}).status_code == status, host
    finally:
        srv.stop()


@pytest.mark.parametrize("origin", ["example.com", "https://app.example.com/path", "ftp://x", "https://"])
def test_an_origin_that_is_not_one_is_a_usage_error(origin: str) -> None:
    result = CliRunner().invoke(main, ["serve", "--allow-origin", origin])
    assert result.exit_code == 2 and "is not an origin" in result.output and "Traceback" not in result.output
