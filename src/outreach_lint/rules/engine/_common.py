"""What the engine rules share."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Finding
from ...rule import RuleContext


def engine_made(ctx: RuleContext) -> Iterator[Finding]:
    return iter(())

