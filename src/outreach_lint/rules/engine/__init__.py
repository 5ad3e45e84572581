"""Findings the engine itself makes (suppressions, skipped rules, unreadable input).

They are rules like any other so they can be selected, ignored, re-severitied and documented; the
engine produces their findings because only it sees directives, skipped rules and decoding damage."""

from __future__ import annotations

from ...rule import Family

FAMILY = Family(prefix="OL", name="engine", summary="Findings the engine makes about the file: suppressions, skipped rules, unreadable input.")
