"""The math verifier's judge: asked only about replies that cannot be read, and only once it has graded its
calibration pairs well. Judges here are scripted (what a judge answers is the thing under test); the real
bundled models are tried by benchmarks/math_judge.py."""

from __future__ import annotations

import re

from synthloom.engine.engine import Engine, EngineSettings
from synthloom.models.base import ChatRequest
from synthloom.verifiers.math import MathAnswerVerifier
from synthloom.verifiers.math_judge import MathJudge, calibration_pairs
from tests.scripted_backend import ScriptedBackend

UNREADABLE = "Working through it, the figure comes out as twelve and a bit, more or less."


def _knows_the_labels(request: ChatRequest) -> str:
    """A judge that grades every calibration pair right and passes anything else."""
    text = request.messages[-1]["content"]
    for pair in calibration_pairs():
        if pair["reply"] in text:
            return "PASS: equal" if pair["correct"] else "FAIL: different"
    return "PASS: equal"


def _verifier(reply) -> tuple[MathAnswerVerifier, ScriptedBackend]:
    backend = ScriptedBackend(default=reply)
    return MathAnswerVerifier(judge=MathJudge(Engine(backend, EngineSettings(concurrency=8), None))), backend


async def test_a_judge_that_says_pass_to_everything_is_never_trusted():
    verifier, backend = _verifier("PASS: looks right")
    verdict = await verifier.verify(UNREADABLE, {"answer": "12"})
    assert not verdict.passed and verdict.outcome == "unparseable"
    assert verifier.judge_calibration()["trusted"] is False
    assert len(backend.requests) == len(calibration_pairs())  # calibrated, then not asked about the reply


async def test_a_calibrated_judge_decides_only_what_cannot_be_read():
    verifier, backend = _verifier(_knows_the_labels)
    judged = await verifier.verify(UNREADABLE, {"answer": "12"})
    assert judged.passed and judged.outcome == "judged_pass" and judged.mode == "judge"
    asked = len(backend.requests)
    readable = await verifier.verify("The answer is 13.", {"answer": "12"})
    assert not readable.passed and readable.outcome == "wrong_answer"  # the reader decided; no judge call
    assert len(backend.requests) == asked
    assert verifier.judge_calibration()["trusted"] is True


async def test_calibration_runs_once_for_many_replies_at_once():
    import asyncio

    verifier, backend = _verifier(_knows_the_labels)
    await asyncio.gather(*(verifier.verify(UNREADABLE, {"answer": "12"}) for _ in range(20)))
    calibration_calls = [r for r in backend.requests
                         if any(p["reply"] in r.messages[-1]["content"] for p in calibration_pairs())]
    assert len(calibration_calls) == len(calibration_pairs())
    assert all(re.search("Reference answer", r.messages[-1]["content"]) for r in backend.requests)
