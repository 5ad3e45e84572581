"""Pressure: the customer's timing, not the seller's calendar or quota (doctrine section 4)."""

from __future__ import annotations

from ...rule import Family

FAMILY = Family(prefix="PR", name="pressure", summary="Pushing on the seller's calendar or quota instead of the customer's timing.")
