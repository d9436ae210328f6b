"""A floor anyone can check: synthloom's math verifier on math-verify's own test cases.

What it measures. Every (gold, prediction, expected verdict) case that Math-Verify's own test files
assert is run through two verifiers:

* plain math-verify, called exactly as the test calls it (the test's ``compare_strings`` helper with
  the same match types / precision / strict / allow_set_relation_comp, or ``verify(parse(gold),
  parse(pred))`` with the test's arguments);
* synthloom: ``asyncio.run(MathAnswerVerifier().verify(prediction, {"answer": gold})).passed``.

A third row, ``mv-default``, is a reference only: math-verify with its defaults,
``verify(parse(gold), parse(pred))``, ignoring the test's config -- one fixed configuration, as
synthloom has. (Two pairs are asserted both ways under different configs -- strict=False and
allow_set_relation_comp=True -- so no fixed configuration can reach 100%.)

For each test file and overall it prints agreement with the test's expected verdict, false accepts
(verdict true where the test expects false), false rejects, timeouts and errors, for both verifiers,
plus the per-case floor check: cases plain math-verify gets right and synthloom gets wrong. The claim
being checked is that synthloom is never below plain math-verify on math-verify's own suite.

Where the suite comes from. Math-Verify (https://github.com/huggingface/Math-Verify, Apache-2.0;
``tests/test_all.py`` carries an MIT header). Preferred, pinned source: the PyPI sdist of the
installed math-verify version, which ships ``tests/``::

    pip download math-verify==0.9.0 --no-deps --no-binary :all: -d /tmp/mvsd
    tar xzf /tmp/mvsd/math_verify-0.9.0.tar.gz -C /tmp      # -> /tmp/math_verify-0.9.0/tests

Alternatively a git checkout: ``git archive <commit> tests | tar x -C DIR``. Note the GitHub main
branch last seen (5d148cfaaf99214c2e4ffb4bc497ab042c592a7a, 2025-07-02) still says version 0.8.0 and
lacks two things the 0.9.0 sdist has (tests/test_gamma_func.py, which holds no answer-vs-gold case,
and six extra percent cases in test_all.py::test_percent_notation); the repo's tag "1.0.0" is an old
0.4.0 commit, not a release. The script prints the suite version it finds (PKG-INFO / pyproject.toml
next to tests/) and warns when it differs from the installed math-verify.

The suite is not bundled with synthloom (separate licence, and it belongs to its authors); point
``--suite`` at a copy. The previous figure was 270 cases.

Case extraction is done with ``ast`` (no test code is imported or executed): pytest ``parametrize``
lists are expanded against the test body's single assertion, and direct assertions such as
``assert compare_strings("$\\frac{1}{3}$", "0.3333$", ..., precision=4) == 1`` are taken as they
stand. Assertions that are not a plain accept/reject of one (gold, prediction) pair (parse-output
checks, sympy-object comparisons, mocked timeout/error tests) are skipped and counted by reason.

Each verifier call runs in a worker process with a per-call wall-clock timeout (the worker is killed
and replaced on expiry); timeouts and exceptions are counted separately and never count as agreement.

    python benchmarks/math_verify_suite.py --suite /path/to/Math-Verify/tests [--show-errors]
        [--timeout 20] [--workers N] [--list-skipped]
"""

from __future__ import annotations

import argparse
import ast
import itertools
import math
import multiprocessing as mp
import multiprocessing.connection
import os
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

# --------------------------------------------------------------------------------------------------
# Extraction of cases from the test files (pure ast, nothing imported from the suite)
# --------------------------------------------------------------------------------------------------

# Parameter order and defaults of tests/test_all.py::compare_strings (math-verify 0.8.0 / 0.9.0).
COMPARE_STRINGS_PARAMS = ("gold", "pred", "match_types", "precision", "strict", "allow_set_relation_comp")
COMPARE_STRINGS_DEFAULTS = {"match_types": ["latex", "expr"], "precision": 6, "strict": True,
                            "allow_set_relation_comp": False}
# Names that may appear in a value expression (e.g. f"{math.sqrt(17):.15f}" in test_float_precision).
_SAFE_NAMES = {"math": math}
_SAFE_NODES = (ast.Expression, ast.Constant, ast.JoinedStr, ast.FormattedValue, ast.Tuple, ast.List,
               ast.Call, ast.Attribute, ast.Name, ast.Load, ast.BinOp, ast.UnaryOp, ast.operator,
               ast.unaryop, ast.keyword)


