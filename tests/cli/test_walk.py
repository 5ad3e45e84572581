"""The directory walk: dot-files, .gitignore, JSON that holds records, and per-file-format."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from outreach_lint.cli import main
from outreach_lint.config import Config
from outreach_lint.walk import collect_files, parse_gitignore

DRAFT = "Subject: Our world-class kit\n\nHi Sam,\n\nI read your note about hiring. Worth a chat on Tuesday?\n"
RECORDS = json.dumps([{"id": "a", "subject": "Quick idea", "body": "Hi Sam,\n\nWorth a chat on Tuesday?\n"}])


def run(*args: str, cwd: Path):
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, list(args), catch_exceptions=False)
    finally:
        os.chdir(old)


def linted(tmp_path: Path, *args: str) -> set[str]:
    result = run("check", "--format", "json", *args, ".", cwd=tmp_path)
    doc = json.loads(result.output)
    return {Path(r["path"]).as_posix().removeprefix("./") for r in doc["results"]} | {
        Path(e["path"]).as_posix().removeprefix("./") + "!" + e["code"] for e in doc["errors"]
    }


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text)


def test_dot_files_and_dot_directories_are_skipped(tmp_path: Path) -> None:
    write(tmp_path, {"a.txt": DRAFT, ".draft.txt": DRAFT, ".github/note.md": DRAFT, "sub/.hidden/b.md": DRAFT, "sub/c.md": DRAFT})
    assert linted(tmp_path) == {"a.txt", "sub/c.md"}


def test_a_dot_file_named_on_the_command_line_is_linted(tmp_path: Path) -> None:
    write(tmp_path, {".draft.txt": DRAFT, ".github/note.md": DRAFT})
    result = run("check", "--format", "json", ".draft.txt", ".github", cwd=tmp_path)
    assert {Path(r["path"]).name for r in json.loads(result.output)["results"]} == {".draft.txt", "note.md"}


def test_include_hidden_turns_it_off(tmp_path: Path) -> None:
    write(tmp_path, {"a.txt": DRAFT, ".draft.txt": DRAFT, "outreach-lint.toml": "include-hidden = true\n"})
    assert linted(tmp_path) == {"a.txt", ".draft.txt"}


def test_json_files_are_linted_only_when_they_hold_records(tmp_path: Path) -> None:
    write(tmp_path, {
        "bower.json": json.dumps({"name": "site", "dependencies": {"jquery": "^3"}}),
        "tsconfig.base.json": '{"compilerOptions": {} // comment\n}',
        "data/list.json": json.dumps([{"name": "x"}, 3]),
        "seq/records.json": RECORDS,
        "seq/wrapped.json": json.dumps({"messages": [{"html": "<p>Hi Sam, worth a chat?</p>"}]}),
        "seq/one.json": json.dumps({"subject": "Hi", "body": "Hi Sam, worth a chat?"}),
    })
    assert linted(tmp_path) == {"seq/records.json", "seq/wrapped.json", "seq/one.json"}


def test_a_json_that_is_not_records_is_an_error_when_named(tmp_path: Path) -> None:
    write(tmp_path, {"bower.json": json.dumps({"name": "site"})})
    result = run("check", "--format", "json", "bower.json", cwd=tmp_path)
    doc = json.loads(result.output)
    assert result.exit_code == 3 and [e["code"] for e in doc["errors"]] == ["E007"]


def test_gitignore_root_nested_negation_directory_anchored_and_double_star(tmp_path: Path) -> None:
    write(tmp_path, {
        ".git/HEAD": "ref: refs/heads/main\n",
        ".gitignore": "# generated\n*.out.md\nbuild-tmp/\n/top.txt\n**/drafts/old/**\nlogs\n!keep.out.md\n",
        "a.out.md": DRAFT, "keep.out.md": DRAFT, "top.txt": DRAFT, "sub/top.txt": DRAFT,
        "build-tmp/x.txt": DRAFT, "sub/build-tmp/y.txt": DRAFT, "build-tmp.txt": DRAFT,
        "x/drafts/old/z.txt": DRAFT, "x/drafts/new.txt": DRAFT, "logs/l.txt": DRAFT,
        "sub/.gitignore": "*.txt\n!top.txt\n", "sub/q.txt": DRAFT, "sub/q.md": DRAFT,
        "plain.txt": DRAFT,
    })
    assert linted(tmp_path) == {
        "keep.out.md", "sub/top.txt", "build-tmp.txt", "x/drafts/new.txt", "sub/q.md", "plain.txt",
    }


def test_gitignore_above_the_walked_directory_applies_inside_a_repository(tmp_path: Path) -> None:
    write(tmp_path, {".git/HEAD": "x", ".gitignore": "secret/\n", "emails/secret/a.txt": DRAFT, "emails/b.txt": DRAFT})
    files, _ = collect_files([tmp_path / "emails"], Config(root=tmp_path))
    assert [f.name for f in files] == ["b.txt"]


def test_respect_gitignore_false_turns_it_off(tmp_path: Path) -> None:
    write(tmp_path, {".gitignore": "*.txt\n", "a.txt": DRAFT, "outreach-lint.toml": "respect-gitignore = false\n"})
    assert linted(tmp_path) == {"a.txt"}


def test_a_gitignored_file_named_on_the_command_line_is_linted(tmp_path: Path) -> None:
    write(tmp_path, {".gitignore": "*.txt\n", "a.txt": DRAFT, "b.md": DRAFT})
    assert linted(tmp_path) == {"b.md"}
    result = run("check", "--format", "json", "a.txt", cwd=tmp_path)
    assert len(json.loads(result.output)["results"]) == 1


def test_a_gitignore_that_is_not_a_regular_file_is_not_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / ".gitignore")
    write(tmp_path, {"a.txt": DRAFT})
    assert linted(tmp_path) == {"a.txt"}


NAME = st.text(alphabet="abc.-_", min_size=1, max_size=6).filter(lambda s: s not in (".", ".."))


@given(st.lists(NAME, min_size=1, max_size=4), NAME)
@settings(max_examples=100)
def test_gitignore_globs_match_as_fnmatch_does_within_one_name(parts: list[str], name: str) -> None:
    # A pattern without a slash is a name matched at any depth: "*" alone matches any one name.
    path = "/".join(parts)
    [star] = parse_gitignore("*\n")
    assert star.pattern.fullmatch(path)
    [literal] = parse_gitignore(name.replace("[", "\\[") + "\n")
    assert bool(literal.pattern.fullmatch(path)) == (parts[-1] == name)
    [anchored] = parse_gitignore("/" + name + "\n")
    assert bool(anchored.pattern.fullmatch(path)) == (path == name)
    [deep] = parse_gitignore(parts[0] + "/**\n")
    assert bool(deep.pattern.fullmatch(path)) == (len(parts) > 1)


@pytest.mark.parametrize(
    ("glob", "path", "hit"),
    [("a/**/b", "a/b", True), ("a/**/b", "a/x/y/b", True), ("a/*/b", "a/x/y/b", False), ("*.md", "x/y.md", True),
     ("x/*.md", "x/y/z.md", False), ("[ab].txt", "b.txt", True), ("[!ab].txt", "c.txt", True), ("[!ab].txt", "a.txt", False),
     ("?.txt", "ab.txt", False), ("\\#x", "#x", True), ("a[", "a[", True)],
)
def test_gitignore_glob_table(glob: str, path: str, hit: bool) -> None:
    [rule] = parse_gitignore(glob + "\n")
    assert bool(rule.pattern.fullmatch(path)) == hit


# -- per-file-format ---------------------------------------------------------------------------------

HTML_TXT = "<html><body><p>Hi Sam,</p><p>Our <b>world-class</b> kit ships in May. Worth a chat on Tuesday?</p></body></html>\n"


def test_per_file_format_reads_files_as_the_format_named(tmp_path: Path) -> None:
    write(tmp_path, {
        "outreach-lint.toml": '[per-file-format]\n"templates/**/*.txt" = "html"\n"*.tpl" = "template"\n',
        "templates/welcome.txt": HTML_TXT, "templates/deep/er/welcome.txt": HTML_TXT,
        "step.tpl": "{# step 2 #}\nSubject: Quick idea\n\nHi {{ first_name }},\n\nWorth a chat on Tuesday?\n",
    })
    doc = json.loads(run("check", "--format", "json", ".", cwd=tmp_path).output)
    by_path = {Path(r["path"]).as_posix().removeprefix("./"): r for r in doc["results"]}
    assert set(by_path) == {"templates/welcome.txt", "templates/deep/er/welcome.txt", "step.tpl"}
    for name in ("templates/welcome.txt", "templates/deep/er/welcome.txt"):
        # Read as HTML: the tags are markup, not words, and the finding is on the word in the file.
        excerpts = [d["excerpt"] for d in by_path[name]["diagnostics"]]
        assert "world-class" in excerpts and not any("<" in e for e in excerpts)
    assert by_path["step.tpl"]["metrics"]["mode"] == "template"


def test_input_format_on_the_command_line_wins(tmp_path: Path) -> None:
    page = "<style>.a { color: red; }</style><p>Hi Sam,</p><p>Worth a chat on Tuesday?</p>\n"
    write(tmp_path, {"outreach-lint.toml": '[per-file-format]\n"*.txt" = "html"\n', "a.txt": page})

    def mf002(*flags: str) -> int:
        doc = json.loads(run("check", "--format", "json", *flags, "a.txt", cwd=tmp_path).output)
        return sum(d["code"] == "MF002" for d in doc["results"][0]["diagnostics"])

    assert mf002() == 0  # per-file-format: HTML, the style sheet is not text
    assert mf002("--input-format", "text") > 0  # the flag wins: the braces are read as text


def test_per_file_format_applies_with_jobs(tmp_path: Path) -> None:
    write(tmp_path, {"outreach-lint.toml": '[per-file-format]\n"*.txt" = "html"\n', "a.txt": HTML_TXT, "b.txt": HTML_TXT})
    doc = json.loads(run("check", "--format", "json", "--jobs", "2", ".", cwd=tmp_path).output)
    for r in doc["results"]:
        assert not any("<" in d["excerpt"] for d in r["diagnostics"])


def test_an_invalid_per_file_format_exits_2_naming_the_key(tmp_path: Path) -> None:
    write(tmp_path, {"outreach-lint.toml": '[per-file-format]\n"emails/*.tpl" = "htm"\n', "a.txt": DRAFT})
    result = run("check", ".", cwd=tmp_path)
    assert result.exit_code == 2
    assert "per-file-format" in result.output and "emails/*.tpl" in result.output and "markdown, html" in result.output
