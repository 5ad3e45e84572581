"""A small on-disk cache for derived data that is slow to rebuild (parsed packs, syllable counts).

Entries are JSON, written atomically, and named by what they were derived from, so a stale entry is
never read. A cache that cannot be written (read-only home, full disk) only makes start-up slower.
Set OUTREACH_LINT_CACHE_DIR to move it; by default it lives in $XDG_CACHE_HOME/outreach-lint.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any


def cache_dir() -> Path:
    base = os.environ.get("OUTREACH_LINT_CACHE_DIR")
    if base:
        return Path(base)
    xdg = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(xdg) / "outreach-lint"


def read_json(name: str) -> Any | None:
    try:
        return json.loads((cache_dir() / name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # not cached yet, or damaged: the caller rebuilds it


def write_json(name: str, data: Any) -> None:
    path = cache_dir() / name
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass
