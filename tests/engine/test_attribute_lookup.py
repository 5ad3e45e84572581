"""The lookup attribute ruler and lemmatizer set exactly what spaCy's components set, token for token.

Two pipelines of the same model are compared: spaCy's, and the one the linter loads (the lookup
components in the ruler's and the lemmatizer's place). Both also get the linter's own tokenizer
exception and line-break boundaries, so that the only differences between them are the components
under test.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
from spacy.pipeline import AttributeRuler

from outreach_lint import attributes, lemmas
from outreach_lint.nlp import load_pipeline, resolve_model

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
ATTRS = [POS, TAG, MORPH, LEMMA, DEP, HEAD, SENT_START]

# Every multi-token and regex pattern of the English ruler, and the shapes around them.
TRICKY = [
    "Y'all gon na love it, and we gotta go. Let's talk, c'mon.",
    "It ain't broke and they ain't n't here; nothin' and nuthin' changed.",
    "There is a gap. There are two options, and there's a third.",
    "y' all\n\nya all   \n\n\tgon\nna",
    "",
    "   ",
    "\n\n\n",
    "Hi Sam,\n\nQuick one: your user id is 42.\n\nBest,\nAlex",
]


@pytest.fixture(scope="module")
def pipelines():
    linted = load_pipeline(None, ["POS", "TAG", "MORPH", "LEMMA", "DEP"]).nlp
    assert linted.get_pipe_meta("attribute_ruler").factory == attributes.FACTORY
    assert linted.get_pipe_meta("lemmatizer").factory == lemmas.FACTORY
    stock = spacy.load(resolve_model(None).replace("-", "_"), exclude=["ner", "senter"])
    assert isinstance(stock.get_pipe("attribute_ruler"), AttributeRuler)
    # The linter's other two changes, so that only the ruler differs.
    stock.tokenizer.add_special_case("id", [{65: "id"}])  # 65 is spacy.symbols.ORTH
    stock.add_pipe("outreach_lint_boundaries", before="parser")
    return stock, linted


def token_rows(doc):
    return [(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.is_sent_start) for t in doc]


def assert_same(pipelines, texts):
    stock, linted = pipelines
    for text, a, b in zip(texts, stock.pipe(texts), linted.pipe(texts)):
        if not (a.to_array(ATTRS) == b.to_array(ATTRS)).all() or token_rows(a) != token_rows(b):
            diff = [(x, y) for x, y in zip(token_rows(a), token_rows(b)) if x != y]
            pytest.fail(f"annotations differ on {text[:60]!r}: {diff[:3]}")


def corpus_texts() -> list[str]:
    texts = []
    for path in sorted(CORPUS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                texts.append(f"{record.get('subject') or ''}\n\n{record.get('body') or ''}")
    return texts


def test_the_linter_pipeline_uses_the_lookup_component(pipelines):
    _, linted = pipelines
    assert "attribute_ruler" in linted.pipe_names


def test_identical_on_the_shapes_the_multi_token_patterns_read(pipelines):
    assert_same(pipelines, TRICKY)
    _, linted = pipelines
    doc = linted("They gon na see. Let's go.")
    assert [t.lemma_ for t in doc][1:3] == ["go", "to"]
    assert doc[6].lemma_ == "us"


def test_identical_on_every_corpus_message(pipelines):
    texts = corpus_texts()
    assert len(texts) > 500
    assert_same(pipelines, texts)


def test_identical_on_the_benchmark_corpus(pipelines):
    import sys

    sys.path.insert(0, str(BENCHMARKS))
    try:
        from corpus import corpus
    finally:
        sys.path.remove(str(BENCHMARKS))
    assert_same(pipelines, [f"{m['subject']}\n\n{m['body']}" for m in corpus(200, seed=3)])


WORDS = st.sampled_from(
    "we you I our your team ai n't nt gon na got ta let 's c'm on y' y all there is are was "
    "call Tuesday 15 minutes $ 40% ! ? , . - ( ) \n \n\n   thinks running ran better".split(" ")
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(WORDS, st.text(max_size=6)), max_size=30))
def test_identical_on_generated_text(pipelines, words):
    assert_same(pipelines, [" ".join(words)])


def ruler_pipelines(patterns):
    """A blank English pipeline with a ruler of ``patterns``, twice: stock and (if it compiles) lookup."""
    stock = spacy.blank("en")
    stock.add_pipe("attribute_ruler").add_patterns(patterns)
    lookup = spacy.blank("en")
    lookup.add_pipe("attribute_ruler").add_patterns(patterns)
    return stock, lookup, attributes.install(lookup)


def test_a_custom_ruler_with_sets_regexes_and_a_negative_index_is_reproduced():
    patterns = [
        {"patterns": [[{"LOWER": {"IN": ["acme", "initech"]}}]], "attrs": {"POS": "PROPN", "LEMMA": "org"}},
        {"patterns": [[{"LOWER": {"REGEX": r"^\d+$"}}]], "attrs": {"POS": "NUM"}},
        {"patterns": [[{"ORTH": "per"}, {"LOWER": {"NOT_IN": ["cent"]}}]], "attrs": {"LEMMA": "each"}, "index": -2},
        {"patterns": [[{"LOWER": "acme"}], [{"IS_SPACE": True}]], "attrs": {"MORPH": "Foo=Bar"}},
        {"patterns": [[{"LOWER": "big"}, {"LOWER": "deal"}]], "attrs": {"LEMMA": "matter"}, "index": -1},
    ]
    stock, lookup, installed = ruler_pipelines(patterns)
    assert installed
    assert lookup.get_pipe_meta("attribute_ruler").factory == attributes.FACTORY
    text = "Acme and Initech grew 40% per year, not per cent; a big deal  \n for acme."
    a, b = stock(text), lookup(text)
    assert [(t.pos_, str(t.morph), t.lemma_) for t in a] == [(t.pos_, str(t.morph), t.lemma_) for t in b]
    assert b[0].lemma_ == "org" and b[0].morph.get("Foo") == ["Bar"]  # the later entry adds, the earlier stays
    assert b[4].pos_ == "NUM" and b[15].lemma_ == "matter"
    assert b[6].lemma_ == "each" and b[10].lemma_ == ""  # "per year" matches, "per cent" does not


def test_an_empty_ruler_is_left_as_it_is():
    _, lookup, installed = ruler_pipelines([])
    assert not installed
    assert [t.text for t in lookup("two words")] == ["two", "words"]


@pytest.mark.parametrize(
    "pattern",
    [
        {"patterns": [[{"LOWER": "a", "OP": "+"}]], "attrs": {"LEMMA": "x"}},
        {"patterns": [[{"POS": "NOUN"}]], "attrs": {"LEMMA": "x"}},
        {"patterns": [[{"LOWER": {"FUZZY": "acme"}}]], "attrs": {"LEMMA": "x"}},
        {"patterns": [[{"LENGTH": 3}]], "attrs": {"LEMMA": "x"}},
        {"patterns": [[{"LOWER": {"REGEX": r"^a(?=b)"}}]], "attrs": {"LEMMA": "x"}},
        {"patterns": [[{"LOWER": {"REGEX": r"\bab"}}]], "attrs": {"LEMMA": "x"}},
        {"patterns": [[{"ORTH": {"IN": [1234]}}]], "attrs": {"LEMMA": "x"}},
    ],
    ids=["operator", "reads-pos", "fuzzy", "length", "look-ahead", "word-boundary", "hash-in-a-set"],
)
def test_a_pattern_it_cannot_evaluate_exactly_keeps_the_stock_ruler(pattern):
    _, lookup, installed = ruler_pipelines([pattern])
    assert not installed
    assert isinstance(lookup.get_pipe("attribute_ruler"), AttributeRuler)


def lemma_pipelines(overwrite: bool):
    """The model twice, the same but for the lemmatizer: spaCy's, and the lookup over it."""
    stock = spacy.load(resolve_model(None).replace("-", "_"), exclude=["ner", "senter"])
    lookup = spacy.load(resolve_model(None).replace("-", "_"), exclude=["ner", "senter"])
    for nlp in (stock, lookup):
        nlp.get_pipe("lemmatizer").overwrite = overwrite
    assert lemmas.install(lookup)
    return stock, lookup


