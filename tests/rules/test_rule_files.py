"""The rule files: one rule per file, named by its code, in its family's directory, nothing left TODO."""

from __future__ import annotations

import pytest

from outreach_lint import Linter
from outreach_lint.config import Config
from outreach_lint.rules import PACKAGE_DIR, rule_files

BUILTIN = [r for r in Linter(Config()).registry if r.meta.source.startswith("outreach_lint/rules/")]


def test_every_rule_file_defines_its_rule() -> None:
    by_source = {r.meta.source: r.meta.code for r in BUILTIN}
    for path in rule_files():
        source = f"outreach_lint/rules/{path.relative_to(PACKAGE_DIR).as_posix()}"
        assert by_source.get(source) == path.stem, f"{source} should define {path.stem}"


@pytest.mark.parametrize("rule", BUILTIN, ids=lambda r: r.meta.code)
def test_the_path_follows_from_the_code(rule) -> None:
    family = rule.meta.category.replace("-", "_")
    assert rule.meta.source.rsplit("/", 2)[-2:][0] == family
    assert rule.meta.source.rsplit("/", 1)[-1].split(".")[0] == rule.meta.code


@pytest.mark.parametrize("path", rule_files(), ids=lambda p: p.name)
def test_no_scaffold_is_left_unfinished(path) -> None:
    assert "TODO" not in path.read_text(encoding="utf-8"), f"{path.name} still has the scaffold's TODOs"
