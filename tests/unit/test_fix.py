"""--fix and --diff: only safe edits, idempotent, nothing the writer wrote is lost."""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from pathlib import Path

import pytest

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
    assert piped.stdout_bytes == raw  # exits as `check -` of the same bytes would (E010: 3)
    assert piped.exit_code == CliRunner().invoke(main, ["check", "-"], input=raw).exit_code


# -- what --fix refuses, and what it keeps --------------------------------------------------------------
def not_fixed_lines(output: str, path: Path) -> list[str]:
    return [line for line in output.splitlines() if line.startswith(f"outreach-lint: {path}: not fixed: ")]


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o755, 0o664])
def test_fix_keeps_the_file_mode(tmp_path: Path, mode: int) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    path.chmod(mode)
    run("check", "--fix", str(path))
    assert path.read_text(encoding="utf-8") == FIXED
    assert stat.S_IMODE(path.stat().st_mode) == mode


@pytest.mark.parametrize("mode", [0o444, 0o400, 0o555])
def test_fix_refuses_a_read_only_file(tmp_path: Path, mode: int) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    path.chmod(mode)
    try:
        result = run("check", "--fix", str(path))
        assert path.read_text(encoding="utf-8") == DRAFT
        assert stat.S_IMODE(path.stat().st_mode) == mode
        [line] = not_fixed_lines(result.output, path)
        assert "read-only" in line and "chmod u+w" in line
        assert "Fixed 0 problem(s) in 0 file(s)." in result.output
        assert result.exit_code == 1  # the fixable findings are still reported
    finally:
        path.chmod(0o644)


def test_fix_syncs_the_file_before_the_rename_and_the_directory_after(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    events: list[str] = []  # only what touches the draft's directory: caches elsewhere may sync and rename too
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode) and st.st_ino == tmp_path.stat().st_ino:
            events.append("fsync-dir")
        elif Path(os.readlink(f"/proc/self/fd/{fd}")).parent == tmp_path:
            events.append("fsync-file")
        real_fsync(fd)

    def replace(src, dst) -> None:
        if Path(dst).parent == tmp_path:
            events.append("rename")
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    run("check", "--fix", str(path))
    assert path.read_text(encoding="utf-8") == FIXED
    assert events == ["fsync-file", "rename", "fsync-dir"]


def test_a_failed_write_leaves_the_file_and_no_temporary_file(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")

    real_replace = os.replace

    def replace(src, dst) -> None:
        if Path(dst).parent == tmp_path:
            raise OSError(errno.EIO, "Input/output error")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    result = run("check", "--fix", str(path))
    assert path.read_text(encoding="utf-8") == DRAFT
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.txt"]
    [line] = not_fixed_lines(result.output, path)
    assert "cannot write (Input/output error)" in line


def _edit_mid_run(monkeypatch, path: Path, new: str, keep_mtime: bool) -> None:
    """Make the writer save ``new`` into ``path`` while the fixer is still linting it."""
    real = Linter.lint_text
    saved = []

    def lint_text(self, *args, **kwargs):
        if not saved:
            before = path.stat()
            path.write_text(new, encoding="utf-8")
            if keep_mtime:  # a save in the same clock tick: only the content tells
                os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
            saved.append(True)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Linter, "lint_text", lint_text)


