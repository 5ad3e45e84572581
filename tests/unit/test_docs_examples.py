"""CLI output in README.md and docs/*.md comes from real runs; this fails when a block is stale."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from outreach_lint.docs_examples import END, START, MarkerError, main, regenerate

ROOT = Path(__file__).resolve().parents[2]
REGENERATE = "PYTHONPATH=src python -m outreach_lint.docs_examples"


def test_generated_blocks_in_the_docs_are_current() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    result = subprocess.run([sys.executable, "-m", "outreach_lint.docs_examples", "--check"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"{result.stderr}generated CLI output in the docs is stale: run {REGENERATE}"


def test_the_docs_show_the_runs_the_brief_names() -> None:
    output = (ROOT / "docs" / "output.md").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"{START}check --format json --select PC002,FH001 examples/cold-email.txt -->" in output
    assert f"{START}check --no-color examples/cold-email.txt -->" in readme


@pytest.fixture()
def checkout(tmp_path: Path) -> Path:
    (tmp_path / "examples").mkdir()
    shutil.copy(ROOT / "examples" / "cold-email.txt", tmp_path / "examples")
    (tmp_path / "docs").mkdir()
    return tmp_path


def test_check_reports_a_stale_block_and_a_run_rewrites_it(checkout: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = checkout / "docs" / "output.md"
    doc.write_text(f"# Output\n\n{START}check --format concise examples/cold-email.txt -->\nold figures\n{END}\n\nAfter.\n")
    assert main([str(checkout), "--check"]) == 1
    assert "docs/output.md: generated output is stale" in capsys.readouterr().err
    assert "old figures" in doc.read_text()  # --check writes nothing
    assert main([str(checkout)]) == 0
    text = doc.read_text()
    assert "old figures" not in text
    assert "examples/cold-email.txt:5:12: PC002 [warning]" in text
    assert text.startswith("# Output\n\n") and text.endswith(f"{END}\n\nAfter.\n")
    assert main([str(checkout), "--check"]) == 0


def test_json_blocks_hold_only_the_json(checkout: Path) -> None:
    import json

    doc = checkout / "README.md"
    doc.write_text(f"{START}check --format json examples/cold-email.txt -->\n{END}\n")
    main([str(checkout)])
    body = doc.read_text().split("```json\n", 1)[1].split("```", 1)[0]
    assert json.loads(body)["results"][0]["path"] == "examples/cold-email.txt"


@pytest.mark.parametrize(
    "text,where",
    [
        (f"intro\n{START}check x -->\nno end\n", "README.md:2: generated block has no"),
        (f"{START}check x -->\n{START}check y -->\n{END}\n", "README.md:2: a generated block opens inside"),
        (f"{START} -->\n{END}\n", "README.md:1: the generated marker names no command"),
        (f"{START}check 'x -->\n{END}\n", "README.md:1: cannot read the command"),
    ],
    ids=["unclosed", "nested", "empty", "bad-quote"],
)
def test_malformed_markers_are_one_line_errors_naming_the_line(checkout: Path, text: str, where: str,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    (checkout / "README.md").write_text(text)
    assert main([str(checkout)]) == 2
    err = capsys.readouterr().err
    assert where in err and len(err.strip().splitlines()) == 1


def test_a_broken_example_command_fails_loudly_instead_of_showing_an_error(checkout: Path) -> None:
    (checkout / "README.md").write_text(f"{START}check --format nope examples/cold-email.txt -->\n{END}\n")
    with pytest.raises(RuntimeError, match="exited 2"):
        main([str(checkout)])


# Lines of Markdown that are not markers, and blocks between them: regenerating touches only the blocks.
LINES = st.lists(st.text(alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\n\r"), max_size=20)
                 .filter(lambda s: START not in s and s.strip() != END), max_size=5)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(LINES, LINES), min_size=1, max_size=4), LINES)
def test_regenerating_keeps_every_line_outside_the_blocks(chunks: list[tuple[list[str], list[str]]], tail: list[str]) -> None:
    parts: list[str] = []
    for i, (before, inside) in enumerate(chunks):
        parts += [*before, f"{START}check a{i} -->", *inside, END]
    parts += tail
    text = "\n".join(parts)
    fresh = regenerate(text, lambda args: f"output of {args[1]}\n")
    assert regenerate(fresh, lambda args: f"output of {args[1]}\n") == fresh  # a second run changes nothing
    kept = fresh.split("\n")
    outside = [line for before, _ in chunks for line in before] + tail
    for i in range(len(chunks)):
        start = kept.index(f"{START}check a{i} -->")
        assert kept[start + 1 : start + 5] == ["```text", f"$ outreach-lint check a{i}", f"output of a{i}", "```"]
        assert kept[start + 5] == END
    blocks_removed = []
    skip = False
    for line in kept:
        if line.startswith(START):
            skip = True
        elif line == END and skip:
            skip = False
        elif not skip:
            blocks_removed.append(line)
    assert blocks_removed == outside


def test_regenerate_names_the_file_in_marker_errors() -> None:
    with pytest.raises(MarkerError, match=r"^docs/x\.md:1: "):
        regenerate(f"{START}check -->\n", lambda args: "", "docs/x.md")


# -- docs/configuration.md: the error lines it shows are the ones the CLI prints ----------------------------
CONFIG_ERRORS = [
    ({"outreach-lint.toml": 'fail-onn = "warning"\n'}, "unknown key 'fail-onn'"),
    ({"outreach-lint.toml": "[rules.RD001]\nmax-grad = 8\n"}, "unknown option 'max-grad'"),
    ({"outreach-lint.toml": 'packs = [".env"]\n', ".env": "TOKEN=not-a-pack\n"}, "rule pack .env:"),
    ({"outreach-lint.toml": 'packs = ["creds.yaml"]\n', "creds.yaml": "user: someone\npassword: hunter2\n"},
     "rule pack creds.yaml:1:1:"),
]


@pytest.mark.parametrize("files,marker", CONFIG_ERRORS, ids=["key", "option", "env-file", "yaml-not-a-pack"])
def test_configuration_md_shows_the_errors_as_printed(tmp_path: Path, files: dict[str, str], marker: str) -> None:
    from click.testing import CliRunner

    from outreach_lint.cli import main as cli

    doc = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    [shown] = [line for line in doc.splitlines() if line.startswith("outreach-lint: error: ") and marker in line]
    for name, content in files.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    shutil.copy(ROOT / "examples" / "cold-email.txt", tmp_path)
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(cli, ["check", "--config", "outreach-lint.toml", "cold-email.txt"])
    finally:
        os.chdir(old)
    assert result.exit_code == 2
    assert result.stderr.strip() == shown
    assert "hunter2" not in result.stderr and "not-a-pack" not in result.stderr
