"""Generic messages: copy that could have been sent to anyone (doctrine section 5)."""

from __future__ import annotations

from ...rule import Family

FAMILY = Family(prefix="GN", name="generic", summary="Copy that could have been sent to anyone.")
