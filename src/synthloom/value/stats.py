"""pass@1 with percentile-bootstrap confidence intervals, and paired differences between arms (the
same problems resampled for both arms, so a difference's interval is narrower than the arms' own)."""

from __future__ import annotations

import random


def interval(samples: list[float], confidence: float) -> tuple[float, float]:
    ordered = sorted(samples)
    tail = (1 - confidence) / 2
    return ordered[int(tail * (len(ordered) - 1))], ordered[int(round((1 - tail) * (len(ordered) - 1)))]


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
