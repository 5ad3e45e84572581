"""OL001 unused-suppression: A suppression directive that suppressed nothing."""

from __future__ import annotations

from collections.abc import Iterator

from ...rule import EngineFacts, EngineFinding, Example, RuleDocs, engine_rule


@engine_rule(
    after_suppressions=True,
    code="OL001",
    name="unused-suppression",
    summary="A suppression directive that suppressed nothing.",
    docs=RuleDocs(
        what="Reports `outreach-lint: disable...` directives that did not suppress any finding.",
        why="Stale directives hide future problems and confuse the next writer of the template.",
        example="<!-- outreach-lint: disable=PR001 --> in a message with no pressure language.",
        instead="Remove the directive, or narrow it to the rule that actually fires.",
        fix_safety=(
            "Advice only: the suggestion carries no edit, so --fix never changes the text. The finding names "
            "the directive; removing it, or narrowing it to the rule that fires, is for the writer."
        ),
        sources=(
            "The suppression grammar in docs/suppression.md. Reporting directives that suppress nothing follows "
            "ruff's unused-noqa check (RUF100)."
        ),
    ),
    regions=("body",),
    fail=(
        Example("<!-- outreach-lint: disable=PR001 -->\nHi Sam,\n\nHow is the hiring going?\n", format="markdown"),
        Example("<!-- outreach-lint: disable-file=FH001 -->\nHi Sam,\n\nHow is the hiring going?\n", format="markdown"),
        Example("Hi Sam,\n\n<!-- outreach-lint: disable-next=PC002 -->\nHow is the hiring going?\n", format="markdown"),
    ),
    passes=(
        Example(
            "<!-- outreach-lint: disable-next=PR001 -->\nOur promotion ends Friday, so this month only you save 20%. "
            "Want the details?\n",
            format="markdown",
        ),
        Example("<!-- outreach-lint: disable-file=FH001 -->\nHi Sam,\n\nYou could leverage the data. Worth a look?\n",
                format="markdown"),
        Example("Hi Sam,\n\nHow is the hiring going?\n", format="markdown"),
    ),
)
def unused_suppression(facts: EngineFacts) -> Iterator[EngineFinding]:
    for s in facts.unused:
        what = ",".join(s.refs) if s.refs else "all rules"
        yield EngineFinding(
            s.directive.start, s.directive.end,
            f"unused suppression: '{s.action}' for {what} suppressed nothing; remove it", "directive",
        )

