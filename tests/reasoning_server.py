"""A stand-in for a reasoning model behind vLLM or SGLang with a reasoning parser (or DeepSeek's API):
the trace comes back as `message.reasoning_content` (or `message.reasoning`, `field="reasoning"`), the
answer as `content`, and `usage.completion_tokens_details.reasoning_tokens` counts the trace. With
`style="think"` it is the same model behind a server without a parser: `<think>trace</think>answer` in
`content`, and no reasoning count.

It answers "What is A + B?" (any prompt with two integers and a plus) from A and a hash of the request's
seed, so a test knows every candidate's fate (`fate`): a reply runs out of tokens inside its trace
(finish_reason length, no content), answers right, answers wrong, or answers with no number. Problems
with A % 4 == 0 are always solved, A % 4 == 1 never, the others about half the time. Every trace
ends on the right value ("So the answer is A+B."), so a verifier that read
the trace as the answer would pass the unreadable and the unfinished replies, and be caught. Trace
lengths vary with the seed, so candidates differ in length.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

import orjson
from aiohttp import web

from tests.threaded_server import ThreadedServer

SUM = re.compile(r"(-?\d+)\s*\+\s*(-?\d+)")


def fate(seed: int, a: int) -> str:
    draw = int(hashlib.sha256(str(seed).encode()).hexdigest()[:8], 16) % 10
    if a % 4 == 0:
        return "right"
    if a % 4 == 1:
        return "unfinished" if draw < 3 else "wrong" if draw < 7 else "unreadable"
    return "unfinished" if draw == 0 else "right" if draw < 5 else "wrong" if draw < 8 else "unreadable"


def operands(prompt: str) -> tuple[int, int]:
    found = SUM.search(prompt)
    return (int(found.group(1)), int(found.group(2))) if found else (0, 0)


def fate_of(body: dict) -> str:
    """The fate of the request `body` (as the server logged it in `seen`)."""
    return fate(int(body.get("seed") or 0), operands(body["messages"][-1]["content"])[0])


@dataclass
class ReasoningServer:
    style: str = "reasoning_content"  # or "think": the trace inside the text, as a server without a parser
    key: str = "reasoning_content"  # the message key of the trace (vLLM >= 0.9 also sends `reasoning`)
    seen: list[dict] = field(default_factory=list)
    url: str = ""

    def reply(self, prompt: str, seed: int) -> tuple[str | None, str, str]:
        """(content, trace, finish_reason) for one request."""
        a, b = operands(prompt)
        # A firm trace (no guess, no re-derivation after its answer): the math reader abstains on doubt.
        trace = f"I need {a} + {b}. Counting up from {a} by {b} gives the sum. " + "Adding is easy. " * (seed % 4) + \
                f"So the answer is {a + b}."
        kind = fate(seed, a)
        if kind == "unfinished":
            return None, trace + " Wait, let me recount", "length"
        answer = {"right": f"The answer is {a + b}.", "wrong": f"The answer is {a + b - 2}.",
                  "unreadable": "Let us move on to the next question."}[kind]
        return answer, trace, "stop"

    async def _chat(self, request: web.Request) -> web.Response:
        body = orjson.loads(await request.read())
        self.seen.append(body)
        prompt = body["messages"][-1]["content"]
        content, trace, finish = self.reply(prompt, int(body.get("seed") or 0))
        words = len(trace.split()) + len((content or "").split())
        message: dict = {"role": "assistant"}
        usage: dict = {"prompt_tokens": len(prompt.split()), "completion_tokens": words}
        if self.style == "think":
            message["content"] = f"<think>\n{trace}" + ("" if content is None else f"\n</think>\n\n{content}")
        else:
            message["content"] = content
            message[self.key] = trace
            usage["completion_tokens_details"] = {"reasoning_tokens": len(trace.split())}
        return web.json_response({"id": "r", "object": "chat.completion", "model": body.get("model"),
                                  "choices": [{"index": 0, "message": message, "finish_reason": finish}],
                                  "usage": usage})

    async def _models(self, request: web.Request) -> web.Response:
        return web.json_response({"object": "list", "data": [{"id": "reasoner", "object": "model"}]})

    def _app(self) -> web.Application:
        app = web.Application()
        app.router.add_get("/v1/models", self._models)
        app.router.add_post("/v1/chat/completions", self._chat)
        return app

    def start(self) -> ReasoningServer:
        self._server = ThreadedServer()
        self.url = self._server.serve(self._app) + "/v1"
        return self

    def stop(self) -> None:
        self._server.stop()
