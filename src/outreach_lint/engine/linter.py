"""The Linter: the public API. Messages in, reports out; each step is its own module (see __init__)."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import Config
from ..diagnostics import InputError, InvalidInputError, Report, RunResult
from ..mapped import LineIndex
from ..profiles import DEFAULT_PROFILE
from ..regions import prepare
from ..registry import Selection
from ..rule import Rule
from ..score import score_report
from ..sources import SourceError, message_from_record, read_bytes, read_path
from ..sources.base import Message
from .chunks import parse
from .files import FileRun, Progress, lint_files, lint_together
from .lint_doc import lint_doc
from .runtime import Runtime, Skipped, load_runtime
from .settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language


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


class Linter:
    """Lint messages with one warm pipeline. Safe to reuse for thousands of messages and threads."""

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()
        self.settings = Settings(self.config)
        self.registry = self.settings.registry
        self.lexicons = self.settings.lexicons
        self.rules: list[Rule] = self.settings.rules
        self.read_options = self.settings.read_options
        self._runtime: Runtime | None = None
        self._lock = threading.Lock()

    # -- what this configuration runs ------------------------------------------------------------
    def options_for(self, rule: Rule, profile: str = DEFAULT_PROFILE) -> Any:
        """The rule's options in ``profile``: defaults < the profile's values < the user's config."""
        return self.settings.options_for(rule, profile)

    @property
    def runtime(self) -> Runtime:
        if self._runtime is None:
            with self._lock:
                if self._runtime is None:
                    self._runtime = load_runtime(self.settings)
        return self._runtime

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
        return any(r.meta.wants_readability for r in self.rules)

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
        from ..sources import read_text

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
            from ..parallel import lint_many_parallel

            yield from lint_many_parallel(type(self), self.config, messages, batch_size, n_process)
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

    def lint_paths(
        self, paths: Sequence[str | Path], *, jobs: int = 1, input_format: str | None = None, progress: Progress | None = None
    ) -> RunResult:
        """Lint files and directories: walked with include/exclude, .gitignore and per-file-format;
        small files batched together, record files streamed; spread over ``jobs`` processes;
        progress told to ``progress``."""
        run = self.iter_paths(paths, jobs=jobs, input_format=input_format, progress=progress)
        reports: list[Report] = []
        errors = list(run.errors)
        for r, e in run.results:
            reports.extend(r)
            errors.extend(e)
        return RunResult(tuple(reports), tuple(errors), run.files)

    def iter_paths(
        self, paths: Sequence[str | Path], *, jobs: int = 1, input_format: str | None = None, progress: Progress | None = None
    ) -> FileRun:
        """As :meth:`lint_paths`, a file at a time: the walk is done at once, and ``results`` lints
        the files as it is read, so a caller that writes each file's reports keeps none of them."""
        from ..walk import collect_files

        files, errors = collect_files([Path(p) for p in paths], self.config)
        return FileRun(len(files), tuple(errors), lint_files(self, files, jobs, input_format, progress))

    def lint_file(self, path: Path, display: str | None = None, format: str | None = None) -> tuple[list[Report], list[InputError]]:
        """Lint one file: its name picks the format unless ``format`` is given."""
        messages, errors = self.read_file(path, display, format)
        return self._lint_messages(messages) if messages else [], errors

    def lint_file_group(self, files: Sequence[tuple[Path, str | None]]) -> list[tuple[list[Report], list[InputError]]]:
        """Lint files together, their messages batched through the pipeline: (reports, errors) for each
        (path, input format or None), in order, the same as :meth:`lint_file` gives each."""
        return list(lint_together(self, files))

    def read_file(self, path: Path, display: str | None = None, format: str | None = None) -> tuple[list[Message], list[InputError]]:
        """One file's messages, ready to lint, and the problems met reading it."""
        name = display or str(path)
        options = replace(self.read_options, format=format) if format else self.read_options
        try:
            parsed = read_path(path, options, name)
        except SourceError as exc:
            return [], [InputError(name, exc.code, exc.message)]
        return self._parsed_messages(parsed, name)

    def lint_bytes(self, data: bytes, name: str, format: str | None = None) -> tuple[list[Report], list[InputError]]:
        """Lint file content (stdin): ``name`` picks the format unless ``format`` is given."""
        options = replace(self.read_options, format=format)
        try:
            parsed = read_bytes(data, name, options)
        except SourceError as exc:
            return [], [InputError(name, exc.code, exc.message)]
        messages, errors = self._parsed_messages(parsed, name)
        return self._lint_messages(messages), errors

    def _parsed_messages(self, parsed: Any, name: str) -> tuple[list[Message], list[InputError]]:
        errors = [InputError(name, n.code, n.message) for n in parsed.notes]
        for m in parsed.messages:
            errors.extend(InputError(name, n.code, n.message) for n in m.notes)
        return list(parsed.messages), errors

    def narrow(self, report: Report, select: Sequence[str] | None = None, ignore: Sequence[str] = ()) -> Report:
        """Keep only the findings of rules that ``select``/``ignore`` leave (flake8 semantics), re-scored.

        For callers (the HTTP service) that narrow one request's output within the configured rules.
        Unknown references raise ConfigError naming them.
        """
        if select is None and not ignore:
            return report
        self.settings.check_refs(select or (), "select")
        self.settings.check_refs(ignore, "ignore")
        kept_codes = {r.meta.code for r in self.registry.selected(Selection(select=tuple(select or ("ALL",)), ignore=tuple(ignore)))}
        kept = tuple(d for d in report.diagnostics if d.code in kept_codes)
        score, breakdown = score_report(kept)
        return replace(report, diagnostics=kept, score=score, score_breakdown=breakdown)

    # -- the flow ----------------------------------------------------------------------------------
    def _lint_messages(self, messages: list[Message]) -> list[Report]:
        rt = self.runtime
        prepared = [prepare(m) for m in messages]
        with rt.pipeline.lock:  # spaCy pipelines are not documented as thread-safe; rules are
            # A text longer than the parser takes (nlp.max_length) is parsed in pieces joined into one Doc.
            docs = parse(rt.pipeline.nlp, [p.parser_text for p in prepared], batch_size=64)
        line_indexes: dict[int, LineIndex] = {}
        reports = []
        for p, doc in zip(prepared, docs):
            # mbox and jsonl messages share one source: index its lines once, not once per message.
            index = line_indexes.get(id(p.message.source))
            if index is None:
                index = line_indexes[id(p.message.source)] = LineIndex(p.message.source)
            reports.append(lint_doc(p, doc, index, rt, self.settings))
        return reports
