"""Merge fields: placeholders left unfilled or malformed in a message about to be sent."""
