"""The message model every source format produces, and the errors a source can raise."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..mapped import MappedText


class SourceError(Exception):
    """A file or record that cannot be linted. ``code`` is stable; the message names the remedy."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class Directive:
    """A suppression comment found in the source: its inner text and where it sits."""

    text: str
    start: int
    end: int
    host: str  # html-comment, template-comment, front-matter, header


@dataclass(frozen=True)
class SourceNote:
    """A problem with the input that did not stop linting (shown in ``errors``)."""

    code: str
    message: str


@dataclass(frozen=True)
class Excluded:
    """A part of the source that is deliberately not linted (quoted reply, signature, ...)."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class Message:
    """One message to lint, with every piece of text mapped back to ``source``.

    ``source`` is the whole decoded file: all offsets in diagnostics index into it, so a file that
    holds many messages (mbox, jsonl) shares one source among them.
    """

    path: str
    source: str
    body: MappedText
    subject: MappedText | None = None
    format: str = "text"
    kind: str = "email"  # email | script | text
    message_id: str | None = None
    profile: str | None = None
    mode: str | None = None
    directives: tuple[Directive, ...] = ()
    excluded: tuple[Excluded, ...] = ()
    notes: tuple[SourceNote, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict)
    # Inline template syntax (expressions) is expected here, so merge fields are opaque names.
    is_template: bool = False


@dataclass(frozen=True)
class ParsedFile:
    """What a source reader returns for one file: its messages, and problems with its records."""

    messages: tuple[Message, ...]
    notes: tuple[SourceNote, ...] = ()
