"""Product-centric language: the message is about the seller, not the reader (doctrine section 1)."""

from __future__ import annotations

from ...rule import Family

FAMILY = Family(prefix="PC", name="product-centric", summary="The message is about the seller, not the reader.")
