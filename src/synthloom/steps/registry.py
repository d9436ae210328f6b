"""From config entries to step objects."""

from __future__ import annotations

from synthloom.config import (
    AIFeedbackStepConfig,
    CoverageStepConfig,
    CritiqueReviseStepConfig,
    DecontaminateStepConfig,
    DedupStepConfig,
    DistillStepConfig,
    DiversityStepConfig,
    EvolInstructStepConfig,
    GenerateStepConfig,
    RejectionStepConfig,
    SelfConsumingStepConfig,
    SelfInstructStepConfig,
    TextbookStepConfig,
)
from synthloom.steps.base import Step, StepContext


def step_kinds() -> dict:
    from synthloom.guards.coverage_step import CoverageStep
    from synthloom.guards.decontam_step import DecontaminateStep
    from synthloom.guards.dedup_step import DedupStep
    from synthloom.guards.diversity_step import DiversityStep
    from synthloom.guards.self_consuming_step import SelfConsumingStep
    from synthloom.steps.generate import GenerateStep
    from synthloom.techniques.ai_feedback import AIFeedbackStep
    from synthloom.techniques.constitutional import CritiqueReviseStep
    from synthloom.techniques.distill import DistillStep
    from synthloom.techniques.evol_instruct import EvolInstructStep
    from synthloom.techniques.rejection import RejectionStep
    from synthloom.techniques.self_instruct import SelfInstructStep
    from synthloom.techniques.textbook import TextbookStep

    return {GenerateStepConfig: GenerateStep, SelfInstructStepConfig: SelfInstructStep,
            EvolInstructStepConfig: EvolInstructStep, CritiqueReviseStepConfig: CritiqueReviseStep,
            AIFeedbackStepConfig: AIFeedbackStep, DistillStepConfig: DistillStep,
            TextbookStepConfig: TextbookStep, RejectionStepConfig: RejectionStep,
            DedupStepConfig: DedupStep, DecontaminateStepConfig: DecontaminateStep,
            DiversityStepConfig: DiversityStep, CoverageStepConfig: CoverageStep,
            SelfConsumingStepConfig: SelfConsumingStep}


def step_names(configs: list) -> list[str]:
    """Each step's name: its own, or its kind; a repeated one gets its position appended."""
    names, seen = [], set()
    for i, config in enumerate(configs):
        name = config.name or config.step
        if name in seen:
            name = f"{name}_{i}"
        seen.add(name)
        names.append(name)
    return names


def build_steps(configs: list, context: StepContext) -> list[Step]:
    """Step objects in pipeline order."""
    kinds = step_kinds()
    return [kinds[type(config)](config, context, name) for config, name in zip(configs, step_names(configs),
                                                                                strict=True)]


def check_step_files(configs: list) -> None:
    """Load every file the steps name (templates, seed files) before a run directory exists, so that
    a wrong path or a malformed seed line is one clear error with nothing to clean up afterwards."""
    from synthloom.guards.benchmarks import load_segments
    from synthloom.guards.decontam_step import benchmark_source
    from synthloom.guards.embeddings import require as require_embeddings
    from synthloom.techniques.constitution import load_constitution
    from synthloom.techniques.seeds import load_seed_tasks
    from synthloom.templates import load_template

    for config in configs:
        if isinstance(config, (GenerateStepConfig, DistillStepConfig, RejectionStepConfig, CoverageStepConfig,
                               SelfConsumingStepConfig)):
            load_template(config.template)
        elif isinstance(config, SelfInstructStepConfig):
            load_seed_tasks(config.seeds)
        elif isinstance(config, (CritiqueReviseStepConfig, AIFeedbackStepConfig)):
            load_constitution(config.constitution)
        if isinstance(config, DecontaminateStepConfig):
            for benchmark in config.benchmarks:
                load_segments(benchmark_source(benchmark))
        if needs_embeddings(config):
            require_embeddings(f"step {config.name or config.step}")


def needs_embeddings(config) -> bool:
    if isinstance(config, (DiversityStepConfig, SelfConsumingStepConfig)):
        return config.embeddings
    if isinstance(config, DecontaminateStepConfig):
        return config.semantic
    if isinstance(config, CoverageStepConfig):
        return config.category_field is None
    return False
