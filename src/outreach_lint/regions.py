"""Find the parts of a message and build the text the parser sees.

A message is split into subject, greeting, body and ask zone (linted) and quoted replies,
forwarded blocks, signatures, footers and code (never linted: the sender did not write them for this
reader). Hard-wrapped lines are reflowed so the parser sees sentences, merge fields become one
neutral word, and every character still maps to the source file.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property

from . import linear_regex
from .mapped import MappedText, TextBuilder
from .placeholders import MergeField, field_name, merge_fields, placeholder_for
from .sources.base import Excluded, Message

_ATTRIBUTION = linear_regex.compile(
    r"^(?:On\b.{3,250}?\bwrote:|Le\b.{3,250}?a écrit\s?:|Am\b.{3,250}?schrieb.{0,80}:)[ \t]*$", linear_regex.S
)
_FORWARD = linear_regex.compile(
    r"^[ \t]*(?:-{2,}[ \t]*(?:Forwarded message|Original Message)[ \t]*-{2,}|Begin forwarded message:)[ \t]*$",
    linear_regex.I,
)
_OUTLOOK_FROM = linear_regex.compile(r"^[ \t]*\*?From:\*?[ \t]+\S")
_OUTLOOK_NEXT = linear_regex.compile(r"^[ \t]*\*?(?:Sent|Date|To|Subject):\*?[ \t]+", linear_regex.I)
_SIG_DELIMITER = linear_regex.compile(r"^--[ \t]?$")
_SIGN_OFF = linear_regex.compile(
    r"^[ \t]*(?:best(?: regards| wishes)?|regards|kind regards|warm regards|warmly|warmest|thanks(?: again| so much)?"
    r"|thank you(?: so much)?|many thanks|cheers|sincerely|talk soon|speak soon|all the best|take care"
    r"|respectfully|yours(?: truly| sincerely)?|thx|ty)[ \t]*[,.!-]*[ \t]*(?:[A-Z][\w.'-]*(?:[ \t]+[A-Z][\w.'-]*){0,3})?[ \t]*$",
    linear_regex.I,
)
# A dash and a name alone on the last line signs the message like a sign-off: "- Brian", "—Ana Ruiz".
_DASH_NAME = linear_regex.compile(r"^[ \t]*(?:-{1,2}|–|—)[ \t]?[A-Z][\w.'-]*(?:[ \t]+[A-Z][\w.'-]*){0,2}[ \t]*$")
# "P.S.", "PS:", "P.P.S.", "PPS" at the start of a line, followed by a space or the end of the line (not "PSD2").
_POSTSCRIPT = linear_regex.compile(r"^[ \t]*(?:(?:p\.[ \t]?){1,2}s\.?|p{1,2}s)[ \t]*[:.\-–—]?(?:[ \t]|$)", linear_regex.I)
# Contact lines of a signature with no sign-off.
_PHONE = linear_regex.compile(
    r"(?:(?:tel|phone|mobile|mob|cell|direct|office|m|t|p|ph)\.?[ \t]*:?[ \t]*)?\+?[\d][\d \t().\-/]{5,24}(?:[ \t]*(?:x|ext\.?)[ \t]*\d{1,5})?",
    linear_regex.I,
)
_CONTACT_LABEL = linear_regex.compile(r"^(?:e-?mail|web|website|site|linkedin|calendar|book a time|w|e)[ \t]*:[ \t]*", linear_regex.I)
_SEPARATORS = ",|·•–—/&@()"
_SEPARATOR_RUN = linear_regex.compile(r"[\s,|·•–—/&@()]+")
_NAME_WORD = linear_regex.compile(r"[A-Z0-9][\w.'’-]*")
_NAME_PARTICLES = frozenset("of and the at for de van von der da du la le y".split())
_ABBREVIATIONS = frozenset("inc. ltd. co. corp. llc. plc. gmbh. jr. sr. ph.d. bros.".split())
# Words of a job title: a line with one is contact detail, not a name that could be a short sentence.
_TITLE_WORDS = frozenset(
    "ceo cto cfo coo cmo cro cpo vp svp evp founder co-founder cofounder director manager head president lead "
    "partner consultant executive officer owner recruiter specialist representative rep advisor adviser analyst "
    "associate principal developer engineer designer coordinator chief sdr bdr ae strategist".split()
)
# Template fields that fill in the sender's own details: "{{sender.name}}", "[Your Name]", "[Title]".
_SENDER_FIELD = linear_regex.compile(
    r"sender|\byour[ _]?name|\bmy[ _]|signature|title|phone|mobile|\bemail|calendar|\brep\b|\buser[._]", linear_regex.I
)
_FOOTER_MAX_LINES = 4  # a footer paragraph longer than this is a body that ends with footer lines
_FOOTER = linear_regex.compile(
    r"unsubscribe|opt[- ]out|manage (?:your )?(?:email |subscription )?preferences|you(?: are|'re)? receiv(?:ed|ing) this"
    r"|no longer wish to receive|this (?:e-?mail|message) (?:and any attachments )?(?:is|are|may be) confidential"
    r"|intended (?:only |solely )?for the (?:named |intended )?(?:recipient|addressee)|all rights reserved|©|\(c\) ?\d{4}"
    r"|privacy policy|sent from my (?:iphone|ipad|android|phone)",
    linear_regex.I,
)
_FENCE = linear_regex.compile(r"^[ \t]{0,3}(```|~~~)")
_GREETING = linear_regex.compile(
    r"^[ \t]*(?:(?:hi|hello|hey|dear|greetings|hiya|howdy|good (?:morning|afternoon|evening))\b[^\n,!.:;?]{0,40}"
    r"[,!:]?|(?:(?:dr|mr|mrs|ms|mx|prof)\.?[ \t]+)?[A-Z][\w'-]{1,30}(?:[ \t]+[A-Z][\w'-]{1,30})?,)[ \t]*$",
    linear_regex.I,
)
LIST_ITEM = linear_regex.compile(r"^[ \t]*(?:[-*•▪–]|\d{1,2}[.)])[ \t]+")  # a bullet or numbered line; FH002 reads it too
_URL = linear_regex.compile(r"\b(?:https?://|www\.)[^\s<>()\"']+[^\s<>()\"'.,;:!?]|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
# A wrapped line is a line the writer did not end: long enough to have hit the wrap column, or
# ending mid-clause. Short complete lines ("Quick question.") keep their line break.
_WRAP_MIN = 50
# spaCy's tokenizer strips one prefix or suffix at a time and searches the rest of the piece again each
# time, so a long run of punctuation costs the square of its length (4,000 "[" took 2.4 s). No word is
# this long and most links are shorter, so the parser sees such runs cut into pieces of at most this
# many characters: the cost per character is then bounded (under a second per megabyte).
RUN_LIMIT = 128
_LONG_RUN = linear_regex.compile(r"\S{%d,}" % (RUN_LIMIT + 1))


@dataclass(frozen=True)
class Region:
    kind: str  # subject | greeting | body | ask_zone | url
    start: int
    end: int


@dataclass(frozen=True)
class LintedMessage:
    """A message ready for the parser: the linted text, its regions and what was left out."""

    message: Message
    text: MappedText
    regions: tuple[Region, ...]
    merge_fields: tuple[MergeField, ...]
    excluded: tuple[Excluded, ...]

    def region(self, kind: str) -> Region | None:
        found = self._by_kind.get(kind)
        return found[0] if found else None

    def spans(self, kind: str) -> tuple[Region, ...]:
        return self._by_kind.get(kind, ())

    @cached_property
    def _by_kind(self) -> dict[str, tuple[Region, ...]]:
        # Rules ask "is this span in region X" thousands of times per message.
        out: dict[str, list[Region]] = {}
        for r in self.regions:
            out.setdefault(r.kind, []).append(r)
        return {kind: tuple(found) for kind, found in out.items()}

    def region_at(self, start: int, end: int) -> str:
        """The most specific region a span falls in (used to label diagnostics)."""
        for kind in ("subject", "greeting", "ask_zone"):
            if any(r.start <= start and end <= r.end for r in self.spans(kind)):
                return kind
        return "body"

    @property
    def has_urls(self) -> bool:
        return bool(self.spans("url"))

    def in_url(self, start: int, end: int) -> bool:
        urls = self.spans("url")
        if not urls:
            return False
        # Links are found left to right and never overlap: the one that could overlap the span is the
        # last that starts before its end (a bisection, so a message full of links stays linear).
        k = bisect.bisect_left(self._url_starts, end) - 1
        return k >= 0 and start < urls[k].end

    @cached_property
    def _url_starts(self) -> list[int]:
        return [r.start for r in self.spans("url")]

    @cached_property
    def parser_text(self) -> str:
        """The linted text as the parser reads it: the same length, with overlong runs cut (RUN_LIMIT)."""
        return cut_long_runs(self.text.text)


def cut_long_runs(text: str) -> str:
    """``text`` with every run of more than RUN_LIMIT non-space characters cut by spaces, length kept.

    A piece with no letter or digit (a row of brackets, entities gone wrong) would still be one token
    per character; it becomes one neutral punctuation token ("~" repeated) instead.
    """
    runs = list(_LONG_RUN.finditer(text))
    if not runs:
        return text
    pieces: list[str] = []
    pos = 0
    for m in runs:
        pieces.append(text[pos : m.start()])
        for at in range(m.start(), m.end(), RUN_LIMIT + 1):
            piece = text[at : min(at + RUN_LIMIT, m.end())]
            pieces.append(piece if any(c.isalnum() for c in piece) else "~" * len(piece))
            if at + RUN_LIMIT < m.end():
                pieces.append(" ")
        pos = m.end()
    pieces.append(text[pos:])
    return "".join(pieces)


@dataclass(frozen=True)
class _Line:
    start: int
    end: int  # without the newline
    text: str


def _lines(view: MappedText) -> list[_Line]:
    out = []
    pos = 0
    for raw in view.text.split("\n"):
        out.append(_Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return out


def prepare(message: Message) -> LintedMessage:
    body = message.body
    lines = _lines(body)
    excluded = list(message.excluded)
    keep = [True] * len(lines)

    def exclude(kind: str, first: int, last: int) -> None:
        """Drop lines ``first..last`` (inclusive) and remember them as ``kind``."""
        if first > last:
            return
        for k in range(first, last + 1):
            keep[k] = False
        s, _ = body.to_source(lines[first].start, lines[first].start)
        _, e = body.to_source(lines[first].start, lines[last].end)
        excluded.append(Excluded(kind, s, e))

    # 1. Quoted reply or forwarded block: everything from its first line on.
    tail = len(lines)
    for i, line in enumerate(lines):
        two = line.text + (" " + lines[i + 1].text if i + 1 < len(lines) else "")
        outlook = _OUTLOOK_FROM.match(line.text) and i + 1 < len(lines) and _OUTLOOK_NEXT.match(lines[i + 1].text)
        if _FORWARD.match(line.text) or outlook or _ATTRIBUTION.match(line.text.strip()):
            tail = i
            break
        if line.text.strip().startswith("On ") and _ATTRIBUTION.match(two.strip()):
            tail = i
            break
    exclude("quoted", tail, len(lines) - 1)
    for i in range(tail):
        if lines[i].text.lstrip().startswith(">"):
            exclude("quoted", i, i)

    # 2. Code fences.
    fence_open: int | None = None
    for i in range(tail):
        if _FENCE.match(lines[i].text):
            if fence_open is None:
                fence_open = i
            else:
                exclude("code", fence_open, i)
                fence_open = None

    # 3. Footer: paragraphs at the end that are legal or unsubscribe text.
    end = _last_content(lines, keep, tail)
    footer_start = end + 1
    while end >= 0:
        para_start = end
        while para_start > 0 and keep[para_start - 1] and lines[para_start - 1].text.strip():
            para_start -= 1
        paragraph = " ".join(lines[k].text for k in range(para_start, end + 1))
        if not _FOOTER.search(paragraph):
            break
        if end - para_start >= _FOOTER_MAX_LINES:
            # A long paragraph with no blank lines (a message typed line by line) is not all footer:
            # only its last lines that are legal or unsubscribe text are.
            k = end
            while k >= para_start and _FOOTER.search(lines[k].text):
                k -= 1
            footer_start = k + 1 if k < end else footer_start
            break
        footer_start = para_start
        end = _last_content(lines, keep, para_start)
    exclude("footer", footer_start, _last_content(lines, keep, tail))

    # 4. Signature: a "-- " delimiter, or a sign-off among the last few lines (a last line of a dash and a
    # name counts as one), or a contact block at the end. A P.S. after any of them is the sender's own words again and stays in the body.
    content = [i for i in range(footer_start) if keep[i] and lines[i].text.strip()]
    postscript = _postscript_lines(lines, content)
    written = [i for i in content if i not in postscript]  # the sign-off is looked for above any P.S.
    sig_start: int | None = next((i for i in written if _SIG_DELIMITER.match(lines[i].text)), None)
    if sig_start is None:
        for i in written[-6:]:
            if _SIGN_OFF.match(lines[i].text) and i != content[0]:
                sig_start = i
                break
    if sig_start is None and len(written) >= 2 and _DASH_NAME.match(lines[written[-1]].text):
        last = written[-1]
        # In a paragraph of its own, after anything but a list: "- Pay" ending a list of steps is an item.
        if not lines[last - 1].text.strip() and not LIST_ITEM.match(lines[written[-2]].text):
            sig_start = last
    if sig_start is not None:
        signature = [i for i in range(sig_start, footer_start) if i not in postscript]
    else:
        signature = _contact_block(lines, written)
    for first, last in _runs(signature, lines):
        exclude("signature", first, last)

    return _build(message, lines, keep, excluded)


def _postscript_lines(lines: list[_Line], content: list[int]) -> set[int]:
    """The lines of every P.S. paragraph: from a "P.S." line to the blank line that ends it."""
    out: set[int] = set()
    for i in content[1:]:
        if i in out or not _POSTSCRIPT.match(lines[i].text):
            continue
        k = i
        while k < len(lines) and lines[k].text.strip():
            out.add(k)
            k += 1
    return out


def _contact_block(lines: list[_Line], written: list[int]) -> list[int]:
    """The trailing lines that sign the message without a sign-off: a name, a title, a phone, a link.

    Read from the end up while each line is a contact line. The block signs the message when one of its
    lines could only be contact detail (a phone number, an address, a job title, a template's sender
    field), when it is two name lines or more, or when it is a bare name in a paragraph of its own
    ("Tom", "The Stackwise Team"). A short sentence ("Worth a look?") is never a contact line, and the
    block never takes the whole body.
    """
    block: list[int] = []
    strong = False
    for i in reversed(written[1:]):
        kind = _contact_kind(lines[i].text)
        if kind is None or len(block) == 6:
            break
        block.insert(0, i)
        strong = strong or kind == "strong"
    if len(block) == len(written) - 1 and block:
        block = block[1:]  # the first line after the greeting is what the message says
    if not block:
        return []
    first = block[0]
    own_paragraph = first > 0 and not lines[first - 1].text.strip()
    if strong or len(block) >= 2 or (own_paragraph and len(written) > 2):
        return block
    return []


def _contact_kind(text: str) -> str | None:
    """'strong' for a line only contact detail fills, 'weak' for a name or company line, None otherwise."""
    line = text.strip()
    if not line or len(line) > 70 or LIST_ITEM.match(line):
        return None
    if _PHONE.fullmatch(line) and sum(c.isdigit() for c in line) >= 7:
        return "strong"
    bare = _CONTACT_LABEL.sub("", line)
    if _URL.fullmatch(bare):
        return "strong"
    fields = list(merge_fields(line))
    if fields:
        rest = line
        for m in reversed(fields):
            rest = rest[: m.start()] + " " + rest[m.end() :]
        if rest.strip(_SEPARATORS + " \t"):
            return None
        names = " ".join(field_name(m)[0] for m in fields)
        return "strong" if _SENDER_FIELD.search(names) else "weak"
    words = [w for w in _SEPARATOR_RUN.split(line) if w]
    if not words or len(words) > 8 or not words[0][:1].isupper():
        return None
    for k, word in enumerate(words):
        lower = word.lower()
        if lower in _NAME_PARTICLES:
            continue
        if not _NAME_WORD.fullmatch(word) or (word.endswith(".") and k == len(words) - 1 and lower not in _ABBREVIATIONS):
            return None
    return "strong" if any(w.lower().strip(".") in _TITLE_WORDS for w in words) else "weak"


def _runs(indices: list[int], lines: list[_Line]) -> list[tuple[int, int]]:
    """Consecutive runs of line indices (blank lines between two of them join them)."""
    runs: list[tuple[int, int]] = []
    for i in indices:
        if runs and all(not lines[k].text.strip() for k in range(runs[-1][1] + 1, i)):
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs


def _last_content(lines: list[_Line], keep: list[bool], before: int) -> int:
    i = before - 1
    while i >= 0 and (not keep[i] or not lines[i].text.strip()):
        i -= 1
    return i


def _build(message: Message, lines: list[_Line], keep: list[bool], excluded: list[Excluded]) -> LintedMessage:
    body = message.body
    b = TextBuilder()
    regions: list[Region] = []
    if message.subject is not None:
        subject = message.subject
        # Subjects are one line; folded headers read as spaces.
        b.copy(subject, 0, len(subject), subject.text.replace("\n", " "))
        regions.append(Region("subject", 0, b.length))
        b.insert_at("\n\n", subject.anchor)
    kept = [ln for i, ln in enumerate(lines) if keep[i]]
    # Greeting: the first non-empty kept line, when it reads like one.
    first = next((k for k, ln in enumerate(kept) if ln.text.strip()), None)
    greeting_idx = None
    if first is not None and _GREETING.match(kept[first].text) and len(kept[first].text.split()) <= 6:
        greeting_idx = first
    body_start: int | None = None
    paragraphs: list[tuple[int, int]] = []
    para_open: int | None = None
    prev: _Line | None = None
    for k, line in enumerate(kept):
        stripped = line.text.strip()
        if not stripped:
            if para_open is not None:
                paragraphs.append((para_open, b.length))
                para_open = None
            prev = None
            continue
        lead = len(line.text) - len(line.text.lstrip())
        if prev is not None and prev.end + 1 == line.start and _is_wrapped(prev.text, line.text):
            b.insert(" ", body, prev.end, line.start)  # the newline, read as a space
        elif b.length:
            if para_open is not None and prev is not None and prev.end + 1 == line.start:
                b.insert("\n", body, prev.end, line.start)
            else:
                if para_open is not None:
                    paragraphs.append((para_open, b.length))
                    para_open = None
                b.insert_at("\n\n", body.source_start(line.start))
        if k == greeting_idx:
            g0 = b.length
            b.copy(body, line.start + lead, line.end)
            regions.append(Region("greeting", g0, b.length))
            prev = None
            continue
        if body_start is None:
            body_start = b.length
        if para_open is None:
            para_open = b.length
        b.copy(body, line.start + lead, line.end)
        prev = line
    if para_open is not None:
        paragraphs.append((para_open, b.length))
    text = b.build(anchor=body.anchor)
    total = len(text)
    if body_start is not None:
        regions.append(Region("body", body_start, total))
        ask = _ask_zone(text.text, paragraphs)
        if ask:
            regions.append(Region("ask_zone", *ask))
    else:
        regions.append(Region("body", total, total))
    text, regions, fields = _merge_fields(text, regions)
    if "://" in text.text or "www." in text.text or "@" in text.text:  # what any match must contain
        regions.extend(Region("url", m.start(), m.end()) for m in _URL.finditer(text.text))
    return LintedMessage(message, text, tuple(regions), fields, tuple(sorted(excluded, key=lambda x: (x.start, x.end))))


def _is_wrapped(prev: str, nxt: str) -> bool:
    if LIST_ITEM.match(nxt) or _GREETING.match(prev):
        return False
    p = prev.rstrip()
    if len(p) >= _WRAP_MIN:
        return True
    return bool(p) and (p[-1].islower() or p[-1] == ",") and nxt.lstrip()[:1].islower()


def _ask_zone(text: str, paragraphs: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The closing paragraph, with the one before it when the close is a short line."""
    if not paragraphs:
        return None
    start, end = paragraphs[-1]
    if len(paragraphs) >= 3 and len(text[start:end].split()) < 12:
        start = paragraphs[-2][0]
    return start, end


