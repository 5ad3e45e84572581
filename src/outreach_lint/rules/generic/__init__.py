"""Generic messages: copy that could have been sent to anyone (doctrine section 5)."""
