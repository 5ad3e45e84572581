"""PC001: the seller, not the reader, is who most sentences are about (dependency parse)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field

from ...analyses.grammar import (
    SUBJECT_DEPS,
    classify,
)
from ...diagnostics import Finding, Fix
from ...rule import Example, RuleContext, RuleDocs, RuleOptions, rule, short

if TYPE_CHECKING:
    from spacy.tokens import Token


class Options(RuleOptions):
    min_seller_sentences: int = Field(
        default=3, ge=1,
        description="Fewer seller-subject sentences than this is too little evidence to judge a message by.",
    )
    max_seller_share: float = Field(
        default=0.5, ge=0, le=1,
        description="Share of sentences with a clear subject in which the seller is that subject.",
    )


def _phrase(subject: Token) -> tuple[int, int]:
    """The subject with its determiners and modifiers ("Our new platform")."""
    left = min([subject.i] + [c.i for c in subject.children if c.i < subject.i and c.dep_ in ("poss", "det", "amod", "compound")])
    doc = subject.doc
    return doc[left].idx, subject.idx + len(subject)


@rule(
    code="PC001",
    name="seller-as-subject",
    summary="Most sentences are about the seller (we, I, our product) instead of the reader.",
    docs=RuleDocs(
        what=(
            "Reads the grammatical subject of every sentence in the body and counts how often it is the seller "
            "(I, we, our product, or a configured seller name) and how often it is the reader (you, your team). "
            "Flags a message where the seller is the subject of most sentences and the reader rarely is."
        ),
        why=(
            "A reader decides in seconds whether a message is about them. Sentence after sentence that starts "
            "with 'We' or 'Our platform' tells them it is about the sender, and their attention goes elsewhere."
        ),
        example="We are a data company. Our platform connects to 200 tools. We offer alerts. I would love to chat.",
        instead=(
            "Make the reader the subject: 'Your analysts spend Mondays rebuilding reports. You could have them "
            "ready at 8am instead. Worth a look?'"
        ),
        fix_safety=(
            "Advice only: the suggestion carries no edit, so --fix never changes the text. Turning a sentence "
            "around to the reader changes what it says."
        ),
        sources=(
            "Doctrine section 1, \"About them, not about us\": the seller as the grammatical subject of most "
            "sentences while the reader rarely is. The thresholds (3 seller sentences, more than half) were "
            "tuned on the labelled corpus in tests/corpus."
        ),
    ),
    regions=("body",),
    requires=("DEP", "POS"),
    # A polite close ("I'll close your file here") is about the sender by nature.
    unless=("polite-close",),
    options=Options,
    fail=(
        "Hi Dana,\n\nWe are a leading analytics company. Our platform connects to 200 data sources. "
        "We offer dashboards, alerts and SSO. I would love to show you a demo next week.\n\nBest,\nSam",
        "Subject: Introducing Acme\n\nHello,\n\nI am the founder of Acme. We built a scheduling tool last year. "
        "Our team has grown to forty people. We would like to set up a call.\n",
        "Hi Lee,\n\nOur software automates invoicing. Our customers love it. We integrate with your ERP. "
        "We can also import your history. Can we talk on Friday?\n",
        Example("Hi Dana,\n\nWe build scheduling software for clinics. We sync rotas overnight. The price is fair.\n",
                options={"min-seller-sentences": 2}),
    ),
    passes=(
        "Hi Dana,\n\nYou mentioned that onboarding takes your team three weeks. Your new reps could be selling "
        "in days instead. Would a 15-minute call on Thursday be useful?\n\nBest,\nSam",
        "Hi Lee,\n\nCongrats on the Series B. Hiring twenty engineers in a quarter is hard. "
        "How are you handling onboarding so far?\n",
        "Hi Ana,\n\nWe met at the Lisbon meetup. You asked how teams like yours cut review time. "
        "Here is the checklist you wanted. Does it match what your team does today?\n",
        Example("Hi Lee,\n\nWe run payroll software for retailers. Our clients pay staff weekly. We added tax filing last "
                "year. The Leeds office handles support. Pricing starts at four pounds a head.\n",
                options={"max-seller-share": 0.7}),
    ),
)
def seller_as_subject(ctx: RuleContext, opts: Options) -> Iterator[Finding]:
    names = ctx.seller_tokens()
    seller: list[Token] = []
    reader = 0
    with_subject = 0
    for sent in ctx.body_sentences():
        kinds = []
        for token in ctx.tokens_of(sent):
            if token.dep_ not in SUBJECT_DEPS:
                continue
            head = token.head
            if head.dep_ in ("ROOT", "conj", "ccomp") and sent.start <= head.i < sent.end:
                kinds.append((classify(token, names), token))
        if not kinds:
            continue
        with_subject += 1
        first_seller = next((t for k, t in kinds if k == "seller"), None)
        if first_seller is not None:
            seller.append(first_seller)
        elif any(k == "reader" for k, _ in kinds):
            reader += 1
    if len(seller) < opts.min_seller_sentences or not with_subject:
        return
    share = len(seller) / with_subject
    if share <= opts.max_seller_share or reader * 2 >= len(seller):
        return
    start, end = _phrase(seller[0])
    said = ", ".join(dict.fromkeys(ctx.quote(*_phrase(t)) for t in seller))
    yield ctx.finding(
        start,
        end,
        f"seller is the subject of {len(seller)}/{with_subject} sentences, reader of {reader} ({short(said, 30)})",
        Fix("Rewrite around the reader's situation, with the reader as the subject: \"We offer faster exports\" "
            "becomes \"Your exports could take minutes\""),
    )
