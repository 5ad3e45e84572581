"""Configuration: discovery, TOML loading and validation into a frozen :class:`Config`.

Precedence is defaults < config file < command-line flags. The file is the first of
``.outreach-lint.toml``, ``outreach-lint.toml`` or a ``pyproject.toml`` with ``[tool.outreach-lint]``
found walking up from the linted path.
"""

from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .diagnostics import Severity
from .names import PROFILE_CHOICES, FailOn, Mode, SeverityName
from .sources import FORMATS, LINTABLE_SUFFIXES, SourceError, read_regular_file
from .sources.script import DEFAULT_PROSPECT_LABELS, DEFAULT_SELLER_LABELS

CONFIG_NAMES = (".outreach-lint.toml", "outreach-lint.toml", "pyproject.toml")
# A config is a few hundred bytes; the bound is for a path that names something else (a device, a
# data file), which is refused rather than read.
MAX_CONFIG_BYTES = 1_000_000
DEFAULT_INCLUDE = tuple(f"*{suffix}" for suffix in LINTABLE_SUFFIXES)
DEFAULT_EXCLUDE = (
    ".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".mypy_cache",
    ".pytest_cache", "build", "dist", "package.json", "package-lock.json", "tsconfig.json", "*.egg-info",
)


class ConfigError(Exception):
    """An invalid configuration. The message is one line and names the file and the key."""


