"""`step: tool_use`: tool-calling trajectories, kept only when checked by execution (APIGen's idea).

From tool definitions (OpenAI function schemas) and the user's Python implementations, each query (an
input field, or generated from the tools by a template) goes to the model with the tools: natively
(`tools` / `tool_calls`, on OpenAI-compatible chat servers) or through a prompted `<tool_call>` JSON
format for backends without it. Each call is checked and run, and its result fed back as a `tool`
message until the model answers or the turn limit is reached. Three checks, each counted by reason:
format (a defined tool, a JSON object valid against its schema), execution (in the sandbox: no error,
no timeout) and semantics (the user's check function for the query; or a `judge_filter` step after this
one, with its calibration gate). The user's code never runs in synthloom's process, and nothing a model
writes can crash or hang the run. Kept trajectories carry `messages` (user, assistant `tool_calls`,
`tool` results, the final answer) and `tools`: the shape TRL and OpenAI fine-tuning read.
"""

from __future__ import annotations

import ast
import asyncio
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, ClassVar, Literal

from pydantic import Field

from synthloom.engine.engine import GenerationFailed
from synthloom.engine.prompting import item_seed
from synthloom.errors import UserError
from synthloom.models.base import ChatRequest
from synthloom.record import Record
from synthloom.steps.base import PoolStep, StepContext
from synthloom.steps.plan import Flow, ModelCalls, Span, StepPlan, tokens
from synthloom.steps.step_config import BuiltinOrPath, ModelName, OptionalBuiltinOrPath, StepConfig, TemplateName
from synthloom.techniques.tool_calls import (
    CheckedCall,
    RawCall,
    ToolSet,
    calls_from_native,
    calls_from_text,
    check_call,
    load_tools,
    prompted_call_text,
)
from synthloom.templates import load_template, render
from synthloom.verifiers.sandbox import SandboxLimits
from synthloom.verifiers.tool_sandbox import CallOutcome, ToolSession, run_check, session_limits

BUILTIN_TOOLS = ("basic_tools.json", "basic_tools.py")
# Which check each drop reason belongs to, for the report.
CHECK_OF = {"malformed_call": "format", "unknown_tool": "format", "arguments_not_json": "format",
            "arguments_not_object": "format", "arguments_too_large": "format", "schema_invalid": "format",
            "execution_error": "execution", "execution_timeout": "execution", "execution_broken": "execution",
            "semantics_failed": "semantics", "check_failed": "semantics", "unchecked": "semantics"}


def _builtin(name: str) -> str:
    return (resources.files("synthloom") / "data" / "tools" / name).read_text(encoding="utf-8")


