"""`tool_use` against a stand-in OpenAI-compatible server that answers in the wire format: `tools` in
the request, `tool_calls` with JSON-text arguments in the reply, `tool` messages sent back. Also: the
response cache keeps the calls (a second run makes no request), and the export writes them."""

from __future__ import annotations

import json

import orjson
import pytest
from aiohttp import web

from synthloom.config import RunConfig
from synthloom.engine.model_engines import Engines
from synthloom.io.training_formats import convert
from synthloom.record import Record
from synthloom.steps.base import StepContext
from synthloom.steps.techniques.tool_use import ToolUseStep
from tests.threaded_server import ThreadedServer


class ToolServer:
    """Plays a model that calls `calculate` for the expression in the user's question, then answers with
    the result it was sent back; a question about "garbage" gets arguments that are not JSON."""

    def __init__(self) -> None:
        self.bodies: list[dict] = []
        self.server = ThreadedServer()
        self.url = self.server.serve(self.app) + "/v1"

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/v1/chat/completions", self.chat)
        app.router.add_get("/v1/models", self.models)
        return app

    async def models(self, request: web.Request) -> web.Response:
        return web.json_response({"object": "list", "data": [{"id": "toolsmith", "object": "model"}]})

    async def chat(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.bodies.append(body)
        last = body["messages"][-1]
        if last["role"] == "tool":
            result = json.loads(last["content"])["result"]
            message = {"role": "assistant", "content": f"The result is {result}."}
            finish = "stop"
        else:
            expression = last["content"].removeprefix("Compute ").rstrip(".")
            arguments = "{not json" if "garbage" in expression else json.dumps({"expression": expression})
            message = {"role": "assistant", "content": None, "tool_calls": [
                {"id": f"call_{len(self.bodies)}", "type": "function",
                 "function": {"name": "calculate", "arguments": arguments}}]}
            finish = "tool_calls"
        return web.json_response({"id": "chatcmpl-1", "object": "chat.completion", "created": 0,
                                  "model": "toolsmith",
                                  "choices": [{"index": 0, "message": message, "finish_reason": finish}],
                                  "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15}})


@pytest.fixture
def tool_server():
    server = ToolServer()
    yield server
    server.server.stop()


QUERIES = [f"Compute {a} * {b}." for a, b in [(6, 7), (12, 12), (3, 9), (25, 4), (7, 7)]] + ["Compute garbage."]


async def run_once(url: str, tmp_path) -> tuple[ToolUseStep, list[Record]]:
    config = RunConfig.model_validate({
        "run_dir": str(tmp_path / "r"), "input": {"path": "unused.jsonl"},
        "model": {"backend": "openai", "base_url": url, "model": "toolsmith"},
        "pipeline": [{"step": "tool_use", "max_turns": 3}]})
    engines = Engines(config, str(tmp_path / "cache.sqlite"))
    step = ToolUseStep(config.pipeline[0], StepContext.in_process(engines), "tool_use")
    try:
        return step, await step.run_all([Record.from_input(i, {"query": q}) for i, q in enumerate(QUERIES)])
    finally:
        await engines.close()


async def test_native_tool_calls_over_the_wire(tool_server, tmp_path):
    step, kept = await run_once(tool_server.url, tmp_path)
    assert step.native  # auto: an OpenAI-compatible chat server
    assert "flag" not in step.report() and step.counters["replies_with_native_calls"] == 6
    assert sorted(r.fields["output"] for r in kept) == sorted(f"The result is {n}." for n in [42, 144, 27, 100, 49])
    [dropped] = step.removed
    assert dropped.meta["tool_use"]["removed"] == "arguments_not_json"
    first = tool_server.bodies[0]
    assert first["tool_choice"] == "auto" and [t["function"]["name"] for t in first["tools"]][:2] == [
        "calculate", "convert_units"]
    follow_up = next(b for b in tool_server.bodies if b["messages"][-1]["role"] == "tool")
    assistant, tool = follow_up["messages"][-2:]
    assert assistant["tool_calls"][0]["function"]["name"] == "calculate"
    assert tool["tool_call_id"] == assistant["tool_calls"][0]["id"]
    assert len(tool_server.bodies) == 2 * 5 + 1
    # Every answer came back from the cache the second time: the calls were stored with the text.
    asked = len(tool_server.bodies)
    step, again = await run_once(tool_server.url, tmp_path)
    assert len(tool_server.bodies) == asked
    assert [r.fields["messages"] for r in again] == [r.fields["messages"] for r in kept]
    rows, skipped = convert([orjson.loads(r.to_json()) for r in kept], "tools")
    assert skipped == 0 and len(rows) == 5
    assert set(rows[0]) == {"messages", "tools"}
    assert [m["role"] for m in rows[0]["messages"]] == ["user", "assistant", "tool", "assistant"]
    sft, _ = convert([orjson.loads(r.to_json()) for r in kept], "sft")
    assert sft == rows  # sft never cuts a trajectory down to its question and answer
