"""Readability works offline and counts syllables exactly as textstat does with nltk and pyphen."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from outreach_lint.readability import (
    _build_counts,
    _cmu_dictionary,
    hyphenation,
    syllables,
)

pyphen = pytest.importorskip("pyphen")  # a dependency of textstat, so always installed with it

WORDS = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéüñ'-0123456789"), min_size=1, max_size=24)


@settings(max_examples=300, deadline=None)
@given(word=WORDS)
def test_break_points_match_pyphen(word: str) -> None:
    assert hyphenation("en_US").positions(word) == list(pyphen.Pyphen(lang="en_US").positions(word))


def test_break_points_of_real_words_match_pyphen() -> None:
    reference = pyphen.Pyphen(lang="en_US")
    ours = hyphenation("en_US")
    words = sorted(_build_counts())[::25] + ["Fieldline", "onboarding", "hyperautomation", "SaaS", "re-key"]
    assert [w for w in words if ours.positions(w) != list(reference.positions(w))] == []


def test_syllable_table_holds_every_cmu_word() -> None:
    table = _cmu_dictionary()
    counts = _build_counts()
    assert len(table) == len(counts)
    assert all(len(table[w][0]) == n for w, n in counts.items())
    with pytest.raises(KeyError):
        table["qqzzxq"]


def test_syllable_counts() -> None:
    assert syllables("Your team could ship twice as often") == 8
    assert syllables("Fieldline") == 2  # not in the CMU dictionary: counted from hyphenation patterns
