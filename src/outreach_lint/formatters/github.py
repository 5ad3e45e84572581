"""GitHub Actions workflow commands: ``::error`` / ``::warning`` / ``::notice`` annotations."""

from __future__ import annotations

from ..diagnostics import RunResult
from ..registry import Registry
from . import OutputOptions
from .common import summary_line

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")


def render(result: RunResult, registry: Registry, opts: OutputOptions) -> str:
    out = []
    for r in result.reports:
        for d in r.diagnostics:
            props = (
                f"file={_prop(r.path)},line={d.start.line},col={d.start.column},"
                f"endLine={d.end.line},endColumn={d.end.column},title={_prop(f'{d.code} {d.name}')}"
            )
            out.append(f"::{_LEVEL[d.severity.label]} {props}::{_data(d.message)}")
    for e in result.errors:
        out.append(f"::error file={_prop(e.path)},title={_prop(e.code)}::{_data(e.message)}")
    if not opts.quiet:
        out.append(summary_line(result))
    return "\n".join(out)
