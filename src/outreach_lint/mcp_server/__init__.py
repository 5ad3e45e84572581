"""`outreach-lint mcp`: the linter as Model Context Protocol tools for drafting agents (needs the `mcp` extra)."""
