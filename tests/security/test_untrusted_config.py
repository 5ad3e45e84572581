"""A config or pack the user points at is read with bounds: no hang, no blow-up, no content echoed."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from outreach_lint.cli import main

SRC = Path(__file__).resolve().parents[2] / "src"
GOOD = "Hi Sam,\n\nWe are the industry-leading vendor. Worth a chat?\n"
SECRET = "hunter2-correct-horse"

RULE = """\
  - code: HS001
    name: house-rule
    kind: pattern
    summary: A house rule.
    message: "'{match}' is out of house style"
    patterns:
      - PATTERN
    docs: {what: Flags a phrase., why: It reads badly., example: A phrase., instead: Say it plainly.}
    examples:
      fail: ["There is real synergy here. Worth a chat?"]
      pass: ["Your team could ship twice as often. Worth a chat?"]
"""


def pack_with(pattern: str) -> str:
    return "pack: house\nrules:\n" + RULE.replace("PATTERN", pattern)


def check(tmp_path: Path, config: str, *, files: tuple[str, ...] = ()) -> tuple[int, str]:
    """Run ``check`` in a child process (a hang guard and a fresh cache), returning exit code and stderr."""
    cfg = tmp_path / "outreach-lint.toml"
    cfg.write_text(config)
    draft = tmp_path / "draft.txt"
    draft.write_text(GOOD)
    env = {**os.environ, "PYTHONPATH": str(SRC), "OUTREACH_LINT_CACHE_DIR": str(tmp_path / "cache")}
    proc = subprocess.run(
        [sys.executable, "-m", "outreach_lint.cli", "check", "--format", "concise", "--config", str(cfg),
         *(files or (str(draft),))],
        capture_output=True, text=True, timeout=60, env=env,
    )
    return proc.returncode, proc.stderr


def assert_one_line_error(stderr: str, *needles: str) -> str:
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("outreach-lint: error: "), stderr
    assert "Traceback" not in stderr and "internal error" not in stderr
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


def cache_bytes(tmp_path: Path) -> int:
    root = tmp_path / "cache"
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file()) if root.exists() else 0


def test_a_yaml_alias_bomb_is_refused_before_anything_is_cached(tmp_path: Path) -> None:
    levels = "abcdefghi"
    lines = ["pack: bomb", "lexicons:", f"  w{levels[0]}: {{phrases: &{levels[0]} [lol, lol, lol, lol, lol, lol, lol, lol, lol]}}"]
    for prev, name in zip(levels, levels[1:]):
        lines.append(f"  w{name}: {{phrases: &{name} [{', '.join(['*' + prev] * 9)}]}}")
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text("\n".join(lines) + "\n")
    assert bomb.stat().st_size < 1000
    code, err = check(tmp_path, 'packs = ["bomb.yaml"]\n')  # the child's 60 s timeout is the hang guard
    assert code == 2
    assert_one_line_error(err, "bomb.yaml", "aliases")
    assert cache_bytes(tmp_path) < 1_000_000  # the shipped packs' cache only, nothing expanded


def test_a_self_referencing_alias_is_refused(tmp_path: Path) -> None:
    (tmp_path / "loop.yaml").write_text("pack: loop\nlexicons:\n  w: {phrases: &a [x, *a]}\n")
    code, err = check(tmp_path, 'packs = ["loop.yaml"]\n')
    assert code == 2
    assert_one_line_error(err, "loop.yaml")


def test_a_pack_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text(pack_with("[{LOWER: synergy}]") + ("# padding\n" * 110_000))
    code, err = check(tmp_path, 'packs = ["big.yaml"]\n')
    assert code == 2
    assert_one_line_error(err, "big.yaml", "1,000,000-byte limit")


@pytest.mark.parametrize("target", ["/dev/zero", "/dev/urandom", "fifo", "."])
def test_a_pack_that_is_not_a_regular_file_is_refused_without_reading_it(tmp_path: Path, target: str) -> None:
    if target == "fifo":
        os.mkfifo(tmp_path / "fifo")  # nobody writes: opening it for reading would block
    code, err = check(tmp_path, f'packs = ["{target}"]\n')
    assert code == 2
    assert_one_line_error(err, "not a regular file")


def test_a_config_that_is_not_a_regular_file_is_refused(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(GOOD)
    result = CliRunner().invoke(main, ["check", "--config", "/dev/zero", str(draft)])
    assert result.exit_code == 2
    assert "/dev/zero" in result.output and "not a regular file" in result.output


@pytest.mark.parametrize(
    "content",
    [
        f"aws_access_key_id = AKIAEXAMPLE\naws_secret_access_key = {SECRET}\n",  # INI: one YAML string
        f"user: admin\npassword: {SECRET}\n",  # a YAML mapping that is not a pack
        f"[default]\npassword: {SECRET}\n",  # invalid YAML
        f"token: '{SECRET}\n",  # an unterminated quote, the content right after it
        f"{SECRET}: {{\n",
        f"- {SECRET}\n- *{SECRET}\n",  # an undefined alias, named by the parser
    ],
)
def test_a_file_that_is_not_a_pack_is_never_quoted(tmp_path: Path, content: str) -> None:
    (tmp_path / "credentials").write_text(content)
    code, err = check(tmp_path, 'packs = ["credentials"]\n')
    assert code == 2
    line = assert_one_line_error(err, "credentials")
    assert SECRET not in err and "AKIA" not in err and "admin" not in err and "password" not in err
    assert re.search(r"credentials:\d+:\d+: ", line) or "not a rule pack" in line


def test_an_invalid_pack_names_the_line_and_column(tmp_path: Path) -> None:
    (tmp_path / "house.yaml").write_text(pack_with("[{LOWER: synergy}]").replace("kind: pattern", "kind: patern"))
    code, err = check(tmp_path, 'packs = ["house.yaml"]\n')
    assert code == 2
    assert_one_line_error(err, "house.yaml:5:11:", "rule HS001 field 'kind'")


@pytest.mark.parametrize(
    "pattern,needle",
    [
        ("[{OP: '*'}, {OP: '*'}, {OP: '*'}, {OP: '*'}, {OP: '+'}]", "unbounded"),
        ("[{LOWER: a, OP: '*'}, {LOWER: b, OP: '{2,}'}, {OP: '+'}, {OP: '*'}, {OP: '+'}]", "unbounded"),
        ("[" + ", ".join(["{LOWER: a}"] * 33) + "]", "32 tokens"),
        ("[{LOWER: a, OP: '{0,500}'}]", "repeat"),
        ("[{TEXT: {REGEX: '(a+)+$'}}]", "REGEX"),
        ("[{TEXT: {REGEX: '(a|a)*b'}}]", "REGEX"),
        ("[{TEXT: {REGEX: '(\\w+\\s?)*$'}}]", "REGEX"),
        ("[{LOWER: {REGEX: '(x)\\1'}}]", "RE2"),
        ("[{LOWER: {REGEX: '^(?=a)a'}}]", "RE2"),
        ("[{TEXT: {NOT_IN: [a]}}, {LOWER: {REGEX: '(?:ab+)+'}}]", "REGEX"),
        ("[{TEXT: {REGEX: '\\w*\\w*x'}}]", "open-ended"),
        ("[{TEXT: {REGEX: '^a+b+$'}}]", "open-ended"),
        ("[{LOWER: {FUZZY: " + "x" * 80 + "}}]", "FUZZY"),
    ],
)
def test_an_expensive_pattern_is_refused_at_load(tmp_path: Path, pattern: str, needle: str) -> None:
    (tmp_path / "house.yaml").write_text(pack_with(pattern))
    code, err = check(tmp_path, 'packs = ["house.yaml"]\n')
    assert code == 2
    assert_one_line_error(err, "house.yaml", "rule HS001 field 'patterns.0'", needle)


@pytest.mark.parametrize(
    "pattern",
    [
        "[{LOWER: real}, {OP: '*'}, {LOWER: synergy}]",
        "[{LOWER: real}, {LOWER: {REGEX: '^syn(ergy|ergies)$'}}]",
        "[{LOWER: {REGEX: '^(?:ab)+$'}}, {LOWER: {FUZZY: synergy}}]",
        "[{LOWER: {REGEX: '^(?:real+|syn+)$'}}]",
        "[{LOWER: real, OP: '{0,3}'}, {LOWER: {FUZZY: synergi}}]",
    ],
)
def test_affordable_patterns_still_load(tmp_path: Path, pattern: str) -> None:
    (tmp_path / "house.yaml").write_text(pack_with(pattern))
    code, err = check(tmp_path, 'packs = ["house.yaml"]\nselect = ["HS001"]\n')
    assert code in (0, 1), err
    assert "error" not in err


def test_a_deeply_nested_toml_value_is_a_config_error(tmp_path: Path) -> None:
    code, err = check(tmp_path, "a = " + "[" * 5000 + "]" * 5000 + "\n")
    assert code == 2
    assert_one_line_error(err, "outreach-lint.toml", "nested")


def test_a_deeply_nested_yaml_pack_is_a_pack_error(tmp_path: Path) -> None:
    (tmp_path / "deep.yaml").write_text("pack: deep\nlexicons:\n  w: {phrases: " + "[" * 5000 + "]" * 5000 + "}\n")
    code, err = check(tmp_path, 'packs = ["deep.yaml"]\n')
    assert code == 2
    assert_one_line_error(err, "deep.yaml", "nested")
