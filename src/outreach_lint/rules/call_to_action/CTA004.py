"""CTA004 buried-ask: The only ask sits in the middle of the message instead of at the end."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field

from ...analyses.asks import Ask
from ...diagnostics import Finding, Fix, Severity
from ...rule import Example, RuleContext, RuleDocs, RuleOptions, rule, short
from ._common import ASK_RULE_LEXICONS

if TYPE_CHECKING:
    from spacy.tokens import Span


class BuriedOptions(RuleOptions):
    min_paragraphs: int = Field(
        default=3, ge=2,
        description="With fewer paragraphs than this, the whole message is close enough to the end to be seen.",
    )


@rule(
    code="CTA004",
    name="buried-ask",
    analyses=("asks", "metrics"),
    summary="The only ask sits in the middle of the message instead of at the end.",
    docs=RuleDocs(
        what=(
            "In a message of at least `min-paragraphs` paragraphs (default 3), flags the case where no ask is "
            "in the closing paragraph (the ask zone): the reader's next step is buried mid-text. A closing wish "
            "(\"Have a great weekend!\", \"Hope you have a good week\") or a line of social links (\"Follow us "
            "on LinkedIn | Twitter\") after the ask does not bury it, and such a line is never the ask."
        ),
        why=(
            "Readers skim to the end to find out what is wanted of them. An ask in the middle is read as "
            "background, and the message seems to end without one."
        ),
        example="Hi Sam, Would a call help? (then two paragraphs about the product)",
        instead="Close with the ask, on its own line: \"Would Tuesday at 10 work for 15 minutes?\"",
        fix_safety="Advice only: moving the ask reorders the message, which a writer should do by hand.",
        sources="Doctrine section 3 (one specific next step, where the reader finishes reading: the close).",
    ),
    severity=Severity.INFO,
    options=BuriedOptions,
    lexicons=(*ASK_RULE_LEXICONS, "pleasantry"),
    profiles=("cold-email", "follow-up", "linkedin", "announcement"),
    fail=(
        "Hi Sam,\n\nWould a 15-minute call on Tuesday work?\n\nYour team posted four analyst roles this month. "
        "That usually means reports are piling up.\n\nTeams your size cut their Monday reporting from a day to "
        "an hour.\n",
        "Hi Jo,\n\nYour launch went well. Can I send you two ideas for the follow-up campaign?\n\nThe first is "
        "about timing. The second is about your pricing page.\n\nBoth come from work with similar teams.\n",
        "Hi Al,\n\nYou mentioned onboarding takes three weeks.\n\nWant me to send the checklist we use?\n\n"
        "It covers accounts, training and the first week of calls.\n\nMost teams cut onboarding to a week.\n",
    ),
    passes=(
        Example(
            "Hi Sam,\n\nWould a 15-minute call on Tuesday work?\n\nYour team posted four analyst roles this month. "
            "That usually means reports are piling up.\n\nTeams your size cut their Monday reporting from a day to "
            "an hour.\n",
            options={"min-paragraphs": 6},
        ),
        "Hi Sam,\n\nYour team posted four analyst roles this month.\n\nThat usually means reports are piling "
        "up.\n\nWould a 15-minute call on Tuesday work?\n",
        "Hi Jo,\n\nYour launch went well.\n\nI have two ideas for the follow-up campaign. Can I send them?\n",
        "Hi Al,\n\nWould a call help? You mentioned onboarding takes three weeks.\n",
        "Hi Sam,\n\nYour team posted four analyst roles this month.\n\nThat usually means reports are piling "
        "up.\n\nWould a 15-minute call on Tuesday work?\n\nHave a great weekend!\n\nFollow us on LinkedIn | Twitter\n",
        "Hi Jo,\n\nYour launch went well.\n\nThe follow-up campaign is next.\n\nCan I send two ideas for it?\n\n"
        "Hope you have a good week, and good luck with the Leeds launch next month!\n",
    ),
)
def buried_ask(ctx: RuleContext, opts: BuriedOptions) -> Iterator[Finding]:
    zone = ctx.region("ask_zone")
    asks = [a for a in ctx.asks if not _social_links(a)]
    if not asks or zone is None or ctx.metrics.paragraphs < opts.min_paragraphs:
        return
    if any(a.start < zone.end and zone.start < a.end for a in asks):
        return
    last = asks[-1]
    # What follows the ask decides whether it is buried: goodbyes and links are not content.
    if all(_courtesy(ctx, sent) for sent in ctx.body_sentences() if sent.start_char >= last.end):
        return
    yield ctx.finding(
        last.start,
        last.end,
        f"the only ask '{short(ctx.quote(last.start, last.end), 45)}' is buried mid-message",
        Fix("Move the ask to the last paragraph, on its own line"),
    )


# Where a message links its social accounts: "Follow us on LinkedIn | Twitter".
_NETWORKS = frozenset({
    "linkedin", "twitter", "x", "instagram", "facebook", "youtube", "tiktok", "github", "medium", "threads",
    "bluesky", "mastodon", "blog", "website", "newsletter", "podcast",
})
_LINK_SEPARATORS = ("|", "•", "·", "/")
_LINK_VERBS = frozenset({"follow", "find", "like", "subscribe", "join"})
# Closing wishes, by how their sentence starts. Some say goodbye by themselves ("Good luck with the launch",
# "Take care"); others only with a word of the wish after them ("Have a great weekend!", "Enjoy the rest of
# your week", but not "Have a look at the deck"). "Hope you have a good week" is the pleasantry lexicon's.
_FAREWELLS = (
    ("good", "luck"), ("best", "of", "luck"), ("all", "the", "best"), ("take", "care"), ("stay", "safe"),
    ("stay", "well"), ("talk", "soon"), ("speak", "soon"), ("happy", "holidays"), ("thanks", "again"),
    ("cheers",),
)
_WISH_OPENERS = (("have", "a"), ("have", "an"), ("have", "a", "good"), ("enjoy",), ("thanks",), ("thank", "you"))
_WISH_WORDS = frozenset({
    "day", "week", "weekend", "evening", "morning", "afternoon", "holiday", "holidays", "break", "trip",
    "vacation", "summer", "winter", "season", "time", "rest",
})
_WISH_MAX_WORDS = 16


def _social_links(ask: Ask) -> bool:
    """A line of social links is an ask for nothing this message is about ("Follow us on LinkedIn |
    Twitter"), unlike "Would you connect with me on LinkedIn?", which asks the reader something."""
    if ask.actions != frozenset({"social"}) or "?" in ask.text:
        return False
    words = [w.strip(",.!").lower() for w in ask.text.split()]
    return (any(sep in ask.text for sep in _LINK_SEPARATORS) or (bool(words) and words[0] in _LINK_VERBS)
            or "us" in words or "our" in words)


def _courtesy(ctx: RuleContext, sent: Span) -> bool:
    """A sentence that only says goodbye or lists links: it closes the message without burying the ask."""
    tokens = [t for t in ctx.tokens_of(sent) if t.is_alpha]
    words = [t.lower_ for t in tokens]
    if not words:
        return True
    text = ctx.text[sent.start_char : sent.end_char].strip()
    if text[:1] in _LINK_SEPARATORS or all(w in _NETWORKS for w in words):
        return True  # "| Twitter | Instagram": the rest of a line of links
    if any(a.start <= sent.start_char < a.end and _social_links(a) for a in ctx.asks):
        return True
    if len(words) > _WISH_MAX_WORDS:
        return False
    if any(h[0] == tokens[0].idx for h in ctx.lexicon_in("pleasantry", sent.start_char, sent.end_char)):
        return True
    if any(tuple(words[: len(f)]) == f for f in _FAREWELLS):
        return True
    return any(
        tuple(words[: len(o)]) == o and (len(words) == len(o) or bool(set(words[len(o) :]) & _WISH_WORDS))
        for o in _WISH_OPENERS
    )