class ToolUseStepConfig(StepConfig):
    """Tool-calling trajectories: queries, the model's calls run in the sandbox, kept when checked."""

    makes_records: ClassVar[bool] = True  # with `queries: generate`, the tools alone are a start

    step: Literal["tool_use"]
    model: ModelName = "default"
    tools: BuiltinOrPath = Field("builtin", description="a JSON file of OpenAI-style function definitions; "
                                 "builtin: synthloom's calculator, unit converter, key-value store and calendar")
    implementations: OptionalBuiltinOrPath = Field(
        None, description="a Python file defining one function per tool (standard library only: it runs in the "
        "sandbox); needed unless tools is builtin")
    tool_names: list[str] | None = Field(None, min_length=1, description="offer only these of the tools")
    checks: OptionalBuiltinOrPath = Field(None, description="a Python file of check functions: "
                                          "check(trajectory) -> True, False or (False, reason)")
    check_field: str = Field("check", description="the record's field naming its check function")
    default_check: str | None = Field(None, description="the check function for records that name none")
    require_check: bool = Field(False, description="drop trajectories no check function decided (else they are "
                                "kept as unchecked, for a judge_filter step after this one)")
    queries: Literal["input", "generate"] = Field("input", description="input: each record's query_field; "
                                                  "generate: the model writes queries from the tools")
    query_field: str = "query"
    query_template: TemplateName = "tool_queries"
    queries_per_record: int = Field(5, ge=1, le=50)
    query_max_tokens: int = Field(600, ge=1)
    mode: Literal["auto", "native", "prompted"] = Field(
        "auto", description="native: the API's tools / tool_calls; prompted: <tool_call> JSON in the text; auto: "
        "native where the backend has it (OpenAI-compatible chat), else prompted")
    system: str | None = Field(None, description="a system message (native mode; in prompted mode it comes "
                               "before the tool instructions)")
    system_template: TemplateName = Field("tool_use_system", description="the prompted mode's tool instructions")
    max_turns: int = Field(6, ge=1, le=50, description="model replies per trajectory at most")
    max_calls: int = Field(12, ge=1, le=200, description="tool calls per trajectory at most")
    min_calls: int = Field(1, ge=0, description="a final answer after fewer calls is dropped (no_tool_call)")
    on_call_error: Literal["drop", "feed_back"] = Field(
        "drop", description="a call failing its format or execution check: drop the trajectory, or feed the "
        "error back as the tool's answer and let the model recover (timeouts always drop)")
    call_timeout_s: float = Field(5.0, gt=0, le=300)
    check_timeout_s: float = Field(10.0, gt=0, le=300)
    memory_mb: int = Field(256, ge=32)
    parallel: int = Field(16, ge=1, description="trajectories at once: each holds a sandboxed process while "
                          "it waits on the model (the engine's concurrency bounds the model calls)")
    max_argument_chars: int = Field(4000, ge=16)
    max_result_chars: int = Field(4000, ge=16, description="a longer tool result is cut to this for the model")
    temperature: float = Field(0.7, ge=0)
    max_tokens: int = Field(512, ge=1)
    seed: int = 0

    def tool_set(self) -> ToolSet:
        path = Path(str(resources.files("synthloom") / "data" / "tools" / BUILTIN_TOOLS[0])) \
            if self.tools == "builtin" else Path(self.tools)
        return load_tools(path, self.tool_names)

    def implementation_source(self) -> str:
        if self.implementations in (None, "builtin"):
            if self.tools != "builtin":
                raise UserError(f"{self.name or self.step}: `implementations` must name the Python file of your "
                                "tools (only the builtin tools have their own)")
            return _builtin(BUILTIN_TOOLS[1])
        return _read_python(Path(self.implementations), "implementations")

    def checks_source(self) -> str | None:
        return None if self.checks is None else _read_python(Path(self.checks), "checks")

    def check_files(self) -> None:
        super().check_files()
        tools, source = self.tool_set(), self.implementation_source()
        missing = [name for name in tools.names if name not in _top_level_names(source)]
        if missing:
            raise UserError(f"{self.implementations}: defines no function for the tools {', '.join(missing)}")
        checks = self.checks_source()
        if self.default_check and (checks is None or self.default_check not in _top_level_names(checks)):
            raise UserError(f"default_check {self.default_check!r}: no such function in checks "
                            f"({self.checks or 'not set'})")

    def plan(self, before: Flow) -> StepPlan:
        chosen = before.selected(self.only_if)
        queries = chosen if self.queries == "input" else Span(chosen.lo * self.queries_per_record,
                                                               max(chosen.hi, 1) * self.queries_per_record)
        tool_text = tokens(len(json.dumps(self.tool_set().definitions)))
        prompt = tool_text + self.template_tokens(self.system_template) + before.record_tokens
        calls = [ModelCalls.each(self.model, "trajectory turns", Span(queries.lo, queries.hi * self.max_turns),
                                 prompt + tokens(self.max_result_chars) * 2, self.max_tokens)]
        if self.queries == "generate":
            calls.insert(0, ModelCalls.each(self.model, "query lists", Span(max(chosen.lo, 1), max(chosen.hi, 1)),
                                            tool_text + self.template_tokens(self.query_template),
                                            self.query_max_tokens))
        return StepPlan(calls, Span(0, queries.hi), self.max_tokens,
                        "keeps the trajectories that pass the format, execution and semantic checks")


def _read_python(path: Path, what: str) -> str:
    try:
        source = path.read_text(encoding="utf-8")
        ast.parse(source)
    except OSError as exc:
        raise UserError(f"{what} {path}: cannot read it ({exc.strerror or exc})") from None
    except SyntaxError as exc:
        raise UserError(f"{what} {path}: line {exc.lineno}: not valid Python ({exc.msg})") from None
    return source


def _top_level_names(source: str) -> set[str]:
    """Functions and names bound at the module's top level, read without running it."""
    names: set[str] = set()
    for node in ast.parse(source).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, (ast.ImportFrom, ast.Import)):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
    return names


QUERY_LINE = re.compile(r"^\s*(?:\d+[.)]|[-*])\s+(.+?)\s*$")


def numbered_queries(text: str) -> list[str]:
    """The requests of a numbered (or bulleted) list, one per line; other lines are not requests."""
    found = []
    for line in text.splitlines():
        match = QUERY_LINE.match(line)
        if match and len(match.group(1).split()) >= 3:
            found.append(match.group(1).strip().strip('"'))
    return found


class Dropped(Exception):
    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(reason)
        self.reason, self.detail = reason, detail[:500]


