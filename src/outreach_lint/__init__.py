"""outreach-lint: lint sales outreach for customer focus.

Public API::

    from outreach_lint import Linter
    linter = Linter()
    report = linter.lint_message(subject="...", body="...")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__
from .diagnostics import Diagnostic, InvalidInputError, Report, Severity
from .rule import rule

if TYPE_CHECKING:
    from .config import Config
    from .engine import Linter

__all__ = ["Config", "Diagnostic", "InvalidInputError", "Linter", "Report", "Severity", "__version__", "lint_text", "rule"]


def __getattr__(name: str) -> Any:
    # The engine pulls in pydantic models and the rule registry; import it only when asked for.
    if name == "Linter":
        from .engine import Linter

        return Linter
    if name == "Config":
        from .config import Config

        return Config
    raise AttributeError(f"module 'outreach_lint' has no attribute {name!r}")


_default: Linter | None = None


def lint_text(text: str, format: str = "text", **kwargs: Any) -> Report:
    """Lint one draft with the default configuration (a shared Linter is created on first use)."""
    global _default
    if _default is None:
        from .engine import Linter

        _default = Linter()
    return _default.lint_text(text, format, **kwargs)
