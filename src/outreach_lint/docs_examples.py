"""CLI output shown in the docs, regenerated from real runs.

A block in a Markdown file is marked with the arguments of the run that produced it::

    <!-- generated: check --format json examples/cold-email.txt -->
    ```json
    ...
    ```
    <!-- end -->

``python -m outreach_lint.docs_examples`` runs ``outreach-lint ARGS`` from the repository root for every
marked block of README.md and docs/*.md and rewrites what lies between the markers; ``--check`` only
reports the files that would change (exit 1). A test runs the check, so output that changes (a new JSON
field, a rule's reworded message) fails until the docs are regenerated, instead of going stale.
"""

from __future__ import annotations

import os
import shlex
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

START = "<!-- generated: "
END = "<!-- end -->"

Runner = Callable[[list[str]], str]


class MarkerError(Exception):
    """A generated block whose markers do not pair up; the message names the file and line."""


@dataclass(frozen=True)
class Block:
    args: tuple[str, ...]
    start: int  # index of the opening marker line
    end: int  # index of the closing marker line


def blocks(text: str, name: str = "<text>") -> list[Block]:
    """The marked blocks of a Markdown text, in order."""
    found: list[Block] = []
    lines = text.split("\n")
    open_at: int | None = None
    args: tuple[str, ...] = ()
    for i, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith(START):
            if open_at is not None:
                raise MarkerError(f"{name}:{i + 1}: a generated block opens inside the one from line {open_at + 1}")
            if not stripped.endswith("-->"):
                raise MarkerError(f"{name}:{i + 1}: the generated marker must end with '-->' on its line")
            try:
                args = tuple(shlex.split(stripped[len(START) : -3]))
            except ValueError as exc:
                raise MarkerError(f"{name}:{i + 1}: cannot read the command ({exc})") from None
            if not args:
                raise MarkerError(f"{name}:{i + 1}: the generated marker names no command")
            open_at = i
        elif stripped == END and open_at is not None:
            found.append(Block(args, open_at, i))
            open_at = None
    if open_at is not None:
        raise MarkerError(f"{name}:{open_at + 1}: generated block has no '{END}'")
    return found


def render(args: tuple[str, ...], output: str) -> list[str]:
    """A fenced block of one run's output; text output starts with the command, as typed."""
    is_json = "--format" in args and args[args.index("--format") + 1 :][:1] == ("json",)
    shown = [c for c in args if c not in ("--no-color",)]  # colour is off in the docs' runs anyway
    body = output.rstrip("\n").split("\n")
    if is_json:
        return ["```json", *body, "```"]
    return ["```text", f"$ outreach-lint {shlex.join(shown)}", *body, "```"]


def regenerate(text: str, run: Runner, name: str = "<text>") -> str:
    """``text`` with every marked block replaced by a fresh run; the rest is left as it was."""
    lines = text.split("\n")
    out: list[str] = []
    pos = 0
    for b in blocks(text, name):
        out.extend(lines[pos : b.start + 1])
        out.extend(render(b.args, run(list(b.args))))
        pos = b.end
    out.extend(lines[pos:])
    return "\n".join(out)


def cli_runner(root: Path) -> Runner:
    """Run the CLI in this process, from ``root``, as a user in a checkout would (no colour, no terminal)."""
    from click.testing import CliRunner

    from .cli import main

    def run(args: list[str]) -> str:
        old = os.getcwd()
        os.chdir(root)
        try:
            result = CliRunner(env={"NO_COLOR": "1"}).invoke(main, args, catch_exceptions=False)
        finally:
            os.chdir(old)
        if result.exit_code not in (0, 1):  # a broken example is a docs bug, not output to show
            raise RuntimeError(f"outreach-lint {shlex.join(args)} exited {result.exit_code}: {result.output}")
        return result.stdout

    return run


def documents(root: Path) -> list[Path]:
    """The files that may hold generated blocks: README.md and docs/*.md (docs/rules has its own generator)."""
    return [p for p in [root / "README.md", *sorted((root / "docs").glob("*.md"))] if p.is_file()]


def stale(root: Path, files: Iterable[Path] | None = None) -> dict[Path, str]:
    """Files whose generated blocks differ from a fresh run, with their regenerated text."""
    run = cli_runner(root)
    changed = {}
    for path in files if files is not None else documents(root):
        text = path.read_text(encoding="utf-8")
        if START not in text:
            continue
        fresh = regenerate(text, run, str(path.relative_to(root)))
        if fresh != text:
            changed[path] = fresh
    return changed


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    check = "--check" in args
    root = Path(next((a for a in args if a != "--check"), Path(__file__).resolve().parents[2]))
    try:
        changed = stale(root)
    except MarkerError as exc:
        print(f"outreach-lint docs: error: {exc}", file=sys.stderr)
        return 2
    for path in changed:
        if check:
            print(f"{path.relative_to(root)}: generated output is stale", file=sys.stderr)
        else:
            path.write_text(changed[path], encoding="utf-8")
            print(f"rewrote {path.relative_to(root)}")
    return 1 if check and changed else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
