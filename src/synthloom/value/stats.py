"""The experiment's statistics, all paired over the same held-out problems.

- `mcnemar_exact`: the primary test for one seed (two-sided exact binomial test on the discordant
  problems: solved by one arm only).
- `sign_flip_test`: the same test over several seeds: each problem's score difference averaged over the
  seeds, signs flipped at random. With one seed its differences are -1, 0 or +1 and it is McNemar's exact
  test, estimated by resampling.
- `mcnemar_power` / `smallest_detectable`: the power of the exact test for a true difference, given the
  number of problems and the share of discordant ones (Connor's setting: the discordance is fixed,
  the difference moves the split between the two kinds of discordant problem).
- `hierarchical_bootstrap`: seeds and problems resampled together, so an interval holds the training
  noise between seeds as well as the choice of problems.
- `bootstrap`: pass@1 per arm with percentile intervals, and paired differences (one seed).
"""

from __future__ import annotations

import functools
import math
import random
import statistics


def interval(samples: list[float], confidence: float) -> tuple[float, float]:
    ordered = sorted(samples)
    tail = (1 - confidence) / 2
    return ordered[int(tail * (len(ordered) - 1))], ordered[int(round((1 - tail) * (len(ordered) - 1)))]


def _log_binom_pmf(k: int, n: int, p: float) -> float:
    if p <= 0:
        return 0.0 if k == 0 else -math.inf
    if p >= 1:
        return 0.0 if k == n else -math.inf
    return (math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1) + k * math.log(p)
            + (n - k) * math.log1p(-p))


def binom_two_sided(k: int, n: int) -> float:
    """Exact two-sided p-value of k successes in n trials at p = 1/2 (twice the smaller tail, at most 1)."""
    if n == 0:
        return 1.0
    tail = sum(math.exp(_log_binom_pmf(i, n, 0.5)) for i in range(0, min(k, n - k) + 1))
    return min(1.0, 2 * tail)


def mcnemar_exact(a: list[bool], b: list[bool]) -> dict[str, float]:
    """{a_only, b_only, p_value}: the exact McNemar test of arm a against arm b on the same problems."""
    a_only = sum(x and not y for x, y in zip(a, b, strict=True))
    b_only = sum(y and not x for x, y in zip(a, b, strict=True))
    return {"a_only": a_only, "b_only": b_only, "discordant": a_only + b_only,
            "p_value": binom_two_sided(a_only, a_only + b_only)}


def sign_flip_test(differences: list[float], resamples: int, seed: int) -> float:
    """Two-sided p-value that the mean of per-problem paired differences is zero (random sign flips)."""
    import numpy as np

    nonzero = np.array([d for d in differences if d], dtype=float)
    observed = abs(float(nonzero.sum()))
    rng = np.random.default_rng(seed)
    beyond, left = 0, resamples
    while left:  # in chunks, so memory stays small for many problems
        chunk = min(left, 2000)
        signs = rng.integers(0, 2, size=(chunk, nonzero.size)) * 2 - 1
        beyond += int((np.abs(signs @ nonzero) >= observed - 1e-9).sum())
        left -= chunk
    return (beyond + 1) / (resamples + 1)


