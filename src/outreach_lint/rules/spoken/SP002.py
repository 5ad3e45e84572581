"""SP002 pitch-before-question: In a call, the seller pitches before asking anything about the prospect."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Finding, Fix
from ...rule import Example, RuleContext, RuleDocs, rule
from ._common import (
    QUESTION_LEXICONS,
    first_pitch,
    is_dialogue,
    is_discovery_question,
    seller_turns,
    sentences_in,
)


@rule(
    code="SP002",
    name="pitch-before-question",
    analyses=(),
    summary="In a call, the seller pitches before asking anything about the prospect.",
    docs=RuleDocs(
        what=(
            "In a dialogue (labelled turns, with the prospect speaking), flags the seller's first pitch (\"we "
            "offer...\", \"our platform...\", \"I'm calling to tell you about...\") when it comes before the first "
            "question about the prospect's situation. A script that pitches and never asks is SP004's."
        ),
        why=(
            "On the phone the prospect cannot skim past a pitch: they wait it out or hang up. A question about "
            "their situation first gives the seller something to tie the offer to, and the prospect a reason "
            "to listen to it."
        ),
        example="Rep: Hi Gail, it's Noor from Kestrel. We offer fleet tracking for delivery firms. (later) How many vans do you run?",
        instead="Ask first, then tie the offer to the answer: \"How do you find out today when a van is running late?\"",
        fix_safety="Advice only: reordering a call is the writer's work.",
        sources="Discovery-first call structure: questions before the pitch, so the pitch answers what was said.",
    ),
    lexicons=QUESTION_LEXICONS,
    profiles=("script",),
    fail=(
        Example("Rep: Hi Gail, it's Noor from Kestrel. We offer fleet tracking for delivery firms.\nProspect: Okay.\n"
                "Rep: How many vans do you run at the moment?\n", format="script"),
        Example("Caller: Morning Ivo, Sam at Brightwell here. Our new scheduling software books crews in seconds.\n"
                "Ivo: Right.\nCaller: Who plans your crews each week?\nIvo: I do.\n", format="script"),
        Example("TM: Hi, this is Kay from Sunpath. I'm calling to tell you about our home battery program.\n"
                "Me: Hello?\nTM: Do you own your home?\nMe: No.\n", format="script"),
    ),
    passes=(
        Example("Rep: Hi Gail, it's Noor from Kestrel. How do you track your vans during the day?\nProspect: Phone calls.\n"
                "Rep: We offer fleet tracking that shows every van on one map.\n", format="script"),
        Example("Hi Gail, it's Noor from Kestrel. We offer fleet tracking for delivery firms. How many vans do you run?\n",
                format="script"),
        Example("Caller: Morning Ivo, Sam at Brightwell. Who plans your crews each week?\nIvo: I do.\n"
                "Caller: Our scheduling software could take that off your plate.\n", format="script"),
    ),
)
def pitch_before_question(ctx: RuleContext) -> Iterator[Finding]:
    if not is_dialogue(ctx):
        return
    spans = seller_turns(ctx)
    pitch = first_pitch(ctx, spans)
    if pitch is None:
        return
    asked = [
        s for turn in spans for s in sentences_in(ctx, turn) if is_discovery_question(ctx, s)
    ]
    if not asked or asked[0].start_char < pitch[0]:
        return
    words = ctx.quote(*pitch)
    yield ctx.finding(
        pitch[0], pitch[1],
        f"a pitch ('{words}') before any question about them",
        Fix("Ask how they handle it today first (\"How do you ... now?\"), then tie the offer to the answer."),
    )
