"""Text that remembers where each character came from in the user's source file.

Every transformation between the file and the parser (MIME decoding, HTML to text, JSON string
unescaping, merge-field placeholders, reflowing hard-wrapped lines, dropping quoted replies) builds a
new :class:`MappedText` whose characters each carry a ``[start, end)`` span in the original source.
Composition happens eagerly, so a span of the final text maps back with two array lookups and
``source[start:end]`` is always the exact excerpt the user wrote.
"""

from __future__ import annotations

import bisect
from array import array
from dataclasses import dataclass

from . import linear_regex

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

    def last_source_end(self) -> int:
        return self._last_end

    def build(self, anchor: int | None = None) -> MappedText:
        return MappedText(
            "".join(self._parts),
            self._starts,
            self._ends,
            self._last_end if anchor is None else anchor,
        )


class LineIndex:
    """Offsets to 1-based (line, column) for one source text."""

    def __init__(self, source: str) -> None:
        self._starts = [0]
        find = source.find
        i = find("\n")
        while i != -1:
            self._starts.append(i + 1)
            i = find("\n", i + 1)

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def line_start(self, line: int) -> int:
        return self._starts[line - 1]

    def line_end(self, line: int, source: str) -> int:
        end = self._starts[line] - 1 if line < len(self._starts) else len(source)
        return end

    @property
    def line_count(self) -> int:
        return len(self._starts)