class Unsupported(Exception):
    """A value or assertion the extractor does not turn into a (gold, prediction) case."""


@dataclass
class Case:
    file: str
    test: str
    gold: str
    pred: str
    expected: bool
    config: dict  # {"helper": "compare_strings", match_types, precision, strict, allow_set_relation_comp}
    #             or {"helper": "verify(parse(gold), parse(pred))", "parse_kwargs": {...}, "verify_kwargs": {...}}
    results: dict = field(default_factory=dict)  # verifier -> (status, verdict|None, detail, seconds)


def _value(node: ast.AST, env: dict):
    """Evaluate a literal-ish expression node; ``env`` maps test-function parameters to row nodes."""
    if isinstance(node, ast.Name) and node.id in env:
        return _value(env[node.id], {})
    try:
        return ast.literal_eval(node)
    except (ValueError, SyntaxError, TypeError):
        pass
    expr = ast.Expression(node)
    for sub in ast.walk(expr):
        if not isinstance(sub, _SAFE_NODES):
            raise Unsupported(f"non-literal value {ast.unparse(node)[:60]}")
        if isinstance(sub, ast.Name) and sub.id not in _SAFE_NAMES:
            raise Unsupported(f"non-literal value {ast.unparse(node)[:60]}")
        if isinstance(sub, ast.Call) and not (isinstance(sub.func, ast.Attribute)
                                              and isinstance(sub.func.value, ast.Name)
                                              and sub.func.value.id == "math"):
            raise Unsupported(f"non-literal value {ast.unparse(node)[:60]}")
    return eval(compile(expr, "<suite>", "eval"), {"__builtins__": {}}, dict(_SAFE_NAMES))  # noqa: S307


def _call_name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Call):
        f = node.func
        return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else None
    return None


def _split_assert(test: ast.expr):
    """Return (call, expected_node_or_bool) for ``assert call == X`` / ``assert int(call) == X`` /
    ``assert call`` / ``assert not call``; raise Unsupported otherwise."""
    expected: ast.AST | bool = True
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        test, expected = test.operand, False
    if isinstance(test, ast.Compare):
        if len(test.ops) != 1 or not isinstance(test.ops[0], ast.Eq) or expected is False:
            raise Unsupported("assertion is not a single == comparison")
        left, right = test.left, test.comparators[0]
        if _call_name(left) in ("int", "bool") and len(left.args) == 1:
            left = left.args[0]
        if not isinstance(left, ast.Call):
            raise Unsupported("asserts on parse output / a variable, not a (gold, prediction) verdict")
        return left, right
    if isinstance(test, ast.Call):
        return test, expected
    raise Unsupported("assertion is not a verdict call")


def _case_from_call(call: ast.Call, env: dict) -> tuple[str, str, dict]:
    """(gold, pred, config) from the call the assertion makes, resolved against ``env``."""
    name = _call_name(call)
    if name == "compare_strings":
        if len(call.args) > len(COMPARE_STRINGS_PARAMS):
            raise Unsupported("compare_strings with unexpected arguments")
        bound = dict(zip(COMPARE_STRINGS_PARAMS, call.args, strict=False))
        for kw in call.keywords:
            if kw.arg not in COMPARE_STRINGS_PARAMS:
                raise Unsupported(f"compare_strings keyword {kw.arg!r} not understood")
            bound[kw.arg] = kw.value
        config = {"helper": "compare_strings", **COMPARE_STRINGS_DEFAULTS}
        for key in COMPARE_STRINGS_PARAMS[2:]:
            if key in bound:
                config[key] = _value(bound[key], env)
        return _value(bound["gold"], env), _value(bound["pred"], env), config
    if name == "verify" and len(call.args) >= 2 and all(_call_name(a) == "parse" for a in call.args[:2]):
        gold_call, pred_call = call.args[:2]
        if len(call.args) > 2:
            raise Unsupported("verify() with extra positional arguments")
        parse_cfg = []
        for pc in (gold_call, pred_call):
            if len(pc.args) != 1:
                raise Unsupported("parse() with explicit extraction config objects")
            parse_cfg.append({kw.arg: _value(kw.value, env) for kw in pc.keywords})
        if parse_cfg[0] != parse_cfg[1]:
            raise Unsupported("gold and prediction parsed with different settings")
        verify_kwargs = {kw.arg: _value(kw.value, env) for kw in call.keywords}
        return (_value(gold_call.args[0], env), _value(pred_call.args[0], env),
                {"helper": "verify(parse(gold), parse(pred))", "parse_kwargs": parse_cfg[0],
                 "verify_kwargs": verify_kwargs})
    if name == "parse":
        raise Unsupported("extraction-only check (asserts on parse() output, no gold)")
    if name == "sympy_expr_eq":
        raise Unsupported("compares sympy objects directly, not (gold, prediction) strings")
    if name == "verify":
        raise Unsupported("verify() on pre-built sympy objects, not (gold, prediction) strings")
    raise Unsupported(f"asserts on {name}(...), not a (gold, prediction) verdict")


