"""`synthloom generate`: prompts in, one completion line out per prompt, in input order."""

from __future__ import annotations

import asyncio
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from synthloom.engine.defaults import BATCH_IN_FLIGHT
from synthloom.engine.engine import Engine, GenerationFailed
from synthloom.errors import UserError
from synthloom.io.tables import iter_jsonl
from synthloom.models.base import ChatRequest, EndpointUnreachable
from synthloom.record import stable_id
from synthloom.redaction import redact
from synthloom.run.progress import progress_board

REORDER_WINDOW = 1024  # answered lines held back, at most, behind one slow earlier prompt


@dataclass
class OneOffResult:
    written: int
    failed: int


def parse_prompts(path: Path, system: str | None) -> list[list[dict[str, str]]]:
    """Each line `{"prompt": "..."}` or `{"messages": [{"role": ..., "content": ...}, ...]}`."""
    conversations = []
    for lineno, row in iter_jsonl(path):
        if isinstance(row.get("prompt"), str):
            messages = [{"role": "user", "content": row["prompt"]}]
        elif isinstance(row.get("messages"), list) and row["messages"] and all(
            isinstance(m, dict) and isinstance(m.get("role"), str) and isinstance(m.get("content"), str)
            for m in row["messages"]
        ):
            messages = [{"role": m["role"], "content": m["content"]} for m in row["messages"]]
        else:
            raise UserError(f"{path}:{lineno}: needs a \"prompt\" string or a \"messages\" list of "
                            "{\"role\", \"content\"} objects")
        if system and messages[0]["role"] != "system":
            messages.insert(0, {"role": "system", "content": system})
        conversations.append(messages)
    return conversations


def _line(index: int, request: ChatRequest, samples: Any, error: str | None, model: str) -> bytes:
    row: dict[str, Any] = {"index": index, "id": stable_id("generate", request.messages),
                           "messages": list(request.messages), "model": model}
    if error is not None:
        row.update(completion=None, error=error)  # recorded, never written as if it had an answer
    else:
        texts = [s.choice.text for s in samples]
        row.update(
            completion=texts[0] if len(texts) == 1 else texts,
            finish_reason=[s.choice.finish_reason for s in samples] if len(texts) > 1
            else samples[0].choice.finish_reason,
            usage={"prompt_tokens": sum(s.usage.prompt_tokens for s in samples),
                   "completion_tokens": sum(s.usage.completion_tokens for s in samples)},
            cached=all(s.cached for s in samples),
        )
        if samples[0].choice.logprobs is not None:
            row["logprobs"] = [s.choice.logprobs for s in samples]
        if any(s.choice.reasoning or s.choice.reasoning_unfinished for s in samples):  # a reasoning model's trace
            traces = [s.choice.reasoning for s in samples]
            row["reasoning"] = traces[0] if len(traces) == 1 else traces
            row["usage"]["reasoning_tokens"] = sum(s.usage.reasoning_tokens for s in samples)
            if any(s.choice.reasoning_unfinished for s in samples):
                row["reasoning_unfinished"] = [s.choice.reasoning_unfinished for s in samples]
    return orjson.dumps(row) + b"\n"


async def generate_file(engine: Engine, requests: list[ChatRequest], out: Path, *,
                        progress: bool = True) -> OneOffResult:
    """Stream every request through the engine; write lines in input order as soon as they can be."""
    pending: dict[int, bytes] = {}
    next_to_write = 0
    failed = 0
    # Batch mode wants every prompt in flight: each one waits for a batch, not for a connection.
    in_flight = BATCH_IN_FLIGHT if engine.batches is not None else max(2 * engine.settings.concurrency, 4)
    slots = asyncio.Semaphore(in_flight)
    # Lines wait in memory only for an earlier slow one, and at most this many of them: prompt i is not
    # started until line i - window is written, so one slow early prompt cannot hold every answer.
    window = asyncio.Semaphore(max(REORDER_WINDOW, in_flight))
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".partial")  # the finished file appears only when every line is in
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)

    async def one(index: int, request: ChatRequest) -> None:
        nonlocal next_to_write, failed
        try:
            samples, error = await engine.complete(request), None
        except GenerationFailed as exc:
            samples, error = None, redact(str(exc))
            failed += 1
        finally:
            slots.release()
        pending[index] = _line(index, request, samples, error, engine.backend.model_name)
        chunk = []
        while next_to_write in pending:
            chunk.append(pending.pop(next_to_write))
            next_to_write += 1
        if chunk:
            os.write(fd, b"".join(chunk))
            for _ in chunk:
                window.release()
        bar.advance()

    async def start_all() -> None:
        for index, request in enumerate(requests):
            await window.acquire()
            await slots.acquire()
            task = asyncio.create_task(one(index, request))
            task.add_done_callback(stop_on_fatal)
            tasks.append(task)

    stopped = False

    def stop_on_fatal(task: asyncio.Task) -> None:
        # A call that failed for a reason no retry fixes (a refused key, an unreachable server) never
        # writes its line, so the window would never reopen: stop starting prompts and end the rest.
        nonlocal stopped
        if not task.cancelled() and task.exception() is not None:
            stopped = True
            starter.cancel()
            for other in tasks:
                other.cancel()

    tasks: list[asyncio.Task] = []
    try:
        with progress_board(lambda: engine.metrics, progress) as board:
            bar = board.bar("generate", len(requests))
            starter = asyncio.ensure_future(start_all())
            try:
                await starter
            except asyncio.CancelledError:
                if not stopped:  # cancelled from outside (Ctrl-C), not by a failed call
                    raise
            results = await asyncio.gather(*tasks, return_exceptions=True)
        fatal = [r for r in results if isinstance(r, BaseException) and not isinstance(r, asyncio.CancelledError)]
        for result in fatal:
            if isinstance(result, EndpointUnreachable):
                raise UserError(str(result))
        if fatal:
            raise fatal[0]
    finally:
        os.close(fd)
        await engine.close()
    os.replace(tmp, out)
    return OneOffResult(written=len(requests), failed=failed)
