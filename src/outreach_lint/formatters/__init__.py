"""Output formats. Each module turns a finished run into text; none of them reads files or lints."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..diagnostics import RunResult
from ..registry import Registry


@dataclass(frozen=True)
class OutputOptions:
    color: bool = False
    quiet: bool = False
    statistics: bool = False
    show_source: bool = True


Formatter = Callable[[RunResult, Registry, OutputOptions], str]


def get_formatter(name: str) -> Formatter:
    from . import concise, github, json_, jsonl, sarif, text

    return {
        "text": text.render,
        "concise": concise.render,
        "json": json_.render,
        "jsonl": jsonl.render,
        "sarif": sarif.render,
        "github": github.render,
    }[name]

