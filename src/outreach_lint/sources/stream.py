"""Record files (JSON Lines and mailboxes) read as a stream, a batch of records at a time.

A record file is many messages, so its size says nothing about the size of one: a 5,000-record
export is several megabytes of ordinary e-mails. It is read line by line and handed on in batches,
never held whole, and the size limit applies to each record instead of the file. Each batch is a
piece of the file that starts at a line start; its messages carry offsets into that piece, and
:func:`shift_report` moves a report's positions back to the whole file.
"""

from __future__ import annotations

import codecs
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from ..diagnostics import Position, Report, Suggestion
from ..mapped import MappedText
from . import ReadOptions, _read_mbox, jsonl_values, not_regular_message, record_messages
from .base import Message, SourceError, SourceNote
from .decode import looks_binary

STREAM_FORMATS = ("jsonl", "mbox")
# A batch is handed on when it holds this many records or this many bytes, whichever comes first.
BATCH_RECORDS = 64
BATCH_BYTES = 1_000_000
_BLOCK = 1 << 16


class NotStreamable(Exception):
    """The file is in a form read whole instead (UTF-16 or UTF-32: its lines are not byte lines)."""


@dataclass(frozen=True)
class RecordBatch:
    """Messages of consecutive records, with where their piece of the file starts in the whole file."""

    messages: tuple[Message, ...]
    base_offset: int  # characters of the file before the piece
    base_line: int  # lines of the file before the piece
    bytes_read: int  # bytes of the file read so far, for progress
    base_units: int = 0  # UTF-16 code units of the file before the piece (for offset_utf16)


