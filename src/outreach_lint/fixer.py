"""Apply safe fixes: deterministic substitutions and removing empty pleasantries.

Only suggestions marked ``safe`` are applied, and only in draft formats whose source is exactly what the
writer typed (text, Markdown, HTML, templates, call scripts): in .eml, mbox and JSON the text on disk is
encoded, and an edit there could corrupt it. Edits never touch merge fields or template tags (the engine
marks such suggestions unsafe), and quoted replies, signatures and footers are never linted, so never
edited. Fixing runs to a fixed point, so fixing a fixed file changes nothing.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .diagnostics import Edit, Report
from .sources import SourceError, detect_format
from .sources.decode import decode_bytes

if TYPE_CHECKING:
    from .engine import Linter

FIXABLE_FORMATS = frozenset({"text", "markdown", "html", "template", "script"})
MAX_PASSES = 10  # each pass can reveal one more fix (a second pleasantry after the first)


@dataclass(frozen=True)
class FixResult:
    path: str
    original: str
    fixed: str
    applied: int  # edits applied over all passes
    skipped: str | None = None  # why the file was left alone
    encoding: str = "utf-8"  # how the file was stored, so the fix is written back the same way
    bom: bytes = b""

    def encoded(self) -> bytes:
        return self.bom + self.fixed.encode(self.encoding)

    @property
    def changed(self) -> bool:
        return self.fixed != self.original

    def diff(self) -> str:
        return "".join(
            difflib.unified_diff(
                self.original.splitlines(keepends=True),
                self.fixed.splitlines(keepends=True),
                fromfile=self.path if Path(self.path).is_absolute() else f"a/{self.path}",
                tofile=self.path if Path(self.path).is_absolute() else f"b/{self.path}",
            )
        )


def safe_edits(reports: Iterable[Report]) -> list[Edit]:
    """Every safe edit in ``reports``, in order, dropping any that overlaps one before it."""
    edits = sorted(
        {e for r in reports for d in r.diagnostics for s in d.suggestions if s.safe for e in s.edits},
        key=lambda e: (e.start, e.end, e.replacement),
    )
    chosen: list[Edit] = []
    for e in edits:
        if chosen and e.start < chosen[-1].end:
            continue
        chosen.append(e)
    return chosen


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """Apply non-overlapping edits given in source offsets (sorted by :func:`safe_edits`)."""
    out, pos = [], 0
    for e in edits:
        out.append(text[pos : e.start])
        out.append(e.replacement)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


def fix_text(linter: Linter, text: str, path: str, fmt: str) -> tuple[str, int]:
    """Fix ``text`` to a fixed point; returns the fixed text and the number of edits applied."""
    applied = 0
    for _ in range(MAX_PASSES):
        report = linter.lint_text(text, fmt, path=path)
        edits = safe_edits([report])
        if not edits:
            break
        text = apply_edits(text, edits)
        applied += len(edits)
    return text, applied


def fix_bytes(linter: Linter, data: bytes, name: str, fmt: str | None = None) -> FixResult:
    """Compute the fixed content of a file's bytes (nothing is written here)."""
    fmt = fmt or detect_format(name)
    try:
        decoded = decode_bytes(data)
    except SourceError as exc:  # binary or empty: the linting pass reports it
        return FixResult(name, "", "", 0, skipped=str(exc))
    unchanged = FixResult(name, decoded.text, decoded.text, 0, encoding=decoded.encoding, bom=decoded.bom)
    if fmt not in FIXABLE_FORMATS:
        return replace(unchanged, skipped=f"{fmt} files are not fixed automatically")
    if decoded.notes:  # writing the text back would turn the undecodable bytes into U+FFFD for good
        return replace(unchanged, skipped="not valid UTF-8: re-save it as UTF-8 first")
    fixed, applied = fix_text(linter, decoded.text, name, fmt)
    return replace(unchanged, fixed=fixed, applied=applied)


def fix_file(linter: Linter, path: Path, display: str | None = None, fmt: str | None = None) -> FixResult:
    return fix_bytes(linter, path.read_bytes(), display or str(path), fmt)


def write_fixed(path: Path, result: FixResult) -> None:
    """Write the fixed text back in the file's own encoding, keeping its byte-order mark."""
    tmp = path.with_name(path.name + ".outreach-lint.tmp")
    tmp.write_bytes(result.encoded())
    tmp.replace(path)  # atomic: the user's file is never left half-written
