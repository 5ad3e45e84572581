"""SARIF 2.1.0 with rule metadata, for code-scanning dashboards."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .._version import __version__
from ..diagnostics import Report
from ..registry import Registry
from . import OutputOptions
from .common import Tally
from .document import SplicedList

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    if path.startswith("<"):
        return path
    p = Path(path)
    return p.as_posix() if not p.is_absolute() else p.as_uri()


class SarifWriter:
    def __init__(self, registry: Registry, opts: OutputOptions) -> None:
        self.rules = list(registry)
        self.index = {r.meta.code: i for i, r in enumerate(self.rules)}
        self.results = SplicedList(depth=4)  # document -> "runs" -> the run -> "results" -> each result

    def write(self, reports: Sequence[Report]) -> list[str]:
        for rep in reports:
            for d in rep.diagnostics:
                self.results.add(
                    {
                        "ruleId": d.code,
                        "ruleIndex": self.index.get(d.code, -1),
                        "level": _LEVEL[d.severity.label],
                        "message": {"text": d.message},
                        "locations": [
                            {
                                "physicalLocation": {
                                    "artifactLocation": {"uri": _uri(rep.path)},
                                    "region": {
                                        "startLine": d.start.line,
                                        "startColumn": d.start.column,
                                        "endLine": d.end.line,
                                        "endColumn": d.end.column,
                                        "charOffset": d.start.offset,
                                        "charLength": d.end.offset - d.start.offset,
                                        "snippet": {"text": d.excerpt},
                                    },
                                }
                            }
                        ],
                        "properties": {"messageId": rep.message_id, "region": d.region, "score": rep.score},
                    }
                )
        return []

    def finish(self, tally: Tally) -> list[str]:
        driver_rules: list[dict[str, Any]] = []
        for r in self.rules:
            m = r.meta
            help_text = f"{m.docs.what}\n\nWhy: {m.docs.why}\n\nExample: {m.docs.example}\n\nInstead: {m.docs.instead}"
            driver_rules.append(
                {
                    "id": m.code,
                    "name": m.name,
                    "shortDescription": {"text": m.summary},
                    "fullDescription": {"text": m.docs.what},
                    "help": {"text": help_text},
                    "defaultConfiguration": {"level": _LEVEL[m.severity.label]},
                    "properties": {"category": m.category, "stability": m.stability},
                }
            )
        notifications = [
            {"level": "error", "message": {"text": f"{e.code} {e.message}"},
             "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(e.path)}}}]}
            for e in tally.errors
        ]
        doc = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {"driver": {"name": "outreach-lint", "version": __version__, "rules": driver_rules}},
                    "columnKind": "unicodeCodePoints",
                    "results": self.results.slot(),
                    "invocations": [{"executionSuccessful": not tally.errors, "toolExecutionNotifications": notifications}],
                }
            ],
        }
        return [self.results.render(doc)]
