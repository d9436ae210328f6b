"""Difficulty from pass rates: a prompt's share of decided candidates the verifier passed, and its band.

Only decided verdicts count: a verifier that abstained, could not read the gold or its tests, or whose
run timed out or broke said nothing about the candidate, so it neither raises nor lowers the rate. A
reply that ran out of tokens inside its reasoning did fail (the model did not answer within its budget).
"""

from __future__ import annotations

from collections.abc import Iterable

# Outcomes that decide nothing about the candidate (every verifier's names for "I cannot tell").
UNDECIDED = frozenset({"error", "timeout", "ambiguous", "judge_unclear", "bad_gold", "bad_test"})

# (band, highest pass rate in it), in order; 0 and 1 are bands of their own: a prompt never solved, or
# always solved, carries no signal for preference or RL data.
BANDS = (("unsolved", 0.0), ("hard", 1 / 3), ("medium", 2 / 3), ("easy", 1.0 - 1e-9), ("always_solved", 1.0))
BAND_NAMES = tuple(name for name, _ in BANDS)


def decided_pass_rate(verdicts: Iterable[tuple[bool, str]]) -> tuple[float | None, int]:
    """(passed / decided, decided) over (passed, outcome) verdicts: None when none decided anything."""
    decided = [passed for passed, outcome in verdicts if passed or outcome not in UNDECIDED]
    return (round(sum(decided) / len(decided), 4) if decided else None), len(decided)


def band(pass_rate: float | None) -> str | None:
    """The difficulty band of a pass rate; None when there is no rate."""
    if pass_rate is None:
        return None
    return next(name for name, top in BANDS if pass_rate <= top)


def in_range(pass_rate: float | None, keep: tuple[float, float]) -> bool:
    """Whether a prompt is kept under keep_pass_rate [lo, hi] (both ends included)."""
    return pass_rate is not None and keep[0] <= pass_rate <= keep[1]
