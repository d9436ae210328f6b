"""Run configuration: validated with pydantic, every error reported as `file: field: what is wrong`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from synthloom.errors import UserError
from synthloom.settings_env import api_key_from_env, base_url_from_env, model_from_env


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")  # a misspelt key is an error, not silently ignored


class LlamaCppModelConfig(Strict):
    backend: Literal["llamacpp"] = "llamacpp"
    model: str | None = Field(None, description="path to a GGUF file; empty for the bundled SmolLM2-135M")
    n_ctx: int = Field(2048, ge=128)
    n_threads: int | None = Field(None, ge=1)


class OpenAIModelConfig(Strict):
    backend: Literal["openai"]
    base_url: str | None = Field(None, description="default: $SYNTHLOOM_BASE_URL, then $OPENAI_BASE_URL")
    model: str | None = Field(None, description="default: $SYNTHLOOM_MODEL, then $OPENAI_MODEL")
    api_key_env: str = Field("SYNTHLOOM_API_KEY", description="name of the variable holding the key")
    native_n: bool = Field(False, description="the server returns n samples in one call (vLLM, OpenAI)")
    schema_style: Literal["json_schema", "json_object"] = Field(
        "json_schema", description="how JSON-schema output is asked for: json_object for llama-cpp-python's server")

    def resolved_base_url(self) -> str:
        url = self.base_url or base_url_from_env()
        if not url:
            raise UserError("model.base_url is not set: put it in the config or set SYNTHLOOM_BASE_URL")
        return url

    def resolved_model(self) -> str:
        name = self.model or model_from_env()
        if not name:
            raise UserError("model.model is not set: put it in the config or set SYNTHLOOM_MODEL")
        return name

    def resolved_api_key(self) -> str | None:
        return api_key_from_env(self.api_key_env)


ModelConfig = Annotated[LlamaCppModelConfig | OpenAIModelConfig, Field(discriminator="backend")]


class EngineConfig(Strict):
    concurrency: int = Field(64, ge=1, le=100_000)
    rpm: float | None = Field(None, gt=0, description="requests per minute")
    tpm: float | None = Field(None, gt=0, description="tokens per minute")
    timeout: float = Field(120.0, gt=0, description="seconds for one call")
    max_attempts: int = Field(6, ge=1)
    backoff_base: float = Field(0.5, ge=0)
    backoff_max: float = Field(60.0, ge=0)
    price_input_per_mtok: float = Field(0.0, ge=0)
    price_output_per_mtok: float = Field(0.0, ge=0)
    max_in_flight: int | None = Field(None, ge=1, description="inputs in the pipeline at once; "
                                      "default twice the concurrency")
    cache: str | None = Field(None, description="response cache file; default: cache.sqlite in the run dir")


class InputConfig(Strict):
    path: Path
    limit: int | None = Field(None, ge=1, description="use only the first N input records")


class GenerateStepConfig(Strict):
    step: Literal["generate"]
    name: str | None = None
    template: str = Field("answer", description="a template in synthloom's data/templates, or a .jinja path")
    system: str | None = None
    output_field: str = "output"
    n: int = Field(1, ge=1)
    temperature: float = Field(0.7, ge=0)
    top_p: float = Field(1.0, gt=0, le=1)
    max_tokens: int = Field(256, ge=1)
    seed: int | None = None
    stop: list[str] = Field(default_factory=list)
    json_schema: dict[str, Any] | None = None


StepConfig = Annotated[GenerateStepConfig, Field(discriminator="step")]


class OutputConfig(Strict):
    parquet: bool = True


class RunConfig(Strict):
    run_dir: Path
    model: ModelConfig = Field(default_factory=LlamaCppModelConfig)
    engine: EngineConfig = Field(default_factory=EngineConfig)
    input: InputConfig
    pipeline: list[StepConfig] = Field(min_length=1)
    output: OutputConfig = Field(default_factory=OutputConfig)

    @model_validator(mode="before")
    @classmethod
    def _default_backend(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("model"), dict):
            data["model"] = {"backend": "llamacpp", **data["model"]}
        return data


def format_validation_error(source: str, error: ValidationError) -> str:
    lines = []
    for item in error.errors():
        where = ".".join(str(part) for part in item["loc"]) or "(top level)"
        lines.append(f"{source}: {where}: {item['msg']}")
    return "\n".join(lines)


def load_config(path: str | Path) -> RunConfig:
    """Read and validate a YAML config; relative input paths are taken from the config's folder."""
    import yaml

    path = Path(path)
    if not path.is_file():
        raise UserError(f"config file not found: {path}")
    try:
        data = yaml.safe_load(path.read_text())
    except yaml.YAMLError as exc:
        raise UserError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise UserError(f"{path}: expected a mapping of settings at the top level")
    try:
        config = RunConfig.model_validate(data)
    except ValidationError as exc:
        raise UserError(format_validation_error(str(path), exc)) from None
    if not config.input.path.is_absolute():
        config.input.path = (path.parent / config.input.path).resolve()
    for step in config.pipeline:
        template = Path(step.template)
        if template.suffix and not template.is_absolute():
            step.template = str((path.parent / template).resolve())
    return config
