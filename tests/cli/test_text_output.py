"""The text format's source excerpt: leading indentation dropped, long lines cut around the finding,
and carets under exactly the flagged characters in terminal columns (wide characters take two)."""

from __future__ import annotations

import unicodedata

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from outreach_lint import Diagnostic, Report, Severity
from outreach_lint.cli import main
from outreach_lint.diagnostics import Position
from outreach_lint.engine import RunResult
from outreach_lint.formatters import OutputOptions, get_formatter
from outreach_lint.registry import Registry

LIMIT = 100  # the widest excerpt the text format shows, in columns (ellipses included)


def columns(ch: str) -> int:
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def render(line: str, start: int, end: int) -> tuple[str, str]:
    """The shown source line and the caret line (both without the gutter) for a finding on ``line``."""
    diagnostic = Diagnostic(
        "PC002", "self-praise", "product-centric", Severity.WARNING, "praise", Position(start, 1, start + 1),
        Position(end, 1, end + 1), line[start:end], "body",
    )
    report = Report("a.txt", None, (diagnostic,), source=line)
    text = get_formatter("text")(RunResult((report,), (), 1), Registry([]), OutputOptions())
    rows = text.splitlines()
    at = next(i for i, row in enumerate(rows) if row.startswith("     1 | "))
    return rows[at][len("     1 | ") :], rows[at + 1][len("     1 | ") :]


# Letters, CJK, emoji, combining marks, spaces; no line breaks (one source line).
CHARS = st.one_of(
    st.characters(whitelist_categories=("L", "N", "P", "Zs", "Mn", "So")),
    st.sampled_from(["漢", "字", "ｶ", "🎉", "🚀", "e\u0301", "  ", "\t", "a"]),
).filter(lambda c: c != "…")  # the ellipsis marks where the format cut the line


@settings(max_examples=300, deadline=None)
@given(line=st.lists(CHARS, max_size=400).map("".join).filter(lambda s: "\n" not in s and "\r" not in s), data=st.data())
def test_carets_sit_under_the_flagged_characters(line: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(line)))
    end = data.draw(st.integers(start, len(line)))
    shown, carets = render(line, start, end)
    pad = len(carets) - len(carets.lstrip(" "))
    width = len(carets) - pad
    assert set(carets[pad:]) == {"^"} and width >= 1
    assert sum(columns(c) for c in shown) <= LIMIT
    # The characters whose columns the carets cover are the flagged ones (their shown part if cut).
    col, under = 0, ""
    for ch in shown:
        if pad <= col < pad + width:
            under += ch
        col += columns(ch)
    visible = lambda text: "".join(c for c in text if columns(c))  # noqa: E731
    flagged = visible(line[start:end].replace("\t", " "))
    if under.endswith("…"):
        assert flagged.startswith(visible(under[:-1]))  # the line was cut inside the finding
    elif flagged:
        assert visible(under) == flagged
    # Indentation never shows, and what is shown between the ellipses is the line's own text.
    body = shown.removeprefix("…").removesuffix("…")
    assert body in line.replace("\t", " ")
    if not shown.startswith("…") and line[:start].strip():
        assert not shown[:1].isspace()


def test_an_indented_html_line_is_shown_without_its_indentation(tmp_path) -> None:
    long_line = " " * 64 + "<p>Hi Dana,</p><p>" + "Our analysts review the reports every Monday morning. " * 4 + "We are the industry-leading provider.</p>"
    (tmp_path / "a.html").write_text(f"<html><body>\n{long_line}\n</body></html>\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "a.html"), "--format", "text", "--select", "PC002"])
    rows = result.output.splitlines()
    at = next(i for i, row in enumerate(rows) if "PC002" in row)
    source, carets = rows[at + 1], rows[at + 2]
    assert source.startswith("     2 | …") and "    " not in source.split(" | ", 1)[1]
    assert len(source) <= len("     2 | ") + LIMIT
    assert carets.strip(" |") == "^" * len("industry-leading")
    assert source[carets.index("^") : carets.index("^") + len("industry-leading")] == "industry-leading"


def test_carets_after_wide_characters_count_columns(tmp_path) -> None:
    (tmp_path / "a.txt").write_text("Hi Dana,\n\n我们是 🚀 the industry-leading provider.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "a.txt"), "--format", "text", "--select", "PC002"])
    rows = result.output.splitlines()
    at = next(i for i, row in enumerate(rows) if "PC002" in row)
    source, carets = rows[at + 1].split(" | ", 1)[1], rows[at + 2].split("| ", 1)[1]
    pad = len(carets) - len(carets.lstrip())
    assert pad == sum(columns(c) for c in source[: source.index("industry")])
    assert carets.strip() == "^" * 16
