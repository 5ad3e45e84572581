"""JSON and JSON Lines records (``id``, ``subject``, ``body`` or ``html``), with string positions.

The standard library's parser forgets where a value sat in the file, so this small reader keeps the
span of every string and decodes escapes one character at a time: a finding inside a JSON string
points at the characters the user typed, escapes included.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..mapped import LineIndex, MappedText, TextBuilder
from .base import SourceError

_SPACE = frozenset(" \t\n\r")
_DIGITS = frozenset("0123456789")
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


@dataclass(frozen=True)
class JString:
    """A JSON string value: its decoded text mapped to the source."""

    value: MappedText

    @property
    def text(self) -> str:
        return self.value.text


class _Reader:
    def __init__(self, view: MappedText, start: int, end: int) -> None:
        self.view = view
        self.text = view.text
        self.i = start
        self.end = end

    def fail(self, what: str) -> SourceError:
        line, col = LineIndex(self.text).line_col(min(self.i, len(self.text)))
        return SourceError("E007", f"malformed JSON at line {line}, column {col}: {what}")

    def ws(self) -> None:
        i, text, end = self.i, self.text, self.end
        while i < end and text[i] in _SPACE:
            i += 1
        self.i = i

    def _digits(self, i: int) -> int:
        while i < self.end and self.text[i] in _DIGITS:
            i += 1
        return i

    def number_end(self) -> int:
        """Where the JSON number at the cursor ends (the cursor itself if none starts there).

        A scan rather than a regex: a reader that matches once per value must not copy the rest of
        the file each time.
        """
        text, end = self.text, self.end
        i = self.i + (self.i < end and text[self.i] == "-")
        if i < end and text[i] == "0":
            i += 1
        elif i < end and text[i] in _DIGITS:
            i = self._digits(i + 1)
        else:
            return self.i
        if i + 1 < end and text[i] == "." and text[i + 1] in _DIGITS:
            i = self._digits(i + 2)
        if i < end and text[i] in "eE":
            k = i + 1 + (i + 1 < end and text[i + 1] in "+-")
            if k < end and text[k] in _DIGITS:
                i = self._digits(k + 1)
        return i

    def value(self, depth: int = 0) -> Any:
        if depth > 200:
            raise self.fail("nested too deeply")
        self.ws()
        if self.i >= self.end:
            raise self.fail("unexpected end of input")
        ch = self.text[self.i]
        if ch == "{":
            return self.obj(depth)
        if ch == "[":
            return self.arr(depth)
        if ch == '"':
            return self.string()
        for word, val in (("true", True), ("false", False), ("null", None)):
            if self.text.startswith(word, self.i):
                self.i += len(word)
                return val
        stop = self.number_end()
        if stop > self.i:
            number, self.i = self.text[self.i : stop], stop
            return float(number) if any(c in number for c in ".eE") else int(number)
        raise self.fail(f"unexpected character {ch!r}")

    def obj(self, depth: int) -> dict[str, Any]:
        self.i += 1
        out: dict[str, Any] = {}
        self.ws()
        if self.text.startswith("}", self.i):
            self.i += 1
            return out
        while True:
            self.ws()
            if not self.text.startswith('"', self.i):
                raise self.fail("expected a quoted key")
            key = self.string().text
            self.ws()
            if not self.text.startswith(":", self.i):
                raise self.fail("expected ':' after a key")
            self.i += 1
            out[key] = self.value(depth + 1)
            self.ws()
            if self.text.startswith(",", self.i):
                self.i += 1
                continue
            if self.text.startswith("}", self.i):
                self.i += 1
                return out
            raise self.fail("expected ',' or '}'")

    def arr(self, depth: int) -> list[Any]:
        self.i += 1
        out: list[Any] = []
        self.ws()
        if self.text.startswith("]", self.i):
            self.i += 1
            return out
        while True:
            out.append(self.value(depth + 1))
            self.ws()
            if self.text.startswith(",", self.i):
                self.i += 1
                continue
            if self.text.startswith("]", self.i):
                self.i += 1
                return out
            raise self.fail("expected ',' or ']'")

    def string(self) -> JString:
        self.i += 1
        b = TextBuilder()
        text, view = self.text, self.view
        run = self.i
        while True:
            if self.i >= self.end:
                raise self.fail("unterminated string")
            ch = text[self.i]
            if ch == '"':
                b.copy(view, run, self.i)
                self.i += 1
                return JString(b.build(anchor=view.source_start(self.i - 1)))
            if ch == "\\":
                b.copy(view, run, self.i)
                start = self.i
                esc = text[self.i + 1 : self.i + 2]
                if esc in _ESCAPES:
                    self.i += 2
                    value = _ESCAPES[esc]
                elif esc == "u":
                    value, self.i = self._unicode(self.i)
                else:
                    raise self.fail("invalid escape")
                if value == "\r":
                    value = ""  # CRLF inside a JSON body reads as one line end
                b.insert(value, view, start, self.i)
                run = self.i
                continue
            if ch == "\n" or ord(ch) < 0x20 and ch != "\t":
                raise self.fail("control character in string")
            self.i += 1

    def _unicode(self, at: int) -> tuple[str, int]:
        hexdigits = self.text[at + 2 : at + 6]
        if len(hexdigits) != 4 or not all(c in "0123456789abcdefABCDEF" for c in hexdigits):
            raise self.fail("invalid \\u escape")
        code = int(hexdigits, 16)
        end = at + 6
        if 0xD800 <= code < 0xDC00 and self.text.startswith("\\u", end):
            low_hex = self.text[end + 2 : end + 6]
            if len(low_hex) == 4 and all(c in "0123456789abcdefABCDEF" for c in low_hex):
                low = int(low_hex, 16)
                if 0xDC00 <= low < 0xE000:
                    return chr(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)), end + 6
        if 0xD800 <= code < 0xE000:
            return "\ufffd", end
        return chr(code), end


def parse_json_document(view: MappedText, start: int = 0, end: int | None = None) -> Any:
    """Parse one JSON value from ``view.text[start:end]``; strings come back as :class:`JString`."""
    reader = _Reader(view, start, len(view.text) if end is None else end)
    value = reader.value()
    reader.ws()
    if reader.i != reader.end:
        raise reader.fail("extra data after the JSON value")
    return value


def plain(value: Any) -> Any:
    """Turn a parsed value back into ordinary Python (strings as ``str``)."""
    if isinstance(value, JString):
        return value.text
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value
