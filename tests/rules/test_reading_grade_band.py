"""RD001: the reading grade is a note by default, however far above the target; a team can make it a warning."""

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


def test_a_grade_well_above_the_target_is_still_a_note_by_default(linter: Linter) -> None:
    grade, found = _grade_finding(linter, HARD)
    assert grade > 10
    assert [d.severity.name for d in found] == ["INFO"]


def _as_warning(**options: float) -> Linter:
    from outreach_lint.config import Config
    from outreach_lint.diagnostics import Severity

    return Linter(Config(severity={"RD001": Severity.WARNING}, rules={"RD001": options} if options else {}))


def test_raised_to_a_warning_every_grade_above_the_target_is_a_warning() -> None:
    for body in (PLAIN, HARD):
        _, found = _grade_finding(_as_warning(), body)
        assert [d.severity.name for d in found] == ["WARNING"]


def test_under_max_grade_nothing_is_said() -> None:
    grade, found = _grade_finding(_as_warning(**{"max-grade": 18}), HARD)
    assert grade <= 18
    assert found == []
