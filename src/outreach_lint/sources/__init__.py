"""Read messages from every place outreach lives: files, stdin and API records."""

from __future__ import annotations

import os
import stat
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from ..mapped import MappedText
from ..names import INPUT_FORMATS
from ..profiles import AUTO, PROFILES, speaker_turns
from .base import Message, ParsedFile, SourceError, SourceNote
from .decode import decode_bytes
from .email_ import mbox_messages, parse_eml
from .html import html_to_text, looks_like_html
from .jsonrec import JString, parse_json_document
from .script import SpeakerLabels, split_script
from .template import TEMPLATE_EXTENSIONS, has_template_syntax, strip_template_syntax
from .text import html_comments, markdown_to_text, split_header

__all__ = [
    "FORMATS",
    "Message",
    "ParsedFile",
    "ReadOptions",
    "SourceError",
    "detect_format",
    "holds_records",
    "message_from_record",
    "not_regular_message",
    "read_bytes",
    "read_path",
    "read_regular",
    "read_regular_file",
]

FORMATS = INPUT_FORMATS  # the readers below serve exactly these (names.py defines them)
# The file names a directory walk lints by default (config's `include` is built from these).
LINTABLE_SUFFIXES = (
    ".txt", ".md", ".markdown", ".html", ".htm", ".eml", ".mbox", ".jsonl", ".ndjson", ".json",
) + TEMPLATE_EXTENSIONS


# What the parser of each format failing on a file means: the file is malformed for that format.
_MALFORMED = {
    "eml": ("E005", "malformed email: the email parser failed on it ({what}); check its headers and MIME parts"),
    "mbox": ("E005", "malformed email: the email parser failed on it ({what}); check its headers and MIME parts"),
    "html": ("E006", "malformed HTML: the HTML parser failed on it ({what}); check its markup"),
    "jsonl": ("E007", "malformed JSON: the reader failed on it ({what}); check the records"),
    "json": ("E007", "malformed JSON: the reader failed on it ({what}); check the records"),
}
_PACKAGE_DIR = Path(__file__).resolve().parent.parent

T = TypeVar("T")


@dataclass(frozen=True)
class ReadOptions:
    labels: SpeakerLabels = field(default_factory=SpeakerLabels)
    max_bytes: int = 2_000_000
    format: str | None = None  # forced format, else detected from the name
    profile: str | None = None  # the config's or --profile's; None or "auto": read from each message


def detect_format(name: str) -> str:
    lower = name.lower()
    if lower.endswith((".script.txt", ".script.md")):
        return "script"
    suffix = Path(lower).suffix
    return {
        ".md": "markdown",
        ".markdown": "markdown",
        ".html": "html",
        ".htm": "html",
        ".eml": "eml",
        ".mbox": "mbox",
        ".jsonl": "jsonl",
        ".ndjson": "jsonl",
        ".json": "json",
    }.get(suffix, "template" if suffix in TEMPLATE_EXTENSIONS else "text")


def not_regular_message(mode: int) -> str:
    kind = (
        "a FIFO (named pipe)" if stat.S_ISFIFO(mode)
        else "a character device" if stat.S_ISCHR(mode)
        else "a block device" if stat.S_ISBLK(mode)
        else "a socket" if stat.S_ISSOCK(mode)
        else "a special file"
    )
    return f"not a regular file: {kind} is never read; name text files or directories"


