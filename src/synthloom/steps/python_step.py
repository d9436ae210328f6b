"""A plain Python function as a per-record step (`@synthloom.step`, or `step: python` in a config).

The function takes a record's fields (a dict) and returns what the record becomes:

- a dict: the record's new fields (one child record);
- a list of dicts: several children (an empty list drops the record);
- True / False: keep the record unchanged / drop it (a filter);
- None: drop it.

It may be `async`. An exception fails that record (the run goes on; `--resume` retries it). A config
names the function by its import path, `module:name`; functions decorated in a script or a notebook
are found by that name in this process first, so they need no package and no entry point.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from importlib import import_module
from typing import Any, Literal

from pydantic import Field

from synthloom.errors import UserError
from synthloom.record import Record
from synthloom.steps.base import RecordStep, StepContext, StepError
from synthloom.steps.plan import Flow, StepPlan
from synthloom.steps.step_config import StepConfig

# Functions decorated in this process, by reference: a notebook's `__main__:clean` cannot be imported.
_DECORATED: dict[str, Callable[..., Any]] = {}


def reference_of(function: Callable[..., Any]) -> str:
    return f"{function.__module__}:{function.__qualname__}"


def remember(function: Callable[..., Any]) -> str:
    reference = reference_of(function)
    _DECORATED[reference] = function
    return reference


def resolve(reference: str, what: str = "step python") -> Callable[..., Any]:
    """The function `reference` (module:name) names: one decorated in this process, else imported."""
    if reference in _DECORATED:
        return _DECORATED[reference]
    module, _, name = reference.partition(":")
    if not module or not name:
        raise UserError(f"{what}: function {reference!r} is not an import path of the form module:name")
    try:
        found: Any = import_module(module)
        for part in name.split("."):
            found = getattr(found, part)
    except (ImportError, AttributeError) as exc:
        raise UserError(f"{what}: cannot import the function {reference!r}: {type(exc).__name__}: {exc}"
                        " (a function defined in a notebook must be given to synthloom in this process: "
                        "@synthloom.step, @synthloom.verifier or verifier=the_function)") from None
    if not callable(found):
        raise UserError(f"{what}: {reference!r} is not callable")
    return found


class PythonStepConfig(StepConfig):
    """A Python function per record (`@synthloom.step`): new fields, several records, or keep/drop."""

    step: Literal["python"]
    function: str = Field(description="the function, as module:name; it gets a record's fields and returns "
                          "its new fields (dict), several records (list of dicts), or keep/drop (True/False/None)")

    def check_files(self) -> None:
        super().check_files()
        resolve(self.function)  # before the run directory: a wrong name is one clear error

    def plan(self, before: Flow) -> StepPlan:
        return StepPlan([], before.records)  # no model calls (what it drops is the function's to say)


class PythonStep(RecordStep[PythonStepConfig]):
    config_class = PythonStepConfig

    def __init__(self, config: PythonStepConfig, context: StepContext, name: str) -> None:
        super().__init__(config, context, name)
        self.function = resolve(config.function)

    async def process(self, record: Record) -> list[Record]:
        try:
            outcome = self.function(dict(record.fields))
            if inspect.isawaitable(outcome):
                outcome = await outcome
        except Exception as exc:  # noqa: BLE001 - the user's code: this record fails, the run goes on
            raise StepError(f"{self.config.function} raised {type(exc).__name__}: {exc}") from None
        if outcome is True:
            return [record]
        if outcome is None or outcome is False:
            return []
        rows = [outcome] if isinstance(outcome, dict) else outcome
        if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
            raise StepError(f"{self.config.function} returned {type(outcome).__name__}: return a dict, a list "
                            "of dicts, True/False or None")
        # Fields replace the record's (a dict is the record as it now is); lineage and scores carry over.
        children = []
        for index, row in enumerate(rows):
            child = record.child(self.name, index)
            child.fields = dict(row)
            children.append(child)
        return children
