"""JSON Lines: one object per message result and per input error, each tagged with ``type``."""

from __future__ import annotations

import json

from ..diagnostics import RunResult
from ..registry import Registry
from . import OutputOptions
from .json_ import WIRE_VERSION


def render(result: RunResult, registry: Registry, opts: OutputOptions) -> str:
    lines = [json.dumps({"version": WIRE_VERSION, "type": "result", **r.to_dict()}, ensure_ascii=False) for r in result.reports]
    lines += [json.dumps({"version": WIRE_VERSION, "type": "error", **e.to_dict()}, ensure_ascii=False) for e in result.errors]
    return "\n".join(lines)