@pytest.mark.parametrize(
    "new, keep_mtime",
    [
        (DRAFT + "P.S. The route map is attached.\n", False),
        (DRAFT.replace("Sam", "Kim"), True),  # same size, same mtime: the hash catches it
    ],
    ids=["longer", "same-size-same-mtime"],
)
def test_a_change_made_while_fixing_is_never_lost(tmp_path: Path, monkeypatch, new: str, keep_mtime: bool) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    _edit_mid_run(monkeypatch, path, new, keep_mtime)
    result = run("check", "--fix", str(path))
    assert path.read_text(encoding="utf-8") == new
    assert not_fixed_lines(result.output, path) == [
        f"outreach-lint: {path}: not fixed: the file changed while it was being fixed; run again"
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.txt"]


@pytest.mark.parametrize(
    "raw, encoding",
    [
        (codecs.BOM_UTF8 + DRAFT.encode("utf-8") + b"\xff\xfe tail\n", "UTF-8"),
        (codecs.BOM_UTF8 + DRAFT.replace("leverage", "lev\xe9rage").encode("latin-1"), "UTF-8"),
        (codecs.BOM_UTF16_LE + DRAFT.encode("utf-16-le") + b"\x00\xd8" + "x\n".encode("utf-16-le"), "UTF-16"),
        (codecs.BOM_UTF16_BE + DRAFT.encode("utf-16-be") + b"\x00", "UTF-16"),
        (codecs.BOM_UTF32_LE + DRAFT.encode("utf-32-le") + b"\x00\x00\x11\x00", "UTF-32"),
    ],
    ids=["utf8-stray-bytes", "utf8-latin1", "utf16le-lone-surrogate", "utf16be-odd-length", "utf32le-out-of-range"],
)
def test_fix_never_rewrites_undecodable_input_after_a_bom(tmp_path: Path, raw: bytes, encoding: str) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(raw)
    result = run("check", "--fix", str(path))
    assert path.read_bytes() == raw
    [line] = not_fixed_lines(result.output, path)
    assert f"not valid {encoding}" in line
    piped = CliRunner().invoke(main, ["check", "--fix", "-"], input=raw)
    assert piped.stdout_bytes == raw  # exits as `check -` of the same bytes would (E010: 3)
    assert piped.exit_code == CliRunner().invoke(main, ["check", "-"], input=raw).exit_code


def test_fix_keeps_a_utf16_file_utf16(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + DRAFT.encode("utf-16-le"))
    run("check", "--fix", str(path))
    assert path.read_bytes() == codecs.BOM_UTF16_LE + FIXED.encode("utf-16-le")


BOMS = [b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(BOMS), st.sampled_from(["utf-8", "utf-16-le", "utf-16-be", "utf-32-le"]),
       st.binary(max_size=12), st.integers(0, 3))
def test_fix_on_stdin_hands_back_the_bytes_or_text_that_decodes_cleanly(
    bom: bytes, encoding: str, noise: bytes, where: int
) -> None:
    body = DRAFT.encode(encoding)
    cut = len(body) * where // 3
    raw = bom + body[:cut] + noise + body[cut:]
    piped = CliRunner().invoke(main, ["check", "--fix", "-"], input=raw)
    if not piped.stdout_bytes:  # binary or empty: refused with one line, nothing printed
        assert piped.exit_code == 3
        return
    assert piped.exit_code in (0, 1, 3)  # what is left, judged as in a file (tests/cli/test_fix_stdin.py)
    out = piped.stdout_bytes
    if out == raw:
        return
    # Something was fixed, so the input decoded cleanly; the fixed text is printed without a loss.
    codec = {codecs.BOM_UTF8: "utf-8", codecs.BOM_UTF16_LE: "utf-16-le", codecs.BOM_UTF16_BE: "utf-16-be",
             codecs.BOM_UTF32_LE: "utf-32-le", codecs.BOM_UTF32_BE: "utf-32-be"}.get(bom, "utf-8")
    raw[len(bom):].decode(codec)
    assert "\ufffd" not in out.decode("utf-8")


def test_fix_on_a_directory_with_nothing_to_fix_reports_it(tmp_path: Path) -> None:
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")
    result = run("check", "--fix", str(tmp_path))
    assert "internal error" not in result.output
    assert "E009" in result.output and result.exit_code == 3


def test_diff_still_shows_the_fixes_of_a_read_only_file(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    path.chmod(0o444)
    try:
        result = run("check", "--diff", str(path))
    finally:
        path.chmod(0o644)
    assert "+You could use your CRM data to plan routes." in result.output
    assert result.exit_code == 1


def test_fix_on_stdin_with_files_too_is_a_usage_error_not_a_lost_input(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    result = run("check", "--fix", "-", str(path), input=DRAFT)
    assert result.exit_code == 2
    assert "takes no other paths" in result.output
    assert path.read_text(encoding="utf-8") == DRAFT
