"""The HTTP service, started for real: endpoints, limits, errors, logging and shutdown."""

from __future__ import annotations

import json
import time
from pathlib import Path

import httpx

from outreach_lint import Linter

from .conftest import Server, start_server

PITCH = "Hi Sam,\n\nWe are the industry-leading provider of analytics. Let me know if you're interested.\n"
GOOD = "Hi Sam,\n\nYour team posted three analyst roles this month. Worth a look at cutting the Monday reports?\n"


def test_lint_answers_with_the_wire_format_report(client: httpx.Client, linter: Linter) -> None:
    r = client.post("/v1/lint", json={"subject": "Introducing Acme", "body": PITCH, "id": "m1"})
    assert r.status_code == 200
    expected = linter.lint_message(subject="Introducing Acme", body=PITCH, id="m1").to_dict()
    assert r.json() == expected
    assert {"PC002", "CTA002"} <= {d["code"] for d in r.json()["diagnostics"]}


def test_select_and_ignore_narrow_the_answer_and_rescore(client: httpx.Client) -> None:
    full = client.post("/v1/lint", json={"subject": "Hi", "body": PITCH}).json()
    only = client.post("/v1/lint", json={"subject": "Hi", "body": PITCH, "select": ["CTA"]}).json()
    assert {d["code"] for d in only["diagnostics"]} == {"CTA002"}
    assert only["score"] > full["score"]
    bad = client.post("/v1/lint", json={"body": PITCH, "select": ["XX999"]})
    assert bad.status_code == 422 and bad.json()["error"]["fields"][0]["field"] == "select"


def test_batch_keeps_order_and_is_bounded(client: httpx.Client) -> None:
    r = client.post("/v1/lint/batch", json={"messages": [{"body": PITCH, "id": "a"}, {"body": GOOD, "id": "b"}]})
    assert r.status_code == 200
    results = r.json()["results"]
    assert [x["message_id"] for x in results] == ["a", "b"]
    assert results[0]["score"] < results[1]["score"]
    too_many = client.post("/v1/lint/batch", json={"messages": [{"body": GOOD}] * 6})
    assert too_many.status_code == 422
    assert too_many.json()["error"]["fields"] == [{"field": "messages", "message": "at most 5 messages per batch, got 6"}]


