"""Lint files: each in its format, small files batched together through the pipeline, record files
(.jsonl, .mbox) streamed a batch at a time, over worker processes when asked, with progress reported
to whoever shows it (the CLI's bars). Results come a file at a time, so a run need not hold them all."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from ..diagnostics import InputError, Report

if TYPE_CHECKING:
    from .linter import Linter

# A record file this large takes long enough to lint that its progress is worth showing.
PROGRESS_BYTES = 1_000_000

# Messages of small files sent through nlp.pipe at once: the batch the pipeline's own batching works
# on, and few enough reports waiting for their file's turn.
BATCH_MESSAGES = 64

Result = tuple[list[Report], list[InputError]]


@dataclass(frozen=True)
class FileRun:
    """A run over files as it goes: ``results`` lints them when read, giving (reports, errors) for
    each file in order; ``errors`` are the walk's own (a path that does not exist), before any file's."""

    files: int
    errors: tuple[InputError, ...]
    results: Iterator[Result]


class Progress(Protocol):
    """Told how a run goes; the CLI draws bars from it, the API passes none."""

    def start(self, files: int) -> None: ...
    def file_done(self) -> None: ...
    def bytes_read(self, name: str, done: int, total: int) -> None: ...
    def stream_done(self) -> None: ...


def lint_files(linter: Linter, files: list[Path], jobs: int, input_format: str | None, progress: Progress | None) -> Iterator[Result]:
    """(reports, errors) for each file, in order."""
    from ..sources import detect_format
    from ..sources.stream import STREAM_FORMATS
    from ..walk import format_for

    cfg = linter.config
    # --input-format wins over per-file-format, which wins over the file's name.
    formats = [format_for(p, cfg, input_format) for p in files]
    streamed = [(fmt or detect_format(p.name)) in STREAM_FORMATS for p, fmt in zip(files, formats)]
    pool = None
    if jobs > 1 and (len(files) > 1 or any(streamed)):
        from ..parallel import LintPool

        pool = LintPool(type(linter), cfg, jobs)
    if progress is not None:
        progress.start(len(files))
    try:
        i = 0
        while i < len(files):
            if streamed[i]:
                yield _lint_stream(linter, files[i], formats[i], pool, progress)
                if progress is not None:
                    progress.file_done()
                i += 1
                continue
            j = i
            while j < len(files) and not streamed[j]:
                j += 1
            group = list(zip(files[i:j], formats[i:j]))
            results = pool.files(group) if pool is not None and len(group) > 1 else lint_together(linter, group)
            for result in results:
                yield result
                if progress is not None:
                    progress.file_done()
            i = j
    finally:
        if pool is not None:
            pool.close()


def lint_together(linter: Linter, files: Iterable[tuple[Path, str | None]], batch_size: int = BATCH_MESSAGES) -> Iterator[Result]:
    """(reports, errors) for each (path, input format or None), in order: the files are read one by
    one and their messages linted a batch at a time, whichever files they come from. A file that
    cannot be read gets its errors, in its turn, and the others are still linted."""
    waiting: list[tuple[int, list[InputError]]] = []  # each read file's message count and errors
    messages: list[Any] = []
    for path, fmt in files:
        read, errors = linter.read_file(path, str(path), fmt)
        waiting.append((len(read), errors))
        messages.extend(read)
        if len(messages) >= batch_size:
            yield from _hand_out(waiting, linter._lint_messages(messages))
            waiting, messages = [], []
    if waiting:
        yield from _hand_out(waiting, linter._lint_messages(messages) if messages else [])


def _hand_out(waiting: list[tuple[int, list[InputError]]], reports: list[Report]) -> Iterator[Result]:
    start = 0
    for count, errors in waiting:
        yield reports[start:start + count], errors
        start += count


def _lint_stream(linter: Linter, path: Path, fmt: str | None, pool: Any, progress: Progress | None) -> Result:
    """A .jsonl or .mbox file, read and linted a batch of records at a time (over the pool's workers
    when there is one), with positions in the whole file."""
    from ..sources import SourceError, detect_format
    from ..sources.stream import NotStreamable, RecordStream, batch_source, shift_report

    name = str(path)
    stream = RecordStream(path, name, fmt or detect_format(name), linter.read_options)
    reports: list[Report] = []
    sent: deque = deque()  # batches handed to the workers, in order, waiting for their reports

    def feed() -> Iterator[Any]:
        for batch in stream.batches():
            sent.append(batch)
            yield batch.messages

    try:
        linted = pool.batches(feed()) if pool is not None else (
            list(linter.lint_many(messages, batch_size=len(messages) or 1)) for messages in feed()
        )
        try:
            for batch_reports in linted:
                batch = sent.popleft()
                if progress is not None and stream.size >= PROGRESS_BYTES:
                    progress.bytes_read(name, batch.bytes_read, stream.size)
                source = batch_source(batch)
                reports.extend(shift_report(r, batch, source) for r in batch_reports)
        finally:
            if progress is not None:
                progress.stream_done()
    except NotStreamable:
        return linter.lint_file(path, name, fmt)
    except SourceError as exc:
        return [], [InputError(name, exc.code, exc.message)]
    except OSError as exc:
        return [], [InputError(name, "E001", f"cannot read file ({exc.strerror or exc}): check the path")]
    return reports, [InputError(name, n.code, n.message) for n in stream.notes]
