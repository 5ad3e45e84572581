"""Built-in rules that need code (document-level logic, dependency parses, textstat)."""

from __future__ import annotations

from ..rule import Rule
from .engine_rules import ENGINE_RULES
from .merge_fields import unfilled_merge_field
from .readability import reading_grade
from .seller_subject import seller_as_subject
from .subject import subject_too_long


def provide_rules() -> list[Rule]:
    """Entry point for the ``outreach_lint.rules`` group."""
    return [seller_as_subject, unfilled_merge_field, reading_grade, subject_too_long, *ENGINE_RULES]
