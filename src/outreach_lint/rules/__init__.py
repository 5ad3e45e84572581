"""The built-in rules, one file per rule: ``rules/<family>/<CODE>.py`` or ``rules/<family>/<CODE>.yaml``.

The path follows from the code: PC001 is ``product_centric/PC001.py``, PC002 is the one-rule pack
``product_centric/PC002.yaml``. Nothing lists the rules by hand: :func:`provide_rules` imports every
module and reads every pack under a family directory, and refuses a file whose rule does not carry the
file's name or the prefix its family declares, so a rule is added by adding its file. ``lexicons.yaml`` holds the word lists the Python
rules read.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from ..plugins import is_rule_file, rules_in_package
from ..rule import Family, Rule

PACKAGE_DIR = Path(__file__).resolve().parent


def family_dirs() -> list[Path]:
    """The family directories (``product_centric``, ``call_to_action``...), each a package."""
    return sorted(p for p in PACKAGE_DIR.iterdir() if p.is_dir() and (p / "__init__.py").is_file())


def families() -> list[tuple[str, Family]]:
    """Each family package's name and the Family its ``__init__.py`` declares."""
    out = []
    for directory in family_dirs():
        package = f"{__name__}.{directory.name}"
        out.append((package, importlib.import_module(package).FAMILY))
    return out


def rule_files() -> list[Path]:
    """Every file that defines one rule."""
    return sorted(p for d in family_dirs() for p in d.iterdir() if is_rule_file(p))


def provide_rules() -> list[Rule | Family]:
    """Entry point for the ``outreach_lint.rules`` group: every built-in family and its rules.

    Each family package declares its prefix (``FAMILY = Family(prefix="PC", ...)`` in its
    ``__init__.py``); its rules are the files in it, each carrying that prefix.
    """
    provided: list[Rule | Family] = []
    for package, family in families():
        provided.append(family)
        provided.extend(rules_in_package(package, family, trusted=True))
    return provided
