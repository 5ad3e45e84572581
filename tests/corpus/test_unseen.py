"""The unseen corpus: messages written without reading the rules, held to a floor so a change that breaks
how the catalogue carries over to new wording shows up here (tests/corpus/README.md has its history)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from outreach_lint.cli import main

UNSEEN = Path(__file__).with_name("messages-unseen.jsonl")


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return [json.loads(line) for line in UNSEEN.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_records_are_balanced_labelled_and_paired(records: list[dict]) -> None:
    assert Counter(r["label"] for r in records) == {"good": 383, "bad": 396}
    assert set(Counter(r["profile"] for r in records)) == {"cold-email", "follow-up", "linkedin", "script"}
    assert all(r["reasons"] for r in records)
    pairs: dict[str, list[tuple[str, str]]] = {}
    for r in records:
        if r.get("pair_id"):
            pairs.setdefault(r["pair_id"], []).append((r["pair_role"], r["label"]))
    assert len(pairs) == 78
    assert all(sorted(roles) == [("after", "good"), ("before", "bad")] for roles in pairs.values()), pairs


def test_the_catalogue_carries_over_to_wording_it_was_not_written_for() -> None:
    result = CliRunner().invoke(main, ["evaluate", str(UNSEEN), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["messages"] == 779
    # Floors below today's figures (AUC 0.96, 78/78 pairs, 10% of good messages warned), not targets.
    assert report["auc"] >= 0.92
    assert report["pairs"]["ordered"] == report["pairs"]["total"] == 78
