"""Rule lookup by code or name, flake8-style select/ignore decisions, and the families' prefixes."""

from __future__ import annotations

import copy
import dataclasses
import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .rule import Family, Rule, RuleMeta, prefix_of

BUILTIN_ORIGIN = "outreach-lint"


class RegistryError(Exception):
    """Two rules claim one code or name, a rule's declaration is invalid, or its prefix is not its own."""


def with_meta(rule: Rule, meta: RuleMeta) -> Rule:
    """The same rule with other metadata (a plugin's rule object need not be a dataclass)."""
    if dataclasses.is_dataclass(rule) and not isinstance(rule, type):
        return dataclasses.replace(rule, meta=meta)  # type: ignore[type-var]
    twin = copy.copy(rule)
    object.__setattr__(twin, "meta", meta)
    return twin


def prefix_problem(rule: Rule, family: Family | None) -> str:
    """Why a distribution's rule may not use its prefix, with the remedy (one line)."""
    m = rule.meta
    prefix = prefix_of(m.code)
    if family is None:
        return (
            f"rule {m.code} ({m.origin}) uses the prefix {prefix}, which no installed rule family declares: "
            f'return Family(prefix="{prefix}", name=..., summary=...) with the rules from the distribution\'s '
            "provider (see docs/plugins.md)"
        )
    if family.origin == BUILTIN_ORIGIN:
        return (
            f"rule {m.code} ({m.origin}) uses the built-in prefix {prefix} ({family.name}): a plugin numbers its "
            'rules under a prefix of its own, declared with Family(prefix="XX", ...) (see docs/plugins.md)'
        )
    return (
        f"rule {m.code} ({m.origin}) uses the prefix {prefix}, which {family.origin} declares ({family.name}): "
        'number the rules under a prefix of your own, declared with Family(prefix="XX", ...) (see docs/plugins.md)'
    )


@dataclass(frozen=True)
class Selection:
    select: tuple[str, ...] = ("ALL",)
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_ignore: tuple[str, ...] = ()


class Registry:
    """An immutable set of rules, each unique by code and by name, filed under the declared families.

    ``items`` are what the providers returned (rules and :class:`Family` declarations, each stamped with
    the distribution it came from) and the rules of local packs. A distribution's rule must use a prefix
    that distribution declares; a local pack (the user's own file) may use any prefix, and its rules are
    filed under the family that declares it, or ``other``.
    """

    def __init__(self, items: Iterable[Rule | Family]) -> None:
        self._by_code: dict[str, Rule] = {}
        self._by_name: dict[str, Rule] = {}
        self._families: dict[str, Family] = {}
        rules: list[Rule] = []
        for item in items:
            if isinstance(item, Family):
                self._declare(item)
            else:
                rules.append(item)
        distributions = {f.origin for f in self._families.values()}
        for r in rules:
            problems = r.meta.validate()
            if problems:
                raise RegistryError(f"rule {r.meta.code} ({r.meta.origin}): {'; '.join(problems)}")
            family = self._families.get(prefix_of(r.meta.code))
            if r.meta.origin in distributions and (family is None or family.origin != r.meta.origin):
                raise RegistryError(prefix_problem(r, family))
            r = with_meta(r, dataclasses.replace(r.meta, category=family.name if family else "other"))
            for key, table, what in ((r.meta.code, self._by_code, "code"), (r.meta.name, self._by_name, "name")):
                if key in table:
                    other = table[key].meta.origin
                    raise RegistryError(f"duplicate rule {what} {key!r}: defined by {other} and by {r.meta.origin}")
                table[key] = r

    def _declare(self, family: Family) -> None:
        problems = family.validate()
        if problems:
            raise RegistryError(f"rule family {family.prefix} ({family.origin}): {'; '.join(problems)}")
        same_prefix = self._families.get(family.prefix)
        if same_prefix == family:
            return  # one distribution returning its declaration twice
        if same_prefix is not None:
            first, second = sorted((same_prefix.origin, family.origin))
            raise RegistryError(
                f"the prefix {family.prefix} is declared by {first} and by {second}: uninstall one of them, or "
                "give one family another prefix"
            )
        for other in self._families.values():
            if other.name == family.name:
                raise RegistryError(
                    f"the family name {family.name!r} is declared for {other.prefix} ({other.origin}) and for "
                    f"{family.prefix} ({family.origin}): category names must differ"
                )
        self._families[family.prefix] = family

    @property
    def families(self) -> list[Family]:
        """The declared families, by prefix."""
        return [self._families[p] for p in sorted(self._families)]

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
