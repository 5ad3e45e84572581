"""JSON Lines: one object per message result and per input error, each tagged with ``type``."""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..diagnostics import Report
from ..registry import Registry
from . import OutputOptions
from .common import Tally
from .json_ import WIRE_VERSION


class JsonlWriter:
    def __init__(self, registry: Registry, opts: OutputOptions) -> None:
        pass

    def write(self, reports: Sequence[Report]) -> list[str]:
        return [json.dumps({"version": WIRE_VERSION, "type": "result", **r.to_dict()}, ensure_ascii=False) for r in reports]

    def finish(self, tally: Tally) -> list[str]:
        return [json.dumps({"version": WIRE_VERSION, "type": "error", **e.to_dict()}, ensure_ascii=False) for e in tally.errors]
