"""Code: a candidate against unit tests, with the verdict decided by trusted code outside its process.

Threat model: the candidate is adversarial and knows this source. So nothing it controls decides:
its exit status, what it prints, files it writes and how its return values compare mean nothing.

- "cases" mode (HumanEval-style `check` decomposed by code_cases.py): the candidate's process gets only
  the inputs, calls the entry point once per case and sends each return value back as plain data
  (sandbox_wire.py); the expected values never enter it. The parent compares, per case.
- "whole_check" mode (a test that cannot be decomposed): the test's own `check` runs in a second
  sandbox with no candidate code; each call of `candidate` there crosses to the candidate's sandbox and
  back as plain data. The assertions run where the candidate cannot reach them.
Outcomes: pass, fail (a wrong value), error (the code does not load, raises, returns something that is
not plain data, or breaks the protocol), timeout, bad_test (the test itself is broken); per case on the
verdict, so a user sees which case failed.
"""

from __future__ import annotations

import ast
import asyncio
import contextlib
import hashlib
import json
import logging
import re
import signal
from importlib import resources
from typing import Any

from synthloom.verifiers import sandbox_wire as wire
from synthloom.verifiers.base import Verdict
from synthloom.verifiers.code_abstain import defined_names, identity_checks, why_abstain
from synthloom.verifiers.code_cases import Case, NotDecomposable, decompose, judge
from synthloom.verifiers.sandbox import SandboxLimits, isolation, open_python, read_capped

log = logging.getLogger(__name__)
MAX_PROGRAM_CHARS = 100_000  # a solution to a programming task is a few kilobytes
_FENCE = re.compile(r"```(?:python|py|python3)?[ \t]*\n(.*?)```", re.DOTALL)


def extract_code(text: str) -> str:
    """The code in a candidate: the longest fenced block, or the text as it is."""
    blocks = _FENCE.findall(text)
    return max(blocks, key=len) if blocks else text


def candidate_program(fields: dict[str, Any], candidate: str) -> str:
    """The prompt (imports, signature, docstring) completed by the candidate. A candidate that writes
    the whole function keeps the prompt's preamble (its imports and helpers) in front of it."""
    code = extract_code(candidate)
    entry = f"def {fields['entry_point']}"
    prompt = fields["prompt"]
    preamble = prompt[: prompt.find(entry)] if entry in prompt else ""
    return preamble + code if entry in code else prompt + code


def _harness_files() -> dict[str, str]:
    package = resources.files("synthloom.verifiers")
    return {name: (package / name).read_text(encoding="utf-8") for name in ("sandbox_harness.py", "sandbox_wire.py")}


class ProtocolBroken(Exception):
    """The sandboxed side sent something that is not an answer: counted as the candidate's error."""

    def __init__(self, message: str, kind: str = "protocol") -> None:
        super().__init__(message)
        self.kind = kind  # protocol, decode, size: what the error counts as


class _Channel:
    """Lines of JSON to and from one sandboxed harness, bounded by one shared deadline."""

    def __init__(self, proc: asyncio.subprocess.Process, deadline: float) -> None:
        self.proc, self.deadline = proc, deadline
        assert proc.stdout is not None and proc.stdin is not None and proc.stderr is not None  # opened as pipes
        self.stderr = asyncio.ensure_future(read_capped(proc.stderr))  # drained, so the child never blocks

    async def send(self, message: dict) -> None:
        """Bounded by the deadline too: a process that stops reading fills the pipe, and then a plain
        drain() would wait forever."""
        assert self.proc.stdin
        remaining = self.deadline - asyncio.get_running_loop().time()
        if remaining <= 0:
            raise asyncio.TimeoutError
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.proc.stdin.write((json.dumps(message) + "\n").encode())
            await asyncio.wait_for(self.proc.stdin.drain(), remaining)

    async def receive(self) -> dict:
        assert self.proc.stdout
        remaining = self.deadline - asyncio.get_running_loop().time()
        if remaining <= 0:
            raise asyncio.TimeoutError
        try:
            line = await asyncio.wait_for(self.proc.stdout.readline(), remaining)
        except (ValueError, asyncio.LimitOverrunError) as exc:
            raise ProtocolBroken("an answer over the size limit", "size") from exc
        if not line:
            raise ProtocolBroken("the process ended before answering")
        try:
            message = json.loads(line)
        except (ValueError, RecursionError) as exc:  # RecursionError: nesting deeper than json can read
            raise ProtocolBroken(f"an answer that is not readable JSON ({type(exc).__name__})", "decode") from exc
        if type(message) is not dict:
            raise ProtocolBroken("an answer that is not an object")
        return message

    async def ended_by_limit(self) -> bool:
        """Whether the process was ended by the CPU limit or a kill, rather than ending by itself."""
        with contextlib.suppress(asyncio.TimeoutError):
            code = await asyncio.wait_for(self.proc.wait(), 2)
            return code in {-signal.SIGXCPU, -signal.SIGKILL, 128 + signal.SIGXCPU, 128 + signal.SIGKILL}
        return False

    async def last_error_line(self) -> str:
        with contextlib.suppress(Exception):
            text = (await asyncio.wait_for(self.stderr, 1)).decode("utf-8", "replace")
            lines = [line for line in text.strip().splitlines() if line.strip()]
            return lines[-1][:300] if lines else ""
        return ""


