"""Input bounds shared by every front end that takes messages from another program.

The HTTP service (server/models.py, server/app.py) and the MCP server (mcp_server/) read these, so a
message one of them accepts is a message the other accepts too.
"""

from __future__ import annotations

SUBJECT_MAX_CHARS = 1_000
ID_MAX_CHARS = 200
# The service's default request-body limit; for the MCP server, the UTF-8 size of body or html.
MAX_BODY_BYTES = 1_000_000
