"""Tool definitions and the model's calls to them: loading OpenAI-style function schemas, reading calls
(native `tool_calls`, or the prompted `<tool_call>` JSON fallback), and the format check of each call
(a defined tool, arguments that are a JSON object valid against its schema). Pure: nothing here runs a
tool; the sandbox does (verifiers/tool_sandbox.py).
"""

from __future__ import annotations

import json
import re
import reprlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jsonschema import FormatChecker
from jsonschema.exceptions import SchemaError, best_match
from jsonschema.validators import validator_for

from synthloom.errors import UserError

NAME = re.compile(r"^[A-Za-z0-9_-]{1,64}$")  # OpenAI's rule for function names
MAX_DEPTH = 32  # nesting of a call's arguments: deeper is no real call, and deep values break encoders
TOOL_CALL_BLOCK = re.compile(r"<tool_call>\s*(.*?)\s*(?:</tool_call>|$)", re.DOTALL)


_SHORT = reprlib.Repr()  # (keyword arguments only from Python 3.12)
_SHORT.maxlevel, _SHORT.maxstring, _SHORT.maxother, _SHORT.maxlist, _SHORT.maxdict = 4, 160, 160, 8, 8


def short(value: Any) -> str:
    """A bounded description of anything a model sent (never recursing deeply, whatever it nests)."""
    return _SHORT.repr(value)[:300]


@dataclass(frozen=True)
class ToolSet:
    definitions: tuple[dict[str, Any], ...]  # {"type": "function", "function": {name, description, parameters}}
    validators: dict[str, Any] = field(repr=False)

    @property
    def names(self) -> list[str]:
        return [d["function"]["name"] for d in self.definitions]


def _normalise(entry: Any, where: str) -> dict[str, Any]:
    function = entry.get("function") if isinstance(entry, dict) and entry.get("type") == "function" else entry
    if not isinstance(function, dict) or not isinstance(function.get("name"), str):
        raise UserError(f"{where}: each tool is {{\"type\": \"function\", \"function\": {{\"name\", \"description\", "
                        "\"parameters\"}}}} (or the function object alone)")
    name = function["name"]
    if not NAME.match(name):
        raise UserError(f"{where}: tool name {name!r} must be 1-64 letters, digits, _ or -")
    parameters = function.get("parameters", {"type": "object", "properties": {}})
    if not isinstance(parameters, dict) or parameters.get("type") != "object":
        raise UserError(f"{where}: tool {name!r}: `parameters` must be a JSON schema of type object")
    try:
        validator_for(parameters).check_schema(parameters)
    except SchemaError as exc:
        raise UserError(f"{where}: tool {name!r}: `parameters` is not a valid JSON schema: {exc.message}") from None
    return {"type": "function", "function": {"name": name, "description": str(function.get("description") or ""),
                                             "parameters": parameters}}