def test_validation_errors_name_the_field(client: httpx.Client) -> None:
    r = client.post("/v1/lint", json={"subject": 3, "body": "x"})
    assert r.status_code == 422
    assert r.json()["error"]["fields"][0]["field"] == "subject"
    r = client.post("/v1/lint", json={"subject": "x"})
    assert r.status_code == 422 and "body" in r.json()["error"]["message"]
    r = client.post("/v1/lint", json={"body": "x", "profile": "cold"})
    assert r.json()["error"]["fields"][0]["field"] == "profile"
    r = client.post("/v1/lint", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 422 and "Traceback" not in r.text


def test_bodies_over_the_limit_get_413(client: httpx.Client) -> None:
    r = client.post("/v1/lint", json={"body": "word " * 50_000})
    assert r.status_code == 413
    assert r.json()["error"]["code"] == "payload_too_large"


def test_rules_and_rule_docs(client: httpx.Client) -> None:
    rules = client.get("/v1/rules").json()
    assert {"PC001", "CTA002", "MF001"} <= {r["code"] for r in rules}
    one = client.get("/v1/rules/PC004").json()
    assert one["name"] == "self-centred-opening" and one["markdown"].startswith("# PC004")
    missing = client.get("/v1/rules/PC00")
    assert missing.status_code == 404 and "did you mean" in missing.json()["error"]["message"]
    assert client.get("/nowhere").status_code == 404


def test_health_openapi_and_offline_playground(client: httpx.Client) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").json() == {"status": "ready"}
    spec = client.get("/openapi.json").json()
    assert {"/v1/lint", "/v1/lint/batch", "/v1/rules", "/v1/rules/{code}", "/healthz", "/readyz"} <= set(spec["paths"])
    page = client.get("/")
    assert page.status_code == 200 and "outreach-lint playground" in page.text
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert "http://" not in page.text and "https://" not in page.text  # nothing from a CDN
    assert client.get("/docs").status_code == 404  # Swagger UI would load from a CDN


def test_access_log_is_one_json_object_per_request(client: httpx.Client, server: Server) -> None:
    r = client.get("/healthz")
    rid = r.headers["x-request-id"]
    deadline = time.monotonic() + 5  # the line is written once the response is sent, so just after it arrives
    while True:
        entries = [json.loads(line) for line in server.log_lines() if line.startswith("{")]
        mine = [e for e in entries if e.get("request_id") == rid]
        if mine or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert mine and mine[0]["path"] == "/healthz" and mine[0]["status"] == 200 and "duration_ms" in mine[0]


def test_binds_loopback_and_stops_cleanly_on_sigterm(tmp_path: Path) -> None:
    srv = start_server(tmp_path)
    assert srv.url.startswith("http://127.0.0.1:")
    assert "serving on http://127.0.0.1:" in srv.log.read_text()
    # uvicorn finishes in-flight requests, runs the shutdown hooks, then re-raises the signal so a
    # supervisor sees why the process ended: the exit status is 0 or -SIGTERM, and the log says stopped.
    assert srv.stop() in (0, -15)
    assert any('"event": "stopped"' in line for line in srv.log_lines())


def test_a_broken_config_is_a_usage_error(tmp_path: Path) -> None:
    import subprocess
    import sys

    (tmp_path / "bad.toml").write_text("fail-onn = 'x'\n")
    result = subprocess.run([sys.executable, "-m", "outreach_lint.cli", "serve", "--config", str(tmp_path / "bad.toml")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "unknown key 'fail-onn'" in result.stderr


def test_a_lone_surrogate_is_a_422_naming_the_field(client: httpx.Client) -> None:
    # Raw JSON: httpx would refuse to encode the lone surrogate itself.
    for raw, field in ((b'{"body": "a\\ud800b"}', "body"), (b'{"html": "<p>\\udfff</p>"}', "html"),
                       (b'{"subject": "\\ud83d", "body": "Hi"}', "subject")):
        r = client.post("/v1/lint", content=raw, headers={"content-type": "application/json"})
        assert r.status_code == 422, r.text
        assert r.json()["error"]["fields"][0]["field"] == field
        assert field == "subject" or "surrogate" in r.json()["error"]["message"]  # pydantic refuses a short one
    r = client.post("/v1/lint/batch", content=b'{"messages": [{"body": "Hi"}, {"body": "x\\udc00"}]}',
                    headers={"content-type": "application/json"})
    assert r.status_code == 422 and r.json()["error"]["fields"][0]["field"] == "messages.1.body"
    assert client.post("/v1/lint", json={"body": "Hi \U0001F600 Sam"}).status_code == 200  # a whole pair is fine


def test_only_loopback_names_are_answered_by_default(client: httpx.Client, server: Server) -> None:
    port = server.url.rsplit(":", 1)[1]
    for host in ("localhost", f"localhost:{port}", "127.0.0.1", f"127.0.0.1:{port}", "[::1]", f"[::1]:{port}", "LOCALHOST"):
        assert client.get("/healthz", headers={"host": host}).status_code == 200, host
    for host in ("evil.example", f"evil.example:{port}", "127.0.0.1.evil.example", "localhost.", "[::2]:80"):
        r = client.post("/v1/lint", json={"body": "Hi"}, headers={"host": host})
        assert r.status_code == 400, host
        assert r.json()["error"]["code"] == "host_not_allowed" and "--allowed-host" in r.json()["error"]["message"]
        assert "access-control-allow-origin" not in r.headers


def test_a_message_longer_than_the_parser_takes_is_bounded_by_the_request_body_limit(tmp_path: Path) -> None:
    # The parser's own limit is gone (long texts are parsed in pieces); the service's body limit stays.
    srv = start_server(tmp_path, "--large-lint-processes", "0")
    try:
        with httpx.Client(base_url=srv.url, timeout=60) as client:
            answer = client.post("/v1/lint", json={"subject": "Hi", "body": "a " * 500_001})
        assert answer.status_code == 413
    finally:
        srv.stop()
