"""Expand the paths given on the command line into files, honouring include and exclude."""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path

from .config import Config
from .diagnostics import InputError


def _excluded(path: Path, root: Path, patterns: tuple[str, ...]) -> bool:
    names = {path.name}
    try:
        names.add(path.resolve().relative_to(root.resolve()).as_posix())
    except (ValueError, OSError):
        pass
    return any(fnmatch.fnmatch(n, pat) for n in names for pat in patterns)


def collect_files(paths: list[Path], config: Config) -> tuple[list[Path], list[InputError]]:
    files: list[Path] = []
    errors: list[InputError] = []
    seen: set[Path] = set()

    def add(p: Path) -> None:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            files.append(p)

    for path in paths:
        if not path.exists():
            errors.append(InputError(str(path), "E008", "no such file or directory: check the path"))
        elif path.is_file():
            add(path)  # a file named on the command line is linted whatever its extension
        elif path.is_dir():
            found = 0
            for dirpath, dirnames, filenames in os.walk(path):
                here = Path(dirpath)
                dirnames[:] = sorted(d for d in dirnames if not _excluded(here / d, config.root, config.exclude))
                for name in sorted(filenames):
                    candidate = here / name
                    if any(fnmatch.fnmatch(name, pat) for pat in config.include) and not _excluded(
                        candidate, config.root, config.exclude
                    ):
                        add(candidate)
                        found += 1
            if not found:
                errors.append(
                    InputError(str(path), "E009", "nothing to lint: no files here match the include patterns "
                               "(.txt, .md, .html, .eml, .mbox, .jsonl, templates...)")
                )
        else:
            errors.append(InputError(str(path), "E001", "not a regular file or directory"))
    return files, errors
