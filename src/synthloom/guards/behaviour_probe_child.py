"""Runs inside the sandbox (standard library only): a benchmark item's reference solution and a
record's function called on the same inputs, answering how many agree.

stdin: {"reference": source, "entry_point": name, "candidate": source, "function": name,
"inputs": [repr of an argument tuple, ...]}. stdout, last line: {"compared": n, "agreed": m}, or
{"error": why}. Inputs the reference raises on or is slow on are outside its task and not compared.
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


def main():
    real_stdout = sys.stdout
    sys.stdout = io.StringIO()  # what the functions print is not the answer
    signal.signal(signal.SIGALRM, _alarm)
    spec = json.loads(sys.stdin.read())
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
        agreed += outcome(candidate, args) == want
    real_stdout.write(json.dumps({"compared": compared, "agreed": agreed}) + "\n")


if __name__ == "__main__":
    main()