@pytest.mark.parametrize("overwrite", [False, True], ids=["keeps-earlier-lemmas", "overwrites"])
def test_the_lemma_lookup_matches_spacy_over_many_docs(overwrite):
    stock, lookup = lemma_pipelines(overwrite)
    # The same forms again in later Docs, in other parts of speech ("call", "meeting", "saw"), and
    # lemmas the attribute ruler set first ("n't", "'s"), which only an overwriting lemmatizer replaces.
    texts = ["We don't call on Fridays. Let's talk.", "Our call went well; they're meeting us.",
             "I saw the saw. Meeting notes below.", "", "Calls, calling, called: she calls it done."] * 2
    for a, b in zip(stock.pipe(texts), lookup.pipe(texts)):
        assert [t.lemma_ for t in a] == [t.lemma_ for t in b]
    doc = lookup("We don't call.")
    assert doc[2].lemma_ == ("n't" if overwrite else "not")


def test_a_lemmatizer_of_another_kind_is_left_as_it_is():
    from spacy.lang.en.lemmatizer import EnglishLemmatizer

    class Shouting(EnglishLemmatizer):
        def rule_lemmatize(self, token):
            return [token.text.upper()]

    nlp = spacy.load(resolve_model(None).replace("-", "_"), exclude=["ner", "senter"])
    stock = nlp.get_pipe("lemmatizer")
    stock.__class__ = Shouting
    assert not lemmas.install(nlp)
    assert nlp.get_pipe("lemmatizer") is stock
