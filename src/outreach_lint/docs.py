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


def rule_docs_files(rules: list[Rule]) -> dict[str, str]:
    """The content of docs/rules/: one page per rule and an index, keyed by file name."""
    files = {f"{r.meta.code}.md": rule_markdown(r) for r in rules}
    index = ["# Rules", "", "Generated from the rule registry by `python -m outreach_lint.docs docs/rules`.", "",
             "| Code | Name | Severity | Summary |", "| --- | --- | --- | --- |"]
    for r in rules:
        m = r.meta
        index.append(f"| [{m.code}]({m.code}.md) | {m.name} | {m.severity.label} | {m.summary} |")
    files["README.md"] = "\n".join(index) + "\n"
    return files


if __name__ == "__main__":  # pragma: no cover - regenerates docs/rules
    import sys
    from pathlib import Path

    from .engine import Linter

    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/rules")
    target.mkdir(parents=True, exist_ok=True)
    for stale in target.glob("*.md"):
        stale.unlink()
    for name, content in rule_docs_files(list(Linter().registry)).items():
        (target / name).write_text(content, encoding="utf-8")
