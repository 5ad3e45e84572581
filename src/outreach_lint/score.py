"""The customer-focus score: 0-100, where 100 means no rule found anything to say.

Each finding costs penalty points: its severity's base (error 20, warning 10, info 4) times its
category's weight (see WEIGHTS: asks, pressure and product-centric language weigh most, readability
and subject lines least, since the doctrine puts who the message is about above how it is laid out).
A rule that fires several times costs at most twice its single penalty, so one habit repeated does not
sink a message on its own. Some categories have a budget (BUDGETS): their rules see one fact from several
sides, so the category as a whole costs at most that much. A long message is hard to read (RD001), long
(RD003), made of long sentences (RD004) and of walls of text (RD005) at once; counted four times, length
alone would outweigh a pitch about the seller. Engine findings (OL) are about the file, not the message,
and do not count.

The score is ``round(100 * exp(-P / 60))`` for a total penalty P: one warning about the seller costs
about 18 points, and a message with many problems keeps falling towards 0 without reaching it, so very
bad and merely bad messages still rank apart. The breakdown applies the same curve to each category's
own penalty. docs/score.md explains the formula with an example.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from .diagnostics import Diagnostic, Severity

BASE = {Severity.ERROR: 20.0, Severity.WARNING: 10.0, Severity.INFO: 4.0}
WEIGHTS = {
    "product-centric": 1.2,
    "feature-heavy": 1.0,
    "call-to-action": 1.2,
    "pressure": 1.2,
    "generic": 1.0,
    "merge-fields": 1.5,
    "readability": 0.6,
    "subject-line": 0.6,
    "linkedin": 1.2,
    "spoken": 1.0,
    "tone": 0.8,
}
# category -> the most penalty points all its findings together cost (see the module docs)
BUDGETS = {
    "readability": 2 * BASE[Severity.WARNING] * WEIGHTS["readability"],  # two readability warnings
}
MAX_REPEATS = 2.0  # a rule costs at most this many times its single penalty
SCALE = 60.0  # penalty points that take the score from 100 to about 37


def penalty(d: Diagnostic) -> float:
    return BASE[d.severity] * WEIGHTS.get(d.category, 1.0)


def score_report(diagnostics: Sequence[Diagnostic]) -> tuple[int, dict[str, int]]:
    per_rule: dict[str, tuple[str, float, float]] = {}  # code -> (category, total, largest single)
    for d in diagnostics:
        if d.category not in WEIGHTS:
            continue
        category, total, largest = per_rule.get(d.code, (d.category, 0.0, 0.0))
        p = penalty(d)
        per_rule[d.code] = (category, total + p, max(largest, p))
    lost = dict.fromkeys(WEIGHTS, 0.0)
    for category, total, largest in per_rule.values():
        lost[category] = lost.get(category, 0.0) + min(total, MAX_REPEATS * largest)
    for category, budget in BUDGETS.items():
        if category in lost:
            lost[category] = min(lost[category], budget)
    breakdown = {c: _curve(v) for c, v in lost.items()}
    return _curve(sum(lost.values())), breakdown


def _curve(penalty_points: float) -> int:
    return round(100 * math.exp(-penalty_points / SCALE))
