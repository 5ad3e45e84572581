"""The real pre-commit tool runs this checkout's hook in a temporary repository."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD = "Hi Sam,\n\nYou said onboarding takes three weeks. Would Thursday at 10 work for 15 minutes?\n"
BAD = "Hi Sam,\n\nWe are the industry-leading vendor. Our platform does it all. We offer SSO. I want a call.\n"


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("git") is None:
        pytest.fail("git is required for the pre-commit integration test")
    # pre-commit installs hooks from a git repository: snapshot this checkout, uncommitted work included.
    src = tmp_path_factory.mktemp("hook-src")
    shutil.copytree(ROOT, src, dirs_exist_ok=True, ignore=shutil.ignore_patterns(".git", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache", ".hypothesis"))
    git(src, "init", "-q")
    git(src, "add", "-A")
    git(src, "-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qm", "snapshot")
    return src


def run_hook(hook_repo: Path, tmp_path: Path, content: str) -> subprocess.CompletedProcess[str]:
    work = tmp_path / "templates"
    work.mkdir(parents=True)
    git(work, "init", "-q")
    rev = subprocess.run(["git", "rev-parse", "HEAD"], cwd=hook_repo, capture_output=True, text=True, check=True).stdout.strip()
    (work / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hook_repo}\n    rev: {rev}\n    hooks:\n      - id: outreach-lint\n"
    )
    (work / "email.md").write_text(content)
    git(work, "add", "-A")
    env = {**os.environ, "PRE_COMMIT_HOME": str(hook_repo.parent / "pre-commit-home")}
    return subprocess.run(
        ["pre-commit", "run", "--all-files", "--color", "never"], cwd=work, capture_output=True, text=True, env=env, timeout=1200
    )


def test_hook_passes_good_and_fails_bad(hook_repo: Path, tmp_path: Path) -> None:
    good = run_hook(hook_repo, tmp_path / "good", GOOD)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout
    bad = run_hook(hook_repo, tmp_path / "bad", BAD)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "Failed" in bad.stdout and "PC002" in bad.stdout
