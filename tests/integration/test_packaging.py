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
    shipped = {Path(n).name for n in names if n.startswith("outreach_lint/rules/") and n.endswith(".yaml")}
    assert shipped == {p.name for p in (ROOT / "rules").glob("*.yaml")}
    assert "outreach_lint/server/static/playground.html" in names  # the playground page ships too
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "[outreach_lint.rules]" in text and "outreach_lint.checks:provide_rules" in text


def test_installed_package_finds_its_own_packs() -> None:
    pack_dir = builtin_pack_dir()
    package_dir = Path(outreach_lint.__file__).parent
    if ROOT / "src" not in package_dir.parents:  # an installed (non-editable) copy
        assert pack_dir == package_dir / "rules"
    assert sorted(p.name for p in pack_dir.glob("*.yaml")) == sorted(p.name for p in (ROOT / "rules").glob("*.yaml"))
