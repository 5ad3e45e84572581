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
    for row in ("Warm latency", "Batch throughput", "Cold start", "lint_many(n_process=2)", "check --jobs 2", "Memory",
                "Peer: proselint on the same"):
        assert row in result.stdout


def test_load_test_runs_against_a_real_server() -> None:
    result = run("benchmarks/load.py", "--workers", "1", "--requests", "40", "--concurrency", "4")
    assert result.returncode == 0, result.stderr[-2000:]
    row = result.stdout.strip().splitlines()[-1]
    assert row.startswith("| 40 | 4 |") and "| 0 |" in row  # no errors


def test_load_test_memory_mode_reports_memory_over_the_run() -> None:
    result = run("benchmarks/load.py", "--mode", "memory", "--workers", "1", "--requests", "40", "--concurrency", "4",
                 "--serve-arg=--max-requests-per-process=10")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "| Server resident memory |" in result.stdout and "Errors: 0;" in result.stdout


def test_load_test_hostile_mode_sees_no_unexpected_status() -> None:
    result = run("benchmarks/load.py", "--mode", "hostile", "--workers", "1", "--requests", "20", "--concurrency", "2",
                 "--slow-clients", "3")
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert "| with hostile clients |" in result.stdout and "Unexpected statuses: none." in result.stdout


def test_load_test_latency_mode_pairs_the_library_with_the_service() -> None:
    result = run("benchmarks/load.py", "--mode", "latency", "--rounds", "1", "--serve-arg=--lint-processes=1",
                 "--serve-arg=--large-lint-processes=0")
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    rows = [line for line in result.stdout.splitlines() if line.startswith("| ") and " ms |" in line]
    assert [row.split(" | ")[:2] for row in rows] == [["| 1", "1"], ["| 1", "16"], ["| 2", "1"], ["| 2", "16"]]
    assert "Target: with 2 workers at concurrency 1" in result.stdout


def test_mcp_latency_pairs_the_tool_call_with_the_library() -> None:
    result = run("benchmarks/mcp_latency.py", "--calls", "4", "--warmup", "1")
    assert result.returncode == 0, result.stderr
    assert "MCP `lint_outreach` over stdio" in result.stdout
    assert "MCP p50 - in-process p50:" in result.stdout
