"""Lexicons: named word lists in packs that Python rules read.

A Python rule (say, the self-centred opening rule) keeps its logic in code and its words in a pack, so a
team extends the words without writing code: any pack that names an existing lexicon adds its terms.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .loader import read_pack, terms_requirements
from .schema import Terms


def load_lexicons(paths: Iterable[Path], trusted: Iterable[Path] = ()) -> dict[str, tuple[Terms, ...]]:
    """Every lexicon the packs at ``paths`` define, merged by name in path order (``trusted``: shipped)."""
    merged: dict[str, list[Terms]] = {}
    shipped = set(trusted)
    for path in paths:
        for name, terms in read_pack(path, trusted=path in shipped).lexicons.items():
            merged.setdefault(name, []).append(terms)
    return {name: tuple(groups) for name, groups in merged.items()}


def lexicon_requirements(lexicons: dict[str, tuple[Terms, ...]], names: Iterable[str]) -> frozenset[str]:
    """Annotations the named lexicons need (LEMMA for lemma phrases, POS for POS patterns, ...)."""
    out: set[str] = set()
    for name in names:
        for terms in lexicons.get(name, ()):
            out |= terms_requirements(terms)
    return frozenset(out)
