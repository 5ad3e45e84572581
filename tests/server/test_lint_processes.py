"""Linting happens in lint processes: a slow request never stalls the server, and a timed-out one frees
its capacity at once. The queue for a free process is bounded, and processes are recycled without
dropping a request. Real servers on loopback ports; every wait has a generous hang guard."""

from __future__ import annotations

import json
import random
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from .conftest import Server, start_server

NORMAL = {"subject": "Your analyst hiring", "body": "Hi Dana,\n\nYour team posted three analyst roles. Worth a look?\n\nSam"}
WORDS = "your team posted three analyst roles this month which usually means the monday reports pile up".split()


def slow_body(seed: int = 0, words: int = 60_000) -> dict[str, str]:
    """About 360 KB of prose: several seconds of parsing, far past the test servers' time limit."""
    rnd = random.Random(seed)
    return {"body": " ".join(rnd.choice(WORDS) + ("." if i % 15 == 14 else "") for i in range(words))}


def events(server: Server, name: str) -> list[dict[str, object]]:
    found = []
    for line in server.log_lines():
        if line.startswith("{") and f'"event": "{name}"' in line:
            found.append(json.loads(line))
    return found


def wait_for(predicate, timeout: float = 60) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.1)


@pytest.fixture(scope="module")
def pooled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    srv = start_server(tmp_path_factory.mktemp("pool"), "--timeout", "1.5", "--lint-processes", "2", "--queue", "1",
                       "--max-requests-per-process", "0", "--max-body-bytes", "400000",
                       "--large-lint-processes", "0")  # one lane: slow and normal requests share the processes
    yield srv
    srv.stop()


def test_a_slow_request_times_out_while_health_checks_and_other_requests_are_answered(pooled: Server) -> None:
    with httpx.Client(base_url=pooled.url, timeout=30) as client, ThreadPoolExecutor(1) as pool:
        started = time.monotonic()
        slow = pool.submit(client.post, "/v1/lint", json=slow_body())
        health = []
        while not slow.done():
            t = time.monotonic()
            assert client.get("/healthz").status_code == 200
            health.append(time.monotonic() - t)
            time.sleep(0.05)
        answer = slow.result()
        assert answer.status_code == 503 and answer.json()["error"]["code"] == "timeout"
        assert time.monotonic() - started < 10  # answered at the limit, not when parsing would end
        assert len(health) >= 5 and max(health) < 1.0  # the event loop never stopped

        # The other lint process is free: the next request is linted at once, not after the slow one.
        t = time.monotonic()
        after = client.post("/v1/lint", json=NORMAL)
        assert after.status_code == 200 and after.json()["score"] >= 0
        assert time.monotonic() - t < 5
    killed = events(pooled, "lint_process_killed")
    assert killed and killed[-1]["reason"] == "timeout"


def test_timed_out_requests_free_their_capacity_and_replacements_take_over(pooled: Server) -> None:
    wait_for(lambda: len(events(pooled, "lint_process_ready")) >= 2 + len(events(pooled, "lint_process_killed")))
    with httpx.Client(base_url=pooled.url, timeout=60) as client, ThreadPoolExecutor(2) as pool:
        # Both processes busy past the limit: both are killed and replaced, and the next request waits
        # for a replacement instead of failing.
        slow = [pool.submit(client.post, "/v1/lint", json=slow_body(seed)) for seed in (1, 2)]
        assert [f.result().status_code for f in slow] == [503, 503]
        t = time.monotonic()
        after = client.post("/v1/lint", json=NORMAL)
        assert after.status_code == 200
        assert time.monotonic() - t < 30
        assert client.get("/readyz").status_code == 200


def test_a_full_queue_answers_503_with_retry_after(pooled: Server) -> None:
    wait_for(lambda: len(events(pooled, "lint_process_ready")) >= 2 + len(events(pooled, "lint_process_killed")))
    with ThreadPoolExecutor(3) as pool:
        def post(body: dict[str, str]) -> httpx.Response:
            with httpx.Client(base_url=pooled.url, timeout=60) as c:
                return c.post("/v1/lint", json=body)

        busy = [pool.submit(post, slow_body(seed)) for seed in (3, 4)]  # both lint processes
        time.sleep(0.5)
        queued = pool.submit(post, NORMAL)  # the one place in the queue
        time.sleep(0.3)
        with httpx.Client(base_url=pooled.url, timeout=30) as client:
            refused = client.post("/v1/lint", json=NORMAL)
        assert refused.status_code == 503
        assert refused.json()["error"]["code"] == "busy"
        assert int(refused.headers["retry-after"]) >= 1
        assert [f.result().status_code for f in busy] == [503, 503]
        assert queued.result().status_code == 200  # waited for a replacement, then linted


