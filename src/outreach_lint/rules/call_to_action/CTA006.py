"""CTA006 open-ended-meeting-ask: A follow-up proposes a meeting with no day, time or length."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Finding, Fix
from ...rule import Example, RuleContext, RuleDocs, rule, short
from ._common import ASK_RULE_LEXICONS


@rule(
    code="CTA006",
    name="open-ended-meeting-ask",
    analyses=("asks",),
    summary="A follow-up proposes a meeting with no day, time or length.",
    docs=RuleDocs(
        what=(
            "In follow-ups only, flags a message whose meeting ask (a call, a chat, a demo) names no day, time "
            "or length, and no other ask in it does either."
        ),
        why=(
            "Once a conversation is under way, \"sometime\" means never: the reader has to propose the time. "
            "A concrete slot turns the reply into a yes."
        ),
        example="Are you free for a call sometime soon?",
        instead="\"Would Tuesday at 10:00 or Thursday at 14:00 work for 15 minutes?\"",
        fix_safety=(
            "Advice only: the suggestion carries no edit, so --fix never changes the text. Only the writer "
            "knows which slots are free."
        ),
        sources=(
            "Doctrine section 3: SMART asks are time-bound, and a time-boxed ask matters most in follow-ups and "
            "deals under way, so only the follow-up profile runs this rule."
        ),
    ),
    lexicons=ASK_RULE_LEXICONS,
    profiles=("follow-up",),
    fail=(
        Example("Hi Sam,\n\nFollowing up on the onboarding checklist. Are you free for a call sometime?\n", profile="follow-up"),
        Example("Hi Jo,\n\nThe pilot numbers are in. Can we find time to talk about them?\n", profile="follow-up"),
        Example("Hi Al,\n\nYou asked about pricing. Let's set up a meeting to go through it.\n", profile="follow-up"),
    ),
    passes=(
        Example("Hi Sam,\n\nFollowing up on the onboarding checklist. Would Tuesday at 10 work for a call?\n", profile="follow-up"),
        Example("Hi Jo,\n\nThe pilot numbers are in. Want me to send the one-page summary?\n", profile="follow-up"),
        Example("Hi Al,\n\nYou asked about pricing. Are you free for 15 minutes this week?\n", profile="follow-up"),
        Example("Hi Al,\n\nThe grant round is open. Shall I write a one-page summary for your March board meeting?\n",
                profile="follow-up"),
    ),
)
def open_ended_meeting_ask(ctx: RuleContext) -> Iterator[Finding]:
    meeting = [a for a in ctx.asks if a.kind != "vague" and ("meeting" in a.actions or a.kind == "meeting")]
    if not meeting or any(a.timeboxed for a in ctx.asks):
        return
    ask = meeting[0]
    yield ctx.finding(
        ask.start,
        ask.end,
        f"'{short(ctx.quote(ask.start, ask.end), 45)}' names no day, time or length",
        Fix("Offer two concrete slots and a length: \"Tuesday at 10 or Thursday at 2, 15 minutes?\""),
    )

