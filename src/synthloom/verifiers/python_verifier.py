"""A plain Python function as a verifier (`verifier: {kind: python, function: module:name}`, or in
Python `verifier=my_check` / `@synthloom.verifier`): no package, no entry point.

The function gets the candidate (the model's answer, a string) and the record's fields (a dict) and
returns whether the candidate passes: True / False, a (passed, detail) pair, or a `Verdict`. It may be
`async`. An exception is an `error` verdict for that candidate (counted, never a crash); anything else
it returns is one too, with what was wrong.
"""

from __future__ import annotations

import inspect
from typing import Any

from synthloom.steps.python_step import resolve
from synthloom.verifiers.base import Verdict


def verdict_of(outcome: Any, reference: str) -> Verdict:
    if isinstance(outcome, Verdict):
        return outcome
    if isinstance(outcome, bool):
        return Verdict(outcome, "pass" if outcome else "fail")
    if (isinstance(outcome, tuple) and len(outcome) == 2 and isinstance(outcome[0], bool)
            and isinstance(outcome[1], str)):
        return Verdict(outcome[0], "pass" if outcome[0] else "fail", outcome[1])
    return Verdict(False, "error", f"{reference} returned {type(outcome).__name__}: return True/False, "
                   "(passed, detail) or a Verdict", error_kind="protocol")


class PythonVerifier:
    isolation: dict[str, str] | None = None  # it runs in this process, as the user's own code

    def __init__(self, reference: str) -> None:
        self.reference = reference
        self.function = resolve(reference, "verifier python")
        self.name = f"python:{reference}"

    async def verify(self, candidate: str, fields: dict[str, Any]) -> Verdict:
        try:
            outcome = self.function(candidate, dict(fields))
            if inspect.isawaitable(outcome):
                outcome = await outcome
        except Exception as exc:  # noqa: BLE001 - the user's code: this candidate errs, the run goes on
            return Verdict(False, "error", f"{self.reference} raised {type(exc).__name__}: {exc}",
                           error_kind="raised")
        return verdict_of(outcome, self.reference)
