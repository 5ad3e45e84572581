"""One JSON document whose long list is kept as text: each entry is serialized when it arrives, so the
run holds a few kilobytes of JSON per result instead of the Report (with its source) behind it."""

from __future__ import annotations

import json
from typing import Any

# Stands in for the list's entries while the rest of the document is serialized. json.dumps writes the
# NUL characters as escapes, and the skeleton holds no user text before the list, so it is found once.
_PLACEHOLDER = "\x00entries\x00"
_RENDERED = json.dumps(_PLACEHOLDER)


def entry(value: Any, depth: int) -> str:
    """``value`` as json.dumps(indent=2) writes it ``depth`` levels deep in a document: strings hold no
    raw newline (JSON escapes it), so indenting every line after the first is exact."""
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * depth)


class SplicedList:
    """Entries of one list of a document, already serialized at their depth."""

    def __init__(self, depth: int) -> None:
        self.depth = depth
        self.entries: list[str] = []

    def add(self, value: Any) -> None:
        self.entries.append(entry(value, self.depth))

    def slot(self) -> list[Any]:
        """What to put in the skeleton where the list goes."""
        return [_PLACEHOLDER] if self.entries else []

    def render(self, skeleton: dict[str, Any]) -> str:
        """The document, byte for byte what json.dumps(indent=2) writes for it with the entries in place."""
        text = json.dumps(skeleton, ensure_ascii=False, indent=2)
        if not self.entries:
            return text
        joined = (",\n" + "  " * self.depth).join(self.entries)
        return text.replace(_RENDERED, joined, 1)
