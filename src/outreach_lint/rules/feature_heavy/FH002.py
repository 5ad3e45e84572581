"""FH002 feature-list: A list of product features with no sentence tying them to the reader's outcome."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field

from ...analyses.grammar import classify
from ...analyses.payoff import LEXICONS as PAYOFF_LEXICONS
from ...analyses.payoff import has_payoff
from ...analyses.references import READER_PRONOUNS
from ...diagnostics import Finding, Fix
from ...regions import LIST_ITEM
from ...rule import Example, RuleContext, RuleDocs, RuleOptions, rule, short

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


_LIST_ADVICE = "Keep the feature that matters to them and say what it does: \"Alerts tell your team about a late order first\""


_ITEM_MAX_WORDS = 6


def _outcome_near(ctx: RuleContext, start: int, end: int) -> bool:
    """A sentence overlapping ``[start, end)`` or next to it says what changes for the reader."""
    sentences, starts, ends = ctx.memo("fh002_body_sentences", lambda: _sentence_bounds(ctx))
    # Sentences are in text order and never overlap, so those overlapping the span are one run, found by
    # bisection: a scan of every sentence for each list made a message of many lists quadratic.
    first = bisect.bisect_right(ends, start)
    last = bisect.bisect_left(starts, end) - 1
    if first > last:
        return False
    return any(has_payoff(ctx, sent) for sent in sentences[max(0, first - 1) : last + 2])


def _sentence_bounds(ctx: RuleContext) -> tuple[list[Span], list[int], list[int]]:
    sentences = list(ctx.body_sentences())
    return sentences, [s.start_char for s in sentences], [s.end_char for s in sentences]


def _bullet_runs(ctx: RuleContext) -> Iterator[list[tuple[int, int]]]:
    """Runs of consecutive bullet lines in the body, as (start, end) of each item's text."""
    body = ctx.region("body")
    if body is None:
        return
    run: list[tuple[int, int]] = []
    pos = body.start
    for line in ctx.text[body.start : body.end].split("\n"):
        m = LIST_ITEM.match(line)
        if m:
            run.append((pos + m.end(), pos + len(line.rstrip())))
        else:
            if run:
                yield run
            run = []
        pos += len(line) + 1
    if run:
        yield run


