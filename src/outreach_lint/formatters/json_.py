"""The JSON wire format, version 1 (documented in docs/output.md)."""

from __future__ import annotations

import json
from typing import Any

from .._version import __version__
from ..diagnostics import RunResult
from ..registry import Registry
from . import OutputOptions
from .common import summary_counts

WIRE_VERSION = 1


def document(result: RunResult) -> dict[str, Any]:
    return {
        "version": WIRE_VERSION,
        "tool": {"name": "outreach-lint", "version": __version__},
        "results": [r.to_dict() for r in result.reports],
        "errors": [e.to_dict() for e in result.errors],
        "summary": {"files": result.files, "messages": len(result.reports), "diagnostics": summary_counts(result)},
    }


def render(result: RunResult, registry: Registry, opts: OutputOptions) -> str:
    return json.dumps(document(result), ensure_ascii=False, indent=2)
