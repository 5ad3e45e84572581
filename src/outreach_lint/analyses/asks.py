"""Find the asks in a message: what the sender asks the reader to do or answer.

An ask is a question to the reader, an imperative that asks for an action ("Reply with a time"), or a
request phrase ("would you", "happy to send"). Each gets a kind, the destinations it points at (a
meeting, content, social media, a sign-up, a referral, or just a reply), whether it is time-boxed, and
the meeting length it asks for. The call-to-action rules and the metrics read them; the words come from
pack lexicons, the structure (questions, imperatives, sentence roots) from the parser.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import linear_regex
from .references import READER_PRONOUNS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

ASK_KINDS = ("vague", "interest", "offer", "meeting", "situation", "question", "request")
ACTIONS = ("meeting", "content", "social", "signup", "referral")
LEXICONS = (
    "vague-ask", "interest-ask", "offer-ask", "ask-phrases", "ask-verbs", "rhetorical-question", "guilt",
    *(f"ask-{a}" for a in ACTIONS),
)
# Words that may come before the verb of an imperative ask: "So, reply...", "Just send...".
_LEAD_INS = frozenset({"so", "just", "please", "simply", "then", "and", "or", "also", "now", "ps", "p.s."})
_INTEREST_MAX_WORDS = 10

_DAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?"
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_TIMEBOX = linear_regex.compile(
    rf"\b(?:{_DAY}\b|{_MONTH}\s+\d{{1,2}}\b|(?:in|by|after|before|early|late|mid|end of)[- ]{_MONTH}\b|\d{{1,2}}(?::\d\d)?\s?(?:am|pm|a\.m\.|p\.m\.)|at\s+\d{{1,2}}(?::\d\d)?\b"
    r"|tomorrow|tonight|today|this (?:week|afternoon|morning|evening)|next (?:week|month)|end of (?:the )?(?:day|week)"
    r"|\d+[- ]?(?:min(?:ute)?s?|hours?|hrs?)\b|(?:ten|fifteen|twenty|thirty|five)[- ]minutes?\b|quick call)",
    linear_regex.I,
)
_MINUTES = linear_regex.compile(r"\b(\d{1,3})[- ]?(min(?:ute)?s?|hours?|hrs?)\b", linear_regex.I)


@dataclass(frozen=True)
class Ask:
    """One ask, located in the linted text."""

    start: int
    end: int
    text: str
    kind: str  # one of ASK_KINDS
    actions: frozenset[str]  # subset of ACTIONS, or {"reply"}
    timeboxed: bool
    minutes: int | None  # the meeting length asked for, when it is stated in digits


LexiconLookup = Callable[[str, int, int], list[tuple[int, int, str]]]


def find_asks(
    sentences: Iterable[Span],
    lexicon: LexiconLookup,
    tokens_of: Callable[[Span], Sequence[Token]] = list,
    text: str | None = None,
) -> tuple[Ask, ...]:
    """The asks among ``sentences`` (body sentences), in text order.

    ``tokens_of`` gives a sentence's tokens and ``text`` is the text the Doc was made from: the linter
    passes its shared token list and text, since spaCy builds new Token objects for every walk over a
    sentence and for every read of ``Span.text``.
    """
    out = []
    for sent in sentences:
        words = sent.text if text is None else text[sent.start_char : sent.end_char]
        ask = _classify(sent, words, tokens_of(sent), lexicon)
        if ask is not None:
            out.append(ask)
    return tuple(out)


_NEGATIONS = frozenset({"no", "not", "without", "n't", "never"})


def _has(lexicon: LexiconLookup, name: str, sent: Span) -> bool:
    hits = lexicon(name, sent.start_char, sent.end_char)
    if name == "ask-meeting":
        # "no call needed" offers the opposite of a meeting.
        doc = sent.doc
        hits = [h for h in hits if not _negated(doc, h[0])]
    return bool(hits)


def _negated(doc: Doc, start: int) -> bool:
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    return doc[span.start - 1].lower_ in _NEGATIONS


def _classify(sent: Span, sent_text: str, tokens: Sequence[Token], lexicon: LexiconLookup) -> Ask | None:
    words = [t for t in tokens if t.is_alpha or t.like_num]
    if not words:
        return None
    question = "?" in sent_text and any(t.text == "?" for t in tokens)
    first = words[0].idx
    starts_rhetorical = any(h[0] == first for h in lexicon("rhetorical-question", sent.start_char, sent.end_char))
    # "Did you get my last email?" asks for nothing but an apology for not answering.
    starts_rhetorical = starts_rhetorical or _has(lexicon, "guilt", sent)
    vague = _has(lexicon, "vague-ask", sent)
    offer = _has(lexicon, "offer-ask", sent)
    kind: str | None = None
    if vague:
        kind = "vague"
    elif question and not starts_rhetorical:
        if offer:
            kind = "offer"
        elif _has(lexicon, "interest-ask", sent) and len(words) <= _INTEREST_MAX_WORDS:
            kind = "interest"
        elif _has(lexicon, "ask-meeting", sent):
            kind = "meeting"
        elif any(t.lower_ in READER_PRONOUNS for t in tokens):
            kind = "situation"
        else:
            kind = "question"
    elif offer or _imperative(sent, sent_text, tokens, lexicon) or _has(lexicon, "ask-phrases", sent):
        if offer:
            kind = "offer"
        elif _has(lexicon, "ask-meeting", sent):
            kind = "meeting"
        else:
            kind = "request"
    if kind is None:
        return None
    actions = frozenset(a for a in ACTIONS if _has(lexicon, f"ask-{a}", sent)) or frozenset({"reply"})
    text = sent_text.strip()
    start = sent.start_char + (len(sent_text) - len(sent_text.lstrip()))
    return Ask(
        start=start,
        end=start + len(text),
        text=" ".join(text.split()),
        kind=kind,
        actions=actions,
        timeboxed=bool(_TIMEBOX.search(sent_text)),
        minutes=_minutes(sent_text),
    )


def _imperative(sent: Span, sent_text: str, tokens: Sequence[Token], lexicon: LexiconLookup) -> bool:
    """A sentence that starts with an ask verb in the base form and has no subject ("Reply with...")."""
    verbs = {h[0] for h in lexicon("ask-verbs", sent.start_char, sent.end_char)}
    for token in tokens:
        if not token.is_alpha or token.lower_ in _LEAD_INS:
            continue  # punctuation and lead-ins ("So, just reply...") come before the verb
        if token.idx not in verbs:
            return False
        # The tagger sometimes reads a sentence-initial verb as a noun ("Upgrade before..."); an
        # exclamation settles it.
        if token.tag_ not in ("VB", "VBP", "") and not sent_text.rstrip().endswith("!"):
            return False
        head = token if token.dep_ in ("ROOT", "") else token.head
        return not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in head.children)
    return False


def _minutes(text: str) -> int | None:
    longest = None
    for m in _MINUTES.finditer(text):
        n = int(m.group(1))
        minutes = n * 60 if m.group(2).lower().startswith(("hour", "hr")) else n
        longest = max(longest or 0, minutes)
    return longest