class CodeVerifier:
    """Fields: `prompt`, `test`, `entry_point` (HumanEval's format)."""

    def __init__(self, limits: SandboxLimits = SandboxLimits(wall_s=10, cpu_s=5)) -> None:
        self.limits = limits
        self.name = "code_tests"
        self.isolation: dict[str, str] | None = isolation()
        self._values: dict[str, list[tuple] | str] = {}  # expected values per test, or why they are missing

    async def verify(self, candidate: str, fields: dict[str, Any]) -> Verdict:
        """Never raises for anything a candidate does: whatever goes wrong ends as this candidate's
        `error` verdict, with `error_kind` saying what kind of problem it was (counted by the steps)."""
        try:
            return await self._verify(candidate, fields)
        except Exception as exc:  # noqa: BLE001 - the last wall: one candidate must not stop a run
            log.warning("code verifier: a candidate ended in %s; counted as its error", type(exc).__name__,
                        exc_info=True)
            return Verdict(False, "error", f"the verifier could not finish: {type(exc).__name__}: {exc}"[:300],
                           error_kind="internal")

    async def _verify(self, candidate: str, fields: dict[str, Any]) -> Verdict:
        missing = [k for k in ("prompt", "test", "entry_point") if not isinstance(fields.get(k), str)]
        if missing:
            return Verdict(False, "bad_test", f"the record has no text field {', '.join(missing)}")
        try:
            ast.parse(fields["test"])
        except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
            return Verdict(False, "bad_test", f"the test does not parse: {type(exc).__name__}: {exc}"[:300])
        program = candidate_program(fields, candidate)
        if len(program) > MAX_PROGRAM_CHARS:  # compiling a crafted megabyte takes the parent gigabytes
            return Verdict(False, "error", f"the program is {len(program):,} characters; at most "
                           f"{MAX_PROGRAM_CHARS:,} are verified", mode="none", error_kind="size")
        try:
            compile(program, "program.py", "exec")  # compiling runs nothing
        except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
            return Verdict(False, "error", f"the candidate is not valid Python: {type(exc).__name__}: {exc}"[:300],
                           mode="none", error_kind="syntax")
        if (reason := why_abstain(program, fields["prompt"], fields["test"], fields["entry_point"])) is not None:
            return Verdict(False, "error", reason, mode="none", error_kind="abstained")
        try:
            cases = decompose(fields["test"], fields["entry_point"], defined_names(fields["prompt"]))
        except NotDecomposable as exc:
            if (reason := identity_checks(fields["test"])) is not None:
                return Verdict(False, "error", reason, mode="none", error_kind="abstained")
            return await self._whole_check(program, fields, str(exc))
        values = await self._case_values(fields, cases)
        if isinstance(values, str):
            return Verdict(False, "bad_test", values, mode="cases")
        return await self._run_cases(program, fields["entry_point"], cases, values)

    # --- cases mode -------------------------------------------------------------------------------

    async def _case_values(self, fields: dict[str, Any], cases: list[Case]) -> list[tuple] | str:
        """(args, expected, tolerance, wrapper args) per case: literals read here, anything else
        evaluated in the test's own module inside a sandbox with no candidate code. Cached per test."""
        key = hashlib.sha256(f"{fields['prompt']}\0{fields['test']}".encode()).hexdigest()
        if key not in self._values:
            sources = [s for c in cases for s in (c.args, c.expected or "None", c.tolerance or "None", c.wrapper_args)]
            evaluated: list[Any] = []
            pending = []
            for i, source in enumerate(sources):
                try:
                    evaluated.append(ast.literal_eval(source))
                except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
                    evaluated.append(None)
                    pending.append(i)
            if pending:
                found = await self._evaluate_in_test_module(fields, [sources[i] for i in pending])
                if isinstance(found, str):
                    self._values[key] = found
                    return found
                for i, value in zip(pending, found, strict=True):
                    evaluated[i] = value
            self._values[key] = [tuple(evaluated[i:i + 4]) for i in range(0, len(evaluated), 4)]
        return self._values[key]

    async def _evaluate_in_test_module(self, fields: dict[str, Any], sources: list[str]) -> list[Any] | str:
        files = {**_harness_files(), "test_module.py": fields["prompt"] + "\n\n" + fields["test"]}
        async with open_python(files, "sandbox_harness.py", self.limits) as proc:
            channel = _Channel(proc, asyncio.get_running_loop().time() + self.limits.wall_s)
            try:
                await channel.send({"role": "evaluate", "module": "test_module.py", "expressions": sources})
                answer = await channel.receive()
            except (asyncio.TimeoutError, ProtocolBroken) as exc:
                return f"the test's expected values could not be computed: {exc or 'timeout'}"
        if "error" in answer:
            return str(answer["error"])[:300]
        out = []
        for source, item in zip(sources, answer.get("values", []), strict=False):
            if type(item) is not dict or "error" in item:
                why = item.get("error") if type(item) is dict else "no value"
                return f"the test's expression {source[:80]!r} fails: {str(why)[:200]}"[:300]
            try:
                out.append(wire.decode(item.get("value")))
            except wire.Unencodable as exc:
                return f"the test's expression {source[:80]!r} is not plain data: {exc}"[:300]
        return out if len(out) == len(sources) else "the test's expected values could not be computed"

    async def _run_cases(self, program: str, entry: str, cases: list[Case], values: list[tuple]) -> Verdict:
        rows: dict[int, dict] = {}  # each answer is judged as it arrives and only its row is kept
        load_error, error_kind = "", ""
        async with open_python({**_harness_files(), "program.py": program}, "sandbox_harness.py",
                               self.limits) as proc:
            channel = _Channel(proc, asyncio.get_running_loop().time() + self.limits.wall_s)
            requests = [{"role": "serve", "program": "program.py", "entry": entry}] + [
                {"id": i, "args": wire.encode(tuple(args))} for i, (args, *_rest) in enumerate(values)]
            writer = asyncio.ensure_future(self._send_all(channel, requests))
            try:
                loaded = await channel.receive()
                if loaded.get("loaded") is not True:
                    load_error, error_kind = str(loaded.get("error", "the program did not load"))[:300], "load"
                while not load_error and len(rows) < len(cases):
                    answer = await channel.receive()
                    index = answer.get("id")
                    if type(index) is not int or not 0 <= index < len(cases) or index in rows:
                        raise ProtocolBroken("an answer to no pending case")
                    rows[index] = self._judge_case(index, cases[index], values[index], answer, "")
                    del answer
            except asyncio.TimeoutError:
                pass  # cases without an answer are timeouts
            except ProtocolBroken as exc:
                if not await channel.ended_by_limit():  # else the unanswered cases are timeouts
                    stderr = await channel.last_error_line()
                    error_kind = error_kind or exc.kind
                    load_error = load_error or f"{exc}{': ' + stderr if stderr else ''}"
            finally:
                writer.cancel()
        report = [rows.get(i) or self._judge_case(i, case, values[i], None, load_error)
                  for i, case in enumerate(cases)]
        failing = [r for r in report if r["outcome"] != "pass"]
        if not failing:
            return Verdict(True, "pass", f"{len(cases)} of {len(cases)} cases", mode="cases", cases=tuple(report))
        first = failing[0]
        detail = (f"{len(report) - len(failing)} of {len(cases)} cases pass; line {first['line']}: "
                  f"{first['outcome']}: {first['detail']}")
        outcome = "error" if load_error else first["outcome"]
        kind = (error_kind or first.get("kind", "")) if outcome == "error" else ""
        return Verdict(False, outcome, detail[:500], mode="cases", cases=tuple(report), error_kind=kind)

    @staticmethod
    async def _send_all(channel: _Channel, messages: list[dict]) -> None:
        with contextlib.suppress(asyncio.TimeoutError):  # the reader's deadline decides the verdict
            for message in messages:
                await channel.send(message)
        if channel.proc.stdin:
            channel.proc.stdin.close()

    @staticmethod
    def _judge_case(index: int, case: Case, value: tuple, answer: dict | None, load_error: str) -> dict:
        _args, expected, tolerance, wrapper_args = value
        row: dict[str, Any] = {"case": index, "line": case.line, "assertion": case.source[:300]}
        if answer is None:
            return {**row, "outcome": "error" if load_error else "timeout",
                    "detail": load_error or "no answer within the time limit"}
        if "value" not in answer:
            raised = answer.get("raised")
            why = raised or ("returned " + str(answer.get("unencodable", "no value"))[:300])
            return {**row, "outcome": "error", "detail": str(why)[:300],
                    "kind": "raised" if raised else "not_plain_data"}
        try:
            got = wire.decode(answer["value"])
        except wire.Unencodable as exc:
            return {**row, "outcome": "error", "detail": f"returned {exc}"[:300], "kind": "decode"}
        try:
            passed = judge(case, got, expected, tolerance, wrapper_args)
        except Exception as exc:  # noqa: BLE001 - a value the comparison cannot use is a wrong value
            return {**row, "outcome": "fail", "detail": f"not comparable: {type(exc).__name__}"}
        if passed:
            return {**row, "outcome": "pass", "detail": ""}
        shown = "" if case.compare in ("truthy", "falsy") else f", expected {expected!r}"[:150]
        return {**row, "outcome": "fail", "detail": f"got {got!r}"[:150] + shown}

    # --- whole_check mode -------------------------------------------------------------------------

    async def _whole_check(self, program: str, fields: dict[str, Any], reason: str) -> Verdict:
        files = _harness_files()
        deadline = asyncio.get_running_loop().time() + self.limits.wall_s
        note = f"whole check (not decomposed: {reason})"
        async with open_python({**files, "prompt_module.py": fields["prompt"], "test_module.py": fields["test"]},
                               "sandbox_harness.py", self.limits) as tester_proc, \
                open_python({**files, "program.py": program}, "sandbox_harness.py", self.limits) as server_proc:
            tester, server = _Channel(tester_proc, deadline), _Channel(server_proc, deadline)
            try:
                await server.send({"role": "serve", "program": "program.py", "entry": fields["entry_point"]})
                loaded = await server.receive()
                if loaded.get("loaded") is not True:
                    return Verdict(False, "error", f"{loaded.get('error', 'the program did not load')}"[:300],
                                   mode="whole_check", error_kind="load")
                await tester.send({"role": "check", "prompt": "prompt_module.py", "module": "test_module.py",
                                   "entry": fields["entry_point"]})
                while True:
                    message = await tester.receive()
                    if "verdict" in message:
                        break
                    await server.send({"id": message.get("call"), "args": message.get("args"),
                                       "kwargs": message.get("kwargs", {"d": []}), "reflect": True})
                    await tester.send(await self._relay(server, message.get("call")))
            except asyncio.TimeoutError:
                return Verdict(False, "timeout", f"over {self.limits.wall_s}s; {note}", mode="whole_check")
            except ProtocolBroken as exc:
                return Verdict(False, "error", f"{exc}; {note}"[:300], mode="whole_check", error_kind=exc.kind)
        outcome = {"pass": "pass", "fail": "fail"}.get(str(message["verdict"]), "error")
        detail = f"{message.get('calls', 0)} calls; {str(message.get('detail', ''))[:300]}; {note}"
        return Verdict(outcome == "pass", outcome, detail[:500], mode="whole_check",
                       error_kind="raised" if outcome == "error" else "")

    @staticmethod
    async def _relay(server: _Channel, call: Any) -> dict:
        """The candidate's answer to one call, checked here before the test process sees it."""
        try:
            answer = await server.receive()
        except ProtocolBroken as exc:
            if await server.ended_by_limit():
                raise asyncio.TimeoutError from exc
            return {"error": f"the candidate stopped answering: {exc}"}
        if answer.get("id") != call:
            return {"error": "the candidate answered out of turn"}
        if "value" in answer:
            try:
                wire.decode(answer["value"])
                args_after = wire.decode(answer.get("args_after"))
                kwargs_after = wire.decode(answer.get("kwargs_after"))
            except wire.Unencodable as exc:
                return {"error": f"returned a value that is not plain data: {exc}"}
            if type(args_after) is not tuple or type(kwargs_after) is not dict:
                return {"error": "the candidate broke the protocol (no arguments after the call)"}
            try:
                shared = wire.decode(answer.get("shared", {"l": []}))
            except wire.Unencodable as exc:
                return {"error": f"the candidate broke the protocol ({exc})"}
            if type(shared) is not list:
                return {"error": "the candidate broke the protocol (shared objects)"}
            return {"value": answer["value"], "args_after": answer["args_after"],
                    "kwargs_after": answer["kwargs_after"], "shared": answer.get("shared", {"l": []})}
        raised = {"exception": answer["exception"], "message": str(answer.get("message", ""))[:2000]} \
            if type(answer.get("exception")) is str else {}
        if raised and type(answer.get("exception_args")) is dict:
            try:
                if type(wire.decode(answer["exception_args"])) is tuple:
                    raised["exception_args"] = answer["exception_args"]
            except wire.Unencodable:
                pass
        return {"error": str(answer.get("raised") or answer.get("unencodable") or "no value")[:300], **raised}
