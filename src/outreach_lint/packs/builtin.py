"""The rule packs shipped with outreach-lint: the ``.yaml`` files under ``outreach_lint/rules/``."""

from __future__ import annotations

from pathlib import Path


def builtin_pack_dir() -> Path:
    """The built-in rules' directory, inside the package (the source tree and an installed copy alike)."""
    return Path(__file__).resolve().parents[1] / "rules"


def builtin_pack_paths() -> list[Path]:
    """Every shipped pack: the one-rule packs of each family and the shared ``lexicons.yaml``."""
    return sorted(builtin_pack_dir().rglob("*.yaml"))
