"""Output formats. Each module turns a run into text; none of them reads files or lints.

A format is a writer: ``write`` is given each file's reports as they are linted and returns the
lines to print now (the streaming formats print as they go, so a run's memory does not grow with
its files; json and sarif keep each result already serialized and print one document at the end),
and ``finish`` returns the closing lines (input errors, statistics, the summary, or the document).
The lines of a run are the same however its reports are split between calls, except that a
message's label may name its message id only when its file's reports come in one call.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from ..diagnostics import Report, RunResult
from ..registry import Registry
from .common import Tally


@dataclass(frozen=True)
class OutputOptions:
    color: bool = False
    quiet: bool = False
    statistics: bool = False
    show_source: bool = True


class Writer(Protocol):
    def write(self, reports: Sequence[Report]) -> list[str]: ...
    def finish(self, tally: Tally) -> list[str]: ...


Formatter = Callable[[RunResult, Registry, OutputOptions], str]
FORMATS = ("text", "concise", "json", "jsonl", "sarif", "github")


def get_writer(name: str, registry: Registry, opts: OutputOptions) -> Writer:
    """The writer of format ``name``; give it each file's reports whole (all of one path at once)."""
    from . import concise, github, json_, jsonl, sarif, text

    writers: dict[str, Callable[[Registry, OutputOptions], Writer]] = {
        "text": text.TextWriter,
        "concise": concise.ConciseWriter,
        "json": json_.JsonWriter,
        "jsonl": jsonl.JsonlWriter,
        "sarif": sarif.SarifWriter,
        "github": github.GithubWriter,
    }
    return writers[name](registry, opts)


def get_formatter(name: str) -> Formatter:
    """A finished run as one text, for callers that hold the whole run."""

    def render(result: RunResult, registry: Registry, opts: OutputOptions) -> str:
        writer = get_writer(name, registry, opts)
        return "\n".join(writer.write(result.reports) + writer.finish(Tally.of(result)))

    return render
