"""Every pattern that runs on message text is linear-time, and means what its Python spelling means."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import outreach_lint.engine  # noqa: F401  (imports every module that compiles a pattern)
import outreach_lint.server  # noqa: F401
from outreach_lint import linear_regex
from outreach_lint.linear_regex import PatternError

PACKAGE = Path(linear_regex.__file__).parent
BACKTRACKING_ENGINES = {"re", "regex", "sre_compile", "sre_parse"}
# Python's regex parser, without its matcher: the pack schema reads a REGEX's parse tree to judge what
# spaCy will run. Nothing imported this way can match text.
PARSE_TREE_ONLY = {"re._parser", "re._constants"}


def _imports(path: Path) -> set[str]:
    """Top-level packages a module imports (a parse-tree-only import of ``re`` is not counted)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names if alias.name not in PARSE_TREE_ONLY)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = {f"{node.module}.{alias.name}" for alias in node.names}
            if not names <= PARSE_TREE_ONLY:
                found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_runs_a_backtracking_regex_engine(path: Path) -> None:
    """Patterns go through linear_regex (RE2): a module importing ``re`` or ``regex`` fails here."""
    used = _imports(path) & BACKTRACKING_ENGINES
    assert not used, f"{path.name} imports {used}: compile its patterns with outreach_lint.linear_regex instead"
    if path.name != "linear_regex.py":
        assert "re2" not in _imports(path), f"{path.name}: use linear_regex, which keeps Python's Unicode meaning"


@pytest.mark.parametrize(
    "pattern",
    [r"(a+)+(?=b)", r"(?<!x)y", r"(\w)\1", r"(?P<q>')(?P=q)", r"(?!a)b"],
)
def test_a_pattern_that_needs_backtracking_does_not_compile(pattern: str) -> None:
    with pytest.raises(PatternError):
        linear_regex.compile(pattern)


def test_every_registered_pattern_compiles_in_re2() -> None:
    """Module patterns reach RE2 on first use; each one must compile there, not only translate."""
    compiled = linear_regex.compile_registry()
    assert compiled == linear_regex.REGISTRY


def test_a_pattern_re2_refuses_fails_at_compile_or_on_first_use() -> None:
    # A repeat count over RE2's limit of 1000 translates, and only RE2 itself refuses it.
    with pytest.raises(PatternError, match="not a linear-time pattern"):
        linear_regex.compile(r"a{2000}", register=False)
    lazy = linear_regex.compile(r"a{2000}")
    try:
        with pytest.raises(PatternError, match="not a linear-time pattern"):
            lazy.search("a")
        with pytest.raises(PatternError):
            linear_regex.compile_registry()
    finally:
        linear_regex.REGISTRY.remove(lazy)


def test_the_registry_holds_the_patterns_of_every_module() -> None:
    sources = {p.pattern for p in linear_regex.REGISTRY}
    assert len(sources) >= 40
    assert any("wrote:" in s for s in sources)  # regions
    assert any("handlebars_raw" in s for s in sources)  # merge fields


# --- same meaning as Python's re on the texts these patterns see ---------------------------------

def _comparable(p: linear_regex.Pattern) -> bool:
    try:
        re.compile(p.pattern)
    except re.error:
        return False
    return True


PATTERNS = [p for p in dict.fromkeys(linear_regex.REGISTRY) if _comparable(p)]
PY_FLAGS = {linear_regex.I: re.I, linear_regex.M: re.M, linear_regex.S: re.S}


def _alphabet(pattern: str) -> str:
    own = {c for c in pattern if c.isprintable() and c != "\\"}
    if r"\b" in pattern:  # \b is an ASCII boundary (documented): compare on ASCII text
        own = {c for c in own if c.isascii()}
    return "".join(sorted(own | set(" \t\naA1.,:-_*[]{}")))


@pytest.mark.parametrize("compiled", PATTERNS, ids=lambda p: p.pattern[:40])
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_each_pattern_finds_what_python_re_finds(compiled: linear_regex.Pattern, data: st.DataObject) -> None:
    flags = 0
    for ours, theirs in PY_FLAGS.items():
        if compiled.flags & ours:
            flags |= theirs
    python = re.compile(compiled.pattern, flags)
    alphabet = _alphabet(compiled.pattern)
    pieces = st.sampled_from(sorted(set(re.findall(r"[A-Za-z]{2,}|\S", compiled.pattern)) | set(alphabet)))
    text = data.draw(st.one_of(st.text(alphabet, max_size=30), st.lists(pieces, max_size=12).map("".join)))
    expected = [m.span() for m in python.finditer(text)]
    got = [m.span() for m in compiled.finditer(text)]
    if got != expected and "$" in compiled.pattern and not flags & re.M:
        # Python's "$" stops before a final line break; ours matches it too (documented).
        expected = [(s, e + 1) if e == len(text) - 1 and text.endswith("\n") else (s, e) for s, e in expected]
    assert got == expected
    for m_ours, m_py in zip(compiled.finditer(text), python.finditer(text)):
        assert m_ours.groupdict() == m_py.groupdict() or "$" in compiled.pattern


@settings(max_examples=300, deadline=None)
@given(st.text("ab* _\n", max_size=24))
def test_markdown_single_star_emphasis_reads_as_the_old_regex_did(text: str) -> None:
    from outreach_lint.sources.text import _single_star_emphasis

    old = re.compile(r"(?<![\w*])\*(?=\S)(?P<inner2>[^*\n]+?)(?<=\S)\*(?!\*)")
    assert _single_star_emphasis(text, 0, len(text)) == [m.span() for m in old.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.text("[firstname ]\n,{}x", max_size=40))
def test_malformed_field_scan_reads_as_the_old_regex_did(text: str) -> None:
    from outreach_lint.rules.merge_fields.MF002 import broken_fields

    old = re.compile(
        r"<<[ \t]*[A-Za-z_][\w .-]{0,40}>>|\S*(?:\{|\}|\*\||\|\*)\S*"
        r"|\[(?:first|last|full|company|your)[ _]?name(?![^\]\n]*\])[^\s,.!?]*",
        re.I,
    )
    assert broken_fields(text) == [m.span() for m in old.finditer(text)]
