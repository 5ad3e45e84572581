"""RD001: copy a little above the target grade is a note; copy well above it is a warning."""

from __future__ import annotations

from outreach_lint import Linter

PLAIN = (
    "Hi Dana,\n\nYour Leeds warehouse opened a second receiving dock in March, and the evening shift now takes most "
    "of the inbound pallets. When two docks share one scanning station, counts tend to fall behind by Thursday. "
    "Supervisors then reconcile the paperwork by hand after each delivery, which takes most of Friday. Our "
    "handheld scanners record every pallet at the door and update the stock sheet at once. Teams in two similar "
    "warehouses stopped the Friday reconciliation within a month of starting. Would a short demonstration on "
    "Tuesday morning help your supervisors decide?\n\nSam"
)
HARD = PLAIN.replace(
    "Supervisors then reconcile the paperwork by hand after each delivery, which takes most of Friday.",
    "Consequently, supervisory personnel subsequently reconcile documentation manually following individual "
    "deliveries, necessitating considerable administrative effort throughout Friday.",
).replace(
    "Teams in two similar warehouses stopped the Friday reconciliation within a month of starting.",
    "Organisations operating comparable distribution infrastructures discontinued supplementary "
    "reconciliation procedures approximately one month following implementation.",
)


def _grade_finding(linter: Linter, body: str):
    report = linter.lint_message(body=body, profile="cold-email")
    found = [d for d in report.diagnostics if d.code == "RD001"]
    return report.metrics["reading_grade"], found


def test_a_grade_just_above_the_target_is_a_note(linter: Linter) -> None:
    grade, found = _grade_finding(linter, PLAIN)
    assert 8 < grade <= 10
    assert [d.severity.name for d in found] == ["INFO"]


def test_a_grade_well_above_the_target_is_a_warning(linter: Linter) -> None:
    grade, found = _grade_finding(linter, HARD)
    assert grade > 10
    assert [d.severity.name for d in found] == ["WARNING"]


def test_the_band_follows_max_grade(tmp_path) -> None:
    from outreach_lint.config import Config

    # With max-grade 6 the same plain copy is more than two grades over: a warning.
    strict = Linter(Config(rules={"RD001": {"max-grade": 6}}))
    _, found = _grade_finding(strict, PLAIN)
    assert [d.severity.name for d in found] == ["WARNING"]
