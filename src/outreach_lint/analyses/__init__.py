"""Analyses of one message that several rules share (who sentences are about, payoffs, asks)."""
