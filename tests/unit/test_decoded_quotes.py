"""Messages quote what the reader reads: the decoded text of base64, quoted-printable, HTML and JSON
string bodies, with merge fields as typed. ``excerpt`` stays the exact slice of the source."""

from __future__ import annotations

import base64

from outreach_lint import Linter

HEADERS = "From: sam@acme.example\nTo: dana@northwind.example\nSubject: Your reports\nContent-Type: text/plain; charset=utf-8\n"
BODY = "Hi Dana,\n\nWe are the industry-leading provider. We leverage our platform for {{company}}.\n\nWorth a look?\n"


def by_code(report, code: str):
    return next(d for d in report.diagnostics if d.code == code)


def test_base64_body_is_quoted_decoded(linter: Linter) -> None:
    encoded = base64.encodebytes(BODY.encode()).decode()
    report = linter.lint_text(f"{HEADERS}Content-Transfer-Encoding: base64\n\n{encoded}", "eml")
    praise = by_code(report, "PC002")
    assert praise.message.startswith("'industry-leading' is")
    assert praise.excerpt == report.source[praise.start.offset : praise.end.offset] != "industry-leading"
    assert "'leverage' is vendor jargon" in by_code(report, "FH001").message
    assert "'We are the industry-leading" in by_code(report, "PC004").message


def test_quoted_printable_soft_breaks_and_escapes_are_decoded(linter: Linter) -> None:
    body = "Hi Dana,\n\nWe are the industry-leading provider. We use our platform to lever=\nage data for you.\n\nWorth a look?\n"
    report = linter.lint_text(f"{HEADERS}Content-Transfer-Encoding: quoted-printable\n\n{body}", "eml")
    jargon = by_code(report, "FH001")
    assert jargon.message.startswith("'leverage' is vendor jargon")
    assert jargon.excerpt == "lever=\nage"


def test_html_markup_and_entities_are_decoded(linter: Linter) -> None:
    html = (
        "<p>Hi Dana,</p><p>We&rsquo;re the <b>industry</b>-leading provider. "
        "We lev<i>er</i>age our platform.</p><p>Worth a look?</p>"
    )
    report = linter.lint_text(html, "html")
    assert by_code(report, "PC002").message.startswith("'industry-leading' is")
    assert by_code(report, "PC002").excerpt == "industry</b>-leading"
    assert by_code(report, "FH001").message.startswith("'leverage' is vendor jargon")
    assert "'We’re the industry-leading" in by_code(report, "PC004").message


def test_json_string_escapes_are_decoded(linter: Linter) -> None:
    record = '{"body": "Hi Dana,\\n\\nWe are the industry\\u002dleading provider. We \\"leverage\\" our platform.\\n\\nWorth a look?"}'
    reports, errors = linter.lint_bytes(record.encode(), "drafts.json")
    (report,) = reports
    assert not errors
    praise = by_code(report, "PC002")
    assert praise.message.startswith("'industry-leading' is")
    assert praise.excerpt == "industry\\u002dleading"
    assert "'We are the industry-leading" in by_code(report, "PC004").message


def test_merge_fields_are_quoted_as_typed(linter: Linter) -> None:
    html = "<p>Hi Dana,</p><p>We are a <b>top</b> {{ co }} partner.</p><p>Worth a look?</p>"
    report = linter.lint_text(html, "html")
    opening = by_code(report, "PC004")
    assert "{{ co }}" in opening.message and "<b>" not in opening.message


def test_a_merge_field_in_a_base64_body_is_quoted_decoded(linter: Linter) -> None:
    body = "Hi Sam,\n\nWe help {{company}} teams with payroll. Worth a call?\n"
    encoded = base64.encodebytes(body.encode()).decode()
    report = linter.lint_text(f"{HEADERS}Content-Transfer-Encoding: base64\n\n{encoded}", "eml")
    unfilled = by_code(report, "MF001")
    assert unfilled.message == "unfilled merge field {{company}}"
    assert unfilled.excerpt == report.source[unfilled.start.offset : unfilled.end.offset] != "{{company}}"
