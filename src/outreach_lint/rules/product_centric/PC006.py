"""PC006 third-party-benefit: The only benefit named goes to someone else ("helps analysts", "your customers will love it")."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...analyses.payoff import has_payoff
from ...analyses.references import READER_PRONOUNS
from ...diagnostics import Finding, Fix
from ...rule import RuleContext, RuleDocs, rule

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Verbs whose subject gets the benefit ("customers will love it") and verbs whose object does ("helps analysts").
# Not "get" or "give": "patients get a reminder", "the template we give customers" describe, they promise nothing.
_SUBJECT_GAINS = frozenset({"love", "enjoy", "benefit", "appreciate", "thank", "gain", "save"})
_OBJECT_GAINS = frozenset({"help", "let", "allow", "enable", "save", "empower", "delight"})
_GAINS = _SUBJECT_GAINS | _OBJECT_GAINS


@rule(
    code="PC006",
    name="third-party-benefit",
    summary="The only benefit named goes to someone else (\"helps analysts\", \"your customers will love it\").",
    docs=RuleDocs(
        what=(
            "Finds the sentences that promise a benefit (a benefit verb such as help, love, enjoy, save, or an "
            "outcome word). Flags a message whose only benefit sentence gives the benefit to a third party "
            "(\"helps analysts ...\", \"your customers will love ...\") named by a people word: the reader's "
            "customers, patients or users (`third-parties` lexicon), or a role such as analysts or nurses "
            "(`staff-roles`) unless it is the reader's own (\"your analysts\"), while nothing says what "
            "changes for the reader. Silent when the reader "
            "is in that sentence (\"analysts like you\", \"so you can ...\") or any sentence promises the reader "
            "something."
        ),
        why=(
            "The reader decides whether to reply on what it does for them. A benefit promised only to their "
            "customers or to some other role leaves them to work out why they should care, and most will not."
        ),
        example="Our tool helps analysts build reports faster. Can we talk?",
        instead=(
            "Say what it changes for the reader: \"Your analysts would hand you the Monday report on Friday, so "
            "you can plan the week before it starts.\""
        ),
        fix_safety=(
            "Advice only: the suggestion carries no edit, so --fix never changes the text. What the benefit means "
            "for the reader is something only the writer knows."
        ),
        sources=(
            "Doctrine section 1 (about them, not about us) and section 2 (the reader's outcome, not features): a "
            "benefit to someone other than the reader is not yet an outcome for them."
        ),
    ),
    regions=("body",),
    requires=("POS", "TAG", "DEP", "LEMMA"),
    profiles=("cold-email", "follow-up", "linkedin", "announcement"),
    lexicons=("third-parties", "staff-roles", "outcome-terms", "payoff"),
    fail=(
        "Hi Sam,\n\nOur tool helps analysts build reports faster. Can we talk on Tuesday?\n",
        "Hi Jo,\n\nWe added a booking page to the app. Your customers will love it. Worth a look?\n",
        "Hi Al,\n\nThe new portal allows patients to book their own visits. Would a demo help?\n",
    ),
    passes=(
        "Hi Sam,\n\nOur tool helps analysts like you build reports faster. Can we talk on Tuesday?\n",
        "Hi Jo,\n\nYour customers will love the booking page, and you will stop taking bookings by phone. Worth a look?\n",
        "Hi Al,\n\nThe portal lets patients book their own visits. Your front desk saves two hours a day. Would a demo help?\n",
        "Hi Kim,\n\nYour customers asked for a booking page last month. Is that still on your list?\n",
    ),
)
def third_party_benefit(ctx: RuleContext) -> Iterator[Finding]:
    benefits = [sent for sent in ctx.body_sentences() if _promises(ctx, sent)]
    if len(benefits) != 1:
        return  # no benefit at all is another rule's concern; several leave room for the reader's own
    sent = benefits[0]
    if has_payoff(ctx, sent):
        return
    party = _third_party(ctx, sent)
    if party is None:
        return
    start, end = ctx.trimmed(sent)
    yield ctx.finding(
        start, end,
        f"the only benefit named goes to '{party.text}', not to the reader",
        Fix("Add what it changes for the reader: \"so you can ...\", in their words"),
    )


def _promises(ctx: RuleContext, sent: Span) -> bool:
    """The sentence promises a benefit: a benefit verb in a present or future statement, or an outcome word.

    A question without the reader in it is the ask ("Would a demo help?"), not a promise; one that names
    the reader ("Would it help your team to ...?") may promise them something, so it counts.
    """
    tokens = ctx.tokens_of(sent)
    if ctx.text[sent.start_char : sent.end_char].rstrip().endswith("?") and not any(
        t.lower_ in READER_PRONOUNS for t in tokens
    ):
        return False
    for token in tokens:
        if token.pos_ == "VERB" and token.lemma_ in _GAINS and token.tag_ != "VBD":
            return True
    return bool(ctx.lexicon_in("outcome-terms", sent.start_char, sent.end_char)) or has_payoff(ctx, sent)


def _third_party(ctx: RuleContext, sent: Span) -> Token | None:
    """The people word that gets the benefit in ``sent``, if it is not the reader ("analysts like you")."""
    tokens = ctx.tokens_of(sent)
    # "like you", "for you", "so you can": the reader is in the sentence, so the benefit may be theirs.
    if any(t.lower_ in READER_PRONOUNS - {"your"} for t in tokens):
        return None
    s, e = sent.start_char, sent.end_char
    parties = {h[0] for h in ctx.lexicon_in("third-parties", s, e)}
    roles = {h[0] for h in ctx.lexicon_in("staff-roles", s, e)}
    for token in tokens:
        theirs = token.idx in roles and not any(c.lower_ == "your" for c in token.children if c.dep_ == "poss")
        if (token.idx in parties or theirs) and _gains(token):
            verb = token.head
            # An outcome outside what the party gains is the reader's ("It cuts no-shows, because patients
            # get a reminder"): the message does say what changes for them.
            own = range(verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge))
            if any(h[0] not in own for h in ctx.lexicon_in("outcome-terms", s, e)):
                return None
            return token
    return None


def _gains(token: Token) -> bool:
    """``token`` is who a benefit verb benefits: "customers will love", "helps analysts", "lets patients book"."""
    head = token.head
    if head.i == token.i:
        return False
    if token.dep_ in ("nsubj", "nsubjpass") and head.lemma_ in _SUBJECT_GAINS:
        return True
    if token.dep_ in ("dobj", "dative") and head.lemma_ in _OBJECT_GAINS:
        return True
    # "helps analysts build", "lets patients book": the party is the subject of the verb the benefit allows.
    return token.dep_ == "nsubj" and head.dep_ in ("ccomp", "xcomp") and head.head.lemma_ in _OBJECT_GAINS
