"""Apply safe fixes: deterministic substitutions and removing empty pleasantries.

Only suggestions marked ``safe`` are applied, and only in draft formats whose source is exactly what the
writer typed (text, Markdown, HTML, templates, call scripts): in .eml, mbox and JSON the text on disk is
encoded, and an edit there could corrupt it. Edits never touch merge fields or template tags (the engine
marks such suggestions unsafe), and quoted replies, signatures and footers are never linted, so never
edited. Fixing runs to a fixed point, so fixing a fixed file changes nothing.

Writing is the dangerous half, since --fix also runs on repositories someone else committed. A fix is
written to a new temporary file (created exclusively, so a planted name or symlink is never written
through) that takes the file's mode, is synced, and is renamed over the file only if the file still
holds exactly the bytes that were fixed. A symlink is written through only when its target lies inside
the tree being linted, and read-only files are left alone.
"""

from __future__ import annotations

import contextlib
import difflib
import hashlib
import os
import stat
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .diagnostics import SourceEdit, Report
from .sources import SourceError, detect_format, read_regular
from .sources.decode import decode_bytes

if TYPE_CHECKING:
    from .engine import Linter

FIXABLE_FORMATS = frozenset({"text", "markdown", "html", "template", "script"})
MAX_PASSES = 10  # each pass can reveal one more fix (a second pleasantry after the first)


class FixRefused(Exception):
    """A file --fix will not write; the message is the one-line reason and what to do."""


@dataclass(frozen=True)
class Snapshot:
    """A file as it was read, to tell before writing whether anyone saved it since."""

    device: int
    inode: int
    size: int
    mtime_ns: int
    sha256: str  # a save within one clock tick that keeps the size shows only in the content

    @classmethod
    def of(cls, data: bytes, status: os.stat_result) -> Snapshot:
        return cls(status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns, hashlib.sha256(data).hexdigest())


@dataclass(frozen=True)
class FixResult:
    path: str
    original: str
    fixed: str
    applied: int  # edits applied over all passes
    skipped: str | None = None  # why the file was left alone
    encoding: str = "utf-8"  # how the file was stored, so the fix is written back the same way
    bom: bytes = b""
    snapshot: Snapshot | None = None  # set when read from a file, checked again before writing it

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


def safe_edits(reports: Iterable[Report]) -> list[SourceEdit]:
    """Every safe edit in ``reports``, in order, dropping any that overlaps one before it."""
    edits = sorted(
        {e for r in reports for d in r.diagnostics for s in d.suggestions if s.safe for e in s.edits},
        key=lambda e: (e.start, e.end, e.replacement),
    )
    chosen: list[SourceEdit] = []
    for e in edits:
        if chosen and e.start < chosen[-1].end:
            continue
        chosen.append(e)
    return chosen


def apply_edits(text: str, edits: Sequence[SourceEdit]) -> str:
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
    # Writing the text back must give back every byte the fixes did not touch. Text decoded with
    # replacement characters (invalid UTF-8, or any bad byte after a byte-order mark, which the decoder
    # replaces without a note) would not: the undecodable bytes would become U+FFFD for good.
    if decoded.notes or unchanged.encoded() != data:
        label = decoded.encoding.upper().removesuffix("-LE").removesuffix("-BE")
        return replace(unchanged, skipped=f"not valid {label}: re-save it as {label} first")
    fixed, applied = fix_text(linter, decoded.text, name, fmt)
    return replace(unchanged, fixed=fixed, applied=applied)


def fix_file(linter: Linter, path: Path, display: str | None = None, fmt: str | None = None) -> FixResult:
    """Fix a file's content, remembering what it held so :func:`write_fixed` can tell if it changed.

    Raises SourceError for what cannot be read as a file (a FIFO or device, over the size limit) and
    OSError for what cannot be read at all.
    """
    data, status = read_regular(path, linter.read_options.max_bytes)
    return replace(fix_bytes(linter, data, display or str(path), fmt), snapshot=Snapshot.of(data, status))


