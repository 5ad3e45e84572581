"""What the call-to-action rules share."""

from __future__ import annotations

from ...analyses.asks import LEXICONS as ASK_LEXICONS

ASK_RULE_LEXICONS = (*ASK_LEXICONS, "thread-close")

