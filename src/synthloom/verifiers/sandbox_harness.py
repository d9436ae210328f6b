"""Runs inside the sandbox (copied there with sandbox_wire.py); three roles, given as the first stdin line.

- serve: load the candidate's program and call its entry point once per request line, answering each
  with the encoded return value or the exception's name. The candidate decides nothing here: its
  answers are plain data that the parent (or the test process) compares with expectations it never sees.
- evaluate: load the trusted test module (no candidate code) and evaluate expressions in it: the
  inputs and expected values of decomposed test cases.
- check: load the trusted prompt, name its entry point `candidate`, load the trusted test, and run
  `check(candidate)`, where `candidate` is a proxy that asks the parent, which asks a separate serve
  process. The assertions run here, away from candidate code. A call's effect on its list, dict and set
  arguments comes back and is applied to the test's objects at every depth, what the returned value
  shares with the arguments is shared with the test's objects,
  and the candidate's own built-in exceptions are raised as themselves, so the test sees what it
  would see in HumanEval's run; a call that broke (no plain value, the process ended) is an error
  even if the test catches it.

The protocol runs over private copies of stdin and stdout; the program's own fd 0 reads nothing and
its fd 1 goes to stderr, so what the code prints can never be read as an answer.
"""

import builtins
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
    previous = set()  # ids of the lists, dicts and sets returned so far (kept alive in `kept`)
    kept = []
    try:
        # Named as in HumanEval's run (exec with fresh globals: `__name__` is "builtins"), so no
        # `__main__` block runs and the module cannot tell the two runs apart by its name.
        function = load(task["program"], "builtins")[task["entry"]]
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
        except BaseException as exc:  # noqa: BLE001 - SystemExit and KeyboardInterrupt included: an error
            answer = {"id": request["id"], "raised": describe(exc)}
            try:
                answer["exception_args"] = wire.encode(exc.args)
            except BaseException:  # noqa: BLE001 - arguments that are not plain data: the message only
                pass
            builtin = next((k for k in type(exc).__mro__ if getattr(builtins, k.__name__, None) is k), None)
            if isinstance(exc, Exception) and builtin is not None:
                # raised in the test as the nearest built-in class it is (its own subclass cannot cross)
                answer.update(exception=builtin.__name__, message=_message(exc))
            send(answer)
            continue
        try:  # a value that cannot cross is never an exception of the candidate's
            answer = {"id": request["id"], "value": wire.encode(returned)}
            if request.get("reflect"):  # whole check: what the call did to its arguments, and identity
                answer["args_after"] = wire.encode(args)
                answer["kwargs_after"] = wire.encode(kwargs)
                shared = _shared_paths(returned, (args, kwargs))
                if shared:
                    answer["shared"] = wire.encode(shared)
                kept.append(returned)  # alive, so no later object can reuse its id
                if _aliased(returned) or _returned_before(returned, previous):
                    answer = {"id": request["id"], "unencodable": "a value holding one list, dict or set twice, "
                              "or one it returned before: a copy cannot behave the same"}
        except BaseException as exc:  # noqa: BLE001
            answer = {"id": request["id"], "unencodable": describe(exc)[:300]}
        send(answer)


MUTABLE = (list, dict, set)


def _paths(value, limit=wire.MAX_ITEMS):
    """{id: path} of every list, dict and set inside `value` (a path: indices and keys from the top)."""
    found, stack = {}, [(value, ())]
    while stack and len(found) < limit:
        item, path = stack.pop()
        if type(item) in MUTABLE and id(item) not in found:
            found[id(item)] = path
        if type(item) in (list, tuple):
            stack.extend((child, path + (i,)) for i, child in enumerate(item))
        elif type(item) is dict:
            stack.extend((child, path + (key,)) for key, child in item.items())
    return found


def _shared_paths(returned, arguments):
    """[(path in the returned value, path in (args, kwargs))] for each list, dict or set the returned
    value shares with the arguments, so the test's copy can share it too (the outermost ones only)."""
    inside, shared, stack = _paths(arguments), [], [(returned, ())]
    while stack:
        item, path = stack.pop()
        if type(item) in MUTABLE and id(item) in inside:
            shared.append((path, inside[id(item)]))
            continue
        if type(item) in (list, tuple):
            stack.extend((child, path + (i,)) for i, child in enumerate(item))
        elif type(item) is dict:
            stack.extend((child, path + (key,)) for key, child in item.items())
    return shared


