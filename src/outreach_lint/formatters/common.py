"""Pieces shared by the formats: the run's running totals, and the summary and statistics lines."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..diagnostics import InputError, Report, RunResult, Severity
from ..registry import Registry


@dataclass
class Tally:
    """What the end of a run's output needs, counted as reports go by, so that no report is kept.

    Mutable on purpose: one is filled in over a whole run, a file at a time. Input errors are kept
    (each is one line, and they are written after every result).
    """

    files: int = 0
    messages: int = 0
    counts: dict[str, int] = field(default_factory=lambda: {s.label: 0 for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)})
    codes: Counter[str] = field(default_factory=Counter)
    errors: list[InputError] = field(default_factory=list)
    _worst: Severity | None = None

    @classmethod
    def of(cls, result: RunResult) -> Tally:
        tally = cls(files=result.files)
        tally.add(result.reports, result.errors)
        return tally

    def add(self, reports: Iterable[Report], errors: Iterable[InputError] = ()) -> None:
        for r in reports:
            self.messages += 1
            for d in r.diagnostics:
                self.counts[d.severity.label] += 1
                self.codes[d.code] += 1
                if self._worst is None or d.severity > self._worst:
                    self._worst = d.severity
        self.errors.extend(errors)

    def worst(self) -> Severity | None:
        """The most severe finding of the run (None without findings), as ``RunResult.worst``."""
        return self._worst


def summary_counts(tally: Tally) -> dict[str, int]:
    return dict(tally.counts)


def summary_line(tally: Tally) -> str:
    counts = tally.counts
    total = sum(counts.values())
    files = f"{tally.files} file{'s' if tally.files != 1 else ''}"
    messages = tally.messages
    where = f"{files} ({messages} message{'s' if messages != 1 else ''})"
    errors = f"; {len(tally.errors)} input error{'s' if len(tally.errors) != 1 else ''}" if tally.errors else ""
    if not total:
        return f"No problems found in {where}{errors}."
    parts = ", ".join(f"{n} {label}{'s' if n != 1 else ''}" for label, n in counts.items() if n)
    return f"Found {total} problem{'s' if total != 1 else ''} ({parts}) in {where}{errors}."


def statistics(tally: Tally, registry: Registry) -> list[str]:
    lines = []
    for code, n in sorted(tally.codes.items(), key=lambda kv: (-kv[1], kv[0])):
        rule = registry.get(code)
        lines.append(f"{n:>5}  {code:<7} {rule.meta.name if rule else ''}")
    return lines


def report_label(path: str, message_id: str | None, many: bool) -> str:
    return f"{path} [{message_id}]" if many and message_id else path
