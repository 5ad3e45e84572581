"""Helpers for rule authors: run every rule's own fail and pass examples, as outreach-lint's suite does.

A plugin's tests call the same functions that test the built-in rules (tests/rules/test_examples.py)::

    import pytest
    from outreach_lint.testing import check_rule_docs, check_rule_example, rule_examples

    @pytest.mark.parametrize("case", rule_examples("HS"), ids=str)
    def test_examples(case):
        check_rule_example(case)

    @pytest.mark.parametrize("code", [c.code for c in rule_examples("HS")])
    def test_docs(code):
        check_rule_docs(code)

The rules come from the installed entry points, so this tests the plugin as users get it (install it
first, e.g. ``pip install -e .``). No pytest import here: failures are plain ``AssertionError``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .config import Config
from .rule import Example, Rule

if TYPE_CHECKING:
    from .diagnostics import Diagnostic
    from .engine import Linter


@dataclass(frozen=True)
class RuleExample:
    """One example of one rule: a fail example must make the rule fire, a pass example must not."""

    code: str
    example: Example
    should_fire: bool
    index: int

    def __str__(self) -> str:  # the test id: HS001-fail-0
        return f"{self.code}-{'fail' if self.should_fire else 'pass'}-{self.index}"


@lru_cache(maxsize=None)
def _linter(model: str | None, code: str | None = None, options: tuple[tuple[str, Any], ...] = (),
            alone: bool = False, profile: str | None = None, mode: str | None = None) -> Linter:
    from .engine import Linter

    # Every rule enabled, with the example's model and the rule's options for the example; the fix path
    # runs the one rule alone, so the fixed text is that rule's doing.
    rules = {code: dict(options)} if code and options else {}
    return Linter(Config(model=model, rules=rules, select=(code,) if alone and code else None, profile=profile, mode=mode))


def _frozen(options: Mapping[str, Any]) -> tuple[tuple[str, Any], ...]:
    return tuple(sorted(options.items()))


def _rules(refs: tuple[str, ...]) -> list[Rule]:
    wanted = tuple(r.upper() for r in refs) or ("ALL",)
    return [
        r for r in _linter(None).registry
        if any(ref == "ALL" or r.meta.code.startswith(ref) or r.meta.name == ref.lower() for ref in wanted)
    ]


def rule_examples(*refs: str) -> list[RuleExample]:
    """The examples of the installed rules named by ``refs`` (codes, prefixes such as ``HS``, names;
    every rule when none is given)."""
    cases = []
    for r in _rules(refs):
        cases += [RuleExample(r.meta.code, e, True, i) for i, e in enumerate(r.meta.examples.fail)]
        cases += [RuleExample(r.meta.code, e, False, i) for i, e in enumerate(r.meta.examples.passes)]
    return cases


def example_findings(code: str, example: Example, options: Mapping[str, Any] | None = None) -> list[Diagnostic]:
    """What rule ``code`` finds in one example, linted with the example's format, profile, mode, model
    and options (``options`` replaces the example's own, to see what an option decides)."""
    chosen = example.options if options is None else options
    linter = _linter(example.model, code, _frozen(chosen))
    report = linter.lint_text(example.text, example.format, profile=example.profile, mode=example.mode)
    return [d for d in report.diagnostics if d.code == code]


def example_fixed(code: str, example: Example) -> str:
    """The text ``--fix`` makes of an example with this rule's safe suggestions alone (the CLI's fix path)."""
    from .fixer import fix_bytes

    linter = _linter(example.model, code, _frozen(example.options), True, example.profile, example.mode)
    result = fix_bytes(linter, example.text.encode("utf-8"), f"example.{example.format}", example.format)
    assert result.skipped is None, result.skipped
    return result.fixed


def check_rule_example(case: RuleExample) -> None:
    """Fail unless the rule fires on a fail example (with a message, an excerpt and a suggestion) and
    stays silent on a pass example."""
    found = example_findings(case.code, case.example)
    text = case.example.text
    if not case.should_fire:
        assert not found, f"{case.code} fired on its pass example: {[d.message for d in found]}\n{text}"
        return
    assert found, f"{case.code} did not fire on its fail example:\n{text}"
    for d in found:
        assert d.message and d.excerpt is not None
        # Every finding says what to do about it (engine findings describe the file, not the copy).
        assert d.suggestions or d.category == "engine", f"{case.code} finding has no suggestion"
    if case.example.fixed is not None:
        fixed = example_fixed(case.code, case.example)
        assert fixed == case.example.fixed, f"{case.code}: --fix made {fixed!r}, the example says {case.example.fixed!r}"


def check_rule_docs(code: str) -> None:
    """Fail unless the rule has full docs (what, why, example, instead), described options and at
    least three fail and three pass examples."""
    r = _linter(None).registry.get(code)
    assert r is not None, f"no installed rule {code}"
    m = r.meta
    assert m.summary and m.docs.what and m.docs.why and m.docs.example and m.docs.instead, f"{code} lacks docs"
    for name, f in m.options.model_fields.items():
        assert f.description, f"{code} option {name} needs a description saying where its default comes from"
    assert len(m.examples.fail) >= 3, f"{code} needs at least 3 fail examples"
    assert len(m.examples.passes) >= 3, f"{code} needs at least 3 pass examples"
