"""Check functions for examples/tool_use.yaml: each gets the trajectory and returns True, False or
(False, reason). They run in synthloom's sandbox (standard library only), never in its own process.

trajectory = {"query": str, "answer": str, "fields": the record's fields,
              "calls": [{"name", "arguments", "result"} or {"name", "arguments", "error"}, ...]}
"""


import re

NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def _states(answer, value):
    """Whether the answer writes the number `value`, exactly or rounded (within 0.5%)."""
    found = [float(n) for n in NUMBER.findall(answer.replace(",", ""))]
    return any(abs(n - value) <= max(0.005 * abs(value), 1e-9) for n in found)


def expected(trajectory):
    """The record's `expected_calls` (tool names, with arguments that must match where given) all
    succeeded, and the answer states each of `answer_contains`; a number may be written rounded."""
    fields = trajectory["fields"]
    for want in fields.get("expected_calls", []):
        name, arguments = want["name"], want.get("arguments", {})
        made = [c for c in trajectory["calls"] if c["name"] == name and "result" in c]
        if not any(all(c["arguments"].get(k) == v for k, v in arguments.items()) for c in made):
            return False, f"no successful {name} call with {arguments}"
    answer = trajectory["answer"]
    for wanted in fields.get("answer_contains", []):
        said = _states(answer, wanted) if isinstance(wanted, (int, float)) else str(wanted).lower() in answer.lower()
        if not said:
            return False, f"the answer does not state {wanted!r}"
    return True


def answer_states_last_result(trajectory):
    """The final answer states the last calculation's or conversion's result."""
    results = [c["result"]["result"] for c in trajectory["calls"]
               if isinstance(c.get("result"), dict) and "result" in c["result"]]
    if not results:
        return False, "no calculation or conversion result"
    if not isinstance(results[-1], (int, float)) or not _states(trajectory["answer"], results[-1]):
        return False, f"the answer does not state {results[-1]}"
    return True
