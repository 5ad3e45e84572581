"""The customer-focus score: 100 minus a penalty for each finding, by severity.

Each category starts at 100 and loses points for its own findings; the overall score loses the sum.
Engine findings (OL) are about the file, not the message, and do not count.
"""

from __future__ import annotations

from collections.abc import Sequence

from .diagnostics import Diagnostic, Severity
from .rule import CATEGORIES

PENALTY = {Severity.ERROR: 15, Severity.WARNING: 8, Severity.INFO: 3}


def score_report(diagnostics: Sequence[Diagnostic]) -> tuple[int, dict[str, int]]:
    lost: dict[str, int] = {c: 0 for p, c in CATEGORIES.items() if p != "OL"}
    for d in diagnostics:
        if d.category in lost:
            lost[d.category] += PENALTY[d.severity]
    breakdown = {c: max(0, 100 - v) for c, v in lost.items()}
    return max(0, 100 - sum(lost.values())), breakdown
