"""HumanEval-style `check(candidate)` tests decomposed into (inputs, expected) cases from the syntax tree.

Each top-level `assert` in `check` that calls the candidate once, in a shape listed below, becomes a
Case; the candidate then only ever sees the inputs, and the comparison happens in the parent on plain
data. Shapes: `candidate(a) == e` (either side, `!=` too), `W(candidate(a)) == e` for a whitelisted
pure wrapper W applied in the parent (set, sorted, len, round, ...), `abs(candidate(a) - e) < tol` (or
`math.fabs`, `<=`), `math.isclose(candidate(a), e, rel_tol=.., abs_tol=..)`, `candidate(a) ==
approx(e, rel=.., abs=..)` (pytest's), `candidate(a)`, `not candidate(a)`, `candidate(a) is
None/True/False`. `assert True` is skipped.

A case is exactly as strict as the assertion it came from: `==` is Python's `==` on the decoded values
(which arrive bit for bit), so 55.000000000000014 is not 55, as in HumanEval's own run; a tolerance
applies only where the test writes one, with that helper's own rule. A test with anything else in
`check` (loops, assignments, other calls) is not decomposed: the verifier then runs the whole `check`
in a process of its own (see code.py), and says so.
"""

from __future__ import annotations

import ast
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from synthloom.verifiers.sandbox_wire import check_hashes


def _hashing(kind: type) -> Callable[..., Any]:
    """set() or frozenset() of a candidate's list, refusing one built to collide (quadratic to build)."""
    def build(items, *rest):
        if not rest and type(items) in (list, tuple):
            check_hashes(items)
        return kind(items, *rest)
    return build


# Applied in the parent to the decoded (plain) return value, so they are safe to call.
WRAPPERS: dict[str, Callable[..., Any]] = {
    "set": _hashing(set), "frozenset": _hashing(frozenset), "sorted": sorted, "tuple": tuple, "list": list, "len": len,
    "abs": abs, "round": round, "int": int, "float": float, "str": str, "bool": bool, "sum": sum,
    "min": min, "max": max}


@dataclass(frozen=True)
class Case:
    line: int
    source: str  # the assertion as written
    args: str  # source of a tuple expression: the candidate's positional arguments
    compare: str  # eq, ne, close, close_or_equal, isclose, approx, truthy, falsy, is_none, is_true, is_false
    expected: str | None = None  # source of the expected value (eq, ne, close, isclose, approx)
    # source of the tolerance: a number (close), or a tuple (rel, abs) with None for the helper's default
    tolerance: str | None = None
    wrapper: str | None = None  # a WRAPPERS name applied to the result first
    wrapper_args: str = "()"  # source of a tuple of extra arguments for the wrapper (round's digits)


class NotDecomposable(ValueError):
    """The test has a shape that cannot be split into cases; the message says which line and why."""


def decompose(test: str, entry_point: str = "", prompt_names: frozenset[str] = frozenset()) -> list[Case]:
    """The cases of `check`. Not decomposed, so run whole with the test's own semantics: code at module
    level other than imports, definitions and assignments (in HumanEval's run it executes against the
    candidate), and any assertion that names the entry point itself (there it *is* the candidate)."""
    try:
        tree = ast.parse(test)
    except SyntaxError as exc:
        raise NotDecomposable(f"the test does not parse: {exc}") from exc
    for node in tree.body:
        if not _inert(node):
            raise NotDecomposable(f"line {node.lineno}: a {type(node).__name__} at module level that runs code")
    rebound = (INTERPRETED | set(WRAPPERS)) & _bound_names(tree)
    if rebound:  # cases read these names as the standard ones; the test gave them its own meaning
        raise NotDecomposable(f"the test defines its own {', '.join(sorted(rebound))}")
    checks = [node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name == "check"]
    if len(checks) != 1:
        raise NotDecomposable("the test defines no single `check` function")
    check = checks[0]
    if len(check.args.args) != 1 or check.decorator_list:
        raise NotDecomposable("`check` does not take exactly one argument")
    name = check.args.args[0].arg
    cases = []
    for statement in check.body:
        if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant):
            continue  # a docstring or a bare string
        if not isinstance(statement, ast.Assert):
            raise NotDecomposable(f"line {statement.lineno}: a {type(statement).__name__} statement in `check`")
        if isinstance(statement.test, ast.Constant) and statement.test.value is True:
            continue
        if entry_point and _mentions(statement.test, entry_point):
            raise NotDecomposable(f"line {statement.lineno}: an assertion that calls `{entry_point}` by its name")
        case = _case(statement, name, test)
        if not all(_stateless(part) for part in (case.args, case.wrapper_args)):
            # a name may be state an earlier call changed: the whole check sees it as it is
            raise NotDecomposable(f"line {statement.lineno}: arguments that name the test's own values")
        if _names(case.expected or "None") & prompt_names:
            # a helper of the prompt's may call the entry point, which is the candidate in HumanEval's run
            raise NotDecomposable(f"line {statement.lineno}: an expected value computed by the prompt's code")
        cases.append(case)
    if not cases:
        raise NotDecomposable("`check` asserts nothing about the candidate")
    return cases