def _parametrize_rows(func: ast.FunctionDef) -> list[tuple[str, dict]] | None:
    """Expand @pytest.mark.parametrize decorators into [(id, {param: node})]; None if not parametrized."""
    grids = []
    for dec in func.decorator_list:
        if not (isinstance(dec, ast.Call) and isinstance(dec.func, ast.Attribute) and dec.func.attr == "parametrize"):
            continue
        names_node, values_node = dec.args[0], dec.args[1]
        names = ast.literal_eval(names_node)
        names = [n.strip() for n in names.split(",")] if isinstance(names, str) else list(names)
        if not isinstance(values_node, (ast.List, ast.Tuple)):
            raise Unsupported("parametrize values are not a literal list")
        rows = []
        for row in values_node.elts:
            if _call_name(row) == "param":  # pytest.param(..., marks=...)
                if row.keywords:
                    rows.append({"__skip__": "pytest.param with marks/id"})
                    continue
                row = ast.Tuple(elts=row.args, ctx=ast.Load())
            elts = row.elts if (len(names) > 1 and isinstance(row, (ast.Tuple, ast.List))) else [row]
            if len(elts) != len(names):
                rows.append({"__skip__": "parametrize row arity mismatch"})
                continue
            rows.append(dict(zip(names, elts, strict=True)))
        grids.append(rows)
    if not grids:
        return None
    out = []
    for i, combo in enumerate(itertools.product(*grids)):
        merged: dict = {}
        for part in combo:
            merged.update(part)
        out.append((f"{func.name}[{i}]", merged))
    return out


def _uses_mock(func: ast.FunctionDef) -> bool:
    for sub in ast.walk(func):
        if isinstance(sub, ast.Name) and sub.id in ("patch", "MagicMock", "Mock", "monkeypatch"):
            return True
        if isinstance(sub, ast.arg) and sub.arg == "monkeypatch":
            return True
    return False