class _FileSchema(BaseModel):
    """The ``[tool.outreach-lint]`` table. Keys are kebab-case; unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    select: list[str] | None = None
    extend_select: list[str] = Field(default_factory=list, alias="extend-select")
    ignore: list[str] = Field(default_factory=list)
    extend_ignore: list[str] = Field(default_factory=list, alias="extend-ignore")
    severity: dict[str, SeverityName] = Field(default_factory=dict)
    per_file_ignores: dict[str, list[str]] = Field(default_factory=dict, alias="per-file-ignores")
    per_file_format: dict[str, str] = Field(default_factory=dict, alias="per-file-format")
    rules: dict[str, dict[str, Any]] = Field(default_factory=dict)
    fail_on: FailOn = Field(default="warning", alias="fail-on")
    mode: Mode | None = None
    profile: str | None = None
    model: str | None = None
    packs: list[str] = Field(default_factory=list)
    include: list[str] | None = None
    exclude: list[str] = Field(default_factory=list)
    extend_exclude: list[str] = Field(default_factory=list, alias="extend-exclude")
    seller_names: list[str] = Field(default_factory=list, alias="seller-names")
    seller_labels: list[str] | None = Field(default=None, alias="seller-labels")
    prospect_labels: list[str] | None = Field(default=None, alias="prospect-labels")
    max_file_size: int = Field(default=2_000_000, alias="max-file-size", gt=0)
    respect_gitignore: bool = Field(default=True, alias="respect-gitignore")
    include_hidden: bool = Field(default=False, alias="include-hidden")

    @field_validator("per_file_format")
    @classmethod
    def _formats(cls, v: dict[str, str]) -> dict[str, str]:
        for glob, fmt in v.items():
            if fmt not in FORMATS:
                raise ValueError(f"{glob!r} = {fmt!r} is not an input format: use one of {', '.join(FORMATS)}")
        return v

    @field_validator("profile")
    @classmethod
    def _profile(cls, v: str | None) -> str | None:
        if v is not None and v not in PROFILE_CHOICES:
            raise ValueError(f"unknown profile {v!r}: use one of {', '.join(PROFILE_CHOICES)}")
        return v


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] | None = None  # None: every stable rule
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    per_file_format: tuple[tuple[str, str], ...] = ()  # (glob, input format), first match wins
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    fail_on: str = "warning"
    mode: str | None = None
    profile: str | None = None  # None or "auto": read from each message (profiles.infer_profile)
    # Who named ``profile``, for the report's profile_reason: "config", or "--profile" from the CLI.
    profile_given_by: str = "config"
    model: str | None = None
    packs: tuple[Path, ...] = ()
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    seller_names: tuple[str, ...] = ()
    seller_labels: tuple[str, ...] = DEFAULT_SELLER_LABELS
    prospect_labels: tuple[str, ...] = DEFAULT_PROSPECT_LABELS
    max_file_size: int = 2_000_000
    respect_gitignore: bool = True
    include_hidden: bool = False
    path: Path | None = None  # the file this came from
    root: Path = field(default_factory=Path.cwd)  # base for relative paths and globs

    def with_overrides(self, **overrides: Any) -> Config:
        """Apply command-line flags (``None`` means 'not given')."""
        given = {k: v for k, v in overrides.items() if v is not None}
        if "severity" in given:
            given["severity"] = {**self.severity, **given["severity"]}
        return replace(self, **given)


def _known_keys() -> list[str]:
    keys = []
    for name, f in _FileSchema.model_fields.items():
        keys.append(f.alias or name)
    return keys


def find_config(start: Path) -> Path | None:
    here = start.resolve()
    if here.is_file() or not here.exists():
        here = here.parent
    for directory in (here, *here.parents):
        for name in CONFIG_NAMES:
            candidate = directory / name
            if candidate.is_file():
                if name != "pyproject.toml" or _has_tool_table(candidate):
                    return candidate
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        text = read_regular_file(path, MAX_CONFIG_BYTES).decode("utf-8")
        return "outreach-lint" in tomllib.loads(text).get("tool", {})
    except (OSError, SourceError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return False


def load_config(path: Path | None) -> Config:
    """Read and validate ``path`` (``None``: defaults)."""
    if path is None:
        return Config()
    try:
        data = tomllib.loads(read_regular_file(path, MAX_CONFIG_BYTES).decode("utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except SourceError as exc:
        raise ConfigError(f"{path}: config file is {exc.message}: name a TOML file") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the config file ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: config is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except RecursionError:
        # tomllib parses nested arrays and inline tables recursively.
        raise ConfigError(f"{path}: invalid TOML: values nested too deeply") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("outreach-lint", {})
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: [tool.outreach-lint] must be a table")
    return from_mapping(data, path)


def from_mapping(data: dict[str, Any], path: Path | None = None) -> Config:
    where = str(path) if path else "config"
    for key in data:
        if key not in _known_keys():
            close = difflib.get_close_matches(key.replace("_", "-"), _known_keys(), n=1, cutoff=0.6)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise ConfigError(f"{where}: unknown key '{key}'{hint}")
    try:
        parsed = _FileSchema.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        key = ".".join(str(p) for p in err["loc"])
        raise ConfigError(f"{where}: invalid value for '{key}': {err['msg'].removeprefix('Value error, ')}") from None
    root = path.parent if path else Path.cwd()
    return Config(
        select=tuple(parsed.select) if parsed.select is not None else None,
        extend_select=tuple(parsed.extend_select),
        ignore=tuple(parsed.ignore),
        extend_ignore=tuple(parsed.extend_ignore),
        severity={k.upper(): Severity.parse(v) for k, v in parsed.severity.items()},
        per_file_ignores=tuple((glob, tuple(codes)) for glob, codes in parsed.per_file_ignores.items()),
        per_file_format=tuple(parsed.per_file_format.items()),
        rules={k.upper(): v for k, v in parsed.rules.items()},
        fail_on=parsed.fail_on,
        mode=parsed.mode,
        profile=parsed.profile,
        model=parsed.model,
        packs=tuple((root / p) for p in parsed.packs),
        include=tuple(parsed.include) if parsed.include is not None else DEFAULT_INCLUDE,
        exclude=DEFAULT_EXCLUDE + tuple(parsed.exclude) + tuple(parsed.extend_exclude),
        seller_names=tuple(parsed.seller_names),
        seller_labels=tuple(parsed.seller_labels) if parsed.seller_labels else DEFAULT_SELLER_LABELS,
        prospect_labels=tuple(parsed.prospect_labels) if parsed.prospect_labels else DEFAULT_PROSPECT_LABELS,
        max_file_size=parsed.max_file_size,
        respect_gitignore=parsed.respect_gitignore,
        include_hidden=parsed.include_hidden,
        path=path,
        root=root,
    )


STARTER_CONFIG = """\
# outreach-lint configuration. Every key is optional; the values shown are the defaults
# unless marked as an example. Docs: docs/configuration.md
[tool.outreach-lint]
# Rules to run: codes, prefixes (PC, CTA...), rule names or "ALL". Default: every stable rule.
# select = ["ALL"]
# extend-select = []
# Rules to switch off (the longest matching select or ignore entry wins, as in flake8).
ignore = []
# Fail (exit 1) on findings at or above: info | warning | error | never
fail-on = "warning"
# How merge fields are treated: "template" accepts {{first_name}}; "rendered" reports them.
# Default: template for template files, rendered for .eml, .mbox and stdin.
# mode = "template"
# auto | cold-email | follow-up | reply | linkedin | script | announcement
# auto reads it from each message: a quoted thread, a Re: subject, "following up", speaker turns.
# profile = "auto"
# Your company and product names, so "Acme" counts as "we" (example).
seller-names = []
# Your own rule packs (YAML), relative to this file (example: ["rules/house-style.yaml"]).
packs = []
# Files larger than this many bytes are refused with an error.
max-file-size = 2000000
# Extra paths to skip when walking directories (glob patterns).
exclude = []
# A directory walk skips what .gitignore files ignore, and dot-files and dot-directories.
respect-gitignore = true
include-hidden = false

# Per-rule severity (example):
# [tool.outreach-lint.severity]
# RD001 = "info"

# Per-file ignores (example):
# [tool.outreach-lint.per-file-ignores]
# "templates/*" = ["MF001"]

# The input format of files by glob, when their name does not say it (example):
# [tool.outreach-lint.per-file-format]
# "templates/**/*.html" = "html"
# "sequences/*.tpl" = "template"

# Per-rule options (see `outreach-lint rule CODE`), for example:
# [tool.outreach-lint.rules.RD001]
# max-grade = 8
"""
