"""Measure the rules on labelled messages: score AUC, firing rates, precision and recall, pair order.

Input is JSON Lines, one message per line: ``subject``, ``body`` (or ``html``), optional ``profile``,
``mode`` and ``format``, a label (``"label": "good" | "bad"`` or ``"replied": true | false``), optional
``expect`` (the codes that should fire) and optional ``pair_id`` with ``pair_role`` (``before`` |
``after``; by default the bad message of a pair is the before). See docs/evaluate.md.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .diagnostics import Report
    from .engine import Linter


class EvaluationError(Exception):
    """A labelled file that cannot be evaluated; the message names the file, the line and the fix."""


@dataclass(frozen=True)
class Labelled:
    id: str
    good: bool
    expect: frozenset[str] | None  # None: the record states no expectations
    pair_id: str | None
    pair_role: str | None
    message: dict[str, Any]


@dataclass(frozen=True)
class RuleStats:
    code: str
    fired_good: int  # messages labelled good where the rule fired
    fired_bad: int
    true_positives: int  # fired and expected (records with `expect` only)
    false_positives: int  # fired and not expected
    false_negatives: int  # expected and did not fire
    false_positive_ids: tuple[str, ...]
    false_negative_ids: tuple[str, ...]

    @property
    def precision(self) -> float | None:
        fired = self.true_positives + self.false_positives
        return self.true_positives / fired if fired else None

    @property
    def recall(self) -> float | None:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else None


@dataclass(frozen=True)
class PairResult:
    pair_id: str
    before_id: str
    after_id: str
    before_score: int
    after_score: int

    @property
    def ordered(self) -> bool:
        return self.after_score > self.before_score


@dataclass(frozen=True)
class Evaluation:
    messages: int
    good: int
    bad: int
    auc: float | None  # None without both good and bad messages
    rules: tuple[RuleStats, ...]
    pairs: tuple[PairResult, ...]
    scores: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        return {
            "messages": self.messages,
            "good": self.good,
            "bad": self.bad,
            "auc": self.auc,
            "pairs": {
                "total": len(self.pairs),
                "ordered": sum(p.ordered for p in self.pairs),
                "items": [{**asdict(p), "ordered": p.ordered} for p in self.pairs],
            },
            "rules": [
                {**asdict(r), "precision": r.precision, "recall": r.recall,
                 "false_positive_ids": list(r.false_positive_ids), "false_negative_ids": list(r.false_negative_ids)}
                for r in self.rules
            ],
            "scores": self.scores,
        }


def read_labelled(path: Path) -> list[Labelled]:
    """Parse a labelled JSON Lines file, with errors that name the line."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise EvaluationError(f"{path}: file not found") from None
    except UnicodeDecodeError:
        raise EvaluationError(f"{path}: not UTF-8 text; re-save it as UTF-8") from None
    except OSError as exc:
        raise EvaluationError(f"{path}: cannot read: {exc.strerror}") from None
    out: list[Labelled] = []
    seen: set[str] = set()
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvaluationError(f"{where}: invalid JSON ({exc.msg}); each line must be one JSON object") from None
        if not isinstance(record, dict):
            raise EvaluationError(f"{where}: each line must be a JSON object")
        item = _labelled(record, where, n)
        if item.id in seen:
            raise EvaluationError(f"{where}: duplicate id {item.id!r}")
        seen.add(item.id)
        out.append(item)
    if not out:
        raise EvaluationError(f"{path}: no records to evaluate")
    return out


def _labelled(record: dict[str, Any], where: str, n: int) -> Labelled:
    if "label" in record:
        if record["label"] not in ("good", "bad"):
            raise EvaluationError(f"{where}: 'label' must be \"good\" or \"bad\", not {record['label']!r}")
        good = record["label"] == "good"
    elif "replied" in record:
        if not isinstance(record["replied"], bool):
            raise EvaluationError(f"{where}: 'replied' must be true or false")
        good = record["replied"]
    else:
        raise EvaluationError(f"{where}: add a 'label' (\"good\"/\"bad\") or 'replied' (true/false)")
    if not isinstance(record.get("body"), str) and not isinstance(record.get("html"), str):
        raise EvaluationError(f"{where}: a record needs a 'body' or 'html' string")
    expect = record.get("expect")
    if expect is not None and (not isinstance(expect, list) or not all(isinstance(c, str) for c in expect)):
        raise EvaluationError(f"{where}: 'expect' must be a list of rule codes")
    role = record.get("pair_role")
    if role is not None and role not in ("before", "after"):
        raise EvaluationError(f"{where}: 'pair_role' must be \"before\" or \"after\"")
    ident = str(record.get("id") if record.get("id") is not None else f"line-{n}")
    message = {k: record[k] for k in ("subject", "body", "html", "profile", "mode", "format") if k in record}
    message["id"] = ident
    pair = record.get("pair_id")
    return Labelled(
        id=ident,
        good=good,
        expect=frozenset(c.upper() for c in expect) if expect is not None else None,
        pair_id=str(pair) if pair is not None else None,
        pair_role=role,
        message=message,
    )


