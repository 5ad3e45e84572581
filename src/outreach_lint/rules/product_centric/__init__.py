"""Product-centric language: the message is about the seller, not the reader (doctrine section 1)."""
