from __future__ import annotations

import pytest

from outreach_lint import Linter
from outreach_lint.config import Config


@pytest.fixture(scope="session")
def linter() -> Linter:
    """One warm linter for the whole run, as an email tool would hold one."""
    return Linter(Config())


def codes(report) -> list[str]:
    return [d.code for d in report.diagnostics]
