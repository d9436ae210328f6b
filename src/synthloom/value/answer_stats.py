"""Per-arm statistics of answers (an arm's training answers, or what a student wrote on the held-out
problems), to see what else than correctness the arms differ in: length, truncation, and whether the
answer ends in a final-answer statement ("The answer is 8", a box, "#### 8") rather than a bare number
that the lenient verifier falls back to."""

from __future__ import annotations

from statistics import fmean

from synthloom.verifiers.math_answers import find_final_answer


def answer_stats(texts: list[str], truncated: list[bool]) -> dict[str, float]:
    if not texts:
        return {"answers": 0, "mean_chars": 0.0, "truncated": 0.0, "states_final_answer": 0.0}
    return {"answers": len(texts), "mean_chars": round(fmean(len(t) for t in texts), 1),
            "truncated": round(fmean(truncated), 4),
            "states_final_answer": round(fmean(find_final_answer(t, strict=True).text is not None for t in texts), 4)}
