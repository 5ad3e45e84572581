"""Messages name the problem in one short clause; what to do about it is the suggestion's job.

Measured on the bundled examples and the labelled corpus, the messages people actually read.
"""

from __future__ import annotations

import re
import statistics
from pathlib import Path

import pytest

from outreach_lint import Linter
from outreach_lint.config import Config

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [*sorted((ROOT / "examples").glob("*.txt")), ROOT / "tests" / "corpus" / "messages.jsonl"]
# Rewritten when the behaviour changes on other branches are merged; see test_examples.PENDING.
PENDING: frozenset[str] = frozenset()
MAX_CHARS = 90
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|“[^”]*”")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


@pytest.fixture(scope="module")
def diagnostics() -> list:
    linter = Linter(Config())
    found = []
    for path in SOURCES:
        reports, errors = linter.lint_file(path)
        assert not errors, errors
        found += [d for r in reports for d in r.diagnostics]
    assert len(found) > 100  # the corpus exercises every rule
    return found


def _advice_words(text: str) -> list[str]:
    """The words of a message or suggestion outside the quoted words of the draft they both name."""
    return _WORD.findall(_QUOTED.sub(" ", text.lower()))


def _repeats(message: str, suggestion: str, run: int = 4) -> str | None:
    """A run of ``run`` words the message shares with the suggestion (quotes of the draft aside)."""
    said = _advice_words(message)
    grams = {tuple(said[i : i + run]) for i in range(len(said) - run + 1)}
    advice = _advice_words(suggestion)
    for i in range(len(advice) - run + 1):
        if tuple(advice[i : i + run]) in grams:
            return " ".join(advice[i : i + run])
    return None


def test_median_message_is_one_short_clause(diagnostics: list) -> None:
    median = statistics.median(len(d.message) for d in diagnostics)
    assert median <= 60, f"median message is {median} characters"


def test_no_message_is_long(diagnostics: list) -> None:
    long = sorted({(d.code, d.message) for d in diagnostics if d.code not in PENDING and len(d.message) > MAX_CHARS})
    assert not long, long


def test_no_message_repeats_its_suggestion(diagnostics: list) -> None:
    repeated = []
    for d in diagnostics:
        if d.code in PENDING:
            continue
        for s in d.suggestions:
            shared = _repeats(d.message, s.title)
            if shared or s.title.lower() in d.message.lower():
                repeated.append((d.code, d.message, s.title, shared))
    assert not repeated, repeated


def test_messages_keep_the_words_they_are_about(diagnostics: list) -> None:
    """Shortening must not lose what makes a message specific: a finding on a phrase quotes it."""
    quoting = {"CTA002", "FH001", "FH004", "GN001", "PC002", "PC005", "PR001", "PR002", "SJ003", "SJ004"}
    for d in diagnostics:
        if d.code in quoting:
            words = " ".join(d.excerpt.split())
            assert f"'{words}'" in d.message, (d.code, d.excerpt, d.message)
