"""Every rule runs alone (``--select CODE``) on both corpora without crashing the interpreter.

A rule selected alone gets a pipeline with only what it declares; a shared analysis that read a parse
the pipeline did not make used to end the process with a segmentation fault. The run is a subprocess
so a crash fails this test (naming the rule) instead of killing the test session.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from click.testing import CliRunner

from outreach_lint import Linter
from outreach_lint.cli import main as cli

CORPORA = sorted((Path(__file__).resolve().parents[1] / "corpus").glob("*.jsonl"))

SCRIPT = textwrap.dedent(
    """
    import json, sys
    from outreach_lint import Linter
    from outreach_lint.config import Config

    records = [json.loads(line) for path in sys.argv[1:] for line in open(path, encoding="utf-8") if line.strip()]
    for code in [r.meta.code for r in Linter(Config()).registry]:
        print(code, file=sys.stderr, flush=True)
        linter = Linter(Config(select=(code,)))
        for report in linter.lint_many({k: r.get(k) for k in ("subject", "body", "html", "id", "profile")} for r in records):
            assert all(d.code == code for d in report.diagnostics), (code, [d.code for d in report.diagnostics])
    print("ok")
    """
)


def test_every_rule_alone_on_the_corpora() -> None:
    run = subprocess.run([sys.executable, "-c", SCRIPT, *map(str, CORPORA)], capture_output=True, text=True, timeout=1800)
    last = run.stderr.strip().splitlines()[-1:] or ["before the first rule"]
    assert run.returncode == 0 and run.stdout.strip() == "ok", f"exit {run.returncode} while running {last[0]}:\n{run.stderr[-2000:]}"


def test_select_pressure_alone_on_an_ask(tmp_path: Path) -> None:
    """The reported crash: PR alone, on a message with an imperative ask, exited 139."""
    draft = tmp_path / "ask.txt"
    draft.write_text("Hi Sam,\n\nLet's find some time to connect.\n", encoding="utf-8")
    script = (
        "import sys; from outreach_lint.cli import run; sys.argv=['outreach-lint','check','--select','PR',sys.argv[1]]; run()"
    )
    run = subprocess.run([sys.executable, "-c", script, str(draft)], capture_output=True, text=True, timeout=300)
    assert run.returncode in (0, 1), run.stderr
    assert "Traceback" not in run.stderr


def test_a_rule_alone_loads_what_its_analyses_need() -> None:
    """CTA001 reads the asks, which read the parse: selected alone, it still gets the parser."""
    linter = Linter(_config("CTA001"))
    assert {"DEP", "TAG"} <= linter.runtime.pipeline.annotations
    report = linter.lint_message(subject="Hello", body="Hi Sam,\n\nWe make payroll software for teams.\n")
    assert [d.code for d in report.diagnostics] == ["CTA001"]
    assert report.metrics["asks"] == []


def test_metrics_say_null_for_asks_without_a_parser() -> None:
    """With no rule that reads the asks and no parser, the report says the asks were not looked for."""
    linter = Linter(_config("PR001"))
    assert "DEP" not in linter.runtime.pipeline.annotations
    report = linter.lint_message(subject="Hello", body="Hi Sam,\n\nCan we talk on Tuesday?\n")
    assert report.metrics["asks"] is None
    assert report.metrics["words"] > 0


def test_evaluate_with_one_rule_selected(tmp_path: Path) -> None:
    records = tmp_path / "msgs.jsonl"
    records.write_text(
        '{"id": "a", "body": "Hi Sam,\\n\\nLet\'s find some time to connect.\\n", "label": "bad"}\n'
        '{"id": "b", "body": "Hi Jo,\\n\\nYour team doubled this year. Worth a call on Tuesday?\\n", "label": "good"}\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["evaluate", str(records), "--select", "PR003"])
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output


def _config(code: str):
    from outreach_lint.config import Config

    return Config(select=(code,))