def evaluate(linter: Linter, records: Sequence[Labelled]) -> Evaluation:
    reports = list(linter.lint_many([r.message for r in records]))
    return summarise(records, reports, [r.meta.code for r in linter.rules])


def summarise(records: Sequence[Labelled], reports: Sequence[Report], codes: Iterable[str]) -> Evaluation:
    fired = [{d.code for d in rep.diagnostics} for rep in reports]
    scores = [rep.score for rep in reports]
    good = [s for s, r in zip(scores, records) if r.good]
    bad = [s for s, r in zip(scores, records) if not r.good]
    stats = []
    for code in sorted(set(codes) | {c for f in fired for c in f}):
        fg = sum(1 for f, r in zip(fired, records) if code in f and r.good)
        fb = sum(1 for f, r in zip(fired, records) if code in f and not r.good)
        tp, fp_ids, fn_ids = 0, [], []
        for f, r in zip(fired, records):
            if r.expect is None:
                continue
            if code in f and code in r.expect:
                tp += 1
            elif code in f:
                fp_ids.append(r.id)
            elif code in r.expect:
                fn_ids.append(r.id)
        if fg or fb or tp or fp_ids or fn_ids:
            stats.append(RuleStats(code, fg, fb, tp, len(fp_ids), len(fn_ids), tuple(fp_ids), tuple(fn_ids)))
    return Evaluation(
        messages=len(records),
        good=len(good),
        bad=len(bad),
        auc=roc_auc(good, bad),
        rules=tuple(stats),
        pairs=tuple(_pairs(records, scores)),
        scores={r.id: s for r, s in zip(records, scores)},
    )


def roc_auc(positive: Sequence[float], negative: Sequence[float]) -> float | None:
    """The chance that a random good message outscores a random bad one (ties count half)."""
    if not positive or not negative:
        return None
    wins = 0.0
    for p in positive:
        for q in negative:
            wins += 1.0 if p > q else 0.5 if p == q else 0.0
    return wins / (len(positive) * len(negative))


def _pairs(records: Sequence[Labelled], scores: Sequence[int]) -> list[PairResult]:
    groups: dict[str, list[tuple[Labelled, int]]] = {}
    for r, s in zip(records, scores):
        if r.pair_id is not None:
            groups.setdefault(r.pair_id, []).append((r, s))
    out = []
    for pair_id, members in groups.items():
        before = [m for m in members if (m[0].pair_role or ("after" if m[0].good else "before")) == "before"]
        after = [m for m in members if m not in before]
        for b in before:
            for a in after:
                out.append(PairResult(pair_id, b[0].id, a[0].id, b[1], a[1]))
    return out


def render_text(result: Evaluation, show_ids: bool = False) -> str:
    def pct(v: float | None) -> str:
        return "   -" if v is None else f"{v:4.2f}"

    lines = [
        f"{result.messages} messages ({result.good} good, {result.bad} bad)",
        f"score ROC AUC: {'n/a (needs good and bad messages)' if result.auc is None else f'{result.auc:.3f}'}",
    ]
    if result.pairs:
        ordered = sum(p.ordered for p in result.pairs)
        lines.append(f"pairs ordered (after scores higher than before): {ordered}/{len(result.pairs)}")
        for p in result.pairs:
            if not p.ordered:
                lines.append(f"  not ordered: {p.pair_id}: {p.before_id} {p.before_score} -> {p.after_id} {p.after_score}")
    lines.append("")
    lines.append(f"{'rule':<8} {'fires good':>10} {'fires bad':>10} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>9} {'recall':>6}")
    for r in result.rules:
        g = f"{r.fired_good}/{result.good}"
        b = f"{r.fired_bad}/{result.bad}"
        lines.append(
            f"{r.code:<8} {g:>10} {b:>10} {r.true_positives:>4} {r.false_positives:>4} {r.false_negatives:>4} "
            f"{pct(r.precision):>9} {pct(r.recall):>6}"
        )
        if show_ids and (r.false_positive_ids or r.false_negative_ids):
            if r.false_positive_ids:
                lines.append(f"         false positives: {', '.join(r.false_positive_ids)}")
            if r.false_negative_ids:
                lines.append(f"         false negatives: {', '.join(r.false_negative_ids)}")
    return "\n".join(lines)
