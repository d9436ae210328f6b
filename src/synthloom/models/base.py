"""The model protocol: what every backend accepts and returns, and the errors it may raise."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol


@dataclass(frozen=True)
class ChatRequest:
    """One chat completion request. `n` samples; the engine decides how they reach the backend."""

    messages: tuple[dict[str, Any], ...]  # content is text; assistant tool_calls and tool messages carry more
    n: int = 1
    prompt: str | None = None  # raw text completion instead of chat (base models, e.g. a feedback model)
    temperature: float = 0.7
    top_p: float = 1.0
    max_tokens: int = 256
    seed: int | None = None
    stop: tuple[str, ...] = ()
    json_schema: dict[str, Any] | None = None  # constrain output to this JSON Schema where supported
    logprobs: bool = False
    top_logprobs: int = 0
    # OpenAI-style function definitions ({"type": "function", "function": {...}}) the model may call;
    # only backends with native tool calling send them (see steps/techniques/tool_use.py).
    tools: tuple[dict[str, Any], ...] = ()
    tool_choice: str | None = None  # "auto", "none" or "required"

    @classmethod
    def build(cls, messages: list[dict[str, Any]], **params: Any) -> ChatRequest:
        stop = params.pop("stop", None) or ()
        tools = tuple(params.pop("tools", None) or ())
        return cls(messages=tuple(dict(m) for m in messages), stop=tuple(stop), tools=tools, **params)

    @classmethod
    def text(cls, prompt: str, **params: Any) -> ChatRequest:
        """A plain text completion: the model continues `prompt` (no chat template)."""
        stop = params.pop("stop", None) or ()
        return cls(messages=(), prompt=prompt, stop=tuple(stop), **params)

    def sampling(self) -> dict[str, Any]:
        """The parameters that change what the model returns (all of them go into the cache key)."""
        # Built by hand: dataclasses.asdict deep-copies, which costs more than the rest of a cached call.
        params: dict[str, Any] = {"prompt": self.prompt, "temperature": self.temperature, "top_p": self.top_p,
                                  "max_tokens": self.max_tokens, "seed": self.seed, "stop": self.stop,
                                  "json_schema": self.json_schema, "logprobs": self.logprobs,
                                  "top_logprobs": self.top_logprobs}
        if self.tools or self.tool_choice:  # only then, so every cache key made before tools existed holds
            params.update(tools=self.tools, tool_choice=self.tool_choice)
        return params

    def single(self, seed: int | None) -> ChatRequest:
        """The same request for one sample with its own seed."""
        return ChatRequest(**{**self.__dict__, "n": 1, "seed": seed})


TRANSCRIPT_STOP = "\nUser:"


def as_transcript(request: ChatRequest) -> ChatRequest:
    """The same request for a base model (no chat template). A lone user message is the completion
    prompt as it is (so few-shot prompts keep their pattern); a conversation becomes a plain-text
    transcript ending where the assistant would speak, stopping before the model writes a user turn."""
    if request.prompt is not None:
        return request
    if len(request.messages) == 1 and request.messages[0]["role"] == "user":
        return ChatRequest(**{**request.__dict__, "messages": (), "prompt": request.messages[0]["content"]})
    names = {"system": "", "user": "User: ", "assistant": "Assistant: "}
    lines = [f"{names.get(m['role'], m['role'].title() + ': ')}{m.get('content') or ''}" for m in request.messages]
    prompt = "\n\n".join(lines) + "\n\nAssistant:"
    return ChatRequest(**{**request.__dict__, "messages": (), "prompt": prompt,
                          "stop": (*request.stop, TRANSCRIPT_STOP)})


@dataclass
class Usage:
    prompt_tokens: int = 0  # every input token, cached ones included
    completion_tokens: int = 0
    # The parts of prompt_tokens read from, or written to, the provider's prompt cache (priced apart).
    cache_read_tokens: int = 0
    cache_write_tokens: int = 0
    # The part of completion_tokens spent reasoning, where the server says (completion_tokens_details).
    reasoning_tokens: int = 0

    def __iadd__(self, other: Usage) -> Usage:
        self.prompt_tokens += other.prompt_tokens
        self.completion_tokens += other.completion_tokens
        self.cache_read_tokens += other.cache_read_tokens
        self.cache_write_tokens += other.cache_write_tokens
        self.reasoning_tokens += other.reasoning_tokens
        return self

    def split(self, n: int) -> Usage:
        """One of n samples' share of a call's usage."""
        return Usage(self.prompt_tokens // n, self.completion_tokens // n, self.cache_read_tokens // n,
                     self.cache_write_tokens // n, self.reasoning_tokens // n)


@dataclass
class Choice:
    text: str
    finish_reason: str | None = None
    # Per generated token: {"token", "logprob", "top": {token: logprob}}; None when not requested.
    logprobs: list[dict[str, Any]] | None = None
    # Native function calls, in OpenAI's wire shape: [{"id", "type": "function", "function": {"name",
    # "arguments": a JSON string as the model wrote it}}]; None when the model called nothing.
    tool_calls: list[dict[str, Any]] | None = None
    # The reasoning part: the server's reasoning_content, or (after the engine splits the text) the
    # <think> block the model wrote; None when the reply had none.
    reasoning: str | None = None
    reasoning_unfinished: bool = False  # the reasoning never closed: the reply has no answer


@dataclass
class Completion:
    """What a backend returns for one call: one or more choices and the tokens the call used."""

    choices: list[Choice]
    usage: Usage = field(default_factory=Usage)
    model: str | None = None


class BackendError(Exception):
    """A call failed. `retryable` says whether trying again may help; `retry_after` is the server's hint."""

    def __init__(self, message: str, *, retryable: bool, retry_after: float | None = None,
                 kind: str = "error", fatal: bool = False) -> None:
        super().__init__(message)
        self.retryable = retryable
        self.retry_after = retry_after
        self.kind = kind  # short label for metrics: rate_limited, server_error, timeout, connection, ...
        # No request to this endpoint can succeed as configured (bad key, wrong URL, not an OpenAI API,
        # unknown model): the engine stops the run instead of failing every record the same way.
        self.fatal = fatal


