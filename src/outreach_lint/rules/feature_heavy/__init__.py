"""Feature-heavy copy: specs and jargon instead of the reader's problem and outcome (doctrine section 2)."""
