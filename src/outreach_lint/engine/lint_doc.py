"""The lint of one message: its rules on its Doc, the engine's own findings, suppressions, the score."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from .. import suppress
from ..analyses import holds
from ..diagnostics import Diagnostic, Report
from ..mapped import LineIndex
from ..profiles import AUTO, PROFILES, ChosenProfile, infer_profile, opening_end
from ..regions import LintedMessage
from ..registry import Registry
from ..rule import EngineFacts, EngineRule, RuleContext, lexicon_key
from ..score import score_report
from ..sources.base import Message
from .placement import Placement, message_bounds
from .runtime import Runtime
from .settings import Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc

RENDERED_FORMATS = frozenset({"eml", "mbox", "jsonl", "json"})
# The word lists whose phrases, in a message's first sentences, refer to the sender's earlier message:
# the references themselves, and the PR003 and CTA001 lists of what only a later message says ("I haven't
# heard back", "did you get my email", "closing the loop").
FOLLOW_UP_LEXICONS = ("follow-up-reference", "no-reply", "guilt", "thread-close")

Matches = Mapping[str, list[tuple[int, int, str]]]


def message_profile(p: LintedMessage, settings: Settings, matches: Matches) -> ChosenProfile:
    """The profile named for the message (its own setting, then --profile or the config), else inferred."""
    message, config = p.message, settings.config
    # A record's field is not validated on the way in (one bad record must not stop a file): a name that
    # is no profile counts as not given.
    if message.profile in PROFILES:
        return ChosenProfile(message.profile, f"given by {_message_origin(message)}")
    if message.profile != AUTO and config.profile in PROFILES:
        origin = "the config" if config.profile_given_by == "config" else config.profile_given_by
        return ChosenProfile(config.profile, f"given by {origin}")
    return _inferred(p, matches)


def _message_origin(message: Message) -> str:
    if message.meta.get("record") or message.meta.get("api"):
        return "the record"
    if message.meta.get("profile") == message.profile:
        return "the front matter"
    return "the caller"


def _inferred(p: LintedMessage, matches: Matches) -> ChosenProfile:
    text = p.text.text
    subject_region, body = p.region("subject"), p.region("body")
    subject = text[subject_region.start : subject_region.end] if subject_region else None
    opening = None
    if body is not None:
        opening = _cue(text, matches, body.start, opening_end(text, body.start, body.end))
    return infer_profile(
        kind=p.message.kind,
        subject=subject,
        body=p.message.body.text,
        quoted=any(e.kind == "quoted" for e in p.excluded),
        opening_cue=opening,
        subject_cue=_cue(text, matches, subject_region.start, subject_region.end) if subject_region else None,
    )


def _cue(text: str, matches: Matches, start: int, end: int) -> str | None:
    """The first follow-up phrase inside ``text[start:end]``, as written (lower-cased)."""
    hits = [h for name in FOLLOW_UP_LEXICONS for h in matches.get(lexicon_key(name), []) if start <= h[0] and h[1] <= end]
    if not hits:
        return None
    s, e, _ = min(hits)
    return " ".join(text[s:e].split()).lower()


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
    matches = rt.packs.run(doc)
    chosen, mode = message_profile(p, settings, matches), message_mode(message, settings)
    profile = chosen.name
    ctx = RuleContext(
        doc, p, profile=profile, mode=mode, seller_names=settings.config.seller_names,
        matches=matches, annotations=rt.pipeline.annotations, wanted=rt.wanted,
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
        if meta.unless and holds(ctx, meta.unless):
            continue  # the message is one the rule yields to (a polite close of the thread)
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
        metrics={**metrics.to_dict(), "profile": profile, "profile_reason": chosen.reason, "mode": mode,
                 **_speakers(message)},
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
