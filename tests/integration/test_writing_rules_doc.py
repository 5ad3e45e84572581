"""docs/writing-rules.md, performed step by step in a copy of the repository.

The page marks its steps (``<!-- step: shell -->`` before a console block, ``<!-- step: write PATH -->``
before a file's content); this test runs them in order, so the page cannot say anything that does not
work. The copy is the source tree, the tests and the docs: the rules added there never reach this one.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "writing-rules.md"
STEP = re.compile(r"<!-- step: (shell|write (\S+)) -->\n```\w*\n(.*?)```", re.S)


def steps() -> list[tuple[str, str | None, str]]:
    return [(m.group(1).split()[0], m.group(2), m.group(3)) for m in STEP.finditer(DOC.read_text(encoding="utf-8"))]


def test_the_page_has_steps_for_both_kinds_of_rule() -> None:
    written = [path for kind, path, _ in steps() if kind == "write"]
    assert any(p.endswith(".py") for p in written) and any(p.endswith(".yaml") for p in written)
    commands = [line for kind, _, body in steps() if kind == "shell" for line in body.splitlines()]
    assert sum("new-rule" in c for c in commands) == 2


@pytest.mark.slow
def test_the_page_works_step_by_step(tmp_path: Path) -> None:
    copy = tmp_path / "repo"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".hypothesis")
    for part in ("src", "tests", "docs"):
        shutil.copytree(ROOT / part, copy / part, ignore=ignore)
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    env = {**os.environ, "PYTHONPATH": str(copy / "src"), "OUTREACH_LINT_CACHE_DIR": str(tmp_path / "cache")}
    for kind, path, body in steps():
        if kind == "write":
            target = copy / path
            assert target.exists(), f"the page writes {path}, which the steps before it should have created"
            target.write_text(body, encoding="utf-8")
            continue
        for line in body.splitlines():
            if not line.startswith("$ "):
                continue
            args = shlex.split(line[2:])
            if args[0] == "outreach-lint":  # the copy's command, not the installed one
                args = [sys.executable, "-m", "outreach_lint.cli", *args[1:]]
            elif args[0] == "python":
                args[0] = sys.executable
            run = subprocess.run(args, cwd=copy, env=env, capture_output=True, text=True, timeout=900)
            assert run.returncode == 0, f"step `{line[2:]}` exited {run.returncode}:\n{run.stdout[-3000:]}\n{run.stderr[-3000:]}"
            if "outreach-lint rule" in line:
                code = args[-1]
                assert f"# {code} " in run.stdout and f"Defined in: `outreach_lint/rules/" in run.stdout
    for code, family in (("RD006", "readability"), ("GN003", "generic")):
        assert (copy / "docs" / "rules" / f"{code}.md").is_file()
        assert list((copy / "src" / "outreach_lint" / "rules" / family).glob(f"{code}.*"))


def test_a_scaffold_loads_and_fails_its_tests_until_filled(tmp_path: Path) -> None:
    """What new-rule writes registers at once, and its TODO examples cannot pass for a finished rule."""
    from outreach_lint.scaffold import ScaffoldError, scaffold

    family = tmp_path / "house"
    family.mkdir()
    path = scaffold("RD099", "house-style", "python", family)
    assert path.name == "RD099.py" and "TODO" in path.read_text()
    with pytest.raises(ScaffoldError, match="already exists"):
        scaffold("RD099", "house-style", "pack", family)
    with pytest.raises(ScaffoldError, match="not a rule code"):
        scaffold("rd99", "house-style", "python", family)
    pack = scaffold("RD098", "house-words", "pack", family)
    from outreach_lint.packs import rules_from_pack

    (loaded,) = rules_from_pack(pack, origin="test")
    assert loaded.meta.code == "RD098"


def test_new_rule_refuses_what_it_cannot_place(tmp_path: Path) -> None:
    """One line and exit 2 for a prefix no family declares, and for a file that already exists."""
    from click.testing import CliRunner

    from outreach_lint.cli import main

    unknown = CliRunner().invoke(main, ["new-rule", "ZZ001", "--name", "house-style"])
    assert unknown.exit_code == 2 and "no built-in family declares the prefix ZZ" in unknown.output
    assert "Traceback" not in unknown.output
    (tmp_path / "RD001.py").write_text("x\n")
    taken = CliRunner().invoke(main, ["new-rule", "RD001", "--name", "house-style", "--dir", str(tmp_path)])
    assert taken.exit_code == 2 and "already exists" in taken.output
