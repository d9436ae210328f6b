"""A run's spending limit (engine.max_cost): every call reserves what it may cost before it is sent,
at its max_tokens and a generous prompt estimate, so the run stops before the limit, never after it.
One budget is shared by every model's engine, and counts what earlier sessions of the run spent."""

from __future__ import annotations

from synthloom.engine.metrics import Price
from synthloom.models.base import ChatRequest, EndpointUnreachable

PROMPT_CHARS_PER_TOKEN_LOW = 3  # fewer characters per token than usual: the reservation errs high


class BudgetExhausted(EndpointUnreachable):
    """The next call could take the run past engine.max_cost; the run stops, resumable."""


class Budget:
    def __init__(self, max_cost: float, spent_before: float = 0.0) -> None:
        self.max_cost = max_cost
        self.spent = spent_before
        self.reserved = 0.0

    @staticmethod
    def worst_case(request: ChatRequest, price: Price, factor: float = 1.0) -> float:
        chars = sum(len(m.get("content") or "") for m in request.messages) + len(request.prompt or "")
        return price.cost(chars // PROMPT_CHARS_PER_TOKEN_LOW + 1, request.max_tokens * request.n) * factor

    def reserve(self, amount: float) -> None:
        if self.spent + self.reserved + amount > self.max_cost:
            raise BudgetExhausted(
                f"the next call could take the run past its budget, engine.max_cost ${self.max_cost:.4f} (spent "
                f"${self.spent:.4f}, ${self.reserved:.4f} more in calls under way); raise engine.max_cost to go on")
        self.reserved += amount

    def settle(self, reserved: float, actual: float) -> None:
        self.reserved -= reserved
        self.spent += actual
