"""The `value:` section of a run config: does the run's verified data make a better student?"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field, model_validator

from synthloom.config_model import Strict
from synthloom.steps.step_config import OptionalConfigRelativePath

if TYPE_CHECKING:
    from synthloom.config import RunConfig


FineTunedArm = Literal["verified", "unverified", "prompt_matched", "wrong_formed"]


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
    seed: int = Field(0, description="the bootstrap's and the sign-flip test's seed")
    seeds: list[int] = Field([0], min_length=1, description="training seeds: every fine-tuned arm is trained once "
                             "per seed (data order); results are mean ± SD across seeds")
    draws: list[int] | None = Field(None, description="the seeds of the unverified arms' draws from the pool, one "
                                    "per training seed; default: the training seeds")
    arms: list[FineTunedArm] = Field(
        ["verified", "unverified", "prompt_matched", "wrong_formed"], min_length=2,
        description="the fine-tuned arms (the untuned student is always measured): verified (what the rejection step "
        "exports), unverified (as many candidates drawn regardless of the verdict), prompt_matched (one candidate "
        "of the same prompt per verified one, regardless of the verdict), wrong_formed (each verified answer with "
        "its answer changed to a wrong number: the same length and format, wrong content)")
    ood_classes: list[str] = Field(["word"], description="the out-of-distribution evaluation set, reported "
                                   "apart: word (basic arithmetic as short stories) or a math_problems class")
    ood_per_class: int = Field(60, ge=0, description="OOD problems of each class (0: none)")
    alpha: float = Field(0.05, gt=0, lt=0.5, description="the primary test's level, also used for the power")
    power: float = Field(0.8, gt=0, lt=1, description="the power the smallest detectable difference is given at")
    permutations: int = Field(20000, ge=1000, description="sign flips of the primary test over several seeds")

    @model_validator(mode="after")
    def _primary_arms(self) -> ValueConfig:
        if not {"verified", "unverified"} <= set(self.arms):
            raise ValueError("value.arms: must hold verified and unverified (the primary test compares them)")
        if self.draws is not None and len(self.draws) != len(self.seeds):
            raise ValueError(f"value.draws: give one per training seed ({len(self.seeds)}), or leave it out")
        if len(set(self.seeds)) != len(self.seeds):
            raise ValueError("value.seeds: each seed once")
        from synthloom.value.ood import OOD_CLASSES

        unknown = [c for c in self.ood_classes if c not in OOD_CLASSES]
        if unknown:
            raise ValueError(f"value.ood_classes: unknown class {unknown[0]!r} (known: {', '.join(OOD_CLASSES)})")
        return self

    def draw_seeds(self) -> list[int]:
        return self.draws if self.draws is not None else self.seeds


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
