"""The independent attack batches (tests/verifiers/independent_attacks/, each written by a helper that
never read the project's own attack suite): every attack is contained: no faked pass, no exception out
of verify(), no hang, nothing left on the host. Figures per batch: `python benchmarks/code_attacks.py`."""

from __future__ import annotations

import os

import pytest

from benchmarks.code_attacks import batches, load, run_attack

ATTACKS = [pytest.param(attack, id=f"{batch.name}-{attack['id']}") for batch in batches() for attack in load(batch)]


@pytest.mark.slow
@pytest.mark.skipif(os.geteuid() != 0, reason="the full sandbox (throwaway uid) needs root")
@pytest.mark.parametrize("attack", ATTACKS)
def test_the_attack_is_contained(attack):
    result = run_attack(attack)
    assert result["class"] == "contained", result


def test_there_are_independent_batches():
    assert len(batches()) >= 1 and all(len(load(b)) >= 20 for b in batches())
