"""The rank-based AUC equals the pairwise definition; the bootstrap interval is reproducible and bounded."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from outreach_lint.evaluate import auc_interval, format_auc, roc_auc

scores = st.lists(st.integers(0, 100) | st.floats(-1e6, 1e6, allow_nan=False), min_size=1, max_size=40)


def pairwise_auc(good: list[float], bad: list[float]) -> float:
    wins = sum(1.0 if g > b else 0.5 if g == b else 0.0 for g in good for b in bad)
    return wins / (len(good) * len(bad))


@given(scores, scores)
def test_rank_based_auc_equals_the_pairwise_definition(good: list[float], bad: list[float]) -> None:
    assert roc_auc(good, bad) == pairwise_auc(good, bad)


@given(st.lists(st.integers(0, 10), min_size=1, max_size=15), st.lists(st.integers(0, 10), min_size=1, max_size=15))
def test_interval_is_reproducible_and_within_the_resampled_range(good: list[int], bad: list[int]) -> None:
    interval = auc_interval(good, bad, resamples=200)
    assert interval is not None
    lo, hi = interval
    assert 0.0 <= lo <= hi <= 1.0
    assert auc_interval(good, bad, resamples=200) == interval


def test_interval_of_a_separated_set_and_of_an_empty_side() -> None:
    assert auc_interval([5, 6, 7], [1, 2]) == (1.0, 1.0)
    assert auc_interval([1, 2], [5, 6, 7]) == (0.0, 0.0)
    assert auc_interval([], [1, 2]) is None


def test_a_thousand_resamples_of_three_hundred_messages_do_not_hang() -> None:
    import random
    import time

    rng = random.Random(7)
    good = [rng.randint(0, 100) for _ in range(150)]
    bad = [rng.randint(0, 100) for _ in range(150)]
    start = time.perf_counter()
    interval = auc_interval(good, bad, resamples=1000)
    assert time.perf_counter() - start < 5  # a hang guard: the quadratic definition took far longer
    auc = roc_auc(good, bad)
    assert interval is not None and auc is not None and interval[0] <= auc <= interval[1]


def test_printed_interval_is_rounded_outwards() -> None:
    # Rounded to the nearest, 0.9975 would print as 1.00 and seem to exclude the AUC of 0.999.
    assert format_auc(0.999, (0.9975, 1.0)) == "0.999 (90% CI 0.99-1.00)"
    assert format_auc(0.712, (0.621, 0.798)) == "0.712 (90% CI 0.62-0.80)"
    assert format_auc(0.5, (0.29, 0.71)) == "0.500 (90% CI 0.29-0.71)"  # exact cents stay put
    assert format_auc(None, None) == "-"
