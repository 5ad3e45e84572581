"""Human-readable output: grouped by file and message, with the source line and an underline."""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence

import click

from ..diagnostics import Diagnostic, Report
from ..registry import Registry
from . import OutputOptions
from .common import Tally, report_label, statistics, summary_line

_COLORS = {"error": "red", "warning": "yellow", "info": "blue"}


class TextWriter:
    def __init__(self, registry: Registry, opts: OutputOptions) -> None:
        self.registry, self.opts = registry, opts
        self.style = (lambda s, **kw: click.style(s, **kw)) if opts.color else (lambda s, **kw: s)

    def write(self, reports: Sequence[Report]) -> list[str]:
        style, opts = self.style, self.opts
        out: list[str] = []
        per_path = Counter(r.path for r in reports)
        for report in reports:
            if not report.diagnostics:
                continue
            label = report_label(report.path, report.message_id, per_path[report.path] > 1)
            out.append(style(label, bold=True) + style(f"  (score {report.score}/100)", dim=True))
            lines = report.source.split("\n") if opts.show_source else []
            for d in report.diagnostics:
                out.extend(_finding(d, lines, style, opts))
            out.append("")
        return out

    def finish(self, tally: Tally) -> list[str]:
        style = self.style
        out = [style(f"{e.path}: ", bold=True) + style(f"{e.code} ", fg="red") + e.message for e in tally.errors]
        if self.opts.statistics:
            out.extend(statistics(tally, self.registry))
        if not self.opts.quiet:
            out.append(summary_line(tally))
        return out


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
    gutter = f"{d.start.line:>6} | "
    end = d.end.column - 1 if d.end.line == d.start.line else None
    shown, pad, width = excerpt_line(lines[d.start.line - 1], d.start.column - 1, end)
    out.append(style(gutter, dim=True) + shown)
    out.append(" " * (len(gutter) - 2) + style("| ", dim=True) + " " * pad + style("^" * width, fg=_COLORS[sev]))
    for s in d.suggestions:
        out.append(" " * (len(gutter) - 2) + style("= ", dim=True) + f"suggestion: {s.title}")
    return out


# How many terminal columns of a source line are shown at most: long lines (an HTML file's one-line
# paragraphs) are cut around the finding, with an ellipsis where text was left out.
SHOWN_COLUMNS = 100
_CONTEXT_COLUMNS = 30  # shown before the finding when the line must be cut
_ELLIPSIS = "…"


def char_width(ch: str) -> int:
    """Terminal columns of one character: East Asian wide and fullwidth take 2, combining marks and
    invisible format characters (zero-width joiner, variation selectors) take none."""
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def text_width(text: str) -> int:
    return sum(char_width(ch) for ch in text)


def excerpt_line(line: str, start: int, end: int | None, limit: int = SHOWN_COLUMNS) -> tuple[str, int, int]:
    """The part of ``line`` to show for a finding over ``line[start:end]`` (``end`` None: to the end of
    the line), the columns before its first caret, and how many carets: all counted in display width.

    Leading whitespace is dropped; a line wider than ``limit`` is cut around the finding.
    """
    line = line.replace("\t", " ").rstrip("\r\n")
    start = min(max(start, 0), len(line))
    end = len(line) if end is None else min(max(end, start), len(line))
    lo = min(start, len(line) - len(line.lstrip()))
    hi = max(end, len(line.rstrip()))
    if text_width(line[lo:hi]) > limit:
        # Some context before the finding (less when the finding itself is wide), then as much as fits.
        before = max(0, min(_CONTEXT_COLUMNS, limit - text_width(line[start:end]) - 2))
        a, used = start, 0
        while a > lo and used + char_width(line[a - 1]) <= before:
            a -= 1
            used += char_width(line[a])
        room = limit - (1 if a > lo else 0) - used
        b = start
        while b < hi and room - char_width(line[b]) >= (1 if b + 1 < hi else 0):
            room -= char_width(line[b])
            b += 1
        lead, trail = (_ELLIPSIS if a > lo else ""), (_ELLIPSIS if b < hi else "")
        lo, hi = a, b
    else:
        lead = trail = ""
    shown = lead + line[lo:hi] + trail
    pad = text_width(lead + line[lo:start])
    return shown, pad, max(1, text_width(line[start:min(end, hi)]))
