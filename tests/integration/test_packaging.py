"""The installed package and the built wheel carry the rule packs (not just the source tree)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import outreach_lint
from outreach_lint.packs.builtin import builtin_pack_dir

ROOT = Path(__file__).resolve().parents[2]


def test_wheel_ships_rule_packs_inside_the_package(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", str(tmp_path), str(ROOT)],
        check=True, capture_output=True, text=True,
    )
    wheel = next(tmp_path.glob("outreach_lint-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    shipped = {n for n in names if n.startswith("outreach_lint/rules/") and n.endswith((".yaml", ".py"))}
    rules_dir = ROOT / "src" / "outreach_lint" / "rules"
    assert shipped == {f"outreach_lint/rules/{p.relative_to(rules_dir).as_posix()}" for p in rules_dir.rglob("*") if p.suffix in (".yaml", ".py")}
    assert "outreach_lint/server/static/playground.html" in names  # the playground page ships too
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "[outreach_lint.rules]" in text and "outreach_lint.rules:provide_rules" in text


def test_installed_package_finds_its_own_packs() -> None:
    pack_dir = builtin_pack_dir()
    package_dir = Path(outreach_lint.__file__).parent
    if ROOT / "src" not in package_dir.parents:  # an installed (non-editable) copy
        assert pack_dir == package_dir / "rules"
    rules_dir = ROOT / "src" / "outreach_lint" / "rules"
    assert sorted(p.relative_to(pack_dir) for p in pack_dir.rglob("*.yaml")) == sorted(p.relative_to(rules_dir) for p in rules_dir.rglob("*.yaml"))
