"""Where a message stands in a thread: what it refers back to, whether it closes, what it adds.

Four facts the follow-up rules share:

- **refers back**: phrases that point at an earlier message of the sender's ("following up",
  "circling back", "my last note", "had a chance to look").
- **guilt**: the reader as the subject of a receive / see / read verb whose object is the sender's
  earlier message ("not sure you saw my note", "wanted to make sure you received my email"), found from
  the parse in any frame, beside the stock phrases of the ``guilt`` lexicon.
- **close**: a polite close of the thread, found by its structure: the sender, in the future tense,
  stops, closes or assumes ("I'll close your file", "I won't follow up again"), or calls this the last
  note, and asks for no new meeting.
- **substance**: whether anything in the message is new to the reader: a number, a name, a link, a
  resource, or a question about the reader's situation, outside the sentences that only refer back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .references import READER_PRONOUNS
from .specifics import checkable

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..rule import RuleContext

LEXICONS = ("refers-back", "guilt", "thread-close", "resource-terms", "reader-blame")

# What the reader is blamed for not having received, seen or read.
_RECEIVE_VERBS = frozenset({
    "get", "receive", "see", "read", "open", "review", "check", "catch", "notice", "look", "think", "consider",
})
# What happens to the sender's message when the reader is blamed for it: "my note slipped past you".
_LOST_VERBS = frozenset({"bury", "slip", "lose", "miss", "fall", "sink", "disappear", "vanish", "drown"})
_SENT_VERBS = frozenset({"send", "write", "share", "mention", "propose", "forward"})
_MESSAGE_NOUNS = frozenset({
    "email", "e-mail", "mail", "message", "note", "voicemail", "letter", "proposal", "offer", "invitation",
    "invite", "inmail", "request", "deck", "quote",
})
_EARLIER = frozenset({"last", "previous", "earlier", "recent", "other", "first", "second", "original"})
_SELLER_OWNERS = frozenset({"my", "our"})
# A close: the sender stops or assumes ...
_CLOSE_VERBS = frozenset({"stop", "close", "assume", "leave", "step", "pause", "remove", "end"})
# ... or will not do again what they have been doing.
_CONTINUE_VERBS = frozenset({"follow", "reach", "email", "write", "contact", "bother", "send", "message", "chase", "call", "pester"})
_FUTURE = frozenset({"will", "'ll", "’ll", "shall", "wo", "going"})
_NEGATIONS = frozenset({"not", "n't", "n’t", "never"})
_CONDITIONS = frozenset({"if", "unless", "should", "whenever"})
# What the reader has not done when a close is an ultimatum: "if I don't hear back", "if you don't reply".
_ANSWER_VERBS = frozenset({"hear", "reply", "respond", "answer", "write"})
_SELLER_SUBJECTS = frozenset({"i", "we"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


@dataclass(frozen=True)
class Thread:
    refers_back: tuple[tuple[int, int], ...]  # phrases that point at an earlier message, in text order
    guilt: tuple[tuple[int, int], ...]  # the reader blamed for not answering, found from the parse
    close: tuple[int, int] | None  # the sentence that politely closes the thread
    adds_substance: bool  # something new to the reader outside the refer-back sentences


def compute(ctx: RuleContext) -> Thread:
    sentences = list(ctx.body_sentences())
    refers = tuple((s, e) for s, e, _ in ctx.lexicon("refers-back") if _in_body(ctx, s, e))
    guilt = tuple(span for sent in sentences if (span := _guilt(ctx, sent)) is not None)
    return Thread(
        refers_back=refers,
        guilt=guilt,
        close=_close(ctx, sentences),
        adds_substance=_adds_substance(ctx, sentences, refers, guilt),
    )


def _in_body(ctx: RuleContext, start: int, end: int) -> bool:
    return ctx.in_region("body", start, end) and not ctx.prepared.in_url(start, end)


def _guilt(ctx: RuleContext, sent: Span) -> tuple[int, int] | None:
    """The reader as the one who got, saw or read the sender's earlier message, in one sentence; or the
    sender's message as lost on the reader ("my earlier email got buried", "my note slipped past you")."""
    for token in ctx.tokens_of(sent):
        if token.lemma_.lower() in _LOST_VERBS and token.pos_ in ("VERB", "AUX"):
            lost = [c for c in _subjects(token) if c.lemma_.lower() in _MESSAGE_NOUNS and _senders(c)]
            if lost:
                start = min(t.idx for t in token.subtree)
                return min(start, lost[0].idx), max(t.idx + len(t) for t in token.subtree)
    for token in ctx.tokens_of(sent):
        if token.lemma_.lower() not in _RECEIVE_VERBS or token.pos_ not in ("VERB", "AUX"):
            continue
        if not _reader_is_subject(token):
            continue
        for obj in token.subtree:
            if obj.dep_ in ("dobj", "pobj", "nsubjpass") and (
                (obj.lemma_.lower() in _MESSAGE_NOUNS and _senders(obj)) or _what_was_sent(obj)
            ):
                start = min(t.idx for t in token.subtree)
                end = max(t.idx + len(t) for t in token.subtree)
                subject = next(c for c in _subjects(token))
                return min(start, subject.idx), end
    return None


