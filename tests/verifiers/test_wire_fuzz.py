"""Property-based fuzzing of what crosses the sandbox boundary: the wire decoder and the real channel.

Property: whatever the sandboxed side sends (valid messages with random values, random nesting and
sizes, truncated lines, garbage bytes, answers out of turn), `verify()` returns a verdict and never
raises, the candidate never passes, the parent's memory stays bounded and nothing is left on the host.
"""

from __future__ import annotations

import asyncio
import base64
import glob
import json
import os
import tempfile
import tracemalloc
import zlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from synthloom.verifiers import sandbox_wire as wire
from synthloom.verifiers.code import CodeVerifier
from synthloom.verifiers.sandbox import SandboxLimits
from synthloom.verifiers.sandbox_scratch import scratch_prefix

TAGS = ["i", "f", "c", "b", "l", "t", "s", "fs", "d", "x", ""]
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                    st.text(max_size=30), st.sampled_from(["1" * 4301, "-" + "9" * 4300, "0x1p+3", "zz", "inf"]))
# JSON values shaped like (and unlike) the wire encoding: tagged objects with bodies of any type.
wire_like = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5),
        st.builds(lambda tag, body: {tag: body}, st.sampled_from(TAGS), inner),
        st.builds(lambda tag, body: {tag: body}, st.sampled_from(["l", "t", "s", "fs", "d"]),
                  st.lists(inner, max_size=5)),
        st.dictionaries(st.text(max_size=3), inner, max_size=3)),
    max_leaves=40)


@settings(max_examples=3000, deadline=None)
@given(wire_like)
def test_the_decoder_returns_plain_data_or_says_unencodable(data):
    try:
        value = wire.decode(data)
    except wire.Unencodable:
        return
    assert wire.decode(wire.encode(value)) == value or value != value  # nan is not equal to itself


def test_the_decoder_refuses_what_breaks_the_interpreter():
    deep: object = {"i": "1"}
    for _ in range(5000):
        deep = {"l": [deep]}
    unhashable_set = {"s": [{"l": []}]}
    unhashable_key = {"d": [[{"l": []}, None]]}
    huge_int = {"i": "9" * 4301}
    bad_float = {"f": "not hex"}
    wide = {"l": [None] * (wire.MAX_ITEMS + 1)}
    for data in (deep, unhashable_set, unhashable_key, huge_int, bad_float, wide):
        with pytest.raises(wire.Unencodable):
            wire.decode(data)


# -- the real channel ------------------------------------------------------------------------------

TASK = {"prompt": 'def secret(x):\n    """Return the secret word."""\n', "entry_point": "secret",
        "test": "def check(candidate):\n    assert candidate(1) == 'q7-zebra-lantern'\n"
                "    assert candidate(2) == 'q7-zebra-lantern'\n"}
# The same task with a test that cannot be decomposed: the relay between two sandboxes is fuzzed.
WHOLE = {**TASK, "test": "def check(candidate):\n    for x in (1, 2):\n"
                         "        assert candidate(x) == 'q7-zebra-lantern'\n"}

json_lines = st.one_of(
    st.builds(lambda v: json.dumps({"id": 0, "value": v}), wire_like),
    st.builds(lambda i, v: json.dumps({"id": i, "value": v}), st.integers(-2, 5), wire_like),
    st.builds(lambda v: json.dumps({"loaded": v}), wire_like),
    st.builds(lambda v: json.dumps({"call": 1, "value": v, "verdict": "pass"}), wire_like),
    st.builds(lambda depth: "[" * depth + "]" * depth, st.integers(1, 200_000)),
    st.builds(lambda depth: '{"id": 0, "value": ' + '{"l": [' * depth + "]}" * depth + "}",
              st.integers(30, 5000)),
    st.builds(lambda n: '{"id": 0, "value": {"l": [' + ",".join(['{"l": []}'] * n) + "]}}",
              st.integers(1, 400_000)),
    st.text(max_size=200),
)
payloads = st.lists(st.one_of(json_lines, st.binary(max_size=200).map(lambda b: b.decode("latin-1"))),
                    min_size=1, max_size=4).map(lambda lines: "\n".join(lines))


ANSWERS_FD = 4  # the harness's private copy of its stdout (fds 0-2, then the requests' copy, then this)


def _candidate(payload: str, when: str, then: str) -> str:
    """A candidate that writes `payload` raw onto the protocol's channel, at load time or per call
    (through the descriptor itself: code naming the harness's objects is abstained on before it runs)."""
    end = "" if then == "truncate" else "\n"
    # Compressed, so a megabyte of nesting fits in a program short enough to be verified at all.
    packed = base64.b64encode(zlib.compress((payload + end).encode("utf-8", "replace"), 9)).decode()
    write = (f"import base64, os, zlib\n_PAYLOAD = zlib.decompress(base64.b64decode({packed!r}))\n"
             f"def _flood():\n    os.write({ANSWERS_FD}, _PAYLOAD)\n")
    tail = {"exit": "    import os; os._exit(0)\n", "return": "    return 'wrong'\n",
            "truncate": "    import os; os._exit(3)\n", "hang": "    import time; time.sleep(30)\n"}[then]
    if when == "load":
        return write + "_flood()\ndef secret(x):\n" + tail
    return write + "def secret(x):\n    _flood()\n" + tail


def _leftovers() -> set[str]:
    return set(glob.glob(os.path.join(tempfile.gettempdir(), scratch_prefix() + "*")))


@pytest.mark.skipif(os.geteuid() != 0, reason="the full sandbox needs root")
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(payload=payloads, when=st.sampled_from(["load", "call"]),
       then=st.sampled_from(["exit", "return", "truncate", "hang"]), whole=st.booleans())
def test_whatever_the_sandbox_sends_a_verdict_comes_back(payload, when, then, whole):
    verifier = CodeVerifier(SandboxLimits(wall_s=3, cpu_s=2, memory_mb=256))
    before = _leftovers()
    tracemalloc.start()
    try:
        verdict = asyncio.run(verifier.verify(_candidate(payload, when, then), WHOLE if whole else TASK))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert not verdict.passed
    assert verdict.outcome in {"fail", "error", "timeout"}, verdict
    assert peak < 250 * 1024 * 1024, f"the parent held {peak / 2**20:.0f} MB for one candidate"
    assert _leftovers() <= before
