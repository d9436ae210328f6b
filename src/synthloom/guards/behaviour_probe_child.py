"""Runs inside the sandbox (standard library only): a benchmark item's reference solution and a
record's function called on the same inputs, answering how many agree.

stdin: {"reference": source, "entry_point": name, "candidate": source, "function": name,
"inputs": [repr of an argument tuple, ...]}. stdout, last line: {"compared": n, "agreed": m}, or
{"error": why}. Inputs the reference raises on or is slow on are outside its task and not compared.

Two more modes. {"mode": "references", "items": [{"key", "reference", "entry_point", "inputs"}]}:
each reference solution's answers, {"outputs": {key: [answer or null, ...]}} (null: it raised or was
slow). {"mode": "screen", "candidate": source, "items": [{"key", "preamble", "functions", "inputs",
"expected", "allowed"}]}: the record's functions against many items' known answers at once,
{"results": {key: {function: [compared, agreed]}}}; an item is left as soon as a function has
disagreed more than `allowed` times, and the candidate is given up on after SLOW_LIMIT slow calls.
{"mode": "pairs", "items": [{"key", "reference", "entry_point", "calls": [[args, output], ...]}]}: each
reference on the inputs a record states (example_pairs.py), {"pairs": {key: [verdict, ...]}}, a verdict
being "agree", "differ" (another value), "raised" or "slow", written as its first letter.
"""

import ast
import copy
import io
import json
import math
import signal
import sys

CALL_SECONDS = 0.5


class _Slow(Exception):
    pass


def _alarm(_signum, _frame):
    raise _Slow


