"""The three tools' work, on one warm Linter: input checks, and reports made compact for a model."""

from __future__ import annotations

from dataclasses import dataclass

from .. import linear_regex
from ..diagnostics import Diagnostic, InvalidInputError, Report
from ..docs import rule_markdown
from ..engine import Linter
from ..limits import MAX_BODY_BYTES
from ..names import PROFILES
from .models import EditOut, FindingOut, LintOut, RuleDocOut, RuleList, RuleOut, SuggestionOut

_FIRST_SENTENCE = linear_regex.compile(r"(.+?[.!?])(\s|$)", linear_regex.S)


class InputProblem(Exception):
    """Input a tool refuses; str() is `field: what is wrong and what to send instead`."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field


def _short(text: str) -> str:
    found = _FIRST_SENTENCE.match(text.strip())
    return " ".join((found.group(1) if found else text.strip()).split())


@dataclass(frozen=True)
class Tools:
    linter: Linter

    def warm(self) -> None:
        """Load the pipeline and run every rule once, so the first tools/call is as fast as the rest."""
        self.linter.lint_message(subject="Warm up", body="Hi Ada, would a short call next week help?")

    def lint(self, subject: str | None, body: str | None, html: str | None, profile: str | None, mode: str | None) -> LintOut:
        if body is not None and html is not None:
            raise InputProblem("html", "give body or html, not both")
        text_field, text = ("html", html) if html is not None else ("body", body)
        if text is None or not text.strip():
            raise InputProblem(text_field, "empty: send the draft's text in body (plain text) or html")
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > MAX_BODY_BYTES:
            raise InputProblem(text_field, f"{size:,} bytes is over the {MAX_BODY_BYTES:,}-byte limit: lint one message at a time")
        try:
            report = self.linter.lint_message(subject=subject, body=body, html=html, profile=profile, mode=mode)
        except InvalidInputError as exc:
            raise InputProblem(exc.field, f"{exc.code} {exc.message}") from None
        return self._compact(report)

    def _compact(self, report: Report) -> LintOut:
        return LintOut(
            score=report.score, score_breakdown=dict(report.score_breakdown),
            profile=report.metrics.get("profile"), counts=report.counts(),
            findings=[self._finding(d) for d in report.diagnostics],
        )

    def _finding(self, d: Diagnostic) -> FindingOut:
        rule = self.linter.registry.get(d.code)
        return FindingOut(
            code=d.code, severity=d.severity.label, message=d.message, excerpt=d.excerpt,
            why=_short(rule.meta.docs.why) if rule is not None else "",
            field=d.field, start=d.start.field_offset, end=d.end.field_offset,
            suggestions=[
                SuggestionOut(title=s.title, safe=s.safe, edits=[
                    EditOut(
                        field=d.field,  # the engine places an edit within its finding's field
                        start=e.start_position.field_offset if e.start_position else e.start,
                        end=e.end_position.field_offset if e.end_position else e.end,
                        start_utf16=e.start_position.field_offset_utf16 if e.start_position else None,
                        end_utf16=e.end_position.field_offset_utf16 if e.end_position else None,
                        replacement=e.replacement,
                    ) for e in s.edits
                ]) for s in d.suggestions
            ],
        )

    def explain(self, code: str) -> RuleDocOut:
        rule = self.linter.registry.get(code.strip().upper())
        if rule is None:
            raise InputProblem("code", f"unknown rule {code!r}: call list_rules for the codes")
        m = rule.meta
        return RuleDocOut(
            code=m.code, name=m.name, severity=m.severity.label, summary=m.summary, what=m.docs.what, why=m.docs.why,
            example=m.docs.example, instead=m.docs.instead, fix_safety=m.docs.fix_safety or "", markdown=rule_markdown(rule),
        )

    def rules(self, family: str | None, profile: str | None) -> RuleList:
        prefix = (family or "").strip().upper()
        if profile is not None and profile not in PROFILES:
            raise InputProblem("profile", f"unknown profile {profile!r}: one of {', '.join(PROFILES)}")
        enabled = self.linter.enabled_codes
        found = [
            RuleOut(code=r.meta.code, name=r.meta.name, severity=r.meta.severity.label, summary=r.meta.summary,
                    enabled=r.meta.code in enabled, profiles=list(r.meta.profiles))
            for r in self.linter.registry
            if r.meta.code.startswith(prefix) and (profile is None or profile in r.meta.profiles)
        ]
        if prefix and not found:
            raise InputProblem("family", f"no rule code starts with {prefix!r}: call list_rules without it for the families")
        return RuleList(rules=found)

