"""One hostile candidate among honest ones: the run goes on, each hostile one is its own `error` verdict
(counted by kind), and the honest prompt's record is written. Before, each of these replies raised out
of `verify()` and ended the whole run, and every resume of it, with 0 records."""

from __future__ import annotations

import glob
import os
import tempfile

import pytest

from synthloom.verifiers.sandbox_scratch import scratch_prefix
from tests.run.test_pipeline_scripted import run_pipeline
from tests.scripted_backend import ScriptedBackend

pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason="the full sandbox (throwaway uid) needs root")


def task(name: str, whole: bool) -> dict:
    test = ("def check(candidate):\n    for x in (1, 2):\n        assert candidate(x) == x + 1\n" if whole else
            "def check(candidate):\n    assert candidate(1) == 2\n    assert candidate(2) == 3\n")
    return {"prompt": f'def {name}(x):\n    """x plus one."""\n', "test": test, "entry_point": name}


FLOOD = "import os\nclass _Channel:\n    def write(self, text): os.write(4, text.encode())\n" \
        "    def flush(self): pass\n_ch = _Channel()\n"  # fd 4: the harness's answers (see test_wire_fuzz)
HOSTILE = {
    # A reply nested deeper than json can read (RecursionError in the parent's json.loads).
    "deep_json": FLOOD + "def deep_json(x):\n    _ch.write('{\"id\": 0, \"value\": ' + '[' * 100000 + ']' * 100000"
                         " + '}\\n'); _ch.flush()\n    import time; time.sleep(5)\n",
    # A set holding an unhashable item, in whole-check mode (TypeError in the parent's decoder).
    "unhashable": FLOOD + "def unhashable(x):\n    import json\n    _ch.write(json.dumps({'id': 1, 'value': "
                          "{'s': [{'l': []}]}}) + '\\n'); _ch.flush()\n    import time; time.sleep(5)\n",
    # An int past Python's digit limit.
    "huge_int": FLOOD + "def huge_int(x):\n    import json\n    _ch.write(json.dumps({'id': 0, 'value': "
                        "{'i': '7' * 4999}}) + '\\n'); _ch.flush()\n    import time; time.sleep(5)\n",
    # A scratch tree 2,500 folders deep (RecursionError in shutil.rmtree, the tree left on the host).
    "deep_tree": "import os\nfor _ in range(2500):\n    os.mkdir('d'); os.chdir('d')\n"
                 "def deep_tree(x):\n    return x + 2\n",
}


async def test_hostile_candidates_are_their_own_errors_and_the_run_goes_on(tmp_path):
    rows = [{**task("deep_json", False), "id": "a"}, {**task("unhashable", True), "id": "b"},
            {**task("huge_int", False), "id": "c"}, {**task("deep_tree", False), "id": "d"},
            {**task("honest", False), "id": "e"}]
    rules = [(rf"def {name}\(", f"```python\n{code}```") for name, code in HOSTILE.items()]
    backend = ScriptedBackend(rules=rules, default="```python\ndef honest(x):\n    return x + 1\n```")
    pipeline = [{"step": "rejection", "template": "prompt", "verifier": {"kind": "code", "wall_s": 8},
                 "k": 1, "m": 1, "batch": 1, "class_field": None}]
    scratch = set(glob.glob(os.path.join(tempfile.gettempdir(), scratch_prefix() + "*")))
    summary, output, removed, failures = await run_pipeline(tmp_path, pipeline, backend, rows=rows)
    assert not failures
    assert [r["fields"]["entry_point"] for r in output] == ["honest"]
    verdicts = {r["fields"]["entry_point"]: r["meta"]["rejection"]["verification"] for r in removed}
    assert set(verdicts) == set(HOSTILE)
    assert all(v["outcome"] in ("error", "fail") for v in verdicts.values()), verdicts
    assert verdicts["deep_json"]["error_kind"] == "decode"
    counters = summary.steps["rejection"].counters
    assert counters["outcome_pass"] == 1 and counters["candidates"] == 5
    assert set(glob.glob(os.path.join(tempfile.gettempdir(), scratch_prefix() + "*"))) <= scratch
