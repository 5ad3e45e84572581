"""The built-in rules, one file per rule: ``rules/<family>/<CODE>.py`` or ``rules/<family>/<CODE>.yaml``.

The path follows from the code: PC001 is ``product_centric/PC001.py``, PC002 is the one-rule pack
``product_centric/PC002.yaml``. Nothing lists the rules by hand: :func:`provide_rules` imports every
module and reads every pack under a family directory, and refuses a file whose rule does not carry the
file's name, so a rule is added by adding its file. ``lexicons.yaml`` holds the word lists the Python
rules read.
"""

from __future__ import annotations

import importlib
from dataclasses import replace
from pathlib import Path

from ..packs.compiler import rules_from_pack
from ..rule import EngineRule, FunctionRule, Rule

PACKAGE_DIR = Path(__file__).resolve().parent


def family_dirs() -> list[Path]:
    """The family directories (``product_centric``, ``call_to_action``...), each a package."""
    return sorted(p for p in PACKAGE_DIR.iterdir() if p.is_dir() and (p / "__init__.py").is_file())


def rule_files() -> list[Path]:
    """Every file that defines one rule; helpers shared within a family start with ``_``."""
    return sorted(
        p for d in family_dirs() for p in d.iterdir()
        if p.suffix in (".py", ".yaml") and not p.name.startswith("_")
    )


def defined_in(path: Path) -> str:
    """A rule file's path as the package names it (``outreach_lint/rules/product_centric/PC001.py``)."""
    return path.relative_to(PACKAGE_DIR.parents[1]).as_posix()


def _module_rule(path: Path) -> Rule:
    module = importlib.import_module(f"{__name__}.{path.parent.name}.{path.stem}")
    found = [v for v in vars(module).values() if isinstance(v, (FunctionRule, EngineRule))]
    if len(found) != 1 or found[0].meta.code != path.stem:
        codes = ", ".join(r.meta.code for r in found) or "none"
        raise ImportError(f"{defined_in(path)} must define exactly the rule {path.stem} (it defines {codes})")
    rule = found[0]
    return replace(rule, meta=replace(rule.meta, source=defined_in(path)))


def provide_rules() -> list[Rule]:
    """Entry point for the ``outreach_lint.rules`` group: every built-in rule, Python and pack."""
    rules: list[Rule] = []
    for path in rule_files():
        if path.suffix == ".py":
            rules.append(_module_rule(path))
            continue
        pack_rules = rules_from_pack(path, origin="builtin pack", trusted=True)
        if [r.meta.code for r in pack_rules] != [path.stem]:
            raise ImportError(f"{defined_in(path)} must define exactly the rule {path.stem}")
        rules.extend(replace(r, meta=replace(r.meta, source=defined_in(path))) for r in pack_rules)
    return rules
