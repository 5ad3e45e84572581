"""LinkedIn: connection notes that connect, instead of pitching or asking for nothing in particular."""

from __future__ import annotations

from ...rule import Family

FAMILY = Family(
    prefix="LI",
    name="linkedin",
    summary="LinkedIn connection notes that pitch, or ask to connect without a reason.",
)
