"""The ASGI application: endpoints, errors, and how requests reach the lint processes.

Each server worker keeps its event loop free of linting: a small pool of lint processes (pool.py),
each with its own warm Linter, does the work, so health checks are answered during the slowest
request and a request past its time limit frees its capacity at once (its process is killed). The
worker itself holds a Linter without a pipeline, for the rule endpoints. The server worker reports
ready only when every lint process has loaded and linted one warm-up message.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import asdict, dataclass, fields, replace
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import anyio
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.cors import CORSMiddleware

from .._version import __version__
from ..config import Config, find_config, load_config
from ..docs import rule_markdown, rule_summary
from ..engine import Linter, load_linter
from ..limits import MAX_BODY_BYTES
from .lintproc import Job, JobResult
from .middleware import AccessLogAndHosts, BodyLimits, error
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
from .pool import LintPool, PoolBusy, PoolLost, PoolSettings, PoolTimeout

ENV_SETTINGS = "OUTREACH_LINT_SERVICE"
log = logging.getLogger("outreach_lint.service")


@dataclass(frozen=True)
class ServiceSettings:
    """What `outreach-lint serve` passes to every worker (through the environment)."""

    config_path: str | None = None
    max_body_bytes: int = MAX_BODY_BYTES
    max_batch: int = 100
    timeout_seconds: float = 10.0
    lint_processes: int = 2
    # Messages longer than this many characters are linted by their own processes, so a flood of
    # large (slow) bodies cannot take the processes ordinary e-mails need; 0 large processes: one lane.
    large_lint_processes: int = 1
    large_body_chars: int = 20_000
    queue: int = 16
    queue_timeout_seconds: float = 30.0
    max_requests_per_process: int = 2000
    max_process_memory_mb: int = 0
    read_timeout_seconds: float = 10.0
    max_connections: int = 100
    allowed_hosts: tuple[str, ...] = ()
    allow_origins: tuple[str, ...] = ()

    def to_env(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_env(cls) -> ServiceSettings:
        raw = os.environ.get(ENV_SETTINGS)
        if not raw:
            return cls()
        values = json.loads(raw)
        for f in fields(cls):  # JSON has no tuples
            if isinstance(values.get(f.name), list):
                values[f.name] = tuple(values[f.name])
        return cls(**values)

    @property
    def pool(self) -> PoolSettings:
        return PoolSettings(
            processes=self.lint_processes, queue=self.queue, timeout_seconds=self.timeout_seconds,
            queue_timeout_seconds=self.queue_timeout_seconds,
            max_requests=self.max_requests_per_process, max_memory_mb=self.max_process_memory_mb,
        )

    @property
    def large_pool(self) -> PoolSettings | None:
        return replace(self.pool, processes=self.large_lint_processes) if self.large_lint_processes else None


def _field(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("body",)]
    return ".".join(parts) or "body"


class _State:
    linter: Linter | None = None  # registry and rules only: its pipeline is never loaded here
    pool: LintPool | None = None
    large_pool: LintPool | None = None  # for requests over `large_body_chars` (None: one lane)


def create_app(settings: ServiceSettings | None = None, config: Config | None = None) -> FastAPI:
    """The service. ``config`` (tests) or ``settings.config_path`` (serve) or discovery from the cwd."""
    settings = settings or ServiceSettings()
    state = _State()

    def load() -> Linter:
        cfg = config
        if cfg is None:
            path = Path(settings.config_path) if settings.config_path else find_config(Path.cwd())
            cfg = load_config(path)
        return load_linter(cfg)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        linter = await anyio.to_thread.run_sync(load)
        pools = [LintPool(linter.config, s) for s in (settings.pool, settings.large_pool) if s is not None]
        try:
            await asyncio.gather(*(p.start() for p in pools))
        except BaseException:
            await asyncio.gather(*(p.close() for p in pools))
            raise
        state.linter, state.pool = linter, pools[0]
        state.large_pool = pools[1] if len(pools) > 1 else None
        log.info(json.dumps({"event": "ready", "pid": os.getpid(), "rules": len(linter.rules),
                             "lint_processes": [pid for p in pools for pid in p.pids]}))
        yield
        state.linter = state.pool = state.large_pool = None
        await asyncio.gather(*(p.close() for p in pools))
        log.info(json.dumps({"event": "stopped", "pid": os.getpid()}))

    app = FastAPI(
        title="outreach-lint",
        version=__version__,
        summary="Lint sales outreach for customer focus before it is sent.",
        lifespan=lifespan,
        docs_url=None,  # the bundled Swagger UI loads from a CDN; the service stays offline
        redoc_url=None,
    )
    # Added innermost first: the access log and Host check wrap CORS, which wraps the body limits.
    app.add_middleware(BodyLimits, max_body_bytes=settings.max_body_bytes, read_timeout_seconds=settings.read_timeout_seconds)
    if settings.allow_origins:
        app.add_middleware(
            CORSMiddleware, allow_origins=list(settings.allow_origins), allow_methods=["GET", "POST"],
            allow_headers=["content-type"], expose_headers=["x-request-id", "retry-after"], max_age=600,
        )
    app.add_middleware(AccessLogAndHosts, allowed_hosts=settings.allowed_hosts)
    problems: dict[int | str, dict[str, Any]] = {
        413: {"model": ErrorOut, "description": "Request body over the limit"},
        422: {"model": ErrorOut, "description": "Invalid request; `fields` names each problem"},
        503: {"model": ErrorOut, "description": "Not ready, busy (see Retry-After), or the request took longer than the time limit"},
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

    async def run(requests: list[LintRequest], batch: bool) -> list[dict[str, Any]]:
        if state.pool is None:
            raise _NotReady
        job = Job([r.model_dump() for r in requests], batch)
        size = sum(len(r.subject or "") + len(r.body or "") + len(r.html or "") for r in requests)
        pool = state.large_pool if state.large_pool is not None and size > settings.large_body_chars else state.pool
        result: JobResult = await pool.run(job)
        if result.error is not None:
            raise _JobFailed(result)
        assert result.reports is not None
        return result.reports

    @app.exception_handler(_NotReady)
    async def not_ready(_: Request, __: Exception) -> JSONResponse:
        return error(503, "not_ready", "the linter is still loading; retry shortly", headers={"retry-after": "1"})

    @app.exception_handler(PoolTimeout)
    async def timed_out(_: Request, __: Exception) -> JSONResponse:
        return error(503, "timeout", f"linting took longer than {settings.timeout_seconds:g} s; send less text")

    @app.exception_handler(PoolBusy)
    async def busy(_: Request, exc: Exception) -> JSONResponse:
        retry = exc.retry_after if isinstance(exc, PoolBusy) else 1
        return error(503, "busy", "every lint process is busy and the queue is full; retry after the Retry-After seconds",
                     headers={"retry-after": str(retry)})

    @app.exception_handler(PoolLost)
    async def lost(_: Request, __: Exception) -> JSONResponse:
        return error(503, "lint_process_lost", "the lint process ended during the request; it was not linted, retry it",
                     headers={"retry-after": "1"})

    @app.exception_handler(_JobFailed)
    async def job_failed(_: Request, exc: Exception) -> JSONResponse:
        result = exc.result if isinstance(exc, _JobFailed) else JobResult(None, "internal")
        if result.error in ("invalid_input", "bad_reference"):
            return error(422, "invalid_request", f"{result.field}: {result.message}",
                         [{"field": result.field, "message": result.message}])
        log.error(json.dumps({"event": "internal_error", "type": result.message}))
        return error(500, "internal", "internal error; the request was not linted")

    @app.post("/v1/lint", response_model=ReportOut, responses=problems, tags=["lint"])
    async def lint(request: LintRequest) -> dict[str, Any]:
        """Lint one message. The answer is one entry of `results` in the JSON wire format."""
        return (await run([request], batch=False))[0]

    @app.post("/v1/lint/batch", response_model=BatchOut, responses=problems, tags=["lint"])
    async def lint_batch(batch: BatchRequest) -> Any:
        """Lint up to `max-batch` messages (default 100) in one call; results keep the order given."""
        if len(batch.messages) > settings.max_batch:
            message = f"at most {settings.max_batch} messages per batch, got {len(batch.messages)}"
            return error(422, "invalid_request", message, [{"field": "messages", "message": message}])
        return {"results": await run(batch.messages, batch=True)}

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
        """Every lint process has loaded its pipeline and rules: send traffic."""
        if state.pool is None:
            raise _NotReady
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


class _JobFailed(Exception):
    """A lint process answered with an error (bad input or reference, or a bug)."""

    def __init__(self, result: JobResult) -> None:
        super().__init__(result.error)
        self.result = result


# The page is self-contained: everything it needs is inline, and it may only talk to this service.
_CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src data:"


def factory() -> FastAPI:
    """Entry point for uvicorn workers (`--factory`): settings come from the environment."""
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    return create_app(ServiceSettings.from_env())