def _case(statement: ast.Assert, name: str, test: str) -> Case:
    source = ast.get_source_segment(test, statement) or ast.unparse(statement)
    expr = statement.test
    make = lambda **kw: Case(line=statement.lineno, source=source, **kw)  # noqa: E731
    if (call := _candidate_call(expr, name)) is not None:
        return make(args=call, compare="truthy")
    if (close := _isclose(expr, name)) is not None:
        call, expected, tolerances = close
        return make(args=call, compare="isclose", expected=expected, tolerance=tolerances)
    if isinstance(expr, ast.UnaryOp) and isinstance(expr.op, ast.Not):
        if (call := _candidate_call(expr.operand, name)) is not None:
            return make(args=call, compare="falsy")
    if isinstance(expr, ast.Compare) and len(expr.ops) == 1:
        left, op, right = expr.left, expr.ops[0], expr.comparators[0]
        if isinstance(op, ast.Is) and isinstance(right, ast.Constant) and right.value in (None, True, False):
            if (call := _candidate_call(left, name)) is not None:
                identity = "is_none" if right.value is None else "is_true" if right.value is True else "is_false"
                return make(args=call, compare=identity)
        if isinstance(op, (ast.Eq, ast.NotEq)):
            compare = "eq" if isinstance(op, ast.Eq) else "ne"
            for side, other in ((left, right), (right, left)):
                if isinstance(op, ast.Eq) and (call := _candidate_call(side, name)) is not None and (
                        approx := _approx(other, name)) is not None:
                    return make(args=call, compare="approx", expected=approx[0], tolerance=approx[1])
                if (found := _wrapped_call(side, name)) is not None and not _mentions(other, name):
                    call, wrapper, wrapper_args = found
                    return make(args=call, compare=compare, expected=ast.unparse(other), wrapper=wrapper,
                                wrapper_args=wrapper_args)
        if isinstance(op, (ast.Lt, ast.LtE)) and not _mentions(right, name):
            if (distance := _distance(left, name)) is not None:
                call, expected = distance
                return make(args=call, compare="close" if isinstance(op, ast.Lt) else "close_or_equal",
                            expected=expected, tolerance=ast.unparse(right))
    raise NotDecomposable(f"line {statement.lineno}: an assertion of a shape that is not decomposed: "
                          f"{source[:120]}")


INTERPRETED = frozenset({"math", "pytest", "approx", "abs"})  # names a case interprets itself, besides WRAPPERS
PURE_BUILTINS = frozenset({"list", "tuple", "set", "frozenset", "dict", "range", "sorted", "reversed", "str", "int",
                           "float", "bool", "abs", "len", "max", "min", "sum", "round", "chr", "ord", "bytes"})


def _names(source: str) -> set[str]:
    return {node.id for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Name)}


def _stateless(source: str) -> bool:
    """Arguments built from literals and pure built-ins only: every case gets the same fresh values
    it would get in HumanEval's run, whatever earlier calls did."""
    return all(node.id in PURE_BUILTINS for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Name))


def _bound_names(tree: ast.AST) -> set[str]:
    """Every name the test binds anywhere: assigned, defined, imported."""
    names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load)}
    names |= {d.name for d in ast.walk(tree) if isinstance(d, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))}
    names |= {(a.asname or a.name).split(".")[0] for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom))
              for a in n.names if a.asname or isinstance(n, ast.ImportFrom)}
    return names


def _plain(node: ast.AST | None) -> bool:
    """Absent, a literal, or a bare name: evaluating it runs none of the candidate's code."""
    return node is None or isinstance(node, ast.Name) or _literal_node(node)


def _literal_node(node: ast.AST) -> bool:
    try:
        ast.literal_eval(node)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return False
    return True


def _inert(node: ast.stmt) -> bool:
    """A module-level statement that runs nothing when the module loads: an import, a docstring, a
    literal assigned to names, or a function without decorators whose defaults and annotations are
    plain. Anything else (a class body, a decorator, a default or annotation that calls or subscripts,
    an assertion) runs at import in HumanEval's run, against the candidate, so the test runs whole."""
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        return True
    if isinstance(node, ast.Expr):
        return isinstance(node.value, ast.Constant)
    if isinstance(node, ast.Assign):
        return all(isinstance(t, ast.Name) for t in node.targets) and _literal_node(node.value)
    if isinstance(node, ast.FunctionDef):
        arguments = node.args
        annotations = [a.annotation for a in arguments.posonlyargs + arguments.args + arguments.kwonlyargs]
        annotations += [a.annotation for a in (arguments.vararg, arguments.kwarg) if a is not None]
        defaults = arguments.defaults + [d for d in arguments.kw_defaults if d is not None]
        return not node.decorator_list and all(_plain(x) for x in [*annotations, *defaults, node.returns])
    return False


def _mentions(node: ast.AST, name: str) -> bool:
    return any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(node))


