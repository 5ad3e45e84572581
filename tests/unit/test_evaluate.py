"""evaluate: AUC, per-rule precision and recall, pairs, and clear errors for bad labelled files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from outreach_lint.cli import main
from outreach_lint.evaluate import EvaluationError, read_labelled, roc_auc

BAD = "Hi Sam,\n\nWe are the industry-leading provider of payroll software. Let me know if you're interested.\n"
GOOD = "Hi Sam,\n\nYour payroll runs in four countries. Worth a look at cutting the checks to an afternoon?\n"


def write(tmp_path: Path, records: list[dict]) -> Path:
    path = tmp_path / "labelled.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_roc_auc_known_values() -> None:
    assert roc_auc([3, 4], [1, 2]) == 1.0
    assert roc_auc([1, 2], [3, 4]) == 0.0
    assert roc_auc([5], [5]) == 0.5
    assert roc_auc([], [1]) is None


@given(st.lists(st.integers(0, 100), min_size=1, max_size=20), st.lists(st.integers(0, 100), min_size=1, max_size=20))
def test_roc_auc_is_a_probability_and_symmetric(good: list[int], bad: list[int]) -> None:
    auc = roc_auc(good, bad)
    assert auc is not None and 0.0 <= auc <= 1.0
    assert abs(auc + roc_auc(bad, good) - 1.0) < 1e-9  # type: ignore[operator]


def test_evaluate_reports_auc_pairs_and_precision(tmp_path: Path) -> None:
    path = write(tmp_path, [
        {"id": "b", "label": "bad", "subject": "Payroll", "body": BAD, "expect": ["PC002", "CTA002"], "pair_id": "p"},
        {"id": "g", "label": "good", "subject": "Payroll", "body": GOOD, "expect": [], "pair_id": "p"},
        {"id": "r", "replied": True, "subject": "Payroll", "body": GOOD},
    ])
    result = CliRunner().invoke(main, ["evaluate", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert doc["messages"] == 3 and doc["good"] == 2 and doc["bad"] == 1
    assert doc["auc"] == 1.0
    assert doc["pairs"]["ordered"] == 1 and doc["pairs"]["items"][0]["before_id"] == "b"
    rules = {r["code"]: r for r in doc["rules"]}
    assert rules["PC002"]["precision"] == 1.0 and rules["PC002"]["recall"] == 1.0
    assert rules["CTA002"]["fired_bad"] == 1 and rules["CTA002"]["fired_good"] == 0


def test_evaluate_text_output_and_thresholds(tmp_path: Path) -> None:
    path = write(tmp_path, [
        {"id": "b", "label": "bad", "body": BAD, "expect": []},
        {"id": "g", "label": "good", "body": GOOD, "expect": []},
    ])
    result = CliRunner().invoke(main, ["evaluate", str(path), "--show-ids"])
    assert result.exit_code == 0
    assert "score ROC AUC: 1.000" in result.output and "false positives: b" in result.output
    strict = CliRunner().invoke(main, ["evaluate", str(path), "--min-precision", "0.9"])
    assert strict.exit_code == 1 and "precision below 0.9" in strict.output


@pytest.mark.parametrize(
    "line,needle",
    [
        ("{not json", "invalid JSON"),
        ('{"body": "hi"}', "add a 'label'"),
        ('{"label": "great", "body": "hi"}', "'label' must be"),
        ('{"label": "good"}', "needs a 'body' or 'html'"),
        ('{"label": "good", "body": "hi", "expect": "PC001"}', "'expect' must be a list"),
        ("[1, 2]", "must be a JSON object"),
    ],
)
def test_bad_labelled_files_get_one_line_errors(tmp_path: Path, line: str, needle: str) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text('{"label": "good", "body": "fine"}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(EvaluationError, match=needle) as err:
        read_labelled(path)
    assert f"{path}:2:" in str(err.value)
    result = CliRunner().invoke(main, ["evaluate", str(path)])
    assert result.exit_code == 2 and "Traceback" not in result.output and needle in result.output
