"""Call and pitch scripts: speaker-labelled turns, of which only the seller's are linted.

Labels vary from script to script ("Rep:", "Caller:", "TM:", "[Name]:", a first name), and in a
transcript of a call someone *received*, "Me:" is the prospect. So the speakers are found by structure
(label lines that take turns) and the seller by what each speaker says; the fixed label lists are only
priors, and labels configured by the user always win.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from itertools import pairwise
from dataclasses import dataclass, field
from typing import Any

from .. import linear_regex
from ..mapped import MappedText, TextBuilder
from .base import Excluded

DEFAULT_SELLER_LABELS = (
    "Rep", "AE", "SDR", "BDR", "Me", "You", "Seller", "Sales", "You (rep)", "Caller", "Cold Caller", "Salesperson",
    "Sales Rep", "Salesman", "Saleswoman", "TM", "Telemarketer", "Solicitor", "Agent",
)
# Listed as sellers, since a script's author often speaks as "Me" or "You"; but in a transcript of a
# call someone received, "Me" is the person called, so these labels do not lean either way.
AMBIGUOUS_LABELS = frozenset({"me", "you"})
DEFAULT_PROSPECT_LABELS = ("Prospect", "Customer", "Them", "Buyer", "Lead", "Client")

# A label line: "Rep:", "**Cold Caller:**", "- [Name]:", "• TM: "...", one to three words before a colon
# that ends the word (a time "10:30" or a link "https://" is not a label: see _is_label).
_LABEL_LINE = linear_regex.compile(
    r"^[ \t]*(?:[•*\-][ \t]+)?(?:\*\*|__)?"
    r"(?P<label>[\w\[\(][\w'’.\]\[\)\(&/-]{0,30}(?:[ \t][\w'’.\]\[\)\(&/-]{1,30}){0,2})"
    r"(?:\*\*|__)?[ \t]*:(?:\*\*|__)?[ \t]*",
    linear_regex.M,
)
# Headings of a script's parts that are written like labels but are nobody speaking.
_NOT_SPEAKERS = frozenset({
    "subject", "note", "notes", "tip", "tips", "goal", "goals", "example", "examples", "step", "why", "how", "what",
    "when", "time", "date", "duration", "length", "tone", "context", "scenario", "purpose", "target", "result",
    "outcome", "p.s", "ps", "email", "phone", "tel", "mobile", "cell", "fax", "web", "website", "url", "http",
    "https", "mailto", "re", "fwd", "cc", "bcc", "to", "from", "sent", "source", "summary", "script", "voicemail",
    "instead", "wrong", "right", "bad", "good", "better", "worse", "do", "don't", "don’t", "avoid", "warning",
    "important", "key", "rule", "principle", "breakdown",
})
# A few speakers at most take part in a call (seller, prospect, a gatekeeper, a colleague).
MAX_SPEAKERS = 4

# What a seller says: an introduction with a company, the reason for the call, a pitch, questions.
_INTRO = linear_regex.compile(
    r"\b(?:this is|it's|it’s|my name is|i'm|i’m|i am)\s+[\w.'’\[\]{}-]+(?:\s+[\w.'’\[\]{}-]+)?\s*,?\s+"
    r"(?:from|with|at|over at|calling from|and i'm calling from|and i’m calling from|and i am calling from)\b"
    r"|\b[\w.'’\[\]{}-]+\s+here\s+(?:from|with|at)\b"
    r"|\b(?:i'm|i’m|i am|i was|we're|we’re|we are)\s+(?:just\s+)?calling\s+(?:from|because|about|to|on behalf|regarding)\b"
    r"|\bthe reason (?:for my call|i'm calling|i’m calling|i am calling|i called|why i called|why i'm calling|why i’m calling)\b",
    linear_regex.I,
)
_PITCH = linear_regex.compile(
    r"\bour\s+(?:[\w-]+\s+){0,3}?(?:product|products|service|services|solution|solutions|software|platform|"
    r"tool|tools|app|offer|offering|program|system|technology)\b"
    r"|\bwe\s+(?:offer|provide|sell|specialize|specialise|help|have\s+(?:a|an)\s+(?:new|special|great)?\s*(?:offer|product|deal|promotion))\b",
    linear_regex.I,
)
_YOU_QUESTION = linear_regex.compile(r"\b(?:you|your|you're|you’re|you've|you’ve)\b[^.!?\n]{0,200}\?", linear_regex.I)
# What a prospect says: answering the phone, asking who is calling, objecting.
_ANSWERS = linear_regex.compile(
    r"^[\s\"“'*]*(?:hello|hi|yes|yeah|yep|speaking|this is (?:he|she|him|her|they)|who is this|who's this|"
    r"who’s this|who is calling|who's calling|who’s calling|can i help you|how can i help)\b[\s\"”'*.,!?]*(?:\w+[\s\"”'*.,!?]*)?$"
    r"|\b(?:who is this|who's this|who’s this|who is calling|who's calling|who’s calling|what is this about|"
    r"what's this about|what’s this about|how did you get (?:my|this) number)\b",
    linear_regex.I,
)
_OBJECTS = linear_regex.compile(
    r"\b(?:not interested|no thanks|no thank you|we're all set|we’re all set|we are all set|we already have|"
    r"we're happy with|we’re happy with|take me off|remove me|stop calling|don't call|don’t call|send me an email|"
    r"just send me|i'm busy|i’m busy|i'm not the (?:right )?person|i’m not the (?:right )?person|no budget|"
    r"not a good time|call back later)\b",
    linear_regex.I,
)
_WORD = linear_regex.compile(r"\w+")


@dataclass(frozen=True)
class SpeakerLabels:
    seller: tuple[str, ...] = DEFAULT_SELLER_LABELS
    prospect: tuple[str, ...] = DEFAULT_PROSPECT_LABELS

    @property
    def configured(self) -> bool:
        """Whether the lists are the user's own (config's ``seller-labels`` / ``prospect-labels``): then
        they decide who the seller is; the built-in lists are only a prior beside what is said."""
        return self.seller != DEFAULT_SELLER_LABELS or self.prospect != DEFAULT_PROSPECT_LABELS

    def pattern(self) -> linear_regex.Pattern:
        names = sorted(set(self.seller) | set(self.prospect), key=len, reverse=True)
        alternation = "|".join(linear_regex.escape(n) for n in names)
        return linear_regex.compile(rf"^[ \t]*(?:\*\*)?(?P<label>{alternation})(?:\*\*)?[ \t]*:(?:\*\*)?[ \t]*", linear_regex.I | linear_regex.M)


@dataclass(frozen=True)
class Turn:
    """One speaker's turn: its label as written, its role, and where its words are in the source."""

    label: str
    role: str  # seller | prospect
    start: int
    end: int


