"""One line per finding: ``path:line:col: CODE [severity] message`` (editor and grep friendly)."""

from __future__ import annotations

from ..diagnostics import RunResult
from ..registry import Registry
from . import OutputOptions
from .common import statistics, summary_line


def render(result: RunResult, registry: Registry, opts: OutputOptions) -> str:
    out = []
    for r in result.reports:
        where = f"{r.path}[{r.message_id}]" if r.message_id and r.message_id != r.path and _many(result, r.path) else r.path
        for d in r.diagnostics:
            out.append(f"{where}:{d.start.line}:{d.start.column}: {d.code} [{d.severity.label}] {d.message}")
    out.extend(f"{e.path}: {e.code} {e.message}" for e in result.errors)
    if opts.statistics:
        out.extend(statistics(result, registry))
    if not opts.quiet:
        out.append(summary_line(result))
    return "\n".join(out)


def _many(result: RunResult, path: str) -> bool:
    return sum(1 for r in result.reports if r.path == path) > 1
