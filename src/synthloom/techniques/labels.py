"""Reading, comparing and voting on teacher labels: the pure parts of distillation."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

_SPACES = re.compile(r"\s+")
_PUNCTUATION = re.compile(r"[^\w\s]")


def normalize(text: str) -> str:
    """For comparing labels: lower case, single spaces, no punctuation around the ends."""
    return _SPACES.sub(" ", text.lower()).strip().strip(".,;:!?\"'`()[]").strip()


def split_reasoning(text: str, marker: str) -> tuple[str, str]:
    """(reasoning, final answer) around the last `marker`; without it, no reasoning and the whole text."""
    at = text.lower().rfind(marker.lower())
    if at < 0:
        return "", text.strip()
    return text[:at].strip(), text[at + len(marker):].strip()


def _words(text: str) -> str:
    return " " + _SPACES.sub(" ", _PUNCTUATION.sub(" ", text.lower())).strip() + " "


def match_option(answer: str, options: list[str]) -> str | None:
    """The option named earliest in the answer (whole words, punctuation ignored), or None."""
    text = _words(answer)
    found = [(text.find(_words(o)), o) for o in options]
    found = [(at, o) for at, o in found if at >= 0]
    return min(found)[1] if found else None


@dataclass
class Vote:
    label: str | None  # None when the teachers' answers do not give one (no majority, or none readable)
    agreement: float  # share of teachers that gave the winning label
    counts: dict[str, int] = field(default_factory=dict)


def vote(answers: list[str | None], unanimous: bool = False) -> Vote:
    """The label more than half of the teachers gave (a teacher with no readable answer counts against
    every label); `unanimous` requires all of them. Otherwise no label."""
    counts = Counter(normalize(a) for a in answers if a)
    if not counts:
        return Vote(None, 0.0, {})
    top, top_count = counts.most_common(1)[0]
    agreement = top_count / len(answers)
    if agreement <= 0.5 or (unanimous and agreement < 1):
        return Vote(None, agreement, dict(counts))
    return Vote(top, agreement, dict(counts))


@dataclass
class AuditResult:
    overall: float
    by_category: dict[str, float]
    counts: dict[str, int]
    low: list[str]  # categories under the threshold


def audit(predictions: list[str | None], gold: list[str], categories: list[str], min_accuracy: float) -> AuditResult:
    """Teacher accuracy against gold labels, overall and per category."""
    hits: Counter = Counter()
    totals: Counter = Counter()
    for predicted, truth, category in zip(predictions, gold, categories, strict=True):
        totals[category] += 1
        hits[category] += predicted is not None and normalize(predicted) == normalize(truth)
    by_category = {c: hits[c] / totals[c] for c in sorted(totals)}
    overall = sum(hits.values()) / max(sum(totals.values()), 1)
    return AuditResult(round(overall, 4), {c: round(v, 4) for c, v in by_category.items()}, dict(totals),
                       [c for c, v in by_category.items() if v < min_accuracy])
