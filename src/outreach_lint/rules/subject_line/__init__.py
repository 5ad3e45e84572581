"""Subject lines: short, honest and readable at a glance."""
