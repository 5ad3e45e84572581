"""Compare every token annotation of the linter's pipeline with spaCy's own, on any JSONL messages.

    python benchmarks/attributes_equal.py tests/corpus/*.jsonl path/to/more.jsonl

The linter replaces the model's attribute ruler and lemmatizer with lookup components
(outreach_lint/attributes.py, outreach_lint/lemmas.py) that must set the same POS, tag, morphology,
lemma and dependency on every token. The tests check the repository's corpora; this script checks
any other set, and times each pair of components alone.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
from spacy.tokens import Doc

from outreach_lint import attributes, lemmas
from outreach_lint.nlp import load_pipeline, resolve_model

ATTRS = [POS, TAG, MORPH, LEMMA, DEP, HEAD, SENT_START]


def texts_of(paths: list[str]) -> list[str]:
    texts = []
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                texts.append(f"{record.get('subject') or ''}\n\n{record.get('body') or record.get('text') or ''}")
    return texts


def fresh_stock():
    return spacy.load(resolve_model(None).replace("-", "_"), exclude=["ner", "senter"])


def fresh_linted():
    nlp = fresh_stock()
    if not attributes.install(nlp) or not lemmas.install(nlp):
        raise SystemExit("the model's attribute ruler or lemmatizer cannot be replaced exactly; nothing to compare")
    return nlp


def main() -> None:
    texts = texts_of(sys.argv[1:])
    linted = load_pipeline(None, ["POS", "TAG", "MORPH", "LEMMA", "DEP"]).nlp
    stock = spacy.load(resolve_model(None).replace("-", "_"), exclude=["ner", "senter"])
    stock.tokenizer.add_special_case("id", [{65: "id"}])  # the linter's one tokenizer exception (65 = ORTH)
    stock.add_pipe("outreach_lint_boundaries", before="parser")
    differing = tokens = 0
    for a, b in zip(stock.pipe(texts), linted.pipe(texts)):
        tokens += len(a)
        same = (a.to_array(ATTRS) == b.to_array(ATTRS)).all() and [t.morph for t in a] == [t.morph for t in b]
        differing += not same
    # Each component alone, on a pipeline loaded afresh (its lookups start empty) and given the same Docs
    # parsed without it: the first pass fills the lookup component's cache, the second reads it.
    # Each pass gets Docs with no lemmas yet (a component skips a token that has one), so both passes
    # do the work; what differs is the component's warm table (and spaCy's lemma cache).
    timed = {}
    for kind, nlp in (("spaCy", fresh_stock()), ("lookup", fresh_linted())):
        with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
            parsed = [doc.to_bytes() for doc in nlp.pipe(texts)]
        for run in ("first pass", "second pass"):
            docs = [Doc(nlp.vocab).from_bytes(data) for data in parsed]
            for name in ("attribute_ruler", "lemmatizer"):
                component = nlp.get_pipe(name)
                start = time.perf_counter()
                for doc in docs:
                    component(doc)
                timed[f"{name}, {kind}, {run}"] = time.perf_counter() - start
    print(f"{len(texts)} messages, {tokens:,} tokens: {differing} with any differing annotation")
    for label, seconds in timed.items():
        print(f"{label}: {seconds * 1e6 / max(tokens, 1):.2f} µs per token")


if __name__ == "__main__":
    main()
