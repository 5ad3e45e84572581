"""Rule families: prefixes are declared by the distribution that ships the rules, never by a central list.

Each test puts a small distribution (a package plus a ``.dist-info`` with an ``outreach_lint.rules`` entry
point) on ``sys.path``, exactly what pip leaves in site-packages, so discovery reads real entry-point and
distribution metadata. The slow test in tests/integration/test_plugin_distribution.py installs the
example plugin with pip in a fresh venv.
"""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from outreach_lint import Linter
from outreach_lint.cli import main
from outreach_lint.config import Config
from outreach_lint.engine import load_linter
from outreach_lint.plugins import PluginError
from outreach_lint.registry import RegistryError

RULE = '''
from outreach_lint.rule import RuleDocs, rule

@rule(code="{code}", name="{name}", summary="Flags the word wow.",
      docs=RuleDocs(what="Flags wow.", why="It says nothing.", example="Wow!", instead="Say what changed."),
      origin="claimed-by-the-plugin",
      fail=("Hi Sam,\\n\\nWow, look at this. Worth a chat?\\n",),
      passes=("Hi Sam,\\n\\nYour team ships weekly. Worth a chat?\\n",))
def check(ctx):
    at = ctx.text.lower().find("wow")
    if at >= 0:
        yield ctx.finding(at, at + 3, "'wow' says nothing")
'''


def make_distribution(site: Path, dist: str, package: str, body: str, version: str = "0.1.0") -> None:
    """A package and its dist-info, as an installed wheel leaves them."""
    (site / package).mkdir(parents=True)
    (site / package / "__init__.py").write_text(textwrap.dedent(body), encoding="utf-8")
    info = site / f"{dist.replace('-', '_')}-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[outreach_lint.rules]\n{package} = {package}:provide\n", encoding="utf-8")


def plugin_body(prefix: str | None, code: str, name: str) -> str:
    family = f'FAMILY = Family(prefix="{prefix}", name="{name}-family", summary="Test family.")\n' if prefix else ""
    items = "[FAMILY, check]" if prefix else "[check]"
    return (
        "from outreach_lint.rule import Family\n"
        + RULE.format(code=code, name=name)
        + family
        + f"\ndef provide():\n    return {items}\n"
    )


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    where = tmp_path / "site"
    where.mkdir()
    monkeypatch.syspath_prepend(str(where))
    yield where
    # The next test's plugin reuses a package name: forget the modules imported from this one.
    for name, module in list(sys.modules.items()):
        if str(getattr(module, "__file__", "") or "").startswith(str(where)):
            del sys.modules[name]


def test_a_plugin_family_loads_with_the_distribution_as_origin(site: Path) -> None:
    make_distribution(site, "outreach-lint-wow", "wow_plugin", plugin_body("WW", "WW001", "no-wow"))
    rule = Linter(Config()).registry.get("WW001")
    assert rule is not None
    assert rule.meta.origin == "outreach-lint-wow 0.1.0"  # from the metadata, not what the rule claims
    assert rule.meta.category == "no-wow-family"
    assert rule.meta.source == "wow_plugin/__init__.py"


def test_builtins_are_defined_by_outreach_lint_in_families_they_declare(linter: Linter) -> None:
    import outreach_lint.rules.product_centric as pc

    rule = linter.registry.get("PC001")
    assert rule is not None and rule.meta.origin == "outreach-lint"
    assert pc.FAMILY.prefix == "PC" and rule.meta.category == pc.FAMILY.name == "product-centric"
    assert linter.registry.get("PC002").meta.origin == "outreach-lint"  # a pack rule too


def test_there_is_no_central_prefix_list() -> None:
    import outreach_lint.rule as rule_module

    assert not hasattr(rule_module, "CATEGORIES")


def test_an_undeclared_prefix_names_the_rule_the_distribution_and_the_remedy(site: Path) -> None:
    make_distribution(site, "outreach-lint-wow", "wow_plugin", plugin_body(None, "WW001", "no-wow"))
    with pytest.raises((PluginError, RegistryError)) as info:
        Linter(Config())
    message = str(info.value)
    assert "WW001" in message and "outreach-lint-wow 0.1.0" in message and "Family(prefix=" in message
    assert "\n" not in message


def test_a_family_with_another_prefix_does_not_cover_the_rule(site: Path) -> None:
    make_distribution(site, "outreach-lint-wow", "wow_plugin", plugin_body("WX", "WW001", "no-wow"))
    with pytest.raises(RegistryError, match=r"rule WW001 \(outreach-lint-wow 0.1.0\) uses the prefix WW"):
        Linter(Config())


def test_a_plugin_may_not_use_a_builtin_prefix(site: Path) -> None:
    make_distribution(site, "outreach-lint-wow", "wow_plugin", plugin_body(None, "PC901", "no-wow"))
    with pytest.raises((PluginError, RegistryError)) as info:
        Linter(Config())
    message = str(info.value)
    assert "PC901" in message and "built-in prefix PC" in message and "outreach-lint-wow" in message


def test_a_plugin_may_not_redeclare_a_builtin_prefix(site: Path) -> None:
    make_distribution(site, "outreach-lint-wow", "wow_plugin", plugin_body("PC", "PC901", "no-wow"))
    with pytest.raises(RegistryError, match="prefix PC is declared by outreach-lint and by outreach-lint-wow 0.1.0"):
        Linter(Config())


def test_two_distributions_may_not_declare_one_prefix(site: Path) -> None:
    make_distribution(site, "outreach-lint-wow", "wow_plugin", plugin_body("WW", "WW001", "no-wow"))
    make_distribution(site, "outreach-lint-wow-too", "wow_too", plugin_body("WW", "WW002", "no-wow-too"), "2.0")
    with pytest.raises(RegistryError) as info:
        Linter(Config())
    message = str(info.value)
    assert "prefix WW is declared by" in message
    assert "outreach-lint-wow 0.1.0" in message and "outreach-lint-wow-too 2.0" in message


def test_a_plugin_that_fails_to_import_is_one_line_naming_the_distribution(site: Path) -> None:
    make_distribution(site, "outreach-lint-broken", "broken_plugin", "import no_such_module_here\n")
    result = CliRunner().invoke(main, ["rules"])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert "outreach-lint-broken 0.1.0" in lines[0] and "No module named 'no_such_module_here'" in lines[0]
    assert "Traceback" not in result.output


def test_a_provider_returning_something_else_is_named(site: Path) -> None:
    make_distribution(site, "outreach-lint-odd", "odd_plugin", "def provide():\n    return ['not a rule']\n")
    with pytest.raises(PluginError, match=r"outreach-lint-odd 0.1.0 .*'not a rule'.*neither a rule nor a Family"):
        Linter(Config())


def test_a_local_pack_keeps_any_prefix_no_distribution_declares(tmp_path: Path) -> None:
    pack = tmp_path / "house.yaml"
    pack.write_text(
        "pack: house\nrules:\n  - code: ZZ001\n    name: no-synergy\n    kind: phrase\n    summary: s\n    message: m\n"
        "    phrases: [synergy]\n    docs: {what: a, why: b, example: c, instead: d}\n    examples: {fail: [a], pass: [b]}\n",
        encoding="utf-8",
    )
    rule = load_linter(Config(packs=(pack,))).registry.get("ZZ001")
    assert rule is not None and rule.meta.category == "other"
