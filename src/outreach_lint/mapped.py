"""Text that remembers where each character came from in the user's source file.

Every transformation between the file and the parser (MIME decoding, HTML to text, JSON string
unescaping, merge-field placeholders, reflowing hard-wrapped lines, dropping quoted replies) builds a
new :class:`MappedText` whose characters each carry a ``[start, end)`` span in the original source.
Composition happens eagerly, so a span of the final text maps back with two array lookups and
``source[start:end]`` is always the exact excerpt the user wrote.
"""

from __future__ import annotations

import bisect
import json
from array import array
from dataclasses import dataclass
from typing import Any

from . import linear_regex
from .diagnostics import SourceEdit, Position

_LINE_BREAK = linear_regex.compile(r"\r\n?")


def _run(start: int, stop: int) -> array:
    """array("q", range(start, stop)), built by numpy: 25 times faster for a message-sized text."""
    import numpy

    out = array("q")
    out.frombytes(numpy.arange(start, stop, dtype=numpy.int64).tobytes())
    return out


@dataclass(frozen=True)
class MappedText:
    text: str
    starts: array  # starts[i]: source offset where text[i] begins
    ends: array  # ends[i]: source offset where text[i] ends (== starts[i] for inserted characters)
    anchor: int  # source offset used for an empty span at the end of the text

    @classmethod
    def identity(cls, source: str, base: int = 0) -> MappedText:
        n = len(source)
        return cls(source, _run(base, base + n), _run(base + 1, base + n + 1), base + n)

    @classmethod
    def normalised(cls, source: str, start: int = 0, end: int | None = None) -> MappedText:
        """A view of ``source[start:end]`` with CRLF and CR read as LF; offsets stay exact."""
        end = len(source) if end is None else end
        root = cls.identity(source[start:end], base=start)
        if "\r" not in root.text:
            return root
        b = TextBuilder()
        pos = 0
        for m in _LINE_BREAK.finditer(root.text):
            b.copy(root, pos, m.start())
            b.insert("\n", root, m.start(), m.end())
            pos = m.end()
        b.copy(root, pos, len(root.text))
        return b.build(anchor=end)

    def __len__(self) -> int:
        return len(self.text)

    def source_start(self, i: int) -> int:
        return self.starts[i] if i < len(self.text) else self.anchor

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of this text to a span of the source (never inverted)."""
        s = self.source_start(start)
        if end <= start:
            return s, s
        e = self.ends[end - 1]
        return s, max(s, e)

    def slice(self, start: int, end: int) -> MappedText:
        b = TextBuilder()
        b.copy(self, start, end)
        return b.build(anchor=self.source_start(end) if end < len(self.text) else self.anchor)


class TextBuilder:
    """Accumulates pieces of mapped text; cheap appends, one join at the end."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._starts = array("q")
        self._ends = array("q")
        self._last_end = 0

    @property
    def length(self) -> int:
        return len(self._starts)

    def copy(self, parent: MappedText, start: int, end: int, text: str | None = None) -> None:
        """Append ``parent.text[start:end]``; ``text`` may substitute same-length characters."""
        if end <= start:
            return
        piece = parent.text[start:end] if text is None else text
        if len(piece) != end - start:
            raise ValueError("substituted text must keep the length of the span it replaces")
        self._parts.append(piece)
        self._starts.extend(parent.starts[start:end])
        self._ends.extend(parent.ends[start:end])
        self._last_end = self._ends[-1]

    def insert(self, text: str, parent: MappedText, start: int, end: int) -> None:
        """Append ``text`` standing for ``parent.text[start:end]`` as a whole."""
        if not text:
            return
        s, e = parent.to_source(start, end)
        self._parts.append(text)
        self._starts.extend([s] * len(text))
        self._ends.extend([e] * len(text))
        self._last_end = e

    def insert_at(self, text: str, offset: int) -> None:
        """Append ``text`` that exists nowhere in the source (separators), anchored at ``offset``."""
        if not text:
            return
        self._parts.append(text)
        self._starts.extend([offset] * len(text))
        self._ends.extend([offset] * len(text))

    def build(self, anchor: int | None = None) -> MappedText:
        return MappedText(
            "".join(self._parts),
            self._starts,
            self._ends,
            self._last_end if anchor is None else anchor,
        )


