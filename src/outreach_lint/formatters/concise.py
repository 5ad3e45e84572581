"""One line per finding: ``path:line:col: CODE [severity] message`` (editor and grep friendly)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..diagnostics import Report
from ..registry import Registry
from . import OutputOptions
from .common import Tally, statistics, summary_line


class ConciseWriter:
    def __init__(self, registry: Registry, opts: OutputOptions) -> None:
        self.registry, self.opts = registry, opts

    def write(self, reports: Sequence[Report]) -> list[str]:
        per_path = Counter(r.path for r in reports)
        out = []
        for r in reports:
            where = f"{r.path}[{r.message_id}]" if r.message_id and r.message_id != r.path and per_path[r.path] > 1 else r.path
            for d in r.diagnostics:
                out.append(f"{where}:{d.start.line}:{d.start.column}: {d.code} [{d.severity.label}] {d.message}")
        return out

    def finish(self, tally: Tally) -> list[str]:
        out = [f"{e.path}: {e.code} {e.message}" for e in tally.errors]
        if self.opts.statistics:
            out.extend(statistics(tally, self.registry))
        if not self.opts.quiet:
            out.append(summary_line(tally))
        return out
