"""The Python functions a record's text implements, however they are written.

Code comes fenced (```python, or a bare fence), unfenced (a `def` followed by prose, an "Example:"
line, calls, or another function), as several functions (a helper and the main one, possibly in
separate blocks), or as a stub whose docstring holds examples. Regex only finds where code may start;
the syntax tree decides what it is: each candidate region (a fence's body, or the lines from a `def`,
`class`, `import` or decorator up to the first line of prose at its indentation) is dedented and cut
back from its end until it parses. From every region that parses, the imports, functions, classes and
constant assignments make one program (a later definition of a name replaces an earlier one); other
top-level statements (calls, prints, asserts) are left out, so loading the program runs nothing.
"""

from __future__ import annotations

import ast
import re
import textwrap
from dataclasses import dataclass

_FENCE = re.compile(r"^[ \t]*```[ \t]*([\w+#.-]*)[^\n]*\n(.*?)^[ \t]*```", re.DOTALL | re.MULTILINE)
_PYTHON_TAGS = {"", "python", "py", "python3", "py3", "pycon", "ipython"}
_START = re.compile(r"^([ \t]*)(?:async[ \t]+def|def|class|import|from[ \t]+\S+[ \t]+import|@)\b")
MAX_REGION_LINES = 400
MAX_TRIMS = 40


@dataclass(frozen=True)
class Function:
    name: str
    min_args: int  # positional parameters without a default
    max_args: int | None  # None: *args


@dataclass(frozen=True)
class Program:
    code: str  # the whole program the functions are defined in
    functions: list[Function]  # implemented top-level functions, the likeliest entry point first


def _parses(code: str) -> ast.Module | None:
    try:
        return ast.parse(code)
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return None


def _region_lines(lines: list[str], start: int, docstrings: bool = True) -> list[str]:
    """From a code start, the lines up to the first prose line at (or left of) its indentation
    (outside triple-quoted strings, with `docstrings`)."""
    indent = len(lines[start]) - len(lines[start].lstrip())
    out = [lines[start]]
    quote = _open_quote(None, lines[start]) if docstrings else None
    for line in lines[start + 1:start + MAX_REGION_LINES]:
        stripped = line.strip()
        if stripped.startswith("```"):
            break
        depth = len(line) - len(line.lstrip())
        # Inside a docstring, a line at the left margin (an example written flush left) is not prose.
        if quote is None and stripped and depth <= indent and not _START.match(line) and _parses(stripped) is None \
                and not stripped.startswith(("#", ")", "]", "}", "else", "elif", "except", "finally")):
            break
        out.append(line)
        quote = _open_quote(quote, line) if docstrings else None
    return out


_TRIPLE = re.compile(r'"""|\'\'\'')


def _open_quote(quote: str | None, line: str) -> str | None:
    """The triple quote left open after `line`, given the one open before it (None: outside strings)."""
    for match in _TRIPLE.finditer(line):
        if quote is None:
            quote = match.group(0)
        elif match.group(0) == quote:
            quote = None
    return quote


def _parsed_region(lines: list[str]) -> ast.Module | None:
    """The region cut back from its end until it parses (prose that happens to parse, cut too)."""
    for end in range(len(lines), max(len(lines) - MAX_TRIMS, 0), -1):
        tree = _parses(textwrap.dedent("\n".join(lines[:end])))
        if tree is not None and any(isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef,
                                                   ast.Import, ast.ImportFrom)) for n in tree.body):
            return tree
    return None


def _regions(text: str) -> list[ast.Module]:
    trees = []
    outside = text
    for match in _FENCE.finditer(text):
        if match.group(1).lower() in _PYTHON_TAGS:
            tree = _parses(textwrap.dedent(match.group(2))) or _parsed_region(match.group(2).splitlines())
            if tree is not None:
                trees.append(tree)
        outside = outside.replace(match.group(0), "\n")
    lines = outside.splitlines()
    i = 0
    while i < len(lines):
        if _START.match(lines[i]):
            region = _region_lines(lines, i)
            tree = _parsed_region(region)
            if tree is None:  # a triple quote miscounted (one inside a string): the lines by indentation
                region = _region_lines(lines, i, docstrings=False)
                tree = _parsed_region(region)
            if tree is not None:
                trees.append(tree)
            i += len(region)
        else:
            i += 1
    return trees


def _implemented(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """A function with a body beyond its docstring (a bare stub implements nothing)."""
    body = [n for n in node.body if not (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant))]
    return bool(body) and not all(isinstance(n, ast.Pass) for n in body)


def _arity(node: ast.FunctionDef | ast.AsyncFunctionDef) -> Function:
    positional = [*node.args.posonlyargs, *node.args.args]
    required = len(positional) - len(node.args.defaults)
    return Function(node.name, required, None if node.args.vararg else len(positional))


_KEPT = (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def _constant_assignment(node: ast.stmt) -> bool:
    if not isinstance(node, ast.Assign) or not all(isinstance(t, ast.Name) for t in node.targets):
        return False
    try:
        ast.literal_eval(node.value)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return False
    return True


def python_program(text: str) -> Program | None:
    """The program a text's code makes, and its implemented functions (those no other function calls
    first: the main one rather than its helper), or None when it implements none."""
    kept: dict[str, ast.stmt] = {}
    imports: list[ast.stmt] = []
    for tree in _regions(text):
        for node in tree.body:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                imports.append(node)
            elif isinstance(node, _KEPT[2:]) or _constant_assignment(node):
                name = node.name if isinstance(node, _KEPT[2:]) else node.targets[0].id  # type: ignore[attr-defined]
                kept.pop(name, None)
                kept[name] = node
    functions = [n for n in kept.values() if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
                 and not isinstance(n, ast.AsyncFunctionDef) and _implemented(n)]
    if not functions:
        return None
    called = {c.func.id for f in functions for c in ast.walk(f)
              if isinstance(c, ast.Call) and isinstance(c.func, ast.Name) and c.func.id != f.name}
    ordered = [f for f in reversed(functions) if f.name not in called] + \
              [f for f in reversed(functions) if f.name in called]
    module = ast.Module(body=[*imports, *kept.values()], type_ignores=[])
    return Program(ast.unparse(module), [_arity(f) for f in ordered])