# What the parser takes (spaCy's max_length), less a margin for the subject and greeting layout.
PARSER_CHARS = 999_000


def _merge_fields(text: MappedText, regions: list[Region]) -> tuple[MappedText, list[Region], tuple[MergeField, ...]]:
    """Replace merge fields with a neutral word the parser reads as a filled-in value."""
    matches = list(merge_fields(text.text))
    if not matches:
        return text, regions, ()
    named = [field_name(m) for m in matches]
    words = [placeholder_for(name, syntax) or " " for name, syntax in named]
    # A text of thousands of short fields ("___ ___ ...", "{a}{a}...") would grow past what the parser
    # takes once each became a word longer than itself; then every such word is cut to one letter, so
    # the text never grows and a message the reader let through is never refused at the parser.
    if len(text) + sum(max(0, len(w) - (m.end() - m.start())) for w, m in zip(words, matches)) > PARSER_CHARS:
        words = [w if len(w) <= m.end() - m.start() else "X" for w, m in zip(words, matches)]
    b = TextBuilder()
    fields: list[MergeField] = []
    old_marks: list[int] = []  # old offsets where the length changes
    deltas: list[int] = []  # cumulative shift after each mark
    shift = 0
    pos = 0
    for m, (name, syntax), word in zip(matches, named, words):
        b.copy(text, pos, m.start())
        start = b.length
        b.insert(word, text, m.start(), m.end())
        fields.append(MergeField(name, syntax, start, b.length, m.group(0)))
        shift += len(word) - (m.end() - m.start())
        old_marks.append(m.end())
        deltas.append(shift)
        pos = m.end()
    b.copy(text, pos, len(text))
    new = b.build(anchor=text.anchor)

    def move(offset: int) -> int:
        k = bisect.bisect_right(old_marks, offset) - 1
        return offset + (deltas[k] if k >= 0 else 0)

    moved = [Region(r.kind, move(r.start), move(r.end)) for r in regions]
    return new, moved, tuple(fields)