@functools.lru_cache(maxsize=100_000)
def _lower_cutoff(discordant: int, alpha: float) -> int:
    """The largest count c of one kind of discordant problem (of `discordant`) that the exact two-sided test
    rejects at alpha (by symmetry it also rejects discordant - c and beyond); -1 when none is rejected."""
    cutoff, tail = -1, 0.0
    for k in range(discordant // 2 + 1):
        tail += math.exp(_log_binom_pmf(k, discordant, 0.5))
        if 2 * tail > alpha:
            break
        cutoff = k
    return cutoff


def mcnemar_power(problems: int, discordance: float, difference: float, alpha: float = 0.05) -> float:
    """Power of the exact two-sided McNemar test for a true pass@1 difference, over `problems` paired
    problems of which a share `discordance` is solved by exactly one arm."""
    difference = abs(difference)
    if discordance <= 0 or difference > discordance:
        return 0.0
    share = (discordance + difference) / (2 * discordance)  # of the discordant problems, the better arm's
    power = 0.0
    for d in range(problems + 1):
        weight = math.exp(_log_binom_pmf(d, problems, discordance))
        if weight < 1e-12:
            continue
        c = _lower_cutoff(d, alpha)
        if c < 0:
            continue
        power += weight * sum(math.exp(_log_binom_pmf(k, d, share)) + math.exp(_log_binom_pmf(d - k, d, share))
                              for k in range(c + 1))
    return min(1.0, power)


def smallest_detectable(problems: int, discordance: float, power: float = 0.8, alpha: float = 0.05) -> float:
    """The smallest true difference (to 0.001) the exact test finds with the given power."""
    low, high = 0.0, discordance
    if mcnemar_power(problems, discordance, high * 0.999, alpha) < power:
        return math.inf
    while high - low > 0.0005:
        middle = (low + high) / 2
        low, high = (middle, high) if mcnemar_power(problems, discordance, middle, alpha) < power else (low, middle)
    return round(high, 3)


def problems_needed(discordance: float, difference: float, power: float = 0.8, alpha: float = 0.05) -> int | None:
    """Paired problems needed for the power (Connor's normal approximation to McNemar's test); None when
    the difference is zero or not below the discordance (then no number of problems is meaningful)."""
    from statistics import NormalDist

    if difference <= 0 or difference >= discordance:
        return None
    z_a, z_b = NormalDist().inv_cdf(1 - alpha / 2), NormalDist().inv_cdf(power)
    return math.ceil((z_a * math.sqrt(discordance) + z_b * math.sqrt(discordance - difference ** 2)) ** 2
                     / difference ** 2)


def mean_sd(values: list[float]) -> tuple[float, float]:
    """Mean and sample standard deviation (0 with one value)."""
    return statistics.fmean(values), statistics.stdev(values) if len(values) > 1 else 0.0


def hierarchical_bootstrap(per_seed: list[list[float]], *, resamples: int, confidence: float,
                           seed: int) -> tuple[float, float]:
    """Interval of the mean of per_seed[s][i] (seed s, problem i) with seeds and problems resampled
    together: each resample draws the seeds with replacement and the problems with replacement, and
    averages the chosen seeds' scores on the chosen problems."""
    import numpy as np

    scores = np.array(per_seed, dtype=float)
    seeds, n = scores.shape
    rng = np.random.default_rng(seed)
    seed_counts = rng.multinomial(seeds, [1 / seeds] * seeds, size=resamples)
    problem_counts = rng.multinomial(n, [1 / n] * n, size=resamples)
    means = np.einsum("rs,sn,rn->r", seed_counts, scores, problem_counts) / (seeds * n)
    return interval([float(m) for m in means], confidence)


def bootstrap(results: dict[str, list[bool]], *, resamples: int, confidence: float, seed: int,
              pairs: list[tuple[str, str]]) -> dict[str, dict[str, float]]:
    """{arm: {pass_at_1, low, high}} and {"a - b": {difference, low, high}} for each pair."""
    n = len(next(iter(results.values())))
    rng = random.Random(seed)
    draws = [[rng.randrange(n) for _ in range(n)] for _ in range(resamples)]
    out: dict[str, dict[str, float]] = {}
    for arm, solved in results.items():
        means = [sum(solved[i] for i in draw) / n for draw in draws]
        low, high = interval(means, confidence)
        out[arm] = {"pass_at_1": sum(solved) / n, "low": low, "high": high, "solved": sum(solved), "problems": n}
    for a, b in pairs:
        diffs = [sum(results[a][i] - results[b][i] for i in draw) / n for draw in draws]
        low, high = interval(diffs, confidence)
        out[f"{a} - {b}"] = {"difference": (sum(results[a]) - sum(results[b])) / n, "low": low, "high": high}
    return out