def test_lint_processes_are_recycled_without_dropping_a_request(tmp_path: Path) -> None:
    srv = start_server(tmp_path, "--lint-processes", "2", "--max-requests-per-process", "4", "--large-lint-processes", "0")
    try:
        def post(i: int) -> int:
            with httpx.Client(base_url=srv.url, timeout=60) as c:
                return c.post("/v1/lint", json={**NORMAL, "body": f"{NORMAL['body']} unique{i}word"}).status_code

        with ThreadPoolExecutor(4) as pool:
            statuses = list(pool.map(post, range(40)))
            # Both first processes reached the limit; each keeps serving until its replacement is warm,
            # then retires between requests.
            wait_for(lambda: len(events(srv, "lint_process_retired")) >= 2)
            statuses += list(pool.map(post, range(40, 80)))
        assert statuses == [200] * 80
        recycled = {e["pid"] for e in events(srv, "lint_process_recycled")}
        retired = {e["pid"] for e in events(srv, "lint_process_retired")}
        assert len(recycled) >= 3 and len(retired) >= 2 and retired <= recycled
        assert len(events(srv, "lint_process_ready")) >= 4
        assert not events(srv, "lint_process_killed")  # retired when idle, never killed mid-request
    finally:
        srv.stop()


def test_a_lint_process_over_the_memory_limit_is_recycled(tmp_path: Path) -> None:
    srv = start_server(tmp_path, "--lint-processes", "1", "--max-requests-per-process", "0", "--max-process-memory", "1",
                       "--large-lint-processes", "0")
    try:
        with httpx.Client(base_url=srv.url, timeout=60) as client:
            for _ in range(3):
                assert client.post("/v1/lint", json=NORMAL).status_code == 200
            wait_for(lambda: len(events(srv, "lint_process_retired")) >= 1)
            assert client.post("/v1/lint", json=NORMAL).status_code == 200
        recycled = events(srv, "lint_process_recycled")
        assert recycled and int(recycled[0]["rss_mb"]) > 1  # type: ignore[call-overload]
    finally:
        srv.stop()


def test_two_server_workers_each_run_their_own_lint_processes(tmp_path: Path) -> None:
    srv = start_server(tmp_path, "--workers", "2", "--lint-processes", "1", "--large-lint-processes", "0")
    try:
        wait_for(lambda: len(events(srv, "ready")) >= 2)
        with httpx.Client(base_url=srv.url, timeout=60) as client:
            assert all(client.post("/v1/lint", json=NORMAL).status_code == 200 for _ in range(6))
        pools = [e["lint_processes"] for e in events(srv, "ready")]
        assert len(pools) == 2 and len({pid for pool in pools for pid in pool}) == 2  # type: ignore[attr-defined]
    finally:
        assert srv.stop() in (0, -15)


def test_large_messages_never_hold_up_ordinary_ones(tmp_path: Path) -> None:
    """Large bodies have processes of their own: while two of them lint (and time out) in turn,
    ordinary e-mails are answered as if nothing else were happening."""
    srv = start_server(tmp_path, "--timeout", "1.5", "--lint-processes", "1", "--large-lint-processes", "1",
                       "--large-body-chars", "20000", "--max-body-bytes", "400000")
    try:
        with httpx.Client(base_url=srv.url, timeout=60) as client, ThreadPoolExecutor(2) as pool:
            slow = [pool.submit(client.post, "/v1/lint", json=slow_body(seed)) for seed in (5, 6)]
            waits = []
            while not all(f.done() for f in slow):
                t = time.monotonic()
                assert client.post("/v1/lint", json=NORMAL).status_code == 200
                waits.append(time.monotonic() - t)
            assert [f.result().status_code for f in slow] == [503, 503]  # both over the limit, in turn
        assert len(waits) >= 5 and max(waits) < 1.5  # never queued behind a large body
        assert len(events(srv, "ready")[0]["lint_processes"]) == 2  # type: ignore[arg-type]
    finally:
        srv.stop()
