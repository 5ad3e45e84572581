"""The rule packs shipped with outreach-lint (the top-level ``rules/`` directory of the repository)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from .compiler import PackRule, rules_from_pack


def builtin_pack_dir() -> Path:
    """Where the shipped packs are: inside the installed package, or the source tree's ``rules/``."""
    packaged = Path(str(files("outreach_lint"))) / "rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "rules"


def builtin_pack_paths() -> list[Path]:
    return sorted(builtin_pack_dir().glob("*.yaml"))


def provide_rules() -> list[PackRule]:
    rules: list[PackRule] = []
    for path in builtin_pack_paths():
        rules.extend(rules_from_pack(path, origin="builtin pack", trusted=True))
    return rules
