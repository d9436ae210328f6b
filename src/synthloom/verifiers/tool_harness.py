"""Runs inside the sandbox (see tool_sandbox.py): the user's tool implementations, or their check
functions, never in synthloom's own process. Standard library only. Two roles, given as the first
stdin line:

- serve: load the tools module, answer {"loaded", "functions"}, then call one function per request line
  ({"id", "name", "arguments": {...}}) with the arguments as keywords, answering {"id", "result"} (the
  returned value as JSON) or {"id", "error"}. The module stays loaded between calls, so a tool's state
  (an in-memory store) lives for one trajectory: each trajectory gets a process of its own.
- check: load the checks module and call one function with the trajectory; answer {"verdict": bool,
  "reason": str}. A check returns True/False, or (False, "why").

The protocol runs over private copies of stdin and stdout; what the code prints goes to stderr, so it
can never be read as an answer.
"""

import json
import os
import sys

_requests = os.fdopen(os.dup(0), "r", encoding="utf-8")
_answers = os.fdopen(os.dup(1), "w", encoding="utf-8")
_null = os.open(os.devnull, os.O_RDONLY)
os.dup2(_null, 0)
os.dup2(2, 1)
sys.stdout = sys.stderr
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # a module may import a helper beside it


def send(message):
    _answers.write(json.dumps(message) + "\n")
    _answers.flush()


def describe(exc):
    return f"{type(exc).__name__}: {exc}"[:500]


def load(path, name):
    namespace = {"__name__": name, "__file__": path}
    with open(path, encoding="utf-8") as handle:
        exec(compile(handle.read(), path, "exec"), namespace)
    return namespace


def as_json(value):
    try:
        return json.dumps(value, allow_nan=False)
    except (TypeError, ValueError, RecursionError) as exc:
        raise TypeError(f"the tool returned a value that is not JSON ({describe(exc)})") from None


def serve(task):
    try:
        namespace = load(task["module"], "synthloom_tools")
    except BaseException as exc:  # noqa: BLE001 - any failure to load is the module's error
        send({"loaded": False, "error": describe(exc)})
        return
    functions = sorted(name for name, value in namespace.items() if callable(value) and not name.startswith("_"))
    send({"loaded": True, "functions": functions})
    while True:
        line = _requests.readline()
        if not line:
            return
        request = json.loads(line)
        try:
            function = namespace.get(request["name"])
            if not callable(function):
                raise LookupError(f"no function {request['name']!r} in the tools module")
            send({"id": request["id"], "result": as_json(function(**request["arguments"]))})
        except BaseException as exc:  # noqa: BLE001 - SystemExit too: the call failed, the process goes on
            send({"id": request["id"], "error": describe(exc)})


def check(task):
    try:
        function = load(task["module"], "synthloom_checks").get(task["function"])
        if not callable(function):
            send({"error": f"no function {task['function']!r} in the checks module"})
            return
        verdict = function(task["trajectory"])
    except BaseException as exc:  # noqa: BLE001
        send({"error": describe(exc)})
        return
    reason = ""
    if type(verdict) is tuple and len(verdict) == 2:
        verdict, reason = verdict
    if type(verdict) is not bool:
        send({"error": f"the check returned {type(verdict).__name__}, not True/False or (False, reason)"})
        return
    send({"verdict": verdict, "reason": str(reason)[:500]})


if __name__ == "__main__":
    task = json.loads(_requests.readline())
    {"serve": serve, "check": check}[task["role"]](task)
