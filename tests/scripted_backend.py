"""An in-process backend that answers from a script, for unit tests of steps and the pipeline: no server,
no model, every answer chosen by the test. Integration tests use a real llama.cpp server and the real
bundled models instead; this is for what those cannot show quickly and exactly (a given reply to a given
prompt, an error on the third call)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from synthloom.models.base import BackendError, ChatRequest, Choice, Completion, Usage

# A Choice reply is returned as it is: how a test scripts native `tool_calls`.
Reply = str | Choice | Callable[[ChatRequest], str | Choice] | BackendError


@dataclass
class ScriptedBackend:
    """Answers the first rule whose pattern (a regex) is found in the request's last message, else
    `default`. A rule's reply is text, a function of the request, or a BackendError to raise."""

    rules: list[tuple[str, Reply]] = field(default_factory=list)
    default: Reply = "ok"
    identity: str = "scripted"
    model_name: str = "scripted"
    native_n: bool = False
    max_parallel: int | None = None
    requests: list[ChatRequest] = field(default_factory=list)

    async def generate(self, request: ChatRequest) -> Completion:
        self.requests.append(request)
        text = request.prompt if request.prompt is not None else request.messages[-1].get("content") or ""
        reply = next((r for pattern, r in self.rules if re.search(pattern, text)), self.default)
        if isinstance(reply, BackendError):
            raise reply
        answer = reply(request) if callable(reply) else reply
        choice = answer if isinstance(answer, Choice) else Choice(answer, "stop")
        return Completion([choice], Usage(len(text.split()), len(choice.text.split())), self.model_name)

    async def check(self) -> str:
        return "scripted backend"

    async def preflight(self) -> None:
        return None

    async def close(self) -> None:
        return None
