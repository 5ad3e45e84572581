"""docs/rules/ is generated from the registry; this fails when it is stale."""

from __future__ import annotations

from pathlib import Path

from outreach_lint import Linter
from outreach_lint.docs import profiles_markdown, rule_docs_files

DOCS = Path(__file__).resolve().parents[2] / "docs" / "rules"


def test_rule_docs_are_current(linter: Linter) -> None:
    expected = rule_docs_files(list(linter.registry))
    actual = {p.name: p.read_text(encoding="utf-8") for p in DOCS.glob("*.md")}
    assert actual == expected, "docs/rules is stale: run python -m outreach_lint.docs docs/rules"


def test_profile_docs_are_current(linter: Linter) -> None:
    actual = (DOCS.parent / "profiles.md").read_text(encoding="utf-8")
    assert actual == profiles_markdown(list(linter.registry)), "docs/profiles.md is stale: run python -m outreach_lint.docs docs/rules"


def test_profile_table_matches_the_rule_model() -> None:
    from outreach_lint.profiles import PROFILES
    from outreach_lint.rule import PROFILES as NAMES

    assert tuple(PROFILES) == NAMES
