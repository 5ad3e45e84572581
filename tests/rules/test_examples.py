"""Every rule's fail examples must trigger it and its pass examples must not (built-ins and packs)."""

from __future__ import annotations


import pytest

from outreach_lint import Linter
from outreach_lint.config import Config
from outreach_lint.rule import Example
from outreach_lint.testing import example_findings, example_fixed

ALL_RULES = list(Linter(Config()).registry)


# These rules' files are being changed on other branches; their docs sections and the examples for their
# options follow when those changes are merged. Nothing else may be listed here.
PENDING: frozenset[str] = frozenset()


def _cases():
    for r in ALL_RULES:
        for i, e in enumerate(r.meta.examples.fail):
            yield pytest.param(r.meta.code, e, True, id=f"{r.meta.code}-fail-{i}")
        for i, e in enumerate(r.meta.examples.passes):
            yield pytest.param(r.meta.code, e, False, id=f"{r.meta.code}-pass-{i}")


# The one implementation plugin authors use too (outreach_lint.testing).
run_example = example_findings
fix_example = example_fixed


@pytest.mark.parametrize("code,example,should_fire", list(_cases()))
def test_rule_example(code: str, example: Example, should_fire: bool) -> None:
    found = run_example(code, example)
    if example.fixed is not None:
        assert fix_example(code, example) == example.fixed
    if should_fire:
        assert found, f"{code} did not fire on its fail example:\n{example.text}"
        for d in found:
            assert d.message and d.excerpt is not None
            # Every finding says what to do about it (engine findings describe the file, not the copy).
            assert d.suggestions or code.startswith("OL"), f"{code} finding has no suggestion"
    else:
        assert not found, f"{code} fired on its pass example: {[d.message for d in found]}\n{example.text}"


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.meta.code)
def test_every_rule_has_docs_and_examples(rule) -> None:
    m = rule.meta
    assert m.summary and m.docs.what and m.docs.why and m.docs.example and m.docs.instead
    for name, f in m.options.model_fields.items():
        assert f.description, f"{m.code} option {name} needs a description saying where its default comes from"
    assert len(m.examples.fail) >= 3, f"{m.code} needs at least 3 fail examples"
    assert len(m.examples.passes) >= 3, f"{m.code} needs at least 3 pass examples"


@pytest.mark.parametrize("rule", [r for r in ALL_RULES if r.meta.code not in PENDING], ids=lambda r: r.meta.code)
def test_every_rule_says_how_safe_its_fixes_are_and_where_it_comes_from(rule) -> None:
    m = rule.meta
    assert m.docs.fix_safety.strip(), f"{m.code} needs a 'Fix safety' section (RuleDocs.fix_safety)"
    assert m.docs.sources.strip(), f"{m.code} needs a 'Sources' section (RuleDocs.sources)"


def _options_of(rule) -> list[str]:
    return [name.replace("_", "-") for name in rule.meta.options.model_fields]


@pytest.mark.parametrize(
    "rule", [r for r in ALL_RULES if _options_of(r) and r.meta.code not in PENDING], ids=lambda r: r.meta.code
)
def test_every_option_decides_some_example(rule) -> None:
    """Each option is set by an example whose outcome turns on it: without that option (the default or
    the profile's value), the rule would fire where the example says it does not, or the other way round."""
    code = rule.meta.code
    examples = [(e, True) for e in rule.meta.examples.fail] + [(e, False) for e in rule.meta.examples.passes]
    for option in _options_of(rule):
        setting = [(e, fires) for e, fires in examples if option in e.options]
        assert setting, f"{code}: no example sets '{option}'"
        decided = [
            e for e, fires in setting
            if bool(run_example(code, e, {k: v for k, v in e.options.items() if k != option})) != fires
        ]
        assert decided, f"{code}: every example that sets '{option}' has the same outcome without it"


def _safe_fixes(rule) -> bool:
    return any(s.safe for e in rule.meta.examples.fail for d in run_example(rule.meta.code, e) for s in d.suggestions)


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.meta.code)
def test_rules_with_safe_fixes_show_the_fixed_text(rule) -> None:
    if _safe_fixes(rule):
        assert any(e.fixed is not None for e in rule.meta.examples.fail), (
            f"{rule.meta.code} offers safe fixes: give a fail example its `fixed` text"
        )


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
