"""A judge model grades a candidate against a rubric: PASS or FAIL, with its one-sentence reason.
Use a different model from the generator (the run config refuses the same one unless told otherwise)."""

from __future__ import annotations

from typing import Any

from synthloom.engine.engine import Engine
from synthloom.engine.prompting import ask
from synthloom.models.logprobs import choice_from_logprobs
from synthloom.verifiers.base import Verdict


def read_verdict(text: str, logprobs: list[dict] | None = None) -> tuple[bool | None, str]:
    """(passed, reason) from "PASS: ..." / "FAIL: ..."; the first answer token's logprobs decide when
    the text alone does not. None when neither says."""
    head, _, reason = text.strip().partition(":")
    word = head.strip().lower()
    verdict = {"pass": True, "fail": False}.get(word)
    if verdict is None:
        verdict = choice_from_logprobs(logprobs, {"pass": True, "fail": False})
    return verdict, (reason.strip() or text.strip())[:300]


class JudgeVerifier:
    isolation: dict[str, str] | None = None  # runs no code

    def __init__(self, engine: Engine, rubric: str, prompt_field: str = "prompt", max_tokens: int = 60) -> None:
        self.engine = engine
        self.rubric = rubric
        self.max_tokens = max_tokens  # the verdict word, then its reason
        self.prompt_field = prompt_field
        self.name = "judge"

    async def verify(self, candidate: str, fields: dict[str, Any]) -> Verdict:
        reply = await ask(self.engine, "judge_rubric", {"rubric": self.rubric, "candidate": candidate,
                                                        "prompt": fields.get(self.prompt_field, "")},
                          temperature=0, max_tokens=self.max_tokens, logprobs=True, top_logprobs=10)
        passed, reason = read_verdict(reply.choice.text, reply.choice.logprobs)
        if passed is None:
            return Verdict(False, "judge_unclear", reason)
        return Verdict(passed, "pass" if passed else "judged_fail", reason)
