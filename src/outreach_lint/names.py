"""The closed sets of names users type: each is defined here once.

The command line's choices, the service's request schema, config and pack validation, and the docs
all read these tuples, so a new profile or output format is added in one place (and the module that
implements it). A test checks that the implementations (the profile table, the formatters, the
readers) cover exactly these names.
"""

from __future__ import annotations

from typing import Any, Literal

PROFILES = ("cold-email", "follow-up", "reply", "linkedin", "script", "announcement")
# What a user may name: a profile, or "auto" (the default: read the profile from the message).
PROFILE_CHOICES = ("auto", *PROFILES)
MODES = ("template", "rendered")
SEVERITIES = ("info", "warning", "error")
FAIL_ON = (*SEVERITIES, "never")
OUTPUT_FORMATS = ("text", "concise", "json", "jsonl", "sarif", "github")
INPUT_FORMATS = ("text", "markdown", "html", "eml", "mbox", "jsonl", "json", "template", "script")

# The same sets as types, for pydantic models (Literal of a tuple is the Literal of its items).
Profile: Any = Literal[PROFILES]  # type: ignore[valid-type]
ProfileChoice: Any = Literal[PROFILE_CHOICES]  # type: ignore[valid-type]
Mode: Any = Literal[MODES]  # type: ignore[valid-type]
SeverityName: Any = Literal[SEVERITIES]  # type: ignore[valid-type]
FailOn: Any = Literal[FAIL_ON]  # type: ignore[valid-type]
