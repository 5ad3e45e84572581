"""Every position in the wire format carries UTF-16 offsets and the LSP line/character pair, and a
message given as fields (the API, jsonl/json records) names the field and the offsets within it."""

from __future__ import annotations

import json

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from outreach_lint.cli import main
from outreach_lint.mapped import LineIndex

EMOJI_BODY = "👋🏽 Hi Dana 🎉🎉, We are the industry-leading 🚀 provider."
ASTRAL = st.characters(min_codepoint=0x10000, max_codepoint=0x10FFFF, blacklist_categories=("Cs", "Cn"))
ANY = st.characters(blacklist_categories=("Cs",))
TEXT = st.lists(st.one_of(ANY, ASTRAL, st.sampled_from(["\n", "\r\n", " We are the industry-leading provider. ", " We leverage it for {{company}}. ", "Hi Dana,\n\n"])), max_size=80).map("".join)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def expected_lsp(source: str, offset: int) -> tuple[int, int]:
    before = source[:offset]
    line = before.count("\n")
    return line, utf16_len(before[before.rfind("\n") + 1 :])


def check_position(source: str, pos: dict) -> None:
    assert pos["offset_utf16"] == utf16_len(source[: pos["offset"]])
    line, character = expected_lsp(source, pos["offset"])
    assert pos["lsp"] == {"line": line, "character": character}
    assert pos["lsp"]["line"] == pos["line"] - 1


@SETTINGS
@given(source=TEXT)
def test_every_offset_has_its_utf16_form(source: str) -> None:
    index = LineIndex(source)
    for offset in range(len(source) + 1):
        check_position(source, index.position(offset).to_dict())


@SETTINGS
@given(body=TEXT, subject=st.one_of(st.none(), TEXT.map(lambda t: t.replace("\n", " ").replace("\r", " "))))
def test_api_positions_and_field_offsets(linter, body: str, subject: str | None) -> None:
    report = linter.lint_message(subject=subject, body=body or "x")
    body = body or "x"
    for d in report.to_dict()["diagnostics"]:
        for pos in (d["start"], d["end"]):
            check_position(report.source, pos)
        if d["field"] is None:
            continue
        value = {"subject": subject, "body": body}[d["field"]]
        s, e = d["start"], d["end"]
        assert value[s["field_offset"] : e["field_offset"]] == d["excerpt"]
        assert utf16_len(value[: s["field_offset"]]) == s["field_offset_utf16"]
        assert utf16_len(value[: e["field_offset"]]) == e["field_offset_utf16"]
        for sug in d["suggestions"]:
            for edit in sug["edits"]:
                check_position(report.source, edit["range"]["start"])
                assert edit["range"]["start"]["offset"] == edit["start"]
                assert edit["range"]["end"]["offset"] == edit["end"]


def test_the_emoji_message_reports_utf16_offsets_within_the_body(linter) -> None:
    report = linter.lint_message(subject="Quick 🎉 question", body=EMOJI_BODY)
    praise = next(d for d in report.to_dict()["diagnostics"] if d["code"] == "PC002")
    assert praise["field"] == "body"
    units = EMOJI_BODY.encode("utf-16-le")
    start, end = praise["start"]["field_offset_utf16"], praise["end"]["field_offset_utf16"]
    assert units[2 * start : 2 * end].decode("utf-16-le") == "industry-leading"
    assert EMOJI_BODY[praise["start"]["field_offset"] : praise["end"]["field_offset"]] == "industry-leading"
    # The old keys keep their meaning: code points into "Subject: ...\n\n" + body.
    assert report.source[praise["start"]["offset"] : praise["end"]["offset"]] == "industry-leading"
    assert praise["start"]["line"] == 3


def test_a_subject_finding_names_the_subject_field(linter) -> None:
    subject = "🎉 INTRODUCING OUR PLATFORM"
    report = linter.lint_message(subject=subject, body="Hi Dana,\n\nWorth a look at your reports?\n")
    found = [d for d in report.diagnostics if d.field == "subject"]
    assert found
    for d in found:
        assert subject[d.start.field_offset : d.end.field_offset] == d.excerpt
        assert d.start.field_offset_utf16 == utf16_len(subject[: d.start.field_offset])


def test_an_html_message_names_the_html_field(linter) -> None:
    html = "<p>Hi 🎉 Dana,</p><p>We are the <b>industry-leading</b> provider.</p>"
    report = linter.lint_message(html=html)
    praise = next(d for d in report.diagnostics if d.code == "PC002")
    assert praise.field == "html"
    assert html[praise.start.field_offset : praise.end.field_offset] == "industry-leading"
    assert praise.start.field_offset_utf16 == praise.start.field_offset + 1


def test_a_file_that_is_not_a_record_has_no_field(linter) -> None:
    report = linter.lint_text("🎉 Hi Dana,\n\nWe are the industry-leading provider.\n")
    praise = next(d for d in report.to_dict()["diagnostics"] if d["code"] == "PC002")
    assert praise["field"] is None and praise["start"]["field_offset"] is None
    assert praise["start"]["offset_utf16"] == praise["start"]["offset"] + 1


RECORDS = [
    {"id": "a", "subject": "Quick 🎉 question", "body": "🚀 Hi Dana,\n\nWe are the \"industry-leading\" provider.\n"},
    {"id": "b", "html": "<p>Hi Dana,</p>\r\n<p>We&rsquo;re the <i>industry-leading</i> provider 🚀.</p>"},
]


def test_jsonl_and_json_records_name_the_field_of_the_record(tmp_path) -> None:
    (tmp_path / "m.jsonl").write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    (tmp_path / "m.json").write_text(json.dumps({"messages": RECORDS}, ensure_ascii=False, indent=1), encoding="utf-8")
    for name in ("m.jsonl", "m.json"):
        result = CliRunner().invoke(main, ["check", str(tmp_path / name), "--format", "json"])
        doc = json.loads(result.output)
        seen = set()
        for res, record in zip(doc["results"], RECORDS):
            for d in res["diagnostics"]:
                if d["field"] is None:
                    continue
                value = record[d["field"]]
                s, e = d["start"], d["end"]
                assert s["field_offset_utf16"] == utf16_len(value[: s["field_offset"]])
                if d["code"] == "PC002":
                    assert value[s["field_offset"] : e["field_offset"]] == "industry-leading"
                    seen.add((res["message_id"], d["field"]))
        assert seen == {("a", "body"), ("b", "html")}, name


def test_jsonl_output_carries_the_new_keys(tmp_path) -> None:
    (tmp_path / "m.jsonl").write_text(json.dumps(RECORDS[0]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "m.jsonl"), "--format", "jsonl"])
    line = json.loads(result.output.splitlines()[0])
    d = next(d for d in line["diagnostics"] if d["code"] == "PC002")
    assert d["field"] == "body"
    assert set(d["start"]) == {"offset", "line", "column", "offset_utf16", "lsp", "field_offset", "field_offset_utf16"}
