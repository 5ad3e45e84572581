"""Expand the paths given on the command line into files, honouring include and exclude.

Only regular files are linted. A FIFO with no writer blocks a read forever and a device such as
/dev/zero never ends, so a directory walk skips anything that is not a regular file once its symlinks
are followed (a cloned repository can hold such links), and a special file named on the command line
is an E001 error while the other paths are still linted.
"""

from __future__ import annotations

import fnmatch
import os
import stat
from pathlib import Path

from .config import Config
from .diagnostics import InputError
from .sources import not_regular_message


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
            for dirpath, dirnames, filenames in os.walk(path):
                here = Path(dirpath)
                dirnames[:] = sorted(d for d in dirnames if not _excluded(here / d, config.root, config.exclude))
                for name in sorted(filenames):
                    candidate = here / name
                    if (
                        any(fnmatch.fnmatch(name, pat) for pat in config.include)
                        and not _excluded(candidate, config.root, config.exclude)
                        and _is_regular(candidate)
                    ):
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
