"""Preference pairs from verification: a verified answer as chosen, a verified-wrong one for the same
prompt as rejected.

The rule, for each chosen answer in turn (each rejected text is used at most once per prompt):
1. Only verdicts that decided the candidate is wrong may be rejected. A wrong answer (`wrong_answer`,
   `fail`, `judged_fail`, `judged_wrong`, `schema_mismatch`) comes first; an answer the verifier could not
   read (`unparseable`, `no_json`, `no_match`) only when no wrong one is left: it teaches format more than
   correctness. Never an abstention, an ambiguous reading, an error, a timeout, bad gold or tests, or a
   reply whose reasoning never closed: none of those is known to be wrong (and a cut-off reply would
   teach the model that shorter is better).
2. Among those of the best tier, the one closest in length to the chosen (the smallest ratio between
   the two lengths, reasoning included): DPO learns length when the chosen answers are systematically
   longer or shorter than the rejected ones.
3. Ties go to the earlier draw, so the same run always makes the same pairs.
A rejected candidate whose text equals the chosen one is never used (a judge can disagree with itself).
"""

from __future__ import annotations

from dataclasses import dataclass

WRONG = frozenset({"wrong_answer", "fail", "judged_fail", "judged_wrong", "schema_mismatch"})
UNREADABLE = frozenset({"unparseable", "no_json", "no_match"})
RULE = "wrong before unreadable, then the closest length, then the earliest draw"


@dataclass(frozen=True)
class Reply:
    text: str  # what the length is measured on: reasoning and answer as a trainer would see them
    outcome: str


def tier(outcome: str) -> int | None:
    """0 for a wrong answer, 1 for an unreadable one, None for a verdict no pair may use."""
    return 0 if outcome in WRONG else 1 if outcome in UNREADABLE else None


def length_ratio(a: str, b: str) -> float:
    """How far apart two lengths are, as a ratio >= 1 (1: the same length)."""
    la, lb = max(len(a), 1), max(len(b), 1)
    return max(la, lb) / min(la, lb)


def pair_up(chosen: list[Reply], rejected: list[Reply]) -> list[int | None]:
    """For each chosen reply, the index of its rejected one in `rejected` (None: no eligible one left)."""
    used: set[str] = set()  # texts already paired: two identical wrong draws make one rejected, not two
    out: list[int | None] = []
    for good in chosen:
        eligible = [(t, length_ratio(good.text, bad.text), i) for i, bad in enumerate(rejected)
                    if (t := tier(bad.outcome)) is not None and bad.text.strip() not in used
                    and bad.text.strip() != good.text.strip()]
        if not eligible:
            out.append(None)
            continue
        best = min(eligible)[2]
        used.add(rejected[best].text.strip())
        out.append(best)
    return out