@dataclass
class Trajectory:
    messages: list[dict[str, Any]]  # the conversation as exported (OpenAI's chat format)
    wire: list[dict[str, Any]]  # the conversation as the model is sent it (the prompted mode's text form)
    calls: list[dict[str, Any]] = field(default_factory=list)  # {name, arguments, result | error}
    turns: int = 0
    errors_fed_back: int = 0
    answer: str = ""


class ToolUseStep(PoolStep[ToolUseStepConfig]):
    config_class = ToolUseStepConfig

    def __init__(self, config: ToolUseStepConfig, context: StepContext, name: str) -> None:
        super().__init__(config, context, name)
        self.engine = context.engines.get(config.model)
        self.tools = config.tool_set()
        self.module = config.implementation_source()
        self.checks = config.checks_source()
        backend_native = bool(getattr(self.engine.backend, "native_tools", False))
        self.native = config.mode == "native" or (config.mode == "auto" and backend_native)
        self.system_prompt = render(load_template(config.system_template),
                                    {"tools_json": json.dumps(list(self.tools.definitions))})
        if config.system:
            self.system_prompt = f"{config.system}\n\n{self.system_prompt}"
        self.limits = session_limits(config.call_timeout_s, config.max_calls, config.memory_mb)
        self.check_limits = SandboxLimits(wall_s=config.check_timeout_s, cpu_s=int(config.check_timeout_s) + 1,
                                          memory_mb=config.memory_mb)
        self._sessions = asyncio.Semaphore(config.parallel)
        self.tool_use: Counter = Counter()  # calls per tool in kept trajectories
        self.module_problem = ""

    # -- queries -----------------------------------------------------------------------------------

    async def _queries(self, records: list[Record]) -> list[Record]:
        cfg = self.config
        if cfg.queries == "input":
            out = []
            for record in records:
                query = record.fields.get(cfg.query_field)
                if isinstance(query, str) and query.strip():
                    out.append(record)
                else:
                    self._drop(record, "no_query", f"the record has no text in {cfg.query_field!r}")
            return out
        seeds = records or [Record.from_input(0, {})]
        template = load_template(cfg.query_template)
        tools = [d["function"] for d in self.tools.definitions]

        async def generate(seed: Record) -> list[Record]:
            try:
                prompt = render(template, {"topic": "", **seed.fields, "tools": tools, "n": cfg.queries_per_record})
            except KeyError as exc:
                raise UserError(f"{self.name}: query_template {cfg.query_template!r}: {exc.args[0]}") from None
            try:
                [sample] = await self.engine.complete(ChatRequest.build(
                    [{"role": "user", "content": prompt}], temperature=max(cfg.temperature, 0.7),
                    max_tokens=cfg.query_max_tokens, seed=item_seed(cfg.seed, seed.id, "queries")))
            except GenerationFailed:
                self.counters["query_request_failed"] += 1
                return []
            found = numbered_queries(sample.choice.text)
            self.counters["queries_generated"] += len(found)
            model = self.engine.backend.model_name
            return [seed.child(self.name, i, {cfg.query_field: q}, technique="tool_use", model=model,
                               template=cfg.query_template) for i, q in enumerate(found[: cfg.queries_per_record])]

        lists = await asyncio.gather(*(generate(seed) for seed in seeds))
        seen, out = set(), []
        for record in (r for found in lists for r in found):
            key = " ".join(record.fields[cfg.query_field].lower().split())
            if key in seen:
                self.counters["dropped_duplicate_query"] += 1
                continue
            seen.add(key)
            out.append(record)
        return out

    # -- trajectories ------------------------------------------------------------------------------

    async def run_all(self, records: list[Record]) -> list[Record]:
        queries = await self._queries(records)
        self.counters["queries"] += len(queries)
        bar = self.context.board.bar(f"{self.name}: trajectories", len(queries))

        async def one(record: Record) -> Record | None:
            async with self._sessions:
                kept = await self._trajectory(record)
            bar.advance(1)
            return kept

        outcomes = await asyncio.gather(*(one(r) for r in queries))
        if queries and self.module_problem and not any(outcomes):
            raise UserError(f"{self.name}: {self.module_problem}")
        return [o for o in outcomes if o is not None]

    def _drop(self, record: Record, reason: str, detail: str = "", trajectory: Trajectory | None = None) -> None:
        self.counters[f"dropped_{reason}"] += 1
        check = CHECK_OF.get(reason)
        if check:
            self.counters[f"failed_{check}_check"] += 1
        dropped = record.child(self.name, 0, {"messages": trajectory.messages} if trajectory else {})
        dropped.meta[self.name] = {"removed": reason, "detail": detail,
                                   **({"turns": trajectory.turns, "calls": trajectory.calls} if trajectory else {})}
        self.removed.append(dropped)

    async def _trajectory(self, record: Record) -> Record | None:
        cfg = self.config
        query = record.fields[cfg.query_field]
        opening = [{"role": "system", "content": cfg.system}] if cfg.system else []
        trajectory = Trajectory(messages=[*opening, {"role": "user", "content": query}],
                                wire=[{"role": "system", "content": self.system_prompt if not self.native
                                       else cfg.system}] if (cfg.system or not self.native) else [])
        trajectory.wire.append({"role": "user", "content": query})
        try:
            async with ToolSession(self.module, cfg.call_timeout_s, self.limits) as session:
                if session.ended:
                    self.module_problem = session.ended
                    raise Dropped("tools_module_failed", session.ended)
                await self._converse(record, trajectory, session)
            verdict = await self._semantics(record, trajectory)
        except Dropped as drop:
            self._drop(record, drop.reason, drop.detail, trajectory)
            return None
        self.counters[f"kept_{verdict}"] += 1
        self.tool_use.update(call["name"] for call in trajectory.calls)
        out = record.child(self.name, 0, {
            "instruction": query, "output": trajectory.answer, "messages": trajectory.messages,
            "tools": list(self.tools.definitions), "tool_transcript": transcript(query, trajectory),
        }, technique="tool_use", model=self.engine.backend.model_name)
        out.meta[self.name] = {"mode": "native" if self.native else "prompted", "turns": trajectory.turns,
                               "calls": len(trajectory.calls), "errors_fed_back": trajectory.errors_fed_back,
                               "semantics": verdict}
        return out

    async def _converse(self, record: Record, trajectory: Trajectory, session: ToolSession) -> None:
        cfg = self.config
        previous: str | None = None
        for turn in range(cfg.max_turns):
            trajectory.turns = turn + 1
            try:
                [sample] = await self.engine.complete(ChatRequest.build(
                    trajectory.wire, temperature=cfg.temperature, max_tokens=cfg.max_tokens,
                    seed=item_seed(cfg.seed, record.id, turn), tools=self.tools.definitions if self.native else (),
                    tool_choice="auto" if self.native else None))
            except GenerationFailed as exc:
                raise Dropped("model_call_failed", str(exc)) from None
            choice = sample.choice
            if choice.tool_calls:
                self.counters["replies_with_native_calls"] += 1
            raw = calls_from_native(choice.tool_calls) if self.native and choice.tool_calls else \
                calls_from_text(choice.text, cfg.max_argument_chars)
            if not raw:
                if choice.finish_reason == "length":
                    raise Dropped("truncated", choice.text[-200:])
                if not choice.text.strip():
                    raise Dropped("empty_answer")
                if len(trajectory.calls) < cfg.min_calls:
                    raise Dropped("no_tool_call", choice.text[:300])
                trajectory.answer = choice.text.strip()
                trajectory.messages.append({"role": "assistant", "content": trajectory.answer})
                return
            if len(trajectory.calls) + len(raw) > cfg.max_calls:
                raise Dropped("too_many_calls", f"{len(trajectory.calls) + len(raw)} calls (limit {cfg.max_calls})")
            checked = [check_call(self.tools, call, cfg.max_argument_chars) for call in raw]
            signature = json.dumps([(c.name, c.arguments) for c in checked], sort_keys=True, default=str)
            if signature == previous:
                raise Dropped("repeated_call", signature[:300])
            previous = signature
            await self._run_calls(turn, choice.text, checked, raw, trajectory, session)
        raise Dropped("turn_limit", f"no final answer after {cfg.max_turns} model replies")

    async def _run_calls(self, turn: int, text: str, checked: list[CheckedCall], raw: list[RawCall],
                         trajectory: Trajectory, session: ToolSession) -> None:
        cfg = self.config
        wire_calls, export_calls, results = [], [], []
        for i, call in enumerate(checked):
            call_id = raw[i].id if self.native and raw[i].id else f"call_{turn}_{i}"
            if call.arguments is None:
                if cfg.on_call_error == "drop":
                    raise Dropped(call.reason, f"{call.name}: {call.detail}")
                outcome = CallOutcome("error", error=f"{call.reason}: {call.detail}")
                self.counters[f"fed_back_{call.reason}"] += 1
            else:
                outcome = await session.call(call.name, call.arguments)
                self.counters[f"calls_{outcome.status}"] += 1
                if outcome.status == "timeout" or outcome.status == "broken" or (
                        outcome.status == "error" and cfg.on_call_error == "drop"):
                    raise Dropped(f"execution_{outcome.status}", f"{call.name}: {outcome.error}")
                if outcome.status == "error":
                    self.counters["fed_back_execution_error"] += 1
            if outcome.status != "ok":
                trajectory.errors_fed_back += 1
            arguments = call.arguments if call.arguments is not None else {}
            content = outcome.result if outcome.status == "ok" else json.dumps({"error": outcome.error})
            if len(content) > cfg.max_result_chars:
                self.counters["results_cut"] += 1
                content = content[: cfg.max_result_chars]
            trajectory.calls.append({"name": call.name, "arguments": arguments,
                                     **({"result": _json_or_text(outcome.result)} if outcome.status == "ok"
                                        else {"error": outcome.error})})
            # A call that failed its format check (kept under feed_back) is written as the model wrote it.
            written = raw[i].arguments if isinstance(raw[i].arguments, str) else None
            function = {"name": call.name, "arguments": json.dumps(arguments) if call.arguments is not None or written
                        is None else written[: cfg.max_argument_chars]}
            export_calls.append({"id": call_id, "type": "function", "function": function})
            results.append({"role": "tool", "tool_call_id": call_id, "content": content})
            wire_calls.append((call.name, arguments, content, call_id))
        # The exported text beside calls is the model's own words outside its call blocks, if any.
        spoken = re.sub(r"<tool_call>.*?(?:</tool_call>|$)", "", text, flags=re.DOTALL).strip() if text else ""
        spoken = "" if spoken.startswith(("{", "[")) else spoken
        trajectory.messages.append({"role": "assistant", "content": spoken or None, "tool_calls": export_calls})
        trajectory.messages.extend(results)
        if self.native:
            trajectory.wire.append({"role": "assistant", "content": text or None, "tool_calls": export_calls})
            trajectory.wire.extend(results)
        else:
            trajectory.wire.append({"role": "assistant", "content": "\n".join(
                prompted_call_text(name, arguments) for name, arguments, _, _ in wire_calls)})
            responses = [json.dumps({"name": name, "content": _json_or_text(content)})
                         for name, _, content, _ in wire_calls]
            trajectory.wire.append({"role": "user", "content": "\n".join(
                f"<tool_response>\n{response}\n</tool_response>" for response in responses)})

    async def _semantics(self, record: Record, trajectory: Trajectory) -> str:
        """checked, or unchecked (no check function for this record); raises Dropped otherwise."""
        cfg = self.config
        named = record.fields.get(cfg.check_field) or cfg.default_check
        if not named or self.checks is None:
            if named and self.checks is None:
                raise Dropped("check_failed", f"the record names the check {named!r} but no checks file is set")
            if cfg.require_check:
                raise Dropped("unchecked", "no check function for this record (require_check: true)")
            return "unchecked"
        facts = {"query": record.fields[cfg.query_field], "calls": trajectory.calls, "answer": trajectory.answer,
                 "fields": json.loads(json.dumps(record.fields, default=str))}
        passed, reason = await run_check(self.checks, str(named), facts, self.check_limits)
        if passed is None:
            raise Dropped("check_failed", reason)
        if not passed:
            raise Dropped("semantics_failed", f"{named}: {reason}" if reason else str(named))
        return "checked"

    def report(self) -> dict:
        counts = self.counters
        queries = counts["queries"]
        kept = counts["kept_checked"] + counts["kept_unchecked"]
        by_check = {check: counts[f"failed_{check}_check"] for check in ("format", "execution", "semantics")}
        return {"mode": "native" if self.native else "prompted", "tools": self.tools.names,
                "queries": queries, "kept": kept, "kept_rate": round(kept / queries, 4) if queries else None,
                "failed_by_check": by_check, "calls_per_tool_in_kept": dict(self.tool_use.most_common()),
                **({"tools_module_problem": self.module_problem} if self.module_problem else {}),
                **({"flag": "native mode, and the server never answered with tool_calls: it may ignore `tools` "
                            "(llama.cpp's llama-server needs --jinja); try mode: prompted"}
                   if self.native and queries and not counts["replies_with_native_calls"] else {})}


def _json_or_text(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return text


def transcript(query: str, trajectory: Trajectory) -> str:
    """The trajectory as one text a judge (or a reader) can follow: each call, its result, the answer."""
    lines = [f"User: {query}"]
    for call in trajectory.calls:
        outcome = json.dumps(call["result"]) if "result" in call else f"ERROR {call['error']}"
        lines.append(f"Call {call['name']}({json.dumps(call['arguments'])}) -> {outcome[:1000]}")
    lines.append(f"Answer: {trajectory.answer}")
    return "\n".join(lines)
