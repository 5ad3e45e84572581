"""Data flows one way: rules and packs never import the engine, formatters or CLI."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[2] / "src" / "outreach_lint"
LOWER = [
    "diagnostics.py", "rule.py", "registry.py", "mapped.py", "mergefields.py", "regions.py", "asks.py", "profiles.py",
    "metrics.py", "score.py", "readability.py", "cache.py", "rules", "analyses", "packs", "sources",
]
FORBIDDEN = {"engine", "formatters", "cli", "parallel", "server", "fixer", "evaluate"}


def modules(entry: str):
    path = PKG / entry
    return [path] if path.is_file() else sorted(path.rglob("*.py"))


@pytest.mark.parametrize("path", [p for e in LOWER for p in modules(e)], ids=lambda p: str(p.relative_to(PKG)))
def test_lower_layers_do_not_import_upper_layers(path: Path) -> None:
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            parts = set(node.module.split("."))
            assert not parts & FORBIDDEN, f"{path.name} imports {node.module}"
        if isinstance(node, ast.Import):
            for alias in node.names:
                assert not set(alias.name.split(".")) & FORBIDDEN, f"{path.name} imports {alias.name}"


UPPER_ONLY = {"formatters": {"engine", "cli", "server", "parallel"}, "server": {"cli"}}


@pytest.mark.parametrize("area", sorted(UPPER_ONLY))
def test_formatters_and_server_sit_above_the_engine_not_beside_it(area: str) -> None:
    """Formatters read values (Report, RunResult), never the engine; the server never the CLI."""
    for path in modules(area):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not set(node.module.split(".")) & UPPER_ONLY[area], f"{path.name} imports {node.module}"


def test_rules_sit_below_the_engine() -> None:
    """A rule file reads the rule model and the analyses; the engine finds it, never the reverse."""
    for path in modules("rules"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert "engine" not in node.module.split("."), f"{path} imports {node.module}"
