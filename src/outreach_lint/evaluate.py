"""Measure the rules on labelled messages: score AUC, firing rates, precision and recall, pair order.

Input is JSON Lines, one message per line: ``subject``, ``body`` (or ``html``), optional ``profile``,
``mode`` and ``format``, a label (``"label": "good" | "bad"`` or ``"replied": true | false``), optional
``expect`` (the codes that should fire) and optional ``pair_id`` with ``pair_role`` (``before`` |
``after``; by default the bad message of a pair is the before). Any other scalar field of a record
(``source_kind``, ``source_url``, ...) is kept, so the figures can be broken down by it. See
docs/evaluate.md.
"""

from __future__ import annotations

import json
import math
import random
import statistics
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .diagnostics import Report
    from .engine import Linter


class EvaluationError(Exception):
    """A labelled file that cannot be evaluated; the message names the file, the line and the fix."""


NO_GROUP = "(none)"  # the group of a record that lacks the field the figures are broken down by
BOOTSTRAP_RESAMPLES = 1000
BOOTSTRAP_SEED = 11  # fixed, so the same file always prints the same interval


@dataclass(frozen=True)
class Labelled:
    id: str
    good: bool
    expect: frozenset[str] | None  # None: the record states no expectations
    pair_id: str | None
    pair_role: str | None
    message: dict[str, Any]
    # The record's scalar fields (strings, numbers, booleans) as read, for breaking figures down.
    fields: Mapping[str, Any] = field(default_factory=dict)


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
class Outcome:
    """What linting did to one labelled message: enough to recompute any group's figures."""

    record: Labelled
    score: int
    flagged: bool  # at least one warning or error (OL codes, about the input itself, excluded)
    found: bool  # at least one finding of any severity (OL excluded)


@dataclass(frozen=True)
class GroupStats:
    """The score's figures on one group of messages (a value of a field, a half of a set)."""

    name: str
    messages: int
    good: int
    bad: int
    auc: float | None
    auc_interval: tuple[float, float] | None
    pairs_total: int
    pairs_ordered: int
    good_flagged: float | None  # share of good messages with a warning or error
    bad_unflagged: float | None  # share of bad messages with no finding at all

    def to_dict(self) -> dict[str, Any]:
        return {
            "messages": self.messages,
            "good": self.good,
            "bad": self.bad,
            "auc": self.auc,
            "auc_interval": list(self.auc_interval) if self.auc_interval is not None else None,
            "pairs": {"total": self.pairs_total, "ordered": self.pairs_ordered},
            "good_flagged": self.good_flagged,
            "bad_unflagged": self.bad_unflagged,
        }


@dataclass(frozen=True)
class Evaluation:
    messages: int
    good: int
    bad: int
    auc: float | None  # None without both good and bad messages
    rules: tuple[RuleStats, ...]
    pairs: tuple[PairResult, ...]
    scores: dict[str, int]
    auc_interval: tuple[float, float] | None = None  # bootstrap 90% interval of `auc`
    good_flagged: float | None = None
    bad_unflagged: float | None = None
    outcomes: tuple[Outcome, ...] = field(default=(), repr=False)
    by: str | None = None  # the field `groups` breaks the figures down by
    groups: tuple[GroupStats, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "messages": self.messages,
            "good": self.good,
            "bad": self.bad,
            "auc": self.auc,
            "auc_interval": list(self.auc_interval) if self.auc_interval is not None else None,
            "good_flagged": self.good_flagged,
            "bad_unflagged": self.bad_unflagged,
            "by": self.by,
            "groups": {g.name: g.to_dict() for g in self.groups},
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
        # bool is an int, so it passes too; lists and objects (expect, reasons) are not group keys.
        fields={k: v for k, v in record.items() if isinstance(v, (str, int, float))},
    )


def evaluate(linter: Linter, records: Sequence[Labelled], by: str | None = None) -> Evaluation:
    """Lint ``records`` with ``linter`` and measure the score against their labels.

    With ``by``, ``groups`` holds the figures for each value of that record field (``NO_GROUP`` for
    records without it).
    """
    reports = list(linter.lint_many([r.message for r in records]))
    return summarise(records, reports, [r.meta.code for r in linter.rules], by=by)


