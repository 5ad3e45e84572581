"""Built-in rules that need code (document-level logic, dependency parses, textstat)."""

from __future__ import annotations

from ..rule import Rule
from .call_to_action import CTA_RULES
from .engine_rules import ENGINE_RULES
from .features import FEATURE_RULES
from .generic import GENERIC_RULES
from .merge_fields import malformed_merge_field, unfilled_merge_field
from .opening import OPENING_RULES
from .pressure import guilt_follow_up
from .readability import reading_grade
from .seller_subject import seller_as_subject
from .shape import SHAPE_RULES
from .subject import (
    fake_reply_prefix,
    missing_subject,
    shouting_subject,
    subject_too_long,
)


def provide_rules() -> list[Rule]:
    """Entry point for the ``outreach_lint.rules`` group."""
    return [
        seller_as_subject,
        *OPENING_RULES,
        *FEATURE_RULES,
        *CTA_RULES,
        *GENERIC_RULES,
        guilt_follow_up,
        unfilled_merge_field,
        malformed_merge_field,
        reading_grade,
        *SHAPE_RULES,
        subject_too_long,
        missing_subject,
        shouting_subject,
        fake_reply_prefix,
        *ENGINE_RULES,
    ]
