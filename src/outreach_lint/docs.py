"""Rule documentation as Markdown, for `outreach-lint rule CODE` and docs/rules/."""

from __future__ import annotations

import json
from typing import Any

from .profiles import AUTO_DOCS, PROFILES
from .rule import Example, Rule


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
        f"- Requires: {', '.join(sorted(m.needs)) or 'tokens only'}",  # its analyses' annotations included
        f"- Defined by: {m.origin}",
        *([f"- Defined in: `{m.source}`"] if m.source else []),
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
        *(["## Fix safety", "", m.docs.fix_safety, ""] if m.docs.fix_safety else []),
    ]
    fields = m.options.model_fields
    if fields:
        lines += ["## Options", "", f"Set under `[rules.{m.code}]` in `outreach-lint.toml` (`[tool.outreach-lint.rules.{m.code}]` in "
                  "`pyproject.toml`); your value wins over the profile's:", ""]
        for name, f in fields.items():
            by_profile = [
                f"{p.name} {p.options[m.code][name]}"
                for p in PROFILES.values()
                if p.name in m.profiles and name in p.options.get(m.code, {})
            ]
            extra = f"; {', '.join(by_profile)}" if by_profile else ""
            why = f": {f.description}" if f.description else ""
            lines.append(f"- `{name.replace('_', '-')}` (default `{f.default}`{extra}){why}")
        lines.append("")
    severities = [f"{p.name}: {p.severity[m.code].label}" for p in PROFILES.values() if m.code in p.severity]
    if severities:
        lines += ["## Severity by profile", "", ", ".join(severities), ""]
    if m.unless:
        from .analyses import CONDITIONS

        said = "; ".join(CONDITIONS[c].summary for c in m.unless if c in CONDITIONS)
        lines += ["## Silenced", "", f"The rule does not run on a message where {said} (`unless: {', '.join(m.unless)}`).", ""]
    if m.lexicons:
        shown = ", ".join(f"`{n}`" for n in m.lexicons)
        lines += [
            "## Word lists",
            "",
            f"Reads the lexicons {shown} from `outreach_lint/rules/lexicons.yaml`. Add terms from your own pack with "
            "`lexicons: {NAME: {phrases: [...]}}` (see docs/writing-rules.md).",
            "",
        ]
    lines += ["## Flagged", ""]
    for e in m.examples.fail:
        lines += _example_lines(e)
    lines += ["## Not flagged", ""]
    for e in m.examples.passes:
        lines += _example_lines(e)
    if m.docs.sources:
        lines += ["## Sources", "", m.docs.sources, ""]
    return "\n".join(lines).rstrip() + "\n"


def _example_lines(e: Example) -> list[str]:
    """An example as the reader of the docs needs it: the options it runs with, the text, what --fix makes of it."""
    lines = []
    if e.options:
        shown = ", ".join(f"`{k} = {_toml(v)}`" for k, v in e.options.items())
        lines += [f"With {shown}:", ""]
    lines += [_block(e.text), ""]
    if e.fixed is not None:
        lines += ["Fixed by --fix:", "", _block(e.fixed), ""]
    return lines


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value)
    return str(value)


def rule_summary(rule: Rule, enabled: bool) -> dict[str, Any]:
    """A rule as data, for `outreach-lint rules --format json` and the HTTP service."""
    m = rule.meta
    return {
        "code": m.code, "name": m.name, "category": m.category, "summary": m.summary,
        "severity": m.severity.label, "enabled": enabled, "stability": m.stability, "origin": m.origin,
        "source": m.source,
        "regions": list(m.regions), "requires": sorted(m.requires), "profiles": list(m.profiles),
        "options": {
            k: {"default": f.default, "type": str(f.annotation), "description": f.description or ""}
            for k, f in m.options.model_fields.items()
        },
        "docs": {"what": m.docs.what, "why": m.docs.why, "example": m.docs.example, "instead": m.docs.instead,
                 "fix_safety": m.docs.fix_safety, "sources": m.docs.sources},
        "examples": {"fail": [e.text for e in m.examples.fail], "pass": [e.text for e in m.examples.passes]},
    }


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


def profiles_markdown(rules: list[Rule]) -> str:
    """docs/profiles.md: what each profile runs, and the thresholds and severities it changes."""
    lines = [
        "# Profiles",
        "",
        "Generated by `python -m outreach_lint.docs docs/rules`. A profile says what kind of message is being "
        "linted. It decides which rules run and adjusts their thresholds and severities. Choose it with "
        "`profile` in the config, `--profile` on the command line, `profile:` in a draft's front matter, or a "
        "`profile` field in JSON records (the message's own setting wins), or leave it to `auto`.",
        "",
        "Your own `[tool.outreach-lint.rules.CODE]` options and `[tool.outreach-lint.severity]` entries win "
        "over a profile's values.",
        "",
        "## auto",
        "",
        *AUTO_DOCS,
        "",
    ]
    for p in PROFILES.values():
        running = [r.meta.code for r in rules if p.name in r.meta.profiles and r.meta.category != "engine"]
        skipped = [r.meta.code for r in rules if p.name not in r.meta.profiles and r.meta.category != "engine"]
        lines += [f"## {p.name}", "", p.summary, "", f"- Runs: {', '.join(running)}"]
        if skipped:
            lines.append(f"- Does not run: {', '.join(skipped)}")
        for code, values in p.options.items():
            shown = ", ".join(f"`{k.replace('_', '-')}` = {v}" for k, v in values.items())
            lines.append(f"- {code}: {shown}")
        for code, severity in p.severity.items():
            lines.append(f"- {code} severity: {severity.label}")
        if p.sources:
            lines += ["", "Where the numbers come from:", ""]
            lines += [f"- {src}" for src in p.sources]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


if __name__ == "__main__":  # pragma: no cover - regenerates docs/rules
    import sys
    from pathlib import Path

    from .engine import Linter

    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/rules")
    target.mkdir(parents=True, exist_ok=True)
    for stale in target.glob("*.md"):
        stale.unlink()
    all_rules = list(Linter().registry)
    for name, content in rule_docs_files(all_rules).items():
        (target / name).write_text(content, encoding="utf-8")
    (target.parent / "profiles.md").write_text(profiles_markdown(all_rules), encoding="utf-8")