def _through_symlink(path: Path, tree: Path) -> bool:
    """Whether reaching ``path`` follows a symlink: the file itself, or a directory below ``tree``."""
    if os.path.islink(path):
        return True
    top = Path(os.path.abspath(tree))
    here = Path(os.path.abspath(path)).parent
    while here != top and here.is_relative_to(top):
        if os.path.islink(here):
            return True
        here = here.parent
    return False


def write_target(path: Path, tree: Path) -> Path:
    """The file a fix of ``path`` replaces: ``path``, or the target of a symlink that stays inside ``tree``.

    ``tree`` is the directory named on the command line that ``path`` was found in, or the current
    directory for a file named directly. A link out of it (a cloned repository can commit one pointing
    anywhere) is refused rather than followed, and the link itself is never replaced by a file.
    """
    if not _through_symlink(path, tree):
        return path
    target = Path(os.path.realpath(path))
    root = Path(os.path.realpath(tree))
    if not target.is_relative_to(root):
        raise FixRefused(
            f"a symlink to {target}, outside {root}: fix the target itself, or run from a directory that holds it"
        )
    return target


def _writable(path: Path, tree: Path) -> tuple[Path, os.stat_result]:
    """The file to replace with the fix of ``path``, and its status; FixRefused if --fix must leave it alone."""
    target = write_target(path, tree)
    try:
        status = os.stat(target)
    except OSError as exc:
        raise FixRefused(f"cannot write ({exc.strerror or exc})") from None
    if not stat.S_ISREG(status.st_mode):
        raise FixRefused("not a regular file")
    # The owner's write bit is what chmod a-w clears; access() alone says yes to root whatever the mode.
    if not status.st_mode & stat.S_IWUSR or not os.access(target, os.W_OK):
        raise FixRefused(
            "the file is read-only: make it writable (chmod u+w) to let --fix change it, or fix it by hand"
        )
    return target, status


def _unchanged_since(target: Path, snapshot: Snapshot) -> None:
    try:
        data, status = read_regular(target, snapshot.size)
    except FileNotFoundError:
        changed = True  # deleted meanwhile: writing would bring it back
    except SourceError as exc:
        if exc.code != "E004":  # not a regular file any more
            raise FixRefused(exc.message) from None
        changed = True  # grown past its old size
    else:
        changed = Snapshot.of(data, status) != snapshot
    if changed:
        raise FixRefused("the file changed while it was being fixed; run again")


def _keep_owner_and_mode(fd: int, status: os.stat_result) -> None:
    made = os.fstat(fd)
    if hasattr(os, "fchown") and (status.st_uid, status.st_gid) != (made.st_uid, made.st_gid):
        with contextlib.suppress(OSError):  # only root may give a file away; the mode is kept either way
            os.fchown(fd, status.st_uid, status.st_gid)
    if hasattr(os, "fchmod"):
        os.fchmod(fd, stat.S_IMODE(status.st_mode))  # after fchown, which clears set-id bits


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable; a file system that cannot sync a directory has renamed anyway."""
    try:
        fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_fixed(path: Path, result: FixResult, tree: Path | None = None) -> None:
    """Write the fixed text back in the file's own encoding, keeping its byte-order mark and mode.

    Raises FixRefused (a symlink out of ``tree``, a read-only file, a file saved since it was read) or
    OSError. ``tree`` defaults to the current directory. The file is replaced by one rename, so it is
    never left half-written, and no temporary file is left behind on failure.
    """
    target, status = _writable(path, tree or Path.cwd())
    if result.snapshot is not None:
        _unchanged_since(target, result.snapshot)
    # mkstemp creates a new file with O_EXCL under a random name: nothing planted in the directory
    # (a file, or a symlink out of the tree) is ever opened, let alone written through.
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name[:120]}.", suffix=".outreach-lint.tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(result.encoded())
            f.flush()
            _keep_owner_and_mode(f.fileno(), status)
            os.fsync(f.fileno())
        if result.snapshot is not None:  # as late as possible: a save made while we linted is kept
            _unchanged_since(target, result.snapshot)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _sync_directory(target.parent)
