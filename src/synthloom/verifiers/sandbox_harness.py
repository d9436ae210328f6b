"""Runs inside the sandbox (copied there with sandbox_wire.py); three roles, given as the first stdin line.

- serve: load the candidate's program and call its entry point once per request line, answering each
  with the encoded return value or the exception's name. The candidate decides nothing here: its
  answers are plain data that the parent (or the test process) compares with expectations it never sees.
- evaluate: load the trusted test module (no candidate code) and evaluate expressions in it: the
  inputs and expected values of decomposed test cases.
- check: load the trusted prompt, name its entry point `candidate`, load the trusted test, and run
  `check(candidate)`, where `candidate` is a proxy that asks the parent, which asks a separate serve
  process. The assertions run here, away from candidate code. A call's effect on its list, dict and set
  arguments comes back and is applied to the test's objects, a returned argument is that very object,
  and the candidate's own built-in exceptions are raised as themselves, so the test sees what it
  would see in HumanEval's run; a call that broke (no plain value, the process ended) is an error
  even if the test catches it.

The protocol runs over private copies of stdin and stdout; the program's own fd 0 reads nothing and
its fd 1 goes to stderr, so what the code prints can never be read as an answer.
"""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # -I leaves the script's folder out

import sandbox_wire as wire  # noqa: E402

_requests = os.fdopen(os.dup(0), "r", encoding="utf-8")
_answers = os.fdopen(os.dup(1), "w", encoding="utf-8")
_null = os.open(os.devnull, os.O_RDONLY)
os.dup2(_null, 0)
os.dup2(2, 1)
sys.stdout = sys.stderr


def send(message):
    _answers.write(json.dumps(message) + "\n")
    _answers.flush()


def receive():
    line = _requests.readline()
    if not line:
        raise EOFError("the parent closed the channel")
    return json.loads(line)


def describe(exc):
    return f"{type(exc).__name__}: {exc}"[:500]


def load(path, name, namespace=None):
    namespace = namespace if namespace is not None else {"__name__": name, "__file__": path}
    with open(path, encoding="utf-8") as handle:
        exec(compile(handle.read(), path, "exec"), namespace)
    return namespace


def serve(task):
    try:
        function = load(task["program"], "__main__")[task["entry"]]
        send({"loaded": True})
    except BaseException as exc:  # noqa: BLE001 - any failure to load is the candidate's error
        send({"loaded": False, "error": describe(exc)})
        return
    while True:
        try:
            request = receive()
        except EOFError:
            return
        try:
            args = wire.decode(request["args"])
            kwargs = wire.decode(request.get("kwargs", {"d": []}))
            returned = function(*args, **kwargs)
            answer = {"id": request["id"], "value": wire.encode(returned)}
            if request.get("reflect"):  # whole check: what the call did to its arguments, and identity
                answer["args_after"] = wire.encode(args)
                answer["kwargs_after"] = wire.encode(kwargs)
                same = [i for i, arg in enumerate(args) if returned is arg and type(arg) in (list, dict, set)]
                if same:
                    answer["same_as_arg"] = same[0]
            send(answer)
        except wire.Unencodable as exc:
            send({"id": request["id"], "unencodable": str(exc)[:300]})
        except BaseException as exc:  # noqa: BLE001 - SystemExit and KeyboardInterrupt included: an error
            answer = {"id": request["id"], "raised": describe(exc)}
            if isinstance(exc, Exception) and type(exc).__module__ == "builtins":
                answer["exception"] = type(exc).__name__  # re-raised as itself where the test may expect it
            send(answer)


def evaluate(task):
    try:
        namespace = load(task["module"], "test_module")
    except BaseException as exc:  # noqa: BLE001
        send({"error": "the test module does not load: " + describe(exc)})
        return
    values = []
    for source in task["expressions"]:
        try:
            values.append({"value": wire.encode(eval(source, namespace))})
        except BaseException as exc:  # noqa: BLE001
            values.append({"error": describe(exc)})
    send({"values": values})


class CandidateBroke(BaseException):
    """The candidate returned something that is not plain data, ended, or stopped answering: no Python
    exception of its own. A BaseException, so a test's `except Exception` cannot take it for one; and
    even if the test swallows it, the verdict is an error (see `broken`)."""


def _reflect(originals, after):
    """Apply what the call did to its list, dict and set arguments to the test's own objects."""
    for original, new in zip(originals, after, strict=False):  # the far side's count is not trusted
        if type(original) is list and type(new) is list:
            original[:] = new
        elif type(original) in (dict, set) and type(new) is type(original):
            original.clear()
            original.update(new)


def check(task):
    import builtins

    counter = [0]
    broken = []

    def candidate(*args, **kwargs):
        counter[0] += 1
        send({"call": counter[0], "args": wire.encode(args), "kwargs": wire.encode(kwargs)})
        reply = receive()
        if "value" in reply:
            _reflect(args, wire.decode(reply["args_after"]))
            _reflect(kwargs.values(), wire.decode(reply["kwargs_after"]).values())
            if type(reply.get("same_as_arg")) is int and 0 <= reply["same_as_arg"] < len(args):
                return args[reply["same_as_arg"]]
            return wire.decode(reply["value"])
        kind = getattr(builtins, str(reply.get("exception")), None)
        if isinstance(kind, type) and issubclass(kind, Exception):
            raise kind(reply.get("error", ""))  # the candidate's own exception, as the test would see it
        broken.append(str(reply.get("error", "no answer")))
        raise CandidateBroke(broken[-1])

    try:
        # As in HumanEval's run (prompt, completion, test, check(entry)): the entry point's name is the
        # candidate before the test's own module-level code runs, and inside `check`.
        namespace = load(task["prompt"], "test_module")
        namespace[task["entry"]] = candidate
        load(task["module"], "test_module", namespace)
        namespace["check"](candidate)
    except AssertionError as exc:
        verdict = {"verdict": "fail", "detail": describe(exc)}
    except CandidateBroke as exc:
        verdict = {"verdict": "error", "detail": str(exc)[:500]}
    except BaseException as exc:  # noqa: BLE001
        verdict = {"verdict": "error", "detail": describe(exc)}
    else:
        verdict = {"verdict": "pass"}
    if broken and verdict["verdict"] == "pass":  # the test swallowed a call that never answered
        verdict = {"verdict": "error", "detail": f"the candidate broke on a call the test let pass: {broken[0]}"[:500]}
    send({**verdict, "calls": counter[0]})


if __name__ == "__main__":
    task = receive()
    {"serve": serve, "evaluate": evaluate, "check": check}[task["role"]](task)
