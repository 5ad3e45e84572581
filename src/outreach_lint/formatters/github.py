"""GitHub Actions workflow commands: ``::error`` / ``::warning`` / ``::notice`` annotations."""

from __future__ import annotations

from collections.abc import Sequence

from ..diagnostics import Report
from ..registry import Registry
from . import OutputOptions
from .common import Tally, summary_line

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")


class GithubWriter:
    def __init__(self, registry: Registry, opts: OutputOptions) -> None:
        self.opts = opts

    def write(self, reports: Sequence[Report]) -> list[str]:
        out = []
        for r in reports:
            for d in r.diagnostics:
                props = (
                    f"file={_prop(r.path)},line={d.start.line},col={d.start.column},"
                    f"endLine={d.end.line},endColumn={d.end.column},title={_prop(f'{d.code} {d.name}')}"
                )
                out.append(f"::{_LEVEL[d.severity.label]} {props}::{_data(d.message)}")
        return out

    def finish(self, tally: Tally) -> list[str]:
        out = [f"::error file={_prop(e.path)},title={_prop(e.code)}::{_data(e.message)}" for e in tally.errors]
        if not self.opts.quiet:
            out.append(summary_line(tally))
        return out
