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


class PatternError(ValueError):
    """A pattern that cannot run in linear time (or is not valid)."""


def translate(pattern: str, flags: Flag = Flag.NONE) -> str:
    """Python regex syntax -> RE2 syntax with the same meaning (see the module docstring)."""
    # Without MULTILINE, Python's "$" also matches before a final line break; RE2's only at the end.
    end_of_text = "$" if flags & M else r"(?:\n?\z)"
    out: list[str] = []
    i, n = 0, len(pattern)
    in_class = False
    while i < n:
        for idiom, spelled in _IDIOMS.items():
            if not in_class and pattern.startswith(idiom, i):
                out.append(spelled)
                i += len(idiom)
                break
        else:
            c = pattern[i]
            if c == "\\" and i + 1 < n:
                e = pattern[i + 1]
                table = _INSIDE if in_class else _OUTSIDE
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


class Match:
    """A match, with offsets into the text the caller passed (not into a slice of it)."""

    __slots__ = ("_m", "_base", "_names", "string")

    def __init__(self, m: Any, base: int, names: dict[str, int], string: str) -> None:
        self._m, self._base, self._names, self.string = m, base, names, string

    def _index(self, group: int | str) -> int:
        return self._names[group] if isinstance(group, str) else group

    def start(self, group: int | str = 0) -> int:
        s = self._m.start(self._index(group))
        return s if s < 0 else s + self._base

    def end(self, group: int | str = 0) -> int:
        e = self._m.end(self._index(group))
        return e if e < 0 else e + self._base

    def span(self, group: int | str = 0) -> tuple[int, int]:
        return self.start(group), self.end(group)

    def group(self, group: int | str = 0) -> str | None:
        s, e = self._m.span(self._index(group))
        return None if s < 0 else self.string[s + self._base : e + self._base]

    __getitem__ = group

    def groups(self) -> tuple[str | None, ...]:
        return self._m.groups()

    def groupdict(self) -> dict[str, str | None]:
        return {name: self.group(index) for name, index in self._names.items()}

    @property
    def lastgroup(self) -> str | None:
        """The named group that matched last (the one taken, in an alternation of named groups)."""
        best: tuple[int, int] | None = None
        name_of = None
        for name, index in self._names.items():
            s, e = self._m.span(index)
            if s >= 0 and (best is None or (e, -index) > best):
                best, name_of = (e, -index), name
        return name_of


@dataclass(frozen=True)
class Pattern:
    """A compiled linear-time pattern; the subset of ``re.Pattern`` outreach-lint uses."""

    pattern: str
    flags: Flag
    _compiled: Any = field(repr=False, compare=False)
    _names: dict[str, int] = field(repr=False, compare=False, default_factory=dict)

    def _window(self, text: str, pos: int, endpos: int | None) -> tuple[str, int]:
        end = len(text) if endpos is None else min(endpos, len(text))
        pos = max(0, min(pos, end))
        if pos == 0 and end == len(text):
            return text, 0
        return text[pos:end], pos

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> Match | None:
        window, base = self._window(text, pos, endpos)
        m = self._compiled.search(window)
        return Match(m, base, self._names, text) if m is not None else None

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> Match | None:
        window, base = self._window(text, pos, endpos)
        m = self._compiled.match(window)
        return Match(m, base, self._names, text) if m is not None else None

    def fullmatch(self, text: str, pos: int = 0, endpos: int | None = None) -> Match | None:
        window, base = self._window(text, pos, endpos)
        m = self._compiled.fullmatch(window)
        return Match(m, base, self._names, text) if m is not None else None

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[Match]:
        window, base = self._window(text, pos, endpos)
        for m in self._compiled.finditer(window):
            yield Match(m, base, self._names, text)

    def findall(self, text: str) -> list[Any]:
        return self._compiled.findall(text)

    def split(self, text: str) -> list[str]:
        return self._compiled.split(text)

    def sub(self, repl: Any, text: str) -> str:
        return self._compiled.sub(repl, text)


# Every pattern compiled here, so the adversarial benchmark and the tests can reach all of them.
REGISTRY: list[Pattern] = []


def compile(pattern: str, flags: Flag = Flag.NONE, *, register: bool = True) -> Pattern:  # noqa: A001
    """Compile ``pattern`` (Python syntax) for RE2; raises :class:`PatternError` if it cannot be.

    ``register=False`` keeps a pattern out of :data:`REGISTRY` (a pack's REGEX, checked at load).
    """
    prefix = "".join(f for f, on in (("i", flags & I), ("m", flags & M), ("s", flags & S)) if on)
    body = translate(pattern, flags)
    options = re2.Options()
    options.log_errors = False
    try:
        compiled = re2.compile(f"(?{prefix}){body}" if prefix else body, options)
    except re2.error as exc:
        raise PatternError(f"not a linear-time pattern ({exc}): {pattern!r}") from None
    result = Pattern(pattern, Flag(flags), compiled, dict(compiled.groupindex))
    if register:
        REGISTRY.append(result)
    return result


_SPECIAL = frozenset("\\.^$*+?()[]{}|-")


def escape(text: str) -> str:
    """``text`` as a literal in a pattern (Python syntax, so it goes through :func:`translate`)."""
    return "".join("\\" + c if c in _SPECIAL else c for c in text)
