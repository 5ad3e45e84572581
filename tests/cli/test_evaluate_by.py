"""evaluate --by FIELD, the AUC's bootstrap interval and the two flagged shares, through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from outreach_lint.cli import main

# Written for these tests: a seller-centred pitch with a vague ask, and a short reader-centred note.
BAD = "Hi Sam,\n\nWe are the industry-leading provider of payroll software. Let me know if you're interested.\n"
GOOD = "Hi Sam,\n\nYour payroll runs in four countries. Worth a look at cutting the checks to an afternoon?\n"
PLAIN = "Hi Sam,\n\nThe invoices for March are attached.\n\nJo\n"  # no ask: a warning
# Reader-centred with a plain ask, so no rule fires; labelled bad below, as a reviewer may judge it.
UNFLAGGED = "Hi Dee,\n\nYour team in Porto doubled this spring. Would a short call on Monday help to compare rota tools?\n"


def write(tmp_path: Path, records: list[dict]) -> Path:
    path = tmp_path / "labelled.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def records() -> list[dict]:
    return [
        {"id": "c-bad", "label": "bad", "profile": "cold-email", "source_kind": "received", "body": BAD, "pair_id": "p1"},
        {"id": "c-good", "label": "good", "profile": "cold-email", "source_kind": "received", "body": GOOD, "pair_id": "p1"},
        {"id": "l-bad", "label": "bad", "profile": "linkedin", "body": BAD},
        {"id": "l-good", "label": "good", "profile": "linkedin", "body": GOOD},
        {"id": "l-quiet", "label": "bad", "profile": "linkedin", "body": UNFLAGGED},
        {"id": "x-good", "label": "good", "body": GOOD},
    ]


def run(*args: str) -> str:
    result = CliRunner().invoke(main, ["evaluate", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_by_field_json_has_a_group_per_value_and_none(tmp_path: Path) -> None:
    doc = json.loads(run(str(write(tmp_path, records())), "--by", "profile", "--format", "json"))
    assert doc["by"] == "profile"
    groups = doc["groups"]
    assert set(groups) == {"cold-email", "linkedin", "(none)"}
    cold, linkedin, none = groups["cold-email"], groups["linkedin"], groups["(none)"]
    assert (cold["messages"], cold["good"], cold["bad"]) == (2, 1, 1)
    assert cold["auc"] == 1.0 and cold["auc_interval"] == [1.0, 1.0]
    assert cold["pairs"] == {"total": 1, "ordered": 1}
    assert (linkedin["messages"], linkedin["good"], linkedin["bad"]) == (3, 1, 2)
    assert linkedin["pairs"] == {"total": 0, "ordered": 0}
    # The quiet note has no finding at all: one of linkedin's two bad messages goes unflagged.
    assert linkedin["bad_unflagged"] == 0.5
    assert linkedin["good_flagged"] == 0.0
    assert (none["messages"], none["good"], none["bad"]) == (1, 1, 0)
    assert none["auc"] is None and none["auc_interval"] is None and none["bad_unflagged"] is None


def test_by_any_record_field_and_null_is_none(tmp_path: Path) -> None:
    rows = [*records(), {"id": "n-good", "label": "good", "source_kind": None, "body": GOOD}]
    doc = json.loads(run(str(write(tmp_path, rows)), "--by", "source_kind", "--format", "json"))
    assert list(doc["groups"]) == ["received", "(none)"]
    assert {k: v["messages"] for k, v in doc["groups"].items()} == {"received": 2, "(none)": 5}


def test_by_field_text_prints_one_line_per_group_after_the_overall_figures(tmp_path: Path) -> None:
    out = run(str(write(tmp_path, records())), "--by", "profile")
    lines = out.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("by profile"))
    assert header > next(i for i, line in enumerate(lines) if line.startswith("score ROC AUC"))
    rows = {line.split()[0]: line for line in lines[header + 1 : header + 4]}
    assert set(rows) == {"cold-email", "linkedin", "(none)"}
    assert "1.000 (90% CI 1.00-1.00)" in rows["cold-email"]
    assert "1/2" in rows["linkedin"] and "50%" in rows["linkedin"]
    assert rows["cold-email"].split()[1] == "2"


def test_without_by_there_are_no_groups(tmp_path: Path) -> None:
    path = write(tmp_path, records())
    doc = json.loads(run(str(path), "--format", "json"))
    assert doc["groups"] == {} and doc["by"] is None
    assert "by " not in run(str(path))


def test_overall_shares_of_flagged_good_and_unflagged_bad(tmp_path: Path) -> None:
    path = write(tmp_path, records())
    doc = json.loads(run(str(path), "--format", "json"))
    assert doc["good_flagged"] == 0.0
    assert doc["bad_unflagged"] == 1 / 3
    out = run(str(path))
    assert "good messages with a warning or error: 0/3 (0%)" in out
    assert "bad messages with no finding: 1/3 (33%)" in out


def test_interval_contains_the_auc_and_is_the_same_on_two_runs(tmp_path: Path) -> None:
    mixed = [
        {"id": "g1", "label": "good", "body": GOOD},
        {"id": "g2", "label": "good", "body": PLAIN},
        {"id": "g3", "label": "good", "body": BAD},
        {"id": "b1", "label": "bad", "body": BAD},
        {"id": "b2", "label": "bad", "body": PLAIN},
        {"id": "b3", "label": "bad", "body": GOOD.replace("Worth a look", "Let me know if you're interested")},
    ]
    path = write(tmp_path, mixed)
    first = json.loads(run(str(path), "--format", "json"))
    second = json.loads(run(str(path), "--format", "json"))
    lo, hi = first["auc_interval"]
    assert lo <= first["auc"] <= hi and lo < hi
    assert first["auc_interval"] == second["auc_interval"]
    assert run(str(path)) == run(str(path))
    # Printed to two places, rounded outwards so the printed interval still holds the AUC.
    shown = run(str(path)).split("(90% CI ")[1].split(")")[0]
    shown_lo, shown_hi = (float(x) for x in shown.split("-"))
    assert shown_lo <= lo and hi <= shown_hi and hi - lo <= shown_hi - shown_lo < hi - lo + 0.02 + 1e-9


def test_perfectly_separated_set_has_interval_one_one(tmp_path: Path) -> None:
    path = write(tmp_path, [
        {"id": "b1", "label": "bad", "body": BAD},
        {"id": "b2", "label": "bad", "body": BAD.replace("payroll", "expense")},
        {"id": "g1", "label": "good", "body": GOOD},
        {"id": "g2", "label": "good", "body": GOOD.replace("four", "five")},
    ])
    doc = json.loads(run(str(path), "--format", "json"))
    assert doc["auc"] == 1.0 and doc["auc_interval"] == [1.0, 1.0]
    assert "score ROC AUC: 1.000 (90% CI 1.00-1.00)" in run(str(path))


def test_one_label_only_has_no_interval(tmp_path: Path) -> None:
    path = write(tmp_path, [{"id": "g", "label": "good", "body": GOOD}])
    doc = json.loads(run(str(path), "--format", "json"))
    assert doc["auc"] is None and doc["auc_interval"] is None and doc["bad_unflagged"] is None
