"""PC004 self-centred-opening: The first sentence is about the sender: a self-introduction, an empty pleasantry, an apology, or a pitch."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...analyses.grammar import SUBJECT_DEPS, classify
from ...analyses.references import READER_PRONOUNS
from ...diagnostics import Finding, Fix, TextEdit
from ...rule import Example, RuleContext, RuleDocs, rule

if TYPE_CHECKING:
    from spacy.tokens import Span


def _covers_sentence(sent: Span, start: int, end: int) -> bool:
    """The match is the whole sentence, give or take punctuation and one filler word ("Hi,")."""
    outside = [t for t in sent if t.is_alpha and not (start <= t.idx < end)]
    return len(outside) <= 1 and all(t.lower_ in {"and", "so", "also", "hi", "hey", "hello", "just", "again"} for t in outside)


def _removal(sent: Span, following: Span | None) -> Fix | None:
    """Delete the pleasantry and the space after it, up to the next sentence."""
    if following is None:
        return None
    return Fix("Remove the pleasantry and open with something about the reader",
               (TextEdit(sent.start_char, following.start_char, ""),), safe=True)


@rule(
    code="PC004",
    name="self-centred-opening",
    summary="The first sentence is about the sender: a self-introduction, an empty pleasantry, an apology, or a pitch.",
    docs=RuleDocs(
        what=(
            "Reads the first sentence of the body. Flags a self-introduction (\"My name is\", \"I'm reaching "
            "out because\", \"I work at Acme as...\", \"This is Sam from Acme\"), a pleasantry that says nothing (\"I "
            "hope this email finds you well\", \"Happy Valentine's Day!\"), an apology for writing (\"Sorry to bother you\"), or a pitch "
            "whose subject is the seller (\"We help...\", \"Our platform provides...\") before any sign of the "
            "reader. An empty pleasantry can be removed safely with --fix."
        ),
        why=(
            "The opening line is all most readers see in the preview. Spent on the sender, it tells them the "
            "message is about someone else; spent on them, it earns the second line."
        ),
        example="I hope this email finds you well. My name is Sam and I'm reaching out from Acme.",
        instead="Open with the reader: \"Saw that Northwind is opening a second warehouse in Leeds.\"",
        fix_safety=(
            "Safe for an empty pleasantry (\"I hope this email finds you well\") that is the whole first "
            "sentence with another sentence after it: --fix deletes it and the space up to the next sentence, "
            "which then opens the message. A pleasantry that is the message's only sentence, a "
            "self-introduction and a pitch get advice only: removing them would leave nothing, or drop facts "
            "the writer may want elsewhere."
        ),
        sources=(
            "Doctrine section 1 (an opening sentence about the sender: self-introductions, pleasantries that "
            "say nothing, a pitch before any sign of the reader) and section 9 (empty openers on calls)."
        ),
    ),
    requires=("DEP", "POS"),
    profiles=("cold-email", "follow-up", "linkedin", "announcement"),
    lexicons=("self-intro", "pleasantry", "apology-opening", "pitch-verbs"),
    fail=(
        Example(
            "Hi Dana,\n\nI hope this email finds you well. Your team posted three analyst roles. Worth a chat?\n",
            fixed="Hi Dana,\n\nYour team posted three analyst roles. Worth a chat?\n",
        ),
        Example(
            "Hi Dana,\n\nHappy Valentine's Day! Your team posted three analyst roles. Worth a chat?\n",
            fixed="Hi Dana,\n\nYour team posted three analyst roles. Worth a chat?\n",
        ),
        "Hi Lee,\n\nMy name is Sam and I am reaching out from Acme. Your invoices take a week to approve. "
        "Want to see a faster way?\n",
        "Hi Ana,\n\nWe help logistics companies cut fuel costs with route planning. Would a call on Tuesday work?\n",
        "Hi Raj,\n\nOur platform provides real-time analytics for finance teams. Can I send a demo video?\n",
        "Hi Mo,\n\nI work at Brightline as an account executive. Your clinic added Saturday hours. Worth a chat?\n",
        "Hi Mo,\n\nThis is Priya from Brightline. Your clinic added Saturday hours. Worth a chat?\n",
        "Hi Mo,\n\nSorry to bother you with a cold email. Your clinic added Saturday hours. Worth a chat?\n",
        "Hi Mo,\n\nHope all is well on your end! Your clinic added Saturday hours. Could we talk Friday at 9?\n",
        "Hi Mo,\n\nI hope you and your family are safe and healthy. Your clinic added Saturday hours. Worth a chat?\n",
        "Hi Mo,\n\nI trust this note finds you in good health and high spirits. Your clinic added Saturday hours. "
        "Worth a chat?\n",
    ),
    passes=(
        "Hi Dana,\n\nYour team posted three analyst roles this month. Worth a chat about the reporting load?\n",
        "Hi Lee,\n\nI saw your post about invoice approvals taking a week. Want to see how others cut it to a day?\n",
        "Hi Ana,\n\nWe met at the Lisbon meetup last month. You asked about fuel costs; here is the study. "
        "Does it match what you see?\n",
        "Hi Raj,\n\nI hope the migration went smoothly. How are the new dashboards landing with your team?\n",
        "Hi Raj,\n\nI worked with Dana Lee at Corvid on your migration. How are the new dashboards landing?\n",
        "Hi Raj,\n\nI'm sorry to hear the migration slipped. How are the new dashboards landing with your team?\n",
        "Hi Raj,\n\nI was at the Leeds expo with Ana from Corvid. How are the new dashboards landing with your team?\n",
        "Hi Raj,\n\nI ran corvid.io through a speed test this morning. Your pricing page takes nine seconds to load. "
        "Want the three files that cause it?\n",
    ),
)
def self_centred_opening(ctx: RuleContext) -> Iterator[Finding]:
    sentences = ctx.body_sentences()
    first = next(sentences, None)
    if first is not None and _greeting_only(ctx, first):
        first = next(sentences, None)  # "Hey! Hope you're well.": the opening is what follows the greeting
    if first is None:
        return
    following = next(sentences, None)
    s, e = first.start_char, first.end_char
    for start, end, _ in ctx.lexicon_in("pleasantry", s, e):
        if _covers_sentence(first, start, end):
            fix = _removal(first, following) or Fix("Open with something about the reader instead")
            yield ctx.finding(
                start,
                end,
                f"opens with an empty pleasantry: '{ctx.quote(start, end)}'",
                fix,
            )
            return
    words = [t for t in ctx.tokens_of(first) if t.is_alpha]
    head = words[3].idx if len(words) > 3 else e
    for start, end, _ in ctx.lexicon_in("self-intro", s, e):
        if start <= head:
            yield ctx.finding(
                start,
                end,
                f"opens with a self-introduction: '{_opening_words(ctx, first, 6)}'",
                Fix("Move who you are to the signature and open with one fact about the reader's situation"),
            )
            return
    intro = _introduction(ctx, first)
    if intro is not None:
        yield ctx.finding(
            *intro,
            f"opens with a self-introduction: '{_opening_words(ctx, first, 6)}'",
            Fix("Move who you are to the signature and open with one fact about the reader's situation"),
        )
        return
    for start, end, _ in ctx.lexicon_in("apology-opening", s, e):
        yield ctx.finding(
            start, end,
            f"opens with an apology: '{ctx.quote(start, end)}'",
            Fix("Drop the apology: a message worth their time needs none. Open with one fact about the reader"),
        )
        return
    pitch = _pitch(ctx, first)
    if pitch is not None:
        yield ctx.finding(
            *pitch,
            f"opens with a pitch: '{_opening_words(ctx, first, 7)}'",
            Fix("Open with the reader's situation (\"Your team posted three analyst roles\"), then say what changes "
                "for them"),
        )


def _opening_words(ctx: RuleContext, sent: Span, limit: int = 8) -> str:
    words = [t for t in sent if not t.is_space]
    shown = words[:limit]
    text = ctx.quote(shown[0].idx, shown[-1].idx + len(shown[-1]))
    return text + ("…" if len(words) > limit else "")


_GREETING_WORDS = frozenset({"hi", "hey", "hello", "hiya", "howdy", "greetings", "there", "all", "team", "folks"})


def _greeting_only(ctx: RuleContext, sent: Span) -> bool:
    words = [t for t in ctx.tokens_of(sent) if t.is_alpha]
    return bool(words) and len(words) <= 2 and all(t.lower_ in _GREETING_WORDS for t in words)


# Verbs of a sentence that says who the sender is: "I work at Acme", "I lead partnerships at Acme", "I
# represent Acme", "This is Sam from Acme".
_INTRO_VERBS = frozenset({"be", "work", "lead", "run", "head", "represent", "manage", "handle", "oversee", "own"})
# Words that place a person at a company or in a job.
_AT = frozenset({"at", "from", "with", "for"})


def _introduction(ctx: RuleContext, sent: Span) -> tuple[int, int] | None:
    """(start, end) of an opening that says who the sender is and where they work: "I work at Acme as an
    account executive", "This is Sam from Acme", "Sam here from Acme". The reader is absent from it."""
    tokens = ctx.tokens_of(sent)
    if any(t.lower_ in READER_PRONOUNS for t in tokens):
        return None
    root = sent.root
    subjects = [c for c in root.children if c.dep_ in SUBJECT_DEPS]
    speaker = any(c.lower_ == "i" for c in subjects) or (
        root.lemma_ == "be" and any(c.lower_ == "this" for c in subjects)
        and any(c.dep_ == "attr" and c.pos_ == "PROPN" for c in root.children))
    here = any(t.lower_ == "here" and t.i > 0 and ctx.doc[t.i - 1].pos_ == "PROPN" and t.i - sent.start <= 2
               for t in tokens)  # "Sam here from Acme"
    # Present tense only: "I was at the expo with Ana from Corvid" tells a shared moment, not who I am; and
    # "be" needs a complement ("I'm the account manager at Acme"), not just a place.
    present = root.tag_ in ("VBP", "VBZ")
    if root.lemma_ == "be":
        present = present and any(c.dep_ in ("attr", "acomp") for c in root.children)
    if not (here or (speaker and present and root.lemma_.lower() in _INTRO_VERBS)):
        return None
    # Somewhere they work: "at/from/with Acme", "I represent Acme", or the seller's name from the config.
    names = ctx.seller_tokens()
    placed = any(t.lower_ in _AT and any(c.pos_ == "PROPN" for c in t.children) for t in tokens) or any(
        t.i in names for t in tokens) or any(c.dep_ == "dobj" and c.pos_ == "PROPN" for c in root.children)
    if not placed:
        return None
    return ctx.trimmed(sent)


