"""What the subject-line rules share."""

from __future__ import annotations

EMAIL_PROFILES = ("cold-email", "follow-up", "announcement")

