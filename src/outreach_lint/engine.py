"""The Linter: messages in, reports out (see docs/ for the flow)."""

from __future__ import annotations

import fnmatch
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from . import suppress
from .asks import find_asks
from .config import Config, ConfigError
from .diagnostics import (
    Diagnostic,
    Edit,
    InputError,
    InvalidInputError,
    Position,
    Report,
    Severity,
    Suggestion,
)
from .mapped import LineIndex
from .metrics import compute as compute_metrics
from .nlp import Pipeline, load_pipeline
from .packs import CompiledPacks, PackError, PackRule, rules_from_pack
from .packs.builtin import builtin_pack_paths
from .packs.lexicons import lexicon_requirements, load_lexicons
from .plugins import discover
from .profiles import DEFAULT_PROFILE, PROFILES
from .regions import Prepared, prepare
from .registry import Registry, RegistryError, Selection
from .rule import NoOptions, Rule, RuleContext
from .score import score_report
from .sources import (
    ReadOptions,
    SourceError,
    message_from_record,
    read_bytes,
    read_path,
)
from .sources.base import Message
from .sources.script import SpeakerLabels

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

RENDERED_FORMATS = frozenset({"eml", "mbox", "jsonl", "json"})
def _refuse_lone_surrogates(field: str, text: object) -> None:
    """Half of a UTF-16 pair on its own (JSON "\\ud800" decodes to one) is not text: no encoding can
    write it, so neither spaCy's string store nor the pattern engine can read it. Refused up front,
    with the field and offset; encoding finds the first one in linear time."""
    if not isinstance(text, str):
        return
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        offset = exc.start
        raise InvalidInputError(
            field, offset, "E015",
            f"lone surrogate U+{ord(text[offset]):04X} at offset {offset} is not text: "
            "send the whole UTF-16 pair, or drop it",
        ) from None


@dataclass(frozen=True)
class RunResult:
    """Reports for every message that could be linted, and errors for everything that could not."""

    reports: tuple[Report, ...]
    errors: tuple[InputError, ...]
    files: int

    def worst(self) -> Severity | None:
        return max((r.worst() for r in self.reports if r.worst() is not None), default=None)


@dataclass(frozen=True)
class Skipped:
    code: str
    reason: str


@dataclass
class _Runtime:
    """What a Linter loads lazily, once: the pipeline and the compiled pack matchers."""

    pipeline: Pipeline
    packs: CompiledPacks
    active: list[Rule]
    skipped: list[Skipped] = field(default_factory=list)