def load_tools(path: Path, only: list[str] | None = None) -> ToolSet:
    """The tools of a JSON file (a list of definitions, or {"tools": [...]}), or `only` those of them;
    one clear error per mistake."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UserError(f"tool definitions {path}: cannot read them as JSON ({exc})") from None
    entries = data.get("tools") if isinstance(data, dict) else data
    if not isinstance(entries, list) or not entries:
        raise UserError(f"tool definitions {path}: expected a non-empty list of tools (or {{\"tools\": [...]}})")
    definitions = [_normalise(entry, f"tool definitions {path}: tool {i + 1}") for i, entry in enumerate(entries)]
    names = [d["function"]["name"] for d in definitions]
    repeated = sorted({n for n in names if names.count(n) > 1})
    if repeated:
        raise UserError(f"tool definitions {path}: tool names repeat: {', '.join(repeated)}")
    if only is not None:
        unknown = [name for name in only if name not in names]
        if unknown:
            raise UserError(f"tool definitions {path}: no tool {', '.join(map(repr, unknown))} "
                            f"(defined: {', '.join(names)})")
        definitions = [d for d in definitions if d["function"]["name"] in only]
    validators = {d["function"]["name"]: validator_for(d["function"]["parameters"])(
        d["function"]["parameters"], format_checker=FormatChecker()) for d in definitions}
    return ToolSet(tuple(definitions), validators)


@dataclass(frozen=True)
class RawCall:
    """One call as the model wrote it, before any check: `arguments` is its text (or a parsed value)."""

    name: Any
    arguments: Any
    id: str = ""
    problem: str = ""  # set when not even a name and arguments could be read
    kind: str = "malformed_call"  # the format check's reason for a problem


@dataclass(frozen=True)
class CheckedCall:
    name: str
    arguments: dict[str, Any] | None  # None when the call failed the format check
    reason: str = ""  # the format check's reason: unknown_tool, arguments_not_json, ...
    detail: str = ""


def calls_from_native(tool_calls: list[dict[str, Any]]) -> list[RawCall]:
    out = []
    for item in tool_calls:
        function = item.get("function") if isinstance(item, dict) else None
        if not isinstance(function, dict):
            out.append(RawCall(None, None, problem=f"a tool call of no known shape: {short(item)}"))
            continue
        out.append(RawCall(function.get("name"), function.get("arguments"), str(item.get("id") or "")))
    return out


def _raw_from_object(value: Any) -> RawCall:
    if not isinstance(value, dict) or "name" not in value:
        return RawCall(None, None, problem=f"a tool call needs \"name\" and \"arguments\": {short(value)}")
    return RawCall(value.get("name"), value.get("arguments", value.get("parameters", {})))


def calls_from_text(text: str, max_chars: int) -> list[RawCall]:
    """The prompted fallback: `<tool_call>{"name", "arguments"}</tool_call>` blocks (Hermes / Qwen style),
    or a reply that is nothing but such an object or a list of them. [] when the reply calls nothing,
    which makes it the final answer."""
    blocks = TOOL_CALL_BLOCK.findall(text)
    stripped = text.strip()
    if not blocks and stripped.startswith(("{", "[")) and '"name"' in stripped:
        blocks = [stripped]
    calls = []
    for block in blocks:
        if len(block) > max_chars:
            calls.append(RawCall(None, None, problem=f"a tool call of {len(block)} characters (limit {max_chars})",
                                 kind="arguments_too_large"))
            continue
        block = re.sub(r"^```(?:json)?\s*|\s*```$", "", block.strip())
        try:
            value = json.loads(block)
        except (ValueError, RecursionError):
            calls.append(RawCall(None, None, problem=f"a tool call that is not JSON: {block[:200]}"))
            continue
        if isinstance(value, (dict, list)) and _depth(value) > MAX_DEPTH + 2:
            calls.append(RawCall(None, None, problem=f"a tool call nested deeper than {MAX_DEPTH}",
                                 kind="arguments_too_large"))
            continue
        calls.extend(_raw_from_object(v) for v in (value if isinstance(value, list) else [value]))
    return calls


def check_call(tools: ToolSet, call: RawCall, max_chars: int) -> CheckedCall:
    """The format check: a defined tool, arguments a JSON object within the size limit, valid against
    the tool's parameter schema. Never raises."""
    name = call.name if isinstance(call.name, str) else short(call.name)[:80]
    if call.problem:
        return CheckedCall(name, None, call.kind, call.problem)
    if name not in tools.validators:
        return CheckedCall(name, None, "unknown_tool", f"{name[:80]!r} is not one of {', '.join(tools.names)}")
    arguments = call.arguments
    if isinstance(arguments, str):
        if len(arguments) > max_chars:
            return CheckedCall(name, None, "arguments_too_large", f"{len(arguments)} characters (limit {max_chars})")
        try:
            arguments = json.loads(arguments) if arguments.strip() else {}
        except (ValueError, RecursionError):
            return CheckedCall(name, None, "arguments_not_json", arguments[:200])
    if isinstance(arguments, (dict, list)) and _depth(arguments) > MAX_DEPTH:
        return CheckedCall(name, None, "arguments_too_large", f"nested deeper than {MAX_DEPTH}")
    if not isinstance(call.arguments, str) and len(json.dumps(arguments, default=str)) > max_chars:
        return CheckedCall(name, None, "arguments_too_large", f"over {max_chars} characters")
    if not isinstance(arguments, dict):
        return CheckedCall(name, None, "arguments_not_object", short(arguments))
    try:
        error = best_match(tools.validators[name].iter_errors(arguments))
    except (RecursionError, ValueError, TypeError) as exc:
        return CheckedCall(name, None, "schema_invalid", f"{type(exc).__name__}")
    if error is not None:
        where = "/".join(str(p) for p in error.path)
        return CheckedCall(name, None, "schema_invalid", (f"{where}: " if where else "") + error.message[:300])
    return CheckedCall(name, arguments)


def _depth(value: Any) -> int:
    """How deeply lists and objects nest in `value`, counted without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list)):
            deepest = max(deepest, depth)
            if depth <= MAX_DEPTH:
                stack.extend((child, depth + 1) for child in (item.values() if isinstance(item, dict) else item))
    return deepest


def prompted_call_text(name: str, arguments: dict[str, Any]) -> str:
    """How a call reads in the prompted format (what the model is shown it said)."""
    return "<tool_call>\n" + json.dumps({"name": name, "arguments": arguments}) + "\n</tool_call>"
