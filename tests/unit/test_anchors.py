"""The anchored matcher finds exactly what spaCy's Matcher finds, for any pattern and any text.

Pack token patterns are rewritten (one pattern per value of a leading set) and run only on windows
around their anchor words; these property tests compare that with one plain Matcher over the Doc.
"""

from __future__ import annotations

import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy import attrs
from spacy.matcher import Matcher

from outreach_lint.packs.anchors import AnchoredMatcher, plain_heads, repeats

NLP = spacy.blank("en")
WORDS = ["we", "We", "our", "team", "helps", "help", "you", "3", "the", "a", ".", ",", "saves", "time", "-"]
OPS = [None, None, None, "?", "*", "+", "!", "{2}", "{1,2}", "{,2}", "{0,1}", "{2,}"]


@st.composite
def tokens(draw: st.DrawFn) -> dict:
    kind = draw(st.sampled_from(["word", "set", "alpha", "num", "regex", "norm"]))
    if kind == "word":
        token: dict = {draw(st.sampled_from(["LOWER", "ORTH"])): draw(st.sampled_from(WORDS))}
    elif kind == "set":
        token = {"LOWER": {"IN": draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=4))}}
    elif kind == "alpha":
        token = {"IS_ALPHA": draw(st.booleans())}
    elif kind == "num":
        token = {"LIKE_NUM": True}
    elif kind == "regex":
        token = {"LOWER": {"REGEX": draw(st.sampled_from(["^h", "s$", "^t"]))}}
    else:
        token = {"NORM": draw(st.sampled_from(WORDS))}
    op = draw(st.sampled_from(OPS))
    if op is not None:
        token["OP"] = op
    return token


PATTERNS = st.lists(st.lists(tokens(), min_size=1, max_size=5), min_size=1, max_size=3)
TEXTS = st.lists(st.sampled_from(WORDS), min_size=0, max_size=25).map(" ".join)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _columns(doc) -> dict[str, list[int]]:
    names = ["LOWER", "ORTH", "NORM", "LEMMA", "TAG"]
    return dict(zip(names, doc.to_array([getattr(attrs, n) for n in names]).T.tolist()))


def _reference(patterns: list[list[dict]], doc) -> list[tuple[int, int, int]]:
    matcher = Matcher(NLP.vocab)
    matcher.add("k", patterns)
    return sorted(set(matcher(doc)))


@SETTINGS
@given(patterns=PATTERNS, text=TEXTS)
def test_anchored_matcher_finds_what_the_matcher_finds(patterns: list[list[dict]], text: str) -> None:
    doc = NLP(text)
    anchored = AnchoredMatcher(NLP.vocab, frozenset({"we", "the", "a", "you"}))
    anchored.add("k", [p for pattern in patterns for p in plain_heads(pattern)])
    assert sorted(set(anchored(doc, _columns(doc)))) == _reference(patterns, doc)


@SETTINGS
@given(pattern=st.lists(tokens(), min_size=1, max_size=5), text=TEXTS)
def test_plain_heads_match_the_same_spans(pattern: list[dict], text: str) -> None:
    doc = NLP(text)
    rewritten = Matcher(NLP.vocab)
    rewritten.add("k", plain_heads(pattern))
    assert sorted(set(rewritten(doc))) == _reference([pattern], doc)


def test_operator_repeats() -> None:
    assert repeats(None) == (1, 1)
    assert repeats("?") == (0, 1)
    assert repeats("+") == (1, None)
    assert repeats("{3}") == (3, 3)
    assert repeats("{,2}") == (0, 2)
    assert repeats("{1,}") == (1, None)
    assert repeats("{x}") is None


class _SpanRecorder:
    """Stands in for a group's spaCy Matcher and records the token ranges it is run on."""

    def __init__(self, matcher: Matcher) -> None:
        self.matcher = matcher
        self.ranges: list[tuple[int, int]] = []

    def __call__(self, span):  # type: ignore[no-untyped-def]
        self.ranges.append((span.start, span.end))
        return self.matcher(span)


def test_a_pattern_anchored_on_its_first_word_is_matched_forward_only() -> None:
    doc = NLP("so we are thrilled to announce it and thrilled to announce more")
    anchored = AnchoredMatcher(NLP.vocab, frozenset({"to"}))
    anchored.add("k", [[{"LOWER": "thrilled"}, {"LOWER": "to"}, {"LOWER": "announce"}]])
    group = anchored._groups["k"]
    recorder = group.matcher = _SpanRecorder(group.matcher)  # type: ignore[assignment]
    found = sorted((s, e) for _, s, e in anchored(doc, _columns(doc)))
    assert found == [(3, 6), (8, 11)]
    # Each window starts at the anchor: a match cannot begin before its pattern's first token.
    assert recorder.ranges == [(3, 6), (8, 11)]


def test_a_pattern_anchored_on_its_last_word_is_matched_backward_only() -> None:
    doc = NLP("we are thrilled to announce it")
    anchored = AnchoredMatcher(NLP.vocab, frozenset({"we", "are"}))
    anchored.add("k", [[{"LOWER": {"IN": ["we", "they"]}}, {"LOWER": "are", "OP": "?"}, {"LOWER": "thrilled"}]])
    group = anchored._groups["k"]
    recorder = group.matcher = _SpanRecorder(group.matcher)  # type: ignore[assignment]
    assert sorted((s, e) for _, s, e in anchored(doc, _columns(doc))) == [(0, 3)]
    assert recorder.ranges == [(0, 3)]
