"""FIFOs, devices and sockets are never read: a directory walk skips them, a named one is one error line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"
GOOD = "Hi Sam,\n\nWe are the industry-leading vendor. Worth a chat?\n"
HANG_GUARD = 60  # seconds: a read of /dev/zero or of a FIFO with no writer never ends on its own


def cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.run(
        [sys.executable, "-m", "outreach_lint.cli", *args],
        capture_output=True, text=True, timeout=HANG_GUARD, env=env, cwd=cwd,
    )


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    (tmp_path / "null.md").symlink_to("/dev/null")
    return tmp_path


def test_a_directory_walk_lints_regular_files_only(tree: Path) -> None:
    done = cli("check", "--format", "json", str(tree))
    doc = json.loads(done.stdout)
    assert [r["path"] for r in doc["results"]] == [str(tree / "good.txt")]
    assert doc["errors"] == []
    assert doc["summary"]["files"] == 1
    assert done.returncode == 1, done.stderr  # the good file's finding, nothing else


def test_fix_on_a_directory_skips_special_files(tree: Path) -> None:
    done = cli("check", "--fix", "--format", "json", str(tree))
    assert json.loads(done.stdout)["errors"] == []
    assert (tree / "pipe.txt").exists() and (tree / "zero.txt").is_symlink()
    assert ": not fixed: " not in done.stderr


@pytest.mark.parametrize("name", ["pipe.txt", "zero.txt", "null.md"])
def test_a_named_special_file_is_one_error_and_the_rest_is_linted(tree: Path, name: str) -> None:
    done = cli("check", "--format", "json", str(tree / name), str(tree / "good.txt"))
    doc = json.loads(done.stdout)
    [error] = doc["errors"]
    assert error["path"] == str(tree / name) and error["code"] == "E001"
    assert error["message"].startswith("not a regular file: ") and "\n" not in error["message"]
    assert [r["path"] for r in doc["results"]] == [str(tree / "good.txt")]
    assert done.returncode == 3


def test_a_named_socket_is_one_error(tmp_path: Path) -> None:
    import socket

    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(tmp_path / "s.txt"))
        done = cli("check", "--format", "json", str(tmp_path / "s.txt"), str(tmp_path))
    finally:
        sock.close()
    doc = json.loads(done.stdout)
    assert [(e["path"], e["code"]) for e in doc["errors"]] == [(str(tmp_path / "s.txt"), "E001")]
    assert [r["path"] for r in doc["results"]] == [str(tmp_path / "good.txt")]
    assert done.returncode == 3


SWAPPED = """
import json, sys
from pathlib import Path
from click.testing import CliRunner
import outreach_lint.walk as walk
from outreach_lint.cli import main

fifo = Path(sys.argv[1])
# The walk saw a regular file; by the time it is read, a FIFO has taken its place.
walk.collect_trees = lambda paths, config: ([(fifo, fifo.parent)], [])
walk.collect_files = lambda paths, config: ([fifo], [])
out = {}
for mode in ("check", "fix", "diff"):
    args = ["check", "--format", "json", str(fifo.parent)]
    if mode != "check":
        args.insert(1, "--" + mode)
    r = CliRunner().invoke(main, args, catch_exceptions=False)
    out[mode] = {"exit": r.exit_code, "output": r.output}
print(json.dumps(out))
"""


def test_a_fifo_swapped_in_after_the_walk_is_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "draft.txt"
    os.mkfifo(fifo)
    done = subprocess.run(
        [sys.executable, "-c", SWAPPED, str(fifo)], capture_output=True, text=True, timeout=HANG_GUARD,
        env={**os.environ, "PYTHONPATH": str(SRC)},
    )
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["check"]["exit"] == 3
    assert '"code": "E001"' in out["check"]["output"] and "not a regular file" in out["check"]["output"]
    assert f"outreach-lint: {fifo}: not fixed: not a regular file" in out["fix"]["output"]
    assert f"outreach-lint: {fifo}: not fixed: not a regular file" in out["diff"]["output"]