def _is_feature_item(ctx: RuleContext, start: int, end: int) -> bool:
    """A short noun phrase ("Real-time alerts"), not a sentence ("Cut your close to 3 days")."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    tokens = ctx.tokens_of(span)
    words = [t for t in tokens if t.is_alpha]
    if not words or len(words) > _ITEM_MAX_WORDS:
        return False
    if any(t.lower_ in READER_PRONOUNS for t in tokens):
        return False
    return not any(t.pos_ in ("VERB", "AUX") and t.tag_ != "VBN" for t in tokens)


def _chain(token: Token) -> list[Token]:
    return sorted([token, *token.conjuncts], key=lambda t: t.i)


# Verbs that introduce a list of what a product has ("includes", "offers", "comes with").
_LISTING_VERBS = frozenset("include offer have feature provide support add come bring give get pack boast deliver".split())


# What the seller calls its product when it is the subject ("The platform includes...").
_PRODUCT_NOUNS = frozenset("platform product software tool solution suite app version release system service portal module it this".split())


def _listing_verb(token: Token) -> Token | None:
    """The verb a noun list hangs from ("offers" in "Our platform offers A, B and C")."""
    node = token
    for _ in range(3):
        if node.dep_ not in ("dobj", "pobj", "prep", "attr", "appos", "nsubjpass") or node.head is node:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node if node.lemma_ in _LISTING_VERBS else None
    return None


def _product_subject(verb: Token, names: set[int]) -> bool:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return classify(child, names) == "seller" or child.lemma_.lower() in _PRODUCT_NOUNS
    return False


class ListOptions(RuleOptions):
    min_items: int = Field(
        default=3, ge=2,
        description="Three items is where a list starts to read as a spec sheet.",
    )


@rule(
    code="FH002",
    name="feature-list",
    summary="A list of product features with no sentence tying them to the reader's outcome.",
    docs=RuleDocs(
        what=(
            "Finds feature lists: bullet lists of short noun phrases, and comma chains of nouns that either hold "
            "two feature terms (\"dashboards, alerts, SSO and 200+ integrations\") or hang from a listing verb "
            "whose subject is the product (\"Our platform offers scheduling, time tracking and payroll\"). Flags a list of "
            "`min-items` or more (default 3) when neither its own sentence nor the ones next to it say what "
            "changes for the reader (\"so you can\", \"which means\", an outcome next to you/your)."
        ),
        why=(
            "Customers think in problems and results, not in spec sheets. A list of features leaves the reader "
            "to work out why any of it matters to them, and few will."
        ),
        example="Our platform includes dashboards, alerts, SSO and 200+ integrations.",
        instead="Pick the feature that matters to them and say what it does: \"Alerts tell your team about a late "
        "shipment before the customer calls.\"",
        fix_safety=(
            "Advice only: the suggestion carries no edit, so --fix never changes the text. Saying what a "
            "feature changes for the reader needs facts about the reader."
        ),
        sources=(
            "Doctrine section 2: lists of product capabilities with no sentence saying what changes for the "
            "reader. Three items is where a list starts to read as a spec sheet; the default was checked "
            "against the labelled corpus in tests/corpus."
        ),
    ),
    requires=("POS", "TAG", "DEP", "LEMMA"),
    options=ListOptions,
    lexicons=("feature-terms", *PAYOFF_LEXICONS),
    fail=(
        "Hi Sam,\n\nOur platform includes dashboards, alerts, SSO and 200+ integrations. Worth a look?\n",
        "Hi Jo,\n\nHere is what you get:\n\n- Real-time dashboards\n- Custom alerts\n- Role-based permissions\n"
        "- Native integrations\n\nCan we talk on Tuesday?\n",
        "Hi Al,\n\nVersion 5 adds AI-powered forecasting, automated workflows, a new API and SSO. Want a demo?\n",
        Example("Hi Sam,\n\nOur platform includes real-time dashboards and SSO. Worth a look?\n", options={"min-items": 2}),
    ),
    passes=(
        "Hi Sam,\n\nOur dashboards, alerts and integrations mean your team sees a late shipment before the "
        "customer calls. Worth a look?\n",
        "Hi Jo,\n\nThree things would change for your team:\n\n- Month-end closes in two days\n- No more "
        "re-keying invoices\n- Audits take an afternoon\n\nCan we talk on Tuesday?\n",
        "Hi Al,\n\nWe work with banks, insurers and credit unions in your region. Want the case study?\n",
        Example("Hi Jo,\n\nOur platform includes dashboards, alerts, SSO and 200+ integrations. Worth a look?\n",
                options={"min-items": 5}),
    ),
)
def feature_list(ctx: RuleContext, opts: ListOptions) -> Iterator[Finding]:
    for run in _bullet_runs(ctx):
        items = [it for it in run if it[1] > it[0] and _is_feature_item(ctx, *it)]
        if len(items) < opts.min_items:
            continue
        if not any(ctx.lexicon_in("feature-terms", s, e) for s, e in items):
            continue
        start, end = run[0][0], run[-1][1]
        if _outcome_near(ctx, start, end):
            continue
        shown = ", ".join(ctx.quote(s, e) for s, e in items[:4])
        yield ctx.finding(
            start,
            end,
            f"{len(items)} features and no payoff for the reader: '{short(shown, 45)}'",
            Fix(_LIST_ADVICE),
        )
    seen: set[int] = set()
    names = ctx.seller_tokens()
    for sent in ctx.body_sentences():
        yield from _chains(ctx, sent, opts.min_items, seen, names)


def _chains(ctx: RuleContext, sent: Span, min_items: int, seen: set[int], names: set[int]) -> Iterator[Finding]:
    # A chain is a first conjunct and the tokens attached to it as "conj": start from those heads only.
    heads = sorted({t.head.i for t in ctx.tokens_of(sent) if t.dep_ == "conj"})
    for i in heads:
        token = ctx.tokens[i]
        if token.i in seen or token.pos_ not in ("NOUN", "PROPN"):
            continue
        chain = _chain(token)
        seen.update(t.i for t in chain)
        if len(chain) < min_items or any(t.pos_ not in ("NOUN", "PROPN") for t in chain):
            continue
        features = [t for t in chain if ctx.lexicon_in("feature-terms", t.left_edge.idx, t.idx + len(t))]
        verb = _listing_verb(chain[0])
        listed = verb is not None and (bool(features) or _product_subject(verb, names))
        # "... with reporting, messaging and integrations": a spec list hanging off "with".
        listed = listed or (chain[0].dep_ == "pobj" and chain[0].head.lower_ == "with" and bool(features))
        if len(features) < 2 and not listed:
            continue
        start = chain[0].left_edge.idx
        end = chain[-1].idx + len(chain[-1])
        if _outcome_near(ctx, start, end):
            continue
        yield ctx.finding(
            start,
            end,
            f"{len(chain)} features and no payoff for the reader: '{short(ctx.quote(start, end), 45)}'",
            Fix(_LIST_ADVICE),
        )

