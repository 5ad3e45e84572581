"""Fuzzing every input format with hostile text: delimiters left open, long runs, broken markup.

For every generated input under 10 KB: no exception escapes, linting takes less than 5 seconds (a hang
guard, about a hundred times the usual cost), and every excerpt is the exact source slice.
``OUTREACH_LINT_FUZZ_EXAMPLES`` raises the number of examples per test (benchmarks/fuzz.py runs a long
campaign that way); the default keeps the suite quick.
"""

from __future__ import annotations

import json
import os
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from outreach_lint import Linter
from outreach_lint.mapped import LineIndex

EXAMPLES = int(os.environ.get("OUTREACH_LINT_FUZZ_EXAMPLES", "25"))
HANG_GUARD = 5.0
MAX_BYTES = 10_000

# Pieces of every syntax the readers and patterns know, to be left open, nested and repeated.
PIECES = [
    "{{", "}}", "{{{", "{%", "%}", "{#", "#}", "{{!--", "--}}", "*|", "|*", "[", "]", "(", ")", "![", "](", "**", "*",
    "__", "`", "<!--", "-->", "<p>", "</p>", "<br>", "<a href='", "'>", "&#", "&amp;", "&rsquo;", "&", ";", "<", ">",
    "Subject:", "subject: ", "---\n", "\n", "\n\n", " ", "\t", "\r\n", "Rep:", "Prospect:", "**Rep:**", "@", "a.",
    "http://", "www.", "_a", "[A", "[first name", "{first_name", "<<", ">>", "re:", "Best,", "--\n", "> ", "On Mon, Sam wrote:",
    "outreach-lint: disable=PC", "We", "our platform", "you", "your team", "?", "!", ".", "é", "👋🏽", "\u00a0", "\u2028",
    "=", "=3D", "=\n", "\\", '"', "\\u00e9", "0", "-1.5e3",
]
PIECE = st.sampled_from(PIECES)
RUN = st.tuples(PIECE, st.integers(1, 1500)).map(lambda t: t[0] * t[1])
TEXT = st.lists(st.one_of(PIECE, PIECE, PIECE, RUN), max_size=40).map("".join).map(lambda s: s[:MAX_BYTES // 2])

SETTINGS = settings(
    max_examples=EXAMPLES, deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


def lint_guarded(linter: Linter, data: bytes, name: str) -> None:
    started = time.perf_counter()
    reports, errors = linter.lint_bytes(data, name)
    elapsed = time.perf_counter() - started
    assert elapsed < HANG_GUARD, f"{name}: {len(data)} bytes took {elapsed:.1f} s"
    for report in reports:
        index = LineIndex(report.source)
        for d in report.diagnostics:
            assert report.source[d.start.offset : d.end.offset] == d.excerpt
            assert (d.start.line, d.start.column) == index.line_col(d.start.offset)
    for e in errors:
        assert "\n" not in e.message and e.code.startswith("E")


DRAFTS = ["a.txt", "a.md", "a.html", "a.txt.j2", "a.hbs", "a.liquid", "a.html.j2", "a.script.txt", "a.script.md"]


@SETTINGS
@given(text=TEXT, name=st.sampled_from(DRAFTS))
def test_drafts(linter: Linter, text: str, name: str) -> None:
    lint_guarded(linter, text.encode("utf-8", "surrogatepass"), name)


@SETTINGS
@given(headers=st.lists(st.tuples(st.sampled_from(["From", "To", "Cc", "Subject", "Message-ID", "Content-Type",
                                                    "Content-Transfer-Encoding", "X-Outreach-Lint", "Date"]), TEXT.map(lambda s: s[:200])), max_size=6),
       body=TEXT, raw=st.binary(max_size=300))
def test_eml(linter: Linter, headers: list[tuple[str, str]], body: str, raw: bytes) -> None:
    head = "".join(f"{k}: {v}\n" for k, v in headers).encode("utf-8", "surrogatepass")
    lint_guarded(linter, head + b"\n" + body.encode("utf-8", "surrogatepass") + raw, "m.eml")


@SETTINGS
@given(bodies=st.lists(TEXT.map(lambda s: s[:2000]), min_size=1, max_size=3))
def test_mbox(linter: Linter, bodies: list[str]) -> None:
    data = "".join(f"From a@b Mon Jan 1 00:00:00 2026\nSubject: s\n\n{b}\n" for b in bodies)
    lint_guarded(linter, data.encode("utf-8", "surrogatepass"), "box.mbox")


@SETTINGS
@given(records=st.lists(st.dictionaries(st.sampled_from(["id", "subject", "body", "html", "profile", "mode"]),
                                        TEXT.map(lambda s: s[:2000]), max_size=4), max_size=3),
       tail=TEXT.map(lambda s: s[:200]))
def test_json_records(linter: Linter, records: list[dict[str, str]], tail: str) -> None:
    lines = "\n".join(json.dumps(r, ensure_ascii=len(r) % 2 == 0) for r in records) + tail
    lint_guarded(linter, lines.encode("utf-8", "surrogatepass"), "m.jsonl")
    lint_guarded(linter, json.dumps(records).encode(), "m.json")


@SETTINGS
@given(subject=st.one_of(st.none(), TEXT.map(lambda s: s[:500])), body=TEXT)
def test_api(linter: Linter, subject: str | None, body: str) -> None:
    text = body.encode("utf-8", "replace").decode()  # lone surrogates are refused by design (InputError)
    started = time.perf_counter()
    report = linter.lint_message(subject=subject and subject.encode("utf-8", "replace").decode(), body=text)
    assert time.perf_counter() - started < HANG_GUARD
    assert all(report.source[d.start.offset : d.end.offset] == d.excerpt for d in report.diagnostics)