def read_regular(
    path: Path, max_bytes: int, remedy: str | None = "raise max-file-size in the config or split the file"
) -> tuple[bytes, os.stat_result]:
    """A regular file's bytes and its status, both taken from the one open file.

    Opened without blocking and checked with fstat before a byte is read: a FIFO or a device that took
    the file's place after the directory walk is refused instead of hanging the run.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    try:
        status = os.fstat(fd)
        if stat.S_ISDIR(status.st_mode):
            raise SourceError("E001", "is a directory: not a regular file")
        if not stat.S_ISREG(status.st_mode):
            raise SourceError("E001", not_regular_message(status.st_mode))
        with os.fdopen(fd, "rb") as f:
            fd = -1  # closed by the file object from here on
            # The size is checked before reading and again after: a file that grows meanwhile stops at the limit.
            data = f.read(max_bytes + 1) if status.st_size <= max_bytes else b""
    finally:
        if fd >= 0:
            os.close(fd)
    size = max(status.st_size, len(data))
    if size > max_bytes:
        raise SourceError("E004", f"file is {size:,} bytes, over the {max_bytes:,}-byte limit" + (f": {remedy}" if remedy else ""))
    return data, status


def read_path(path: Path, options: ReadOptions, display: str | None = None) -> ParsedFile:
    name = display or str(path)
    try:
        data, _ = read_regular(path, options.max_bytes)
    except FileNotFoundError:
        raise SourceError("E008", "no such file or directory: check the path") from None
    except PermissionError:
        raise SourceError("E001", "permission denied: make the file readable") from None
    except OSError as exc:
        raise SourceError("E001", f"cannot read file ({exc.strerror or exc}): check the path") from None
    return read_bytes(data, name, options)


def holds_records(path: Path, max_bytes: int) -> bool:
    """Whether ``path`` is JSON the records reader lints: an object with a ``body`` or ``html``
    string, a list holding one, or ``{"messages": [...]}`` holding one.

    A directory walk lints only such ``.json`` files; ``bower.json``, ``tsconfig.json`` and other data
    are not outreach. Anything that cannot be read or parsed is not records either (a file named on
    the command line is still read, and its error reported).
    """
    try:
        data, _ = read_regular(path, max_bytes)
        root = MappedText.normalised(decode_bytes(data).text)
        doc = parse_json_document(root)
    except (OSError, SourceError, RecursionError, ValueError):
        return False
    items = doc.get("messages") if isinstance(doc, dict) and isinstance(doc.get("messages"), list) else doc
    return any(
        isinstance(item, dict) and (isinstance(item.get("body"), JString) or isinstance(item.get("html"), JString))
        for item in (items if isinstance(items, list) else [items])
    )


def read_regular_file(path: Path, max_bytes: int) -> bytes:
    """The content of ``path``, a regular file of at most ``max_bytes`` (config files and packs).

    Raises SourceError E001 (not a regular file) or E004 (too large; the caller names the remedy), or
    OSError when the file cannot be opened.
    """
    return read_regular(path, max_bytes, remedy=None)[0]


def read_bytes(data: bytes, name: str, options: ReadOptions) -> ParsedFile:
    if len(data) > options.max_bytes:
        raise SourceError(
            "E004",
            f"input is {len(data):,} bytes, over the {options.max_bytes:,}-byte limit: "
            "raise max-file-size in the config or split the input",
        )
    decoded = _guarded("text", lambda: decode_bytes(data))
    fmt = options.format or detect_format(name)
    parsed = read_text(decoded.text, name, fmt, options)
    return ParsedFile(parsed.messages, decoded.notes + parsed.notes)


def read_text(source: str, name: str, fmt: str, options: ReadOptions) -> ParsedFile:
    """Split ``source`` (a whole file) into messages according to ``fmt``.

    Raises only :class:`SourceError`: whatever a format's reader raises becomes an error for this file.
    """
    if fmt not in FORMATS:
        raise SourceError("E012", f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    return _guarded(fmt, lambda: _read_text(source, name, fmt, options))


def _read_text(source: str, name: str, fmt: str, options: ReadOptions) -> ParsedFile:
    root = MappedText.normalised(source)
    if fmt == "eml":
        return ParsedFile((parse_eml(root, name, source=source),))
    if fmt == "mbox":
        return _read_mbox(root, source, name)
    if fmt in ("jsonl", "json"):
        return _read_records(root, source, name, fmt, options)
    return ParsedFile((_draft(root, source, name, fmt, options),))


def _guarded(fmt: str, read: Callable[[], T]) -> T:
    """Run one reader, turning anything it raises besides SourceError into a SourceError.

    An exception from a library a reader relies on (the standard library's email parser raises
    IndexError or AttributeError on some headers) means that library could not read this input: the
    file is malformed for its format. An exception raised in outreach-lint's own code is a bug, not the
    file's fault, so it keeps its own code (E014) and asks to be reported. Either way it is one file's
    error and the run goes on.
    """
    try:
        return read()
    except SourceError:
        raise
    except Exception as exc:
        raise _reader_failure(exc, fmt) from exc


def _reader_failure(exc: Exception, fmt: str) -> SourceError:
    frames = traceback.extract_tb(exc.__traceback__)
    innermost = Path(frames[-1].filename).resolve() if frames else _PACKAGE_DIR
    what = type(exc).__name__
    if fmt in _MALFORMED and not innermost.is_relative_to(_PACKAGE_DIR):
        code, message = _MALFORMED[fmt]
        return SourceError(code, message.format(what=what))
    detail = " ".join(str(exc).split())[:160]
    return SourceError(
        "E014", f"internal error reading the file ({what}: {detail}); please report it with the file that caused it"
    )


def _read_mbox(root: MappedText, source: str, name: str, first_index: int = 1) -> ParsedFile:
    messages: list[Message] = []
    notes: list[SourceNote] = []
    for i, chunk in enumerate(mbox_messages(root), start=first_index):
        try:
            # Each message is read on its own, so one the email parser fails on leaves the others linted.
            messages.append(_guarded("mbox", lambda: parse_eml(chunk, name, source=source, fmt="mbox", index=i)))
        except SourceError as exc:
            notes.append(SourceNote(exc.code, f"message {i}: {exc.message}"))
    return ParsedFile(tuple(messages), tuple(notes))


def _draft(root: MappedText, source: str, name: str, fmt: str, options: ReadOptions) -> Message:
    """A text, Markdown, HTML, template or script file holding one message."""
    lower = name.lower()
    header = split_header(root, allow_front_matter=fmt != "html")
    meta = header.meta
    inner = fmt
    if fmt == "template":
        stem = lower.rsplit(".", 1)[0]
        inner = "template-html" if stem.endswith((".html", ".htm")) else "template"
    elif fmt == "script":
        inner = "markdown" if lower.endswith(".md") else "text"
    elif fmt == "html" and has_template_syntax(header.body.text):
        # An HTML email template (Handlebars or Liquid kept as .html): its tags are template syntax,
        # taken out before the HTML is read, and the file is linted in template mode.
        inner = "template-html"
    kind = str(meta.get("kind", "")).lower() or ("script" if fmt == "script" else "email")
    message = Message(
        path=name,
        source=source,
        body=header.body,
        subject=header.subject,
        format=fmt,
        kind=kind,
        profile=_str_or_none(meta.get("profile")),
        mode=_str_or_none(meta.get("mode")),
        directives=header.directives,
        notes=header.notes,
        meta=meta,
    )
    return convert_body(message, inner, options)


def _read_records(root: MappedText, source: str, name: str, fmt: str, options: ReadOptions) -> ParsedFile:
    if fmt == "jsonl":
        records, notes = jsonl_values(root)
    else:
        doc = parse_json_document(root)
        items = doc.get("messages") if isinstance(doc, dict) and isinstance(doc.get("messages"), list) else doc
        items = items if isinstance(items, list) else [items]
        records, notes = [(item, i) for i, item in enumerate(items, start=1)], []
    messages, record_notes = record_messages(records, root, source, name, fmt, options)
    if not messages and not notes and not record_notes:
        raise SourceError("E003", "no records: there is no message to lint")
    return ParsedFile(tuple(messages), tuple(notes + record_notes))


def jsonl_values(root: MappedText, first_line: int = 1) -> tuple[list[tuple[Any, int]], list[SourceNote]]:
    """The JSON value of each non-blank line of ``root`` with its line number, and the lines that are not JSON."""
    records: list[tuple[Any, int]] = []
    notes: list[SourceNote] = []
    pos = 0
    for lineno, line in enumerate(root.text.split("\n"), start=first_line):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip():
            continue
        try:
            records.append((parse_json_document(root, start, end), lineno))
        except SourceError as exc:
            notes.append(SourceNote(exc.code, f"line {lineno}: {exc.message.split(': ', 1)[-1]}"))
    return records, notes


def record_messages(
    records: list[tuple[Any, int]], root: MappedText, source: str, name: str, fmt: str, options: ReadOptions
) -> tuple[list[Message], list[SourceNote]]:
    """The message of each record (numbered by line for jsonl, by position for json), and the records that are not messages."""
    messages: list[Message] = []
    notes: list[SourceNote] = []
    where = "line" if fmt == "jsonl" else "record"
    for record, n in records:
        if not isinstance(record, dict):
            notes.append(SourceNote("E007", f"{where} {n}: a record must be a JSON object"))
            continue
        try:
            messages.append(_guarded(fmt, lambda: _record_message(record, root, source, name, fmt, options, default_id=f"{where}-{n}")))
        except SourceError as exc:
            notes.append(SourceNote(exc.code, f"{where} {n}: {exc.message}"))
    return messages, notes


def _record_message(
    record: dict[str, Any], root: MappedText, source: str, name: str, fmt: str, options: ReadOptions, default_id: str
) -> Message:
    body_value = record.get("body")
    html_value = record.get("html")
    if not isinstance(body_value, JString) and not isinstance(html_value, JString):
        raise SourceError("E007", "a record needs a 'body' or 'html' string")
    subject = record.get("subject")
    ident = record.get("id")
    message = Message(
        path=name,
        source=source,
        body=(body_value if isinstance(body_value, JString) else html_value).value,  # type: ignore[union-attr]
        subject=subject.value if isinstance(subject, JString) else None,
        format=fmt,
        message_id=(ident.text if isinstance(ident, JString) else str(ident)) if ident is not None else default_id,
        profile=_plain_str(record.get("profile")),
        mode=_plain_str(record.get("mode")),
        meta={"record": True},
    )
    inner = _plain_str(record.get("format")) or ("html" if not isinstance(body_value, JString) else "text")
    return convert_body(message, inner, options, kind=_plain_str(record.get("kind")))


def convert_body(message: Message, inner: str, options: ReadOptions, kind: str | None = None) -> Message:
    """Apply the body format of a record (HTML, Markdown, template, script) to its text."""
    body = message.body
    directives = message.directives
    excluded = message.excluded
    notes = message.notes
    is_template = inner.startswith("template")
    if is_template:
        body, tdirs = strip_template_syntax(body)
        directives += tdirs
    if inner in ("html", "template-html") or (is_template and looks_like_html(body.text)):
        body, hdirs, excluded, hnotes = html_to_text(body)
        directives += hdirs
        notes += hnotes
    else:
        body, cdirs = html_comments(body)
        directives += cdirs
        if inner == "markdown":
            body, excluded = markdown_to_text(body)
    kind = kind or ("script" if inner == "script" else message.kind)
    if kind == "email" and _reads_as_script(message, body, options):
        kind = "script"
    meta = message.meta
    if kind == "script":
        split = split_script(body, options.labels)
        body = split.text
        excluded += split.excluded
        # Who was taken as the seller goes to the report; the turns (source offsets) to the spoken rules.
        meta = {**meta, "speakers": split.speakers, "turns": split.turns}
    return replace(
        message,
        meta=meta,
        body=body,
        directives=directives,
        excluded=excluded,
        notes=notes,
        kind=kind,
        is_template=is_template or message.is_template,
    )


def _reads_as_script(message: Message, body: MappedText, options: ReadOptions) -> bool:
    """A message of an email format that is a call script: named so (a record's ``profile: script``, the
    config's profile), or, with no profile named, lines that alternate between speakers. It is read as a
    script so that the prospect's turns are someone else's words, not linted as the seller's."""
    profile = message.profile if message.profile in PROFILES else options.profile
    if message.profile == AUTO:
        profile = None
    if profile == "script":
        return True
    return profile in (None, AUTO) and bool(speaker_turns(body.text))


def message_from_record(record: Mapping[str, Any] | Message, options: ReadOptions, index: int) -> Message:
    """A message handed to the API as a mapping (``subject``, ``body`` or ``html``, ``id``...)."""
    if isinstance(record, Message):
        return record
    body = record.get("body")
    html = record.get("html")
    if not isinstance(body, str) and not isinstance(html, str):
        raise SourceError("E007", "a message needs a 'body' or 'html' string")
    subject = record.get("subject")
    subject = subject if isinstance(subject, str) else None
    # The API's source is subject and body laid out like a draft file, so offsets are stable and
    # excerpts read naturally: "Subject: ...\n\n<body>".
    text = body if isinstance(body, str) else html
    assert isinstance(text, str)
    prefix = f"Subject: {subject}\n\n" if subject is not None else ""
    source = prefix + text
    subject_view = None
    if subject is not None:
        subject_view = MappedText.normalised(source, len("Subject: "), len("Subject: ") + len(subject))
    message = Message(
        path=str(record.get("path") or "<message>"),
        source=source,
        body=MappedText.normalised(source, len(prefix)),
        subject=subject_view,
        format=str(record.get("format") or ("html" if not isinstance(body, str) else "text")),
        kind=str(record.get("kind") or "email"),
        message_id=str(record["id"]) if record.get("id") is not None else f"#{index}",
        profile=_plain_str(record.get("profile")),
        mode=_plain_str(record.get("mode")),
        meta={"api": True},
    )
    inner = message.format if message.format in ("html", "markdown", "template", "script") else "text"
    return convert_body(message, inner, options)


def _plain_str(value: Any) -> str | None:
    if isinstance(value, JString):
        return value.text
    return value if isinstance(value, str) else None


def _str_or_none(value: Any) -> str | None:
    return str(value) if value is not None else None
