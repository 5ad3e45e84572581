"""Blanks a writer leaves for a person to fill ("[insert company here]", "INSERT PLAN NAME HERE", "___").

They are merge fields no sending tool fills: MF001 reports them in a rendered message, a template keeps
them, and the parser reads them as one neutral word either way.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from outreach_lint import Linter

BODY = "Hi Dana,\n\n{line}\n\nCould we talk Tuesday at 10 about counting stock across both sites?\n\nBest,\nSam\n"


def _unfilled(linter: Linter, line: str, mode: str = "rendered") -> list[str]:
    report = linter.lint_message(body=BODY.format(line=line), mode=mode, profile="cold-email")
    return [report_text for report_text in (d.message for d in report.diagnostics if d.code == "MF001")]


@pytest.mark.parametrize(
    ("line", "blank"),
    [
        ("I saw that [insert company here] opened a site.", "[insert company here]"),
        ("I saw that [their latest launch] went well.", "[their latest launch]"),
        ("I saw that <company name> opened a site.", "<company name>"),
        ("I saw that (Company) opened a site.", "(Company)"),
        ("Our INSERT PLAN NAME HERE counts stock twice as fast.", "INSERT PLAN NAME HERE"),
        ("Welcome to COMPANY NAME HERE, the home of stock counts.", "COMPANY NAME HERE"),
        ("Our new xxxx service counts stock.", "xxxx"),
        ("It saves ___ hours a week.", "___"),
    ],
)
def test_a_writers_blank_is_unfilled_in_a_rendered_message(linter: Linter, line: str, blank: str) -> None:
    assert _unfilled(linter, line) == [f"unfilled merge field {blank}"]
    assert _unfilled(linter, line, mode="template") == []


@pytest.mark.parametrize(
    "line",
    [
        "CLICK HERE to see the stock report.",
        "Ticket XXX-4410 is fixed.",
        "Write to xxx@example.com with questions.",
        "__________",
        "We met at the <b>meetup</b> in Leeds.",
        "Stock counts [1] take a week.",
        "See <<First Name>> for details.",
    ],
)
def test_words_that_only_look_like_blanks_are_left_alone(linter: Linter, line: str) -> None:
    assert _unfilled(linter, line) == []


def test_a_blank_reads_as_one_word_to_the_parser(linter: Linter) -> None:
    # Capitals left for the writer are not shouting (TN002) once they are a blank.
    line = "The INSERT PLAN NAME HERE tier and INSERT SERVICE NAME help COMPANY NAME HERE teams count stock."
    report = linter.lint_message(body=BODY.format(line=line), mode="template", profile="cold-email")
    assert "TN002" not in {d.code for d in report.diagnostics}


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="xX_ -@.\n[]()<>INSERTHEcompanyname", max_size=60))
def test_any_run_of_blank_characters_maps_back_to_the_text(linter: Linter, line: str) -> None:
    body = BODY.format(line=line)
    report = linter.lint_message(body=body, mode="rendered", profile="cold-email")
    for d in report.diagnostics:
        if d.code == "MF001":
            assert body[d.start.field_offset : d.end.field_offset] in d.message
