"""synthloom: synthetic training data for language models.

    import synthloom as sl

    pipe = sl.Step("generate", output_field="response") >> sl.Step("dedup", fields=["response"])
    result = pipe.run([{"instruction": "Name a prime number."}])   # or a DataFrame, a Dataset, a file
    result.to_pandas()

See docs/python_api.md. The names load on first use, so `import synthloom` stays quick.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["Pipeline", "Result", "Step", "UserError", "Verdict", "step", "verifier"]

if TYPE_CHECKING:
    from synthloom.api.pipeline import Pipeline, Step, step, verifier
    from synthloom.api.result import Result
    from synthloom.errors import UserError
    from synthloom.verifiers.base import Verdict

_WHERE = {"Pipeline": "synthloom.api.pipeline", "Step": "synthloom.api.pipeline", "step": "synthloom.api.pipeline",
          "Result": "synthloom.api.result", "UserError": "synthloom.errors", "verifier": "synthloom.api.pipeline",
          "Verdict": "synthloom.verifiers.base"}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        from importlib import import_module

        return getattr(import_module(_WHERE[name]), name)
    raise AttributeError(f"module 'synthloom' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
