"""CTA003 competing-asks: The message asks for several different things (a call, a blog post, a follow, a sign-up)."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from ...analyses.asks import Ask
from ...diagnostics import Finding, Fix
from ...rule import Example, RuleContext, RuleDocs, RuleOptions, rule, short
from ._common import ASK_RULE_LEXICONS

_ACTION_NAMES = {
    "meeting": "a meeting",
    "content": "reading or watching something",
    "social": "following on social media",
    "signup": "signing up",
    "referral": "a referral",
    "reply": "a reply",
}
# The same destinations in a word or two, for the message (the suggestion spells them out).
_SHORT_NAMES = {
    "meeting": "a meeting",
    "content": "content",
    "social": "a follow",
    "signup": "a sign-up",
    "referral": "a referral",
    "reply": "a reply",
}


class CompetingOptions(RuleOptions):
    max_destinations: int = Field(
        default=2, ge=1,
        description="Two destinations (a call, or the case study) is a choice; three is a to-do list.",
    )


@rule(
    code="CTA003",
    name="competing-asks",
    analyses=("asks",),
    summary="The message asks for several different things (a call, a blog post, a follow, a sign-up).",
    docs=RuleDocs(
        what=(
            "Sorts every ask by where it sends the reader: a meeting, content to read or watch, social media, a "
            "sign-up or a referral (a plain reply competes with nothing). Flags a message whose asks point to "
            "more than `max-destinations` (default 2) different places."
        ),
        why=(
            "Each extra ask splits the reader's attention and makes the easiest answer none at all. One clear "
            "next step is answered more often than a menu."
        ),
        example="Book a demo, read our blog, and follow us on LinkedIn. Also, reply with your team size!",
        instead="Keep the one ask that matters now: \"Would a 15-minute call on Tuesday help?\"",
        fix_safety=(
            "Advice only: the suggestion carries no edit, so --fix never changes the text. Which ask to keep is "
            "the writer's call; the suggestion lists them in order."
        ),
        sources=(
            "Doctrine section 3 (competing asks). The default of two destinations follows the Hick-Hyman law: "
            "the time to choose grows with the number of options, and a reader short of time chooses none."
        ),
    ),
    options=CompetingOptions,
    lexicons=ASK_RULE_LEXICONS,
    fail=(
        "Hi Sam,\n\nBook a demo here, read our blog, and follow us on LinkedIn for updates.\n",
        "Hi Jo,\n\nYour team is hiring. Can we schedule a call this week? You can also download our guide. "
        "And please follow us on Twitter.\n",
        "Hi Al,\n\nSign up for a free trial today. Then watch the webinar. Would a call on Friday work?\n",
        Example("Hi Sam,\n\nWould a 15-minute call on Tuesday work? You can also download our rota guide.\n",
                options={"max-destinations": 1}),
    ),
    passes=(
        "Hi Sam,\n\nWould a 15-minute call on Tuesday work? If not, who owns onboarding on your team?\n",
        "Hi Jo,\n\nYour team is hiring. Want me to send the two-page guide?\n",
        "Hi Al,\n\nHere is the case study you asked for. Would a call on Friday help to go through it?\n",
        Example("Hi Jo,\n\nYour team is hiring. Can we schedule a call this week? You can also download our guide. "
                "And please follow us on Twitter.\n", options={"max-destinations": 3}),
    ),
)
def competing_asks(ctx: RuleContext, opts: CompetingOptions) -> Iterator[Finding]:
    first_for: dict[str, Ask] = {}
    for ask in ctx.asks:
        # A reply is how every ask is answered; it competes with nothing.
        for action in sorted(ask.actions - {"reply"}):
            first_for.setdefault(action, ask)
    if len(first_for) <= opts.max_destinations:
        return
    ordered = sorted(first_for.items(), key=lambda kv: (kv[1].start, kv[0]))
    by_ask: dict[int, list[str]] = {}  # one sentence can ask for several of them
    for a, ask in ordered:
        by_ask.setdefault(id(ask), []).append(_ACTION_NAMES[a])
    texts = {id(ask): ask.text for _, ask in ordered}
    listed = "; ".join(f"{', '.join(names)}: '{short(texts[k], 40)}'" for k, names in by_ask.items())
    extra = ordered[opts.max_destinations][1]
    yield ctx.finding(
        extra.start,
        extra.end,
        f"{len(first_for)} competing asks: {', '.join(_SHORT_NAMES[a] for a, _ in ordered)}",
        Fix(f"Keep the ask for {_ACTION_NAMES[ordered[0][0]]} and drop the others ({listed})"),
    )

