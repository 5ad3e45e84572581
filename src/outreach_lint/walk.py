"""Expand the paths given on the command line into files, honouring include and exclude.

Only regular files are linted. A FIFO with no writer blocks a read forever and a device such as
/dev/zero never ends, so a directory walk skips anything that is not a regular file once its symlinks
are followed (a cloned repository can hold such links), and a special file named on the command line
is an E001 error while the other paths are still linted.

A walk lints what a person wrote, not what a repository carries: dot-files and dot-directories, what
``.gitignore`` files ignore, and ``.json`` files that hold no message records are skipped. A file
named on the command line is linted whatever it is.
"""

from __future__ import annotations

import fnmatch
import functools
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from . import linear_regex
from .config import Config
from .diagnostics import InputError
from .sources import SourceError, detect_format, holds_records, not_regular_message, read_regular_file

# A .gitignore is a few hundred lines; a bigger one is data in an untrusted tree and is not read.
MAX_GITIGNORE_BYTES = 1_000_000


def _excluded(path: Path, root: Path, patterns: tuple[str, ...]) -> bool:
    names = {path.name}
    try:
        names.add(path.resolve().relative_to(root.resolve()).as_posix())
    except (ValueError, OSError):
        pass
    return any(fnmatch.fnmatch(n, pat) for n in names for pat in patterns)


def _is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)  # follows the link, as reading it would
    except OSError:  # a broken or looping symlink: nothing to read
        return False


# -- globs as git reads them -------------------------------------------------------------------------


def _class(glob: str, i: int) -> tuple[str, int] | None:
    """A ``[...]`` bracket expression at ``glob[i]`` as a pattern class, and where it ends."""
    j = i + 1
    negate = j < len(glob) and glob[j] in "!^"
    j += negate
    close = glob.find("]", j + 1 if j < len(glob) and glob[j] == "]" else j)
    if close < 0:
        return None
    body, out, k = glob[j:close], [], 0
    while k < len(body):
        if k + 2 < len(body) and body[k + 1] == "-":
            out.append(f"{linear_regex.escape(body[k])}-{linear_regex.escape(body[k + 2])}")
            k += 3
        else:
            out.append(linear_regex.escape(body[k]))
            k += 1
    # A negated class never matches the path separator, as in git.
    return ("[^/" if negate else "[") + "".join(out) + "]", close + 1


def glob_pattern(glob: str) -> str:
    """``glob`` as a pattern over a '/'-separated path: ``*`` and ``?`` stay within one name, ``**/``
    is any number of directories (none included), a trailing ``/**`` is everything inside."""
    out: list[str] = []
    i, n = 0, len(glob)
    while i < n:
        c = glob[i]
        if glob.startswith("**/", i) and (i == 0 or glob[i - 1] == "/"):
            out.append("(?:.*/)?")
            i += 3
        elif glob.startswith("**", i) and (i == 0 or glob[i - 1] == "/") and i + 2 == n:
            out.append(".*")
            i += 2
        elif c == "*":
            out.append("[^/]*")
            i += 1
        elif c == "?":
            out.append("[^/]")
            i += 1
        elif c == "[" and (cls := _class(glob, i)) is not None:
            out.append(cls[0])
            i = cls[1]
        elif c == "\\" and i + 1 < n:
            out.append(linear_regex.escape(glob[i + 1]))
            i += 2
        else:
            out.append(linear_regex.escape(c))
            i += 1
    return "".join(out)


@functools.lru_cache(maxsize=4096)
def _compile_glob(glob: str, *, anywhere: bool) -> linear_regex.Pattern | None:
    body = glob_pattern(glob)
    try:
        # Built from a user's or a tree's file: never part of the registry of the program's own patterns.
        return linear_regex.compile(("(?:.*/)?" if anywhere else "") + body, linear_regex.S, register=False)
    except linear_regex.PatternError:
        return None


@dataclass(frozen=True)
class _Rule:
    pattern: linear_regex.Pattern
    negated: bool
    directory_only: bool


@dataclass(frozen=True)
class _Ignore:
    """The rules of one .gitignore file; paths are matched relative to its directory."""

    base: Path
    rules: tuple[_Rule, ...]


def parse_gitignore(text: str) -> tuple[_Rule, ...]:
    """The rules of a .gitignore file, in order (the last rule that matches a path decides)."""
    rules: list[_Rule] = []
    for raw in text.splitlines():
        line = raw.rstrip("\r")
        if not line or line.startswith("#"):
            continue
        # Trailing spaces are dropped unless escaped with a backslash.
        stripped = line.rstrip(" ")
        if stripped.endswith("\\") and len(stripped) < len(line):
            stripped += " "
        line = stripped
        negated = line.startswith("!")
        if negated:
            line = line[1:]
        directory_only = line.endswith("/")
        line = line.rstrip("/")
        if not line:
            continue
        # A slash at the start or in the middle anchors the pattern to the .gitignore's directory.
        anywhere = "/" not in line
        pattern = _compile_glob(line.lstrip("/"), anywhere=anywhere)
        if pattern is not None:
            rules.append(_Rule(pattern, negated, directory_only))
    return tuple(rules)


