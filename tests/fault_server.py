"""A small OpenAI-compatible server that misbehaves on demand: only for what a real server cannot do
when asked (429 with Retry-After, 500, hangs, invalid JSON, dropped connections).

The user message picks the behaviour: `fault:429x2` answers 429 twice, then normally; likewise
`500xN`, `hangxN`, `badjsonxN`, `dropxN`; `fault:always500` never succeeds; `fault:echoauth` answers 500
with the request's Authorization header in the body, as some proxies do. A normal answer echoes the
prompt (and seed), so every output is predictable. Every request is logged with its time.

`mode` makes the whole server misbehave, /models included: "401" refuses every key (echoing it back),
"html" serves a web page for every path, as a wrong base_url does.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections import Counter
from dataclasses import dataclass, field

import orjson
from aiohttp import web

from tests.threaded_server import ThreadedServer

FAULT = re.compile(r"fault:(429|500|hang|badjson|drop|always500|echoauth)(?:x(\d+))?")
HTML_PAGE = b"<!DOCTYPE html><html><head><title>Welcome</title></head><body>It works!</body></html>"


@dataclass
class LoggedRequest:
    at: float
    prompt: str
    seed: int | None
    outcome: str
    authorization: str | None = None


@dataclass
class FaultServer:
    latency: float = 0.0
    retry_after: float = 1.0
    models: tuple[str, ...] = ("fault-model", "echo")  # what GET /models lists
    mode: str | None = None  # "401" or "html": every path misbehaves
    requests_seen: int = 0  # every request, on any path
    log: list[LoggedRequest] = field(default_factory=list)
    url: str = ""
    _attempts: Counter = field(default_factory=Counter)

    def reset(self) -> None:
        self.log.clear()
        self._attempts.clear()

    def count(self, prompt_substring: str) -> int:
        return sum(1 for r in self.log if prompt_substring in r.prompt)

    async def _models(self, request: web.Request) -> web.Response:
        return web.json_response({"object": "list", "data": [{"id": name, "object": "model"} for name in self.models]})

    async def _chat(self, request: web.Request) -> web.StreamResponse:
        body = orjson.loads(await request.read())
        prompt = body["messages"][-1]["content"]
        seed = body.get("seed")
        attempt_key = (prompt, seed)
        self._attempts[attempt_key] += 1
        attempt = self._attempts[attempt_key]
        match = FAULT.search(prompt)
        fault = None
        if match:
            kind, times = match.group(1), int(match.group(2) or 1)
            if kind in ("always500", "echoauth") or attempt <= times:
                fault = kind
        self.log.append(LoggedRequest(time.monotonic(), prompt, seed, fault or "ok",
                                      request.headers.get("Authorization")))
        if self.latency:
            await asyncio.sleep(self.latency)
        if fault == "429":
            return web.json_response({"error": "slow down"}, status=429,
                                     headers={"Retry-After": str(self.retry_after)})
        if fault == "echoauth":
            return web.json_response({"error": "upstream failed", "request_headers": {
                "Authorization": request.headers.get("Authorization")}}, status=500)
        if fault in ("500", "always500"):
            return web.json_response({"error": "boom"}, status=500)
        if fault == "hang":
            await asyncio.sleep(3600)
        if fault == "badjson":
            return web.Response(body=b'{"choices": [ this is not json', content_type="application/json")
        if fault == "drop":
            request.transport.close()
            return web.Response(status=200)
        text = f"echo: {prompt}" + (f" #{seed}" if seed is not None else "")
        return web.json_response({
            "id": "x", "object": "chat.completion", "model": body.get("model"),
            "choices": [{"index": 0, "message": {"role": "assistant", "content": text},
                         "finish_reason": "stop"}],
            "usage": {"prompt_tokens": len(prompt.split()), "completion_tokens": len(text.split())},
        })

    @web.middleware
    async def _server_mode(self, request: web.Request, handler) -> web.StreamResponse:
        self.requests_seen += 1
        if self.mode == "401":
            return web.json_response({"error": {"message": "Incorrect API key provided: "
                                                f"{request.headers.get('Authorization')}"}}, status=401)
        if self.mode == "html":
            return web.Response(body=HTML_PAGE, content_type="text/html")
        return await handler(request)

    def _app(self) -> web.Application:
        app = web.Application(middlewares=[self._server_mode])
        app.router.add_get("/v1/models", self._models)
        app.router.add_post("/v1/chat/completions", self._chat)
        return app

    def start(self) -> FaultServer:
        """Serve on a free loopback port from a background thread."""
        self._server = ThreadedServer()
        self.url = self._server.serve(self._app) + "/v1"
        return self

    def stop(self) -> None:
        self._server.stop()
