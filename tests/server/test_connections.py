"""Slow and idle clients cannot hold connections: header and body read timeouts, and a connection cap."""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator

import httpx
import pytest

from .conftest import Server, start_server

CAP = 6


@pytest.fixture(scope="module")
def guarded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    srv = start_server(tmp_path_factory.mktemp("conn"), "--read-timeout", "1", "--max-connections", str(CAP),
                       "--lint-processes", "1")
    yield srv
    srv.stop()


def connect(server: Server) -> socket.socket:
    host, port = server.url.removeprefix("http://").split(":")
    sock = socket.create_connection((host, int(port)), timeout=10)
    return sock


def read_until_closed(sock: socket.socket, limit: float = 10) -> bytes:
    """Everything the server sends until it closes the connection (fails the test after `limit` s)."""
    sock.settimeout(limit)
    data = b""
    while True:
        chunk = sock.recv(65536)  # socket.timeout here means the server kept the connection open
        if not chunk:
            return data
        data += chunk


def status_and_json(raw: bytes) -> tuple[int, dict[str, object]]:
    head, _, body = raw.partition(b"\r\n\r\n")
    return int(head.split()[1]), json.loads(body)


@pytest.mark.parametrize("sent", [
    b"",  # connects, says nothing
    b"POST /v1/lint HTT",  # half a request line
    b"POST /v1/lint HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n",  # half the headers
])
def test_incomplete_headers_are_timed_out_and_the_connection_closed(guarded: Server, sent: bytes) -> None:
    with connect(guarded) as sock:
        sock.sendall(sent)
        started = time.monotonic()
        raw = read_until_closed(sock)
        assert time.monotonic() - started < 8
    status, body = status_and_json(raw)
    assert status == 408 and body["error"]["code"] == "request_timeout"  # type: ignore[index]


def test_trickling_headers_do_not_reset_the_timer(guarded: Server) -> None:
    with connect(guarded) as sock:
        started = time.monotonic()
        sock.settimeout(10)
        closed = False
        for byte in b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 40:
            try:
                sock.sendall(bytes([byte]))
            except OSError:
                closed = True
                break
            time.sleep(0.1)
            if time.monotonic() - started > 8:
                break
        if not closed:
            read_until_closed(sock)
        assert time.monotonic() - started < 8


def test_a_body_sent_too_slowly_gets_408_and_the_connection_closed(guarded: Server) -> None:
    with connect(guarded) as sock:
        sock.sendall(b"POST /v1/lint HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                     b"Content-Length: 100\r\n\r\n{\"body\": \"Hi")
        raw = read_until_closed(sock)
    status, body = status_and_json(raw)
    assert status == 408 and "body" in body["error"]["message"]  # type: ignore[index]
    assert b"connection: close" in raw.lower()


def test_keep_alive_connections_still_work_between_requests(guarded: Server) -> None:
    with httpx.Client(base_url=guarded.url, timeout=10) as client:
        for _ in range(3):
            assert client.get("/healthz").status_code == 200
            time.sleep(0.3)  # idle, but not past uvicorn's keep-alive timeout


def test_connections_over_the_cap_get_503_until_slow_ones_are_dropped(guarded: Server) -> None:
    time.sleep(1.5)  # connections of earlier tests are gone
    held = [connect(guarded) for _ in range(CAP)]
    try:
        for sock in held:
            sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # and never the end of the headers
        time.sleep(0.2)
        with httpx.Client(base_url=guarded.url, timeout=10) as client:
            refused = client.get("/healthz")
        assert refused.status_code == 503
        assert refused.json()["error"]["code"] == "too_many_connections" and refused.headers["retry-after"] == "1"

        for sock in held:  # the read timeout drops every one of them
            read_until_closed(sock)
        with httpx.Client(base_url=guarded.url, timeout=10) as client:
            assert client.get("/healthz").status_code == 200
            assert client.post("/v1/lint", json={"body": "Hi Sam, worth a look?"}).status_code == 200
    finally:
        for sock in held:
            sock.close()
