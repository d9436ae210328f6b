"""Behavioural evidence of a reworded benchmark item: the record's own code does what the item's does.

A renamed function with reworded prose and new examples still does what the item asks: its code passes
that item's own unit tests (run in the sandbox, like any candidate) and gives the item's reference
solution's answers on variants of the tests' inputs (probe_inputs.py). Code that does something else,
however similar its description, fails the tests, or passes weak tests and then disagrees on the
variants ("reverse the values at indices divisible by three" passes HumanEval/33's tests, which
sort them, because every test lists them in descending order).
"""

from __future__ import annotations

import ast
import asyncio
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from synthloom.guards.benchmarks import ItemTests
from synthloom.guards.probe_inputs import probe_inputs
from synthloom.verifiers.code import CodeVerifier
from synthloom.verifiers.sandbox import SandboxLimits, run_python

_FENCE = re.compile(r"```(?:python|py|python3)?[ \t]*\n(.*?)```", re.DOTALL)
_CODE_START = re.compile(r"^(?:def |async def |from |import |class )", re.MULTILINE)


def _parses(code: str) -> ast.Module | None:
    try:
        return ast.parse(code)
    except (SyntaxError, ValueError):
        return None


def _implemented(node: ast.FunctionDef) -> bool:
    """A function with a body beyond its docstring (a bare stub implements nothing)."""
    body = [n for n in node.body if not (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant))]
    return bool(body) and not all(isinstance(n, ast.Pass) for n in body)


def implemented_function(text: str) -> tuple[str, str] | None:
    """(code, name of its last implemented top-level function) in a record's text, or None."""
    blocks = _FENCE.findall(text)
    start = _CODE_START.search(text)
    for code in [*blocks, text[start.start():] if start else ""]:
        tree = _parses(code)
        if tree is None:
            continue
        functions = [n for n in tree.body if isinstance(n, ast.FunctionDef) and _implemented(n)]
        if functions:
            return code, functions[-1].name
    return None


def _preamble(item: ItemTests) -> str:
    """The item's prompt before its function: imports and helpers the record's code may rely on."""
    entry = f"def {item.entry_point}"
    return item.prompt[: item.prompt.find(entry)] if entry in item.prompt else ""


async def passes_item_tests(verifier: CodeVerifier, code: str, name: str, item: ItemTests) -> bool:
    program = f"{_preamble(item)}\n{code}\n\n{item.entry_point} = {name}\n"
    verdict = await verifier.verify(program, {"prompt": "", "test": item.test, "entry_point": item.entry_point})
    return verdict.passed


@dataclass(frozen=True)
class Agreement:
    compared: int  # inputs the reference answered (others are outside its task)
    agreed: int

    @property
    def share(self) -> float:
        return self.agreed / self.compared if self.compared else 0.0


PROBE_LIMITS = SandboxLimits(wall_s=40, cpu_s=30)  # up to MAX_INPUTS calls of each, 0.5 s apiece at most


@lru_cache(maxsize=1)
def _probe_driver() -> str:
    """The sandboxed side's source, read once per process (it runs once per record and item)."""
    return (resources.files("synthloom.guards") / "behaviour_probe_child.py").read_text(encoding="utf-8")


async def agreement_with_reference(code: str, name: str, item: ItemTests) -> Agreement | None:
    """How often the record's function answers as the item's reference solution on probe inputs;
    None when that cannot be told (no reference, no literal test inputs, the reference does not load)."""
    inputs = probe_inputs(item.test)
    if not item.solution or not inputs:
        return None
    spec = {"reference": item.prompt + item.solution, "entry_point": item.entry_point,
            "candidate": f"{_preamble(item)}\n{code}\n", "function": name, "inputs": [repr(a) for a in inputs]}
    result = await run_python(_probe_driver(), PROBE_LIMITS, stdin=json.dumps(spec).encode())
    lines = result.stdout.strip().splitlines()
    try:
        answer = json.loads(lines[-1]) if lines else {}
    except ValueError:
        answer = {}
    if not isinstance(answer, dict) or "compared" not in answer:
        # The candidate not loading where it passed the tests, or a timeout: no agreement shown.
        reference_broken = str(answer.get("error", "")).startswith("reference") if isinstance(answer, dict) else False
        return None if reference_broken else Agreement(len(inputs), 0)
    return Agreement(int(answer["compared"]), int(answer["agreed"]))


