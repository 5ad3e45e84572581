"""OL002 malformed-suppression: A suppression directive that cannot be read (unknown action or rule)."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Severity
from ...rule import EngineFacts, EngineFinding, Example, RuleDocs, engine_rule


@engine_rule(
    after_suppressions=True,
    code="OL002",
    name="malformed-suppression",
    summary="A suppression directive that cannot be read (unknown action or rule).",
    docs=RuleDocs(
        what="Reports directives starting with `outreach-lint:` whose action or rule references are not valid.",
        why="A directive that silently does nothing leaves the writer believing a finding is handled.",
        example="<!-- outreach-lint: disabel=PC001 -->",
        instead="Use disable, enable, disable-next or disable-file with codes, prefixes, names or all.",
        fix_safety=(
            "Advice only: the suggestion carries no edit, so --fix never changes the text. A directive that "
            "cannot be read has no single right reading to rewrite it to."
        ),
        sources=(
            "The suppression grammar in docs/suppression.md: actions disable, enable, disable-next and "
            "disable-file, with codes, prefixes, names or all."
        ),
    ),
    severity=Severity.ERROR,
    regions=("body",),
    fail=(
        Example("<!-- outreach-lint: disabel=PC001 -->\nHi Sam,\n\nHow is the hiring going?\n", format="markdown"),
        Example("<!-- outreach-lint: disable=XY999 -->\nHi Sam,\n\nHow is the hiring going?\n", format="markdown"),
        Example("{# outreach-lint: ignore=PC001 #}\nHi {{ name }},\n\nHow is the hiring going?\n", format="template"),
    ),
    passes=(
        Example("<!-- a plain comment -->\nHi Sam,\n\nHow is the hiring going?\n", format="markdown"),
        Example("{# a template comment #}\nHi {{ name }},\n\nHow is the hiring going?\n", format="template"),
        Example("Hi Sam,\n\nHow is the hiring going?\n", format="markdown"),
    ),
)
def malformed_suppression(facts: EngineFacts) -> Iterator[EngineFinding]:
    for m in facts.malformed:
        yield EngineFinding(m.directive.start, m.directive.end, f"malformed suppression: {m.reason}", "directive")

