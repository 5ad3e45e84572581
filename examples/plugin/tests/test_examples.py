"""Every HS rule's fail examples make it fire and its pass examples do not; every rule is documented.

The same helpers run outreach-lint's own rules. Run with the plugin installed: ``python -m pytest``.
"""

from __future__ import annotations

import pytest

from outreach_lint.testing import RuleExample, check_rule_docs, check_rule_example, rule_examples

CASES = rule_examples("HS")


def test_the_plugin_rules_are_installed() -> None:
    assert {c.code for c in CASES} == {"HS001", "HS002"}


@pytest.mark.parametrize("case", CASES, ids=str)
def test_example(case: RuleExample) -> None:
    check_rule_example(case)


@pytest.mark.parametrize("code", sorted({c.code for c in CASES}))
def test_docs(code: str) -> None:
    check_rule_docs(code)
