"""The HTTP service for pre-send checks: `outreach-lint serve` (needs the `serve` extra).

FastAPI on uvicorn: an established ASGI stack with request validation and an OpenAPI document from
the same pydantic models. See docs/service.md.
"""
