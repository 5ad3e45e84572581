"""The benchmark scripts run end to end (small sizes): they must not rot. No timing is asserted."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if env.get("PYTHONPATH"):
        env["PYTHONPATH"] = os.pathsep.join(str(Path(p).resolve()) for p in env["PYTHONPATH"].split(os.pathsep))
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)


def test_bench_quick_prints_every_measurement() -> None:
    result = run("benchmarks/bench.py", "--quick")
    assert result.returncode == 0, result.stderr[-2000:]
    for row in ("Warm latency", "Batch throughput", "Cold start", "lint_many(n_process=2)", "check --jobs 2", "Memory"):
        assert row in result.stdout


def test_load_test_runs_against_a_real_server() -> None:
    result = run("benchmarks/load.py", "--workers", "1", "--requests", "40", "--concurrency", "4")
    assert result.returncode == 0, result.stderr[-2000:]
    row = result.stdout.strip().splitlines()[-1]
    assert row.startswith("| 40 | 4 |") and "| 0 |" in row  # no errors
