"""The independent attack batches (tests/verifiers/independent_attacks/, each written by a helper that
never read the project's own attack suite): every attack is contained: no faked pass, no exception out
of verify(), no hang, nothing left on the host. Figures per batch: `python benchmarks/code_attacks.py`.

OPEN lists what still gets through, each with why it is left open; they are expected to fail (strictly:
a fix makes the test say so). CORRECT lists attacks whose program is right by their authors' own notes
(they probe for leftovers, not for a wrong verdict), so a pass there is not faked."""

from __future__ import annotations

import os

import pytest

from benchmarks.code_attacks import batches, load, run_attack

OPEN = {
    "batch1-res-cpu-aggregate": "CPU is limited per process (cpu_s) and to one CPU for the wall-clock limit "
                                "by the cgroup; 6 CPU-s over three processes is inside those",
    "batch2-cmp-reliability-guard-getcwd": "HumanEval's reliability_guard (os.getcwd etc. set to None) is not "
                                           "reproduced on purpose: an artefact of that harness",
    "batch3-env-getcwd-alive": "the same reliability_guard difference",
    "batch3-env-harness-importable": "a program can tell the sandbox from HumanEval's run by its surroundings "
                                     "(the harness's own files); no sandbox is indistinguishable",
    "batch3-env-isolated-flag": "the same: `python -I` and the host name tell the two runs apart",
    "batch3-stored-arg-mutated-later": "a call that mutates an argument of an earlier call: only the current "
                                       "call's arguments are synced back",
}
CORRECT = {"batch3-cleanup-scratch-maze", "batch3-wire-flood-after-last-answer"}


def _param(batch, attack):
    name = f"{batch.name}-{attack['id']}"
    marks = [pytest.mark.xfail(reason=OPEN[name], strict=True)] if name in OPEN else []
    return pytest.param(attack, name, id=name, marks=marks)


ATTACKS = [_param(batch, attack) for batch in batches() for attack in load(batch)]


@pytest.mark.slow
@pytest.mark.skipif(os.geteuid() != 0, reason="the full sandbox (throwaway uid) needs root")
@pytest.mark.parametrize(("attack", "name"), ATTACKS)
def test_the_attack_is_contained(attack, name):
    result = run_attack(attack)
    if name in CORRECT and result["class"] == "faked" and not result["left"]:
        result["class"] = "contained"  # a right program that passed, and left nothing behind
    assert result["class"] == "contained", result


def test_there_are_independent_batches():
    assert len(batches()) >= 3 and all(len(load(b)) >= 20 for b in batches())
