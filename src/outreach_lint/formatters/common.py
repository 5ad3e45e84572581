"""Pieces shared by the human-readable formats."""

from __future__ import annotations

from collections import Counter

from ..diagnostics import RunResult, Severity
from ..registry import Registry


def summary_counts(result: RunResult) -> dict[str, int]:
    counts = {s.label: 0 for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)}
    for r in result.reports:
        for d in r.diagnostics:
            counts[d.severity.label] += 1
    return counts


def summary_line(result: RunResult) -> str:
    counts = summary_counts(result)
    total = sum(counts.values())
    files = f"{result.files} file{'s' if result.files != 1 else ''}"
    messages = len(result.reports)
    where = f"{files} ({messages} message{'s' if messages != 1 else ''})"
    errors = f"; {len(result.errors)} input error{'s' if len(result.errors) != 1 else ''}" if result.errors else ""
    if not total:
        return f"No problems found in {where}{errors}."
    parts = ", ".join(f"{n} {label}{'s' if n != 1 else ''}" for label, n in counts.items() if n)
    return f"Found {total} problem{'s' if total != 1 else ''} ({parts}) in {where}{errors}."


def statistics(result: RunResult, registry: Registry) -> list[str]:
    counter = Counter(d.code for r in result.reports for d in r.diagnostics)
    lines = []
    for code, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])):
        rule = registry.get(code)
        lines.append(f"{n:>5}  {code:<7} {rule.meta.name if rule else ''}")
    return lines


def report_label(path: str, message_id: str | None, many: bool) -> str:
    return f"{path} [{message_id}]" if many and message_id else path
