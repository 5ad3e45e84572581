"""Spread linting over worker processes, each with its own warm Linter; results keep their order."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from .config import Config
from .diagnostics import InputError, Report

# Files a worker lints together at most: one file is one message, and 64 is the pipeline's batch.
FILES_PER_TASK = 64

# The worker's Linter. Its class is passed in (pickled by reference), so this module does not import
# the engine that calls it.
_worker: Any = None


def _init(linter_class: Callable[[Config], Any], config: Config) -> None:
    global _worker
    _worker = linter_class(config)
    _worker.runtime  # load the pipeline before the first task arrives


def _lint_files(tasks: list[tuple[str, str | None]]) -> list[tuple[list[Report], list[InputError]]]:
    return _worker.lint_file_group([(Path(path), fmt) for path, fmt in tasks])


def _lint_messages(messages: Sequence[Any]) -> list[Report]:
    return list(_worker.lint_many(messages, batch_size=len(messages) or 1))


class LintPool:
    """Worker processes for one run, started on first use and shared by its files and record batches."""

    def __init__(self, linter_class: Callable[[Config], Any], config: Config, n_process: int) -> None:
        self.linter_class, self.config, self.n_process = linter_class, config, n_process
        self._pool: Any = None

    def _get(self) -> Any:
        if self._pool is None:
            self._pool = multiprocessing.get_context().Pool(self.n_process, initializer=_init, initargs=(self.linter_class, self.config))
        return self._pool

    def files(self, files: list[tuple[Path, str | None]]) -> Iterator[tuple[list[Report], list[InputError]]]:
        """Lint each (path, input format or None); results in the order of ``files``. A worker takes
        a chunk of files and batches their messages through its pipeline; chunks are small enough
        that each worker gets several (so none waits on the last), and at most a batch of 64."""
        size = max(1, min(FILES_PER_TASK, -(-len(files) // (4 * self.n_process))))
        tasks = [[(str(p), fmt) for p, fmt in files[i:i + size]] for i in range(0, len(files), size)]
        for results in self._get().imap(_lint_files, tasks):
            yield from results

    def batches(self, batches: Iterable[tuple[Any, ...]]) -> Iterator[list[Report]]:
        """The reports of each batch of messages, in order. ``batches`` is read as workers free up
        (a feeder thread writes to a pipe that blocks when full), so a record file is never read whole."""
        return self._get().imap(_lint_messages, batches)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(dict(item) if isinstance(item, Mapping) else item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def lint_many_parallel(
    linter_class: Callable[[Config], Any], config: Config, messages: Iterable[Any], batch_size: int, n_process: int
) -> Iterator[Report]:
    numbered = _number(messages)
    with multiprocessing.get_context().Pool(n_process, initializer=_init, initargs=(linter_class, config)) as pool:
        for reports in pool.imap(_lint_messages, _chunks(numbered, batch_size)):
            yield from reports


def _number(messages: Iterable[Any]) -> Iterator[Any]:
    # Give records without an id the id they would get in one process, so output is identical.
    for i, m in enumerate(messages, start=1):
        if isinstance(m, Mapping) and m.get("id") is None:
            m = {**m, "id": f"#{i}"}
        yield m

