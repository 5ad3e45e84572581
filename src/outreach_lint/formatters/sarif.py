"""SARIF 2.1.0 with rule metadata, for code-scanning dashboards."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .._version import __version__
from ..diagnostics import RunResult
from ..registry import Registry
from . import OutputOptions

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    if path.startswith("<"):
        return path
    p = Path(path)
    return p.as_posix() if not p.is_absolute() else p.as_uri()


def render(result: RunResult, registry: Registry, opts: OutputOptions) -> str:
    rules = list(registry)
    index = {r.meta.code: i for i, r in enumerate(rules)}
    driver_rules: list[dict[str, Any]] = []
    for r in rules:
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
    results = []
    for rep in result.reports:
        for d in rep.diagnostics:
            results.append(
                {
                    "ruleId": d.code,
                    "ruleIndex": index.get(d.code, -1),
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
    notifications = [
        {"level": "error", "message": {"text": f"{e.code} {e.message}"},
         "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(e.path)}}}]}
        for e in result.errors
    ]
    doc = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "outreach-lint", "version": __version__, "rules": driver_rules}},
                "columnKind": "unicodeCodePoints",
                "results": results,
                "invocations": [{"executionSuccessful": not result.errors, "toolExecutionNotifications": notifications}],
            }
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2)
