"""Tone: how the seller sounds (hedged, shouting) rather than what the message says (doctrine section 6)."""

from __future__ import annotations

from ...rule import Family

FAMILY = Family(prefix="TN", name="tone", summary="The seller's voice: hedged until it says little, or shouting.")
