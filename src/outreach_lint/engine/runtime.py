"""What a Linter loads once, on first use: the pipeline, the compiled packs, the rules that can run."""

from __future__ import annotations

from dataclasses import dataclass

from ..nlp import Pipeline, load_pipeline
from ..packs import CompiledPacks, PackRule
from ..packs.lexicons import lexicon_requirements
from ..rule import EngineRule, Rule
from .settings import Settings


@dataclass(frozen=True)
class Skipped:
    code: str
    reason: str


@dataclass(frozen=True)
class Runtime:
    pipeline: Pipeline
    packs: CompiledPacks
    active: tuple[Rule, ...]  # rules run on each Doc
    engine_rules: tuple[EngineRule, ...]  # OL rules, run on what the engine saw
    skipped: tuple[Skipped, ...]
    wanted: frozenset[str]  # the analyses the active rules read (the reading grade is only computed then)


def load_runtime(settings: Settings) -> Runtime:
    """Load the pipeline that serves every selected rule and every analysis those rules read."""
    doc_rules = [r for r in settings.rules if not isinstance(r, EngineRule)]
    requires: set[str] = set()
    for r in doc_rules:
        requires |= r.meta.needs | lexicon_requirements(settings.lexicons, r.meta.word_lists)
    pipeline = load_pipeline(settings.config.model, requires)
    active: list[Rule] = []
    skipped: list[Skipped] = []
    for r in doc_rules:
        missing = r.meta.needs - pipeline.annotations
        if missing:
            skipped.append(Skipped(r.meta.code, f"the pipeline {pipeline.model} does not provide {', '.join(sorted(missing))}"))
        else:
            active.append(r)
    packs = CompiledPacks(
        pipeline.nlp, [r for r in active if isinstance(r, PackRule)], settings.lexicons, annotations=pipeline.annotations
    )
    wanted = {a for r in active for a in r.meta.reads}
    if any(r.meta.wants_readability for r in active):
        wanted.add("reading-grade")
    return Runtime(
        pipeline, packs, tuple(active), tuple(r for r in settings.rules if isinstance(r, EngineRule)),
        tuple(skipped), frozenset(wanted),
    )
