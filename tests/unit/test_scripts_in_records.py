"""A call script that arrives as an email-shaped message (a record, an API call, a plain text file) is read
as a script: the prospect's turns are someone else's words and are never linted as the seller's."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from outreach_lint import Linter
from outreach_lint.cli import main
from outreach_lint.config import Config

# The prospect boasts in their own words; the seller's turns are clean.
CALL = (
    "Rep: Hi Tom, it's Jess from Harbor Benefits. Your plan renews in October. Is the renewal on your plate?\n"
    "Prospect: Mine. We're a world-class, industry-leading provider and our broker handles it all.\n"
    "Rep: Fair enough. Is it the broker you're happy with, or the rates?\n"
    "Prospect: The broker. Rates went up 11% this year.\n"
    "Rep: I'll send a one-page benchmark of what firms your size paid. Okay if I email it to you directly?\n"
)


def _codes(report) -> set[str]:
    return {d.code for d in report.diagnostics}


def test_a_record_with_the_script_profile_skips_the_prospects_turns(linter: Linter) -> None:
    report = linter.lint_message(body=CALL, profile="script")
    assert "PC002" not in _codes(report)
    assert report.metrics["speakers"]["seller"] == "Rep"


def test_speaker_turns_make_a_script_when_no_profile_is_named(linter: Linter) -> None:
    report = linter.lint_message(body=CALL)
    assert report.metrics["profile"] == "script"
    assert "PC002" not in _codes(report)


def test_a_named_email_profile_keeps_the_whole_text(linter: Linter) -> None:
    # Someone who says the text is a cold email gets it linted as one, every line.
    assert "PC002" in _codes(linter.lint_message(body=CALL, profile="cold-email"))
    assert "PC002" in _codes(Linter(Config(profile="cold-email")).lint_message(body=CALL))


def test_the_seller_is_still_linted(linter: Linter) -> None:
    pitchy = CALL.replace("Your plan renews in October.", "We are the industry-leading benefits broker.")
    assert "PC002" in _codes(linter.lint_message(body=pitchy))


def test_jsonl_records_and_text_files_read_scripts_from_the_cli(tmp_path: Path) -> None:
    (tmp_path / "calls.jsonl").write_text(json.dumps({"id": "c1", "profile": "script", "body": CALL}) + "\n")
    (tmp_path / "call.txt").write_text(CALL)
    result = CliRunner().invoke(main, ["check", "--format", "json", str(tmp_path / "calls.jsonl"),
                                       str(tmp_path / "call.txt")], catch_exceptions=False)
    reports = json.loads(result.output)
    reports = reports["files"] if isinstance(reports, dict) and "files" in reports else reports
    found = json.dumps(reports)
    assert "PC002" not in found
    assert found.count('"profile": "script"') >= 2