def _open(path: Path) -> tuple[BinaryIO, int]:
    """The open file and its size; a FIFO or a device is refused before a byte is read (as read_regular)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise SourceError("E008", "no such file or directory: check the path") from None
    except PermissionError:
        raise SourceError("E001", "permission denied: make the file readable") from None
    except OSError as exc:
        raise SourceError("E001", f"cannot read file ({exc.strerror or exc}): check the path") from None
    status = os.fstat(fd)
    if not stat.S_ISREG(status.st_mode):
        os.close(fd)
        raise SourceError("E001", "is a directory: not a regular file" if stat.S_ISDIR(status.st_mode) else not_regular_message(status.st_mode))
    return os.fdopen(fd, "rb"), status.st_size


class RecordStream:
    """Read one .jsonl or .mbox file as batches of messages; ``notes`` is complete once they are read.

    Notes come in the order the whole-file reader gives them: the encoding, then lines that are not
    JSON, then records that are not messages, then each message's own notes.
    """

    def __init__(self, path: Path, name: str, fmt: str, options: ReadOptions) -> None:
        if fmt not in STREAM_FORMATS:
            raise ValueError(f"{fmt} files are read whole")
        self.path, self.name, self.fmt, self.options = path, name, fmt, options
        self.size = 0
        # Characters and UTF-16 units read so far, and the units at each line start since the last batch.
        self._chars_total = self._units_total = 0
        self._units_at: dict[int, int] = {}
        self._decode_notes: list[SourceNote] = []
        self._parse_notes: list[SourceNote] = []
        self._record_notes: list[SourceNote] = []
        self._message_notes: list[SourceNote] = []
        self._any_message = False

    @property
    def notes(self) -> tuple[SourceNote, ...]:
        return (*self._decode_notes, *self._parse_notes, *self._record_notes, *self._message_notes)

    # -- lines -------------------------------------------------------------------------------------
    def _lines(self, f: BinaryIO) -> Iterator[tuple[str | None, int, int]]:
        """(decoded line or None when over the record limit, its length in characters, bytes read so far)."""
        limit = self.options.max_bytes
        consumed = 0
        lineno = 0
        replace_errors = False
        head = f.peek(8192)[:8192] if hasattr(f, "peek") else b""
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)):  # and UTF-32-LE
            raise NotStreamable
        if head.startswith(codecs.BOM_UTF8):
            f.read(len(codecs.BOM_UTF8))
            consumed += len(codecs.BOM_UTF8)
            replace_errors = True  # as for a whole file: a BOM says the encoding, nothing is reported
        elif looks_binary(head):
            raise SourceError("E002", "binary file, not text: lint text, Markdown, HTML, .eml, .mbox, .jsonl or templates")
        while True:
            raw = f.readline(limit + 1)
            if not raw:
                return
            lineno += 1
            if len(raw) > limit and not raw.endswith(b"\n"):
                # Longer than a record may be: count its characters without keeping it.
                decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
                piece = decoder.decode(raw)
                chars, units = len(piece), _units(piece)
                size = len(raw)
                while not raw.endswith(b"\n"):
                    raw = f.readline(_BLOCK)
                    if not raw:
                        break
                    size += len(raw)
                    piece = decoder.decode(raw)
                    chars, units = chars + len(piece), units + _units(piece)
                piece = decoder.decode(b"", final=True)
                chars, units = chars + len(piece), units + _units(piece)
                consumed += size
                self._line_start(chars, units)
                yield None, chars, consumed
                self._oversized(lineno, size)
                continue
            try:
                text = raw.decode("utf-8", errors="replace" if replace_errors else "strict")
            except UnicodeDecodeError as exc:
                self._decode_notes.append(SourceNote(
                    "E010",
                    f"invalid UTF-8 at byte {consumed + exc.start} (line {lineno}); decoded with U+FFFD replacement "
                    "characters and linted: re-save the file as UTF-8",
                ))
                replace_errors = True
                text = raw.decode("utf-8", errors="replace")
            consumed += len(raw)
            self._line_start(len(text), _units(text))
            yield text, len(text), consumed

    def _line_start(self, chars: int, units: int) -> None:
        """Note where a line starts in characters and in UTF-16 units: batches start at line starts,
        and a batch's UTF-16 base is looked up here (entries before the last batch are dropped)."""
        self._units_at[self._chars_total] = self._units_total
        self._chars_total += chars
        self._units_total += units

    def _oversized(self, lineno: int, size: int) -> None:
        limit = self.options.max_bytes
        if self.fmt != "jsonl":
            return  # a message over the limit is reported once, when it ends
        what = f"line {lineno}"
        self._record_notes.append(SourceNote(
            "E004", f"{what}: record is {size:,} bytes, over the {limit:,}-byte limit: raise max-file-size in the config or split the record"
        ))

    # -- batches -----------------------------------------------------------------------------------
    def batches(self) -> Iterator[RecordBatch]:
        f, self.size = _open(self.path)
        with f:
            yield from (self._jsonl(f) if self.fmt == "jsonl" else self._mbox(f))
        if not self._any_message and not self.notes:
            raise SourceError("E003", "empty file: there is no message to lint" if self._blank else "no records: there is no message to lint")

    _blank = True

    def _jsonl(self, f: BinaryIO) -> Iterator[RecordBatch]:
        parts: list[str] = []
        records = size = 0
        offset = line = 0  # where the pending piece starts
        first_line = 1
        for text, chars, consumed in self._lines(f):
            if text is None:  # an oversized line: the piece ends before it, the next starts after it
                if parts:
                    yield self._jsonl_batch(parts, offset, line, first_line, consumed)
                offset += sum(map(len, parts)) + chars
                line += len(parts) + 1
                first_line = line + 1
                parts, records, size = [], 0, 0
                self._blank = False
                continue
            parts.append(text)
            if text.strip():
                records += 1
                size += len(text)
                self._blank = False
            if records >= BATCH_RECORDS or size >= BATCH_BYTES:
                yield self._jsonl_batch(parts, offset, line, first_line, consumed)
                offset += sum(map(len, parts))
                line += len(parts)
                first_line = line + 1
                parts, records, size = [], 0, 0
        if parts:
            yield self._jsonl_batch(parts, offset, line, first_line, self.size)

    def _jsonl_batch(self, parts: list[str], offset: int, line: int, first_line: int, consumed: int) -> RecordBatch:
        source = "".join(parts)
        root = MappedText.normalised(source)
        values, parse_notes = jsonl_values(root, first_line=first_line)
        messages, record_notes = record_messages(values, root, source, self.name, "jsonl", self.options)
        return self._batch(messages, parse_notes, record_notes, offset, line, consumed)

    def _batch(self, messages: list[Message], parse_notes: list[SourceNote], record_notes: list[SourceNote],
               offset: int, line: int, consumed: int) -> RecordBatch:
        self._parse_notes.extend(parse_notes)
        self._record_notes.extend(record_notes)
        for m in messages:
            self._message_notes.extend(m.notes)
        self._any_message = self._any_message or bool(messages)
        base_units = self._units_at.get(offset, 0)
        self._units_at = {k: v for k, v in self._units_at.items() if k > offset}
        return RecordBatch(tuple(messages), offset, line, consumed, base_units)

    def _mbox_items(self, f: BinaryIO) -> Iterator[tuple[str, list[str], int, int, int]]:
        """(kind, lines, characters, line count, bytes read) of what precedes the first message
        ("prefix"), of each message ("message") and of each message over the limit ("big", no lines)."""
        lines: list[str] = []
        chars = count = size = 0
        kind = "prefix"
        consumed = 0
        for text, n, consumed in self._lines(f):
            if text is not None and text.startswith("From ") and text.endswith("\n"):
                if kind != "prefix" or count:
                    yield kind, lines, chars, count, consumed
                lines, chars, count, size, kind = [], 0, 0, 0, "message"
                self._blank = False
            elif kind == "prefix" and (text is None or text.strip()):
                raise SourceError("E005", "malformed mbox: it must start with a 'From ' separator line")
            chars += n
            count += 1
            size += len(text.encode("utf-8", "surrogatepass")) if text is not None else self.options.max_bytes + 1
            if kind == "message" and size > self.options.max_bytes:
                kind, lines = "big", []
            if kind != "big" and text is not None:
                lines.append(text)
        if kind == "prefix":
            return  # blank lines only (anything else was refused above): an empty file
        yield kind, lines, chars, count, consumed

    def _mbox(self, f: BinaryIO) -> Iterator[RecordBatch]:
        parts: list[str] = []
        in_parts = 0
        offset = line = 0
        index = 0  # messages met so far
        consumed = 0

        def flush() -> Iterator[RecordBatch]:
            nonlocal parts, in_parts, offset, line
            if in_parts:
                yield self._mbox_batch(parts, offset, line, index - in_parts + 1, consumed)
            offset += sum(map(len, parts))
            line += len(parts)
            parts, in_parts = [], 0

        for kind, lines, chars, count, consumed in self._mbox_items(f):
            if kind == "message":
                index += 1
                parts.extend(lines)
                in_parts += 1
                if in_parts >= BATCH_RECORDS or sum(map(len, parts)) >= BATCH_BYTES:
                    yield from flush()
                continue
            yield from flush()
            if kind == "big":
                index += 1
                limit = self.options.max_bytes
                self._record_notes.append(SourceNote(
                    "E004", f"message {index}: message is over the {limit:,}-byte limit: "
                    "raise max-file-size in the config or split the mailbox"
                ))
            offset += chars
            line += count
        yield from flush()

    def _mbox_batch(self, parts: list[str], offset: int, line: int, first_index: int, consumed: int) -> RecordBatch:
        source = "".join(parts)
        parsed = _read_mbox(MappedText.normalised(source), source, self.name, first_index=first_index)
        return self._batch(list(parsed.messages), [], list(parsed.notes), offset, line, consumed)


