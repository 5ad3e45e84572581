"""Every accepted TCP connection has Nagle's algorithm off, whatever built the listening socket."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Iterator

import httpx
import pytest
from uvicorn.config import Config
from uvicorn.server import ServerState

from outreach_lint import Linter
from outreach_lint.server.protocol import GuardedH11Protocol

from .conftest import Server, start_server


async def _unused_app(scope: object, receive: object, send: object) -> None:
    raise AssertionError("no request is sent on these connections")


def _protocol(loop: asyncio.AbstractEventLoop) -> GuardedH11Protocol:
    # What uvicorn's server builds for each connection: its config, the shared state, the loop.
    config = Config(app=_unused_app, http=GuardedH11Protocol, log_level="warning")
    return GuardedH11Protocol(config=config, server_state=ServerState(), app_state={}, _loop=loop)


def _nodelay_after_handing_over(sock: socket.socket) -> int:
    """Give an accepted socket to the protocol through an asyncio transport; read TCP_NODELAY back."""

    async def hand_over() -> int:
        loop = asyncio.get_running_loop()
        transport, protocol = await loop.connect_accepted_socket(lambda: _protocol(loop), sock)
        try:
            return transport.get_extra_info("socket").getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
        finally:
            transport.close()
            await asyncio.sleep(0)  # let connection_lost run

    return asyncio.run(hand_over())


def _accepted(listener: socket.socket) -> tuple[socket.socket, socket.socket]:
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    client = socket.create_connection(listener.getsockname(), timeout=5)
    accepted, _ = listener.accept()
    return client, accepted


def test_an_accepted_tcp_socket_gets_nodelay_even_when_its_listener_did_not_say_tcp() -> None:
    # proto 0, as a listener bound before the loop runs may be (uvicorn's multi-worker path in some
    # versions): asyncio itself skips such a socket, so only the protocol can turn Nagle off.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM, 0) as listener:
        client, accepted = _accepted(listener)
        with client:
            assert accepted.proto == 0 and accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 0
            assert _nodelay_after_handing_over(accepted) != 0


def test_a_unix_socket_is_handed_over_without_failing() -> None:
    ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    with theirs:

        async def hand_over() -> bool:
            loop = asyncio.get_running_loop()
            transport, protocol = await loop.connect_accepted_socket(lambda: _protocol(loop), ours)
            made = protocol.transport is transport  # connection_made ran to the end
            transport.close()
            await asyncio.sleep(0)
            return made

        assert asyncio.run(hand_over())


@pytest.fixture(scope="module")
def two_workers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    srv = start_server(tmp_path_factory.mktemp("workers"), "--workers", "2", "--lint-processes", "1",
                       "--large-lint-processes", "0")
    yield srv
    srv.stop()


PITCH = "Hi Sam,\n\nWe are the industry-leading provider of analytics. Let me know if you're interested.\n"


def test_two_workers_answer_health_and_lint_on_keep_alive_connections(two_workers: Server, linter: Linter) -> None:
    expected = linter.lint_message(subject="Introducing Acme", body=PITCH, id="m1").to_dict()
    with httpx.Client(base_url=two_workers.url, timeout=30) as client:
        for _ in range(3):  # the same connection again and again, as a keep-alive caller uses it
            assert client.get("/healthz").status_code == 200
            lint = client.post("/v1/lint", json={"subject": "Introducing Acme", "body": PITCH, "id": "m1"})
            assert lint.status_code == 200 and lint.json() == expected
