"""Readability: reading grade, vocabulary and the shape of the message (length, sentences, walls of text)."""