def _subjects(token: Token) -> list[Token]:
    """The subject of a verb, or of the verb it hangs off ("you had a chance to read" -> you)."""
    for t in (token, token.head, token.head.head):
        found = [c for c in t.children if c.dep_ in _SUBJECT_DEPS]
        if found:
            return found
        if t.dep_ == "ROOT":
            break
    return []


def _reader_is_subject(token: Token) -> bool:
    return any(s.lower_ in READER_PRONOUNS for s in _subjects(token))


def _what_was_sent(token: Token) -> bool:
    """"What I sent": a clause whose verb is the sender sending, writing or sharing."""
    verb = token.head if token.lower_ == "what" else token
    return verb.lemma_.lower() in _SENT_VERBS and any(
        c.dep_ in _SUBJECT_DEPS and c.lower_ in _SELLER_SUBJECTS for c in verb.children
    )


def _senders(noun: Token) -> bool:
    """The seller's earlier message: "my note", "the last email", "the email I sent"."""
    for child in noun.children:
        if child.dep_ == "poss" and child.lower_ in _SELLER_OWNERS:
            return True
        if child.dep_ == "amod" and child.lower_ in _EARLIER:
            return True
        if child.dep_ == "relcl" and any(c.lower_ in _SELLER_SUBJECTS for c in child.children if c.dep_ in _SUBJECT_DEPS):
            return True
    return False


def _close(ctx: RuleContext, sentences: list[Span]) -> tuple[int, int] | None:
    meeting_asked = any(a.kind != "vague" and "meeting" in a.actions for a in ctx.asks) if ctx.can("asks") else False
    if meeting_asked:
        return None  # a breakup that books a call is not closing anything
    if ctx.lexicon("reader-blame"):
        return None  # "you just don't care ... I'll take you off my list" closes, but not politely
    stock = ctx.lexicon("thread-close")
    for sent in sentences:
        tokens = ctx.tokens_of(sent)
        if any(t.lower_ == "unless" for t in tokens):
            continue  # "I'll assume you're not interested unless you reply" is an ultimatum, not a close
        if any(t.lemma_.lower() == "assume" and _blames_reader(t) for t in tokens):
            continue  # "... I'll assume you're not interested and close your file": the close carries blame
        phrases = [s for s, e, _ in stock if sent.start_char <= s and e <= sent.end_char]
        if phrases and _unconditional(tokens, min(phrases)) or _closes(tokens):
            return ctx.trimmed(sent)
    return None


def _unconditional(tokens: list[Token], at: int) -> bool:
    """No silence is made the condition of the stock close: "If I don't hear back by Friday, I'll close your
    file" is an ultimatum. "If the timing is wrong, I'll stop here" and "I'll close your file, but reply
    if it comes up again" are polite: their condition is the reader's situation, or comes after."""
    before = [t for t in tokens if t.idx < at]
    conditioned = any(t.lower_ in _CONDITIONS for t in before)
    silence = any(t.lemma_.lower() in _ANSWER_VERBS for t in before) and any(
        t.dep_ == "neg" or t.lower_ in _NEGATIONS for t in before)
    return not (conditioned and silence)


