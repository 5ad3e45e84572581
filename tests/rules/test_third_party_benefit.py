"""PC006: a benefit promised only to someone other than the reader."""

from __future__ import annotations

import pytest

from outreach_lint import Linter


def found(linter: Linter, text: str):
    return [d for d in linter.lint_text(text, "text", profile="cold-email").diagnostics if d.code == "PC006"]


@pytest.mark.parametrize(
    "text,party",
    [
        ("Hi Sam,\n\nOur scheduler helps recruiters fill shifts faster. Can we talk on Tuesday?\n", "recruiters"),
        ("Hi Jo,\n\nWe rebuilt the checkout. Your shoppers will love it. Worth a look?\n", "shoppers"),
        ("Hi Al,\n\nThe app allows students to hand in work from a phone. Would a demo help?\n", "students"),
    ],
)
def test_the_only_benefit_goes_to_someone_else(linter: Linter, text: str, party: str) -> None:
    [d] = found(linter, text)
    assert f"'{party}'" in d.message


@pytest.mark.parametrize(
    "text",
    [
        # The reader is the party.
        "Hi Sam,\n\nOur scheduler helps recruiters like you fill shifts faster. Can we talk on Tuesday?\n",
        # The reader's own people.
        "Hi Sam,\n\nOur scheduler helps your recruiters fill shifts. Can we talk on Tuesday?\n",
        # A second benefit, the reader's.
        "Hi Jo,\n\nYour shoppers will love the new checkout. You will also cut refund requests by half. Worth a look?\n",
        # An outcome for the reader's business in the same sentence.
        "Hi Al,\n\nIt cuts missed classes, because the app allows students to see changes. Would a demo help?\n",
        # The third party in a sentence that promises nothing.
        "Hi Kim,\n\nYour customers asked for a booking page last month. Is that still on your list?\n",
        # Something that happened, not a promise.
        "Hi Lee,\n\nLast year we helped nurses at two clinics. Who runs rotas at yours?\n",
    ],
)
def test_a_benefit_that_is_the_readers_too(linter: Linter, text: str) -> None:
    assert not found(linter, text)
