"""Keep spaCy's Matcher cheap: patterns it can test in compiled code, run only where they can match.

The Matcher builds two Python Token objects per token of the Doc it is given and tests the first token
of every pattern at every position. For a pack's handful of token patterns that was most of a message's
rule time. Two rewrites keep its output identical and its cost small:

- ``plain_heads``: a pattern whose first token is a set ({"IN": [...]}) becomes one pattern per value,
  since a plain value is compared in C while a set is a Python predicate evaluated per token.
- ``AnchoredMatcher``: every pattern has a required token with a word-like value (its anchor). Each
  rule's or lexicon's patterns get their own Matcher, run only on windows of the Doc around tokens
  that carry one of its anchors (found with one lookup for all of them). A match always contains its
  anchor and a window reaches as far before and after it as that group's patterns can (a pattern
  anchored on its first word reaches only forward), so every match lies inside a window and the output
  is the same as one Matcher over the whole Doc.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.matcher import Matcher
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

_MAX_HEADS = 64
# Attributes whose values an anchor can look up in the Doc's attribute array.
ANCHOR_ATTRS = ("LOWER", "ORTH", "LEMMA", "NORM", "TAG")


def plain_heads(pattern: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The same pattern as a few patterns whose first token spaCy's Matcher can test in compiled code.

    One pattern per value of the first token (and, for a leading optional token, one with and one
    without it) matches exactly the same spans. Sets of one distinct value become plain values anywhere.
    """
    collapsed = [_collapse(t) for t in pattern]
    heads = _expand_head(collapsed)
    return heads if len(heads) <= _MAX_HEADS else [collapsed]


