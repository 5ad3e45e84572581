"""Feature-heavy copy: specs and jargon instead of the reader's problem and outcome (doctrine section 2)."""

from __future__ import annotations

from ...rule import Family

FAMILY = Family(prefix="FH", name="feature-heavy", summary="Specs and jargon instead of the reader's problem and outcome.")
