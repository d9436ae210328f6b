"""The user's tool implementations and check functions, run in the sandbox (sandbox.py), never here.

A `ToolSession` is one sandboxed process holding the tools module for one trajectory: calls go to it
one at a time, each bounded by its own timeout; a call that times out (an endless loop) or a process
that dies ends the session, and every later call is refused with the same reason. Whatever the module
or the model's arguments do, the outcome is a `CallOutcome`, never an exception.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
from dataclasses import dataclass
from importlib import resources
from typing import Any

from synthloom.verifiers.code import ProtocolBroken, _Channel
from synthloom.verifiers.sandbox import SandboxLimits, open_python

HARNESS = "tool_harness.py"
MODULE = "synthloom_user_module.py"


def _harness() -> str:
    return (resources.files("synthloom.verifiers") / HARNESS).read_text(encoding="utf-8")


@dataclass(frozen=True)
class CallOutcome:
    status: str  # ok, error (the tool raised, or returned what is not JSON), timeout, broken (the process)
    result: str = ""  # the returned value as JSON text (ok)
    error: str = ""


def session_limits(call_timeout_s: float, max_calls: int, memory_mb: int) -> SandboxLimits:
    """CPU for every call the trajectory may make; each call's wall clock is bounded on its own."""
    return SandboxLimits(wall_s=call_timeout_s, cpu_s=max(1, math.ceil(call_timeout_s * (max_calls + 1))),
                         memory_mb=memory_mb)


class ToolSession:
    def __init__(self, module_source: str, call_timeout_s: float, limits: SandboxLimits) -> None:
        self.module_source, self.call_timeout_s, self.limits = module_source, call_timeout_s, limits
        self.functions: list[str] = []
        self.ended = ""  # why the process can take no more calls
        self._calls = 0
        self._stack = contextlib.AsyncExitStack()
        self._channel: _Channel | None = None

    async def __aenter__(self) -> ToolSession:
        proc = await self._stack.enter_async_context(
            open_python({HARNESS: _harness(), MODULE: self.module_source}, HARNESS, self.limits))
        self._channel = _Channel(proc, self._deadline(self.call_timeout_s + 5))  # start-up: imports
        try:
            await self._channel.send({"role": "serve", "module": MODULE})
            loaded = await self._channel.receive()
        except (asyncio.TimeoutError, ProtocolBroken) as exc:
            self.ended = f"the tools module did not load: {exc or 'timeout'}"
            return self
        if loaded.get("loaded") is not True:
            self.ended = f"the tools module did not load: {str(loaded.get('error'))[:300]}"
        else:
            self.functions = [str(f) for f in loaded.get("functions") or []]
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._stack.aclose()

    @staticmethod
    def _deadline(seconds: float) -> float:
        return asyncio.get_running_loop().time() + seconds

    async def call(self, name: str, arguments: dict[str, Any]) -> CallOutcome:
        if self.ended or self._channel is None:
            return CallOutcome("broken", error=self.ended or "no tools process")
        self._calls += 1
        self._channel.deadline = self._deadline(self.call_timeout_s)
        try:
            await self._channel.send({"id": self._calls, "name": name, "arguments": arguments})
            answer = await self._channel.receive()
        except asyncio.TimeoutError:
            self.ended = f"the call to {name!r} ran past {self.call_timeout_s:g} s"
            return CallOutcome("timeout", error=self.ended)
        except ProtocolBroken as exc:
            limit = await self._channel.ended_by_limit()
            stderr = await self._channel.last_error_line()
            self.ended = (f"the tools process was ended by its CPU or memory limit during {name!r}" if limit
                          else f"the tools process broke during {name!r}: {exc}{': ' + stderr if stderr else ''}")
            return CallOutcome("timeout" if limit else "broken", error=self.ended[:500])
        if answer.get("id") != self._calls:
            self.ended = "the tools process answered out of turn"
            return CallOutcome("broken", error=self.ended)
        if "error" in answer:
            return CallOutcome("error", error=str(answer["error"])[:500])
        return CallOutcome("ok", result=str(answer.get("result")))


async def run_check(module_source: str, function: str, trajectory: dict[str, Any],
                    limits: SandboxLimits) -> tuple[bool | None, str]:
    """(the check's verdict, its reason); None when the check itself failed (raised, timed out, wrong
    return type): that is the check's problem, reported as such, never a pass."""
    async with open_python({HARNESS: _harness(), MODULE: module_source}, HARNESS, limits) as proc:
        channel = _Channel(proc, asyncio.get_running_loop().time() + limits.wall_s)
        try:
            await channel.send({"role": "check", "module": MODULE, "function": function, "trajectory": trajectory})
            answer = await channel.receive()
        except asyncio.TimeoutError:
            return None, f"the check {function!r} ran past {limits.wall_s:g} s"
        except ProtocolBroken as exc:
            return None, f"the check {function!r} broke: {exc}"
    if "error" in answer:
        return None, f"the check {function!r} failed: {str(answer['error'])[:300]}"
    return answer.get("verdict") is True, str(answer.get("reason") or "")[:500]