def extract(tests_dir: Path) -> tuple[list[Case], Counter, list[tuple[str, str, str]]]:
    cases: list[Case] = []
    skipped: Counter = Counter()
    skipped_detail: list[tuple[str, str, str]] = []

    def skip(file: str, test: str, reason: str) -> None:
        skipped[reason] += 1
        skipped_detail.append((file, test, reason))

    for path in sorted(tests_dir.glob("test_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for func in tree.body:
            if not (isinstance(func, ast.FunctionDef) and func.name.startswith("test")):
                continue
            asserts = [n for n in ast.walk(func) if isinstance(n, ast.Assert)]
            if _uses_mock(func):
                for _ in asserts or [None]:
                    skip(path.name, func.name, "mocks math-verify internals (timeout/error-path test)")
                continue
            try:
                rows = _parametrize_rows(func)
            except Unsupported as exc:
                skip(path.name, func.name, str(exc))
                continue
            if rows is None:  # direct assertions with literal arguments
                for k, node in enumerate(asserts):
                    try:
                        call, exp = _split_assert(node.test)
                        gold, pred, config = _case_from_call(call, {})
                        expected = exp if isinstance(exp, bool) else _value(exp, {})
                        cases.append(_make_case(path.name, f"{func.name}#assert{k}", gold, pred, expected, config))
                    except Unsupported as exc:
                        skip(path.name, f"{func.name}#assert{k}", str(exc))
                continue
            if len(asserts) != 1:
                for tid, _ in rows:
                    skip(path.name, tid, "parametrized test with other than one assertion")
                continue
            try:
                call, exp = _split_assert(asserts[0].test)
            except Unsupported as exc:
                for tid, _ in rows:
                    skip(path.name, tid, str(exc))
                continue
            for tid, env in rows:
                if "__skip__" in env:
                    skip(path.name, tid, env["__skip__"])
                    continue
                try:
                    gold, pred, config = _case_from_call(call, env)
                    expected = exp if isinstance(exp, bool) else _value(exp, env)
                    cases.append(_make_case(path.name, tid, gold, pred, expected, config))
                except Unsupported as exc:
                    skip(path.name, tid, str(exc))
    return cases, skipped, skipped_detail


def _make_case(file, test, gold, pred, expected, config) -> Case:
    if not (isinstance(gold, str) and isinstance(pred, str)):
        raise Unsupported("gold/prediction are not strings")
    if isinstance(expected, bool):
        verdict = expected
    elif isinstance(expected, int) and expected in (0, 1):
        verdict = bool(expected)
    else:
        raise Unsupported("expected value is not a plain accept/reject")
    return Case(file, test, gold, pred, verdict, config)


# --------------------------------------------------------------------------------------------------
# The two verifiers (run inside worker processes)
# --------------------------------------------------------------------------------------------------

def compare_strings(gold, pred, match_types=("latex", "expr"), precision=6, strict=True,
                    allow_set_relation_comp=False):
    """Copy of the helper in Math-Verify tests/test_all.py (0.8.0 / 0.9.0): parse both strings with
    LatexExtractionConfig(boxed_match_priority=0) and/or ExprExtractionConfig(), then verify()."""
    from math_verify import ExprExtractionConfig, LatexExtractionConfig, parse, verify

    extraction_targets = []
    for match_type in match_types:
        if match_type == "latex":
            extraction_targets.append(LatexExtractionConfig(boxed_match_priority=0))
        elif match_type == "expr":
            extraction_targets.append(ExprExtractionConfig())
    gold_parsed = parse(gold, extraction_targets)
    pred_parsed = parse(pred, extraction_targets)
    return verify(gold_parsed, pred_parsed, float_rounding=precision, strict=strict,
                  allow_set_relation_comp=allow_set_relation_comp)


def plain_verdict(case: Case) -> bool:
    cfg = case.config
    if cfg["helper"] == "compare_strings":
        return bool(compare_strings(case.gold, case.pred, cfg["match_types"], cfg["precision"], cfg["strict"],
                                    cfg["allow_set_relation_comp"]))
    from math_verify import parse, verify

    return bool(verify(parse(case.gold, **cfg["parse_kwargs"]), parse(case.pred, **cfg["parse_kwargs"]),
                       **cfg["verify_kwargs"]))


def synthloom_verdict(case: Case) -> bool:
    import asyncio

    from synthloom.verifiers.math import MathAnswerVerifier

    return bool(asyncio.run(MathAnswerVerifier().verify(case.pred, {"answer": case.gold})).passed)


def default_verdict(case: Case) -> bool:
    """Reference only: math-verify with its defaults, verify(parse(gold), parse(pred)), whatever the test
    passes -- i.e. one fixed configuration, as synthloom has."""
    from math_verify import parse, verify

    return bool(verify(parse(case.gold), parse(case.pred)))


VERIFIERS = {"synthloom": synthloom_verdict, "math-verify": plain_verdict, "mv-default": default_verdict}


def _worker(conn) -> None:
    import logging
    import warnings

    warnings.filterwarnings("ignore")
    logging.disable(logging.CRITICAL)
    while True:
        msg = conn.recv()
        if msg is None:
            return
        key, name, case = msg
        t0 = time.perf_counter()
        try:
            verdict = VERIFIERS[name](case)
            conn.send((key, name, "ok", verdict, "", time.perf_counter() - t0))
        except Exception as exc:  # noqa: BLE001 - reported as an error, not a verdict
            conn.send((key, name, "error", None, f"{type(exc).__name__}: {exc}"[:200], time.perf_counter() - t0))


class _Slot:
    def __init__(self, ctx):
        self.conn, child = ctx.Pipe()
        # not daemonic: the verifier under test may start processes of its own
        self.proc = ctx.Process(target=_worker, args=(child,), daemon=False)
        self.proc.start()
        child.close()
        self.task = None
        self.deadline = 0.0

    def kill(self) -> None:
        self.proc.kill()
        self.proc.join(5)
        self.conn.close()


def run_all(cases: list[Case], names: list[str], timeout: float, workers: int, progress: bool) -> None:
    ctx = mp.get_context("fork" if sys.platform != "win32" else "spawn")
    pending = [(i, name) for i in range(len(cases)) for name in names]
    pending.reverse()
    slots = [_Slot(ctx) for _ in range(max(1, min(workers, len(pending))))]
    done, total, last = 0, len(pending), time.monotonic()
    try:
        while pending or any(s.task for s in slots):
            for s in slots:
                if s.task is None and pending:
                    s.task = pending.pop()
                    s.conn.send((s.task[0], s.task[1], cases[s.task[0]]))
                    s.deadline = time.monotonic() + timeout
            busy = [s for s in slots if s.task]
            ready = mp.connection.wait([s.conn for s in busy], timeout=0.2)
            for s in busy:
                if s.conn in ready:
                    try:
                        key, name, status, verdict, detail, secs = s.conn.recv()
                    except (EOFError, OSError):
                        key, name = s.task
                        status, verdict, detail, secs = "error", None, "worker died", 0.0
                        s.kill()
                        slots[slots.index(s)] = s = _Slot(ctx)
                    cases[key].results[name] = (status, verdict, detail, secs)
                    s.task = None
                    done += 1
                elif time.monotonic() > s.deadline:
                    key, name = s.task
                    cases[key].results[name] = ("timeout", None, f">{timeout:g}s", timeout)
                    s.kill()
                    slots[slots.index(s)] = _Slot(ctx)
                    done += 1
            if progress and time.monotonic() - last > 10:
                last = time.monotonic()
                print(f"  ... {done}/{total} verifier calls", file=sys.stderr, flush=True)
    finally:
        for s in slots:
            try:
                s.conn.send(None)
                s.proc.join(2)
            except (OSError, BrokenPipeError):
                pass
            if s.proc.is_alive():
                s.kill()


# --------------------------------------------------------------------------------------------------
# Reporting
# --------------------------------------------------------------------------------------------------

def tally(cases: list[Case], name: str) -> dict:
    t = Counter()
    for c in cases:
        status, verdict, _, _ = c.results[name]
        t["n"] += 1
        if status != "ok":
            t[status] += 1
            continue
        if verdict == c.expected:
            t["agree"] += 1
        elif verdict:
            t["fa"] += 1
        else:
            t["fr"] += 1
    return t


def correct(case: Case, name: str) -> bool:
    status, verdict, _, _ = case.results[name]
    return status == "ok" and verdict == case.expected


def suite_version(tests_dir: Path) -> str | None:
    root = tests_dir.parent
    for fname, pattern in (("PKG-INFO", r"^Version:\s*(\S+)"), ("pyproject.toml", r'^version\s*=\s*"([^"]+)"')):
        f = root / fname
        if f.is_file():
            m = re.search(pattern, f.read_text(encoding="utf-8", errors="replace"), re.M)
            if m:
                return m.group(1)
    return None


def _short(s: str, width: int) -> str:
    r = repr(s)
    return r if width <= 0 or len(r) <= width else r[: width - 3] + "..."


def _config_tag(config: dict) -> str:
    """The parts of a case's config that differ from the test suite's usual compare_strings defaults."""
    if config["helper"] != "compare_strings":
        extra = {**config["parse_kwargs"], **config["verify_kwargs"]}
        return ("verify(parse,parse) " + " ".join(f"{k}={v}" for k, v in extra.items())).strip() if extra else ""
    parts = [f"{k}={v}" for k, v in config.items() if k != "helper" and COMPARE_STRINGS_DEFAULTS.get(k) != v]
    return " ".join(parts)


def _verdict_str(res) -> str:
    status, verdict, detail, _ = res
    return str(verdict) if status == "ok" else f"{status}({detail})"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--suite", required=True, type=Path,
                    help="Math-Verify tests/ directory (or the directory that contains tests/)")
    ap.add_argument("--show-errors", action="store_true", help="list synthloom's disagreements with the tests")
    ap.add_argument("--list-skipped", action="store_true", help="list every skipped assertion/row")
    ap.add_argument("--timeout", type=float, default=20.0, help="wall-clock seconds per verifier call (default 20)")
    ap.add_argument("--workers", type=int, default=max(2, os.cpu_count() or 2), help="worker processes")
    ap.add_argument("--width", type=int, default=110, help="truncate gold/prediction in listings (0 = full)")
    ap.add_argument("--verifier", choices=["both", "synthloom", "math-verify"], default="both",
                    help="'both' also runs the mv-default reference row")
    args = ap.parse_args()

    tests_dir = args.suite
    if not list(tests_dir.glob("test_*.py")) and (tests_dir / "tests").is_dir():
        tests_dir = tests_dir / "tests"
    if not list(tests_dir.glob("test_*.py")):
        ap.error(f"no test_*.py files under {args.suite}")

    from importlib.metadata import PackageNotFoundError, version

    try:
        installed = version("math-verify")
    except PackageNotFoundError:
        installed = None
    found = suite_version(tests_dir)
    print(f"suite: {tests_dir.resolve()} (version {found or 'unknown'}); installed math-verify {installed}")
    if found and installed and found != installed:
        print(f"WARNING: suite version {found} != installed math-verify {installed}; "
              "expected verdicts may not match this library version")

    cases, skipped, skipped_detail = extract(tests_dir)
    print(f"cases: {len(cases)} extracted, {sum(skipped.values())} skipped")
    for reason, n in skipped.most_common():
        print(f"  skipped {n:3}: {reason}")
    if args.list_skipped:
        for f, t, r in skipped_detail:
            print(f"    {f}::{t}: {r}")
    if not cases:
        return 1

    names = ["synthloom", "math-verify", "mv-default"] if args.verifier == "both" else [args.verifier]
    t0 = time.monotonic()
    run_all(cases, names, args.timeout, args.workers, progress=True)
    print(f"ran {len(cases) * len(names)} verifier calls in {time.monotonic() - t0:.0f}s "
          f"({args.workers} workers, timeout {args.timeout:g}s per call)")

    by_file = defaultdict(list)
    for c in cases:
        by_file[c.file].append(c)
    head = (f"{'file':26} {'verifier':12} {'n':>4} {'agree':>6} {'agree%':>7} {'false acc':>9} {'false rej':>9} "
            f"{'timeout':>7} {'error':>5}")
    print()
    print(head)
    print("-" * len(head))
    for fname, part in [*sorted(by_file.items()), ("ALL", cases)]:
        if fname == "ALL":
            print("-" * len(head))
        for name in names:
            t = tally(part, name)
            print(f"{fname:26} {name:12} {t['n']:>4} {t['agree']:>6} {t['agree'] / t['n']:>7.1%} {t['fa']:>9} "
                  f"{t['fr']:>9} {t['timeout']:>7} {t['error']:>5}")

    if args.verifier == "both":
        below = [c for c in cases if correct(c, "math-verify") and not correct(c, "synthloom")]
        above = [c for c in cases if correct(c, "synthloom") and not correct(c, "math-verify")]
        ts, tp = tally(cases, "synthloom"), tally(cases, "math-verify")
        verdict = "OK" if ts["agree"] >= tp["agree"] and not below else "BELOW THE FLOOR"
        print(f"\nfloor: synthloom {ts['agree']}/{len(cases)} vs math-verify {tp['agree']}/{len(cases)}; "
              f"cases math-verify gets right and synthloom wrong: {len(below)}; "
              f"the reverse: {len(above)} -> {verdict}")
        # The same (gold, prediction) pair asserted both ways under different configs (strict=False,
        # allow_set_relation_comp=True, ...) cannot be matched by one fixed configuration.
        pairs = defaultdict(set)
        for c in cases:
            pairs[(c.gold, c.pred)].add(c.expected)
        conflicts = [k for k, v in pairs.items() if len(v) > 1]
        non_default = sum(_config_tag(c.config) != "" for c in cases)
        print(f"config: {non_default} cases use a non-default test config; {len(conflicts)} (gold, prediction) "
              f"pairs are expected both ways under different configs, so one fixed configuration scores at "
              f"most {len(cases) - len(conflicts)}/{len(cases)}")

    if args.show_errors:
        name = names[0]
        wrong = [c for c in cases if not correct(c, name)]
        print(f"\n{name} disagreements with the tests ({len(wrong)}):")
        for c in wrong:
            plain = _verdict_str(c.results["math-verify"]) if "math-verify" in c.results else "-"
            dflt = _verdict_str(c.results["mv-default"]) if "mv-default" in c.results else "-"
            tag = _config_tag(c.config)
            print(f"  {c.file}::{c.test}{' [' + tag + ']' if tag else ''} expected {c.expected} "
                  f"{name} {_verdict_str(c.results[name])} math-verify {plain} mv-default {dflt}")
            print(f"      gold {_short(c.gold, args.width)}")
            print(f"      pred {_short(c.pred, args.width)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