def _aliased(value):
    """Whether one list, dict or set appears twice inside `value`."""
    seen, stack = set(), [value]
    while stack:
        item = stack.pop()
        if type(item) in MUTABLE:
            if id(item) in seen:
                return True
            seen.add(id(item))
        if type(item) in (list, tuple, set, frozenset):
            stack.extend(item)
        elif type(item) is dict:
            stack.extend(item.values())
    return False


def _returned_before(value, previous):
    """Whether `value` holds a list, dict or set an earlier call returned (a cache the test may change)."""
    found = _paths(value)
    hit = any(key in previous for key in found)
    previous.update(found)
    return hit


def _message(exc):
    try:
        return str(exc)[:2000]
    except BaseException:  # noqa: BLE001
        return ""


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


def _sync(original, new):
    """Make the test's own `original` equal to `new`, in place and at every depth where the shapes
    match, so objects the test still holds see what the call did to them."""
    if type(original) is list and type(new) is list and len(original) == len(new):
        for i, (old_item, new_item) in enumerate(zip(original, new, strict=True)):
            if not _sync(old_item, new_item):
                original[i] = new_item
        return True
    if type(original) is list and type(new) is list:
        original[:] = new
        return True
    if type(original) is dict and type(new) is dict:
        for key in [k for k in original if k not in new]:
            del original[key]
        for key, value in new.items():
            if key not in original or not _sync(original[key], value):
                original[key] = value
        return True
    if type(original) is set and type(new) is set:
        original.clear()
        original.update(new)
        return True
    if type(original) is tuple and type(new) is tuple and len(original) == len(new):
        return all(_sync(a, b) for a, b in zip(original, new, strict=True))  # a tuple's lists, in place
    return type(original) is type(new) and original == new and type(original) not in (float, complex)


def _at(value, path):
    for step in path:
        value = value[step]
    return value


def _share(returned, shared, arguments):
    """Put the test's own argument objects where the candidate's returned value holds its arguments'."""
    for return_path, argument_path in shared:
        target = _at(arguments, argument_path)
        if not return_path:
            return target
        parent = _at(returned, return_path[:-1])
        if type(parent) is tuple:
            continue  # cannot hold another object in place; the copy stays (rare: a tuple of lists)
        parent[return_path[-1]] = target
    return returned


def _reflect(originals, after):
    """Apply what the call did to its arguments to the test's own objects."""
    for original, new in zip(originals, after, strict=False):  # the far side's count is not trusted
        _sync(original, new)


def _shared(values):
    """Whether a list, dict or set appears twice among the arguments (at any depth): the copy that
    crosses cannot share it, so what a call does through one reference would not show in the other."""
    seen, stack = set(), list(values)
    while stack:
        value = stack.pop()
        if type(value) in (list, dict, set):
            if id(value) in seen:
                return True
            seen.add(id(value))
            stack.extend(value.values() if type(value) is dict else value)
        elif type(value) is tuple:
            stack.extend(value)
    return False


def check(task):
    counter = [0]
    broken = []

    def candidate(*args, **kwargs):
        counter[0] += 1
        try:
            if _shared((args, kwargs)):
                raise wire.Unencodable("arguments that share a list, dict or set")
            message = {"call": counter[0], "args": wire.encode(args), "kwargs": wire.encode(kwargs)}
        except (wire.Unencodable, ValueError, RecursionError) as exc:  # a function, a class, an int too long...
            broken.append(f"the test passes what cannot cross to the candidate's process ({exc})")
            raise CandidateBroke(broken[-1]) from None
        send(message)
        reply = receive()
        if "value" in reply:
            _reflect(args, wire.decode(reply["args_after"]))
            _reflect(kwargs.values(), wire.decode(reply["kwargs_after"]).values())
            returned = wire.decode(reply["value"])
            try:
                return _share(returned, wire.decode(reply.get("shared", {"l": []})), (args, kwargs))
            except (LookupError, TypeError, wire.Unencodable):
                broken.append("the candidate reported shared objects that are not there")
                raise CandidateBroke(broken[-1]) from None
        kind = getattr(builtins, str(reply.get("exception")), None)
        if isinstance(kind, type) and issubclass(kind, Exception):
            error = None
            try:
                arguments = reply.get("exception_args")
                error = kind(*wire.decode(arguments)) if arguments is not None else kind(str(reply.get("message", "")))
            except BaseException:  # noqa: BLE001 - one that needs more than a message (UnicodeDecodeError)
                error = None
            if error is not None:
                raise error  # the candidate's own exception, as the test would see it
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