class Linter:
    """Lint messages with one warm pipeline. Safe to reuse for thousands of messages and threads."""

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()
        rules: list[Rule] = discover()
        for pack in self.config.packs:
            rules.extend(rules_from_pack(pack, origin="pack"))
        self.registry = Registry(rules)
        shipped = builtin_pack_paths()
        self.lexicons = load_lexicons([*shipped, *self.config.packs], trusted=shipped)
        self._validate_config()
        selection = Selection(
            select=self.config.select if self.config.select is not None else ("ALL",),
            extend_select=self.config.extend_select,
            ignore=self.config.ignore,
            extend_ignore=self.config.extend_ignore,
        )
        self.rules: list[Rule] = self.registry.selected(selection)
        self._check_lexicons()
        self._options: dict[tuple[str, str], Any] = {}
        self.read_options = ReadOptions(
            labels=SpeakerLabels(self.config.seller_labels, self.config.prospect_labels),
            max_bytes=self.config.max_file_size,
        )
        self._runtime: _Runtime | None = None
        self._lock = threading.Lock()

    # -- configuration ---------------------------------------------------------------------------
    def _check_refs(self, refs: Iterable[str], key: str) -> None:
        for ref in refs:
            if not self.registry.is_known_ref(ref):
                where = self.config.path or "config"
                raise ConfigError(f"{where}: unknown rule {ref!r} in '{key}'{self.registry.suggest(ref)}")

    def _validate_config(self) -> None:
        c = self.config
        for key, refs in (
            ("select", c.select or ()),
            ("extend-select", c.extend_select),
            ("ignore", c.ignore),
            ("extend-ignore", c.extend_ignore),
            ("severity", c.severity.keys()),
            ("rules", c.rules.keys()),
        ):
            self._check_refs(refs, key)
        for _, codes in c.per_file_ignores:
            self._check_refs(codes, "per-file-ignores")
        for code in c.rules:
            rule = self.registry.get(code)
            if rule is None:
                raise ConfigError(f"{c.path or 'config'}: [rules.{code}] must name one rule by its full code")
            self._options_for(rule)

    def _check_lexicons(self) -> None:
        for r in self.rules:
            missing = [n for n in r.meta.lexicons if n not in self.lexicons]
            if missing:
                raise ConfigError(
                    f"rule {r.meta.code} reads lexicon(s) {', '.join(missing)} that no pack defines "
                    "(add them to a pack listed in 'packs')"
                )

    def options_for(self, rule: Rule, profile: str = DEFAULT_PROFILE) -> Any:
        """The rule's options in ``profile``: defaults < the profile's values < the user's config."""
        key = (rule.meta.code, profile)
        if key not in self._options:
            self._options[key] = self._options_for(rule, profile)
        return self._options[key]

    def _options_for(self, rule: Rule, profile: str | None = None) -> Any:
        model = rule.meta.options
        raw = self.config.rules.get(rule.meta.code, {})
        data = {k.replace("-", "_"): v for k, v in raw.items()}
        if profile is not None:
            data = {**PROFILES[profile].options.get(rule.meta.code, {}), **data}
        known = list(model.model_fields)
        where = f"{self.config.path or 'config'}: [rules.{rule.meta.code}]"
        for key in data:
            if key not in known:
                import difflib

                close = difflib.get_close_matches(key, known, n=1)
                hint = f" (did you mean '{close[0].replace('_', '-')}'?)" if close else ""
                offered = ", ".join(k.replace("_", "-") for k in known) or "no options"
                raise ConfigError(f"{where}: unknown option '{key.replace('_', '-')}'{hint}; {rule.meta.code} takes {offered}")
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            err = exc.errors()[0]
            name = ".".join(str(p) for p in err["loc"]).replace("_", "-")
            raise ConfigError(f"{where}: invalid value for '{name}': {err['msg']}") from None

    # -- runtime -----------------------------------------------------------------------------------
    @property
    def runtime(self) -> _Runtime:
        if self._runtime is None:
            with self._lock:
                if self._runtime is None:
                    self._runtime = self._load()
        return self._runtime

    def _load(self) -> _Runtime:
        requires: set[str] = set()
        for r in self.rules:
            requires |= r.meta.requires | lexicon_requirements(self.lexicons, r.meta.lexicons)
        pipeline = load_pipeline(self.config.model, requires)
        active, skipped = [], []
        for r in self.rules:
            missing = r.meta.requires - pipeline.annotations
            if missing:
                skipped.append(Skipped(r.meta.code, f"the pipeline {pipeline.model} does not provide {', '.join(sorted(missing))}"))
            else:
                active.append(r)
        packs = CompiledPacks(
            pipeline.nlp, [r for r in active if isinstance(r, PackRule)], self.lexicons, annotations=pipeline.annotations
        )
        return _Runtime(pipeline, packs, active, skipped)

    @property
    def nlp(self) -> Language:
        """The loaded spaCy pipeline (loaded on first use)."""
        return self.runtime.pipeline.nlp

    @property
    def enabled_codes(self) -> frozenset[str]:
        """Codes of the rules this configuration runs."""
        return frozenset(r.meta.code for r in self.rules)

    @property
    def skipped(self) -> list[Skipped]:
        return list(self.runtime.skipped)

    @property
    def needs_readability(self) -> bool:
        return any(r.meta.needs_readability for r in self.rules)

    # -- public API --------------------------------------------------------------------------------
    def lint_message(
        self,
        subject: str | None = None,
        body: str | None = None,
        html: str | None = None,
        *,
        profile: str | None = None,
        mode: str | None = None,
        id: str | None = None,
        format: str | None = None,
    ) -> Report:
        """Lint one message about to be sent. Merge fields left in it are errors (rendered mode)."""
        for name, text in (("subject", subject), ("body", body), ("html", html)):
            _refuse_lone_surrogates(name, text)
        record: dict[str, Any] = {"subject": subject, "body": body, "html": html, "id": id, "profile": profile}
        record["mode"] = mode or self.config.mode or "rendered"
        if format:
            record["format"] = format
        message = message_from_record(record, self.read_options, 1)
        return self._lint_messages([message])[0]

    def lint_text(self, text: str, format: str = "text", *, path: str = "<text>", profile: str | None = None, mode: str | None = None) -> Report:
        """Lint the content of one draft file given as a string (``format``: text, markdown, html...)."""
        from .sources import read_text

        _refuse_lone_surrogates("text", text)
        parsed = read_text(text, path, format, replace(self.read_options, format=format))
        if len(parsed.messages) != 1:
            raise ValueError(f"format {format!r} gave {len(parsed.messages)} messages: use lint_many or lint_paths")
        message = parsed.messages[0]
        overrides = {k: v for k, v in (("profile", profile), ("mode", mode)) if v}
        if overrides:
            message = replace(message, **overrides)
        return self._lint_messages([message])[0]

    def lint_many(
        self, messages: Iterable[Mapping[str, Any] | Message], batch_size: int = 64, n_process: int = 1
    ) -> Iterator[Report]:
        """Lint many messages (mappings with subject/body/html, or Messages), yielding reports in order."""
        if n_process > 1:
            from .parallel import lint_many_parallel

            yield from lint_many_parallel(self.config, messages, batch_size, n_process)
            return
        batch: list[Message] = []
        for i, record in enumerate(messages, start=1):
            if isinstance(record, Message):
                batch.append(record)
            else:
                rec = dict(record)
                for name in ("subject", "body", "html"):
                    _refuse_lone_surrogates(f"{i - 1}.{name}", rec.get(name))
                rec.setdefault("mode", self.config.mode or "rendered")
                batch.append(message_from_record(rec, self.read_options, i))
            if len(batch) >= batch_size:
                yield from self._lint_messages(batch)
                batch = []
        if batch:
            yield from self._lint_messages(batch)

    def lint_paths(self, paths: Sequence[str | Path]) -> RunResult:
        """Lint files and directories (walked with include/exclude)."""
        from .walk import collect_files

        files, errors = collect_files([Path(p) for p in paths], self.config)
        reports: list[Report] = []
        for path in files:
            r, e = self.lint_file(path)
            reports.extend(r)
            errors.extend(e)
        return RunResult(tuple(reports), tuple(errors), len(files))

    def lint_file(self, path: Path, display: str | None = None, format: str | None = None) -> tuple[list[Report], list[InputError]]:
        """Lint one file: its name picks the format unless ``format`` is given."""
        name = display or str(path)
        options = replace(self.read_options, format=format) if format else self.read_options
        try:
            parsed = read_path(path, options, name)
        except SourceError as exc:
            return [], [InputError(name, exc.code, exc.message)]
        return self._finish_parsed(parsed, name)

    def lint_bytes(self, data: bytes, name: str, format: str | None = None) -> tuple[list[Report], list[InputError]]:
        """Lint file content (stdin): ``name`` picks the format unless ``format`` is given."""
        options = replace(self.read_options, format=format)
        try:
            parsed = read_bytes(data, name, options)
        except SourceError as exc:
            return [], [InputError(name, exc.code, exc.message)]
        return self._finish_parsed(parsed, name)

    def _finish_parsed(self, parsed: Any, name: str) -> tuple[list[Report], list[InputError]]:
        errors = [InputError(name, n.code, n.message) for n in parsed.notes]
        for m in parsed.messages:
            errors.extend(InputError(name, n.code, n.message) for n in m.notes)
        reports = self._lint_messages(list(parsed.messages))
        return reports, errors

    def narrow(self, report: Report, select: Sequence[str] | None = None, ignore: Sequence[str] = ()) -> Report:
        """Keep only the findings of rules that ``select``/``ignore`` leave (flake8 semantics), re-scored.

        For callers (the HTTP service) that narrow one request's output within the configured rules.
        Unknown references raise ConfigError naming them.
        """
        if select is None and not ignore:
            return report
        self._check_refs(select or (), "select")
        self._check_refs(ignore, "ignore")
        kept_codes = {r.meta.code for r in self.registry.selected(Selection(select=tuple(select or ("ALL",)), ignore=tuple(ignore)))}
        kept = tuple(d for d in report.diagnostics if d.code in kept_codes)
        score, breakdown = score_report(kept)
        return replace(report, diagnostics=kept, score=score, score_breakdown=breakdown)

    # -- the flow ----------------------------------------------------------------------------------
    def _lint_messages(self, messages: list[Message]) -> list[Report]:
        rt = self.runtime
        prepared = [prepare(m) for m in messages]
        with rt.pipeline.lock:  # spaCy pipelines are not documented as thread-safe; rules are
            docs = list(rt.pipeline.nlp.pipe((p.parser_text for p in prepared), batch_size=64))
        line_indexes: dict[int, LineIndex] = {}
        reports = []
        for p, doc in zip(prepared, docs):
            # mbox and jsonl messages share one source: index its lines once, not once per message.
            index = line_indexes.get(id(p.message.source))
            if index is None:
                index = line_indexes[id(p.message.source)] = LineIndex(p.message.source)
            reports.append(self._lint_doc(p, doc, index, rt))
        return reports

    def _profile(self, message: Message) -> str:
        chosen = message.profile or self.config.profile or ("script" if message.kind == "script" else DEFAULT_PROFILE)
        return chosen if chosen in PROFILES else DEFAULT_PROFILE

    def _mode(self, message: Message) -> str:
        if message.mode in ("template", "rendered"):
            return message.mode
        if self.config.mode:
            return self.config.mode
        if message.is_template:
            return "template"
        if message.format in RENDERED_FORMATS or message.path == "<stdin>":
            return "rendered"
        return "template"

    def _lint_doc(self, p: Prepared, doc: Doc, index: LineIndex, rt: _Runtime) -> Report:
        message = p.message
        profile, mode = self._profile(message), self._mode(message)
        matches = rt.packs.run(doc)
        ctx = RuleContext(
            doc, p, options=NoOptions(), profile=profile, mode=mode, seller_names=self.config.seller_names,
            metrics=None, matches=matches,
        )
        ctx.asks = find_asks(ctx.body_sentences(), ctx.lexicon_in, ctx.tokens_of, ctx.text)
        ctx.metrics = metrics = compute_metrics(ctx, self.needs_readability)
        ignored = self._per_file_ignores(message.path)
        profile_severity = PROFILES[profile].severity
        diagnostics: list[Diagnostic] = []
        failed: list[str] = []
        for rule in rt.active:
            meta = rule.meta
            if profile not in meta.profiles or any(self.registry.matches(rule, [ref]) >= 0 for ref in ignored):
                continue
            ctx.options = self.options_for(rule, profile)
            try:
                findings = list(rule.check(ctx))
            except Exception as exc:  # one broken rule must not take the others down
                failed.append(f"{meta.code} ({type(exc).__name__}: {exc})")
                continue
            severity = self.config.severity.get(meta.code) or profile_severity.get(meta.code)
            for f in findings:
                if p.in_url(f.start, f.end) and meta.code[:2] != "MF":
                    continue
                diagnostics.append(self._place(meta, f, p, index, severity))
        diagnostics.extend(self._engine_diagnostics(p, index, failed, rt))
        diagnostics = self._apply_suppressions(message, diagnostics, index)
        diagnostics.sort(key=lambda d: (d.start.offset, d.end.offset, d.code))
        score, breakdown = score_report(diagnostics)
        return Report(
            path=message.path,
            message_id=message.message_id,
            diagnostics=tuple(diagnostics),
            metrics={**metrics.to_dict(), "profile": profile, "mode": mode},
            score=score,
            score_breakdown=breakdown,
            source=message.source,
        )

    def _place(self, meta: Any, f: Any, p: Prepared, index: LineIndex, severity: Severity | None) -> Diagnostic:
        s, e = p.text.to_source(f.start, f.end)
        suggestions = tuple(
            Suggestion(
                fix.title,
                tuple(index.edit(*p.text.to_source(ed.start, ed.end), ed.replacement, p.message) for ed in fix.edits),
                fix.safe and not any(_touches_template(p, ed.start, ed.end) for ed in fix.edits),
            )
            for fix in f.fixes
        )
        return self._diagnostic(meta, severity or f.severity or meta.severity, f.message, s, e, p, index, p.region_at(f.start, f.end), suggestions)

    @staticmethod
    def _diagnostic(meta: Any, severity: Severity, message: str, s: int, e: int, p: Prepared, index: LineIndex, region: str, suggestions: tuple[Suggestion, ...] = ()) -> Diagnostic:
        start, end, field = index.place(s, e, p.message)
        return Diagnostic(
            code=meta.code,
            name=meta.name,
            category=meta.category,
            severity=severity,
            message=message,
            start=start,
            end=end,
            excerpt=p.message.source[s:e],
            region=region,
            suggestions=suggestions,
            field=field,
        )

    def _enabled(self, code: str) -> Rule | None:
        return next((r for r in self.rules if r.meta.code == code), None)

    def _engine_diagnostics(self, p: Prepared, index: LineIndex, failed: list[str], rt: _Runtime) -> list[Diagnostic]:
        out = []
        ol3 = self._enabled("OL003")
        if ol3 and (failed or rt.skipped):
            reasons = [f"{s.code}: {s.reason}" for s in rt.skipped] + [f"{f} failed on this message" for f in failed]
            start = p.message.body.source_start(0)
            out.append(self._diagnostic(ol3.meta, self.config.severity.get("OL003") or ol3.meta.severity,
                                        "rules skipped: " + "; ".join(reasons), start, start, p, index, "body"))
        ol4 = self._enabled("OL004")
        if ol4:
            source = p.message.source
            lo, hi = _message_bounds(p)
            at = source.find("\ufffd", lo, hi)
            if at >= 0:
                count = source.count("\ufffd", lo, hi)
                out.append(self._diagnostic(
                    ol4.meta, self.config.severity.get("OL004") or ol4.meta.severity,
                    f"{count} character(s) could not be decoded and were replaced with U+FFFD: re-save the file as UTF-8",
                    at, at + 1, p, index, "body"))
        return out

    def _apply_suppressions(self, message: Message, diagnostics: list[Diagnostic], index: LineIndex) -> list[Diagnostic]:
        if not message.directives:
            return diagnostics
        registry = self.registry

        def matches(ref: str, code: str) -> bool:
            rule = registry.get(code)
            # "all" never reaches here: suppress.parse turns it into an empty ref list (all rules).
            return rule is not None and registry.matches(rule, [ref]) > 0

        suppressions, malformed = suppress.parse(message.directives, message.source, registry.is_known_ref, registry.suggest)
        kept = suppress.apply(diagnostics, suppressions, matches)
        p_stub = _SourceOnly(message)
        ol1, ol2 = self._enabled("OL001"), self._enabled("OL002")
        if ol1:
            for s in suppressions:
                if not s.used:
                    d = s.directive
                    what = ",".join(s.refs) if s.refs else "all rules"
                    kept.append(self._diagnostic(ol1.meta, self.config.severity.get("OL001") or ol1.meta.severity,
                                                 f"unused suppression: '{s.action}' for {what} suppressed nothing; remove it",
                                                 d.start, d.end, p_stub, index, "directive"))  # type: ignore[arg-type]
        if ol2:
            for m in malformed:
                d = m.directive
                kept.append(self._diagnostic(ol2.meta, self.config.severity.get("OL002") or ol2.meta.severity,
                                             f"malformed suppression: {m.reason}", d.start, d.end, p_stub, index, "directive"))  # type: ignore[arg-type]
        return kept

    def _per_file_ignores(self, path: str) -> list[str]:
        out: list[str] = []
        if not self.config.per_file_ignores:
            return out
        candidates = {path, Path(path).name}
        try:
            candidates.add(str(Path(path).resolve().relative_to(self.config.root.resolve())))
        except (ValueError, OSError):
            pass
        for glob, codes in self.config.per_file_ignores:
            if any(fnmatch.fnmatch(c, glob) for c in candidates):
                out.extend(codes)
        return out


@dataclass(frozen=True)
class _SourceOnly:
    """Enough of a Prepared for placing a diagnostic that only has source offsets."""

    message: Message


def _touches_template(p: Prepared, start: int, end: int) -> bool:
    """An edit over a merge field or template tag is never applied automatically."""
    return any(f.start < end and start < f.end or f.start == f.end == start for f in p.merge_fields)


def _message_bounds(p: Prepared) -> tuple[int, int]:
    """The part of the shared source this message covers (one record of a jsonl file, say)."""
    spans = [p.message.body.to_source(0, len(p.message.body))]
    if p.message.subject is not None:
        spans.append(p.message.subject.to_source(0, len(p.message.subject)))
    return min(s for s, _ in spans), max(e for _, e in spans)


def load_linter(config: Config) -> Linter:
    """Build a Linter, turning pack errors into configuration errors for the CLI."""
    try:
        return Linter(config)
    except (PackError, RegistryError) as exc:
        raise ConfigError(str(exc)) from None
