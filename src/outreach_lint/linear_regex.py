"""Regular expressions that run in time linear in the text, whatever the text is.

Every pattern outreach-lint runs on text a user wrote goes through :func:`compile`, which hands it to
RE2 (the ``google-re2`` package). RE2 matches with automata, never by backtracking, so no input can
make a match slower than linear; a pattern that would need backtracking (look-around, back-references)
does not compile at all. No module of outreach-lint imports Python's ``re`` (a test holds this; see
docs/security.md).

Patterns are written in Python's syntax and translated, so that they keep Python's meaning on
Unicode text: ``\\w``, ``\\s`` and ``\\d`` stay Unicode-aware (RE2's own are ASCII-only), and ``$``
without MULTILINE still matches before a final line break (the match then ends after it). One
difference remains and is part of the contract: ``\\b`` is a boundary between an ASCII word
character and anything else, so a word that starts or ends with a non-ASCII letter has no boundary
there. The patterns that use ``\\b`` put it next to English words.

Matching a slice (``pos``/``endpos``) costs time in the slice, not in the whole text: callers that
walk a long text with many anchored matches stay linear overall.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import re2


class Flag(enum.IntFlag):
    """The three flags outreach-lint's patterns use, with Python's meaning."""

    NONE = 0
    IGNORECASE = 1
    MULTILINE = 2
    DOTALL = 4


I = Flag.IGNORECASE
M = Flag.MULTILINE
S = Flag.DOTALL

# Python's Unicode classes, spelled for RE2. Python's \s is str.isspace(): ASCII \t..\r, the
# information separators \x1c..\x1f, space, NEL, and the Unicode separators (Zs, Zl, Zp).
_SPACE_ITEMS = r"\t-\r\x{1c}-\x{20}\x{85}\p{Z}"
_WORD_ITEMS = r"\p{L}\p{N}_"
_DIGIT_ITEMS = r"\p{Nd}"
_OUTSIDE = {
    "w": f"[{_WORD_ITEMS}]",
    "W": f"[^{_WORD_ITEMS}]",
    "s": f"[{_SPACE_ITEMS}]",
    "S": f"[^{_SPACE_ITEMS}]",
    "d": _DIGIT_ITEMS,
    "D": r"\P{Nd}",
    "Z": r"\z",
}
_INSIDE = {"w": _WORD_ITEMS, "s": _SPACE_ITEMS, "d": _DIGIT_ITEMS}
# A negated shorthand inside a class cannot be written as a union for RE2; the one idiom in use,
# "a word character that is not an underscore", has an exact spelling.
_IDIOMS = {r"[^\W_]": r"[\p{L}\p{N}]"}

# The same classes cut down to ASCII, for a second compiled form used only on ASCII text: there every
# class matches exactly its ASCII part, and RE2 compiles a counted repeat of a Unicode class ("[\w.'-]
# {0,20}") into a program tens of times larger, some 50-100 ms to compile for each of a few patterns.
_ASCII_SPACE_ITEMS = r"\t-\r\x{1c}-\x{20}"
_ASCII_WORD_ITEMS = "A-Za-z0-9_"
_ASCII_OUTSIDE = {
    "w": f"[{_ASCII_WORD_ITEMS}]",
    "W": f"[^{_ASCII_WORD_ITEMS}]",
    "s": f"[{_ASCII_SPACE_ITEMS}]",
    "S": f"[^{_ASCII_SPACE_ITEMS}]",
    "d": "[0-9]",
    "D": "[^0-9]",
    "Z": r"\z",
}
_ASCII_INSIDE = {"w": _ASCII_WORD_ITEMS, "s": _ASCII_SPACE_ITEMS, "d": "0-9"}
_ASCII_IDIOMS = {r"[^\W_]": "[A-Za-z0-9]"}


class PatternError(ValueError):
    """A pattern that cannot run in linear time (or is not valid)."""


def translate(pattern: str, flags: Flag = Flag.NONE, *, ascii_text: bool = False) -> str:
    """Python regex syntax -> RE2 syntax with the same meaning (see the module docstring).

    ``ascii_text=True`` spells the classes for ASCII text only: the result matches exactly as the
    full translation does on any ASCII text, and must not be used on other text.
    """
    inside, outside, idioms = (_ASCII_INSIDE, _ASCII_OUTSIDE, _ASCII_IDIOMS) if ascii_text else (_INSIDE, _OUTSIDE, _IDIOMS)
    # Without MULTILINE, Python's "$" also matches before a final line break; RE2's only at the end.
    end_of_text = "$" if flags & M else r"(?:\n?\z)"
    out: list[str] = []
    i, n = 0, len(pattern)
    in_class = False
    while i < n:
        for idiom, spelled in idioms.items():
            if not in_class and pattern.startswith(idiom, i):
                out.append(spelled)
                i += len(idiom)
                break
        else:
            c = pattern[i]
            if c == "\\" and i + 1 < n:
                e = pattern[i + 1]
                table = inside if in_class else outside
                if e in table:
                    out.append(table[e])
                elif in_class and e in "WSD":
                    raise PatternError(f"\\{e} inside a character class is not supported: {pattern!r}")
                elif e == "u" and i + 5 < n and all(ch in "0123456789abcdefABCDEF" for ch in pattern[i + 2 : i + 6]):
                    out.append(f"\\x{{{pattern[i + 2 : i + 6]}}}")
                    i += 4
                elif e.isdigit() and e != "0":
                    raise PatternError(f"back-references need backtracking: {pattern!r}")
                else:
                    out.append(c + e)
                i += 2
                continue
            if in_class:
                in_class = c != "]"
            elif c == "[":
                in_class = True
                out.append(c)
                i += 1
                # A ']' or '^]' right after the opening bracket is a literal.
                if i < n and pattern[i] == "^":
                    out.append("^")
                    i += 1
                if i < n and pattern[i] == "]":
                    out.append("\\]")
                    i += 1
                continue
            elif pattern.startswith(("(?=", "(?!", "(?<=", "(?<!", "(?P="), i):
                raise PatternError(f"look-around and back-references need backtracking: {pattern!r}")
            elif c == "$":
                out.append(end_of_text)
                i += 1
                continue
            out.append(c)
            i += 1
    return "".join(out)


_UNANCHORED = re2._Anchor.UNANCHORED
_ANCHOR_START = re2._Anchor.ANCHOR_START
_ANCHOR_BOTH = re2._Anchor.ANCHOR_BOTH
_NO_SPAN = (-1, -1)


class Match:
    """A match: the span of each group, as offsets into the text the caller passed."""

    __slots__ = ("_spans", "_names", "string", "_last")

    def __init__(self, spans: list[tuple[int, int]], names: dict[str, int], string: str) -> None:
        self._spans, self._names, self.string = spans, names, string
        self._last: str | None | bool = False  # lastgroup, once asked (False: not yet)

    def _index(self, group: int | str) -> int:
        return self._names[group] if isinstance(group, str) else group

    def start(self, group: int | str = 0) -> int:
        return self._spans[self._index(group)][0]

    def end(self, group: int | str = 0) -> int:
        return self._spans[self._index(group)][1]

    def span(self, group: int | str = 0) -> tuple[int, int]:
        return self._spans[self._index(group)]

    def group(self, group: int | str = 0) -> str | None:
        s, e = self._spans[self._index(group)]
        return None if s < 0 else self.string[s:e]

    __getitem__ = group

    def groups(self) -> tuple[str | None, ...]:
        return tuple(self.group(i) for i in range(1, len(self._spans)))

    def groupdict(self) -> dict[str, str | None]:
        return {name: self.group(index) for name, index in self._names.items()}

    @property
    def lastgroup(self) -> str | None:
        """The named group that closed last (the one taken, in an alternation of named groups)."""
        if self._last is not False:
            return self._last  # type: ignore[return-value]
        best: tuple[int, int] | None = None
        name_of = None
        for name, index in self._names.items():
            s, e = self._spans[index]
            if s >= 0 and (best is None or (e, -index) > best):
                best, name_of = (e, -index), name
        self._last = name_of
        return name_of


@dataclass(frozen=True)
class Pattern:
    """A compiled linear-time pattern; the subset of ``re.Pattern`` outreach-lint uses."""

    pattern: str
    flags: Flag
    _source: str = field(repr=False, compare=False)  # the RE2 spelling, flags included
    _ascii_source: str = field(repr=False, compare=False)  # the same for ASCII text only (see translate)
    # RE2 compiles each form when it is first used: the ~90 patterns of the modules cost about 0.4 s
    # to compile, and a short run uses some of them, most only on ASCII text. Holds the compiled
    # forms by name ("full", "ascii") and their group names ("names", the same for both).
    _state: dict[str, Any] = field(repr=False, compare=False, default_factory=dict)

    def _form(self, name: str) -> Any:
        compiled = self._state.get(name)
        if compiled is None:
            options = re2.Options()
            options.log_errors = False
            try:
                compiled = re2.compile(self._source if name == "full" else self._ascii_source, options)
            except re2.error as exc:
                raise PatternError(f"not a linear-time pattern ({exc}): {self.pattern!r}") from None
            self._state.setdefault("names", dict(compiled.groupindex))
            self._state[name] = compiled
        return compiled

    def ensure_compiled(self) -> Pattern:
        """Compile both forms now (raises :class:`PatternError` if RE2 refuses one); returns the pattern."""
        self._form("full")
        self._form("ascii")
        return self

    @property
    def _compiled(self) -> Any:
        return self._form("full")

    @property
    def _names(self) -> dict[str, int]:
        if "names" not in self._state:
            self._form("ascii")
        return self._state["names"]

    def _scan(self, anchor: Any, text: str, pos: int, endpos: int | None) -> Iterator[list[tuple[int, int]]]:
        """Group spans of each match in ``text[pos:endpos]``, in offsets of ``text``.

        Only the window is copied and encoded, so a caller stepping through a long text with bounded
        windows stays linear. ASCII text (nearly all mail) is matched on its bytes directly, whose
        offsets are character offsets; other text goes through the package's decoding wrapper.
        """
        end = len(text) if endpos is None else max(0, min(endpos, len(text)))
        pos = max(0, min(pos, end))
        window = text if pos == 0 and end == len(text) else text[pos:end]
        if window.isascii():
            data = window.encode("ascii")
            raw = self._form("ascii")._regexp
            at, stop = 0, len(data)
            while True:
                spans = raw.Match(anchor, data, at, stop)
                if spans[0] == _NO_SPAN:
                    return
                yield [_NO_SPAN if s < 0 else (s + pos, e + pos) for s, e in spans]
                start, at = spans[0]
                if at == start:  # an empty match: look again one character on
                    at += 1
                if anchor is not _UNANCHORED or at > stop:
                    return
        else:
            method = {_UNANCHORED: "finditer", _ANCHOR_START: "match", _ANCHOR_BOTH: "fullmatch"}[anchor]
            found = getattr(self._compiled, method)(window)
            for m in found if anchor is _UNANCHORED else ([found] if found is not None else []):
                yield [_NO_SPAN if s < 0 else (s + pos, e + pos) for s, e in (m.span(i) for i in range(self._groups + 1))]

    @property
    def _groups(self) -> int:
        return self._compiled.groups

    def _first(self, anchor: Any, text: str, pos: int, endpos: int | None) -> Match | None:
        spans = next(self._scan(anchor, text, pos, endpos), None)
        return Match(spans, self._names, text) if spans is not None else None

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> Match | None:
        return self._first(_UNANCHORED, text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> Match | None:
        return self._first(_ANCHOR_START, text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int | None = None) -> Match | None:
        return self._first(_ANCHOR_BOTH, text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[Match]:
        for spans in self._scan(_UNANCHORED, text, pos, endpos):
            yield Match(spans, self._names, text)

    def findall(self, text: str) -> list[Any]:
        return self._form("ascii" if text.isascii() else "full").findall(text)

    def split(self, text: str) -> list[str]:
        return self._form("ascii" if text.isascii() else "full").split(text)

    def sub(self, repl: Any, text: str) -> str:
        return self._form("ascii" if text.isascii() else "full").sub(repl, text)


# Every pattern compiled here, so the adversarial benchmark and the tests can reach all of them.
REGISTRY: list[Pattern] = []


def compile(pattern: str, flags: Flag = Flag.NONE, *, register: bool = True) -> Pattern:  # noqa: A001
    """Compile ``pattern`` (Python syntax) for RE2; raises :class:`PatternError` if it cannot be.

    A registered pattern (a module's own, held in :data:`REGISTRY`) is translated now, so syntax
    that needs backtracking fails here, and handed to RE2 on first use; :func:`compile_registry`
    compiles them all (the tests do). ``register=False`` keeps a pattern out of the registry and
    compiles it at once (a pack's REGEX, checked when the pack loads).
    """
    prefix = "".join(f for f, on in (("i", flags & I), ("m", flags & M), ("s", flags & S)) if on)
    full, ascii_only = (translate(pattern, flags, ascii_text=a) for a in (False, True))
    result = Pattern(pattern, Flag(flags), *(f"(?{prefix}){body}" if prefix else body for body in (full, ascii_only)))
    if register:
        REGISTRY.append(result)
        return result
    return result.ensure_compiled()


def compile_registry() -> list[Pattern]:
    """Every registered pattern, each compiled by RE2 (raises :class:`PatternError` on the first refused)."""
    return [p.ensure_compiled() for p in REGISTRY]


_SPECIAL = frozenset("\\.^$*+?()[]{}|-")


def escape(text: str) -> str:
    """``text`` as a literal in a pattern (Python syntax, so it goes through :func:`translate`)."""
    return "".join("\\" + c if c in _SPECIAL else c for c in text)