def plain(value, depth=0):
    """A comparable form: tuples and lists alike, sets sorted, floats to 6 significant digits."""
    if depth > 30:
        raise TypeError("too deep")
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return float(f"{value:.6g}") if math.isfinite(value) else repr(value)
    if isinstance(value, (list, tuple)):
        return [plain(v, depth + 1) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted((plain(v, depth + 1) for v in value), key=repr)
    if isinstance(value, dict):
        return sorted(([plain(k, depth + 1), plain(v, depth + 1)] for k, v in value.items()), key=repr)
    raise TypeError(type(value).__name__)


def identical(got, want):
    """An answer against the reference's (both plain), a boolean only as a boolean: Python's `1 == True`
    lets a count of triples pass for "is there a triple" on every input whose count is 0 or 1."""
    if isinstance(got, bool) or isinstance(want, bool):
        return type(got) is type(want) and got == want
    if isinstance(got, list) and isinstance(want, list):
        return len(got) == len(want) and all(identical(g, w) for g, w in zip(got, want, strict=True))
    return got == want


def outcome(function, args):
    signal.setitimer(signal.ITIMER_REAL, CALL_SECONDS)
    try:
        return ("value", plain(function(*copy.deepcopy(args))))
    except _Slow:
        return ("slow",)
    except Exception:  # noqa: BLE001 - any failure is an outcome to compare
        return ("raised",)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def load(source, name):
    namespace = {"__name__": "probe"}
    exec(compile(source, "<probe>", "exec"), namespace)  # noqa: S102 - sandboxed by design
    return namespace[name]


SLOW_LIMIT = 6
LONG_ANSWER = 300


def references(spec):
    outputs = {}
    for item in spec["items"]:
        try:
            reference = load(item["reference"], item["entry_point"])
        except BaseException:  # noqa: BLE001
            continue
        answers = []
        for text in item["inputs"]:
            got = outcome(reference, ast.literal_eval(text))
            # Long answers (over LONG_ANSWER characters) are not compared: the sandbox's output is capped.
            answers.append(got[1] if got[0] == "value" and len(json.dumps(got[1])) <= LONG_ANSWER else None)
        outputs[item["key"]] = answers
    return {"outputs": outputs}


def screen(spec):
    loaded = {}
    results = {}
    slow = 0
    for item in spec["items"]:
        if slow >= SLOW_LIMIT:
            break
        if item["preamble"] not in loaded:
            try:
                namespace = {"__name__": "probe"}
                exec(compile(item["preamble"] + "\n" + spec["candidate"], "<probe>", "exec"), namespace)  # noqa: S102
                loaded[item["preamble"]] = namespace
            except BaseException:  # noqa: BLE001
                loaded[item["preamble"]] = {}
        namespace = loaded[item["preamble"]]
        found = {}
        for name in item["functions"]:
            function = namespace.get(name)
            if not callable(function):
                continue
            compared = agreed = 0
            for text, want in zip(item["inputs"], item["expected"], strict=True):
                got = outcome(function, ast.literal_eval(text))
                slow += got[0] == "slow"
                compared += 1
                agreed += got[0] == "value" and identical(got[1], json.loads(json.dumps(want)))
                if compared - agreed > item["allowed"] or slow >= SLOW_LIMIT:
                    break
            found[name] = [compared, agreed]
        results[item["key"]] = found
    return {"results": results}


def same(got, want):
    """A stated output against the reference's (both plain): numbers within the stated precision,
    booleans only as booleans, integers exactly (a look-alike saturating at 255 states 255 where the
    reference answers 256: a relative tolerance would call them equal)."""
    if isinstance(want, bool) or isinstance(got, bool):
        return type(got) is type(want) and got == want
    if isinstance(want, int) and isinstance(got, int):
        return got == want
    if isinstance(want, (int, float)) and isinstance(got, (int, float)):
        return math.isclose(got, want, rel_tol=5e-3, abs_tol=5e-3 if isinstance(want, float) else 0)
    if isinstance(want, list) and isinstance(got, list):
        return len(got) == len(want) and all(same(g, w) for g, w in zip(got, want, strict=True))
    return got == want


def pairs(spec):
    """Each item's reference on the inputs a record states, against the outputs it states."""
    verdicts = {}
    for item in spec["items"]:
        try:
            reference = load(item["reference"], item["entry_point"])
        except BaseException:  # noqa: BLE001
            continue
        found = []
        slow_calls = 0
        for args, want in item["calls"]:
            if slow_calls >= 3:  # an item slow on three stated inputs is not run on more
                found.append("slow")
                continue
            got = outcome(reference, ast.literal_eval(args))
            slow_calls += got[0] == "slow"
            if got[0] == "value":
                try:
                    found.append("agree" if same(got[1], plain(ast.literal_eval(want))) else "differ")
                except Exception:  # noqa: BLE001 - a value beyond comparison (too deep, too large) differs
                    found.append("differ")
            else:
                found.append(got[0])
        verdicts[item["key"]] = "".join(v[0] for v in found)  # a, d, r, s: one letter a verdict
    return {"pairs": verdicts}


def main():
    real_stdout = sys.stdout
    sys.stdout = io.StringIO()  # what the functions print is not the answer
    signal.signal(signal.SIGALRM, _alarm)
    spec = json.loads(sys.stdin.read())
    if spec.get("mode") in ("references", "screen", "pairs"):
        answer = {"references": references, "screen": screen, "pairs": pairs}[spec["mode"]](spec)
        real_stdout.write(json.dumps(answer) + "\n")
        return
    try:
        reference = load(spec["reference"], spec["entry_point"])
    except BaseException as exc:  # noqa: BLE001
        real_stdout.write(json.dumps({"error": f"reference: {type(exc).__name__}"}) + "\n")
        return
    try:
        candidate = load(spec["candidate"], spec["function"])
    except BaseException as exc:  # noqa: BLE001
        real_stdout.write(json.dumps({"error": f"candidate: {type(exc).__name__}"}) + "\n")
        return
    compared = agreed = 0
    for text in spec["inputs"]:
        args = ast.literal_eval(text)
        want = outcome(reference, args)
        if want[0] != "value":
            continue
        compared += 1
        got = outcome(candidate, args)
        agreed += got[0] == "value" and identical(got[1], want[1])
    real_stdout.write(json.dumps({"compared": compared, "agreed": agreed}) + "\n")


if __name__ == "__main__":
    main()
