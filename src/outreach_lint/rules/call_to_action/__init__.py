"""Calls to action: every message asks for one specific, easy next step (doctrine section 3).

The asks themselves are found once per message by :mod:`outreach_lint.asks` (questions, imperatives,
request phrases); these rules judge them."""

from __future__ import annotations

from ...rule import Family

FAMILY = Family(prefix="CTA", name="call-to-action", summary="Every message asks for one specific, easy next step.")
