"""`check - --fix`: the fixed text on stdout, what is left on stderr, and the exit code a file would get."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from outreach_lint.cli import main

ROOT = Path(__file__).resolve().parents[2]
BAD = (ROOT / "examples" / "cold-email.txt").read_text(encoding="utf-8")
GOOD = (ROOT / "examples" / "cold-email-rewrite.txt").read_text(encoding="utf-8")
# Fixes remove the pleasantry and "leverage"; nothing is left.
CLEANED_UP = (
    "Hi Sam,\n\nI hope this email finds you well. You could leverage your CRM data to plan routes.\n\n"
    "Want to see how?\n\nBest,\nAna\n"
)


def run(*args: str, input: str | bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def file_exit_code(tmp_path: Path, text: str, *args: str) -> int:
    """What `check --fix FILE` exits with for the same content linted the way stdin is (rendered)."""
    path = tmp_path / "draft.txt"
    path.write_text(text, encoding="utf-8")
    return run("check", "--fix", "--mode", "rendered", *args, str(path)).exit_code


@pytest.mark.parametrize("text", [BAD, GOOD, CLEANED_UP], ids=["findings-left", "clean", "all-fixed"])
@pytest.mark.parametrize("fail_on", ["warning", "error", "info", "never"])
def test_stdin_fix_exits_as_the_same_file_would(tmp_path: Path, text: str, fail_on: str) -> None:
    piped = run("check", "--fix", "--fail-on", fail_on, "-", input=text)
    assert piped.exit_code == file_exit_code(tmp_path, text, "--fail-on", fail_on), piped.output


def test_stdin_fix_with_findings_left_exits_1_and_reports_them_on_stderr() -> None:
    piped = run("check", "--fix", "--no-color", "-", input=BAD)
    assert piped.exit_code == 1
    assert "we use machine learning to surface" in piped.stdout  # the fixed text, and only it, on stdout
    assert "PC002" not in piped.stdout and "Found " not in piped.stdout
    assert "PC002" in piped.stderr and "leverage" not in piped.stderr  # what is left, after the fixes
    assert piped.stderr.strip().splitlines()[-1].startswith("Found ")


def test_stdin_fix_keeps_stdout_the_fixed_text_whatever_the_format() -> None:
    piped = run("check", "--fix", "--format", "json", "-", input=BAD)
    assert piped.exit_code == 1
    assert piped.stdout.startswith("Subject: Introducing our new")
    report = json.loads(piped.stderr)
    assert report["results"][0]["path"] == "<stdin>"
    assert {d["code"] for d in report["results"][0]["diagnostics"]} >= {"PC002"}
    assert "FH001" not in {d["code"] for d in report["results"][0]["diagnostics"]}  # fixed, so not left


def test_stdin_fix_of_a_clean_message_exits_0_and_prints_it_unchanged() -> None:
    piped = run("check", "--fix", "-", input=GOOD)
    assert piped.exit_code == 0, piped.output
    assert piped.stdout == GOOD


def test_stdin_fix_refused_input_is_handed_back_and_still_judged() -> None:
    raw = BAD.encode("utf-8") + b"\xff\n"  # not valid UTF-8: not fixed, printed back byte for byte
    piped = run("check", "--fix", "-", input=raw)
    assert piped.stdout_bytes == raw
    assert "not fixed: not valid UTF-8" in piped.stderr
    assert piped.exit_code == run("check", "-", input=raw).exit_code == 3  # E010, as for the plain run
