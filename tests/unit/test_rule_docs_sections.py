"""Rule docs say how safe a rule's fixes are and where the rule comes from; examples carry options and fixed text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from outreach_lint.cli import main
from outreach_lint.config import Config
from outreach_lint.engine import load_linter
from outreach_lint.rule import Example

HOUSE_PACK = """
pack: house
rules:
  - code: HS001
    name: no-utilise
    kind: substitute
    summary: Say use, not utilise.
    message: "'{match}' is jargon"
    substitutions: {utilise: use}
    docs:
      what: Flags utilise.
      why: Readers say use.
      example: We utilise data.
      instead: We use data.
      fix-safety: Safe, the plain word means the same.
      sources: The house style guide, section 2.
    examples:
      fail:
        - text: "Teams utilise the checklist. Worth a look?"
          fixed: "Teams use the checklist. Worth a look?"
          options: {}
      pass: ["Teams use the checklist. Worth a look?"]
"""


def test_rule_page_has_fix_safety_and_sources() -> None:
    result = CliRunner().invoke(main, ["rule", "FH001"])
    assert result.exit_code == 0, result.output
    page = result.output
    assert "## Fix safety\n\nSafe:" in page and "## Sources\n\nDoctrine section 2" in page
    # Each fixed example shows what --fix makes of it.
    assert "Fixed by --fix:" in page and "You could use your CRM data" in page


def test_rule_page_shows_the_options_an_example_runs_with() -> None:
    page = CliRunner().invoke(main, ["rule", "RD004"]).output
    assert "With `max-words = 12`:" in page


def test_rules_json_carries_both_sections() -> None:
    result = CliRunner().invoke(main, ["rules", "--format", "json"])
    assert result.exit_code == 0, result.output
    by_code = {r["code"]: r for r in json.loads(result.output)}
    docs = by_code["PC004"]["docs"]
    assert docs["fix_safety"].startswith("Safe for an empty pleasantry")
    assert docs["sources"].startswith("Doctrine section 1")


def test_pack_docs_and_examples_take_the_new_fields(tmp_path: Path) -> None:
    pack = tmp_path / "house.yaml"
    pack.write_text(HOUSE_PACK, encoding="utf-8")
    rule = load_linter(Config(packs=(pack,))).registry.get("HS001")
    assert rule is not None
    assert rule.meta.docs.fix_safety == "Safe, the plain word means the same."
    assert rule.meta.docs.sources == "The house style guide, section 2."
    assert rule.meta.examples.fail[0].fixed == "Teams use the checklist. Worth a look?"
    page = CliRunner().invoke(main, ["rule", "HS001", "--config", str(_config(tmp_path))]).output
    assert "## Fix safety" in page and "## Sources" in page


def test_pack_without_the_new_sections_still_loads(tmp_path: Path) -> None:
    """Packs written before the sections existed keep working; their pages just leave them out."""
    pack = tmp_path / "house.yaml"
    old = "\n".join(line for line in HOUSE_PACK.splitlines() if "fix-safety" not in line and "sources:" not in line)
    pack.write_text(old, encoding="utf-8")
    rule = load_linter(Config(packs=(pack,))).registry.get("HS001")
    assert rule is not None and rule.meta.docs.fix_safety == "" and rule.meta.docs.sources == ""
    page = CliRunner().invoke(main, ["rule", "HS001", "--config", str(_config(tmp_path))]).output
    assert "## Fix safety" not in page and "## Sources" not in page


def _config(tmp_path: Path) -> Path:
    config = tmp_path / "outreach-lint.toml"
    config.write_text('packs = ["house.yaml"]\n', encoding="utf-8")
    return config


def test_example_options_are_a_read_only_value() -> None:
    e = Example("Hi", options={"max-words": 40})
    assert e.options == {"max-words": 40} and hash(e) == hash(Example("Hi", options={"max-words": 41}))
    with pytest.raises(TypeError):
        e.options["max-words"] = 10  # type: ignore[index]