def _read_gitignore(directory: Path) -> _Ignore | None:
    path = directory / ".gitignore"
    try:
        text = read_regular_file(path, MAX_GITIGNORE_BYTES).decode("utf-8", errors="replace")
    except (OSError, SourceError):  # none, unreadable, too big or not a regular file: nothing to apply
        return None
    rules = parse_gitignore(text)
    return _Ignore(directory.absolute(), rules) if rules else None


def _ignored(path: Path, is_dir: bool, ignores: tuple[_Ignore, ...]) -> bool:
    verdict = False
    path = path.absolute()
    for ignore in ignores:  # outermost first: a nested .gitignore has the last word
        try:
            rel = path.relative_to(ignore.base).as_posix()
        except ValueError:
            continue
        for rule in ignore.rules:
            if (is_dir or not rule.directory_only) and rule.pattern.fullmatch(rel):
                verdict = not rule.negated
    return verdict


def _outer_gitignores(top: Path) -> tuple[_Ignore, ...]:
    """The .gitignore files above ``top`` up to its repository's root (none outside a repository)."""
    here = top.absolute()
    chain = [here, *here.parents]
    for depth, directory in enumerate(chain):
        if (directory / ".git").exists():
            found = (_read_gitignore(d) for d in reversed(chain[1 : depth + 1]))
            return tuple(i for i in found if i is not None)
    return ()


# -- per-file-format ---------------------------------------------------------------------------------


def _relative(path: Path, root: Path) -> str:
    try:
        return path.absolute().relative_to(root.absolute()).as_posix()
    except ValueError:
        return path.as_posix()


def _matches(glob: str, path: Path, root: Path) -> bool:
    """A config glob (relative to the config file; one without '/' matches the file name anywhere)."""
    pattern = _compile_glob(glob.lstrip("/"), anywhere="/" not in glob)
    return pattern is not None and pattern.fullmatch(_relative(path, root)) is not None


def format_for(path: Path, config: Config, forced: str | None = None) -> str | None:
    """The input format ``path`` is read as: ``forced`` (--input-format), else the first
    ``per-file-format`` glob it matches, else None (the name decides)."""
    if forced:
        return forced
    for glob, fmt in config.per_file_format:
        if _matches(glob, path, config.root):
            return fmt
    return None


# -- the walk ----------------------------------------------------------------------------------------


def _wanted(candidate: Path, config: Config) -> bool:
    """Whether a file met in a walk is linted: by include or per-file-format, and, for JSON, by content."""
    fmt = format_for(candidate, config)
    if fmt is None and not any(fnmatch.fnmatch(candidate.name, pat) for pat in config.include):
        return False
    if _excluded(candidate, config.root, config.exclude) or not _is_regular(candidate):
        return False
    if (fmt or detect_format(candidate.name)) == "json":
        return holds_records(candidate, config.max_file_size)
    return True


def collect_trees(paths: list[Path], config: Config) -> tuple[list[tuple[Path, Path | None]], list[InputError]]:
    """Each file to lint with the directory argument it was found under (None for a file named directly)."""
    files: list[tuple[Path, Path | None]] = []
    errors: list[InputError] = []
    seen: set[Path] = set()

    def add(p: Path, tree: Path | None) -> None:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            files.append((p, tree))

    def hidden(name: str) -> bool:
        return name.startswith(".") and not config.include_hidden

    for path in paths:
        try:
            mode = os.stat(path).st_mode
        except (FileNotFoundError, NotADirectoryError):
            errors.append(InputError(str(path), "E008", "no such file or directory: check the path"))
            continue
        except OSError as exc:
            errors.append(InputError(str(path), "E001", f"cannot read ({exc.strerror or exc}): check the path"))
            continue
        if stat.S_ISREG(mode):
            add(path, None)  # a file named on the command line is linted whatever its extension
        elif stat.S_ISDIR(mode):
            found = 0
            ignores: dict[Path, tuple[_Ignore, ...]] = {}
            for dirpath, dirnames, filenames in os.walk(path):
                here = Path(dirpath)
                if config.respect_gitignore:
                    outer = ignores.get(here.parent) if here != path else _outer_gitignores(path)
                    own = _read_gitignore(here)
                    active = ignores[here] = (*(outer or ()), *((own,) if own else ()))
                else:
                    active = ()
                dirnames[:] = sorted(
                    d for d in dirnames
                    if not hidden(d)
                    and not _excluded(here / d, config.root, config.exclude)
                    and not _ignored(here / d, True, active)
                )
                for name in sorted(filenames):
                    candidate = here / name
                    if not hidden(name) and not _ignored(candidate, False, active) and _wanted(candidate, config):
                        add(candidate, path)
                        found += 1
            if not found:
                errors.append(
                    InputError(str(path), "E009", "nothing to lint: no files here match the include patterns "
                               "(.txt, .md, .html, .eml, .mbox, .jsonl, templates...)")
                )
        else:
            errors.append(InputError(str(path), "E001", not_regular_message(mode)))
    return files, errors


def collect_files(paths: list[Path], config: Config) -> tuple[list[Path], list[InputError]]:
    files, errors = collect_trees(paths, config)
    return [f for f, _ in files], errors
