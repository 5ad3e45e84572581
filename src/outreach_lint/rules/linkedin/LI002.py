"""LI002 generic-connection-request: A request to connect, or for anything else, that gives no reason specific to this reader."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Finding, Fix
from ...rule import Example, RuleContext, RuleDocs, rule, short
from ._common import TRACE_LEXICONS, shows_the_reader


@rule(
    code="LI002",
    name="generic-connection-request",
    analyses=("asks", "metrics"),
    summary="A request to connect, or for anything else, that gives no reason specific to this reader.",
    docs=RuleDocs(
        what=(
            "Flags \"I'd like to add you to my professional network\", \"let's connect\", \"looking to expand my "
            "network\", \"I'd love to connect with you\" and the like, and any other ask in the note (\"Are there "
            "openings on your team?\", \"Can we set up a call?\"), when nothing in the note is about this "
            "reader: none of the traces GN002 looks for (their company, something they wrote or did, a merge "
            "field, a number about them), no ground the two share (\"we're both in fintech\", \"a mutual "
            "friend\") and no earlier conversation (\"great to meet you at the meetup\"). Where they work (\"I "
            "noticed you work at Corvid\") is on their profile for anyone to read, so it is no reason; neither is "
            "a number in the sender's own clause (\"I'm applying for opening 5521\"). Unlike GN002, it judges "
            "notes of any length."
        ),
        why=(
            "LinkedIn's default invitation says the same words to everyone, so a note that repeats them tells "
            "the reader nothing about why they should accept, and a stranger's note that asks for a job or a call "
            "with nothing about them reads the same way. One line about them is the reason."
        ),
        example="Hi Noor, I'd like to add you to my professional network.",
        instead="Give the reason: \"Hi Noor, your thread on warehouse staffing matched what we see in Rotterdam; "
                "would be glad to connect.\"",
        fix_safety=(
            "Advice only: the suggestion carries no edit, so --fix never changes the text. The reason to "
            "connect has to come from the writer."
        ),
        sources=(
            "Doctrine section 5 (specific to this reader) and section 8 (a trace is a checkable detail), "
            "applied to the request LinkedIn itself words the same for everyone."
        ),
    ),
    requires=("POS", "TAG", "DEP", "LEMMA"),
    profiles=("linkedin",),
    lexicons=("connect-request", *TRACE_LEXICONS),
    fail=(
        Example("Hi Noor, I'd like to add you to my professional network.\n", profile="linkedin"),
        # the reader's name said in passing is no reason
        Example("Great to be connected, Noor! Would love to stay in touch.\n", profile="linkedin"),
        Example("Hello! I am looking to expand my network with people in logistics. Let's connect.\n",
                profile="linkedin"),
        Example("Hi there,\n\nI came across your profile and would love to connect with you.\n", profile="linkedin"),
        Example("Hello, are there any open roles on your team? Could you give me a chance to interview?\n",
                profile="linkedin"),
        Example("Hi Mia, I noticed you work at Corvid. I'm applying for the analyst opening (ref 5521), could you "
                "refer me?\n", profile="linkedin"),
    ),
    passes=(
        Example("Hi Noor, your thread on warehouse staffing matched what we see in Rotterdam. Would be glad to "
                "connect.\n", profile="linkedin"),
        Example("Hi Omar, we're both in the Leeds product meetup group. Let's connect.\n", profile="linkedin"),
        Example("Hi Ines, great to meet you at the supply chain breakfast this morning. I'd love to connect.\n",
                profile="linkedin"),
        Example("Hi {{first_name}}, your move to {{company}} caught my eye. I'd like to add you to my network.\n",
                profile="linkedin"),
    ),
)
def generic_connection_request(ctx: RuleContext) -> Iterator[Finding]:
    hits = [h for h in ctx.lexicon("connect-request") if ctx.in_region("body", h[0], h[1])]
    if not hits:  # a note that asks for a job, a call or a favour owes the reader the same reason
        hits = [(a.start, a.end, "") for a in ctx.asks]
    if not hits or shows_the_reader(ctx):
        return
    start, end, _ = hits[0]
    yield ctx.finding(
        start,
        end,
        f"'{short(ctx.quote(start, end), 30)}' gives no reason specific to this reader",
        Fix("Add the reason that is only true of them: a post they wrote, a group you share, where you met"),
    )