def _collapse(token: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for attr, value in token.items():
        if isinstance(value, dict) and set(value) == {"IN"} and isinstance(value["IN"], list):
            distinct = list(dict.fromkeys(value["IN"]))
            value = distinct[0] if len(distinct) == 1 and isinstance(distinct[0], str) else {"IN": distinct}
        out[attr] = value
    return out


def _expand_head(pattern: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    head, rest = pattern[0], pattern[1:]
    op = head.get("OP")
    if op == "?" and rest:
        required = {k: v for k, v in head.items() if k != "OP"}
        return _expand_head([required, *rest]) + _expand_head(rest)
    if op is not None or len(head) != 1:
        return [pattern]
    ((attr, value),) = head.items()
    if isinstance(value, dict) and set(value) == {"IN"} and all(isinstance(v, str) for v in value["IN"]):
        return [[{attr: v}, *rest] for v in value["IN"]]
    return [pattern]


def repeats(op: Any) -> tuple[int, int | None] | None:
    """(fewest, most) tokens a pattern token with this operator covers; most is None when unbounded.
    None for an operator this module does not know (the pattern is then scanned everywhere)."""
    fixed = {None: (1, 1), "!": (1, 1), "?": (0, 1), "*": (0, None), "+": (1, None)}
    if op in fixed:
        return fixed[op]
    if not (isinstance(op, str) and op.startswith("{") and op.endswith("}")):
        return None
    low, comma, high = op[1:-1].partition(",")
    if not (low.isdigit() or low == "") or not (high.isdigit() or high == "") or (not low and not high):
        return None
    if not comma:
        return int(low), int(low)  # {n}
    return int(low or 0), (int(high) if high else None)  # {n,m}, {,m}, {n,}


def anchor(pattern: Sequence[dict[str, Any]], common: frozenset[str]) -> tuple[str, tuple[str, ...], int] | None:
    """(attribute, values, index in the pattern) of the required token that best tells where the
    pattern can match.

    Required means it must occur once at least ("+", "{1,3}"; not "?", "*", "{,2}" or the negation
    "!"). Among those, a word attribute beats a tag, and values that are rare words beat common ones
    ("thrilled" over "we").
    """
    best: tuple[tuple[int, int, int], str, tuple[str, ...], int] | None = None
    for index, token in enumerate(pattern):
        op = token.get("OP")
        counts = repeats(op)
        if op == "!" or counts is None or counts[0] < 1:
            continue
        for attr, value in token.items():
            if attr not in ANCHOR_ATTRS:
                continue
            if isinstance(value, str):
                values: tuple[str, ...] = (value,)
            elif isinstance(value, dict) and set(value) == {"IN"} and all(isinstance(v, str) for v in value["IN"]):
                values = tuple(value["IN"])
            else:
                continue
            if attr in ("LOWER", "LEMMA", "NORM"):
                values = tuple(dict.fromkeys(v for v in values))
            rank = (attr == "TAG", sum(v.lower() in common for v in values), len(values))
            if best is None or rank < best[0]:
                best = (rank, attr, values, index)
    return None if best is None else (best[1], best[2], best[3])


def reach_around(pattern: Sequence[dict[str, Any]], index: int) -> tuple[int, int] | None:
    """(before, after): the most tokens a match can have before and after a token that matched the
    pattern's token ``index``; None when a token may repeat without limit.

    The anchor token itself may repeat ("{1,3}"), so its other repetitions count on both sides.
    """
    most = [repeats(token.get("OP")) for token in pattern]
    if any(m is None or m[1] is None for m in most):
        return None
    counts = [m[1] for m in most]  # type: ignore[index]
    extra = counts[index] - 1
    return sum(counts[:index]) + extra, sum(counts[index + 1 :]) + extra


def windows(positions: Iterable[int], before: int, after: int, length: int) -> list[tuple[int, int]]:
    """Merged token ranges that hold every span reaching at most ``before`` tokens before and ``after``
    tokens after one of ``positions``."""
    out: list[tuple[int, int]] = []
    for p in sorted(positions):
        start, end = max(0, p - before), min(length, p + after + 1)
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


@dataclass
class _Group:
    """One rule's or lexicon's token patterns, with how far a match can reach from its anchor.

    A match reaches only forward from an anchor that is its pattern's first token, so the reach is
    kept on each side: windows around such anchors are half as long as a reach both ways.
    """

    matcher: Matcher
    before: int = 0
    after: int = 0
    anywhere: bool = False  # a pattern without an anchor or a length limit: scan the whole Doc


class AnchoredMatcher:
    """spaCy Matchers per key, run only where their patterns' anchors occur (see the module docs)."""

    def __init__(self, vocab: Vocab, common: frozenset[str]) -> None:
        self._vocab = vocab
        self._common = common
        self._groups: dict[str, _Group] = {}
        self.lookups: dict[str, dict[int, set[str]]] = {}  # attr -> anchor value's hash -> group keys

    def __len__(self) -> int:
        return len(self._groups)

    def add(self, key: str, patterns: Sequence[list[dict[str, Any]]]) -> None:
        from spacy.matcher import Matcher
        from spacy.strings import hash_string

        group = self._groups.get(key)
        if group is None:
            group = self._groups[key] = _Group(Matcher(self._vocab))
        group.matcher.add(key, list(patterns))
        for pattern in patterns:
            found = anchor(pattern, self._common)
            reach = None if found is None else reach_around(pattern, found[2])
            if reach is None or found is None:
                group.anywhere = True
                continue
            group.before, group.after = max(group.before, reach[0]), max(group.after, reach[1])
            attr, values, _ = found
            for value in values:
                self.lookups.setdefault(attr, {}).setdefault(hash_string(value), set()).add(key)

    def keys(self) -> list[str]:
        return list(self._groups)

    def __call__(self, doc: Doc, columns: dict[str, list[int]]) -> list[tuple[int, int, int]]:
        """(match_id, start, end) over the Doc; ``columns`` holds its attribute values by name, one
        list per attribute in ``lookups``."""
        positions = self.anchors(columns)
        return [m for key in self._groups for m in self.match(key, doc, positions)]

    def anchors(self, columns: dict[str, list[int]]) -> dict[str, list[int]]:
        """Where each key's anchors occur: token positions by key, for :meth:`match`."""
        positions: dict[str, list[int]] = {}
        for attr, keys_of in self.lookups.items():
            for i, value in enumerate(columns[attr]):
                if value in keys_of:
                    for key in keys_of[value]:
                        positions.setdefault(key, []).append(i)
        return positions

    def match(self, key: str, doc: Doc, positions: dict[str, list[int]]) -> list[tuple[int, int, int]]:
        """(match_id, start, end) of one key's patterns over the Doc, given :meth:`anchors`' positions."""
        group = self._groups[key]
        length = len(doc)
        ranges = [(0, length)] if group.anywhere else windows(positions.get(key, ()), group.before, group.after, length)
        out: list[tuple[int, int, int]] = []
        for first, last in ranges:
            out.extend((m, s + first, e + first) for m, s, e in group.matcher(doc[first:last]))
        return out
