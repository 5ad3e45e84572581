"""Texts longer than the parser takes are linted in pieces, with offsets exact in the whole text."""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from outreach_lint import Linter
from outreach_lint.cli import main
from outreach_lint.engine.chunks import split_text

# Sentences of the kinds the rules look at (a self-centred opening, seller claims, a pushy close, an ask).
SENTENCES = [
    "We are the industry-leading provider of revenue analytics.",
    "Your team at Calder posted three analyst roles this month.",
    "Our platform connects to more than 200 data sources.",
    "This month only, new customers get 20% off.",
    "We leverage machine learning in order to surface insights.",
    "Just bumping this to the top of your inbox.",
    "Would a 15-minute call on Thursday at 10 work?",
    "Most of that time goes into matching invoices against purchase orders by hand.",
]


def long_text(chars: int, seed: int = 3) -> str:
    """Paragraphs of outreach sentences, about ``chars`` characters in all."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    size = 0
    while size < chars:
        paragraph = " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(2, 5)))
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return "Hi Dana,\n\n" + "\n\n".join(paragraphs) + "\n\nSam"


# -- the splitter ---------------------------------------------------------------------------------

@settings(max_examples=400, deadline=None)
@given(text=st.lists(st.sampled_from(["ab", " ", "c.", "\n", "\n\n", "\t", "word ", "\u00a0", "xyzzy"]), max_size=200).map("".join),
       max_chars=st.integers(min_value=1, max_value=60))
def test_pieces_join_into_the_text_fit_the_limit_and_end_on_whitespace(text: str, max_chars: int) -> None:
    pieces = split_text(text, max_chars)
    assert "".join(pieces) == text
    assert all(len(p) <= max_chars for p in pieces)
    assert all(pieces[:-1])  # no empty piece, except the one piece of an empty text
    start = 0
    for piece in pieces[:-1]:
        window = text[start : start + max_chars]
        if re.search(r"\s", window):
            # A piece ends on whitespace, and never where the window held a better kind of break.
            assert piece[-1].isspace()
            if re.search(r"\n[ \t\r\f\v]*\n", window):
                assert re.search(r"\n[ \t\r\f\v]*\n\s*$", piece)
            elif "\n" in window:
                assert re.search(r"\n\s*$", piece)
        else:
            assert piece == window  # no whitespace to cut at: cut at the limit
        start += len(piece)


def test_a_paragraph_break_is_preferred_to_a_later_line_break() -> None:
    text = "one two\n\nthree four\nfive six seven"
    assert split_text(text, 25) == ["one two\n\n", "three four\nfive six seven"]
    assert split_text(text, 22) == ["one two\n\n", "three four\n", "five six seven"]


def test_a_text_within_the_limit_is_one_piece() -> None:
    assert split_text("Hi Sam,\n\nWorth a look?", 1_000_000) == ["Hi Sam,\n\nWorth a look?"]


# -- linting in pieces, with a small parser limit --------------------------------------------------


@pytest.fixture()
def small_limit() -> Iterator[Linter]:
    """A Linter whose pipeline takes texts of at most 1,500 characters (restored afterwards: the
    pipeline is shared by every Linter of the process)."""
    linter = Linter()
    nlp = linter.nlp
    saved = nlp.max_length
    nlp.max_length = 1_500
    try:
        yield linter
    finally:
        nlp.max_length = saved


def assert_excerpts_exact(diagnostics: object, body: str) -> None:
    for d in diagnostics:  # type: ignore[attr-defined]
        if d.field == "body":
            assert body[d.start.field_offset : d.end.field_offset] == d.excerpt, d


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(chars=st.integers(min_value=1_500, max_value=6_000), seed=st.integers(min_value=0, max_value=10_000))
def test_findings_of_a_text_parsed_in_pieces_point_at_their_text(small_limit: Linter, chars: int, seed: int) -> None:
    body = long_text(chars, seed)
    report = small_limit.lint_message(subject="Quick question", body=body)
    assert report.diagnostics
    assert_excerpts_exact(report.diagnostics, body)


# -- a real text over 1,000,000 characters -----------------------------------------------------------

BIG_CHARS = 1_150_000


@pytest.fixture(scope="module")
def big_text() -> str:
    return long_text(BIG_CHARS)


def boundaries(text: str) -> list[int]:
    """Where the pieces of ``text`` meet at spaCy's default limit (the body is nearly all of the text
    the parser reads, so its pieces meet within a few characters of these)."""
    ends, at = [], 0
    for piece in split_text(text, 1_000_000)[:-1]:
        at += len(piece)
        ends.append(at)
    return ends


def test_a_message_over_a_million_characters_is_linted_through_the_api(big_text: str) -> None:
    assert len(big_text) > 1_000_000
    report = Linter().lint_message(subject="Quick question", body=big_text)
    assert_excerpts_exact(report.diagnostics, big_text)
    (edge,) = boundaries(big_text)
    near = [d for d in report.diagnostics if abs(d.start.field_offset - edge) < 2_000]
    assert near  # findings on both sides of where the pieces meet, quoting the text at their offset
    assert any(d.start.field_offset < edge for d in near) and any(d.start.field_offset > edge for d in near)
    for d in near:  # a finding that quotes the text ('This month only' is the seller's deadline) quotes its own
        quoted = re.search(r"'([^']+)'", d.message)
        if quoted:
            assert big_text.startswith(quoted.group(1).rstrip("…"), d.start.field_offset), d


def test_a_file_over_a_million_characters_is_linted_by_check(big_text: str, tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(big_text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    assert result.exit_code in (0, 1), result.output[-2000:]
    doc = json.loads(result.output)
    assert doc["errors"] == []
    (res,) = doc["results"]
    diagnostics = res["diagnostics"]
    assert diagnostics
    for d in diagnostics:
        assert big_text[d["start"]["offset"] : d["end"]["offset"]] == d["excerpt"]
    (edge,) = boundaries(big_text)
    assert any(abs(d["start"]["offset"] - edge) < 2_000 for d in diagnostics)