def _candidate_call(node: ast.AST, name: str) -> str | None:
    """`candidate(a, b)` with positional arguments that do not themselves call the candidate."""
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == name
            and not node.keywords and not any(isinstance(a, ast.Starred) or _mentions(a, name) for a in node.args)):
        return ast.unparse(ast.Tuple(elts=node.args, ctx=ast.Load())) if node.args else "()"
    return None


def _wrapped_call(node: ast.AST, name: str) -> tuple[str, str | None, str] | None:
    if (call := _candidate_call(node, name)) is not None:
        return call, None, "()"
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in WRAPPERS
            and node.args and not node.keywords):
        inner = _candidate_call(node.args[0], name)
        rest = node.args[1:]
        if inner is not None and not any(_mentions(a, name) for a in rest):
            return inner, node.func.id, ast.unparse(ast.Tuple(elts=rest, ctx=ast.Load())) if rest else "()"
    return None


def _distance(node: ast.AST, name: str) -> tuple[str, str] | None:
    """`abs(candidate(a) - e)` or `math.fabs(e - candidate(a))`: the call and the expected value."""
    is_abs = isinstance(node, ast.Call) and len(node.args) == 1 and not node.keywords and (
        (isinstance(node.func, ast.Name) and node.func.id == "abs")
        or (isinstance(node.func, ast.Attribute) and node.func.attr == "fabs"
            and isinstance(node.func.value, ast.Name) and node.func.value.id == "math"))
    if not is_abs or not isinstance(node, ast.Call):
        return None
    difference = node.args[0]
    if not isinstance(difference, ast.BinOp) or not isinstance(difference.op, ast.Sub):
        return None
    for side, other in ((difference.left, difference.right), (difference.right, difference.left)):
        if (call := _candidate_call(side, name)) is not None and not _mentions(other, name):
            return call, ast.unparse(other)
    return None


def _keywords(call: ast.Call, names: tuple[str, str]) -> str | None:
    """The source of a tuple of the call's tolerance keywords in `names` order, None where not given;
    None when the call has any other keyword or extra positional arguments."""
    given = {k.arg: ast.unparse(k.value) for k in call.keywords}
    if None in given or set(given) - set(names):
        return None
    return "(" + ", ".join(given.get(n, "None") for n in names) + ",)"


def _isclose(node: ast.AST, name: str) -> tuple[str, str, str] | None:
    """`math.isclose(candidate(a), e, ...)` (either order): the call, the expected value, (rel, abs)."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "isclose"
            and isinstance(node.func.value, ast.Name) and node.func.value.id == "math" and len(node.args) == 2):
        return None
    tolerances = _keywords(node, ("rel_tol", "abs_tol"))
    for side, other in ((node.args[0], node.args[1]), (node.args[1], node.args[0])):
        if tolerances and (call := _candidate_call(side, name)) is not None and not _mentions(other, name):
            return call, ast.unparse(other), tolerances
    return None


def _approx(node: ast.AST, name: str) -> tuple[str, str] | None:
    """`approx(e, rel=.., abs=..)` or `pytest.approx(...)`: the expected value and (rel, abs)."""
    if not (isinstance(node, ast.Call) and len(node.args) == 1 and not _mentions(node, name)):
        return None
    func = node.func
    if not ((isinstance(func, ast.Name) and func.id == "approx") or (
            isinstance(func, ast.Attribute) and func.attr == "approx" and isinstance(func.value, ast.Name)
            and func.value.id == "pytest")):
        return None
    tolerances = _keywords(node, ("rel", "abs"))
    return (ast.unparse(node.args[0]), tolerances) if tolerances else None


def _approx_equal(got, expected, rel, absolute) -> bool:
    """pytest.approx's own rule, from pytest itself (on plain values, so nothing of the candidate's runs);
    where pytest is not installed the test could not have run either, and the case fails."""
    try:
        from pytest import approx
    except ImportError as exc:
        raise ValueError("the test uses pytest.approx and pytest is not installed") from exc
    return bool(got == approx(expected, rel=rel, abs=absolute))


def judge(case: Case, got, expected, tolerance, wrapper_args: tuple) -> bool:
    """Whether a decoded return value satisfies the case; every value here is plain data."""
    if case.wrapper:
        got = WRAPPERS[case.wrapper](got, *wrapper_args)
    if case.compare == "eq":
        return bool(got == expected)  # plain values on both sides: nothing here runs candidate code
    if case.compare == "ne":
        return bool(got != expected)
    if case.compare == "isclose":
        rel, absolute = tolerance
        return math.isclose(got, expected, rel_tol=1e-9 if rel is None else rel,
                            abs_tol=0.0 if absolute is None else absolute)
    if case.compare == "approx":
        return _approx_equal(got, expected, *tolerance)
    if case.compare == "close":
        return bool(abs(got - expected) < tolerance)
    if case.compare == "close_or_equal":
        return bool(abs(got - expected) <= tolerance)
    return {"truthy": lambda v: bool(v), "falsy": lambda v: not v, "is_none": lambda v: v is None,
            "is_true": lambda v: v is True, "is_false": lambda v: v is False}[case.compare](got)
