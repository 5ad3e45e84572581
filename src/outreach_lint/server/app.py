"""The ASGI application: endpoints, limits, errors and the access log.

One Linter per worker process, loaded (and warmed on one message) during startup, so the first real
request is as fast as the thousandth. Linting runs in a worker thread under a per-request time limit;
the pipeline itself is shared under its lock, so throughput scales with `--workers`, not threads.
"""

from __future__ import annotations

import json
import logging
import os
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import anyio
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from .._version import __version__
from ..config import Config, ConfigError, find_config, load_config
from ..diagnostics import Report
from ..docs import rule_markdown, rule_summary
from ..engine import Linter, load_linter
from .models import (
    BatchOut,
    BatchRequest,
    ErrorOut,
    LintRequest,
    ReportOut,
    RuleDetailOut,
    RuleOut,
    Status,
)

ENV_SETTINGS = "OUTREACH_LINT_SERVICE"
access_log = logging.getLogger("outreach_lint.access")
log = logging.getLogger("outreach_lint.service")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


@dataclass(frozen=True)
class ServiceSettings:
    """What `outreach-lint serve` passes to every worker (through the environment)."""

    config_path: str | None = None
    max_body_bytes: int = 1_000_000
    max_batch: int = 100
    timeout_seconds: float = 10.0

    def to_env(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_env(cls) -> ServiceSettings:
        raw = os.environ.get(ENV_SETTINGS)
        return cls(**json.loads(raw)) if raw else cls()


def error(status: int, code: str, message: str, fields: list[dict[str, str]] | None = None) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message, "fields": fields or []}}, status_code=status)