@dataclass(frozen=True)
class ScriptSplit:
    """A script read into turns: the seller's words to lint, the prospect's left out, and who is who."""

    text: MappedText
    excluded: tuple[Excluded, ...]
    turns: tuple[Turn, ...] = ()
    # {"seller": label | None, "prospect": label | None, "reason": why}: shown in the report's metrics.
    speakers: dict[str, Any] = field(default_factory=dict)

    @property
    def is_dialogue(self) -> bool:
        return any(t.role == "prospect" for t in self.turns)


@dataclass(frozen=True)
class _Mark:
    label: str  # as written
    key: str  # compared: lower case, spaces collapsed
    start: int  # the label line's start in the view
    end: int  # where the turn's words start


def seller_turns(view: MappedText, labels: SpeakerLabels) -> tuple[MappedText, tuple[Excluded, ...]]:
    """Keep the seller's turns (one paragraph each); the prospect's turns are excluded."""
    split = split_script(view, labels)
    return split.text, split.excluded


def split_script(view: MappedText, labels: SpeakerLabels) -> ScriptSplit:
    """Read a script into turns and decide which speaker is the seller.

    Text before the first label (a title, stage notes) is kept as the seller's: scripts are written by
    the seller, and only labelled prospect turns are someone else's words. A script without labels (a
    voicemail, an opener in quotes) is one seller turn.
    """
    text = view.text
    marks = list(_label_marks(text))
    known = {k.lower() for k in labels.seller} | {k.lower() for k in labels.prospect}
    counts = Counter(m.key for m in marks)
    # A speaker takes more than one turn, or is named in the lists; the most frequent few are kept.
    speakers = [k for k, c in counts.most_common() if c >= 2 or k in known][:MAX_SPEAKERS]
    # A prospect who answers once ("[Kai]: ... [Roberta]: ... [Kai]: ...") speaks between two turns of
    # another speaker: that alternation makes the label a speaker too.
    for before, mark, after in zip(marks, marks[1:], marks[2:]):
        if (mark.key not in speakers and before.key == after.key != mark.key and before.key in speakers
                and len(speakers) < MAX_SPEAKERS):
            speakers.append(mark.key)
    turns = [m for m in marks if m.key in speakers]
    changes = sum(1 for a, b in pairwise(turns) if a.key != b.key)
    distinct = {m.key for m in turns}
    dialogue = len(distinct) >= 2 and (changes >= 2 or (changes >= 1 and distinct <= known))
    if dialogue:
        seller, speakers_out = _choose_seller(turns, text, labels)
        roles = {k: ("seller" if k in seller else "prospect") for k in distinct}
    else:
        # No exchange between speakers: only the listed labels mark turns, as a plain list would.
        turns = [m for m in marks if m.key in known]
        sellers = {k.lower() for k in labels.seller}
        roles = {m.key: ("seller" if m.key in sellers else "prospect") for m in turns}
        first = next((m.label for m in turns if roles[m.key] == "seller"), None)
        other = next((m.label for m in turns if roles[m.key] == "prospect"), None)
        speakers_out = {
            "seller": first,
            "prospect": other,
            "reason": (f"{first} is a listed seller label" if first else
                       "no speaker labels: the whole script is the seller's" if other is None else
                       f"{other} is a listed prospect label"),
        }
    return _build(view, turns, roles, speakers_out)


