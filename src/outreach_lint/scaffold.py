"""``outreach-lint new-rule``: write the file a new rule starts from, where the registry will find it.

A built-in rule is one file named after its code in its family's directory (``rules/<family>/``), so
the scaffold needs only the code, a name and the kind. What it writes loads and registers at once; its
docs and examples say TODO, and tests/rules fails until they are real (see docs/writing-rules.md).
"""

from __future__ import annotations

from pathlib import Path

from .rule import CODE_RE, NAME_RE, prefix_of

KINDS = ("python", "pack")


class ScaffoldError(Exception):
    """The rule cannot be scaffolded as asked; the message says what to change."""


def family_dir(code: str, rules_dir: Path) -> Path:
    """The built-in family directory whose package declares the code's prefix (PC -> product_centric)."""
    from .rules import families

    prefix = prefix_of(code)
    for package, family in families():
        if family.prefix == prefix:
            return rules_dir / package.rpartition(".")[2]
    raise ScaffoldError(f"{code}: no built-in family declares the prefix {prefix}; use an existing prefix, or --dir for a plugin's package")


def scaffold(code: str, name: str, kind: str, directory: Path) -> Path:
    """Write ``directory/CODE.py`` (or ``.yaml``) and return its path. Never overwrites a file."""
    if not CODE_RE.match(code):
        raise ScaffoldError(f"{code!r} is not a rule code: use 2-3 capitals and 3 digits, like RD006")
    if not NAME_RE.match(name):
        raise ScaffoldError(f"{name!r} is not a rule name: use kebab-case, like long-words")
    if kind not in KINDS:
        raise ScaffoldError(f"unknown kind {kind!r}: use one of {', '.join(KINDS)}")
    if not directory.is_dir():
        raise ScaffoldError(f"{directory} is not a directory: create the family package first")
    taken = [p for p in (directory / f"{code}.py", directory / f"{code}.yaml") if p.exists()]
    if taken:
        raise ScaffoldError(f"{taken[0]} already exists: pick a free code")
    path = directory / f"{code}.{'py' if kind == 'python' else 'yaml'}"
    template = _PYTHON if kind == "python" else _PACK
    path.write_text(template.format(code=code, name=name), encoding="utf-8")
    return path


_PYTHON = '''"""{code} {name}: TODO one line saying what the rule flags."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostics import Finding, Fix
from ...rule import RuleContext, RuleDocs, rule


@rule(
    code="{code}",
    name="{name}",
    summary="TODO one line saying what the rule flags.",
    docs=RuleDocs(
        what="TODO what the rule looks for, precisely enough to predict it.",
        why="TODO why the reader is worse off (cite the doctrine section).",
        example="TODO a sentence it flags.",
        instead="TODO what to write instead.",
        fix_safety="TODO when the suggestion is safe to apply without reading it (or: advice only).",
        sources="TODO the doctrine section, and where the thresholds come from.",
    ),
    fail=("TODO a message it must flag",),
    passes=("TODO a message it must leave alone",),
)
def {func}(ctx: RuleContext) -> Iterator[Finding]:
    for sent in ctx.body_sentences():
        start, end = ctx.trimmed(sent)
        if "TODO" in ctx.text[start:end]:
            yield ctx.finding(start, end, "TODO what is wrong, in one short clause", Fix("TODO what to do"))
'''.replace("{func}", "check")

_PACK = """# TODO what this pack checks, and the doctrine section it comes from.
pack: {name}
description: TODO one line.
rules:
  - code: {code}
    name: {name}
    kind: phrase
    summary: TODO one line saying what the rule flags.
    message: "'{{match}}' TODO what is wrong, in one short clause"
    suggestion: "TODO what to do instead of '{{match}}'"
    severity: warning
    regions: [body]
    phrases:
      - TODO a phrase
    docs:
      what: TODO what the rule looks for.
      why: TODO why the reader is worse off.
      example: TODO a sentence it flags.
      instead: TODO what to write instead.
      fix-safety: TODO when the suggestion is safe to apply without reading it (or advice only).
      sources: TODO the doctrine section, and where the thresholds come from.
    examples:
      fail:
        - "TODO a message it must flag"
      pass:
        - "TODO a message it must leave alone"
"""
