"""Find the asks in a message: what the sender asks the reader to do or answer.

An ask is a question to the reader, an imperative that asks for an action ("Reply with a time"), or a
request phrase ("would you", "happy to send"). Each gets a kind, the destinations it points at (a
meeting, content, social media, a sign-up, a referral, or just a reply), whether it is time-boxed, and
the meeting length it asks for. The call-to-action rules and the metrics read them; the words come from
pack lexicons, the structure (questions, imperatives, sentence roots) from the parser.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import linear_regex
from .grammar import SUBJECT_DEPS
from .references import READER_PRONOUNS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

ASK_KINDS = ("vague", "interest", "offer", "meeting", "situation", "question", "request", "next-step")
# Why an ask is vague: a stock phrase, a "let me know" that names nothing, a meeting "to discuss" nothing
# in particular, or a meeting about the seller.
VAGUE_REASONS = ("phrase", "let-me-know", "open-purpose", "seller-purpose")
ACTIONS = ("meeting", "content", "social", "signup", "referral")
LEXICONS = (
    "vague-ask", "interest-ask", "offer-ask", "ask-phrases", "ask-verbs", "rhetorical-question", "guilt",
    "let-me-know", "open-purpose", "seller-purpose", "courtesy-verbs", "next-step-verbs",
    *(f"ask-{a}" for a in ACTIONS),
)
# Words that may come before the verb of an imperative ask: "So, reply...", "Just send...".
_LEAD_INS = frozenset({"so", "just", "please", "simply", "then", "and", "or", "also", "now", "ps", "p.s."})
_INTEREST_MAX_WORDS = 10
# Tags a sentence-initial imperative verb gets from the small English model: it often reads a capitalised
# verb as a noun or an adverb ("Skim the plan", "Forward this"), which the next word then gives away.
_IMPERATIVE_TAGS = frozenset({"VB", "VBP"})
_MISREAD_VERB_TAGS = frozenset({"NN", "NNP", "NNS", "RB"})
_OBJECT_OPENERS = frozenset({"DT", "PRP$", "PRP", "CD", "WDT"})

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
    vague_reason: str | None = None  # one of VAGUE_REASONS when kind == "vague"
    vague_span: tuple[int, int] | None = None  # the words that make it vague

    @property
    def words(self) -> frozenset[str]:
        """The ask's words, lowercased and without the punctuation around them."""
        return frozenset(w.strip(".,!?;:").lower() for w in self.text.split())


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
        hits = [h for h in hits if _asked_for(sent.doc, h[0])]
    return bool(hits)


_THIRD_PARTIES = frozenset({"them", "they", "him", "her", "she", "he"})
_OTHERS_OWNERS = frozenset({"your", "their", "his", "her"})


_RECORDED = frozenset({"video", "videos", "recording", "recordings", "clip", "clips", "gif", "deck", "link", "reel"})


def _asked_for(doc: Doc, start: int) -> bool:
    """Whether the meeting word at ``start`` is one the sender asks for, judged by the words before it.

    "no call needed" offers the opposite of a meeting, "after your workshop" is the reader's own event,
    and "should I ask them to call you?" is a call between the reader and someone else.
    """
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or span.start == 0:
        return True
    word = doc[span.start]
    noun = word.head if word.dep_ == "compound" else word
    if any(c.dep_ == "poss" and c.lower_ in _OTHERS_OWNERS for c in noun.children):
        return False  # "for your January board meeting": the reader's own meeting, not one asked for
    before = doc[span.start - 1].lower_
    if before in _NEGATIONS or before in ("your", "yours"):
        return False
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lower_ in _RECORDED:
        return False  # "a 1-minute demo video" is something to watch, not a meeting
    return not any(doc[k].lower_ in _THIRD_PARTIES for k in range(max(0, span.start - 2), span.start))