def summarise(records: Sequence[Labelled], reports: Sequence[Report], codes: Iterable[str],
              by: str | None = None) -> Evaluation:
    from .diagnostics import Severity

    fired = [{d.code for d in rep.diagnostics} for rep in reports]
    scores = [rep.score for rep in reports]
    outcomes = tuple(
        Outcome(
            record=r,
            score=rep.score,
            flagged=any(d.severity >= Severity.WARNING for d in rep.diagnostics if not d.code.startswith("OL")),
            found=any(not d.code.startswith("OL") for d in rep.diagnostics),
        )
        for r, rep in zip(records, reports)
    )
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
    overall = _group_stats("all", outcomes)
    return Evaluation(
        messages=len(records),
        good=len(good),
        bad=len(bad),
        auc=overall.auc,
        rules=tuple(stats),
        pairs=tuple(_pairs(records, scores)),
        scores={r.id: s for r, s in zip(records, scores)},
        auc_interval=overall.auc_interval,
        good_flagged=overall.good_flagged,
        bad_unflagged=overall.bad_unflagged,
        outcomes=outcomes,
        by=by,
        groups=breakdown(outcomes, field_key(by)) if by is not None else (),
    )


def field_key(name: str) -> Callable[[Labelled], str]:
    """Group records by the value of their field ``name``; records without it go to ``NO_GROUP``."""

    def key(record: Labelled) -> str:
        value = record.fields.get(name)
        if value is None:
            return NO_GROUP
        return json.dumps(value) if isinstance(value, bool) else str(value)

    return key


def breakdown(outcomes: Iterable[Outcome], key: Callable[[Labelled], str]) -> tuple[GroupStats, ...]:
    """The figures for each group of ``outcomes`` (an ``Evaluation``'s), by name, ``NO_GROUP`` last."""
    groups: dict[str, list[Outcome]] = {}
    for o in outcomes:
        groups.setdefault(key(o.record), []).append(o)
    names = sorted(groups, key=lambda name: (name == NO_GROUP, name))
    return tuple(_group_stats(name, groups[name]) for name in names)


def _group_stats(name: str, outcomes: Sequence[Outcome]) -> GroupStats:
    good = [o for o in outcomes if o.record.good]
    bad = [o for o in outcomes if not o.record.good]
    good_scores, bad_scores = [o.score for o in good], [o.score for o in bad]
    # A pair counts in a group only when both of its messages are in it.
    pairs = _pairs([o.record for o in outcomes], [o.score for o in outcomes])
    return GroupStats(
        name=name,
        messages=len(outcomes),
        good=len(good),
        bad=len(bad),
        auc=roc_auc(good_scores, bad_scores),
        auc_interval=auc_interval(good_scores, bad_scores),
        pairs_total=len(pairs),
        pairs_ordered=sum(p.ordered for p in pairs),
        good_flagged=sum(o.flagged for o in good) / len(good) if good else None,
        bad_unflagged=sum(not o.found for o in bad) / len(bad) if bad else None,
    )


def roc_auc(positive: Sequence[float], negative: Sequence[float]) -> float | None:
    """The chance that a random good message outscores a random bad one (ties count half).

    Computed exactly from ranks (the Mann-Whitney U statistic) in O(n log n), so the bootstrap can
    afford a thousand of them: tied scores share their midrank, which is the "ties count half".
    """
    if not positive or not negative:
        return None
    return _rank_auc(positive, negative)


