"""Subject lines: short, honest and readable at a glance."""

from __future__ import annotations

from ...rule import Family

FAMILY = Family(prefix="SJ", name="subject-line", summary="Subject lines that are long, misleading or hard to read at a glance.")
