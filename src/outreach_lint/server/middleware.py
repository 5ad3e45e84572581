"""Pure ASGI middleware: the access log and Host check (outermost), and body limits (innermost).

CORS, when configured, sits between the two, so a refused Host never gets CORS headers while a 413 or
408 does (a page on an allowed origin can read why its request failed).
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any

import anyio
from fastapi.responses import JSONResponse

access_log = logging.getLogger("outreach_lint.access")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# The names a browser uses for this machine. A DNS-rebinding page reaches 127.0.0.1 under its own
# name (evil.example), so only these, and names the operator adds, are answered.
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "[::1]")
_STATS = "outreach_lint.request"  # scope key the inner middleware fills in for the access log


def error(status: int, code: str, message: str, fields: list[dict[str, str]] | None = None,
          headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message, "fields": fields or []}},
                        status_code=status, headers=headers)


def host_name(value: str) -> str:
    """``Host`` header or ``--allowed-host`` value without its port, lower-cased; IPv6 keeps brackets."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[: value.find("]") + 1] if "]" in value else value
    if value.count(":") > 1:  # a bare IPv6 address, as an operator may type it
        return f"[{value}]"
    return value.rsplit(":", 1)[0] if ":" in value else value


class AccessLogAndHosts:
    """Log every request as one JSON line; answer 400 to a ``Host`` that is not allowed."""

    def __init__(self, app: ASGIApp, allowed_hosts: Iterable[str]) -> None:
        self.app = app
        names = {host_name(h) for h in allowed_hosts}
        self.any_host = "*" in names
        self.allowed = frozenset(names | {host_name(h) for h in LOOPBACK_HOSTS})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        request_id = uuid.uuid4().hex[:16]
        status = {"code": 500}
        stats = scope[_STATS] = {"bytes_in": 0}

        async def send_logged(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-request-id", request_id.encode())]
            await send(message)

        try:
            host = _header(scope, b"host")
            if not self.any_host and (host is None or host_name(host) not in self.allowed):
                shown = (host or "")[:100]
                response = error(400, "host_not_allowed",
                                 f"Host {shown!r} is not a name this service answers to: "
                                 "if it is yours, start the service with --allowed-host NAME")
                await response(scope, _empty_receive, send_logged)
                return
            await self.app(scope, receive, send_logged)
        finally:
            access_log.info(json.dumps({
                "ts": round(time.time(), 3), "request_id": request_id, "method": scope.get("method"),
                "path": scope.get("path"), "status": status["code"], "bytes_in": stats["bytes_in"],
                "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                "client": (scope.get("client") or ["", ""])[0],
            }))


class BodyLimits:
    """Read the whole body before the app sees it: 413 over the size limit, 408 when it is sent too slowly."""

    def __init__(self, app: ASGIApp, max_body_bytes: int, read_timeout_seconds: float) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.read_timeout_seconds = read_timeout_seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_body_bytes:
            await self._too_large(scope, send)
            return
        body, too_large = b"", False
        with anyio.move_on_after(self.read_timeout_seconds) as reading:
            body, too_large = await _read_body(receive, self.max_body_bytes)
        if reading.cancelled_caught:
            # A client dribbling its body (slowloris) holds a connection; close it, as the header
            # timeout does for one that never finishes its headers.
            response = error(408, "request_timeout",
                             f"the request body did not arrive within {self.read_timeout_seconds:g} s",
                             headers={"connection": "close"})
            await response(scope, _empty_receive, send)
            return
        scope.get(_STATS, {})["bytes_in"] = len(body)
        if too_large:
            await self._too_large(scope, send)
            return
        await self.app(scope, _replay(body, receive), send)

    async def _too_large(self, scope: Scope, send: Send) -> None:
        response = error(413, "payload_too_large", f"request body is over the {self.max_body_bytes:,}-byte limit")
        await response(scope, _empty_receive, send)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return bytes(value).decode("latin-1")
    return None


def _content_length(scope: Scope) -> int | None:
    value = _header(scope, b"content-length")
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


async def _read_body(receive: Receive, limit: int) -> tuple[bytes, bool]:
    chunks, total = [], 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunk = message.get("body", b"")
        total += len(chunk)
        if total > limit:
            return b"", True
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks), False


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = {"done": False}

    async def replay() -> Message:
        if not sent["done"]:
            sent["done"] = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()  # the disconnect, when it comes

    return replay


async def _empty_receive() -> Message:
    return {"type": "http.request", "body": b"", "more_body": False}