class LimitsAndAccessLog:
    """Pure ASGI middleware: refuse bodies over the limit (413) and log every request as one JSON line."""

    def __init__(self, app: ASGIApp, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        request_id = uuid.uuid4().hex[:16]
        status = {"code": 500}
        size = {"in": 0}

        async def send_logged(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-request-id", request_id.encode())]
            await send(message)

        try:
            declared = _content_length(scope)
            if declared is not None and declared > self.max_body_bytes:
                await self._too_large(scope, send_logged)
                return
            body, too_large = await _read_body(receive, self.max_body_bytes)
            size["in"] = len(body)
            if too_large:
                await self._too_large(scope, send_logged)
                return
            await self.app(scope, _replay(body, receive), send_logged)
        finally:
            access_log.info(json.dumps({
                "ts": round(time.time(), 3), "request_id": request_id, "method": scope.get("method"),
                "path": scope.get("path"), "status": status["code"], "bytes_in": size["in"],
                "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                "client": (scope.get("client") or ["", ""])[0],
            }))

    async def _too_large(self, scope: Scope, send: Send) -> None:
        response = error(413, "payload_too_large", f"request body is over the {self.max_body_bytes:,}-byte limit")
        await response(scope, _empty_receive, send)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
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


def _field(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("body",)]
    return ".".join(parts) or "body"


class _State:
    linter: Linter | None = None


def create_app(settings: ServiceSettings | None = None, config: Config | None = None) -> FastAPI:
    """The service. ``config`` (tests) or ``settings.config_path`` (serve) or discovery from the cwd."""
    settings = settings or ServiceSettings()
    state = _State()

    def load() -> Linter:
        cfg = config
        if cfg is None:
            path = Path(settings.config_path) if settings.config_path else find_config(Path.cwd())
            cfg = load_config(path)
        linter = load_linter(cfg)
        linter.lint_message(subject="Warm-up", body="Hi Sam,\n\nYour team is hiring. Worth a look?\n")
        return linter

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        state.linter = await anyio.to_thread.run_sync(load)
        log.info(json.dumps({"event": "ready", "pid": os.getpid(), "rules": len(state.linter.rules)}))
        yield
        state.linter = None
        log.info(json.dumps({"event": "stopped", "pid": os.getpid()}))

    app = FastAPI(
        title="outreach-lint",
        version=__version__,
        summary="Lint sales outreach for customer focus before it is sent.",
        lifespan=lifespan,
        docs_url=None,  # the bundled Swagger UI loads from a CDN; the service stays offline
        redoc_url=None,
    )
    app.add_middleware(LimitsAndAccessLog, max_body_bytes=settings.max_body_bytes)
    problems: dict[int | str, dict[str, Any]] = {
        413: {"model": ErrorOut, "description": "Request body over the limit"},
        422: {"model": ErrorOut, "description": "Invalid request; `fields` names each problem"},
        503: {"model": ErrorOut, "description": "Not ready, or the request took longer than the time limit"},
    }

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        fields = [{"field": _field(tuple(e.get("loc", ()))), "message": str(e.get("msg", ""))} for e in exc.errors()]
        summary = "; ".join(f"{f['field']}: {f['message']}" for f in fields[:3])
        return error(422, "invalid_request", summary or "invalid request", fields)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return error(exc.status_code, "http_error", str(exc.detail))

    @app.exception_handler(Exception)
    async def internal(_: Request, exc: Exception) -> JSONResponse:
        log.error(json.dumps({"event": "internal_error", "type": type(exc).__name__}))
        return error(500, "internal", "internal error; the request was not linted")

    def linter() -> Linter:
        if state.linter is None:
            raise _NotReady
        return state.linter

    async def run(fn: Callable[[], Any]) -> Any:
        with anyio.fail_after(settings.timeout_seconds):
            # The thread cannot be interrupted; on timeout the client gets its answer at once and the
            # thread finishes in the background.
            return await anyio.to_thread.run_sync(fn, abandon_on_cancel=True)

    def lint_one(request: LintRequest) -> Report:
        lt = linter()
        report = lt.lint_message(
            subject=request.subject, body=request.body, html=request.html, profile=request.profile,
            mode=request.mode, id=request.id, format=request.format,
        )
        return lt.narrow(report, request.select, request.ignore)

    @app.exception_handler(_NotReady)
    async def not_ready(_: Request, __: Exception) -> JSONResponse:
        return error(503, "not_ready", "the linter is still loading; retry shortly")

    @app.exception_handler(TimeoutError)
    async def timed_out(_: Request, __: Exception) -> JSONResponse:
        return error(503, "timeout", f"linting took longer than {settings.timeout_seconds:g} s; send less text")

    @app.exception_handler(ConfigError)
    async def bad_reference(_: Request, exc: ConfigError) -> JSONResponse:
        message = str(exc).split(": ", 1)[-1]
        field = "select" if "'select'" in message else "ignore"
        return error(422, "invalid_request", message, [{"field": field, "message": message}])

    @app.post("/v1/lint", response_model=ReportOut, responses=problems, tags=["lint"])
    async def lint(request: LintRequest) -> dict[str, Any]:
        """Lint one message. The answer is one entry of `results` in the JSON wire format."""
        linter()
        report = await run(lambda: lint_one(request))
        return report.to_dict()

    @app.post("/v1/lint/batch", response_model=BatchOut, responses=problems, tags=["lint"])
    async def lint_batch(batch: BatchRequest) -> Any:
        """Lint up to `max-batch` messages (default 100) in one call; results keep the order given."""
        if len(batch.messages) > settings.max_batch:
            message = f"at most {settings.max_batch} messages per batch, got {len(batch.messages)}"
            return error(422, "invalid_request", message, [{"field": "messages", "message": message}])
        linter()
        reports = await run(lambda: [lint_one(m) for m in batch.messages])
        return {"results": [r.to_dict() for r in reports]}

    @app.get("/v1/rules", response_model=list[RuleOut], responses={503: problems[503]}, tags=["rules"])
    async def rules() -> list[dict[str, Any]]:
        lt = linter()
        enabled = lt.enabled_codes
        return [rule_summary(r, r.meta.code in enabled) for r in lt.registry]

    @app.get("/v1/rules/{code}", response_model=RuleDetailOut, responses={404: {"model": ErrorOut}, 503: problems[503]}, tags=["rules"])
    async def rule(code: str) -> Any:
        lt = linter()
        found = lt.registry.get(code)
        if found is None:
            return error(404, "unknown_rule", f"unknown rule {code!r}{lt.registry.suggest(code)}")
        return {**rule_summary(found, found.meta.code in lt.enabled_codes), "markdown": rule_markdown(found)}

    @app.get("/healthz", response_model=Status, tags=["health"])
    async def healthz() -> dict[str, str]:
        """The process is up (it may still be loading)."""
        return {"status": "ok"}

    @app.get("/readyz", response_model=Status, responses={503: problems[503]}, tags=["health"])
    async def readyz() -> dict[str, str]:
        """The pipeline and rules are loaded: send traffic."""
        linter()
        return {"status": "ready"}

    @app.get("/", include_in_schema=False)
    async def playground() -> HTMLResponse:
        return HTMLResponse(_playground_page(), headers={"Content-Security-Policy": _CSP, "Cache-Control": "no-cache"})

    return app


@lru_cache(maxsize=1)
def _playground_page() -> str:
    return files("outreach_lint.server").joinpath("static/playground.html").read_text(encoding="utf-8")


class _NotReady(Exception):
    """Raised by endpoints that need the linter before startup has finished loading it."""


# The page is self-contained: everything it needs is inline, and it may only talk to this service.
_CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src data:"


def factory() -> FastAPI:
    """Entry point for uvicorn workers (`--factory`): settings come from the environment."""
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    return create_app(ServiceSettings.from_env())
