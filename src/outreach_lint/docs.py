"""Rule documentation as Markdown, for `outreach-lint rule CODE` and docs/rules/."""

from __future__ import annotations

from .rule import Rule


def _block(text: str) -> str:
    return "\n".join("    " + line for line in text.rstrip("\n").split("\n"))


def rule_markdown(rule: Rule) -> str:
    m = rule.meta
    lines = [
        f"# {m.code} {m.name}",
        "",
        m.summary,
        "",
        f"- Category: {m.category}",
        f"- Default severity: {m.severity.label}",
        f"- Stability: {m.stability}",
        f"- Regions: {', '.join(m.regions)}",
        f"- Profiles: {', '.join(m.profiles)}",
        f"- Requires: {', '.join(sorted(m.requires)) or 'tokens only'}",
        f"- Defined by: {m.origin}",
        "",
        "## What it does",
        "",
        m.docs.what,
        "",
        "## Why it matters to the reader",
        "",
        m.docs.why,
        "",
        "## Example",
        "",
        _block(m.docs.example),
        "",
        "## Use instead",
        "",
        m.docs.instead,
        "",
    ]
    fields = m.options.model_fields
    if fields:
        lines += ["## Options", "", f"Set under `[tool.outreach-lint.rules.{m.code}]`:", ""]
        for name, f in fields.items():
            lines.append(f"- `{name.replace('_', '-')}` (default `{f.default}`)")
        lines.append("")
    lines += ["## Flagged", ""]
    for e in m.examples.fail:
        lines += [_block(e.text), ""]
    lines += ["## Not flagged", ""]
    for e in m.examples.passes:
        lines += [_block(e.text), ""]
    return "\n".join(lines).rstrip() + "\n"
