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
    """How a judge answered items whose answer is known: `positive` ones (it should say yes: the same
    problem, a good record) and `negative` ones. Balanced accuracy, so a judge that always says one
    thing scores 0.5 however the set is split."""

    positive_right: int
    positive_total: int
    negative_right: int
    negative_total: int
    labels: tuple[str, str] = ("same", "different")  # what the two kinds of item are called in reports
    untrusted_means: str = "its verdicts are not used, evidence decides"

    @property
    def balanced_accuracy(self) -> float:
        return (self.positive_right / self.positive_total + self.negative_right / self.negative_total) / 2

    @property
    def trusted(self) -> bool:
        return self.balanced_accuracy >= MIN_BALANCED_ACCURACY

    def to_dict(self) -> dict:
        positive, negative = self.labels
        return {"trusted": self.trusted, "balanced_accuracy": round(self.balanced_accuracy, 3),
                f"{positive}_pairs_right": f"{self.positive_right}/{self.positive_total}",
                f"{negative}_pairs_right": f"{self.negative_right}/{self.negative_total}",
                "required": MIN_BALANCED_ACCURACY}

    def describe(self) -> str:
        positive, negative = self.labels
        verdict = "trusted" if self.trusted else f"NOT trusted: {self.untrusted_means}"
        return (f"judge calibration: {self.positive_right}/{self.positive_total} {positive} and "
                f"{self.negative_right}/{self.negative_total} {negative} items right (balanced accuracy "
                f"{self.balanced_accuracy:.2f}, at least {MIN_BALANCED_ACCURACY} needed): {verdict}")


def score(answers: list[bool | None], expected: list[bool], **names) -> Calibration:
    """A Calibration from a judge's answers (True: yes; None: unclear, wrong either way)."""
    positive = [answer is True for answer, want in zip(answers, expected, strict=True) if want]
    negative = [answer is False for answer, want in zip(answers, expected, strict=True) if not want]
    return Calibration(sum(positive), len(positive), sum(negative), len(negative), **names)


async def calibrate(judge) -> Calibration:
    """`judge(text, benchmark_text)` -> True when it says they are the same problem."""
    pairs = calibration_pairs()
    answers = await asyncio.gather(*(judge(p["first"], p["second"]) for p in pairs))
    # A contamination judge's "not sure" counts as "different": only a confident "same" flags a record.
    return score([answer is True for answer in answers], [p["same"] for p in pairs])
