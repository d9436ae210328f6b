"""Math answers: extract the final answer from a worked solution, compare it with the gold answer using
`math-verify` (fractions, decimals, thousands separators, units, LaTeX all compare by value)."""

from __future__ import annotations

import re
from typing import Any

from synthloom.verifiers.base import Verdict

_ANSWER_IS = re.compile(r"answer\s*(?:is|:|=)\s*[:\-]?\s*(.+)", re.IGNORECASE)
_NUMBER = re.compile(r"-?\$?\d[\d,]*(?:\.\d+)?(?:/\d+)?%?")


def boxed(text: str) -> str | None:
    """The content of the last \\boxed{...}, braces balanced."""
    start = text.rfind("\\boxed{")
    if start < 0:
        return None
    depth, i = 1, start + len("\\boxed{")
    for j in range(i, len(text)):
        depth += {"{": 1, "}": -1}.get(text[j], 0)
        if depth == 0:
            return text[i:j]
    return None


def extract_answer(text: str) -> str | None:
    """In order: \\boxed{}, "#### x" (GSM8K), "the answer is x" / "Answer: x", else the last number."""
    if (found := boxed(text)) is not None:
        return found.strip()
    if "####" in text:
        return text.rsplit("####", 1)[1].strip().splitlines()[0].strip() or None
    matches = _ANSWER_IS.findall(text)
    if matches:
        answer = matches[-1].strip().splitlines()[0].strip().rstrip(".")
        if answer:
            return answer
    numbers = _NUMBER.findall(text)
    return numbers[-1] if numbers else None


def _parse(text: str):
    from math_verify import parse  # imported on first use: it pulls in sympy

    return parse(text if "$" in text or "\\" in text else f"${text}$")


def answers_match(gold: str, answer: str) -> bool:
    from math_verify import verify

    normalized = answer.replace("$", "").strip()
    leading = _NUMBER.match(normalized.replace(",", ""))  # "2.50 dollars": the number without its unit word
    for candidate in (answer, normalized, normalized.replace(",", ""), leading.group(0) if leading else None):
        if not candidate:
            continue
        try:
            if verify(_parse(str(gold).replace(",", "")), _parse(candidate)):
                return True
        except Exception:  # noqa: BLE001 - math-verify can fail on odd text; that is a non-match
            continue
    return False


class MathAnswerVerifier:
    def __init__(self, gold_field: str = "answer") -> None:
        self.gold_field = gold_field
        self.name = "math_answer"

    async def verify(self, candidate: str, fields: dict[str, Any]) -> Verdict:
        answer = extract_answer(candidate)
        if answer is None:
            return Verdict(False, "no_answer", "no final answer found")
        gold = str(fields[self.gold_field])
        if answers_match(gold, answer):
            return Verdict(True, "pass", answer)
        return Verdict(False, "wrong_answer", f"got {answer!r}, expected {gold!r}")