def _label_marks(text: str) -> Iterable[_Mark]:
    for m in _LABEL_LINE.finditer(text):
        label = m.group("label").strip()
        colon = text.rfind(":", m.start(), m.end())
        follows = text[colon + 1 : colon + 2] if colon >= 0 else ""
        # The colon ends the label: a space, a quote or the line's end comes next ("https://x" is no label).
        if follows not in ("", " ", "\t", "\n", "*", "_", '"', "“", "'", "‘") or not _is_label(label):
            continue
        yield _Mark(label, " ".join(label.lower().split()), m.start(), m.end())


def _is_label(label: str) -> bool:
    first = label.split()[0].lower().strip("[]()*_")
    if not first or first in _NOT_SPEAKERS or first[0].isdigit():
        return False
    return any(c.isalpha() for c in label)


def _choose_seller(turns: list[_Mark], text: str, labels: SpeakerLabels) -> tuple[set[str], dict[str, Any]]:
    """The seller's label key(s) among the speakers, and the speakers entry for the report."""
    order: list[str] = []
    shown: dict[str, str] = {}
    said: dict[str, list[str]] = {}
    for i, m in enumerate(turns):
        end = turns[i + 1].start if i + 1 < len(turns) else len(text)
        if m.key not in said:
            order.append(m.key)
            shown[m.key] = m.label
            said[m.key] = []
        said[m.key].append(text[m.end : end])
    if labels.configured:
        configured_sellers = {k.lower() for k in labels.seller} & set(order)
        configured_prospects = {k.lower() for k in labels.prospect} & set(order)
        if configured_sellers:
            seller = configured_sellers
            return seller, _entry(seller, order, shown, "configured seller label")
        if configured_prospects and len(order) - len(configured_prospects) == 1:
            seller = set(order) - configured_prospects
            named = next(shown[k] for k in order if k in configured_prospects)
            return seller, _entry(seller, order, shown, f"{named} is a configured prospect label")
    evidence = {k: _evidence(said[k], k, shown[k], labels) for k in order}
    words = {k: sum(len(_WORD.findall(t)) for t in said[k]) for k in order}
    most = max(order, key=lambda k: words[k])
    scores = {k: evidence[k][0] + (0.5 if k == most and len(order) > 1 else 0.0) for k in order}
    best = max(order, key=lambda k: scores[k])  # the first speaker wins a tie
    reason = evidence[best][1]
    if reason is None:
        others = [evidence[k][2] for k in order if k != best and evidence[k][2]]
        reason = others[0] if others else (f"{shown[best]} says the most" if best == most else f"{shown[best]} speaks first")
    return {best}, _entry({best}, order, shown, reason)


