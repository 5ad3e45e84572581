"""The engine: configuration and messages in, reports out.

The steps, each in its own module, in the order a message meets them:

- ``settings``: the config resolved against the registry (selected rules, options, severities, ignores);
- ``runtime``: the pipeline and compiled packs that serve the selected rules and their analyses;
- ``lint_doc``: one message's rules on its Doc, the OL rules on what the engine saw, suppressions, score;
- ``placement``: findings from linted-text offsets to source positions;
- ``linter``: :class:`Linter`, the public API over them.
"""

from __future__ import annotations

from ..config import Config, ConfigError
from ..diagnostics import RunResult
from ..packs import PackError
from ..registry import RegistryError
from .linter import Linter
from .runtime import Skipped

__all__ = ["Linter", "RunResult", "Skipped", "load_linter"]


def load_linter(config: Config) -> Linter:
    """Build a Linter, turning pack errors into configuration errors for the CLI."""
    try:
        return Linter(config)
    except (PackError, RegistryError) as exc:
        raise ConfigError(str(exc)) from None
