"""Property tests: for any input in any format, linting never raises, every excerpt is the exact
source slice, line/column agree with the offset, and the same input gives the same output."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from outreach_lint.mapped import LineIndex

ALPHABET = st.characters(blacklist_categories=("Cs",), max_codepoint=0x2FFF)
WORDS = st.sampled_from(
    ["We", "our", "platform", "you", "your", "team", "?", ".", ",", "\n", "\n\n", "{{first_name}}", "*|FNAME|*",
     "[Company Name]", "leverage", "this month only", "> quoted", "--", "Best,", "<p>", "</p>", "<br>", "&amp;",
     "<!-- outreach-lint: disable=PC -->", "{# outreach-lint: disable-next=MF001 #}", "https://x.io/a", "Rep:", "Prospect:",
     "\r\n", "\t", "é", "=", "=3D", "\\n", '"', "Subject: hi\n", "---\n", "let me know if you're interested"]
)
TEXT = st.one_of(st.text(ALPHABET, max_size=300), st.lists(WORDS, max_size=60).map(" ".join))


def check_report(source: str, report) -> None:
    index = LineIndex(source)
    for d in report.diagnostics:
        assert 0 <= d.start.offset <= d.end.offset <= len(source)
        assert source[d.start.offset : d.end.offset] == d.excerpt
        assert (d.start.line, d.start.column) == index.line_col(d.start.offset)
        assert (d.end.line, d.end.column) == index.line_col(d.end.offset)
        for s in d.suggestions:
            for e in s.edits:
                assert 0 <= e.start <= e.end <= len(source)


def lint_all(linter, data: bytes, name: str):
    reports, errors = linter.lint_bytes(data, name)
    return reports, errors


SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(text=TEXT, name=st.sampled_from(["a.txt", "a.md", "a.html", "a.j2", "a.html.j2", "a.script.txt", "a.hbs", "a.liquid"]))
def test_drafts(linter, text: str, name: str) -> None:
    data = text.encode("utf-8")
    first = lint_all(linter, data, name)
    for r in first[0]:
        check_report(r.source, r)
    again = lint_all(linter, data, name)
    assert [r.to_dict() for r in first[0]] == [r.to_dict() for r in again[0]]
    assert first[1] == again[1]


@SETTINGS
@given(subject=TEXT, body=TEXT, cte=st.sampled_from(["7bit", "quoted-printable", "base64"]))
def test_eml(linter, subject: str, body: str, cte: str) -> None:
    import base64
    import quopri

    raw = body.encode("utf-8")
    encoded = {
        "7bit": raw,
        "quoted-printable": quopri.encodestring(raw),
        "base64": base64.encodebytes(raw),
    }[cte]
    subject_line = " ".join(subject.split())
    data = (
        f"From: a@example.com\nSubject: {subject_line}\nContent-Type: text/plain; charset=utf-8\n"
        f"Content-Transfer-Encoding: {cte}\n\n"
    ).encode() + encoded
    reports, errors = lint_all(linter, data, "m.eml")
    for r in reports:
        check_report(r.source, r)


@SETTINGS
@given(records=st.lists(st.fixed_dictionaries({"id": st.text(max_size=5), "subject": TEXT, "body": TEXT}), max_size=4))
def test_jsonl(linter, records) -> None:
    data = "\n".join(json.dumps(r, ensure_ascii=bool(len(r["id"]) % 2)) for r in records).encode()
    reports, errors = lint_all(linter, data, "m.jsonl")
    for r in reports:
        check_report(r.source, r)
    assert len(reports) == len(records) or errors


@SETTINGS
@given(bodies=st.lists(TEXT, min_size=1, max_size=3))
def test_mbox(linter, bodies) -> None:
    chunks = [f"From sender@example.com Mon Jan  1 00:00:00 2026\nSubject: s{i}\n\n{b.replace(chr(10) + 'From ', chr(10) + '>From ')}\n" for i, b in enumerate(bodies)]
    data = "".join(chunks).encode()
    reports, _ = lint_all(linter, data, "box.mbox")
    for r in reports:
        check_report(r.source, r)


@SETTINGS
@given(data=st.binary(max_size=400), name=st.sampled_from(["x.txt", "x.eml", "x.jsonl", "x.html", "x.mbox", "x.json"]))
def test_arbitrary_bytes_never_raise(linter, data: bytes, name: str) -> None:
    reports, errors = lint_all(linter, data, name)
    for r in reports:
        check_report(r.source, r)
    for e in errors:
        assert "\n" not in e.message and e.code.startswith("E")


@SETTINGS
@given(subject=st.one_of(st.none(), TEXT), body=TEXT)
def test_api_lint_message(linter, subject, body) -> None:
    report = linter.lint_message(subject=subject, body=body)
    check_report(report.source, report)
