"""Pack matches are read per key: a word list's token patterns run only for a message that reads it.

A message's rules read some of the packs' keys (an email's rules never read a call script's word
lists), so the token patterns behind a key run when it is first read; what any key holds must not
depend on which keys were read before it, or in which order.
"""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from outreach_lint import Linter

LINTER = Linter()
SPOKEN = "@spoken-empty-opener"
WORDS = [
    "how", "are", "you", "doing", "today", "?", "sorry", "to", "bother", "we", "help", "teams", "save",
    "time", "just", "following", "up", "on", "my", "last", "email", ",", ".", "I", "'m", "hate", "quick",
    "call", "next", "week", "would", "it", "be", "worth", "a", "chat", "our", "platform", "cuts", "costs",
]


class _CountingMatcher:
    """Stands in for one key's spaCy Matcher and counts the spans it is run on."""

    def __init__(self, matcher: object) -> None:
        self.matcher = matcher
        self.calls = 0

    def __call__(self, doclike: object) -> object:
        self.calls += 1
        return self.matcher(doclike)  # type: ignore[operator]

    def __len__(self) -> int:
        return len(self.matcher)  # type: ignore[arg-type]


def _spy(linter: Linter, code: str) -> list[_CountingMatcher]:
    packs = linter.runtime.packs
    spies = []
    for key, group in packs.matcher._groups.items():
        if key.split("\x1f")[0] == code:
            group.matcher = _CountingMatcher(group.matcher)  # type: ignore[assignment]
            spies.append(group.matcher)  # type: ignore[arg-type]
    assert spies, f"no token patterns under {code}"
    return spies


def test_an_emails_run_leaves_a_call_scripts_word_lists_unmatched() -> None:
    linter = Linter()
    spies = _spy(linter, SPOKEN)
    report = linter.lint_message(
        subject="Quick question", body="Hi Sam,\n\nHow are you doing today? Sorry to bother you.\n\nWould a call next week help?\n",
        profile="cold-email",
    )
    assert report.metrics["profile"] == "cold-email"
    assert sum(s.calls for s in spies) == 0


def test_a_call_script_reads_its_word_lists() -> None:
    linter = Linter()
    spies = _spy(linter, SPOKEN)
    report = linter.lint_text(
        "Rep: Hi Sam, how are you doing today? Sorry to bother you.\nRep: Would a call next week help?\n",
        format="script",
    )
    assert report.metrics["profile"] == "script"
    assert sum(s.calls for s in spies) > 0
    assert any(d.code.startswith("SP") for d in report.diagnostics)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(words=st.lists(st.sampled_from(WORDS), min_size=0, max_size=40), seed=st.integers(0, 2**16))
def test_a_keys_matches_do_not_depend_on_the_keys_read_before_it(words: list[str], seed: int) -> None:
    packs = LINTER.runtime.packs
    doc = LINTER.nlp(" ".join(words))
    everything = dict(packs.run(doc))  # every key read, in one order
    keys = sorted({*everything, SPOKEN, "@pleasantry", "@guilt", "PC002", "@no-such-list"})
    random.Random(seed).shuffle(keys)
    one_by_one = packs.run(doc)
    for key in keys:
        assert one_by_one.get(key, []) == everything.get(key, [])
        assert (key in one_by_one) == (key in everything)
    assert all(hits == sorted(hits) for hits in everything.values())