def _units(text: str) -> int:
    """UTF-16 code units of ``text``: one per character, two for each beyond the Basic Multilingual Plane."""
    return len(text) if text.isascii() else len(text.encode("utf-16-le")) // 2


def _shift_position(p: Position | None, batch: RecordBatch) -> Position | None:
    # A batch starts at a line start, so columns (and LSP characters) are those of the whole file
    # already; offsets within a field are the field's own.
    if p is None:
        return None
    return replace(
        p, offset=p.offset + batch.base_offset, line=p.line + batch.base_line,
        offset_utf16=None if p.offset_utf16 is None else p.offset_utf16 + batch.base_units,
        lsp_line=None if p.lsp_line is None else p.lsp_line + batch.base_line,
    )


def _shift_suggestion(s: Suggestion, batch: RecordBatch) -> Suggestion:
    offset = batch.base_offset
    return replace(s, edits=tuple(
        replace(e, start=e.start + offset, end=e.end + offset,
                start_position=_shift_position(e.start_position, batch), end_position=_shift_position(e.end_position, batch))
        for e in s.edits
    ))


def batch_source(batch: RecordBatch) -> str:
    """The batch's text after as many line breaks as the file has before it: line N of it is line N of the file."""
    return "\n" * batch.base_line + (batch.messages[0].source if batch.messages else "")


def shift_report(report: Report, batch: RecordBatch, source: str) -> Report:
    """``report`` on a message of ``batch`` with its positions in the whole file.

    ``source`` (:func:`batch_source`, made once per batch) stands in for the whole file in the report,
    so a line number picks the right line of it.
    """
    if not batch.base_offset and not batch.base_line:
        return report
    diagnostics = tuple(
        replace(
            d,
            start=_shift_position(d.start, batch),
            end=_shift_position(d.end, batch),
            suggestions=tuple(_shift_suggestion(s, batch) for s in d.suggestions),
        )
        for d in report.diagnostics
    )
    return replace(report, diagnostics=diagnostics, source=source)


__all__ = ["BATCH_RECORDS", "NotStreamable", "RecordBatch", "RecordStream", "STREAM_FORMATS", "batch_source", "shift_report"]
