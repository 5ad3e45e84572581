"""The JSON wire format, version 1 (documented in docs/output.md)."""

from __future__ import annotations

from collections.abc import Sequence

from .._version import __version__
from ..diagnostics import Report
from ..registry import Registry
from . import OutputOptions
from .common import Tally, summary_counts
from .document import SplicedList

WIRE_VERSION = 1


class JsonWriter:
    def __init__(self, registry: Registry, opts: OutputOptions) -> None:
        self.results = SplicedList(depth=2)  # document -> "results" -> each result

    def write(self, reports: Sequence[Report]) -> list[str]:
        for r in reports:
            self.results.add(r.to_dict())
        return []

    def finish(self, tally: Tally) -> list[str]:
        skeleton = {
            "version": WIRE_VERSION,
            "tool": {"name": "outreach-lint", "version": __version__},
            "results": self.results.slot(),
            "errors": [e.to_dict() for e in tally.errors],
            "summary": {"files": tally.files, "messages": tally.messages, "diagnostics": summary_counts(tally)},
        }
        return [self.results.render(skeleton)]
