"""The example plugin (examples/plugin) installed from its own distribution works like a built-in family.

A fresh venv gets this checkout of outreach-lint and the plugin, each installed by pip from its own
source tree (``--system-site-packages`` lends spaCy and the model, so nothing is downloaded). The venv's
own ``outreach-lint`` then lists, selects, documents and runs the plugin's rules, and the plugin's test
file (which uses :mod:`outreach_lint.testing`) passes inside it.
"""

from __future__ import annotations

import json
import os
import site
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PLUGIN = ROOT / "examples" / "plugin"

pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Venv:
    bin: Path
    env: dict[str, str]

    def run(self, *args: str, cwd: Path | None = None, check: bool = True) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(args, cwd=cwd, env=self.env, capture_output=True, text=True, timeout=600)
        if check:
            assert done.returncode == 0, f"{args} exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
        return done

    def lint(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return self.run(str(self.bin / "outreach-lint"), *args, check=check)


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Venv]:
    where = tmp_path_factory.mktemp("plugin-venv") / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(where)], check=True, timeout=300)
    # The test run's PYTHONPATH points at this checkout's src/: the venv must import its own installed copy.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    v = Venv(where / "bin", env)
    if sys.prefix != sys.base_prefix:
        # Run from inside a venv, --system-site-packages lends the base interpreter's packages, not
        # this environment's: list this environment's site-packages in the new venv (plain paths, so
        # no .pth of theirs, such as an editable install's finder, runs there), after its own.
        purelib = v.run(str(v.bin / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])")
        lent = "\n".join(site.getsitepackages()) + "\n"
        (Path(purelib.stdout.strip()) / "lent-by-the-test-run.pth").write_text(lent, encoding="utf-8")
    for source in (ROOT, PLUGIN):
        v.run(str(v.bin / "python"), "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation", str(source))
    yield v


def test_the_venv_imports_its_own_copies(venv: Venv) -> None:
    found = venv.run(str(venv.bin / "python"), "-c",
                     "import outreach_lint, outreach_lint_hype; print(outreach_lint.__file__); print(outreach_lint_hype.__file__)")
    for line in found.stdout.split():
        assert Path(line).is_relative_to(venv.bin.parent), f"imported from outside the venv: {line}"


def test_rules_lists_the_plugin_rules(venv: Venv) -> None:
    table = venv.lint("rules").stdout
    assert any(line.startswith("HS001 ") and "exclamation-stack" in line for line in table.splitlines())
    assert any(line.startswith("HS002 ") and "hype-words" in line for line in table.splitlines())
    rules = {r["code"]: r for r in json.loads(venv.lint("rules", "--format", "json").stdout)}
    assert rules["HS001"]["origin"] == "outreach-lint-hype 0.1.0" and rules["HS001"]["category"] == "hype"
    assert rules["HS002"]["source"] == "outreach_lint_hype/HS002.yaml"
    assert rules["PC001"]["origin"] == "outreach-lint"


def test_rule_documents_a_plugin_rule(venv: Venv) -> None:
    for code, source in (("HS001", "outreach_lint_hype/HS001.py"), ("HS002", "outreach_lint_hype/HS002.yaml")):
        page = venv.lint("rule", code).stdout
        assert "- Defined by: outreach-lint-hype 0.1.0" in page
        assert f"- Defined in: `{source}`" in page
        assert "- Category: hype" in page
        for heading in ("## What it does", "## Why it matters to the reader", "## Use instead", "## Flagged"):
            assert heading in page


def test_check_select_by_the_plugin_prefix_fires_on_fail_examples_only(venv: Venv, tmp_path: Path) -> None:
    rules = {r["code"]: r for r in json.loads(venv.lint("rules", "--format", "json").stdout)}
    expected: dict[str, tuple[str, bool]] = {}
    for code in ("HS001", "HS002"):
        examples = rules[code]["examples"]
        assert len(examples["fail"]) >= 3 and len(examples["pass"]) >= 3
        for kind, texts in (("fail", examples["fail"]), ("pass", examples["pass"])):
            for i, text in enumerate(texts):
                path = tmp_path / f"{code}-{kind}-{i}.txt"
                path.write_text(text, encoding="utf-8")
                expected[str(path)] = (code, kind == "fail")
    done = venv.lint("check", "--select", "HS", "--format", "json", *expected, check=False)
    assert done.returncode == 1, done.stderr  # findings at warning, and no errors
    report = json.loads(done.stdout)
    assert report["errors"] == []
    for result in report["results"]:
        code, should_fire = expected[result["path"]]
        fired = {d["code"] for d in result["diagnostics"]}
        assert fired <= {"HS001", "HS002"}, f"--select HS ran other rules: {fired}"
        assert (code in fired) == should_fire, f"{result['path']}: {fired}"


def test_the_plugin_runs_its_examples_with_the_testing_helpers(venv: Venv) -> None:
    done = venv.run(str(venv.bin / "python"), "-m", "pytest", "-q", "-p", "no:cacheprovider", cwd=PLUGIN, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "15 passed" in done.stdout  # 12 examples, 2 docs checks and the install check
