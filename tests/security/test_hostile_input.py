"""Inputs of a few hundred bytes to a hundred kilobytes that once took seconds to minutes.

Each is linted through the public API with a hang guard: 5 seconds, about a hundred times what such an
input costs now. Timings are not otherwise asserted (machines are shared); growth is measured by
benchmarks/adversarial.py.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from outreach_lint import Linter

HANG_GUARD = 5.0


@pytest.fixture(scope="module")
def linter() -> Linter:
    linter = Linter()
    linter.lint_message(subject="Warm-up", body="Hi Sam, worth a look?")
    return linter


def within_guard(fn: Callable[[], object]) -> object:
    started = time.perf_counter()
    result = fn()
    elapsed = time.perf_counter() - started
    assert elapsed < HANG_GUARD, f"took {elapsed:.1f} s"
    return result


# Each once took from 6 s to many minutes on a 2-core machine (checked against the code before the fix).
MESSAGES = {
    "bracket merge field with underscores (330 bytes)": dict(body="Hi [A" + "_a" * 150),
    "sign-off, 2,000 spaces, then text": dict(body="Hi Sam,\n\nWorth a look?\n\nBest" + " " * 2000 + "x!"),
    "a run of dots": dict(body="Hi " + "." * 100_000),
    "e-mail address made of 'a.'": dict(body="Hi @" + "a." * 50_000),
    "a long word, a brace elsewhere": dict(body="Hi " + "a" * 100_000 + " {x"),
    "reply prefix then spaces": dict(subject="re" + " " * 100_000, body="Hi Sam, worth a look?"),
}

FILES = {
    "'{{ ' then spaces": ("a.txt", "{{ " + " " * 100_000),
    "repeated '<!--'": ("a.md", "Hi\n\n" + "<!--" * 25_000),
    "repeated '&#' in HTML": ("a.html", "<p>" + "&#" * 5_000 + "</p>"),
    "repeated '[' in Markdown": ("a.md", "[" * 10_000),
    "repeated '![' in Markdown": ("a.md", "![" * 5_000),
    "repeated '{%' in a template": ("a.txt.j2", "{%" * 5_000),
    "repeated '{#' in a template": ("a.txt.j2", "{#" * 5_000),
    "a directive then spaces": ("a.md", "Hi\n\n<!-- outreach-lint: x" + " " * 100_000 + "y -->"),
    "a Subject: line then spaces": ("a.txt", "Subject: x" + " " * 100_000 + "y\n\nHi"),
}

# Readers only (no parse): a document whose words would take the parser longer than the guard.
READERS = {
    "repeated '**a ' in Markdown": ("a.md", "**a " * 25_000),
    "a line of blanks to fill in ('___ ' 100,000 times)": ("a.txt", "It costs " + "___ " * 100_000 + "a month."),
}


@pytest.mark.parametrize("fields", list(MESSAGES.values()), ids=list(MESSAGES))
def test_hostile_message_is_linted_within_the_guard(linter: Linter, fields: dict[str, str]) -> None:
    report = within_guard(lambda: linter.lint_message(**fields))
    assert report.score >= 0  # a report, not an exception


@pytest.mark.parametrize("name,text", list(FILES.values()), ids=list(FILES))
def test_hostile_file_is_linted_within_the_guard(linter: Linter, name: str, text: str) -> None:
    reports, errors = within_guard(lambda: linter.lint_bytes(text.encode(), name))
    assert reports or errors
    source = text
    for report in reports:
        for d in report.diagnostics:
            assert source[d.start.offset : d.end.offset] == d.excerpt


@pytest.mark.parametrize("name,text", list(READERS.values()), ids=list(READERS))
def test_hostile_file_is_read_within_the_guard(name: str, text: str) -> None:
    from outreach_lint.regions import prepare
    from outreach_lint.sources import ReadOptions, read_bytes

    parsed = within_guard(lambda: [prepare(m) for m in read_bytes(text.encode(), name, ReadOptions()).messages])
    assert parsed


def test_the_parser_never_sees_a_run_longer_than_the_limit(linter: Linter) -> None:
    """Long runs reach spaCy cut into pieces, and findings still point at the exact source text."""
    body = "We built " + "[" * 5_000 + " our platform. We are the leading provider. Interested?"
    report = within_guard(lambda: linter.lint_message(subject="Hello", body=body))
    source = report.source
    assert all(source[d.start.offset : d.end.offset] == d.excerpt for d in report.diagnostics)
    assert any(d.code == "PC002" for d in report.diagnostics)  # the prose after the run is still read


def test_many_short_fields_never_grow_the_text_past_the_parser(linter: Linter, monkeypatch) -> None:
    """Each field stands in the parsed text as a word; thousands of short ones ("___", "{a}") would make a
    text the reader let through longer than the parser takes. Then the words are cut to one letter, and
    every field is still reported at its own place."""
    import outreach_lint.regions as regions

    monkeypatch.setattr(regions, "PARSER_CHARS", 2_000)
    monkeypatch.setattr(linter.nlp, "max_length", 2_100)  # the parser's limit, scaled down with it
    body = "Hi Sam,\n\nIt costs " + "{a} " * 400 + "a month. Worth a look?\n"
    report = within_guard(lambda: linter.lint_message(body=body, mode="rendered"))
    fields = [d for d in report.diagnostics if d.code == "MF001"]
    assert len(fields) == 400
    assert all(report.source[d.start.offset : d.end.offset] == "{a}" for d in fields)
