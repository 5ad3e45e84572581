"""SP004 no-discovery-question: The seller pitches and never asks about the prospect's situation."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Finding, Fix
from ...rule import Example, RuleContext, RuleDocs, rule
from ._common import (
    QUESTION_LEXICONS,
    first_pitch,
    is_discovery_question,
    is_voicemail,
    seller_turns,
    sentences_in,
)


@rule(
    code="SP004",
    name="no-discovery-question",
    analyses=(),
    summary="The seller pitches and never asks about the prospect's situation.",
    docs=RuleDocs(
        what=(
            "In a call script or a call opener (not a voicemail), flags the first pitch (\"we offer...\", \"our "
            "software...\", \"I'm calling to tell you about...\") when none of the seller's questions is about the "
            "prospect: a question that refers to them (\"how do you...\", \"who handles your...\") or checks a guess about "
            "them (\"Is that what's going on?\", \"Does that sound familiar?\") and is not a "
            "permission question, \"how are you\" or a request for a meeting. A script that does not pitch is "
            "left alone."
        ),
        why=(
            "A call that only pitches gives the prospect nothing to say but no. A question about their situation "
            "is what turns a pitch into a conversation, and tells the seller whether the offer fits at all."
        ),
        example="Hi, this is Ed from Lumio. We offer LED retrofits for warehouses. Can I book you in for a survey?",
        instead="Ask about them before the offer: \"How much of your power bill goes on lighting the racks at night?\"",
        fix_safety="Advice only: the question depends on what the seller needs to learn.",
        sources="Discovery-first call structure: a pitch without a question about the prospect is a monologue.",
    ),
    lexicons=QUESTION_LEXICONS,
    profiles=("script",),
    fail=(
        Example("Hi, this is Ed from Lumio. We offer LED retrofits for warehouses. Can I book you in for a survey?\n",
                format="script"),
        Example("Rep: Hi Tess, it's Al from Quillpay. Our payroll platform saves hours every month.\nProspect: We have one.\n"
                "Rep: Would you be open to a demo on Friday?\n", format="script"),
        Example("Hi Tess, this is Ravi from Beanpoint. We offer a loyalty app for cafes and our clients love it!\n", format="script"),
    ),
    passes=(
        Example("Hi, this is Ed from Lumio. We offer LED retrofits for warehouses. How are the racks lit at night "
                "in your building?\n", format="script"),
        Example("Rep: Hi Tess, it's Al from Quillpay. How does your team run payroll today?\nProspect: A spreadsheet.\n",
                format="script"),
        # a check of the caller's guess about them is a question about their situation
        Example("Rep: Hi Tess, it's Al from Quillpay. You've posted two payroll clerk roles this month. At firms your "
                "size that usually means the pay run is still manual. Is that what's going on?\nProspect: Partly.\n"
                "Rep: We automate the pay run for firms of 200.\n", format="script"),
        Example("Hi Tess, Al from Quillpay. Our payroll platform saves hours a month. Call me back at 555-201-3344 "
                "when you have a minute.\n", format="script"),
    ),
)
def no_discovery_question(ctx: RuleContext) -> Iterator[Finding]:
    if is_voicemail(ctx):
        return
    spans = seller_turns(ctx)
    pitch = first_pitch(ctx, spans)
    if pitch is None:
        return
    if any(is_discovery_question(ctx, s) for turn in spans for s in sentences_in(ctx, turn)):
        return
    words = ctx.quote(*pitch)
    yield ctx.finding(
        pitch[0], pitch[1],
        f"a pitch ('{words}') and no question about their situation",
        Fix("Ask one question about how they handle this today (\"How do you ... now?\"), before or after the pitch."),
    )
