"""SP001 empty-opener: The call opens on a permission or empty question before any reason for the call."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Finding, Fix
from ...rule import Example, RuleContext, RuleDocs, rule
from ._common import (
    BOUNDED,
    EMPTY,
    OPENER_LEXICONS,
    PERMISSION,
    PITCH,
    REASON,
    REFERRAL,
    hits,
    seller_turns,
    sentences_in,
)

# The opening is the seller's first turn, and the second when the first gave no reason (it only
# checked who answered: "Hi, is that Dana?"): what a listener hears before deciding to stay on the line.
OPENING_TURNS = 2


def _reason_or_pitch(ctx: RuleContext, start: int, end: int) -> bool:
    return any(ctx.lexicon_in(name, start, end) for name in (REASON, "reader-trace", REFERRAL, PITCH))


@rule(
    code="SP001",
    name="empty-opener",
    analyses=(),
    summary="The call opens on a permission or empty question before any reason for the call.",
    docs=RuleDocs(
        what=(
            "In a call script, flags a permission question (\"is this a good time?\", \"did I catch you at a bad "
            "time?\", \"do you have a minute?\"), an empty question (\"how are you today?\") or an apology for "
            "calling (\"sorry to bother you\") that comes in the seller's opening before any reason for the call. "
            "A permission question after the reason (\"I'm calling because...\", \"following up on...\") is fine, "
            "and so is a bounded ask that promises the reason (\"can I take twenty seconds to say why I'm ringing?\") "
            "or one that carries a question about them (\"mind if I ask how you plan routes?\")."
        ),
        why=(
            "The first seconds decide whether the prospect stays on the line. A stranger asked for their time "
            "before hearing why says no, or hears a salesperson's formula; \"how are you?\" from someone they do not "
            "know sounds scripted. A reason first gives them something to say yes to."
        ),
        example="Hi Dana, it's Lee from Fernway. Did I catch you at a bad time?",
        instead=(
            "Say why you are calling first: \"Hi Dana, it's Lee from Fernway. I'm calling because your team opened "
            "a second warehouse, and I had a question about how stock moves between them. Is now an OK time?\""
        ),
        fix_safety="Advice only: the reason for the call is the writer's to give.",
        sources=(
            "Cold-call studies of recorded calls report lower success for openers that ask \"did I catch you at "
            "a bad time?\" or \"how are you?\" than for openers that state the reason for the call."
        ),
    ),
    lexicons=OPENER_LEXICONS,
    profiles=("script",),
    fail=(
        Example("Hi Dana, it's Lee from Fernway. How's life treating you?\n", format="script"),
        Example("Hi Dana, it's Lee from Fernway. Did I catch you at a bad time?\n", format="script"),
        Example("Rep: Hi Omar, this is Priya with Tallyhouse, how are you doing today?\nProspect: Fine, who is this?\n"
                "Rep: I'm calling because your clinics moved to a new booking system. How is the switch going?\n",
                format="script"),
        Example("Caller: Is this Ruth?\nRuth: Speaking.\nCaller: Sorry to bother you, Ruth, it's Ben from Orchardline. "
                "Is now a good time?\nRuth: Not really.\n", format="script"),
    ),
    passes=(
        # a question about how their tool works for them is no "how's it going"
        Example("Rep: You use Parcelwise for the rent roll, right? How's it working for you?\nProspect: Fine.\n",
                format="script"),
        Example("Hi Dana, it's Lee from Fernway. I'm calling because your team opened a second warehouse. "
                "Is now an OK time for one question about it?\n", format="script"),
        Example("Hi Omar, Priya with Tallyhouse. Can I take twenty seconds to say why I'm ringing? If it's not for "
                "you, just say so.\n", format="script"),
        Example("Rep: Hi Ruth, Ben from Orchardline, following up on the form you sent on Monday.\nRuth: Oh, right.\n"
                "Rep: Do you have a minute to go through it?\n", format="script"),
        Example("Hi Ruth, Ben from Orchardline. Mind if I ask how your crews get their jobs each morning?\n",
                format="script"),
    ),
)
def empty_opener(ctx: RuleContext) -> Iterator[Finding]:
    spans = seller_turns(ctx)[:OPENING_TURNS]
    for turn in spans:
        for sent in sentences_in(ctx, turn):
            found = hits(ctx, PERMISSION, sent) + hits(ctx, EMPTY, sent)
            if found and not hits(ctx, BOUNDED, sent):
                start, end, _ = min(found)
                if _reason_or_pitch(ctx, spans[0].start, start):
                    return
                words = ctx.quote(start, end)
                yield ctx.finding(
                    start, end,
                    f"'{words}' comes before any reason for the call",
                    Fix("Say why you are calling first (\"I'm calling because ...\"), then ask; or ask for a bounded "
                        "slot: \"Can I take twenty seconds to say why I'm ringing?\""),
                )
                return
            if _reason_or_pitch(ctx, sent.start_char, sent.end_char):
                return
