"""Rule lookup by code or name, and flake8-style select/ignore decisions."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .rule import Rule


class RegistryError(Exception):
    """Two rules claim one code or name, or a rule's declaration is invalid."""


@dataclass(frozen=True)
class Selection:
    select: tuple[str, ...] = ("ALL",)
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_ignore: tuple[str, ...] = ()


class Registry:
    """An immutable set of rules, each unique by code and by name."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        self._by_code: dict[str, Rule] = {}
        self._by_name: dict[str, Rule] = {}
        for r in rules:
            problems = r.meta.validate()
            if problems:
                raise RegistryError(f"rule {r.meta.code} ({r.meta.origin}): {'; '.join(problems)}")
            for key, table, what in ((r.meta.code, self._by_code, "code"), (r.meta.name, self._by_name, "name")):
                if key in table:
                    other = table[key].meta.origin
                    raise RegistryError(f"duplicate rule {what} {key!r}: defined by {other} and by {r.meta.origin}")
                table[key] = r

    def __iter__(self):
        return iter(sorted(self._by_code.values(), key=lambda r: r.meta.code))

    def __len__(self) -> int:
        return len(self._by_code)

    def get(self, ref: str) -> Rule | None:
        return self._by_code.get(ref.upper()) or self._by_name.get(ref.lower())

    def codes(self) -> list[str]:
        return sorted(self._by_code)

    def is_known_ref(self, ref: str) -> bool:
        """A full code, a rule name, a code prefix, or ALL."""
        if ref.upper() == "ALL" or self.get(ref) is not None:
            return True
        return any(code.startswith(ref.upper()) for code in self._by_code) and ref.upper() == ref

    def suggest(self, ref: str) -> str:
        """A did-you-mean hint for an unknown reference ('' when nothing is close)."""
        candidates = self.codes() + sorted(self._by_name)
        close = difflib.get_close_matches(ref if ref.islower() else ref.upper(), candidates, n=1, cutoff=0.6)
        return f" (did you mean {close[0]}?)" if close else ""

    def matches(self, rule: Rule, refs: Sequence[str]) -> int:
        """How specifically ``refs`` name ``rule``: -1 for no match, else the match length."""
        best = -1
        for ref in refs:
            up = ref.upper()
            if up == "ALL":
                best = max(best, 0)
            elif ref.lower() == rule.meta.name or up == rule.meta.code:
                best = max(best, len(rule.meta.code) + 1)
            elif rule.meta.code.startswith(up) and ref == up:
                best = max(best, len(up))
        return best

    def selected(self, selection: Selection) -> list[Rule]:
        """flake8 semantics: the longest matching select beats a shorter ignore, and vice versa.

        Preview rules run only when named exactly (by full code or name).
        """
        chosen = []
        selects = tuple(selection.select) + tuple(selection.extend_select)
        ignores = tuple(selection.ignore) + tuple(selection.extend_ignore)
        for r in self:
            sel = self.matches(r, selects)
            ign = self.matches(r, ignores)
            if sel < 0 or ign >= sel:
                continue
            if r.meta.stability == "preview" and sel <= len(r.meta.code):
                continue
            chosen.append(r)
        return chosen
