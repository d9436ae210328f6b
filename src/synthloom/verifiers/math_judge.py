"""A judge model for the math replies the reader cannot read, trusted only once it has shown it can grade.

The math verifier never guesses at a reply whose final answer it cannot read: it rejects it as
`unparseable`. With `judge_model`, those replies (and only those) go to a judge instead. Before its first
verdict counts, the judge grades 40 labelled pairs (data/math_judge_calibration.jsonl: 20 right and 20
wrong final answers, taken by id order from benchmarks/data/math_dev_2026-12-02.jsonl, a split written by
a helper that never read the verifier); below a balanced accuracy of 0.8 it is not used, the replies stay
rejected, and the report says so. Small models fail this (they say PASS to everything): that is the point.
"""

from __future__ import annotations

import asyncio
from functools import lru_cache
from importlib import resources

import orjson

from synthloom.engine.engine import Engine
from synthloom.engine.prompting import ask
from synthloom.guards.judge_calibration import Calibration, score
from synthloom.verifiers.base import Verdict
from synthloom.verifiers.judge import read_verdict


@lru_cache(maxsize=1)
def calibration_pairs() -> list[dict]:
    text = (resources.files("synthloom") / "data" / "math_judge_calibration.jsonl").read_bytes()
    return [orjson.loads(line) for line in text.splitlines() if line.strip()]


class MathJudge:
    def __init__(self, engine: Engine, max_tokens: int = 60) -> None:
        self.engine = engine
        self.max_tokens = max_tokens  # the verdict word, then its reason
        self.calibration: Calibration | None = None
        self._calibrating = asyncio.Lock()

    async def _grade(self, gold: str, reply: str) -> tuple[bool | None, str]:
        sample = await ask(self.engine, "math_answer_judge", {"gold": gold, "reply": reply}, temperature=0,
                           max_tokens=self.max_tokens, logprobs=True, top_logprobs=10)
        return read_verdict(sample.choice.text, sample.choice.logprobs)

    async def calibrated(self) -> Calibration:
        async with self._calibrating:  # once per run, however many replies wait for it
            if self.calibration is None:
                pairs = calibration_pairs()
                graded = await asyncio.gather(*(self._grade(p["gold"], p["reply"]) for p in pairs))
                self.calibration = score([passed for passed, _ in graded], [p["correct"] for p in pairs],
                                         labels=("right", "wrong"),
                                         untrusted_means="unreadable replies stay rejected as unparseable")
        return self.calibration

    async def decide(self, gold: str, reply: str) -> Verdict | None:
        """The judge's verdict on a reply the reader could not read; None when the judge is not trusted
        or does not say."""
        if not (await self.calibrated()).trusted:
            return None
        passed, reason = await self._grade(gold, reply)
        if passed is None:
            return None
        return Verdict(passed, "judged_pass" if passed else "judged_wrong", reason, mode="judge")
