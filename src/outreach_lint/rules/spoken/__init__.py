"""Spoken outreach: call scripts and voicemails, heard once and never re-read."""

from __future__ import annotations

from ...rule import Family

FAMILY = Family(prefix="SP", name="spoken", summary="Call scripts and voicemails: openers, pitches, monologues and callbacks as a listener hears them.")
