"""Inline suppression and user rule packs."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from outreach_lint import Linter
from outreach_lint.config import Config, ConfigError, load_config
from outreach_lint.engine import load_linter

from ..conftest import codes

PRAISE = "Our world-class team. Worth a chat?"


@pytest.mark.parametrize(
    "text,expected",
    [
        (f"<!-- outreach-lint: disable=PC002 -->\n{PRAISE}\n", []),
        (f"<!-- outreach-lint: disable -->\n{PRAISE}\n", []),
        (f"<!-- outreach-lint: disable-next=self-praise -->\n{PRAISE}\n", []),
        (f"<!-- outreach-lint: disable-next=PC002 -->\nHi Sam,\n\n{PRAISE}\n", ["OL001", "PC002"]),
        (f"<!-- outreach-lint: disable=PC -->\n{PRAISE}\n<!-- outreach-lint: enable=PC -->\n\n{PRAISE}\n", ["PC002"]),
        (f"{PRAISE}\n<!-- outreach-lint: disable-file=PC002 -->\n", []),
        (f"<!-- outreach-lint: disable=PR001 -->\n{PRAISE}\n", ["OL001", "PC002"]),
        (f"<!-- outreach-lint: disabel=PC002 -->\n{PRAISE}\n", ["OL002", "PC002"]),
        (f"<!-- outreach-lint: disable=PC02 -->\n{PRAISE}\n", ["OL002", "PC002"]),
        (f"---\noutreach-lint: disable-file=PC002\n---\n{PRAISE}\n", []),
    ],
)
def test_directives(linter: Linter, text: str, expected: list[str]) -> None:
    assert sorted(codes(linter.lint_text(text, "markdown"))) == expected


def test_malformed_directive_message_suggests(linter: Linter) -> None:
    r = linter.lint_text(f"<!-- outreach-lint: disable=PC02 -->\n{PRAISE}\n", "markdown")
    d = next(d for d in r.diagnostics if d.code == "OL002")
    assert "did you mean" in d.message and d.excerpt.startswith("<!--")


def test_per_file_ignores_and_severity(tmp_path: Path) -> None:
    cfg = tmp_path / "pyproject.toml"
    cfg.write_text(
        '[tool.outreach-lint]\nseverity = {PC002 = "error"}\n\n[tool.outreach-lint.per-file-ignores]\n"legacy/*" = ["PC"]\n'
    )
    (tmp_path / "legacy").mkdir()
    (tmp_path / "legacy" / "a.txt").write_text(PRAISE)
    (tmp_path / "b.txt").write_text(PRAISE)
    linter = Linter(load_config(cfg))
    result = linter.lint_paths([tmp_path])
    by_path = {Path(r.path).name: r for r in result.reports}
    assert codes(by_path["a.txt"]) == []
    assert [d.severity.label for d in by_path["b.txt"].diagnostics] == ["error"]


def test_user_pack_from_config(tmp_path: Path) -> None:
    pack = tmp_path / "house.yaml"
    pack.write_text(
        """
pack: house
rules:
  - code: HS001
    name: no-synergy
    kind: phrase
    summary: Say what you mean instead of synergy.
    message: "'{match}' says nothing"
    phrases: [synergy]
    docs: {what: Flags synergy., why: It means nothing to the reader., example: Great synergy., instead: Name the benefit.}
    examples:
      fail: ["There is real synergy here. Worth a chat?"]
      pass: ["Your team could ship twice as often. Worth a chat?"]
