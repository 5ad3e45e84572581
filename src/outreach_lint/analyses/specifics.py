"""Checkable details: what makes a sentence specific to one reader rather than true of anyone.

A detail is checkable when the reader could confirm it: a number ("your 40 reps", "72% to 91%"), a
name (a company, a place, a product, an event: proper nouns past the sentence's first word), a quotation
of their words, a date or a day, or a resource ("the checklist", "your talk at the summit"). A greeting
name or praise ("love your content", "impressive company") carries none of these.

Shared by the follow-up analysis (does a follow-up add anything new?) and the personalisation rules
(GN004 shallow praise, GN005 claimed familiarity).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .. import linear_regex

if TYPE_CHECKING:
    from spacy.tokens import Token

LEXICONS = ("resource-terms", "event-terms")

_DATES = linear_regex.compile(
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:january|february|march|april|june|july|august|september"
    r"|october|november|december)\b|\b(?:last|this|next) (?:week|month|quarter|year|spring|summer|autumn|fall|winter)\b"
    r"|\byesterday\b|\blast night\b|\bthis morning\b|\bearlier today\b",
    linear_regex.I,
)
_QUOTE_MARKS = frozenset({"\"", "“", "”"})
# Where anyone's content is: "your content on LinkedIn" names a platform, not something of the reader's.
PLATFORMS = frozenset({"linkedin", "twitter", "instagram", "facebook", "google", "youtube", "tiktok", "medium", "substack"})


def mentions_a_date(text: str) -> bool:
    """A day, a month or a recent time ("on Tuesday", "last month", "last night")."""
    return _DATES.search(text) is not None


def checkable(tokens: Sequence[Token], text: str, hits: Sequence[tuple[int, int, str]] = (), *, dates: bool = True) -> bool:
    """Whether ``tokens`` (one sentence or clause) hold a detail the reader could check.

    ``text`` is the words of those tokens; ``hits`` are resource or event lexicon matches inside them.
    ``dates=False`` leaves days and months out: in a follow-up, "free on Tuesday?" proposes a time and
    tells the reader nothing new.
    """
    if not tokens:
        return False
    if hits or (dates and _DATES.search(text)):
        return True
    if any(t.like_num or any(c.isdigit() for c in t.text) for t in tokens):
        return True
    if sum(1 for t in tokens if t.text in _QUOTE_MARKS) >= 2:
        return True
    return names_something(tokens)


def names_something(tokens: Sequence[Token]) -> bool:
    """A proper noun past the first word; a Title-Cased line ("Love Your Work") names nothing."""
    worded = [t for t in tokens if t.is_alpha]
    if len(worded) >= 3 and sum(1 for t in worded if t.text[:1].isupper()) > 0.6 * len(worded):
        return False
    first = worded[0].i if worded else -1
    return any(
        t.pos_ == "PROPN" and t.i != first and t.text[:1].isupper() and t.lower_ not in PLATFORMS
        and not _greeted(t) and not _opens_a_sentence(t)
        for t in worded
    )


def _opens_a_sentence(token: Token) -> bool:
    """A capital after "!" or "?" that the parser kept in one sentence ("Hey Sam! Great to reconnect"): the
    capital is the new sentence's, and the tagger's proper noun there is a guess, not a name."""
    return token.i > 0 and token.doc[token.i - 1].text in ("!", "?")


_GREETINGS = frozenset({"hi", "hello", "hey", "dear", "morning", "afternoon", "evening"})


def _greeted(token: Token) -> bool:
    """The name in "Hi Niamh, saw your profile": a greeting on the sentence's line, not a detail."""
    doc = token.doc
    for k in (token.i - 1, token.i - 2):
        if k >= 0 and doc[k].lower_ in _GREETINGS:
            return True
    return False
