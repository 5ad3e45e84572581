"""The model's lemmatizer as a table lookup: the same lemma for every token, computed once per form.

spaCy's rule lemmatizer reads a token's text, part of speech and morphology, and nothing else, so its
answer is a function of (ORTH, POS, MORPH). It still builds a Token object and calls Python per token
on every Doc. This component reads those three columns as one array, asks the model's own lemmatizer
only for a form it has not met before, and writes the lemmas back in one array write. Tokens that
already have a lemma (the attribute ruler sets a few, "n't" -> "not") keep it unless the lemmatizer
overwrites, as spaCy's does.

The lookup is installed only over spaCy's own ``Lemmatizer`` class or its language subclasses in the
"rule" or "lookup" mode, which are known to read nothing else; any other lemmatizer is left as it is.
The tests compare every annotation with spaCy's stock pipeline (tests/engine/test_attribute_lookup.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.pipeline import Lemmatizer
    from spacy.tokens import Doc

FACTORY = "outreach_lint_lemmas"
_MODES = frozenset({"rule", "lookup"})
# Distinct forms seen before the table starts over: bounds memory on endless streams of new words.
_CACHE_LIMIT = 200_000


class LookupLemmatizer:
    """Sets LEMMA from a table of (ORTH, POS, MORPH) -> lemma hash, filled by the model's lemmatizer."""

    def __init__(self) -> None:
        self.inner: Lemmatizer | None = None
        self._table: dict[tuple[int, int, int], int] = {}
        self._first = True

    def wrap(self, inner: Lemmatizer) -> None:
        self.inner = inner
        self._table.clear()
        self._first = True

    def __call__(self, doc: Doc) -> Doc:
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        inner = self.inner
        if inner is None:
            raise RuntimeError(f"{FACTORY} wraps no lemmatizer: install it with lemmas.install(nlp)")
        if self._first:
            # The first Doc goes through spaCy's own component, which checks its tables and raises
            # the error spaCy would for a model without them.
            self._first = False
            return inner(doc)
        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        overwrite = inner.overwrite
        table = self._table
        strings = doc.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            found = table.get(key)
            if found is None:
                if len(table) >= _CACHE_LIMIT:
                    table.clear()
                found = table[key] = strings.add(inner.lemmatize(doc[i])[0])
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


def _make(nlp: Any, name: str) -> LookupLemmatizer:
    return LookupLemmatizer()


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory(FACTORY):
        Language.factory(FACTORY, func=_make)


def _known_exact(inner: Any) -> bool:
    """spaCy's own lemmatizer classes, whose answer reads only the token's text, POS and morphology."""
    from spacy.lang.en.lemmatizer import EnglishLemmatizer
    from spacy.pipeline import Lemmatizer

    return type(inner) in (Lemmatizer, EnglishLemmatizer) and inner.mode in _MODES


def install(nlp: Any) -> bool:
    """Swap the pipeline's lemmatizer for the lookup over it; False (and no change) if it may not be exact."""
    name = "lemmatizer"
    if name not in nlp.pipe_names or not _known_exact(nlp.get_pipe(name)):
        return False
    _register()
    inner = nlp.get_pipe(name)
    nlp.replace_pipe(name, FACTORY)
    nlp.get_pipe(name).wrap(inner)
    return True
