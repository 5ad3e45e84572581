"""Configuration resolved against the rules: which rules run, with which options and severities.

Everything here is decided once per Linter from the Config; nothing reads a message.
"""

from __future__ import annotations

import difflib
import fnmatch
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ..config import Config, ConfigError
from ..diagnostics import Severity
from ..packs import rules_from_pack
from ..packs.builtin import builtin_pack_paths
from ..packs.lexicons import load_lexicons
from ..plugins import discover
from ..profiles import PROFILES
from ..registry import Registry, Selection
from ..rule import Rule
from ..sources import ReadOptions
from ..sources.script import SpeakerLabels


class Settings:
    """The registry, the selected rules and every rule's options, checked against the config up front."""

    def __init__(self, config: Config) -> None:
        self.config = config
        rules: list[Rule] = discover()
        for pack in config.packs:
            rules.extend(rules_from_pack(pack, origin="pack"))
        self.registry = Registry(rules)
        shipped = builtin_pack_paths()
        self.lexicons = load_lexicons([*shipped, *config.packs], trusted=shipped)
        self._validate()
        self.rules: list[Rule] = self.registry.selected(Selection(
            select=config.select if config.select is not None else ("ALL",),
            extend_select=config.extend_select,
            ignore=config.ignore,
            extend_ignore=config.extend_ignore,
        ))
        self._check_lexicons()
        self._options: dict[tuple[str, str], BaseModel] = {}
        self.read_options = ReadOptions(
            labels=SpeakerLabels(config.seller_labels, config.prospect_labels),
            max_bytes=config.max_file_size,
            profile=config.profile,
        )

    @property
    def where(self) -> str:
        return str(self.config.path or "config")

    def check_refs(self, refs: Iterable[str], key: str) -> None:
        for ref in refs:
            if not self.registry.is_known_ref(ref):
                raise ConfigError(f"{self.where}: unknown rule {ref!r} in '{key}'{self.registry.suggest(ref)}")

    def _validate(self) -> None:
        c = self.config
        for key, refs in (
            ("select", c.select or ()),
            ("extend-select", c.extend_select),
            ("ignore", c.ignore),
            ("extend-ignore", c.extend_ignore),
            ("severity", c.severity.keys()),
            ("rules", c.rules.keys()),
        ):
            self.check_refs(refs, key)
        for _, codes in c.per_file_ignores:
            self.check_refs(codes, "per-file-ignores")
        for code in c.rules:
            rule = self.registry.get(code)
            if rule is None:
                raise ConfigError(f"{self.where}: [rules.{code}] must name one rule by its full code")
            self._resolve(rule, None)

    def _check_lexicons(self) -> None:
        for r in self.rules:
            missing = [n for n in r.meta.word_lists if n not in self.lexicons]
            if missing:
                raise ConfigError(
                    f"rule {r.meta.code} reads lexicon(s) {', '.join(missing)} that no pack defines "
                    "(add them to a pack listed in 'packs')"
                )

    def options_for(self, rule: Rule, profile: str) -> BaseModel:
        """The rule's options in ``profile``: defaults < the profile's values < the user's config."""
        key = (rule.meta.code, profile)
        if key not in self._options:
            self._options[key] = self._resolve(rule, profile)
        return self._options[key]

    def _resolve(self, rule: Rule, profile: str | None) -> BaseModel:
        model = rule.meta.options
        raw = self.config.rules.get(rule.meta.code, {})
        data: dict[str, Any] = {k.replace("-", "_"): v for k, v in raw.items()}
        if profile is not None:
            data = {**PROFILES[profile].options.get(rule.meta.code, {}), **data}
        known = list(model.model_fields)
        where = f"{self.where}: [rules.{rule.meta.code}]"
        for key in data:
            if key not in known:
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

    def severity_for(self, code: str, profile: str) -> Severity | None:
        """The severity the user or the profile sets for a rule (None: the finding's or the rule's own)."""
        return self.config.severity.get(code) or PROFILES[profile].severity.get(code)

    def per_file_ignores(self, path: str) -> list[str]:
        """The rule references ``per-file-ignores`` turns off for a file."""
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
