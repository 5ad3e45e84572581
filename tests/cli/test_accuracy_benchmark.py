"""benchmarks/accuracy.py runs end to end on the team's corpus and names every set it measured."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_accuracy_benchmark_on_the_corpus(tmp_path: Path) -> None:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src")
    missing = tmp_path / "no-such-dev-set.jsonl"
    result = subprocess.run(
        [sys.executable, "benchmarks/accuracy.py", "--dev", str(missing)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    out = result.stdout
    assert "tests/corpus/messages.jsonl" in out and "tests/corpus/holdout.jsonl" in out
    assert "profile=cold-email" in out and "90% CI" in out
    # The missing dev set is skipped with a one-line note, not an error.
    notes = [line for line in (out + result.stderr).splitlines() if str(missing) in line]
    assert len(notes) == 1 and "skipped" in notes[0]


def test_write_replaces_only_the_part_between_the_markers(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("accuracy", ROOT / "benchmarks" / "accuracy.py")
    assert spec is not None and spec.loader is not None
    accuracy = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(accuracy)
    page = tmp_path / "accuracy.md"
    page.write_text(f"# Title\n\nIntro.\n\n{accuracy.BEGIN}\nold table\n{accuracy.END}\n\n## Honest limits\n\nProse.\n")
    accuracy.write("new table", page)
    accuracy.write("newer table", page)
    assert page.read_text() == (
        f"# Title\n\nIntro.\n\n{accuracy.BEGIN}\nnewer table\n{accuracy.END}\n\n## Honest limits\n\nProse.\n"
    )
