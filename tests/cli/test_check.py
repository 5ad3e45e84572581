"""The command line, through Click's runner: formats, exit codes, stdin, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from outreach_lint.cli import main

ROOT = Path(__file__).resolve().parents[2]
BAD = (ROOT / "examples" / "cold-email.txt").read_text()
GOOD = (ROOT / "examples" / "cold-email-rewrite.txt").read_text()


def run(*args: str, input: str | bytes | None = None, cwd: Path | None = None):
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(main, list(args), input=input, catch_exceptions=False)
    import os

    old = os.getcwd()
    os.chdir(cwd)
    try:
        return runner.invoke(main, list(args), input=input, catch_exceptions=False)
    finally:
        os.chdir(old)


@pytest.fixture()
def drafts(tmp_path: Path) -> Path:
    (tmp_path / "bad.txt").write_text(BAD)
    (tmp_path / "good.txt").write_text(GOOD)
    return tmp_path


def test_text_output_and_exit_code(drafts: Path) -> None:
    result = run("check", "--no-color", str(drafts / "bad.txt"))
    assert result.exit_code == 1
    out = result.output
    assert "PC002" in out and "industry-leading" in out
    assert "^" in out  # the underline under the source line
    assert "suggestion: Replace 'leverage' with 'use'" in out
    assert out.strip().splitlines()[-1].startswith("Found ")


def test_clean_file_exits_zero(drafts: Path) -> None:
    result = run("check", str(drafts / "good.txt"))
    assert result.exit_code == 0, result.output
    assert "No problems found" in result.output


def test_json_wire_format(drafts: Path) -> None:
    result = run("check", "--format", "json", str(drafts))
    doc = json.loads(result.output)
    assert doc["version"] == 1 and doc["tool"]["name"] == "outreach-lint"
    assert doc["summary"]["files"] == 2 and doc["summary"]["messages"] == 2
    bad = next(r for r in doc["results"] if r["path"].endswith("bad.txt"))
    source = (drafts / "bad.txt").read_text()
    for d in bad["diagnostics"]:
        assert source[d["start"]["offset"] : d["end"]["offset"]] == d["excerpt"]
        assert set(d) >= {"code", "name", "category", "severity", "message", "start", "end", "excerpt", "region", "suggestions"}
    assert 0 <= bad["score"] < 100
    assert {"words", "sentences", "seller_references", "reader_references"} <= set(bad["metrics"])


def test_fail_on(drafts: Path) -> None:
    assert run("check", "--fail-on", "error", str(drafts / "bad.txt")).exit_code == 0
    assert run("check", "--fail-on", "never", str(drafts / "bad.txt")).exit_code == 0
    assert run("check", "--fail-on", "info", str(drafts / "bad.txt")).exit_code == 1


def test_select_and_ignore(drafts: Path) -> None:
    doc = json.loads(run("check", "--format", "json", "--select", "PC", "--ignore", "PC003", str(drafts / "bad.txt")).output)
    got = {d["code"] for d in doc["results"][0]["diagnostics"]}
    assert got == {"PC001", "PC002", "PC004"}
    doc = json.loads(run("check", "--format", "json", "--select", "self-praise", str(drafts / "bad.txt")).output)
    assert {d["code"] for d in doc["results"][0]["diagnostics"]} == {"PC002"}


def test_unknown_select_is_usage_error(drafts: Path) -> None:
    result = run("check", "--select", "PC0001", str(drafts / "bad.txt"))
    assert result.exit_code == 2
    assert "unknown rule 'PC0001'" in result.output and "did you mean" in result.output


def test_concise_github_sarif_jsonl(drafts: Path) -> None:
    concise = run("check", "--format", "concise", str(drafts / "bad.txt")).output
    assert any(line.startswith(str(drafts / "bad.txt") + ":5:12: PC002 [warning]") for line in concise.splitlines())
    gh = run("check", "--format", "github", str(drafts / "bad.txt")).output
    assert "::warning file=" in gh and "title=PC002 self-praise::" in gh
    sarif = json.loads(run("check", "--format", "sarif", str(drafts / "bad.txt")).output)
    assert sarif["version"] == "2.1.0"
    driver = sarif["runs"][0]["tool"]["driver"]
    assert any(r["id"] == "PC001" and r["help"]["text"] for r in driver["rules"])
    res = sarif["runs"][0]["results"]
    assert res and all(driver["rules"][r["ruleIndex"]]["id"] == r["ruleId"] for r in res)
    lines = run("check", "--format", "jsonl", str(drafts)).output.strip().splitlines()
    assert all(json.loads(line)["type"] == "result" for line in lines) and len(lines) == 2


def test_stdin_is_rendered_by_default() -> None:
    result = run("check", "--format", "json", "-", input="Hi {{first_name}},\n\nWorth a chat?\n")
    doc = json.loads(result.output)
    assert doc["results"][0]["path"] == "<stdin>"
    assert [d["code"] for d in doc["results"][0]["diagnostics"]] == ["MF001"]
    assert result.exit_code == 1


def test_stdin_filename_picks_format() -> None:
    html = "<p>Hi Sam,</p><p>We are the industry-leading vendor. Worth a chat?</p>"
    doc = json.loads(run("check", "--format", "json", "--stdin-filename", "draft.html", "-", input=html).output)
    d = next(d for d in doc["results"][0]["diagnostics"] if d["code"] == "PC002")
    assert html[d["start"]["offset"] : d["end"]["offset"]] == "industry-leading"


def test_statistics_and_quiet(drafts: Path) -> None:
    out = run("check", "--statistics", "--no-color", str(drafts / "bad.txt")).output
    assert any("PC002" in line and "self-praise" in line for line in out.splitlines() if line.strip()[:1].isdigit())
    quiet = run("check", "-q", str(drafts / "bad.txt")).output
    assert "Found" not in quiet and "PC002" in quiet


def test_color_honours_no_color(drafts: Path, monkeypatch) -> None:
    assert "\x1b[" in run("check", "--color", str(drafts / "bad.txt")).output
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run("check", str(drafts / "bad.txt")).output


def test_jobs_gives_same_result(drafts: Path) -> None:
    for i in range(3):
        (drafts / f"copy{i}.txt").write_text(BAD)
    one = json.loads(run("check", "--format", "json", str(drafts)).output)
    two = json.loads(run("check", "--format", "json", "--jobs", "2", str(drafts)).output)
    assert one == two


def test_no_paths_is_usage_error() -> None:
    result = run("check")
    assert result.exit_code == 2 and "no paths given" in result.output


def test_rules_rule_init_doctor(tmp_path: Path) -> None:
    table = run("rules").output
    assert "PC001" in table and "seller-as-subject" in table
    rules = json.loads(run("rules", "--format", "json").output)
    assert {r["code"] for r in rules} >= {"PC001", "MF001", "RD001", "SJ001", "CTA001", "PR001"}
    doc = run("rule", "PC001").output
    assert "## Why it matters to the reader" in doc and "## Flagged" in doc
    bad = run("rule", "PC01")
    assert bad.exit_code == 2 and "did you mean" in bad.output
    init = run("init", str(tmp_path))
    assert init.exit_code == 0 and (tmp_path / "outreach-lint.toml").exists()
    again = run("init", str(tmp_path))
    assert again.exit_code == 2 and "already exists" in again.output
    check = run("check", "--config", str(tmp_path / "outreach-lint.toml"), "--format", "json", "-", input="Hi Sam,\n\nWorth a chat?\n")
    assert check.exit_code == 0, check.output
    doctor = run("doctor")
    assert "model" in doctor.output and "active rules" in doctor.output and doctor.exit_code == 0