def _entry(seller: set[str], order: list[str], shown: dict[str, str], reason: str) -> dict[str, Any]:
    s = next(k for k in order if k in seller)
    p = next((k for k in order if k not in seller), None)
    return {"seller": shown[s], "prospect": shown[p] if p else None, "reason": reason}


def _evidence(said: list[str], key: str, who: str, labels: SpeakerLabels) -> tuple[float, str | None, str | None]:
    """(seller score, the seller cue found, the prospect cue found) for one speaker's turns; ``who`` is
    the label as written, which the reasons name."""
    label = key
    intro = sum(1 for t in said if _INTRO.search(t))
    pitch = sum(1 for t in said if _PITCH.search(t))
    questions = sum(len(_YOU_QUESTION.findall(t)) for t in said)
    answers = sum(1 for t in said[:3] if _ANSWERS.search(t))
    objects = sum(1 for t in said if _OBJECTS.search(t))
    prior = 0.0
    if label in {k.lower() for k in labels.seller}:
        prior = 0.0 if label in AMBIGUOUS_LABELS else 1.0
    elif label in {k.lower() for k in labels.prospect}:
        prior = -1.0
    score = 3.0 * min(intro, 2) + 2.0 * min(pitch, 2) + min(questions, 3) - 2.0 * min(answers, 2) - 2.0 * min(objects, 2) + prior
    seller_cue = (
        "introduces a company or the reason for the call" if intro else
        "pitches an offer" if pitch else
        "asks the questions" if questions >= 2 else None
    )
    prospect_cue = "answers the phone" if answers else "objects" if objects else None
    return (
        score,
        f"{who} {seller_cue}" if seller_cue else (f"{who} is a listed seller label" if prior > 0 else None),
        f"{who} {prospect_cue}" if prospect_cue else None,
    )


def _build(view: MappedText, turns: list[_Mark], roles: dict[str, str], speakers: dict[str, Any]) -> ScriptSplit:
    text = view.text
    if not turns:
        whole = view.to_source(0, len(text))
        return ScriptSplit(view, (), (Turn("", "seller", *whole),), speakers)
    b = TextBuilder()
    excluded: list[Excluded] = []
    out: list[Turn] = []
    b.copy(view, 0, turns[0].start)
    for i, m in enumerate(turns):
        end = turns[i + 1].start if i + 1 < len(turns) else len(text)
        role = roles[m.key]
        s, e = view.to_source(m.end, end)
        out.append(Turn(m.label, role, s, e))
        if role == "seller":
            if b.length:
                b.insert_at("\n\n", view.source_start(m.start))
            b.copy(view, m.end, end)
        else:
            excluded.append(Excluded("prospect", *view.to_source(m.start, end)))
    return ScriptSplit(b.build(anchor=view.anchor), tuple(excluded), tuple(out), speakers)
