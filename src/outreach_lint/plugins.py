"""Discover rule providers through the ``outreach_lint.rules`` entry-point group.

Built-in rules register through the same group third parties use, so a plugin is a first-class
citizen: a provider is any callable that returns an iterable of rules.
"""

from __future__ import annotations

from importlib.metadata import entry_points

from .rule import Rule

GROUP = "outreach_lint.rules"
_BUILTIN_PROVIDERS = ("outreach_lint.rules:provide_rules",)


class PluginError(Exception):
    """A rule provider failed to load; the message names the plugin and what went wrong."""


def _load_provider(name: str, target: str, loader) -> list[Rule]:
    try:
        provider = loader()
        rules = list(provider())
    except Exception as exc:  # any failure in third-party code is reported, never a traceback
        raise PluginError(f"rule plugin {name!r} ({target}) failed to load: {type(exc).__name__}: {exc}") from exc
    for r in rules:
        if not isinstance(r, Rule):
            raise PluginError(f"rule plugin {name!r} ({target}) returned {r!r}, which is not a rule")
    return rules


def discover() -> list[Rule]:
    """All rules from installed providers, built-ins included."""
    rules: list[Rule] = []
    seen: set[str] = set()
    for ep in entry_points(group=GROUP):
        if ep.value in seen:
            continue  # the same distribution seen twice on sys.path
        seen.add(ep.value)
        rules.extend(_load_provider(ep.name, ep.value, ep.load))
    # Running from a source tree that was never installed: the built-ins have no entry points yet.
    for target in _BUILTIN_PROVIDERS:
        if target not in seen:
            module, _, attr = target.partition(":")

            def load(module: str = module, attr: str = attr):
                import importlib

                return getattr(importlib.import_module(module), attr)

            rules.extend(_load_provider("builtin", target, load))
    return rules