def _closes(tokens: list[Token]) -> bool:
    # "Should these updates not suit you, we will take you off the list": an opt-out line. A close is unconditional (a condition
    # after it, "...but reply if it comes up again", belongs to the easy way back).
    condition = next((n for n, t in enumerate(tokens) if t.lower_ in _CONDITIONS), len(tokens))
    for token in tokens[:condition]:
        lemma = token.lemma_.lower()
        if lemma not in _CLOSE_VERBS and lemma not in _CONTINUE_VERBS:
            continue  # only these verbs can close; the tree is read for them alone
        if token.pos_ not in ("VERB", "AUX"):
            continue
        children = list(token.children)
        seller = any(c.dep_ in _SUBJECT_DEPS and c.lower_ in _SELLER_SUBJECTS for c in children)
        future = any(c.dep_ == "aux" and c.lower_ in _FUTURE for c in children) or any(
            c.lower_ == "going" for c in token.head.children
        ) or (token.head.lower_ == "going" and token.dep_ == "xcomp")
        negated = any(c.dep_ == "neg" or c.lower_ in _NEGATIONS for c in children)
        if not (future and (seller or _seller_above(token))):
            continue
        if lemma in _CLOSE_VERBS and not negated:
            # "I'll assume the timing is wrong" closes; "I'll assume you're not interested" blames.
            return not (lemma == "assume" and _blames_reader(token))
        if lemma in _CONTINUE_VERBS and negated:
            return True
    return False


def _blames_reader(verb: Token) -> bool:
    said = [t for c in verb.children if c.dep_ in ("ccomp", "xcomp", "dobj") for t in c.subtree]
    return any(t.lower_ in READER_PRONOUNS for t in said) and any(t.dep_ == "neg" or t.lower_ in _NEGATIONS for t in said)


def _seller_above(token: Token) -> bool:
    """"I'm going to stop": the subject sits on "going", the head of "stop"."""
    head = token.head
    return head is not token and any(c.dep_ in _SUBJECT_DEPS and c.lower_ in _SELLER_SUBJECTS for c in head.children)


def _adds_substance(
    ctx: RuleContext, sentences: list[Span], refers: tuple[tuple[int, int], ...], guilt: tuple[tuple[int, int], ...]
) -> bool:
    marks = refers + guilt
    resources = ctx.lexicon("resource-terms")
    situation_asks = [a for a in ctx.asks if a.kind in ("situation", "offer")] if ctx.can("asks") else []
    url_starts = [r.start for r in ctx.prepared.spans("url")]
    for sent in sentences:
        start, end = sent.start_char, sent.end_char
        if any(start <= a.start < end for a in situation_asks):
            return True  # a question about the reader is new even beside "circling back"
        tokens = ctx.tokens_of(sent)
        marked = [(s, e) for s, e in marks if start <= s < end]
        if marked:
            # "Following up on my note from Tuesday" says nothing new: the phrase and the earlier message
            # it points at (with what hangs off it) are left out; "with the checklist that cut ..." stays.
            old = _earlier_message(tokens, marked)
            tokens = [t for t in tokens if t.i not in old]
            if not any(t.is_alpha for t in tokens):
                continue
        if any(start <= u < end for u in url_starts):
            return True
        kept = (tokens[0].idx, tokens[-1].idx + len(tokens[-1])) if tokens else (start, start)
        found = [h for h in resources if start <= h[0] < end and any(t.idx <= h[0] < t.idx + len(t) for t in tokens)]
        if checkable(tokens, ctx.text[kept[0] : kept[1]], found, dates=False):
            return True
    return False


_POINTERS = frozenset({"this", "it", "that", "them"})


def _earlier_message(tokens: list[Token], marked: list[tuple[int, int]]) -> set[int]:
    """Token indices of the refer-back phrases and of the earlier message they point at."""
    out = {t.i for t in tokens if any(s <= t.idx < e for s, e in marked)}
    for t in tokens:
        if t.lemma_.lower() in _MESSAGE_NOUNS or (t.lower_ in _POINTERS and t.head.i in out | {t.i}):
            out.update(x.i for x in t.subtree)
        elif t.i in out and t.dep_ == "prep":
            out.update(x.i for x in t.subtree if x.lower_ in _POINTERS or x.lemma_.lower() in _MESSAGE_NOUNS)
    return out
