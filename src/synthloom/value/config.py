"""The `value:` section of a run config: does the run's verified data make a better student?"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import Field

from synthloom.config_model import Strict
from synthloom.steps.step_config import OptionalConfigRelativePath

if TYPE_CHECKING:
    from synthloom.config import RunConfig


class ValueConfig(Strict):
    student: OptionalConfigRelativePath = Field(
        None, description="the student's weights: a GGUF file or a Hugging Face-format folder; default: the run's "
        "`model:` GGUF (the bundled SmolLM2-135M-Instruct if none), the model that wrote the candidates")
    rejection_step: str | None = Field(None, description="the rejection step whose candidates train the student; "
                                       "default: the pipeline's only rejection step")
    eval_per_class: int = Field(70, ge=1, description="held-out problems of each difficulty class (builtin "
                                "math_problems with eval_seed); never seen by any step")
    eval_seed: int = Field(1_000_003, description="must differ from the run input's seed")
    min_held_out: int = Field(200, ge=1, description="fewer held-out problems is an error: the intervals would be "
                              "too wide to tell the arms apart (lower it only for a smoke test)")
    examples: int | None = Field(None, ge=1, description="training examples per fine-tuned arm; default: every "
                                 "verified candidate (the unverified arm gets as many)")
    epochs: float = Field(2.0, gt=0, description="passes over the examples; both arms take the same steps")
    batch_size: int = Field(8, ge=1)
    learning_rate: float = Field(2e-5, gt=0)
    max_length: int = Field(512, ge=32, description="tokens per training sequence (prompt and answer)")
    eval_batch_size: int = Field(32, ge=1, description="problems generated at once in evaluation")
    bootstrap: int = Field(2000, ge=100, description="bootstrap resamples for the confidence intervals")
    confidence: float = Field(0.95, gt=0.5, lt=1)
    keep_models: bool = Field(False, description="keep the fine-tuned weights (540 MB per arm for the bundled "
                              "student) in value/arms/; otherwise deleted once evaluated")
    seed: int = 0


def check_value_config(run: RunConfig) -> None:
    """The experiment needs generated math problems as the run's input (the held-out set is drawn from
    the same generator with another seed) and a rejection step to take the candidates from."""
    value = run.value
    assert value is not None
    if run.input is None or run.input.builtin != "math_problems":
        raise ValueError("value: needs `input: {builtin: math_problems}` (the held-out problems come from the same "
                         "generator with value.eval_seed)")
    if value.eval_seed == run.input.seed:
        raise ValueError("value.eval_seed: must differ from input.seed, or the held-out problems are the training ones")
    rejection = [s for s in run.pipeline if s.step == "rejection"]
    names = [s.name or s.step for s in rejection]
    if value.rejection_step is not None and value.rejection_step not in names:
        raise ValueError(f"value.rejection_step: no rejection step named {value.rejection_step!r} "
                         f"(rejection steps: {', '.join(names) or 'none'})")
    if value.rejection_step is None and len(rejection) != 1:
        raise ValueError(f"value: needs exactly one rejection step, or value.rejection_step naming one "
                         f"(found {len(rejection)})")
