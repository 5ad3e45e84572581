"""--fix and --diff: only safe edits, idempotent, nothing the writer wrote is lost."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from outreach_lint import Linter
from outreach_lint.cli import main
from outreach_lint.fixer import fix_text

DRAFT = (
    "Subject: Routes\n\nHi Sam,\n\nI hope this email finds you well. You could leverage your CRM data in order to "
    "plan routes.\n\nWant to see how?\n\nBest,\nAna\n"
)
FIXED = "Subject: Routes\n\nHi Sam,\n\nYou could use your CRM data to plan routes.\n\nWant to see how?\n\nBest,\nAna\n"


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input)


def test_fix_writes_safe_edits_and_reports_what_is_left(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    result = run("check", "--fix", str(path))
    assert path.read_text(encoding="utf-8") == FIXED
    assert "Fixed 3 problem(s) in 1 file(s)." in result.output
    assert result.exit_code == 0, result.output  # nothing left to report


def test_diff_shows_without_writing_and_exits_1(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    result = run("check", "--diff", str(path))
    assert result.exit_code == 1
    assert "-I hope this email finds you well. You could leverage" in result.output
    assert "+You could use your CRM data to plan routes." in result.output
    assert path.read_text(encoding="utf-8") == DRAFT
    path.write_text(FIXED, encoding="utf-8")
    assert run("check", "--diff", str(path)).exit_code == 0


def test_fix_keeps_crlf_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(b"\xef\xbb\xbf" + DRAFT.replace("\n", "\r\n").encode("utf-8"))
    run("check", "--fix", str(path))
    assert path.read_bytes() == b"\xef\xbb\xbf" + FIXED.replace("\n", "\r\n").encode("utf-8")


def test_fix_reads_stdin_and_prints_the_fixed_text() -> None:
    result = run("check", "--fix", "-", input=DRAFT)
    assert result.exit_code == 0
    assert result.output.startswith(FIXED)


def test_fix_leaves_encoded_formats_alone(tmp_path: Path) -> None:
    path = tmp_path / "m.jsonl"
    original = '{"subject": "Routes", "body": "Hi Sam,\\n\\nYou could leverage your data. Worth a look?"}\n'
    path.write_text(original, encoding="utf-8")
    result = run("check", "--fix", str(path))
    assert path.read_text(encoding="utf-8") == original
    assert "jsonl files are not fixed automatically" in result.output


def test_fix_and_diff_together_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    assert run("check", "--fix", "--diff", str(path)).exit_code == 2


def test_pleasantry_next_to_a_merge_field_is_not_removed(linter: Linter) -> None:
    text = "Hi {{first_name}},\n\nI hope you're well, {{first_name}}. Your team is hiring. Worth a chat?\n"
    fixed, _ = fix_text(linter, text, "t.txt", "template")
    assert fixed.count("{{first_name}}") == 2


# -- properties -------------------------------------------------------------------------------------
PLEASANTRIES = ["I hope this email finds you well.", "Hope you're doing well!", "Happy Friday!"]
JARGON = ["leverage", "utilize", "in order to", "facilitate", "streamline"]
KEEP = [f"kw{i}" for i in range(12)]  # words no rule edits: they must all survive, in order


@st.composite
def drafts(draw: st.DrawFn) -> str:
    lines = ["Hi {{first_name}},", ""]
    for _ in range(draw(st.integers(0, 3))):
        lines.append(draw(st.sampled_from(PLEASANTRIES)))
    for _ in range(draw(st.integers(1, 4))):
        words = draw(st.lists(st.sampled_from(KEEP + JARGON + ["your", "team", "[Company Name]"]), min_size=3, max_size=9))
        lines.append(("You " + " ".join(words) + ".").replace(" .", "."))
    lines += ["", "Worth a look?", "", "Best,", "Ana kw-signature", "", "> quoted kw-quoted line"]
    return "\n".join(lines) + "\n"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(drafts())
def test_fixing_is_idempotent_and_loses_nothing(linter: Linter, text: str) -> None:
    once, _ = fix_text(linter, text, "draft.md", "template")
    twice, applied = fix_text(linter, once, "draft.md", "template")
    assert twice == once and applied == 0
    kept = [w for w in re.findall(r"kw[\w-]*", text)]
    assert re.findall(r"kw[\w-]*", once) == kept
    for protected in ("{{first_name}}", "[Company Name]", "Best,", "> quoted kw-quoted line"):
        assert once.count(protected) == text.count(protected)


def test_fix_never_rewrites_undecodable_input(tmp_path: Path) -> None:
    raw = DRAFT.replace("leverage", "lev\xe9rage").encode("latin-1") + b"\xff tail\n"  # not valid UTF-8
    path = tmp_path / "draft.txt"
    path.write_bytes(raw)
    result = run("check", "--fix", str(path))
    assert path.read_bytes() == raw
    assert "not valid UTF-8" in result.output
    piped = CliRunner().invoke(main, ["check", "--fix", "-"], input=raw)
    assert piped.exit_code == 0 and piped.stdout_bytes == raw
