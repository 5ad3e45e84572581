"""Message sources: every format maps findings back to the exact characters in the file."""

from __future__ import annotations

import base64
import json

import pytest

from outreach_lint import Linter

from ..conftest import codes


def lint(linter: Linter, text: str | bytes, name: str):
    data = text.encode() if isinstance(text, str) else text
    reports, errors = linter.lint_bytes(data, name)
    return reports, errors


def find(report, code):
    return next(d for d in report.diagnostics if d.code == code)


def test_hard_wrapped_text_keeps_line_and_column(linter: Linter) -> None:
    text = (
        "Hi Sam,\n\nI read your post about the hiring plan for the new support team and the\n"
        "onboarding program, and we think a world-class checklist would help. Worth a chat?\n"
    )
    [r], _ = lint(linter, text, "d.txt")
    d = find(r, "PC002")
    assert (d.start.line, d.start.column) == (4, 36) and d.excerpt == "world-class"


def test_quoted_reply_signature_and_footer_are_not_linted(linter: Linter) -> None:
    text = (
        "Hi Sam,\n\nThanks for the note. Does Thursday at 10 work?\n\nBest,\nAna\nWorld-class Ana, Acme\n\n"
        "Unsubscribe: https://acme.io/u\n\nOn Mon, Jan 5, 2026 at 9:00 AM Sam <sam@x.io> wrote:\n"
        "> We are the industry-leading vendor, this month only.\n"
    )
    [r], _ = lint(linter, text, "reply.txt")
    assert codes(r) == []
    assert set(r.metrics["excluded"]) == {"signature", "footer", "quoted"}


def test_markdown_front_matter_and_links(linter: Linter) -> None:
    text = "---\nsubject: Our best-in-class tool\nprofile: follow-up\n---\nHi Sam,\n\nSee [the world-class guide](https://x.io). Worth a look?\n"
    [r], _ = lint(linter, text, "d.md")
    excerpts = [d.excerpt for d in r.diagnostics if d.code == "PC002"]
    assert excerpts == ["best-in-class", "world-class"]
    assert r.metrics["profile"] == "follow-up"
    assert find(r, "PC002").region == "subject"


def test_html_email_with_entities(linter: Linter) -> None:
    html = "<table><tr><td><p>Hi Sam,</p><p>We&rsquo;re the industry&#8209;leading&nbsp;team &amp; we leverage AI.<br>Worth a chat?</p></td></tr></table>"
    [r], _ = lint(linter, html, "d.html")
    d = find(r, "FH001")
    assert d.excerpt == "leverage"
    assert html[d.start.offset : d.end.offset] == "leverage"


@pytest.mark.parametrize("cte", ["quoted-printable", "base64", "8bit"])
def test_eml_transfer_encodings(linter: Linter, cte: str) -> None:
    body = "Hi Renée,\n\nOur world-class team would like to help. Worth a chat?\n"
    if cte == "base64":
        payload = base64.encodebytes(body.encode()).decode()
    elif cte == "quoted-printable":
        import quopri

        payload = quopri.encodestring(body.encode()).decode()
    else:
        payload = body
    eml = (
        "From: Ana <ana@acme.io>\nTo: sam@x.io\nSubject: =?utf-8?q?Caf=C3=A9_idea_this_month_only?=\n"
        f"Message-ID: <m1@acme.io>\nX-Outreach-Lint: disable=FH\nContent-Type: text/plain; charset=utf-8\n"
        f"Content-Transfer-Encoding: {cte}\n\n{payload}"
    )
    [r], errors = lint(linter, eml, "m.eml")
    assert not errors
    assert r.message_id == "<m1@acme.io>"
    d = find(r, "PC002")
    assert d.excerpt  # points into the encoded body
    assert eml[d.start.offset : d.end.offset] == d.excerpt
    if cte != "base64":
        assert d.excerpt == "world-class"
    assert find(r, "PR001").region == "subject"  # decoded encoded-word subject


def test_eml_html_only_body(linter: Linter) -> None:
    eml = "From: a@x.io\nSubject: Hi\nContent-Type: text/html; charset=utf-8\n\n<p>Hi Sam,</p><p>Our world-class team. Worth a chat?</p>\n"
    [r], _ = lint(linter, eml, "m.eml")
    assert find(r, "PC002").excerpt == "world-class"


def test_mbox_many_messages(linter: Linter) -> None:
    box = (
        "From a@x Mon Jan  1 00:00:00 2026\nSubject: one\nMessage-ID: <1@x>\n\nHi Sam,\n\nOur world-class tool. Worth a chat?\n\n"
        "From a@x Mon Jan  1 00:00:00 2026\nSubject: two\n\nHi Jo,\n\nHow is hiring going?\n"
    )
    reports, _ = lint(linter, box, "box.mbox")
    assert [r.message_id for r in reports] == ["<1@x>", "#2"]
    assert codes(reports[0]) == ["PC002"] and codes(reports[1]) == []


def test_jsonl_records_map_through_escapes(linter: Linter) -> None:
    rec = {"id": "r1", "subject": "Hello", "body": "Hi Sam,\n\nOur \"world-class\" team. Worth a chat?", "profile": "follow-up"}
    line = json.dumps(rec)
    reports, _ = lint(linter, line + "\n" + json.dumps({"body": "Hi {{first_name}}, worth a chat?"}) + "\n", "m.jsonl")
    d = find(reports[0], "PC002")
    assert line[d.start.offset : d.end.offset] == "world-class"
    assert reports[0].message_id == "r1" and reports[1].message_id == "line-2"
    assert reports[0].metrics["profile"] == "follow-up"
    assert "MF001" in codes(reports[1])  # JSON records are rendered messages


def test_templates_accept_merge_fields_and_host_directives(linter: Linter) -> None:
    tpl = "Hi {{ first_name }},\n\n{# outreach-lint: disable-next=PC002 #}\nOur world-class team. {% if x %}Worth a chat?{% endif %}\n"
    [r], _ = lint(linter, tpl, "t.j2")
    assert codes(r) == []
    assert r.metrics["mode"] == "template" and r.metrics["merge_fields"] == 1


def test_script_only_lints_seller_turns(linter: Linter) -> None:
    script = "Rep: Hi Sam, thanks for taking the call. How is hiring going?\nProspect: We are the world-class leader here.\nRep: Got it. What slows onboarding down?\n"
    [r], _ = lint(linter, script, "call.script.txt")
    assert codes(r) == []
    assert r.metrics["profile"] == "script" and "prospect" in r.metrics["excluded"]


def test_merge_field_greeting_parses_as_greeting(linter: Linter) -> None:
    r = linter.lint_text("Hi {{first_name}},\n\nWorth a chat?\n", mode="template")
    assert codes(r) == [] and r.metrics["sentences"] == 1


def test_crlf_offsets_are_exact(linter: Linter) -> None:
    text = "Hi Sam,\r\n\r\nOur world-class team.\r\nWorth a chat?\r\n"
    [r], _ = lint(linter, text, "d.txt")
    d = find(r, "PC002")
    assert text[d.start.offset : d.end.offset] == "world-class" and (d.start.line, d.start.column) == (3, 5)
