"""A small on-disk cache for derived data that is slow to rebuild (parsed packs, syllable counts).

Entries hold JSON data (what ``json`` would read back: lists, string keys) stored with ``marshal``,
which reads a table several times faster than ``json`` does (the syllable and hyphenation tables are
read at every start), written atomically, and named by what they were derived from and by the Python
version that wrote them, so a stale entry is never read. A cache that cannot be written (read-only home, full disk) only makes start-up slower.
Set OUTREACH_LINT_CACHE_DIR to move it; by default it lives in $XDG_CACHE_HOME/outreach-lint.
"""

from __future__ import annotations

import json
import marshal
import os
import sys
from pathlib import Path
from typing import Any


def cache_dir() -> Path:
    base = os.environ.get("OUTREACH_LINT_CACHE_DIR")
    if base:
        return Path(base)
    xdg = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(xdg) / "outreach-lint"


# marshal's format for plain data has not changed in years, but only one Python version promises it.
_SUFFIX = f".py{sys.version_info[0]}{sys.version_info[1]}.marshal"


def read_json(name: str) -> Any | None:
    try:
        return marshal.loads((cache_dir() / (name + _SUFFIX)).read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None  # not cached yet, or damaged: the caller rebuilds it


def write_json(name: str, data: Any) -> None:
    path = cache_dir() / (name + _SUFFIX)
    try:
        # Through JSON first, so a reader gets exactly what a JSON cache gave it (tuples as lists, ...).
        plain = json.loads(json.dumps(data, separators=(",", ":")))
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps(plain))
        tmp.replace(path)
    except (OSError, ValueError):
        pass
