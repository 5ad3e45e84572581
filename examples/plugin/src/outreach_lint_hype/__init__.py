"""outreach-lint-hype: rules against hype in outreach, under the prefix HS.

The provider returns the family that declares the prefix and the rules in this package, one file per
rule (``HS001.py``, ``HS002.yaml``), exactly as outreach-lint's own families are laid out.
"""

from __future__ import annotations

from outreach_lint.plugins import rules_in_package
from outreach_lint.rule import Family, Rule

FAMILY = Family(
    prefix="HS",
    name="hype",
    summary="Hype instead of substance: stacked exclamation marks and superlatives nobody can check.",
)


def provide_rules() -> list[Rule | Family]:
    """The ``outreach_lint.rules`` entry point: this plugin's family and its rules."""
    return [FAMILY, *rules_in_package(__name__, FAMILY)]
