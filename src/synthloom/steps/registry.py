"""From config entries to step objects."""

from __future__ import annotations

from synthloom.config import EvolInstructStepConfig, GenerateStepConfig, SelfInstructStepConfig
from synthloom.engine.engines import Engines
from synthloom.steps.base import Step


def build_steps(configs: list, engines: Engines) -> list[Step]:
    from synthloom.steps.generate import GenerateStep
    from synthloom.techniques.evol_instruct import EvolInstructStep
    from synthloom.techniques.self_instruct import SelfInstructStep

    kinds = {GenerateStepConfig: GenerateStep, SelfInstructStepConfig: SelfInstructStep,
             EvolInstructStepConfig: EvolInstructStep}
    steps, seen = [], set()
    for i, config in enumerate(configs):
        name = config.name or config.step
        if name in seen:
            name = f"{name}_{i}"
        seen.add(name)
        steps.append(kinds[type(config)](config, engines, name))
    return steps
