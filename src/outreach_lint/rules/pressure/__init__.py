"""Pressure: the customer's timing, not the seller's calendar or quota (doctrine section 4)."""
