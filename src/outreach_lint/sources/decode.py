"""Bytes to text: refuse binary files, honour byte-order marks, never drop what the user wrote."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from .base import SourceError, SourceNote

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control bytes that never appear in text a person wrote (tab, newlines, form feed and ESC excluded).
_BINARY_BYTES = frozenset(range(0, 9)) | frozenset(range(14, 27)) | frozenset(range(28, 32))


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    notes: tuple[SourceNote, ...] = ()
    bom: bytes = b""  # the byte-order mark the data started with, if any


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    if not sample:
        return False
    odd = sum(1 for b in sample if b in _BINARY_BYTES)
    return odd / len(sample) > 0.05


def decode_bytes(data: bytes, *, empty_ok: bool = False) -> Decoded:
    """Decode file contents. Invalid UTF-8 is replaced (U+FFFD) and reported, not dropped."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(encoding, errors="replace")
            return Decoded(text, encoding, bom=bom)
    if looks_binary(data):
        raise SourceError(
            "E002", "binary file, not text: lint text, Markdown, HTML, .eml, .mbox, .jsonl or templates"
        )
    if not data.strip() and not empty_ok:
        raise SourceError("E003", "empty file: there is no message to lint")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        text = data.decode("utf-8", errors="replace")
        note = SourceNote(
            "E010",
            f"invalid UTF-8 at byte {exc.start} (line {line}); decoded with U+FFFD replacement "
            "characters and linted: re-save the file as UTF-8",
        )
        return Decoded(text, "utf-8", (note,))