async def run_child(spec: dict, limits: SandboxLimits, field: str) -> dict:
    """One sandbox run of behaviour_probe_child.py in one of its modes: the answer's `field`, or {} when
    the run gave none (a timeout, a crash)."""
    result = await run_python(_probe_driver(), limits, stdin=json.dumps(spec).encode())
    lines = result.stdout.strip().splitlines()
    try:
        answer = json.loads(lines[-1])[field] if lines else {}
    except (ValueError, KeyError, TypeError):
        answer = {}
    return answer if isinstance(answer, dict) else {}


# -- screening: a record's functions against many items at once --------------------------------------

REFERENCE_BATCH = 12  # items whose reference answers one sandbox computes (its output is capped at 64 KiB)
SCREEN_LIMITS = SandboxLimits(wall_s=30, cpu_s=20)
_REFERENCE_ANSWERS: dict[tuple, tuple[list[str], list]] = {}  # (key, solution) -> (inputs, answers)


def entry_arity(item: ItemTests) -> tuple[int, int | None] | None:
    """(required, at most) positional arguments of the item's entry point, from its prompt."""
    from synthloom.guards.code_extraction import _arity

    tree = _parses(item.prompt + "\n    pass\n") or _parses(item.prompt)
    if tree is None:
        return None
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == item.entry_point:
            arity = _arity(node)
            return arity.min_args, arity.max_args
    return None


async def reference_answers(items: dict) -> dict:
    """key -> (inputs, the reference's answers: None where it raised, was slow or answered at length),
    for the items that have a reference and literal test inputs; computed once per process."""
    todo = []
    for key, item in items.items():
        if (key, item.solution) in _REFERENCE_ANSWERS or not item.solution:
            continue
        inputs = [repr(a) for a in probe_inputs(item.test)]
        if inputs:
            todo.append({"key": key, "reference": item.prompt + item.solution, "entry_point": item.entry_point,
                         "inputs": inputs, "solution": item.solution})

    async def batch(part: list[dict]) -> None:
        items = [{**{k: v for k, v in p.items() if k != "solution"}, "key": repr(p["key"])} for p in part]
        outputs = await run_child({"mode": "references", "items": items}, SandboxLimits(wall_s=60, cpu_s=50),
                                  "outputs")
        for p in part:
            answers = outputs.get(repr(p["key"]))
            _REFERENCE_ANSWERS[(p["key"], p["solution"])] = (p["inputs"], answers or [None] * len(p["inputs"]))

    await asyncio.gather(*(batch(todo[i:i + REFERENCE_BATCH]) for i in range(0, len(todo), REFERENCE_BATCH)))
    out = {}
    for key, item in items.items():
        if (key, item.solution) in _REFERENCE_ANSWERS:
            inputs, answers = _REFERENCE_ANSWERS[(key, item.solution)]
            kept = [(i, a) for i, a in zip(inputs, answers, strict=True) if a is not None]
            out[key] = ([i for i, _ in kept], [a for _, a in kept])
    return out


async def screen(code: str, candidates: list[tuple[object, list[str], ItemTests]], answers: dict,
                 agreement: float) -> dict:
    """(item key, function) -> Agreement, for each candidate item (with the record's functions that fit
    its arity) whose reference answers are known: one sandbox run for them all. A function is left
    as soon as it has disagreed more than the share `agreement` allows."""
    items = []
    for key, functions, item in candidates:
        if key not in answers:
            continue
        inputs, expected = answers[key]
        items.append({"key": repr(key), "preamble": _preamble(item), "functions": functions, "inputs": inputs,
                      "expected": expected, "allowed": int((1 - agreement) * len(inputs) + 1e-9)})
    if not items:
        return {}
    found = await run_child({"mode": "screen", "candidate": code, "items": items}, SCREEN_LIMITS, "results")
    keys = {repr(key): key for key, _, _ in candidates}
    return {(keys[k], name): Agreement(compared, agreed)
            for k, by_function in found.items() if k in keys for name, (compared, agreed) in by_function.items()}
