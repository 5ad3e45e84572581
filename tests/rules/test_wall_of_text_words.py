"""RD005 counts a paragraph's words as its runs of non-space characters that hold a letter or digit.

Punctuation on its own ("—", "...") is no word; a run with one digit or letter in it is ("3x", "re-key").
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from outreach_lint import Linter

LINTER = Linter()
RUNS = ["order", "re-key", "3x", "42%", "—", "...", "&", "it's", "Café", "(", "x", "-", "2026"]


def _words(paragraph: str) -> int:
    return sum(1 for run in paragraph.split() if any(ch.isalnum() for ch in run))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(runs=st.lists(st.sampled_from(RUNS), min_size=70, max_size=110), spaces=st.sampled_from([" ", "  ", " \t", "\n"]))
def test_a_paragraph_is_a_wall_past_eighty_words(runs: list[str], spaces: str) -> None:
    paragraph = spaces.join(runs)
    report = LINTER.lint_text(f"Hi Sam,\n\n{paragraph}\n\nWorth a look?\n", "text", profile="cold-email")
    walls = [d for d in report.diagnostics if d.code == "RD005"]
    n = _words(paragraph)
    assert len(walls) == (n > 80)
    if walls:
        assert walls[0].message.startswith(f"paragraph of {n} words")