def _pitch(ctx: RuleContext, sent: Span) -> tuple[int, int] | None:
    """(start, end) of "We help" / "Our platform provides" when the seller pitches and the reader is absent."""
    tokens = ctx.tokens_of(sent)
    if any(t.lower_ in READER_PRONOUNS for t in tokens):
        return None
    if any(t.lower_ == "both" for t in tokens):
        return None  # "we were both at the Antwerp session": the writer and the reader, not the seller
    if any(f.start < sent.end_char and sent.start_char < f.end for f in ctx.prepared.merge_fields):
        return None
    root = sent.root
    verbs = {h[0] for h in ctx.lexicon_in("pitch-verbs", sent.start_char, sent.end_char)}
    if root.idx not in verbs:
        return None
    names = ctx.seller_tokens()
    for child in root.children:
        # "I'm sorry to hear...", "I was at the expo with Ana": a person's "I am" is no pitch; "We are" is.
        if child.lower_ == "i" and (root.lemma_ == "be" or root.tag_ not in ("VBP", "VBZ")):
            continue  # ... and "I ran your site through a speed test" reports, it does not pitch
        if child.dep_ in SUBJECT_DEPS and classify(child, names) == "seller":
            left = min([child.i] + [c.i for c in child.children if c.i < child.i])
            return ctx.doc[left].idx, root.idx + len(root)
    return None

