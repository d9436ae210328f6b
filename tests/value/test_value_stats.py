"""The experiment's statistics against values computed by hand, by scipy where installed, and by
simulation."""

from __future__ import annotations

import math
import random

import pytest

from synthloom.value.stats import (binom_two_sided, hierarchical_bootstrap, mcnemar_exact, mcnemar_power,
                                   problems_needed, sign_flip_test, smallest_detectable)


def test_exact_mcnemar_matches_the_hand_computed_binomial_tail():
    a = [True] * 10 + [False] * 5 + [True] * 20 + [False] * 30
    b = [False] * 10 + [True] * 5 + [True] * 20 + [False] * 30
    test = mcnemar_exact(a, b)
    # 10 problems solved by a only, 5 by b only: p = 2 * sum_{k<=5} C(15, k) / 2^15 = 2 * 4944 / 32768
    assert (test["a_only"], test["b_only"], test["discordant"]) == (10, 5, 15)
    assert test["p_value"] == pytest.approx(2 * 4944 / 32768)
    assert mcnemar_exact(a, a)["p_value"] == 1.0
    assert binom_two_sided(0, 10) == pytest.approx(2 / 1024)


@pytest.mark.slow  # importing scipy.stats alone takes seconds
def test_exact_mcnemar_matches_scipy():
    stats = pytest.importorskip("scipy.stats")
    for k, n in [(3, 40), (17, 30), (50, 100), (0, 7), (61, 90)]:
        assert binom_two_sided(k, n) == pytest.approx(stats.binomtest(k, n, 0.5).pvalue, rel=1e-9)


def test_sign_flip_test_with_one_seed_is_mcnemars_exact_test():
    differences = [1.0] * 10 + [-1.0] * 5 + [0.0] * 50
    assert sign_flip_test(differences, 20000, seed=0) == pytest.approx(2 * 4944 / 32768, abs=0.012)
    assert sign_flip_test([1.0] * 12, 5000, seed=0) < 0.001 * 2


def test_power_agrees_with_connors_formula_and_with_simulation():
    # The figures: 25% discordant problems, a true 5-point gain: ~780 problems for 80% power.
    assert problems_needed(0.25, 0.05) in range(775, 790)
    assert mcnemar_power(782, 0.25, 0.05) == pytest.approx(0.8, abs=0.03)
    low = mcnemar_power(218, 0.25, 0.05)
    assert 0.2 < low < 0.35 and mcnemar_power(400, 0.25, 0.05) > low
    rng, rejected, trials = random.Random(1), 0, 1500
    for _ in range(trials):  # simulated experiments: each problem a-only 15%, b-only 10%, else concordant
        a_only = b_only = 0
        for _ in range(218):
            u = rng.random()
            a_only, b_only = a_only + (u < 0.15), b_only + (0.15 <= u < 0.25)
        rejected += binom_two_sided(a_only, a_only + b_only) <= 0.05
    assert rejected / trials == pytest.approx(low, abs=0.035)


def test_smallest_detectable_difference_is_where_the_power_crosses():
    smallest = smallest_detectable(218, 0.25)
    assert mcnemar_power(218, 0.25, smallest) >= 0.8 > mcnemar_power(218, 0.25, smallest - 0.005)
    assert smallest_detectable(500, 0.25) < smallest
    assert math.isinf(smallest_detectable(5, 0.25))


def test_the_bootstrap_over_seeds_holds_the_training_noise():
    same = [[1.0, 0.0] * 50, [1.0, 0.0] * 50]
    low, high = hierarchical_bootstrap(same, resamples=1000, confidence=0.95, seed=0)
    assert low < 0.5 < high and high - low < 0.25
    apart = [[0.0] * 100, [1.0] * 100]  # the seeds disagree on everything; the problems add no noise
    low, high = hierarchical_bootstrap(apart, resamples=1000, confidence=0.95, seed=0)
    assert (low, high) == (0.0, 1.0)