def _classify(sent: Span, sent_text: str, tokens: Sequence[Token], lexicon: LexiconLookup) -> Ask | None:
    words = [t for t in tokens if t.is_alpha or t.like_num]
    if not words:
        return None
    question = "?" in sent_text and any(t.text == "?" for t in tokens)
    first = words[0].idx
    starts_rhetorical = any(h[0] == first for h in lexicon("rhetorical-question", sent.start_char, sent.end_char))
    # "Did you get my last email?" asks for nothing but an apology for not answering.
    starts_rhetorical = starts_rhetorical or _has(lexicon, "guilt", sent)
    available = _available(tokens)
    offer = _has(lexicon, "offer-ask", sent) or _conditional_offer(tokens) or available
    vague_reason, vague_span = _vagueness(sent, sent_text, lexicon)
    kind: str | None = None
    if vague_reason in ("phrase", "let-me-know", "open-purpose"):
        kind = "vague"
    elif _callback_number(sent_text, words):
        kind = "request"  # "555-0147. Again, Sara, 555-0147.": a number left to be called back on
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
    elif _next_step(tokens, lexicon, sent, sent_text):
        kind = "next-step"
    if kind is None:
        return None
    if available:
        kind = "meeting"  # "I'm free Thursday at 2": a time offered is a meeting asked for
    if vague_reason == "seller-purpose" and kind in ("meeting", "request", "question", "situation", "offer"):
        kind = "vague"  # "a call to see how we can help": the meeting's stated purpose is the seller
    elif kind != "vague":
        vague_reason, vague_span = None, None
    actions = frozenset(a for a in ACTIONS if _has(lexicon, f"ask-{a}", sent)) or frozenset({"reply"})
    if available:
        actions = (actions - {"reply"}) | {"meeting"}
    if kind == "offer":
        # "Happy to share it": the seller shares; a social ask asks the reader to share or follow
        actions = (actions - {"social"}) or frozenset({"reply"})
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
        vague_reason=vague_reason,
        vague_span=vague_span,
    )


# A phone number as it is read out or written: at least seven digits in one run of digits and separators.
_PHONE = linear_regex.compile(r"\+?\d[\d ().-]{5,18}\d")
_CALLBACK_MAX_WORDS = 4


def phone_numbers(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each phone number in ``text``: a run of digits and separators with seven digits or more."""
    for m in _PHONE.finditer(text):
        if sum(c.isdigit() for c in m.group(0)) >= 7:
            yield m.start(), m.end()


def _callback_number(sent_text: str, words: Sequence[Token]) -> bool:
    """A sentence that is a phone number and little else ("555-0147.", "Again, Sara, 555-0147.")."""
    if sum(1 for t in words if t.is_alpha) > _CALLBACK_MAX_WORDS:
        return False
    return next(phone_numbers(sent_text), None) is not None


def _vagueness(sent: Span, sent_text: str, lexicon: LexiconLookup) -> tuple[str | None, tuple[int, int] | None]:
    """Why the sentence would be a vague ask, and where: a stock phrase, an open "let me know", the seller's purpose."""
    for name in ("vague-ask", "let-me-know", "open-purpose", "seller-purpose"):
        reason = "phrase" if name == "vague-ask" else name
        hits = lexicon(name, sent.start_char, sent.end_char)
        if hits and name in ("let-me-know", "open-purpose") and _names_specifics(sent, sent_text, lexicon):
            continue  # "Let me know which day suits you, Tuesday or Thursday" names the options: not vague
        if hits and name == "let-me-know" and any(t.lower_ in _CORRECTIONS for t in sent):
            continue  # "If I got anything above wrong, let me know": the recap is the thing to answer on
        if hits and name == "seller-purpose" and _SELLER_LAST.match(sent_text):
            continue  # "Before I say anything about us, can I check ...?" puts the seller last
        if hits:
            start, end = hits[0][0], max(h[1] for h in hits)
            while end > start and sent_text[end - sent.start_char - 1] in ".!?,;:":
                end -= 1  # a pattern that ends at the sentence's end matched its punctuation: quote the words
            return reason, (start, end)
    return None, None


# "Before I say anything about us, ..." (after a speaker's label in a script): the seller comes last.
_SELLER_LAST = linear_regex.compile(
    r"\s*(?:[A-Z][A-Za-z.' -]{0,30}:\s*)?before\s+(?:i|we)\s+(?:say|tell|talk|get|go|pitch|share)\b", linear_regex.I
)
# Words by which a "let me know" invites a correction of what the message just set out.
_CORRECTIONS = frozenset({"wrong", "missed", "missing", "incorrect", "inaccurate", "mistaken"})


def _names_specifics(sent: Span, sent_text: str, lexicon: LexiconLookup) -> bool:
    """An option, a day or a deliverable: what turns "let me know" into a question with an answer."""
    lowered = f" {sent_text.lower()} "
    if _TIMEBOX.search(sent_text) or " which " in lowered or " or " in lowered:
        return True
    if any(t.like_num for t in sent) or _has(lexicon, "ask-content", sent):
        return True
    return _has(lexicon, "offer-ask", sent)


def _next_step(tokens: Sequence[Token], lexicon: LexiconLookup, sent: Span, sent_text: str) -> bool:
    """The seller commits to the next step: "I'll ring you on Wednesday at 3", "I'll send you two times"."""
    verbs = {h[0] for h in lexicon("next-step-verbs", sent.start_char, sent.end_char)}
    for token in tokens:
        if token.idx not in verbs:
            continue
        children = list(token.children)
        first_person = any(c.dep_ in SUBJECT_DEPS and c.lower_ in ("i", "we") for c in children)
        future = any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "’ll", "shall") for c in children)
        if not (first_person and future):
            continue
        # "I'll email their CVs today": a next step with a time or a thing sent is as concrete as one to "you".
        if (any(t.lower_ in READER_PRONOUNS for t in token.subtree) or any(c.dep_ == "dobj" for c in children)
                or _TIMEBOX.search(sent_text)):
            return True
    return False