@dataclass(frozen=True)
class FieldSpan:
    """One field of the message a caller sent (``subject``, ``body``, ``html``) as a span of the source.

    ``start``/``end`` bound the characters that spell the field's value in the source. ``json``: the
    span is the inside of a JSON string literal, whose escapes decode to the value the caller holds
    (``\\n`` is one character of it, ``\\ud83d\\ude80`` one code point and two UTF-16 units).
    """

    name: str
    start: int
    end: int
    json: bool = False


def message_fields(message: Any) -> tuple[FieldSpan, ...]:
    """The caller's fields of a message given to the API or read from a jsonl/json record; () otherwise.

    Read from where the sources put each field (no reader records them): the API lays a message out as
    ``"Subject: <subject>\\n\\n<body>"``; a record's fields are JSON string literals of the file.
    """
    meta = message.meta
    source = message.source
    subject = message.subject
    out: list[FieldSpan] = []
    if meta.get("api"):
        body_start = 0
        if subject is not None:
            # The subject view covers exactly the subject: its anchor is where the subject ends.
            end = subject.anchor
            out.append(FieldSpan("subject", subject.starts[0] if len(subject) else end, end))
            body_start = end + 2  # the blank line between subject and body
        # An HTML body is the `html` field, or a `body` given with format html: both are HTML.
        out.append(FieldSpan("html" if message.format == "html" else "body", body_start, len(source)))
    elif meta.get("record"):
        if subject is not None:
            # A record's subject is its JSON string as decoded: the anchor is the closing quote.
            end = subject.anchor
            out.append(FieldSpan("subject", subject.starts[0] if len(subject) else end, end, json=True))
        body = message.body
        literal = _json_literal_around(source, body.source_start(0) if len(body) else body.anchor)
        if literal is not None:
            out.append(FieldSpan(*literal, json=True))
    return tuple(out)


def _unescaped(source: str, i: int) -> bool:
    """Whether the quote at ``i`` ends (or starts) a JSON string: an even run of backslashes before it."""
    k = i
    while k > 0 and source[k - 1] == "\\":
        k -= 1
    return (i - k) % 2 == 0


def _json_literal_around(source: str, point: int) -> tuple[str, int, int] | None:
    """The key and the inside of the JSON string literal holding ``point`` (a record's body or html).

    Inside a literal every quote is escaped, so the nearest unescaped quote before ``point`` opens it.
    """
    q = source.rfind('"', 0, point)
    while q > 0 and not _unescaped(source, q):
        q = source.rfind('"', 0, q)
    if q < 0:
        return None
    close = source.find('"', q + 1)
    while close != -1 and not _unescaped(source, close):
        close = source.find('"', close + 1)
    # Before the literal: optional space, the colon, optional space and the key's closing quote.
    k = q - 1
    while k >= 0 and source[k] in " \t\r\n":
        k -= 1
    if close == -1 or k < 0 or source[k] != ":":
        return None
    k -= 1
    while k >= 0 and source[k] in " \t\r\n":
        k -= 1
    if k <= 0 or source[k] != '"':
        return None
    key_open = source.rfind('"', 0, k)
    while key_open > 0 and not _unescaped(source, key_open):
        key_open = source.rfind('"', 0, key_open)
    try:
        key = json.loads(source[key_open : k + 1])
    except ValueError:
        return None
    return str(key), q + 1, close


