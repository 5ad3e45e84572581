"""--fix on a repository someone else wrote: its symlinks never make the fixer write outside the tree."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from outreach_lint.cli import main

DRAFT = "Hi Sam,\n\nYou could leverage your CRM data in order to plan routes.\n\nWant to see how?\n"
FIXED = "Hi Sam,\n\nYou could use your CRM data to plan routes.\n\nWant to see how?\n"
SECRET = "do not touch: this file lives outside the linted tree\n"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture()
def layout(tmp_path: Path) -> tuple[Path, Path]:
    """A cloned repository ``repo/`` and, beside it, a file of the user's that the repository must not reach."""
    repo = tmp_path / "repo"
    repo.mkdir()
    outside = tmp_path / "home" / "notes.txt"
    outside.parent.mkdir()
    outside.write_text(SECRET, encoding="utf-8")
    return repo, outside


def not_fixed_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if ": not fixed: " in line]


def test_a_committed_temporary_file_symlink_is_never_written_through(layout: tuple[Path, Path]) -> None:
    repo, outside = layout
    draft = repo / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    # The name the fixer once used for its temporary file, committed as a link to the user's file.
    trap = repo / "draft.txt.outreach-lint.tmp"
    trap.symlink_to(outside)
    run("check", "--fix", str(repo))
    assert outside.read_text(encoding="utf-8") == SECRET
    assert not draft.is_symlink() and draft.read_text(encoding="utf-8") == FIXED
    assert trap.is_symlink() and os.readlink(trap) == str(outside)
    assert sorted(p.name for p in repo.iterdir()) == ["draft.txt", "draft.txt.outreach-lint.tmp"]


def test_a_symlink_out_of_the_walked_tree_is_refused(layout: tuple[Path, Path]) -> None:
    repo, outside = layout
    outside.write_text(DRAFT, encoding="utf-8")  # fixable, so only the refusal keeps it as it is
    link = repo / "draft.txt"
    link.symlink_to(outside)
    result = run("check", "--fix", str(repo))
    assert outside.read_text(encoding="utf-8") == DRAFT
    assert link.is_symlink() and os.readlink(link) == str(outside)
    [line] = not_fixed_lines(result.output)
    assert line.startswith(f"outreach-lint: {link}: not fixed: a symlink to {outside}, outside ")
    assert "fix the target itself" in line


def test_a_symlink_through_a_linked_directory_out_of_the_tree_is_refused(layout: tuple[Path, Path]) -> None:
    repo, outside = layout
    outside.write_text(DRAFT, encoding="utf-8")
    (repo / "home").symlink_to(outside.parent, target_is_directory=True)
    link = repo / "draft.txt"
    link.symlink_to("home/notes.txt")  # a relative link that stays in the tree only on paper
    result = run("check", "--fix", str(repo))
    assert outside.read_text(encoding="utf-8") == DRAFT
    assert link.is_symlink()
    [line] = not_fixed_lines(result.output)
    assert line.startswith(f"outreach-lint: {link}: not fixed: a symlink to {outside}, outside ")


def test_a_symlink_inside_the_tree_is_fixed_through_and_kept(layout: tuple[Path, Path]) -> None:
    repo, _ = layout
    (repo / "drafts").mkdir()
    target = repo / "drafts" / "real.txt"
    target.write_text(DRAFT, encoding="utf-8")
    target.chmod(0o600)
    link = repo / "alias.txt"
    link.symlink_to("drafts/real.txt")
    result = run("check", "--fix", str(repo))
    assert link.is_symlink() and os.readlink(link) == "drafts/real.txt"
    assert target.read_text(encoding="utf-8") == FIXED
    assert (target.stat().st_mode & 0o777) == 0o600
    assert not_fixed_lines(result.output) == []
    assert sorted(p.name for p in (repo / "drafts").iterdir()) == ["real.txt"]


def test_a_named_symlink_is_fixed_through_when_its_target_is_under_the_current_directory(
    layout: tuple[Path, Path], monkeypatch
) -> None:
    repo, _ = layout
    (repo / "real.txt").write_text(DRAFT, encoding="utf-8")
    (repo / "alias.txt").symlink_to("real.txt")
    monkeypatch.chdir(repo)
    result = run("check", "--fix", "alias.txt")
    assert Path("alias.txt").is_symlink()
    assert Path("real.txt").read_text(encoding="utf-8") == FIXED
    assert not_fixed_lines(result.output) == []


def test_a_named_symlink_out_of_the_current_directory_is_refused(layout: tuple[Path, Path], monkeypatch) -> None:
    repo, outside = layout
    outside.write_text(DRAFT, encoding="utf-8")
    (repo / "alias.txt").symlink_to(outside)
    monkeypatch.chdir(repo)
    result = run("check", "--fix", "alias.txt")
    assert outside.read_text(encoding="utf-8") == DRAFT
    [line] = not_fixed_lines(result.output)
    assert line.startswith(f"outreach-lint: alias.txt: not fixed: a symlink to {outside}, outside ")


def test_diff_does_not_offer_a_fix_that_fix_would_refuse(layout: tuple[Path, Path]) -> None:
    repo, outside = layout
    outside.write_text(DRAFT, encoding="utf-8")
    (repo / "draft.txt").symlink_to(outside)
    result = run("check", "--diff", str(repo))
    assert "+You could use" not in result.output
    [line] = not_fixed_lines(result.output)
    assert "a symlink to" in line
    assert result.exit_code == 0  # nothing --fix would write