RETRYABLE_STATUS = frozenset({408, 409, 425, 429, 500, 502, 503, 504, 520, 522, 524, 529})


def status_kind(status: int) -> str:
    """The metrics label of an HTTP error. 503 and 529 (Anthropic's "overloaded") say the server is
    saturated, as 429 does: the adaptive concurrency limit shrinks on all three."""
    if status == 429:
        return "rate_limited"
    if status in (503, 529):
        return "overloaded"
    return "server_error" if status >= 500 else "client_error"


class EndpointUnreachable(Exception):
    """The configured endpoint cannot be reached at all, or cannot serve any request as configured
    (a refused key, an unknown model, a URL that is no OpenAI API); the run stops with this message."""


class EndpointMisconfigured(EndpointUnreachable):
    """The endpoint answers, and its answer says the configuration is wrong: no retry can help."""


class Backend(Protocol):
    """A small adapter around one model server or library."""

    #: Identity for the cache key: backend kind plus where it lives (never credentials).
    identity: str
    model_name: str
    #: True when one call can return `n` samples; otherwise the engine issues one call per sample.
    native_n: bool
    #: Largest number of calls worth running at once (an in-process model is one at a time).
    max_parallel: int | None

    async def generate(self, request: ChatRequest) -> Completion: ...

    async def check(self) -> str:
        """Confirm the backend answers; return a one-line description. Raises EndpointUnreachable."""
        ...

    async def preflight(self) -> None:
        """Cheap checks before the first real call (is the model served here?); raises
        EndpointUnreachable naming the fix. The engine calls it once, and only when it must call."""
        ...

    async def close(self) -> None: ...