def _rank_auc(positive: Sequence[float], negative: Sequence[float]) -> float:
    merged = sorted([(p, True) for p in positive] + [(q, False) for q in negative], key=lambda item: item[0])
    rank_sum = 0.0  # of the positives, ranks counted from 1
    i = 0
    while i < len(merged):
        j = i
        while j + 1 < len(merged) and merged[j + 1][0] == merged[i][0]:
            j += 1
        midrank = (i + j + 2) / 2
        rank_sum += midrank * sum(1 for k in range(i, j + 1) if merged[k][1])
        i = j + 1
    n_pos, n_neg = len(positive), len(negative)
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def auc_interval(positive: Sequence[float], negative: Sequence[float], resamples: int = BOOTSTRAP_RESAMPLES,
                 seed: int = BOOTSTRAP_SEED) -> tuple[float, float] | None:
    """A bootstrap 90% interval for ``roc_auc``: the 5th and 95th percentiles over ``resamples``.

    Good and bad messages are resampled separately, with replacement, so every resample keeps the
    set's balance of labels (and has both, which an AUC needs). The seed is fixed: same input, same
    interval.
    """
    if resamples < 1:
        raise ValueError("auc_interval needs at least one resample")
    if not positive or not negative:
        return None
    rng = random.Random(seed)
    aucs = sorted(
        _rank_auc(rng.choices(positive, k=len(positive)), rng.choices(negative, k=len(negative)))
        for _ in range(resamples)
    )
    if aucs[0] == aucs[-1]:  # one value (a separated set, or a single resample): no spread to cut
        return (aucs[0], aucs[0])
    cuts = statistics.quantiles(aucs, n=20, method="inclusive")
    return (cuts[0], cuts[-1])


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

    outcomes = result.outcomes
    good_flagged = sum(o.flagged for o in outcomes if o.record.good)
    bad_unflagged = sum(not o.found for o in outcomes if not o.record.good)
    auc = "n/a (needs good and bad messages)" if result.auc is None else format_auc(result.auc, result.auc_interval)
    lines = [
        f"{result.messages} messages ({result.good} good, {result.bad} bad)",
        f"score ROC AUC: {auc}",
        f"good messages with a warning or error: {_share(good_flagged, result.good)}",
        f"bad messages with no finding: {_share(bad_unflagged, result.bad)}",
    ]
    if result.pairs:
        ordered = sum(p.ordered for p in result.pairs)
        lines.append(f"pairs ordered (after scores higher than before): {ordered}/{len(result.pairs)}")
        for p in result.pairs:
            if not p.ordered:
                lines.append(f"  not ordered: {p.pair_id}: {p.before_id} {p.before_score} -> {p.after_id} {p.after_score}")
    if result.by is not None:
        lines.append("")
        lines.extend(render_groups(f"by {result.by}", result.groups))
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


def format_auc(auc: float | None, interval: tuple[float, float] | None) -> str:
    """``0.712 (90% CI 0.62-0.80)``; ``-`` without an AUC."""
    if auc is None:
        return "-"
    if interval is None:
        return f"{auc:.3f}"
    # Rounded outwards, so the printed interval never looks narrower than it is (0.9975 shows as
    # 0.99, not as a 1.00 that would seem to exclude an AUC of 0.999).
    lo = math.floor(interval[0] * 100 + 1e-9) / 100
    hi = math.ceil(interval[1] * 100 - 1e-9) / 100
    return f"{auc:.3f} (90% CI {lo:.2f}-{hi:.2f})"


def format_share(share: float | None) -> str:
    """A share as a whole percentage; ``-`` when there was nothing to count."""
    return "-" if share is None else f"{share:.0%}"


def _share(count: int, total: int) -> str:
    return f"{count}/{total} ({format_share(count / total if total else None)})"


def render_groups(title: str, groups: Sequence[GroupStats]) -> list[str]:
    """One line per group: messages, good/bad, AUC with its interval, pairs, the two shares."""
    width = max([len(title), *(len(g.name) for g in groups)])
    lines = [
        f"{title:<{width}}  {'messages':>8}  {'good/bad':>8}  {'AUC':<24}  {'pairs':>5}  {'good flagged':>12}  {'bad unflagged':>13}"
    ]
    for g in groups:
        pairs = f"{g.pairs_ordered}/{g.pairs_total}" if g.pairs_total else "-"
        lines.append(
            f"{g.name:<{width}}  {g.messages:>8}  {f'{g.good}/{g.bad}':>8}  {format_auc(g.auc, g.auc_interval):<24}  "
            f"{pairs:>5}  {format_share(g.good_flagged):>12}  {format_share(g.bad_unflagged):>13}"
        )
    return lines
