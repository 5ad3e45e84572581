"""CTA005 high-friction-first-ask: A cold first ask that costs a stranger too much ("a 60-minute demo", "an on-site workshop")."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from ...diagnostics import Finding, Fix
from ...rule import Example, RuleContext, RuleDocs, RuleOptions, rule, short
from ._common import ASK_RULE_LEXICONS


class FrictionOptions(RuleOptions):
    max_minutes: int = Field(
        default=20, ge=1,
        description="A first ask to a stranger should fit in a coffee break; 15-20 minutes is the common advice.",
    )


@rule(
    code="CTA005",
    name="high-friction-first-ask",
    analyses=("asks",),
    summary="A cold first ask that costs a stranger too much (\"a 60-minute demo\", \"an on-site workshop\").",
    docs=RuleDocs(
        what=(
            "In cold emails and LinkedIn messages, flags an ask for a meeting longer than `max-minutes` "
            "(default 20), or for a full demo, a workshop, an on-site or in-person meeting."
        ),
        why=(
            "A stranger has no reason yet to give you an hour. A small first step (a yes/no question, a short "
            "call) gets answered; a big one gets postponed forever."
        ),
        example="Can we book a 60-minute demo with your team next week?",
        instead="Ask for something small: \"Worth a look?\" or \"Would 15 minutes on Tuesday work?\"",
        fix_safety=(
            "Advice only: the suggestion carries no edit, so --fix never changes the text. Shrinking a meeting "
            "changes what the seller offers, which --fix cannot decide."
        ),
        sources=(
            "Doctrine section 3, its caveat on first cold touches (an interest question or a short call, not a "
            "fixed hour). The 20-minute default follows the common sales advice of a 15-20 minute first call; "
            "see docs/profiles.md."
        ),
    ),
    options=FrictionOptions,
    lexicons=ASK_RULE_LEXICONS + ("high-friction",),
    profiles=("cold-email", "linkedin"),
    fail=(
        "Hi Sam,\n\nYour team is hiring analysts. Can we book a 60-minute demo next week?\n",
        "Hi Jo,\n\nYou are opening a new warehouse. Would you have an hour on Thursday for a full demo?\n",
        "Hi Al,\n\nYour support queue doubled this year. Could we set up an on-site workshop with your leads?\n",
        Example("Hi Sam,\n\nYour team is hiring analysts. Would a 15-minute call on Tuesday work?\n",
                options={"max-minutes": 10}),
    ),
    passes=(
        "Hi Sam,\n\nYour team is hiring analysts. Would a 15-minute call on Tuesday work?\n",
        "Hi Jo,\n\nYou are opening a new warehouse. Worth a look at cutting stock counts to an hour?\n",
        Example(
            "Hi Al,\n\nThanks for the call. Could we book a 60-minute demo with your leads on Thursday?\n",
            profile="follow-up",
        ),
        Example("Hi Jo,\n\nYour rota still lives in three spreadsheets. Could we book 30 minutes on Thursday to walk "
                "through it?\n", options={"max-minutes": 45}),
    ),
)
def high_friction_first_ask(ctx: RuleContext, opts: FrictionOptions) -> Iterator[Finding]:
    for ask in ctx.asks:
        # "cut your reports to an hour" is an outcome, not a meeting: only meeting asks cost time.
        if ask.kind == "vague" or not (ask.kind == "meeting" or "meeting" in ask.actions):
            continue
        heavy = ctx.lexicon_in("high-friction", ask.start, ask.end)
        too_long = ask.minutes is not None and ask.minutes > opts.max_minutes
        if heavy or too_long:
            what = ctx.quote(*heavy[0][:2]) if heavy else f"{ask.minutes} minutes"
            yield ctx.finding(
                ask.start,
                ask.end,
                f"'{short(ctx.quote(ask.start, ask.end), 45)}' asks a stranger for {what}",
                Fix(f"Make the first ask small: {min(15, opts.max_minutes)} minutes ({opts.max_minutes} at most), "
                    "or a yes/no question such as \"Worth a look?\""),
            )
            return

