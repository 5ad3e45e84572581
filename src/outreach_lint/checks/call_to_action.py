"""CTA rules: every message asks for one specific, easy next step (doctrine section 3).

The asks themselves are found once per message by :mod:`outreach_lint.asks` (questions, imperatives,
request phrases); these rules judge them.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from ..asks import LEXICONS as ASK_LEXICONS
from ..asks import Ask
from ..diagnostics import Finding, Fix, Severity
from ..rule import Example, RuleContext, RuleDocs, RuleOptions, rule

_ACTION_NAMES = {
    "meeting": "a meeting",
    "content": "reading or watching something",
    "social": "following on social media",
    "signup": "signing up",
    "referral": "a referral",
    "reply": "a reply",
}
_ASK_RULE_LEXICONS = (*ASK_LEXICONS, "thread-close")


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@rule(
    code="CTA001",
    name="no-ask",
    summary="The message asks the reader nothing: no question, no next step, no request.",
    docs=RuleDocs(
        what=(
            "Looks for any ask in the body: a question to the reader (not a rhetorical one), an imperative "
            "that asks for an action (\"Reply with a time\"), or a request (\"would you\", \"happy to send\"). "
            "Flags a message that has none, at its last sentence. A polite close of the thread (\"I won't "
            "follow up again\") needs no ask."
        ),
        why=(
            "Every message should carry a benefit and a clear next step. A message that only informs leaves "
            "the reader to decide what to do with it, and most readers decide to do nothing."
        ),
        example="We launched a new version of our reporting tool last week with faster exports.",
        instead="Ask one specific thing: \"Would faster exports help your month-end? I can show you in 15 minutes on Tuesday.\"",
    ),
    profiles=("cold-email", "follow-up", "linkedin", "script", "announcement"),
    lexicons=_ASK_RULE_LEXICONS,
    fail=(
        "Hi Sam,\n\nWe launched a new version of our reporting tool last week. It has faster exports.\n",
        "Hi Jo,\n\nJust wanted to share our new pricing page. It is much simpler now.\n\nBest,\nAna\n",
        "Hi Al,\n\nYour team grew a lot this year. Our onboarding kit helped similar teams.\n",
        "Hi Kim,\n\nWhat if your month-end took two days instead of ten? That is what our customers see.\n",
    ),
    passes=(
        "Hi Sam,\n\nYour exports take an hour each Monday. Worth a look at a faster way?\n",
        "Hi Jo,\n\nI have two ideas for your pricing page. Want me to send them over?\n",
        "Hi Al,\n\nYour team grew a lot this year. Reply with a good day and I will send a short plan.\n",
        Example(
            "Hi Al,\n\nI have not heard back, so I will close the loop here and won't follow up again. "
            "Good luck with the launch.\n",
            profile="follow-up",
        ),
    ),
)
def no_ask(ctx: RuleContext) -> Iterator[Finding]:
    if ctx.asks or ctx.lexicon("thread-close"):
        return
    sentences = list(ctx.body_sentences())
    if not sentences:
        return
    # Point at the last real sentence, not at a name or a merge field on its own line.
    worded = [s for s in sentences if sum(1 for t in ctx.tokens_of(s) if t.is_alpha) >= 2]
    yield ctx.finding(
        *ctx.trimmed((worded or sentences)[-1]),
        "no ask in this message: end with one specific question or next step the reader can answer "
        "(\"Worth a look?\", \"Would Tuesday at 10 work for 15 minutes?\")",
        Fix("End with one ask the reader can answer: \"Worth a look?\" or \"Would Tuesday at 10 work for 15 minutes?\""),
    )


@rule(
    code="CTA002",
    name="vague-ask",
    summary="An ask that leaves the work to the reader (\"let me know if you're interested\", \"thoughts?\").",
    docs=RuleDocs(
        what=(
            "Flags asks that hand the next step back to the reader: \"let me know if you're interested\", "
            "\"feel free to reach out\", \"hope to hear from you\", \"let me know your thoughts\", \"thoughts?\", "
            "\"whenever you get a chance\". A short interest question such as \"Interested?\" or \"Worth a "
            "look?\" is a good first ask and is not flagged."
        ),
        why=(
            "A vague ask makes the reader decide what a next step would be and when. A specific one costs them "
            "a yes. The more work an ask needs, the less often it is answered."
        ),
        example="Let me know if you're interested!",
        instead="\"Would a 15-minute call on Thursday at 10 work?\" or, for a first touch, \"Worth a look?\"",
    ),
    lexicons=_ASK_RULE_LEXICONS,
    fail=(
        "Hi Sam,\n\nYour exports take an hour each Monday. Let me know if you're interested.\n",
        "Hi Jo,\n\nI have two ideas for your pricing page. Feel free to reach out anytime.\n",
        "Hi Al,\n\nYour team grew a lot this year. Hope to hear from you soon.\n",
        "Hi Lee,\n\nI wrote up how teams cut their close to four days. Thoughts?\n",
    ),
    passes=(
        "Hi Sam,\n\nYour exports take an hour each Monday. Worth a look at a faster way?\n",
        "Hi Jo,\n\nI have two ideas for your pricing page. Want me to send them over?\n",
        "Hi Al,\n\nYour team grew a lot this year. Would Thursday at 10 work for 15 minutes?\n",
        "Hi Lee,\n\nYou are hiring four SDRs this quarter. Interested?\n",
    ),
)
def vague_ask(ctx: RuleContext) -> Iterator[Finding]:
    for ask in ctx.asks:
        if ask.kind != "vague":
            continue
        for start, end, _ in ctx.lexicon_in("vague-ask", ask.start, ask.end):
            words = ctx.quote(start, end)
            yield ctx.finding(
                start,
                end,
                f"'{words}' is a vague ask that leaves the next step to the reader: propose something specific "
                "they can say yes to",
                Fix(f"Replace '{words}' with a question they can answer yes to: \"Worth a look?\" (first touch) or "
                    "\"Would Tuesday at 10 work for 15 minutes?\""),
            )


class CompetingOptions(RuleOptions):
    max_destinations: int = Field(
        default=2, ge=1,
        description="Two destinations (a call, or the case study) is a choice; three is a to-do list.",
    )


@rule(
    code="CTA003",
    name="competing-asks",
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
    ),
    options=CompetingOptions,
    lexicons=_ASK_RULE_LEXICONS,
    fail=(
        "Hi Sam,\n\nBook a demo here, read our blog, and follow us on LinkedIn for updates.\n",
        "Hi Jo,\n\nYour team is hiring. Can we schedule a call this week? You can also download our guide. "
        "And please follow us on Twitter.\n",
        "Hi Al,\n\nSign up for a free trial today. Then watch the webinar. Would a call on Friday work?\n",
    ),
    passes=(
        "Hi Sam,\n\nWould a 15-minute call on Tuesday work? If not, who owns onboarding on your team?\n",
        "Hi Jo,\n\nYour team is hiring. Want me to send the two-page guide?\n",
        "Hi Al,\n\nHere is the case study you asked for. Would a call on Friday help to go through it?\n",
    ),
)
def competing_asks(ctx: RuleContext) -> Iterator[Finding]:
    opts: CompetingOptions = ctx.options  # type: ignore[assignment]
    first_for: dict[str, Ask] = {}
    for ask in ctx.asks:
        # A reply is how every ask is answered; it competes with nothing.
        for action in sorted(ask.actions - {"reply"}):
            first_for.setdefault(action, ask)
    if len(first_for) <= opts.max_destinations:
        return
    ordered = sorted(first_for.items(), key=lambda kv: (kv[1].start, kv[0]))
    listed = "; ".join(f"{_ACTION_NAMES[a]}: '{_short(ask.text, 40)}'" for a, ask in ordered)
    extra = ordered[opts.max_destinations][1]
    yield ctx.finding(
        extra.start,
        extra.end,
        f"the message asks for {len(first_for)} different things ({listed}): keep the one that matters most",
        Fix(f"Keep the ask for {_ACTION_NAMES[ordered[0][0]]} and drop the others"),
    )


class BuriedOptions(RuleOptions):
    min_paragraphs: int = Field(
        default=3, ge=2,
        description="With fewer paragraphs than this, the whole message is close enough to the end to be seen.",
    )


@rule(
    code="CTA004",
    name="buried-ask",
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
    lexicons=_ASK_RULE_LEXICONS,
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
def buried_ask(ctx: RuleContext) -> Iterator[Finding]:
    opts: BuriedOptions = ctx.options  # type: ignore[assignment]
    zone = ctx.region("ask_zone")
    if not ctx.asks or zone is None or ctx.metrics.paragraphs < opts.min_paragraphs:
        return
    if any(a.start < zone.end and zone.start < a.end for a in ctx.asks):
        return
    last = ctx.asks[-1]
    yield ctx.finding(
        last.start,
        last.end,
        f"the ask '{_short(ctx.quote(last.start, last.end))}' is buried mid-message and the close asks nothing: "
        "move it to the last paragraph",
        Fix("Move the ask to the end of the message, on its own line"),
    )


class FrictionOptions(RuleOptions):
    max_minutes: int = Field(
        default=20, ge=1,
        description="A first ask to a stranger should fit in a coffee break; 15-20 minutes is the common advice.",
    )


@rule(
    code="CTA005",
    name="high-friction-first-ask",
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
    ),
    options=FrictionOptions,
    lexicons=_ASK_RULE_LEXICONS + ("high-friction",),
    profiles=("cold-email", "linkedin"),
    fail=(
        "Hi Sam,\n\nYour team is hiring analysts. Can we book a 60-minute demo next week?\n",
        "Hi Jo,\n\nYou are opening a new warehouse. Would you have an hour on Thursday for a full demo?\n",
        "Hi Al,\n\nYour support queue doubled this year. Could we set up an on-site workshop with your leads?\n",
    ),
    passes=(
        "Hi Sam,\n\nYour team is hiring analysts. Would a 15-minute call on Tuesday work?\n",
        "Hi Jo,\n\nYou are opening a new warehouse. Worth a look at cutting stock counts to an hour?\n",
        Example(
            "Hi Al,\n\nThanks for the call. Could we book a 60-minute demo with your leads on Thursday?\n",
            profile="follow-up",
        ),
    ),
)
def high_friction_first_ask(ctx: RuleContext) -> Iterator[Finding]:
    opts: FrictionOptions = ctx.options  # type: ignore[assignment]
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
                f"'{_short(ctx.quote(ask.start, ask.end))}' asks a stranger for {what}: make the first ask small "
                f"(a yes/no question, or {opts.max_minutes} minutes at most)",
                Fix(f"Ask for {min(15, opts.max_minutes)} minutes, or first ask \"Worth a look?\""),
            )
            return


@rule(
    code="CTA006",
    name="open-ended-meeting-ask",
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
    ),
    lexicons=_ASK_RULE_LEXICONS,
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
        f"'{_short(ctx.quote(ask.start, ask.end))}' proposes a meeting with no day, time or length: offer a "
        "concrete slot (\"Tuesday at 10 or Thursday at 2, 15 minutes?\")",
        Fix("Offer two concrete slots and a length: \"Tuesday at 10 or Thursday at 2, 15 minutes?\""),
    )


CTA_RULES = [no_ask, vague_ask, competing_asks, buried_ask, high_friction_first_ask, open_ended_meeting_ask]
