"""A judge is checked before it is trusted. A contamination judge that answers "same" to everything turns
the semantic stage into a bare similarity threshold (the bundled 135M and 270M models do exactly that),
so before its verdicts count it answers a small built-in set of pairs known to be the same problem or
known to differ (data/decontam_judge_calibration.jsonl: rewordings and look-alikes of HumanEval items,
against the item's own description). A judge that cannot tell them apart is not used: the stage runs on
evidence instead, and says so.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import orjson

MIN_BALANCED_ACCURACY = 0.8  # the mean of its accuracy on same pairs and on different pairs


@lru_cache(maxsize=1)
def calibration_pairs() -> list[dict]:
    text = (resources.files("synthloom") / "data" / "decontam_judge_calibration.jsonl").read_bytes()
    return [orjson.loads(line) for line in text.splitlines() if line.strip()]


@dataclass
class Calibration:
    same_right: int
    same_total: int
    different_right: int
    different_total: int

    @property
    def balanced_accuracy(self) -> float:
        return (self.same_right / self.same_total + self.different_right / self.different_total) / 2

    @property
    def trusted(self) -> bool:
        return self.balanced_accuracy >= MIN_BALANCED_ACCURACY

    def to_dict(self) -> dict:
        return {"trusted": self.trusted, "balanced_accuracy": round(self.balanced_accuracy, 3),
                "same_pairs_right": f"{self.same_right}/{self.same_total}",
                "different_pairs_right": f"{self.different_right}/{self.different_total}",
                "required": MIN_BALANCED_ACCURACY}

    def describe(self) -> str:
        verdict = "trusted" if self.trusted else "NOT trusted: its verdicts are not used, evidence decides"
        return (f"judge calibration: {self.same_right}/{self.same_total} same and {self.different_right}/"
                f"{self.different_total} different pairs right (balanced accuracy {self.balanced_accuracy:.2f}, "
                f"at least {MIN_BALANCED_ACCURACY} needed): {verdict}")


async def calibrate(judge) -> Calibration:
    """`judge(text, benchmark_text)` -> True when it says they are the same problem."""
    pairs = calibration_pairs()
    answers = await asyncio.gather(*(judge(p["first"], p["second"]) for p in pairs))
    same = [answer is True for p, answer in zip(pairs, answers, strict=True) if p["same"]]
    different = [answer is not True for p, answer in zip(pairs, answers, strict=True) if not p["same"]]
    return Calibration(sum(same), len(same), sum(different), len(different))
