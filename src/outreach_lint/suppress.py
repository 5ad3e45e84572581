"""Inline suppression: ``outreach-lint: disable[=REFS] | enable | disable-next | disable-file``.

Directives live where a reader never sees them (HTML and template comments, front matter, an
``X-Outreach-Lint`` header). They are applied in source coordinates after findings are placed, and
every directive that suppressed nothing, or could not be read, is reported.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from . import linear_regex
from .diagnostics import Diagnostic
from .mapped import LineIndex
from .sources.base import Directive

_DIRECTIVE = linear_regex.compile(r"^outreach-lint\s*:\s*(?P<body>.*?)\s*$", linear_regex.I | linear_regex.S)
_ACTION = linear_regex.compile(r"^(?P<action>[A-Za-z-]+)(?:\s*=\s*(?P<refs>.*))?$", linear_regex.S)
_REF_SEPARATOR = linear_regex.compile(r"[\s,]+")
ACTIONS = ("disable", "enable", "disable-next", "disable-file")


@dataclass
class Suppression:
    directive: Directive
    action: str
    refs: tuple[str, ...]  # empty: all rules
    start: int
    end: int
    used: bool = field(default=False)

    def covers(self, d: Diagnostic, matches: Callable[[str, str], bool]) -> bool:
        if not (self.start <= d.start.offset <= self.end):
            return False
        return not self.refs or any(matches(ref, d.code) for ref in self.refs)


@dataclass(frozen=True)
class Malformed:
    directive: Directive
    reason: str


def parse(
    directives: Sequence[Directive], source: str, is_known: Callable[[str], bool], suggest: Callable[[str], str]
) -> tuple[list[Suppression], list[Malformed]]:
    """Turn directive comments into suppression ranges over ``source``."""
    out: list[Suppression] = []
    bad: list[Malformed] = []
    lines = LineIndex(source)
    open_ranges: list[Suppression] = []
    for d in sorted(directives, key=lambda d: d.start):
        m = _DIRECTIVE.match(d.text.strip())
        if not m:
            continue  # an ordinary comment
        a = _ACTION.match(m.group("body"))
        if not a or a.group("action").lower() not in ACTIONS:
            bad.append(Malformed(d, f"unknown directive {m.group('body')[:40]!r}: use {', '.join(ACTIONS)}"))
            continue
        action = a.group("action").lower()
        raw_refs = a.group("refs")
        if raw_refs is not None and not raw_refs.strip():
            bad.append(Malformed(d, f"'{action}=' names no rules: list codes, prefixes or names, or drop the '='"))
            continue
        refs = tuple(r for r in _REF_SEPARATOR.split(raw_refs or "") if r)
        unknown = [r for r in refs if not is_known(r)]
        if unknown:
            bad.append(Malformed(d, f"unknown rule {unknown[0]!r}{suggest(unknown[0])}"))
            continue
        refs = tuple(r for r in refs if r.lower() != "all")
        if action == "disable-file":
            out.append(Suppression(d, action, refs, 0, len(source)))
        elif action == "disable":
            s = Suppression(d, action, refs, d.end, len(source))
            open_ranges.append(s)
            out.append(s)
        elif action == "enable":
            for s in open_ranges:
                if s.end == len(source) and (not refs or not s.refs or set(refs) & set(s.refs)):
                    s.end = d.start
            open_ranges = [s for s in open_ranges if s.end == len(source)]
        else:  # disable-next: the next line with text after the directive
            line, _ = lines.line_col(max(d.end - 1, d.start))
            start = end = len(source)
            for n in range(line + 1, lines.line_count + 1):
                ls, le = lines.line_start(n), lines.line_end(n, source)
                if source[ls:le].strip():
                    start, end = ls, le
                    break
            out.append(Suppression(d, action, refs, start, end))
    return out, bad


def apply(
    diagnostics: Sequence[Diagnostic], suppressions: Sequence[Suppression], matches: Callable[[str, str], bool]
) -> list[Diagnostic]:
    kept = []
    for d in diagnostics:
        hit = False
        for s in suppressions:
            if s.covers(d, matches):
                s.used = True
                hit = True
        if not hit:
            kept.append(d)
    return kept
