"""uvicorn's h11 protocol with a header read timeout and a cap on open connections.

uvicorn times out idle keep-alive connections, but a connection that sends half a request line or
half its headers is kept forever, so a few dozen slow clients hold a worker's sockets. Here every
request's headers must be complete within the read timeout of its first byte (or of the connection
opening); the body has the same limit in BodyLimits. Past `max_connections` open connections, a new
connection's request gets 503 and the connection is closed. Every accepted TCP connection has
TCP_NODELAY set (see `_no_delay`).
"""

from __future__ import annotations

import asyncio
import json
import logging
import socket
from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol

from .middleware import Receive, Scope, Send, error

log = logging.getLogger("outreach_lint.service")


def _settings() -> Any:
    from .app import ServiceSettings  # the same settings every worker reads from the environment

    return ServiceSettings.from_env()


class GuardedH11Protocol(H11Protocol):
    read_timeout_seconds: float | None = None
    max_connections: int | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cls = type(self)
        if cls.read_timeout_seconds is None or cls.max_connections is None:
            settings = _settings()
            cls.read_timeout_seconds = settings.read_timeout_seconds
            cls.max_connections = settings.max_connections
        self._header_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        _no_delay(transport)
        super().connection_made(transport)
        if self.max_connections and len(self.connections) > self.max_connections:
            # Answered on its first request rather than closed at once: closing a socket the client is
            # still writing to resets it, and the client would never read why.
            self.app = _over_capacity
        self._arm_header_timer()

    def data_received(self, data: bytes) -> None:
        if self._between_requests():
            self._arm_header_timer()
        super().data_received(data)
        if not self._between_requests():
            self._cancel_header_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_header_timer()
        super().connection_lost(exc)

    def _between_requests(self) -> bool:
        return self.cycle is None or self.cycle.response_complete

    def _arm_header_timer(self) -> None:
        if self._header_timer is None and self.read_timeout_seconds:
            self._header_timer = self.loop.call_later(self.read_timeout_seconds, self._headers_too_slow)

    def _cancel_header_timer(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _headers_too_slow(self) -> None:
        self._header_timer = None
        if self.transport.is_closing() or not self._between_requests():
            return
        log.warning(json.dumps({"event": "read_timeout", "client": (self.client or ("", 0))[0]}))
        body = json.dumps({"error": {"code": "request_timeout", "fields": [],
                                     "message": f"the request headers did not arrive within {self.read_timeout_seconds:g} s"}}).encode()
        # h11 cannot send a response before it has read a request, so this one is written as is.
        self.transport.write(
            b"HTTP/1.1 408 Request Timeout\r\ncontent-type: application/json\r\nconnection: close\r\n"
            + f"content-length: {len(body)}\r\n\r\n".encode() + body
        )
        self.transport.close()


def _no_delay(transport: asyncio.BaseTransport) -> None:
    """Turn Nagle's algorithm off on a TCP connection; leave any other socket alone.

    A response leaves in two writes (headers, then body). With Nagle on, the body waits until the
    client acknowledges the headers, and clients delay that ACK by some 40 ms, so every request on a
    keep-alive connection took 40 ms more. asyncio sets TCP_NODELAY only on sockets whose `proto` says
    TCP, and a listening socket bound before the event loop runs (uvicorn's `--workers N` in some
    versions, a socket passed by file descriptor) may say 0 or even AF_UNIX. So it is set here, where
    every connection of every worker passes, whatever built the listener.
    """
    sock = transport.get_extra_info("socket")
    if sock is None or sock.type != socket.SOCK_STREAM:
        return
    try:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    except OSError:  # not TCP after all (a unix socket): there is no Nagle to turn off
        pass


async def _over_capacity(scope: Scope, receive: Receive, send: Send) -> None:
    response = error(503, "too_many_connections", "the service has too many open connections; retry shortly",
                     headers={"retry-after": "1", "connection": "close"})
    await response(scope, receive, send)
