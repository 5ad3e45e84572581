"""PC001: the seller's company or product, not the reader, is what most sentences are about (dependency parse)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field

from ...analyses.grammar import (
    READER_POSSESSIVES,
    READER_WORDS,
    SUBJECT_DEPS,
    classify,
)
from ...analyses.specifics import names_something
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
    short_message_sentences: int = Field(
        default=3, ge=0,
        description="A message this short (sentences with a subject) is judged without the minimum: it is "
        "product-centric when the seller is the subject of at least half and the reader is never mentioned.",
    )


def _company(subject: Token) -> bool:
    """The company or its product ("we", "our platform", a seller name), not the writer as a person.

    "I noticed your Leeds opening" and "I'm calling because..." are how a person writes; real readers
    judge a message product-centric when the company and its product are what the sentences are about.
    """
    return subject.lower_ != "i" and not any(c.dep_ == "poss" and c.lower_ == "my" for c in subject.children)


# "I noticed", "I saw", "I tried your checkout": the seller reporting on the reader.
_OBSERVING = frozenset({"notice", "see", "read", "hear", "try", "spot", "watch", "visit", "come", "find", "look", "write"})


_READER_MENTIONS = READER_WORDS | READER_POSSESSIVES | {"yours", "yourself"}


def _mentions_reader(ctx: RuleContext) -> bool:
    if ctx.prepared.merge_fields:
        return True  # "Does {{company}} still ...": a field filled with the reader's details
    return any(t.lower_ in _READER_MENTIONS for s in ctx.body_sentences() for t in ctx.tokens_of(s))


def _phrase(subject: Token) -> tuple[int, int]:
    """The subject with its determiners and modifiers ("Our new platform")."""
    left = min([subject.i] + [c.i for c in subject.children if c.i < subject.i and c.dep_ in ("poss", "det", "amod", "compound")])
    doc = subject.doc
    return doc[left].idx, subject.idx + len(subject)


@rule(
    code="PC001",
    name="seller-as-subject",
    summary="Most sentences are about the seller's company or product (we, our platform) instead of the reader.",
    docs=RuleDocs(
        what=(
            "Reads the grammatical subject of every sentence in the body and counts how often it is the seller's "
            "company or product (we, our platform, or a configured seller name) and how often it is the reader "
            "(you, your team). The writer as a person (\"I noticed\", \"I'm calling because\") is not counted: "
            "readers judge a message product-centric by how much of it is about the company and its product. "
            "Flags a message where the seller is the subject of most sentences and the reader rarely is. A "
            "short message (up to three sentences with a subject) is flagged when the seller is the subject of "
            "at least half of them and the reader is not mentioned at all: a two-line pitch is no less about "
            "the sender for being short."
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
        Example("Hi Dana,\n\nWe build scheduling software for clinics. We sync rotas overnight for you. The price is "
                "fair.\n", options={"min-seller-sentences": 2}),
        "Hello,\n\nWe make label printers for small warehouses. The new model prints twice as fast.\n",
        "Our studio designs menus for cafes. Interested?\n",
    ),
    passes=(
        "Hi Dana,\n\nYou mentioned that onboarding takes your team three weeks. Your new reps could be selling "
        "in days instead. Would a 15-minute call on Thursday be useful?\n\nBest,\nSam",
        "Hi Lee,\n\nCongrats on the Series B. Hiring twenty engineers in a quarter is hard. "
        "How are you handling onboarding so far?\n",
        "Hi Ana,\n\nWe met at the Lisbon meetup. You asked how teams like yours cut review time. "
        "Here is the checklist you wanted. Does it match what your team does today?\n",
        "Hello,\n\nWe make label printers. Do your packers still hand-write the Leeds labels?\n",
        "Hi Tess,\n\nI noticed that Bramble is hiring six engineers. Want the laptop checklist?\n",
        "Hi Ruth,\n\nI read your panel notes on month-end. I run finance projects for mid-sized firms. I have one "
        "idea on approvals. Would a 15-minute call on Tuesday help?\n",
        Example("Our studio designs menus for cafes. We print them too. Interested?\n",
                options={"short-message-sentences": 1}),
        Example("Hi Lee,\n\nWe run payroll software for retailers. Our clients pay staff weekly. We added tax filing last "
                "year. The Leeds office handles support. Pricing starts at four pounds a head.\n",
                options={"max-seller-share": 0.7}),
    ),
)
def seller_as_subject(ctx: RuleContext, opts: Options) -> Iterator[Finding]:
    names = ctx.seller_tokens()
    seller: list[Token] = []
    reader = 0
    others = 0  # sentences that name someone or something ("Bramble is hiring"): about the reader's world
    with_subject = 0
    for sent in ctx.body_sentences():
        kinds = []
        for token in ctx.tokens_of(sent):
            if token.dep_ not in SUBJECT_DEPS:
                continue
            head = token.head
            if head.dep_ in ("ROOT", "conj", "ccomp") and sent.start <= head.i < sent.end:
                kinds.append((classify(token, names), token))
        if names_something(ctx.tokens_of(sent)):
            others += 1
        if not kinds:
            continue
        with_subject += 1
        first_seller = next((t for k, t in kinds if k == "seller" and _company(t)), None)
        if first_seller is not None:
            seller.append(first_seller)
        elif any(k == "reader" for k, _ in kinds):
            reader += 1
    if not with_subject or not seller:
        return
    share = len(seller) / with_subject
    if len(seller) < opts.min_seller_sentences:
        # A two-line pitch ("We build X. Our clients love it.") is too short for the count, and just as
        # much about the seller: judge it when the reader appears nowhere in the body. "I noticed that
        # ..." reports on the reader, and a spoken script introduces its caller, so neither counts; a short
        # LinkedIn note is judged by LI001 (a pitch in a connection note).
        observed = sum(1 for t in seller if t.head.lemma_.lower() in _OBSERVING)
        if (ctx.profile in ("script", "linkedin") or with_subject > opts.short_message_sentences or others
                or (len(seller) - observed) / with_subject < 0.5 or _mentions_reader(ctx)):
            return
    elif share <= opts.max_seller_share or reader * 2 >= len(seller):
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
