"""A model's config: the in-process llama.cpp backend, an OpenAI-compatible endpoint, Anthropic, or an
installed backend plugin's (models/registry.py). Each config builds its backend: no list of kinds to
keep in step elsewhere."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal, Union

from pydantic import Field, field_validator

from synthloom.config_model import Strict
from synthloom.errors import UserError
from synthloom.models.reasoning import DEFAULT_TAGS
from synthloom.settings_env import ANTHROPIC_BASE_URL, api_key_from_env, base_url_from_env, model_from_env

if TYPE_CHECKING:
    from synthloom.models.base import Backend


class BackendConfig(Strict):
    """What every model config has: its `backend:` kind (a Literal, or a plugin's entry point name) and
    the backend it builds. A plugin backend subclasses this and registers the subclass under the
    `synthloom.backends` entry point group."""

    backend: str

    def build(self, max_connections: int) -> Backend:
        raise NotImplementedError(f"{type(self).__name__} builds no backend: define build()")


class ReasoningTagsConfig(BackendConfig):
    """How a model's reasoning is told apart from its answer in the text it writes."""

    reasoning_tags: tuple[str, str] | None = Field(
        DEFAULT_TAGS, description="[open, close] of the reasoning block a model writes in its text (split off "
        "as the reply's reasoning); null: the text is all answer. A server's reasoning_content is read either way")

    @field_validator("reasoning_tags")
    @classmethod
    def _tags_not_empty(cls, tags: tuple[str, str] | None) -> tuple[str, str] | None:
        if tags is not None and not (tags[0].strip() and tags[1].strip()) or tags is not None and tags[0] == tags[1]:
            raise ValueError("reasoning_tags needs two different, non-empty tags, e.g. ['<think>', '</think>']")
        return tags


class LlamaCppModelConfig(ReasoningTagsConfig):
    backend: Literal["llamacpp"] = "llamacpp"
    model: str | None = Field(None, description="path to a GGUF file; empty for the bundled SmolLM2-135M")
    n_ctx: int = Field(2048, ge=128)
    n_threads: int | None = Field(None, ge=1)
    chat: bool = Field(True, description="false for base models: messages are sent as a plain-text transcript")

    def build(self, max_connections: int) -> Backend:
        from synthloom.models.factory import local_backend

        return local_backend(self.model, n_ctx=self.n_ctx, n_threads=self.n_threads, chat=self.chat)


SamplingField = Literal["temperature", "top_p", "seed"]


class RequestFieldsConfig(ReasoningTagsConfig):
    """Which request fields a hosted model takes; unset keys follow models/capabilities.py by model name."""

    sampling: list[SamplingField] | None = Field(
        None, description="sampling fields sent (default by model: none for o-series, gpt-5 and Claude Opus 4.7 "
        "on; temperature and top_p for other Claude models; all three elsewhere)")
    temperature_with_top_p: bool | None = Field(
        None, description="false: top_p is left out whenever temperature is sent (default false for Claude 4.x)")

    def overrides(self) -> dict:
        return {"sampling": self.sampling, "temperature_with_top_p": self.temperature_with_top_p}


class OpenAIModelConfig(RequestFieldsConfig):
    backend: Literal["openai"]
    base_url: str | None = Field(None, description="default: $SYNTHLOOM_BASE_URL, then $OPENAI_BASE_URL")
    model: str | None = Field(None, description="default: $SYNTHLOOM_MODEL, then $OPENAI_MODEL")
    api_key_env: str = Field("SYNTHLOOM_API_KEY", description="name of the variable holding the key")
    native_n: bool = Field(False, description="the server returns n samples in one call (vLLM, OpenAI)")
    chat: bool = Field(True, description="false for base models: messages go to /completions as a transcript")
    schema_style: Literal["json_schema", "json_object"] = Field(
        "json_schema", description="how JSON-schema output is asked for: json_object for llama-cpp-python's server")
    batch: bool | None = Field(None, description="send this model's calls through the provider's batch API; "
                               "default: engine.batch")
    max_tokens_field: Literal["max_tokens", "max_completion_tokens"] | None = Field(
        None, description="the output-token limit's name (default: max_completion_tokens for api.openai.com and "
        "reasoning models, max_tokens for other servers)")
    max_stop_sequences: int | None = Field(None, ge=0, description="stop sequences a request may carry "
                                           "(default: 4 on api.openai.com, none for reasoning models, no limit "
                                           "elsewhere)")

    def overrides(self) -> dict:
        return {**super().overrides(), "max_tokens_field": self.max_tokens_field, "max_stop": self.max_stop_sequences}

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

    def build(self, max_connections: int) -> Backend:
        from synthloom.models.factory import http_backend

        return http_backend(self.resolved_base_url(), self.resolved_model(), self.resolved_api_key(),
                            max_connections=max_connections, native_n=self.native_n, schema_style=self.schema_style,
                            chat=self.chat, fields=self.overrides())


class AnthropicModelConfig(RequestFieldsConfig):
    backend: Literal["anthropic"]
    model: str = Field(..., description="a Claude model id or alias, e.g. claude-sonnet-4-5")
    base_url: str = Field(ANTHROPIC_BASE_URL, description="the Messages API root (a proxy, or a test server)")
    api_key_env: str = Field("ANTHROPIC_API_KEY", description="name of the variable holding the key")
    batch: bool | None = Field(None, description="send this model's calls through the provider's batch API; "
                               "default: engine.batch")

    def resolved_api_key(self) -> str | None:
        return api_key_from_env(self.api_key_env, fallback=None)

    def build(self, max_connections: int) -> Backend:
        from synthloom.models.factory import anthropic_backend

        return anthropic_backend(self.model, self.resolved_api_key(), base_url=self.base_url,
                                 max_connections=max_connections, fields=self.overrides())


if TYPE_CHECKING:
    ModelConfig = Annotated[LlamaCppModelConfig | OpenAIModelConfig | AnthropicModelConfig,
                            Field(discriminator="backend")]
else:  # every registered backend's config (synthloom's and installed plugins'), told apart by `backend:`
    from synthloom.models.registry import backend_configs

    ModelConfig = Annotated[Union[tuple(backend_configs().values())], Field(discriminator="backend")]  # noqa: UP007
