"""Human-readable output: grouped by file and message, with the source line and an underline."""

from __future__ import annotations

from collections import Counter

import click

from ..diagnostics import Diagnostic, RunResult
from ..registry import Registry
from . import OutputOptions
from .common import report_label, statistics, summary_line

_COLORS = {"error": "red", "warning": "yellow", "info": "blue"}


def render(result: RunResult, registry: Registry, opts: OutputOptions) -> str:
    style = (lambda s, **kw: click.style(s, **kw)) if opts.color else (lambda s, **kw: s)
    out: list[str] = []
    per_path = Counter(r.path for r in result.reports)
    for report in result.reports:
        if not report.diagnostics:
            continue
        label = report_label(report.path, report.message_id, per_path[report.path] > 1)
        out.append(style(label, bold=True) + style(f"  (score {report.score}/100)", dim=True))
        lines = report.source.split("\n") if opts.show_source else []
        for d in report.diagnostics:
            out.extend(_finding(d, lines, style, opts))
        out.append("")
    for e in result.errors:
        out.append(style(f"{e.path}: ", bold=True) + style(f"{e.code} ", fg="red") + e.message)
    if opts.statistics:
        out.extend(statistics(result, registry))
    if not opts.quiet:
        out.append(summary_line(result))
    return "\n".join(out)


def _finding(d: Diagnostic, lines: list[str], style, opts: OutputOptions) -> list[str]:
    sev = d.severity.label
    head = (
        f"  {d.start.line}:{d.start.column}  "
        + style(f"{sev:<7}", fg=_COLORS[sev])
        + "  "
        + style(d.code, bold=True)
        + f"  {d.message}"
    )
    out = [head]
    if opts.quiet or not lines or d.start.line > len(lines):
        return out
    src = lines[d.start.line - 1].replace("\t", " ")
    gutter = f"{d.start.line:>6} | "
    width = (d.end.column - d.start.column) if d.end.line == d.start.line else len(src) - d.start.column + 1
    out.append(style(gutter, dim=True) + src)
    out.append(" " * (len(gutter) - 2) + style("| ", dim=True) + " " * (d.start.column - 1) + style("^" * max(1, width), fg=_COLORS[sev]))
    for s in d.suggestions:
        out.append(" " * (len(gutter) - 2) + style("= ", dim=True) + f"suggestion: {s.title}")
    return out
