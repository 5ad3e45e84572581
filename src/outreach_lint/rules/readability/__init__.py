"""Readability: reading grade, vocabulary and the shape of the message (length, sentences, walls of text)."""

from __future__ import annotations

from ...rule import Family

FAMILY = Family(prefix="RD", name="readability", summary="Reading grade, vocabulary and the shape of the message.")
