"""Spread linting over worker processes, each with its own warm Linter; results keep their order."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from .config import Config
from .diagnostics import InputError, Report

# The worker's Linter. Its class is passed in (pickled by reference), so this module does not import
# the engine that calls it.
_worker: Any = None


def _init(linter_class: Callable[[Config], Any], config: Config) -> None:
    global _worker
    _worker = linter_class(config)
    _worker.runtime  # load the pipeline before the first task arrives


def _lint_path(task: tuple[str, str | None]) -> tuple[list[Report], list[InputError]]:
    path, fmt = task
    return _worker.lint_file(Path(path), path, fmt)


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
        """Lint each (path, input format or None); results in the order of ``files``."""
        return self._get().imap(_lint_path, [(str(p), fmt) for p, fmt in files], chunksize=4)

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

