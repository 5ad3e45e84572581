"""The readability category has one budget in the score: four views of one long message cost it once."""

from __future__ import annotations

import math

import pytest

from outreach_lint import Linter
from outreach_lint.config import Config

# One long, dense paragraph: hard to read (RD001), long sentences (RD004), a wall of text (RD005), and
# twice over, too long for a cold email (RD003).
DENSE = (
    "Organisations implementing comprehensive operational transformation initiatives frequently underestimate "
    "the considerable administrative complexity associated with coordinating interdepartmental communication, "
    "particularly when multiple geographically distributed teams simultaneously maintain independent "
    "documentation repositories and inconsistent terminology. "
)
LONG = "Hi Dana,\n\n" + DENSE * 3 + "\n\n" + DENSE * 2 + "\n\nWorth a conversation?\n"


def _curve(points: float) -> int:
    return round(100 * math.exp(-points / 60))


@pytest.fixture(scope="module")
def readability_only() -> Linter:
    return Linter(Config(select=("RD",)))


def test_a_long_message_costs_the_readability_budget_once(readability_only: Linter) -> None:
    report = readability_only.lint_message(subject="Documentation", body=LONG)
    fired = {d.code for d in report.diagnostics}
    assert {"RD001", "RD003", "RD004", "RD005"} <= fired
    # Uncapped: RD001 6 + RD003 6 + RD004 4.8 + RD005 2.4 = 19.2 points (score 73); the budget is the
    # penalty of two readability warnings, 12 points.
    assert report.score_breakdown["readability"] == _curve(12) == 82
    assert report.score == 82


def test_the_budget_leaves_a_single_finding_its_full_cost(readability_only: Linter) -> None:
    report = readability_only.lint_message(subject="Documentation", body="Hi Dana,\n\n" + DENSE + "\n\nWorth a chat?\n")
    assert [d.code for d in report.diagnostics] == ["RD004"]
    assert report.score == _curve(4 * 0.6) == 96


def test_the_budget_is_per_category(linter: Linter) -> None:
    # The same long message with a pitch about the seller: product-centric findings keep their full cost.
    pitch = "We are the industry-leading platform. Our award-winning team builds world-class tools. "
    report = linter.lint_message(subject="Documentation", body="Hi Dana,\n\n" + pitch + LONG.removeprefix("Hi Dana,\n\n"))
    assert report.score_breakdown["readability"] == 82
    assert report.score_breakdown["product-centric"] < 82
    assert report.score < report.score_breakdown["product-centric"]