def _imperative(sent: Span, sent_text: str, tokens: Sequence[Token], lexicon: LexiconLookup) -> bool:
    """A sentence headed by a verb in the base form with no subject ("Reply with...", "Skim the plan").

    The parse finds the imperative; the ask-verb list only rescues verbs the tagger misreads. Courtesies
    in the imperative ("Have a great week", "Hope this helps") ask for nothing.
    """
    verbs = {h[0] for h in lexicon("ask-verbs", sent.start_char, sent.end_char)}
    courtesies = {h[0] for h in lexicon("courtesy-verbs", sent.start_char, sent.end_char)}
    if _conditioned_imperative(tokens, courtesies) or _after_condition(tokens, verbs, courtesies):
        return True
    for n, token in enumerate(tokens):
        if not token.is_alpha or token.lower_ in _LEAD_INS:
            continue  # punctuation and lead-ins ("So, just reply...") come before the verb
        if token.idx in courtesies or (token.lemma_.lower() == "find" and _enclosed(tokens)):
            return False  # "Please find our rate card attached" hands something over; it asks nothing
        head = token if token.dep_ in ("ROOT", "") else token.head
        if any(c.dep_ in SUBJECT_DEPS for c in head.children):
            return False
        following = tokens[n + 1] if n + 1 < len(tokens) else None
        # The tagger often reads a sentence-initial verb as a noun or an adverb ("Skim the plan",
        # "Forward this"); the object right after it gives it away.
        misread = token.tag_ in _MISREAD_VERB_TAGS and following is not None and following.tag_ in _OBJECT_OPENERS
        if token.idx in verbs:
            # A listed verb misread without an object ("Upgrade before...") is settled by an exclamation.
            return token.tag_ in ("VB", "VBP", "") or misread or sent_text.rstrip().endswith("!")
        if token.dep_ != "ROOT":
            return False
        return token.tag_ in _IMPERATIVE_TAGS or misread
    return False


_ENCLOSED = frozenset({"attached", "enclosed", "below", "herewith", "attachment"})


def _enclosed(tokens: Sequence[Token]) -> bool:
    return any(t.lower_ in _ENCLOSED for t in tokens)


def _conditioned_imperative(tokens: Sequence[Token], courtesies: set[int]) -> bool:
    """"If you'd like them collected, call me on 061 555 0190": an imperative after a leading clause.

    The sentence's root is a base-form verb with no subject, and everything before it belongs to a
    subordinate clause (or is punctuation) hanging off that root.
    """
    root = next((t for t in tokens if t.dep_ == "ROOT"), None)
    if root is None or root.tag_ != "VB" or root.idx in courtesies or root.i == tokens[0].i:
        return False
    if any(c.dep_ in SUBJECT_DEPS or c.dep_ == "aux" for c in root.children):
        return False
    leading = [c for c in root.children if c.i < root.i and not c.is_punct]
    return bool(leading) and all(c.dep_ == "advcl" for c in leading)


# Words that open a leading condition: "If you want some, text me"; "When you're back, call me".
_CONDITION_OPENERS = frozenset({"if", "when", "whenever", "once", "should"})


def _after_condition(tokens: Sequence[Token], verbs: set[int], courtesies: set[int]) -> bool:
    """An ask verb right after a leading condition's comma, whatever the parse made of the sentence.

    The tagger often misreads a clause like "If you want some, text or call me by Wednesday" ("text" as
    a noun, the subject of a later verb), so the tree does not show the imperative that a reader hears.
    """
    words = [t for t in tokens if not t.is_space]
    if not words or words[0].lower_ not in _CONDITION_OPENERS:
        return False
    comma = next((n for n, t in enumerate(words) if t.text == ","), None)
    if comma is None:
        return False
    verb = next((t for t in words[comma + 1 :] if t.lower_ not in _LEAD_INS), None)  # "..., just text me"
    return verb is not None and verb.idx in verbs and verb.idx not in courtesies


