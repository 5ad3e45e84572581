"""Value types that flow out of the linter: severities, positions, findings and diagnostics.

This module is pure data: it imports nothing heavy so formatters and API users can use it without
loading spaCy.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class Severity(enum.IntEnum):
    """How much a finding matters. Ordered so that ``Severity.ERROR > Severity.INFO``."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str | Severity) -> Severity:
        if isinstance(value, Severity):
            return value
        try:
            return cls[str(value).strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r}: use info, warning or error") from None

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Position:
    """A point in a source file: 0-based character offset, 1-based line and column.

    ``offset`` counts code points, as Python does. Clients that count UTF-16 code units (JavaScript,
    Java, C#, the Language Server Protocol) read ``offset_utf16`` and ``lsp_line``/``lsp_character``
    (0-based line, UTF-16 character within it) instead. ``field_offset`` and ``field_offset_utf16``
    count from the start of the field the point lies in (the ``subject``, ``body`` or ``html`` a caller
    sent; ``None`` outside a field), in code points and UTF-16 units of the field's value.
    """

    offset: int
    line: int
    column: int
    offset_utf16: int | None = None
    lsp_line: int | None = None
    lsp_character: int | None = None
    field_offset: int | None = None
    field_offset_utf16: int | None = None

    def to_dict(self) -> dict[str, Any]:
        lsp = None if self.lsp_line is None else {"line": self.lsp_line, "character": self.lsp_character}
        return {
            "offset": self.offset,
            "line": self.line,
            "column": self.column,
            "offset_utf16": self.offset_utf16,
            "lsp": lsp,
            "field_offset": self.field_offset,
            "field_offset_utf16": self.field_offset_utf16,
        }


@dataclass(frozen=True)
class SourceEdit:
    """Replace ``source[start:end]`` with ``replacement`` (offsets into the source file).

    ``start_position`` and ``end_position``, when the engine placed the edit, carry the same two points
    in every unit a :class:`Position` has (UTF-16, LSP line/character, offsets within the field).
    """

    start: int
    end: int
    replacement: str
    start_position: Position | None = None
    end_position: Position | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"start": self.start, "end": self.end, "replacement": self.replacement}
        if self.start_position is not None and self.end_position is not None:
            out["range"] = {"start": self.start_position.to_dict(), "end": self.end_position.to_dict()}
        return out


@dataclass(frozen=True)
class Suggestion:
    """A way to fix a finding, in the source: what a rule's :class:`Fix` becomes once the engine has
    placed it (its TextEdits become SourceEdits). ``safe`` edits may be applied without a human reading them."""

    title: str
    edits: tuple[SourceEdit, ...] = ()
    safe: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "edits": [e.to_dict() for e in self.edits], "safe": self.safe}


@dataclass(frozen=True)
class TextEdit:
    """A suggested replacement expressed in the rule's coordinates (the linted text)."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True)
class Fix:
    """What a rule proposes: a title and optional edits in linted-text coordinates (the engine turns it
    into a :class:`Suggestion` in source coordinates)."""

    title: str
    edits: tuple[TextEdit, ...] = ()
    safe: bool = False


@dataclass(frozen=True)
class Finding:
    """What a rule reports: a span of the linted text (character offsets) and a message.

    Rules work in the coordinates of the text they were given; the engine maps findings back to the
    file the user opened.
    """

    start: int
    end: int
    message: str
    fixes: tuple[Fix, ...] = ()
    severity: Severity | None = None  # None: the rule's (configured) default


@dataclass(frozen=True)
class Diagnostic:
    """A finding placed in the user's source file, ready for output."""

    code: str
    name: str
    category: str
    severity: Severity
    message: str
    start: Position
    end: Position
    excerpt: str
    region: str
    suggestions: tuple[Suggestion, ...] = ()
    # The field of the caller's message the finding starts in (subject, body, html), for messages
    # given to the API or read from jsonl/json records; None for a file that is not a record.
    field: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "category": self.category,
            "severity": self.severity.label,
            "message": self.message,
            "start": self.start.to_dict(),
            "end": self.end.to_dict(),
            "excerpt": self.excerpt,
            "region": self.region,
            "field": self.field,
            "suggestions": [s.to_dict() for s in self.suggestions],
        }


@dataclass(frozen=True)
class InputError:
    """A file (or record) that could not be linted, with a stable code and a remedy."""

    path: str
    code: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"path": self.path, "code": self.code, "message": self.message}


class InvalidInputError(ValueError):
    """Text handed to the API that cannot be linted as given, such as a lone UTF-16 surrogate.

    Raised by ``Linter.lint_message``, ``lint_text`` and ``lint_many`` before any parsing starts.
    ``field`` names the argument (``subject``, ``body``, ``html``, ``text``, or ``3.body`` for the
    fourth record of ``lint_many``), ``offset`` the code point in it, and ``code`` is stable (E015).
    A ``ValueError``, so code that caught the encoder's error keeps working.
    """

    def __init__(self, field: str, offset: int, code: str, message: str) -> None:
        # All four go to Exception so the error pickles (worker processes send it back as is).
        super().__init__(field, offset, code, message)
        self.field = field
        self.offset = offset
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return f"{self.field}: {self.code} {self.message}"

    def to_error(self) -> InputError:
        """The same problem as an entry of a result's ``errors``."""
        return InputError(self.field, self.code, self.message)


@dataclass(frozen=True)
class Report:
    """The result of linting one message."""

    path: str
    message_id: str | None
    diagnostics: tuple[Diagnostic, ...]
    metrics: dict[str, Any] = field(default_factory=dict)
    score: int = 100
    score_breakdown: dict[str, int] = field(default_factory=dict)
    source: str = field(default="", repr=False, compare=False)

    def counts(self) -> dict[str, int]:
        out = {s.label: 0 for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)}
        for d in self.diagnostics:
            out[d.severity.label] += 1
        return out

    def worst(self) -> Severity | None:
        return max((d.severity for d in self.diagnostics), default=None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "message_id": self.message_id,
            "score": self.score,
            "score_breakdown": dict(self.score_breakdown),
            "metrics": dict(self.metrics),
            "diagnostics": [d.to_dict() for d in self.diagnostics],
        }


@dataclass(frozen=True)
class RunResult:
    """Reports for every message that could be linted, and errors for everything that could not."""

    reports: tuple[Report, ...]
    errors: tuple[InputError, ...]
    files: int

    def worst(self) -> Severity | None:
        return max((r.worst() for r in self.reports if r.worst() is not None), default=None)