"""
    )
    (tmp_path / "outreach-lint.toml").write_text('packs = ["house.yaml"]\n')
    linter = Linter(load_config(tmp_path / "outreach-lint.toml"))
    assert "HS001" in codes(linter.lint_message(body="There is real synergy here. Worth a chat?"))


@pytest.mark.parametrize(
    "body,expect",
    [
        ("pack: x\nrules:\n  - code: HS001\n    name: a\n    kind: phrase\n", "rule HS001 field 'summary': Field required"),
        ("pack: x\nrules:\n  - code: HS001\n    name: a\n    kind: pattern\n    summary: s\n    message: m\n    patterns: [[{LOWERR: x}]]\n"
         "    docs: {what: a, why: b, example: c, instead: d}\n    examples: {fail: [a], pass: [b]}\n", "rule HS001 field 'patterns.0'"),
        ("pack: x\nrules:\n  - code: HS001\n    name: a\n    kind: phrase\n    summary: s\n    message: m\n    phrases: [x]\n    colour: red\n"
         "    docs: {what: a, why: b, example: c, instead: d}\n    examples: {fail: [a], pass: [b]}\n", "field 'colour': unknown key"),
        ("pack: x\nrules: [\n", "invalid YAML"),
        ("pack: x\nrules:\n  - code: PC001\n    name: dup\n    kind: phrase\n    summary: s\n    message: m\n    phrases: [x]\n"
         "    docs: {what: a, why: b, example: c, instead: d}\n    examples: {fail: [a], pass: [b]}\n", "duplicate rule code 'PC001'"),
    ],
)
def test_broken_pack_is_a_clear_error(tmp_path: Path, body: str, expect: str) -> None:
    pack = tmp_path / "broken.yaml"
    pack.write_text(body)
    with pytest.raises(ConfigError) as info:
        load_linter(Config(packs=(pack,)))
    message = str(info.value)
    assert "broken.yaml" in message or "duplicate" in message
    assert expect in message and "\n" not in message


def test_a_pack_extends_a_builtin_lexicon(tmp_path: Path) -> None:
    (tmp_path / "words.yaml").write_text(
        "pack: house-words\nlexicons:\n  pleasantry:\n    phrases: [trust you had a restful break]\n", encoding="utf-8"
    )
    (tmp_path / "outreach-lint.toml").write_text('packs = ["words.yaml"]\n')
    body = "Hi Sam,\n\nTrust you had a restful break. Your team is hiring. Worth a chat?\n"
    assert "PC004" not in codes(Linter().lint_text(body))
    assert "PC004" in codes(Linter(load_config(tmp_path / "outreach-lint.toml")).lint_text(body))


def test_a_bad_lexicon_name_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("pack: x\nlexicons:\n  Bad_Name:\n    phrases: [x]\n", encoding="utf-8")
    (tmp_path / "outreach-lint.toml").write_text('packs = ["bad.yaml"]\n')
    with pytest.raises(ConfigError, match="kebab-case"):
        load_linter(load_config(tmp_path / "outreach-lint.toml"))


def test_every_shipped_pattern_passes_spacys_validator() -> None:
    """Shipped packs skip the validator at start-up (it costs most of a second); this is why they may."""
    from outreach_lint.packs.builtin import builtin_pack_paths
    from outreach_lint.packs.loader import read_pack, validate_patterns

    for path in builtin_pack_paths():
        validate_patterns(path, read_pack(path, trusted=True))


def _pattern_pack(tmp_path: Path) -> Path:
    """Two pattern rules that match the same spans; HS011 is written so that the engine keeps it as it is
    ("{0,1}" instead of "?", and an always-true length condition beside each set)."""
    pattern = (
        '[{LOWER: {IN: [we, our]}, OP: "?"}, {LOWER: {IN: [team, platform, team]}}, '
        '{IS_ALPHA: true, OP: "{0,2}"}, {LOWER: {IN: [helps, saves]}}, {LIKE_NUM: true, OP: "?"}]'
    )
    guarded = pattern.replace("{LOWER:", "{LENGTH: {'>=': 1}, LOWER:").replace('OP: "?"', 'OP: "{0,1}"')
    rules = []
    for code, pat in (("HS010", pattern), ("HS011", guarded)):
        rules.append(
            f"  - code: {code}\n    name: pitch-{code.lower()}\n    kind: pattern\n    summary: A pitch.\n"
            f"    message: \"'{{match}}' pitches\"\n    patterns: [{pat}]\n"
            "    docs: {what: a, why: b, example: c, instead: d}\n"
            "    examples: {fail: ['Our team helps.'], pass: ['You win.']}\n"
        )
    pack = tmp_path / "pitch.yaml"
    pack.write_text("pack: pitch\nrules:\n" + "".join(rules), encoding="utf-8")
    return pack


PITCH_WORDS = st.sampled_from(["we", "We", "our", "Our", "team", "platform", "helps", "saves", "you", "time", "3", "the", ".", ","])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(PITCH_WORDS, min_size=1, max_size=30))
def test_pattern_rules_match_the_same_spans_however_compiled(tmp_path: Path, words: list[str]) -> None:
    """The shared Matcher rewrites patterns for speed (a leading set becomes one pattern per value);
    a pattern it leaves as written must find exactly the same spans in any text."""
    linter = _pattern_linter(tmp_path)
    report = linter.lint_message(body="Hi Sam,\n\n" + " ".join(words) + "\n")
    spans = {code: [(d.start.offset, d.end.offset) for d in report.diagnostics if d.code == code] for code in ("HS010", "HS011")}
    assert spans["HS010"] == spans["HS011"]


_LINTERS: dict[str, Linter] = {}


def _pattern_linter(tmp_path: Path) -> Linter:
    if "pitch" not in _LINTERS:  # one linter for all examples: hypothesis reuses the fixture directory
        pack = _pattern_pack(tmp_path)
        _LINTERS["pitch"] = load_linter(Config(packs=(pack,), select=("HS010", "HS011")))
    return _LINTERS["pitch"]


def test_pattern_rules_find_optional_and_repeated_tokens(tmp_path: Path) -> None:
    report = _pattern_linter(tmp_path).lint_message(body="Hi Sam,\n\nOur team really helps 3 shops. The platform saves time.\n")
    assert [d.excerpt for d in report.diagnostics if d.code == "HS010"] == ["Our team really helps 3", "platform saves"]
