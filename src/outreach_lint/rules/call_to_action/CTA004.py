"""CTA004 buried-ask: The only ask sits in the middle of the message instead of at the end."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from ...diagnostics import Finding, Fix, Severity
from ...rule import RuleContext, RuleDocs, RuleOptions, rule
from ._common import ASK_RULE_LEXICONS, short


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
            "in the closing paragraph (the ask zone): the reader's next step is buried mid-text."
        ),
        why=(
            "Readers skim to the end to find out what is wanted of them. An ask in the middle is read as "
            "background, and the message seems to end without one."
        ),
        example="Hi Sam, Would a call help? (then two paragraphs about the product)",
        instead="Close with the ask, on its own line: \"Would Tuesday at 10 work for 15 minutes?\"",
    ),
    severity=Severity.INFO,
    options=BuriedOptions,
    lexicons=ASK_RULE_LEXICONS,
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
        "Hi Sam,\n\nYour team posted four analyst roles this month.\n\nThat usually means reports are piling "
        "up.\n\nWould a 15-minute call on Tuesday work?\n",
        "Hi Jo,\n\nYour launch went well.\n\nI have two ideas for the follow-up campaign. Can I send them?\n",
        "Hi Al,\n\nWould a call help? You mentioned onboarding takes three weeks.\n",
    ),
)
def buried_ask(ctx: RuleContext, opts: BuriedOptions) -> Iterator[Finding]:
    zone = ctx.region("ask_zone")
    if not ctx.asks or zone is None or ctx.metrics.paragraphs < opts.min_paragraphs:
        return
    if any(a.start < zone.end and zone.start < a.end for a in ctx.asks):
        return
    last = ctx.asks[-1]
    yield ctx.finding(
        last.start,
        last.end,
        f"the ask '{short(ctx.quote(last.start, last.end))}' is buried mid-message and the close asks nothing: "
        "move it to the last paragraph",
        Fix("Move the ask to the end of the message, on its own line"),
    )

