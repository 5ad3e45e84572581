"""Every rule's fail examples must trigger it and its pass examples must not (built-ins and packs)."""

from __future__ import annotations

import pytest

from outreach_lint import Linter
from outreach_lint.config import Config
from outreach_lint.testing import RuleExample, check_rule_docs, check_rule_example, rule_examples

ALL_RULES = list(Linter(Config()).registry)


# The helpers are the ones a plugin's own tests call (docs/plugins.md), so both run examples one way.
@pytest.mark.parametrize("case", rule_examples(), ids=str)
def test_rule_example(case: RuleExample) -> None:
    check_rule_example(case)


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.meta.code)
def test_every_rule_has_docs_and_examples(rule) -> None:
    check_rule_docs(rule.meta.code)


def test_codes_and_names_are_unique() -> None:
    codes = [r.meta.code for r in ALL_RULES]
    names = [r.meta.name for r in ALL_RULES]
    assert len(codes) == len(set(codes))
    assert len(names) == len(set(names))


def test_starter_rules_cover_every_mechanism() -> None:
    from outreach_lint.packs import PackRule

    kinds = {r.spec.kind for r in ALL_RULES if isinstance(r, PackRule)}
    assert kinds == {"phrase", "pattern", "substitute", "count", "ratio"}
    by_code = {r.meta.code: r for r in ALL_RULES}
    assert "DEP" in by_code["PC001"].meta.requires
    assert by_code["RD001"].meta.needs_readability
    assert {"MF001", "SJ001"} <= set(by_code)
