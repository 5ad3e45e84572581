"""OL004 unreadable-input: Characters in the message could not be decoded (U+FFFD replacement characters)."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Severity
from ...rule import EngineFacts, EngineFinding, Example, RuleDocs, engine_rule


@engine_rule(
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
        fix_safety=(
            "Advice only: the suggestion carries no edit, so --fix never changes the text. The bytes that could "
            "not be decoded are gone from the text; only the original file can restore them."
        ),
        sources=(
            "The Unicode replacement character U+FFFD, which a decoder puts where bytes are not valid in the "
            "file's encoding (error E010 in docs/output.md)."
        ),
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
)
def unreadable_input(facts: EngineFacts) -> Iterator[EngineFinding]:
    lo, hi = facts.bounds
    at = facts.source.find("\ufffd", lo, hi)
    if at >= 0:
        count = facts.source.count("\ufffd", lo, hi)
        yield EngineFinding(
            at, at + 1,
            f"{count} character(s) could not be decoded and were replaced with U+FFFD: re-save the file as UTF-8",
        )

