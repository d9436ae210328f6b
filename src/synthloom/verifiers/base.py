"""What every verifier returns, and how verifiers combine (all of / any of)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any, Protocol


@dataclass(frozen=True)
class Verdict:
    passed: bool
    outcome: str  # pass, fail, error, timeout, unparseable, ... : why, in one word, for counting
    detail: str = ""
    mode: str = ""  # how it was decided, where a verifier has several ways (code: cases, whole_check)
    cases: tuple[dict[str, Any], ...] = ()  # per test case: outcome and detail, where the verifier has cases
    error_kind: str = ""  # for an `error`: what kind (load, raised, protocol, decode, size, internal...)
    category: str = ""  # what kind of item was judged (math: the gold's answer kind), for counts per kind

    def __post_init__(self) -> None:
        # Details quote what a candidate sent: a lone surrogate there would make the record unwritable.
        object.__setattr__(self, "detail", _writable(self.detail))
        if self.cases:
            object.__setattr__(self, "cases", tuple({k: _writable(v) if isinstance(v, str) else v
                                                     for k, v in case.items()} for case in self.cases))

    def summary(self) -> dict[str, Any]:
        """What goes on a record: enough to see which case failed, without the candidate's text."""
        out: dict[str, Any] = {"outcome": self.outcome, "detail": self.detail}
        if self.mode:
            out["mode"] = self.mode
        if self.error_kind:
            out["error_kind"] = self.error_kind
        if self.category:
            out["category"] = self.category
        if self.cases:
            out["cases"] = list(self.cases)
        return out


def _writable(text: str) -> str:
    return text.encode("utf-8", "replace").decode("utf-8")


class Verifier(Protocol):
    name: str
    isolation: dict[str, str] | None  # how the sandbox isolates the code it runs; None if it runs none

    async def verify(self, candidate: str, fields: dict[str, Any]) -> Verdict:
        """Judge one candidate; `fields` are the prompt record's (gold answer, tests, ...)."""
        ...


class AllOf:
    def __init__(self, *verifiers: Verifier) -> None:
        self.verifiers = verifiers
        self.name = "all_of(" + ", ".join(v.name for v in verifiers) + ")"
        self.isolation = next((v.isolation for v in verifiers if v.isolation), None)

    async def verify(self, candidate: str, fields: dict[str, Any]) -> Verdict:
        categories = []
        for verifier in self.verifiers:  # in order, stopping at the first failure: later ones may be costly
            verdict = await verifier.verify(candidate, fields)
            categories.append(verdict.category)
            if not verdict.passed:
                return Verdict(False, verdict.outcome, f"{verifier.name}: {verdict.detail}",
                               error_kind=verdict.error_kind, category=verdict.category)
        return Verdict(True, "pass", category=next((c for c in categories if c), ""))


class AnyOf:
    def __init__(self, *verifiers: Verifier) -> None:
        self.verifiers = verifiers
        self.name = "any_of(" + ", ".join(v.name for v in verifiers) + ")"
        self.isolation = next((v.isolation for v in verifiers if v.isolation), None)

    async def verify(self, candidate: str, fields: dict[str, Any]) -> Verdict:
        verdicts = await asyncio.gather(*(v.verify(candidate, fields) for v in self.verifiers))
        for verifier, verdict in zip(self.verifiers, verdicts, strict=True):
            if verdict.passed:
                return Verdict(True, "pass", f"{verifier.name}")
        return Verdict(False, verdicts[0].outcome, "; ".join(f"{v.name}: {d.detail}"
                                                              for v, d in zip(self.verifiers, verdicts, strict=True)),
                       error_kind=verdicts[0].error_kind)
