"""What runs inside one lint process: a warm Linter answering jobs from its server worker over a pipe.

A job is a `Job` (plain dicts of `LintRequest` fields); the answer is a `JobResult`. Nothing
here touches HTTP: the server worker turns results into responses. The process ends when its pipe
closes (the server worker stopped or died) or when it is sent ``None``.
"""

from __future__ import annotations

import os
import signal
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from ..config import Config, ConfigError
from ..diagnostics import InvalidInputError
from ..sources import SourceError

WARM_UP = {"subject": "Warm-up", "body": "Hi Sam,\n\nYour team is hiring. Worth a look?\n"}


@dataclass(frozen=True)
class Job:
    """One HTTP request's messages; ``batch`` says error fields are named ``messages.N.field``."""

    requests: list[dict[str, Any]]
    batch: bool = False


@dataclass(frozen=True)
class JobResult:
    """``reports`` (wire-format dicts) when ``error`` is None; else the error's kind, field and message."""

    reports: list[dict[str, Any]] | None
    error: str | None = None  # "invalid_input", "bad_reference" or "internal"
    field: str = ""
    message: str = ""
    rss_kb: int = 0  # resident memory after the job, so the server can recycle a process that grew


def rss_kb() -> int:
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
    except (OSError, ValueError, IndexError):
        import resource  # not Linux: the peak is the best figure there is

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def serve(conn: Connection, config: Config) -> None:
    """Process entry point: load and warm a Linter, say ready, then answer jobs until told to stop."""
    # Ctrl+C reaches the whole process group; the server worker decides when lint processes stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        from ..engine import load_linter

        linter = load_linter(config)
        linter.lint_message(**WARM_UP)
    except Exception as exc:  # reported to the server worker, which refuses to start
        conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", os.getpid()))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        conn.send(run_job(linter, job))


def run_job(linter: Any, job: Job) -> JobResult:
    reports = []
    for i, request in enumerate(job.requests):
        prefix = f"messages.{i}." if job.batch else ""
        try:
            report = linter.lint_message(
                subject=request.get("subject"), body=request.get("body"), html=request.get("html"),
                profile=request.get("profile"), mode=request.get("mode"), id=request.get("id"),
                format=request.get("format"),
            )
            report = linter.narrow(report, request.get("select"), request.get("ignore") or ())
        except InvalidInputError as exc:
            return JobResult(None, "invalid_input", prefix + exc.field, exc.message, rss_kb())
        except SourceError as exc:  # the message cannot be read (a malformed html field, say)
            field = "html" if request.get("html") and not request.get("body") else "body"
            return JobResult(None, "invalid_input", prefix + field, exc.message, rss_kb())
        except ConfigError as exc:
            message = str(exc).split(": ", 1)[-1]
            return JobResult(None, "bad_reference", prefix + ("select" if "'select'" in message else "ignore"), message, rss_kb())
        except Exception as exc:  # a bug: the server logs the type, never the message text
            return JobResult(None, "internal", "", type(exc).__name__, rss_kb())
        reports.append(report.to_dict())
    return JobResult(reports, rss_kb=rss_kb())
