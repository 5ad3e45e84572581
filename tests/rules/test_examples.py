"""Every rule's fail examples must trigger it and its pass examples must not (built-ins and packs)."""

from __future__ import annotations

from functools import lru_cache

import pytest

from outreach_lint import Linter
from outreach_lint.config import Config
from outreach_lint.rule import Example

ALL_RULES = list(Linter(Config()).registry)


@lru_cache(maxsize=None)
def _linter(model: str | None) -> Linter:
    return Linter(Config(model=model))


def _cases():
    for r in ALL_RULES:
        for i, e in enumerate(r.meta.examples.fail):
            yield pytest.param(r.meta.code, e, True, id=f"{r.meta.code}-fail-{i}")
        for i, e in enumerate(r.meta.examples.passes):
            yield pytest.param(r.meta.code, e, False, id=f"{r.meta.code}-pass-{i}")


def run_example(code: str, example: Example):
    report = _linter(example.model).lint_text(example.text, example.format, profile=example.profile, mode=example.mode)
    return [d for d in report.diagnostics if d.code == code]


@pytest.mark.parametrize("code,example,should_fire", list(_cases()))
def test_rule_example(code: str, example: Example, should_fire: bool) -> None:
    found = run_example(code, example)
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
