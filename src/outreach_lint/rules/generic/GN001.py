"""GN001 generic-social-proof: Social proof that fits anyone ("companies like yours", "many of our clients")."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...diagnostics import Finding, Fix
from ...rule import RuleContext, RuleDocs, rule
from ._common import (
    NOT_NAMES,
    sender_names,
)

if TYPE_CHECKING:
    from spacy.tokens import Token


def _evidence(tokens: list[Token], names: set[int]) -> bool:
    """A number or a proper name the reader could check ("cut close from 10 days to 4", "like Acme")."""
    for i, t in enumerate(tokens):
        if t.like_num and t.lower_ not in ("one",):
            return True
        if t.i in names or t.lower_ in NOT_NAMES:
            continue
        if t.pos_ == "PROPN" or (not t.pos_ and t.is_title and i > 0):
            return True
    return False


@rule(
    code="GN001",
    name="generic-social-proof",
    summary="Social proof that fits anyone (\"companies like yours\", \"many of our clients\").",
    docs=RuleDocs(
        what=(
            "Flags \"companies like yours\", \"customers like you\", \"many of our clients\", \"thousands of "
            "teams\", \"we work with a lot of restaurants\" and similar, unless the same sentence names someone or gives a number the reader could "
            "check."
        ),
        why=(
            "\"Customers like you got great results\" could be sent to anyone, so it convinces no one. What "
            "persuades is a specific peer and a specific result."
        ),
        example="Companies like yours have seen amazing results with our platform.",
        instead="Name the peer and the number: \"Brightline, also a 40-person agency, cut onboarding from 3 weeks to 5 days.\"",
        fix_safety=(
            "Advice only: the suggestion carries no edit, so --fix never changes the text. Only the writer "
            "knows which customer and which result to name."
        ),
        sources=(
            "Doctrine section 5, \"Specific to this reader, now\": generic social proof (\"companies like "
            "yours\", \"many of our clients\")."
        ),
    ),
    requires=("POS", "DEP"),  # the names the sender gives itself come from the parse
    lexicons=("generic-proof",),
    fail=(
        "Hi Jo,\n\nA lot of companies break those contracts once they see our numbers. Can I send details?\n",
        "Hi Jo,\n\nWe work with a lot of restaurants in the area on their card fees. Could I look at your statement?\n",
        "Hi Jo,\n\nMost of our best customers said the same before they tried us. Can I send details?\n",
        "Hi Sam,\n\nCompanies like yours have seen amazing results with us. Worth a look?\n",
        "Hi Jo,\n\nMany of our clients struggled with onboarding before they found us. Can I send details?\n",
        "Hi Al,\n\nThousands of teams trust us with their payroll. Would a short call help?\n",
        "Hi Al,\n\nMany companies in your space already use our payroll app. Would a short call help?\n",
        "Hi Al,\n\nBusinesses everywhere run payroll on our app, and clients see amazing results. Worth a call?\n",
    ),
    passes=(
        "Hi Jo,\n\nWe work with 14 restaurants on Leith Walk, Nando's Leith among them. Could I look at your statement?\n",
        "Hi Sam,\n\nCompanies like yours cut month-end from 10 days to 4 with us. Worth a look?\n",
        "Hi Jo,\n\nBrightline, a 40-person agency, cut onboarding to five days. Can I send the details?\n",
        "Hi Al,\n\nYour payroll runs in four countries. Would a short call on Tuesday help?\n",
    ),
)
def generic_social_proof(ctx: RuleContext) -> Iterator[Finding]:
    names = sender_names(ctx)  # "trusted by thousands, says Acme" names no customer
    for sent in ctx.body_sentences():
        hits = ctx.lexicon_in("generic-proof", sent.start_char, sent.end_char)
        if not hits:
            continue
        rest = [t for t in ctx.tokens_of(sent) if not any(s <= t.idx < e for s, e, _ in hits)]
        if _evidence(rest, names):
            continue
        start, end, _ = hits[0]
        yield ctx.finding(
            start,
            end,
            f"'{ctx.quote(start, end)}' could be sent to anyone",
            Fix("Name the peer and the number: \"Brightline, a 40-person agency, cut onboarding to 5 days\""),
        )

