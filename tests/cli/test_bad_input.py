"""Bad input gets one clear line naming the file; other files are still linted; nothing is lost."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from outreach_lint.cli import main

GOOD = "Hi Sam,\n\nWe are the industry-leading vendor. Worth a chat?\n"


def run_json(*paths: Path, extra: tuple[str, ...] = ()):
    result = CliRunner().invoke(main, ["check", "--format", "json", *extra, *map(str, paths)], catch_exceptions=False)
    return result, json.loads(result.output)


def assert_one_error(doc, path: Path, code: str) -> str:
    errs = [e for e in doc["errors"] if e["path"] == str(path)]
    assert len(errs) == 1 and errs[0]["code"] == code, doc["errors"]
    assert "\n" not in errs[0]["message"]
    return errs[0]["message"]


def test_each_bad_input_is_reported_and_others_still_linted(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    binary = tmp_path / "logo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    bad_eml = tmp_path / "broken.eml"
    bad_eml.write_text("this is not an email at all\njust text\n")
    bad_json = tmp_path / "broken.jsonl"
    bad_json.write_text('{"id": "a", "body": "Hi Sam, worth a chat?"}\n{"id": "b", "body": \n')
    missing = tmp_path / "missing.txt"
    result, doc = run_json(good, binary, empty, bad_eml, bad_json, missing)
    assert result.exit_code == 3
    assert "binary" in assert_one_error(doc, binary, "E002")
    assert "empty" in assert_one_error(doc, empty, "E003")
    assert "malformed email" in assert_one_error(doc, bad_eml, "E005")
    assert "line 2" in assert_one_error(doc, bad_json, "E007")
    assert "no such file" in assert_one_error(doc, missing, "E008")
    linted = {r["path"] for r in doc["results"]}
    assert str(good) in linted
    assert str(bad_json) in linted  # the good record of a partly broken file is still linted
    assert any(d["code"] == "PC002" for r in doc["results"] if r["path"] == str(good) for d in r["diagnostics"])


def test_invalid_utf8_is_decoded_reported_and_linted(tmp_path: Path) -> None:
    f = tmp_path / "latin1.txt"
    original = "Hi Ren\xe9e,\n\nWe are the industry-leading vendor. Worth a chat?\n".encode("latin-1")
    f.write_bytes(original)
    result, doc = run_json(f)
    assert "invalid UTF-8" in assert_one_error(doc, f, "E010")
    codes = [d["code"] for d in doc["results"][0]["diagnostics"]]
    assert "OL004" in codes and "PC002" in codes
    assert f.read_bytes() == original  # nothing the user wrote is changed


def test_huge_file_is_refused_with_a_configurable_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"Hi Sam, we are here. " * 1_000_000)  # 21 MB
    result, doc = run_json(big)
    msg = assert_one_error(doc, big, "E004")
    assert "max-file-size" in msg and result.exit_code == 3
    cfg = tmp_path / "outreach-lint.toml"
    cfg.write_text("max-file-size = 100\n")
    small = tmp_path / "small.txt"
    small.write_text(GOOD * 5)
    _, doc = run_json(small, extra=("--config", str(cfg)))
    assert doc["errors"][0]["code"] == "E004"


def test_malformed_html_is_reported_and_linted(tmp_path: Path) -> None:
    f = tmp_path / "draft.html"
    f.write_text("<p>We are the industry-leading vendor. Worth a chat?</p>\n<div class=\"sig")
    _, doc = run_json(f)
    assert "malformed HTML" in assert_one_error(doc, f, "E006")
    assert any(d["code"] == "PC002" for d in doc["results"][0]["diagnostics"])


def test_malformed_json_document(tmp_path: Path) -> None:
    f = tmp_path / "records.json"
    f.write_text('[{"id": 1, "body": "hi"}, {"id": 2, ')
    _, doc = run_json(f)
    assert "malformed JSON at line 1" in assert_one_error(doc, f, "E007")


def test_directory_with_nothing_to_lint(tmp_path: Path) -> None:
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    result, doc = run_json(tmp_path)
    assert "nothing to lint" in assert_one_error(doc, tmp_path, "E009")
    assert result.exit_code == 3


def test_invalid_config_is_one_line_exit_2(tmp_path: Path) -> None:
    cfg = tmp_path / "outreach-lint.toml"
    draft = tmp_path / "d.txt"
    draft.write_text(GOOD)
    for content, expect in (
        ("fail_onn = 'error'\n", "unknown key 'fail_onn'"),
        ("fail-on = 'sometimes'\n", "invalid value for 'fail-on'"),
        ("select = ['PC9']\n", "unknown rule 'PC9'"),
        ("[rules.RD001]\nmax-grade = 'high'\n", "invalid value for 'max-grade'"),
        ("[rules.RD001]\nmax-grad = 9\n", "did you mean 'max-grade'"),
        ("this is = not toml\n", "invalid TOML"),
        ("fail-onn = 'error'\n", "did you mean 'fail-on'"),
    ):
        cfg.write_text(content)
        result = CliRunner().invoke(main, ["check", str(draft)], catch_exceptions=False)
        assert result.exit_code == 2, (content, result.output)
        lines = [line for line in result.output.splitlines() if line.strip()]
        assert len(lines) == 1 and expect in lines[0] and str(cfg) in lines[0], (content, result.output)