class _JsonLiteral:
    """Offsets within the value a JSON string literal decodes to, for points between its escapes.

    ``marks[k]`` is a source offset right after the k-th escape (the literal's start for k = 0), where
    the value so far has ``points[k]`` code points and ``units[k]`` UTF-16 units; characters between
    escapes stand for themselves.
    """

    def __init__(self, source: str, start: int, end: int) -> None:
        self.marks, self.points, self.units = [start], [0], [0]
        points = units = 0
        pos = start
        astral = _astral_offsets(source[start:end])
        i = source.find("\\", start, end)
        while i != -1:
            points += i - pos
            units += i - pos + bisect.bisect_left(astral, i - start) - bisect.bisect_left(astral, pos - start)
            width, size = 1, 2
            if source.startswith("u", i + 1):
                size = 6
                high = _hex(source[i + 2 : i + 6])
                low = _hex(source[i + 8 : i + 12]) if source.startswith("\\u", i + 6) else None
                if high is not None and 0xD800 <= high < 0xDC00 and low is not None and 0xDC00 <= low < 0xE000:
                    width, size = 2, 12  # a surrogate pair: one code point, two UTF-16 units
            pos = min(i + size, end)
            points += 1
            units += width
            self.marks.append(pos)
            self.points.append(points)
            self.units.append(units)
            i = source.find("\\", pos, end)
        self._astral = astral
        self._start = start

    def offsets(self, offset: int) -> tuple[int, int]:
        k = bisect.bisect_right(self.marks, offset) - 1
        mark = self.marks[k]
        run = max(0, offset - mark)
        a = self._astral
        wide = bisect.bisect_left(a, offset - self._start) - bisect.bisect_left(a, mark - self._start)
        return self.points[k] + run, self.units[k] + run + wide


def _hex(digits: str) -> int | None:
    try:
        return int(digits, 16) if len(digits) == 4 else None
    except ValueError:
        return None


def _astral_offsets(text: str) -> list[int]:
    """Offsets of the characters outside the Basic Multilingual Plane (two UTF-16 units each)."""
    if text.isascii():
        return []
    import numpy

    points = numpy.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=numpy.uint32)
    return numpy.flatnonzero(points > 0xFFFF).tolist()


class LineIndex:
    """Offsets to 1-based (line, column) for one source text, and to UTF-16 and LSP coordinates.

    Lines end at ``\\n`` (a CRLF line's ``\\r`` is its last character), for the LSP pair too.
    """

    def __init__(self, source: str) -> None:
        self._source = source
        self._astral: list[int] | None = None
        self._fields: dict[int, tuple[Any, tuple[FieldSpan, ...]]] = {}
        self._literals: dict[tuple[int, int], _JsonLiteral] = {}
        self._starts = [0]
        find = source.find
        i = find("\n")
        while i != -1:
            self._starts.append(i + 1)
            i = find("\n", i + 1)

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def utf16(self, offset: int) -> int:
        """The UTF-16 offset of a code-point offset: each astral character before it counts twice."""
        if self._astral is None:
            self._astral = _astral_offsets(self._source)
        return offset + bisect.bisect_left(self._astral, offset)

    def position(self, offset: int, field: FieldSpan | None = None) -> Position:
        line, column = self.line_col(offset)
        utf16 = self.utf16(offset)
        field_offset = field_utf16 = None
        if field is not None:
            inside = min(max(offset, field.start), field.end)
            if field.json:
                key = (field.start, field.end)
                literal = self._literals.get(key)
                if literal is None:
                    literal = self._literals[key] = _JsonLiteral(self._source, field.start, field.end)
                field_offset, field_utf16 = literal.offsets(inside)
            else:
                field_offset, field_utf16 = inside - field.start, self.utf16(inside) - self.utf16(field.start)
        return Position(
            offset, line, column, utf16, line - 1, utf16 - self.utf16(self._starts[line - 1]), field_offset, field_utf16
        )

    def place(self, start: int, end: int, message: Any) -> tuple[Position, Position, str | None]:
        """Both ends of a span of ``message``'s source, and the field it starts in."""
        field = self.field_at(start, message)
        return self.position(start, field), self.position(end, field), field.name if field else None

    def edit(self, start: int, end: int, replacement: str, message: Any) -> SourceEdit:
        s, e, _ = self.place(start, end, message)
        return SourceEdit(start, end, replacement, s, e)

    def field_at(self, offset: int, message: Any) -> FieldSpan | None:
        cached = self._fields.get(id(message))
        if cached is None or cached[0] is not message:
            # The message is kept with its fields so that its id is not reused while cached.
            cached = self._fields[id(message)] = (message, message_fields(message))
        return next((f for f in cached[1] if f.start <= offset <= f.end), None)

    def line_start(self, line: int) -> int:
        return self._starts[line - 1]

    def line_end(self, line: int, source: str) -> int:
        end = self._starts[line] - 1 if line < len(self._starts) else len(source)
        return end

    @property
    def line_count(self) -> int:
        return len(self._starts)
