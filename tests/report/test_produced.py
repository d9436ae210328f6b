"""summary.md says how many output records each technique made or changed, and flags one that made none."""

from __future__ import annotations

import orjson

from synthloom.report.produced import produced_by_step, produced_lines
from synthloom.steps.generate import GenerateStepConfig
from synthloom.steps.guards.dedup import DedupStepConfig
from synthloom.steps.techniques.critique_revise import CritiqueReviseStepConfig


def test_each_technique_counts_the_output_records_its_lineage_names_and_none_is_flagged(tmp_path):
    output = tmp_path / "output.jsonl"
    records = [{"id": str(i), "lineage": {"steps": steps}}
               for i, steps in enumerate([["generate"], ["generate", "critique_revise"], ["generate"], []])]
    output.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
    pipeline = [GenerateStepConfig(step="generate"), CritiqueReviseStepConfig(step="critique_revise"),
                GenerateStepConfig(step="generate"), DedupStepConfig(step="dedup")]
    # The second generate is named generate_2 (step_names): it made nothing; dedup is no technique.
    produced = produced_by_step(output, pipeline)
    assert produced == {"generate": 3, "critique_revise": 1, "generate_2": 0}
    text = "\n".join(produced_lines(produced))
    assert "| critique_revise | 1 |" in text and "**Produced no record: generate_2.**" in text
    assert "Produced no record" not in "\n".join(produced_lines({"generate": 1}))
