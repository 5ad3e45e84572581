"""Place findings into the user's source: offsets in the linted text become file offsets and lines."""

from __future__ import annotations

from dataclasses import dataclass

from ..diagnostics import Diagnostic, Finding, Severity, Suggestion
from ..mapped import LineIndex
from ..regions import LintedMessage
from ..rule import RuleMeta


@dataclass(frozen=True)
class Placement:
    """One message's coordinates: its prepared text and the line index of its source file."""

    prepared: LintedMessage
    index: LineIndex

    def finding(self, meta: RuleMeta, f: Finding, severity: Severity) -> Diagnostic:
        """A rule's finding (linted-text offsets) as a diagnostic in the source."""
        p = self.prepared
        s, e = p.text.to_source(f.start, f.end)
        suggestions = tuple(
            Suggestion(
                fix.title,
                tuple(self.index.edit(*p.text.to_source(ed.start, ed.end), ed.replacement, p.message) for ed in fix.edits),
                fix.safe and not any(self._touches_template(ed.start, ed.end) for ed in fix.edits),
            )
            for fix in f.fixes
        )
        return self.diagnostic(meta, severity, f.message, s, e, p.region_at(f.start, f.end), suggestions)

    def diagnostic(
        self, meta: RuleMeta, severity: Severity, message: str, s: int, e: int, region: str,
        suggestions: tuple[Suggestion, ...] = (),
    ) -> Diagnostic:
        """A diagnostic at source offsets ``[s, e)``."""
        start, end, field = self.index.place(s, e, self.prepared.message)
        return Diagnostic(
            code=meta.code,
            name=meta.name,
            category=meta.category,
            severity=severity,
            message=message,
            start=start,
            end=end,
            excerpt=self.prepared.message.source[s:e],
            region=region,
            suggestions=suggestions,
            field=field,
        )

    def _touches_template(self, start: int, end: int) -> bool:
        """An edit over a merge field or template tag is never applied automatically."""
        return any(f.start < end and start < f.end or f.start == f.end == start for f in self.prepared.merge_fields)


def message_bounds(p: LintedMessage) -> tuple[int, int]:
    """The part of the shared source this message covers (one record of a jsonl file, say)."""
    spans = [p.message.body.to_source(0, len(p.message.body))]
    if p.message.subject is not None:
        spans.append(p.message.subject.to_source(0, len(p.message.subject)))
    return min(s for s, _ in spans), max(e for _, e in spans)
