"""Code: run a candidate against unit tests in the sandbox. pass, fail (a test assertion failed), error
(the code does not run: syntax error, exception) and timeout are distinct outcomes."""

from __future__ import annotations

import re
from typing import Any

from synthloom.verifiers.base import Verdict
from synthloom.verifiers.sandbox import SandboxLimits, run_python

_FENCE = re.compile(r"```(?:python|py)?\s*\n(.*?)```", re.DOTALL)


def extract_code(text: str) -> str:
    """The code in a candidate: the longest fenced block, or the text as it is."""
    blocks = _FENCE.findall(text)
    return max(blocks, key=len) if blocks else text


def humaneval_program(fields: dict[str, Any], candidate: str) -> str:
    """HumanEval's own check: the prompt (imports, signature, docstring), the candidate, the test code,
    then check(entry_point). A candidate that writes the whole function keeps the prompt's preamble
    (its imports and helpers) in front of it, so `List` and friends are still defined."""
    code = extract_code(candidate)
    entry = f"def {fields['entry_point']}"
    prompt = fields["prompt"]
    preamble = prompt[: prompt.find(entry)] if entry in prompt else ""
    body = preamble + code if entry in code else prompt + code
    return f"{body}\n\n{fields['test']}\n\ncheck({fields['entry_point']})\n"


class CodeVerifier:
    """Fields: `prompt`, `test`, `entry_point` (HumanEval's format)."""

    def __init__(self, limits: SandboxLimits = SandboxLimits(wall_s=10, cpu_s=5)) -> None:
        self.limits = limits
        self.name = "code_tests"

    async def verify(self, candidate: str, fields: dict[str, Any]) -> Verdict:
        result = await run_python(humaneval_program(fields, candidate), self.limits)
        if result.status == "ok":
            return Verdict(True, "pass")
        if result.status == "timeout":
            return Verdict(False, "timeout", f"over {self.limits.wall_s}s or {self.limits.cpu_s}s of CPU")
        last = (result.stderr.strip().splitlines() or ["(no output)"])[-1]
        outcome = "fail" if last.startswith("AssertionError") else "error"
        return Verdict(False, outcome, last[:300])
