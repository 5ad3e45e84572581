"""Discover rule providers through the ``outreach_lint.rules`` entry-point group.

Built-in rules register through the same group third parties use, so a plugin is a first-class
citizen. A provider is a callable returning an iterable of rules and of the :class:`~outreach_lint.rule.Family`
values that declare the code prefixes those rules use (docs/plugins.md). The loader, not the plugin,
says where each rule comes from: ``origin`` is the distribution that installed the entry point (its name
and version from the installed metadata) and ``source`` the file that defines the rule.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterable
from dataclasses import replace
from importlib.metadata import Distribution, entry_points
from pathlib import Path
from typing import Any

from .packs.compiler import rules_from_pack
from .registry import BUILTIN_ORIGIN, RegistryError, prefix_problem, with_meta
from .rule import EngineRule, Family, FunctionRule, Rule, prefix_of

GROUP = "outreach_lint.rules"
SELF = BUILTIN_ORIGIN  # the built-ins' origin: this distribution, whatever version is running
_BUILTIN_PROVIDERS = ("outreach_lint.rules:provide_rules",)

Provided = list[Rule | Family]


class PluginError(Exception):
    """A rule provider failed to load; the message names the distribution and what went wrong."""


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def distribution_label(dist: Distribution | None) -> str:
    """How a rule's ``origin`` names the distribution that installed it: ``outreach-lint-hype 0.1.0``."""
    if dist is None:
        return SELF
    name, version = _name_and_version(dist)
    if _normal(name) == _normal(SELF):
        return SELF
    return f"{name} {version}".strip()


def _name_and_version(dist: Distribution) -> tuple[str, str]:
    """The ``Name`` and ``Version`` headers of the installed metadata, read directly: the full parse
    (``dist.metadata``) runs the email package's parser over the whole file for every plugin."""
    found: dict[str, str] = {}
    for line in (dist.read_text("METADATA") or dist.read_text("PKG-INFO") or "").splitlines():
        if not line.strip():
            break  # the headers end at the first blank line; the description follows
        key, sep, value = line.partition(":")
        if sep and key.strip().lower() in ("name", "version"):
            found.setdefault(key.strip().lower(), value.strip())
    return found.get("name", "unknown distribution"), found.get("version", "")


