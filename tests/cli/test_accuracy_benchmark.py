"""benchmarks/accuracy.py runs end to end on the team's corpus and names every set it measured."""

from __future__ import annotations

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
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    out = result.stdout
    assert "tests/corpus/messages.jsonl" in out and "tests/corpus/holdout.jsonl" in out
    assert "profile=cold-email" in out and "90% CI" in out
    # The missing dev set is skipped with a one-line note, not an error.
    notes = [line for line in (out + result.stderr).splitlines() if str(missing) in line]
    assert len(notes) == 1 and "skipped" in notes[0]
