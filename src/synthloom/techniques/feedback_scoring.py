"""Turning a feedback model's multiple-choice answer into a soft preference label (Bai et al., 2022)."""

from __future__ import annotations

import math
import re

_CHOICE = re.compile(r"^\W*([ab])\W*$", re.IGNORECASE)
COT_CLAMP = (0.4, 0.6)  # chain-of-thought answers are overconfident; the paper clamped them to 40-60%


def probability_first(top: dict[str, float] | None) -> float | None:
    """P(the first option, (A)) from one position's top logprobs, normalized over (A) and (B).
    None when neither choice token is among the candidates."""
    best: dict[str, float] = {}
    for token, logprob in (top or {}).items():
        match = _CHOICE.match(token or "")
        if match and logprob is not None:
            letter = match.group(1).lower()
            best[letter] = max(best.get(letter, -math.inf), logprob)
    if not best:
        return None
    a, b = math.exp(best.get("a", -math.inf)), math.exp(best.get("b", -math.inf))
    return a / (a + b)


def probability_first_from_votes(answers: list[str]) -> float | None:
    """The share of sampled answers that chose (A), among those that chose at all."""
    votes = [m.group(1).lower() for m in (_CHOICE.match(a.strip()[:3]) for a in answers) if m]
    return votes.count("a") / len(votes) if votes else None


def clamp(p: float, bounds: tuple[float, float] = COT_CLAMP) -> float:
    return min(max(p, bounds[0]), bounds[1])


def combine_orders(p_first_when_x_first: float, p_first_when_y_first: float) -> float:
    """P(x is better) from asking with x shown as (A), then with y shown as (A). A judge that always
    prefers (A) gives p and p, which combine to exactly 0.5: its position bias cancels out."""
    return (p_first_when_x_first + (1 - p_first_when_y_first)) / 2