def _normal(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")


def _root_of(module_name: str) -> Path | None:
    """The directory holding a module's top-level package (site-packages, or a source tree's src/)."""
    top = sys.modules.get(module_name.partition(".")[0])
    file = getattr(top, "__file__", None)
    if not file:
        return None  # a namespace package has no single root
    path = Path(file).resolve()
    return path.parent.parent if path.name == "__init__.py" else path.parent


def defined_in(path: Path, module_name: str) -> str:
    """A rule file's path as its package names it (``outreach_lint_hype/HS001.py``)."""
    root = _root_of(module_name)
    path = path.resolve()
    if root is not None and path.is_relative_to(root):
        return path.relative_to(root).as_posix()
    return path.as_posix()


def _module_file(rule: Rule) -> str:
    """Where a Python rule's function is defined, for rules a provider built without :func:`rules_in_package`."""
    func = getattr(rule, "func", None)
    module = sys.modules.get(getattr(func, "__module__", "") or "")
    file = getattr(module, "__file__", None)
    return defined_in(Path(file), module.__name__) if module is not None and file else ""


def is_rule_file(path: Path) -> bool:
    """A file that defines one rule (``CODE.py``, ``CODE.yaml``); files starting with ``_`` are helpers."""
    return path.suffix in (".py", ".yaml") and not path.name.startswith("_")


def rules_in_package(package: str, family: Family | None = None, *, trusted: bool = False) -> list[Rule]:
    """Every rule in a package directory, one per file: ``<CODE>.py`` (a ``@rule``) or ``<CODE>.yaml``
    (a one-rule pack). Files starting with ``_`` are helpers. A file must define exactly the rule it is
    named after, and with ``family`` every code must carry the family's prefix, so a rule is found where
    its code says. Each rule's ``source`` is its file.

    The built-in families and plugins both use this (docs/plugins.md); ``trusted`` skips the pack size
    limits, for the packs the test suite checks (the shipped ones).
    """
    pkg = importlib.import_module(package)
    directory = Path(pkg.__file__ or "").resolve().parent
    rules: list[Rule] = []
    for path in sorted(directory.iterdir()):
        if not is_rule_file(path):
            continue
        where = defined_in(path, package)
        if path.suffix == ".py":
            module = importlib.import_module(f"{package}.{path.stem}")
            found: list[Rule] = [v for v in vars(module).values() if isinstance(v, (FunctionRule, EngineRule))]
        else:
            found = list(rules_from_pack(path, origin="", trusted=trusted))
        codes = [r.meta.code for r in found]
        if codes != [path.stem]:
            raise ImportError(f"{where} must define exactly the rule {path.stem} (it defines {', '.join(codes) or 'none'})")
        if family is not None and prefix_of(path.stem) != family.prefix:
            raise ImportError(f"{where}: {path.stem} is not in the family {family.prefix} ({family.name}) that its directory declares")
        rules.extend(with_meta(r, replace(r.meta, source=where)) for r in found)
    return rules


def _stamp(item: object, label: str, where: str) -> Rule | Family:
    """An item a provider returned, with its origin (and, for a rule, its source) set by the loader."""
    if isinstance(item, Family):
        return replace(item, origin=label)
    if isinstance(item, Rule):
        return with_meta(item, replace(item.meta, origin=label, source=item.meta.source or _module_file(item)))
    raise PluginError(
        f"rule plugin {label} ({where}) returned {_one_line(repr(item))[:80]}, which is neither a rule nor a Family: "
        "a provider returns rules and the Family values that declare their prefixes (see docs/plugins.md)"
    )


def _load_provider(label: str, where: str, loader: Callable[[], Any]) -> Provided:
    try:
        provider = loader()
        items = list(provider())
    except Exception as exc:  # any failure in third-party code is reported, never a traceback
        raise PluginError(
            f"rule plugin {label} ({where}) failed to load: {type(exc).__name__}: {_one_line(str(exc))}; "
            f"fix or uninstall that distribution"
        ) from None
    return [_stamp(item, label, where) for item in items]


def _entry_points() -> Iterable[tuple[str, str, Callable[[], Any]]]:
    seen: set[tuple[str, str]] = set()
    for ep in entry_points(group=GROUP):
        label = distribution_label(ep.dist)
        key = (_normal(_name_and_version(ep.dist)[0]) if ep.dist is not None else SELF, ep.name)
        if key in seen:
            continue  # the same distribution found twice on sys.path: the first one is what Python imports
        seen.add(key)
        yield label, f"entry point {ep.name} = {ep.value}", ep.load


def discover() -> Provided:
    """Every installed provider's rules and families, built-ins included, each stamped with its origin.

    The registry checks the declarations against each other (a prefix no family declares, two
    distributions declaring one prefix, a plugin using a built-in prefix).
    """
    found: Provided = []
    targets: set[str] = set()
    for label, where, load in _entry_points():
        targets.add(where.rpartition(" = ")[2])
        found.extend(_load_provider(label, where, load))
    # Running from a source tree that was never installed: the built-ins have no entry points yet.
    for target in _BUILTIN_PROVIDERS:
        if target not in targets:
            module, _, attr = target.partition(":")

            def load(module: str = module, attr: str = attr) -> Any:
                return getattr(importlib.import_module(module), attr)

            found.extend(_load_provider(SELF, target, load))
    _every_distribution_declares(found)
    return found


def _every_distribution_declares(found: Provided) -> None:
    """A distribution that returns rules but no Family at all is refused here: the registry tells a
    distribution's rules from a local pack's by the families that distribution declared."""
    families = {i.prefix: i for i in found if isinstance(i, Family)}
    declaring = {i.origin for i in found if isinstance(i, Family)}
    for item in found:
        if isinstance(item, Family) or item.meta.origin in declaring:
            continue
        raise RegistryError(prefix_problem(item, families.get(prefix_of(item.meta.code))))
