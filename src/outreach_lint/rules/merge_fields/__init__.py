"""Merge fields: placeholders left unfilled or malformed in a message about to be sent."""

from __future__ import annotations

from ...rule import Family

FAMILY = Family(prefix="MF", name="merge-fields", summary="Placeholders left unfilled or malformed in a message about to be sent.")
