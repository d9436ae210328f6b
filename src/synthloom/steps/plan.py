"""What a step will ask of its models, before it runs: the numbers behind `synthloom plan`.

Each step config's `plan(before)` turns the records that reach it into the calls it makes and the
records it passes on. Counts that depend on earlier answers (how many candidates a verifier accepts,
how many evolutions survive) are ranges: `Span(lo, hi)`. Completion tokens are counted at each call's
max_tokens, so the high end of a cost is a bound; prompt tokens are estimated from the template's size
and the input records' text at about four characters a token.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

CHARS_PER_TOKEN = 4  # a rough average for English text in BPE vocabularies; no tokenizer is loaded


@dataclass(frozen=True)
class Span:
    lo: float
    hi: float

    @classmethod
    def of(cls, value: float) -> Span:
        return cls(value, value)

    @property
    def exact(self) -> bool:
        return math.isclose(self.lo, self.hi)

    def __add__(self, other: Span) -> Span:
        return Span(self.lo + other.lo, self.hi + other.hi)

    def __mul__(self, k: float | Span) -> Span:
        if isinstance(k, Span):
            return Span(self.lo * k.lo, self.hi * k.hi)
        return Span(self.lo * k, self.hi * k)

    def at_most(self, cap: float) -> Span:
        return Span(min(self.lo, cap), min(self.hi, cap))

    def show(self, money: bool = False) -> str:
        def one(v: float) -> str:
            return f"${v:,.4f}" if money else f"{v:,.0f}"
        return one(self.hi) if self.exact else f"{one(self.lo)}-{one(self.hi)}"


ZERO = Span(0, 0)


def tokens(text_chars: float) -> float:
    return text_chars / CHARS_PER_TOKEN


@dataclass
class ModelCalls:
    """One kind of call a step makes: to which model, how many, and their tokens."""

    model: str
    what: str
    calls: Span
    prompt_tokens: Span
    completion_tokens: Span

    @classmethod
    def each(cls, model: str, what: str, calls: Span, prompt_tokens: float, max_tokens: int) -> ModelCalls:
        """`calls` calls of about `prompt_tokens` in and at most `max_tokens` out each."""
        return cls(model, what, calls, calls * prompt_tokens, calls * max_tokens)


@dataclass
class Flow:
    """What reaches a step: how many records and their average text size (in tokens)."""

    records: Span
    record_tokens: float
    share_with: dict[str, float] = field(default_factory=dict)  # field -> share of input records that have it

    def selected(self, only_if: str | None) -> Span:
        """The records an `only_if` step works on (estimated from the input's share with that field)."""
        if only_if is None:
            return self.records
        return self.records * self.share_with.get(only_if, 1.0)

    def passed_by(self, only_if: str | None) -> Span:
        """The records an `only_if` step passes on untouched."""
        return Span(0, 0) if only_if is None else self.records * (1.0 - self.share_with.get(only_if, 1.0))


@dataclass
class StepPlan:
    calls: list[ModelCalls]
    records_out: Span
    adds_tokens: float = 0.0  # text the step adds to each record it passes on (answers, revisions)
    note: str = ""  # what a range depends on
