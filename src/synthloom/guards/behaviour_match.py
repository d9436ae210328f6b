"""Behavioural evidence of a reworded benchmark item: the record's own code passes the item's tests.

A renamed function with reworded prose and new examples still does what the item asks; if its code
passes that item's own unit tests (run in the sandbox, like any candidate), it is the same task. Code
that does something else, however similar its description, fails them.
"""

from __future__ import annotations

import ast
import re

from synthloom.guards.benchmarks import ItemTests
from synthloom.verifiers.code import CodeVerifier

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


async def passes_item_tests(verifier: CodeVerifier, code: str, name: str, item: ItemTests) -> bool:
    entry = f"def {item.entry_point}"
    preamble = item.prompt[: item.prompt.find(entry)] if entry in item.prompt else ""  # the item's helpers
    program = f"{preamble}\n{code}\n\n{item.entry_point} = {name}\n"
    verdict = await verifier.verify(program, {"prompt": "", "test": item.test, "entry_point": item.entry_point})
    return verdict.passed
