"""Runs inside the sandbox (copied there with sandbox_wire.py); three roles, given as the first stdin line.

- serve: load the candidate's program and call its entry point once per request line, answering each
  with the encoded return value or the exception's name. The candidate decides nothing here: its
  answers are plain data that the parent (or the test process) compares with expectations it never sees.
- evaluate: load the trusted test module (no candidate code) and evaluate expressions in it: the
  inputs and expected values of decomposed test cases.
- check: load the trusted test module and run `check(candidate)` where `candidate` is a proxy that asks
  the parent, which asks a separate serve process. The assertions run here, away from candidate code.

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


def load(path, name):
    namespace = {"__name__": name, "__file__": path}
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
            result = wire.encode(function(*args))
            send({"id": request["id"], "value": result})
        except wire.Unencodable as exc:
            send({"id": request["id"], "unencodable": str(exc)[:300]})
        except BaseException as exc:  # noqa: BLE001 - SystemExit and KeyboardInterrupt included: an error
            send({"id": request["id"], "raised": describe(exc)})


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


class CandidateFailed(Exception):
    """The candidate raised, returned something that is not plain data, or stopped answering."""


def check(task):
    counter = [0]

    def candidate(*args):
        counter[0] += 1
        send({"call": counter[0], "args": wire.encode(args)})
        reply = receive()
        if "value" in reply:
            return wire.decode(reply["value"])
        raise CandidateFailed(reply.get("error", "no answer"))

    try:
        namespace = load(task["module"], "test_module")
        namespace[task["entry"]] = candidate  # the test may call it by its own name, as HumanEval's run does
        namespace["check"](candidate)
    except AssertionError as exc:
        send({"verdict": "fail", "calls": counter[0], "detail": describe(exc)})
    except CandidateFailed as exc:
        send({"verdict": "error", "calls": counter[0], "detail": str(exc)[:500]})
    except BaseException as exc:  # noqa: BLE001
        send({"verdict": "error", "calls": counter[0], "detail": describe(exc)})
    else:
        send({"verdict": "pass", "calls": counter[0]})


if __name__ == "__main__":
    task = receive()
    {"serve": serve, "evaluate": evaluate, "check": check}[task["role"]](task)
