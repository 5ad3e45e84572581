"""The lint of one message: its rules on its Doc, the engine's own findings, suppressions, the score."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .. import suppress
from ..diagnostics import Diagnostic, Report
from ..mapped import LineIndex
from ..profiles import DEFAULT_PROFILE, PROFILES
from ..regions import LintedMessage
from ..registry import Registry
from ..rule import EngineFacts, EngineRule, RuleContext
from ..score import score_report
from ..sources.base import Message
from .placement import Placement, message_bounds
from .runtime import Runtime
from .settings import Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc

RENDERED_FORMATS = frozenset({"eml", "mbox", "jsonl", "json"})


def message_profile(message: Message, settings: Settings) -> str:
    chosen = message.profile or settings.config.profile or ("script" if message.kind == "script" else DEFAULT_PROFILE)
    return chosen if chosen in PROFILES else DEFAULT_PROFILE


def message_mode(message: Message, settings: Settings) -> str:
    """template (merge fields are expected) or rendered (about to be sent: a merge field left is an error)."""
    if message.mode in ("template", "rendered"):
        return message.mode
    if settings.config.mode:
        return settings.config.mode
    if message.is_template:
        return "template"
    if message.format in RENDERED_FORMATS or message.path == "<stdin>":
        return "rendered"
    return "template"


def lint_doc(p: LintedMessage, doc: Doc, index: LineIndex, rt: Runtime, settings: Settings) -> Report:
    message = p.message
    profile, mode = message_profile(message, settings), message_mode(message, settings)
    ctx = RuleContext(
        doc, p, profile=profile, mode=mode, seller_names=settings.config.seller_names,
        matches=rt.packs.run(doc), annotations=rt.pipeline.annotations, wanted=rt.wanted,
    )
    metrics = ctx.metrics
    place = Placement(p, index)
    registry = settings.registry
    ignored = settings.per_file_ignores(message.path)
    diagnostics: list[Diagnostic] = []
    failed: list[str] = []
    for rule in rt.active:
        meta = rule.meta
        if profile not in meta.profiles or any(registry.matches(rule, [ref]) >= 0 for ref in ignored):
            continue
        try:
            findings = list(rule.check(ctx, settings.options_for(rule, profile)))
        except Exception as exc:  # one broken rule must not take the others down
            failed.append(f"{meta.code} ({type(exc).__name__}: {exc})")
            continue
        severity = settings.severity_for(meta.code, profile)
        may_link = "links" in meta.regions
        for f in findings:
            if not may_link and p.in_url(f.start, f.end):
                continue
            diagnostics.append(place.finding(meta, f, severity or f.severity or meta.severity))
    facts = EngineFacts(
        source=message.source, bounds=message_bounds(p), body_start=message.body.source_start(0),
        skipped=tuple((s.code, s.reason) for s in rt.skipped), failed=tuple(failed),
    )
    diagnostics += _engine_findings(rt.engine_rules, facts, place, settings, profile, after=False)
    if message.directives:
        diagnostics, facts = _suppress(message, diagnostics, registry, facts)
        diagnostics += _engine_findings(rt.engine_rules, facts, place, settings, profile, after=True)
    diagnostics.sort(key=lambda d: (d.start.offset, d.end.offset, d.code))
    score, breakdown = score_report(diagnostics)
    return Report(
        path=message.path,
        message_id=message.message_id,
        diagnostics=tuple(diagnostics),
        metrics={**metrics.to_dict(), "profile": profile, "mode": mode, **_speakers(message)},
        score=score,
        score_breakdown=breakdown,
        source=message.source,
    )


def _speakers(message: Message) -> dict[str, object]:
    """A script's speakers (which label was taken as the seller, and why), as the script reader found them."""
    speakers = message.meta.get("speakers") if message.kind == "script" else None
    return {"speakers": dict(speakers)} if isinstance(speakers, dict) else {}


def _engine_findings(
    rules: tuple[EngineRule, ...], facts: EngineFacts, place: Placement, settings: Settings, profile: str, *, after: bool
) -> list[Diagnostic]:
    out = []
    for rule in rules:
        if rule.after_suppressions != after:
            continue
        severity = settings.severity_for(rule.meta.code, profile) or rule.meta.severity
        out.extend(place.diagnostic(rule.meta, severity, f.message, f.start, f.end, f.region) for f in rule.report(facts))
    return out


def _suppress(
    message: Message, diagnostics: list[Diagnostic], registry: Registry, facts: EngineFacts
) -> tuple[list[Diagnostic], EngineFacts]:
    """Drop what the message's directives suppress; the facts gain the directives that did nothing."""

    def matches(ref: str, code: str) -> bool:
        rule = registry.get(code)
        # "all" never reaches here: suppress.parse turns it into an empty ref list (all rules).
        return rule is not None and registry.matches(rule, [ref]) > 0

    suppressions, malformed = suppress.parse(message.directives, message.source, registry.is_known_ref, registry.suggest)
    kept = suppress.apply(diagnostics, suppressions, matches)
    unused = tuple(s for s in suppressions if not s.used)
    return kept, replace(facts, unused=unused, malformed=tuple(malformed))