# What a leading "if" asks about when it offers something: whether the offer would help or is wanted
# ("If it'd help, ...", "If you're open to it, ...", "If that sounds useful, ...").
_WELCOME = frozenset({"help", "helpful", "useful", "open", "want", "like", "interested", "interest", "worth", "sound", "prefer"})
# The seller's side of the offer after the condition: "I could", "I'd", "we can", "happy to".
_OFFER_MODALS = frozenset({"could", "can", "would", "'d", "’d", "will", "'ll", "’ll"})
_OFFER_PERSONS = frozenset({"i", "we"})
# A condition that the reader buys: "If you sign by Friday, we can take 20% off" is the seller's price.
_PURCHASES = frozenset({"sign", "buy", "order", "purchase", "commit", "pay", "upgrade", "renew", "book", "subscribe"})


def _conditional_offer(tokens: Sequence[Token]) -> bool:
    """An offer made on the reader's say-so: "If it'd help, I could walk the floor with you one morning",
    "If you're open to it, I'd draft the first three emails", "If useful, happy to jump on a call".

    The condition asks whether the offer is welcome, so the sentence is an ask the reader answers with
    a yes; "If you sign by Friday, we can take 20% off" sets a condition on the reader instead.
    """
    words = [t for t in tokens if not t.is_space]
    if not words or words[0].lower_ != "if":
        return False
    comma = next((n for n, t in enumerate(words) if t.text == ","), None)
    if comma is None or any(t.lemma_.lower() in _PURCHASES for t in words[1:comma]):
        return False
    welcome = any(t.lemma_.lower() in _WELCOME for t in words[1:comma])
    rest = [t for t in words[comma + 1 :] if t.lower_ not in _LEAD_INS]
    if not welcome:
        # "If she has questions, I can join your Thursday call or answer by email": an offer on a
        # condition of theirs, with a time or a choice in it. "If we don't hear back, we will assume ..."
        # is the seller's condition, and a threat.
        condition = [t.lower_ for t in words[1:comma]]
        if any(w in _OFFER_PERSONS or w in ("n't", "n’t", "not", "no", "never") for w in condition):
            return False
        sentence = " ".join(t.lower_ for t in rest)
        if not (_TIMEBOX.search(sentence) or " or " in f" {sentence} "):
            return False
    if len(rest) >= 3 and rest[0].lower_ in ("happy", "glad") and rest[1].lower_ == "to":
        return True
    return len(rest) >= 3 and rest[0].lower_ in _OFFER_PERSONS and rest[1].lower_ in _OFFER_MODALS and rest[2].is_alpha


_AVAILABLE = frozenset({"around", "free", "available"})
_OPEN = frozenset({"open", "free"})
# Words that may come between "I'm free" and its time: "I'm free on Tuesday", "around most mornings".
_TIME_LEADS = frozenset({"on", "at", "this", "next", "any", "most", "all", "after", "before", "between", "from", "until", "till"})


def _available(tokens: Sequence[Token]) -> bool:
    """The sender names when they are free: "I'm around Thursday afternoon", "I have Friday at 2 open".
    The time comes right after ("I'm available to answer questions about the 2-hour course" names none)."""
    words = [t.lower_ for t in tokens if not (t.is_space or t.is_punct)]
    for n in range(len(words) - 2):
        if words[n] == "i" and words[n + 1] in ("'m", "’m", "am", "'ll", "’ll", "will"):
            k = n + 3 if words[n + 2] == "be" and n + 3 < len(words) else n + 2
            if words[k] in _AVAILABLE and k + 1 < len(words):
                after = words[k + 1 :]
                if after[0] in _TIME_LEADS:  # "I'm free on Tuesday": the time may come a word or two later
                    return bool(_TIMEBOX.search(" ".join(after[:5])))
                return bool(_TIMEBOX.match(" ".join(after[:3])))
        # "I have Thursday at 11 or Friday at 2 open": the times come between
        if words[n] == "i" and words[n + 1] in ("have", "'ve", "’ve"):
            end = next((m for m in range(n + 2, min(n + 12, len(words))) if words[m] in _OPEN), None)
            if end is not None and end > n + 2:
                return bool(_TIMEBOX.match(" ".join(words[n + 2 : end])))
    return False


def _minutes(text: str) -> int | None:
    longest = None
    for m in _MINUTES.finditer(text):
        n = int(m.group(1))
        minutes = n * 60 if m.group(2).lower().startswith(("hour", "hr")) else n
        longest = max(longest or 0, minutes)
    return longest
