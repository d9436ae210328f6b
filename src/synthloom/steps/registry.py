"""The steps a pipeline can name: synthloom's own (one line each below) and those installed packages
register under the `synthloom.steps` entry point group (see README, "Writing a step").

Each entry is a step class; its `config_class` (a StepConfig subclass with `step: Literal["kind"]`)
says the kind a config names it by, and checks its own settings and files.
"""

from __future__ import annotations

from functools import cache

from synthloom.plugins import load_kinds
from synthloom.steps.base import Step, StepContext

ENTRY_POINT_GROUP = "synthloom.steps"

BUILTIN_STEPS = [
    "synthloom.steps.generate:GenerateStep",
    "synthloom.steps.techniques.self_instruct:SelfInstructStep",
    "synthloom.steps.techniques.evol_instruct:EvolInstructStep",
    "synthloom.steps.techniques.critique_revise:CritiqueReviseStep",
    "synthloom.steps.techniques.ai_feedback:AIFeedbackStep",
    "synthloom.steps.techniques.distill:DistillStep",
    "synthloom.steps.techniques.textbook:TextbookStep",
    "synthloom.steps.techniques.rejection:RejectionStep",
    "synthloom.steps.guards.dedup:DedupStep",
    "synthloom.steps.guards.decontaminate:DecontaminateStep",
    "synthloom.steps.guards.judge_filter:JudgeFilterStep",
    "synthloom.steps.guards.diversity:DiversityStep",
    "synthloom.steps.guards.coverage:CoverageStep",
    "synthloom.steps.guards.self_consuming:SelfConsumingStep",
    "synthloom.steps.techniques.tool_use:ToolUseStep",
    "synthloom.steps.techniques.conversation:ConversationStep",
    "synthloom.steps.techniques.personas:PersonasStep",
    "synthloom.steps.techniques.magpie:MagpieStep",
    "synthloom.steps.techniques.grounded_qa:GroundedQAStep",
    "synthloom.steps.guards.grounding_check:GroundingCheckStep",
    "synthloom.steps.python_step:PythonStep",
]


def kind_of(step_class: type[Step]) -> str:
    """The `step:` value a config names this step by (its config's Literal)."""
    return step_class.config_class.model_fields["step"].annotation.__args__[0]  # type: ignore[union-attr]


def _not_a_step(obj: object) -> str | None:
    return None if isinstance(obj, type) and issubclass(obj, Step) else "is not a synthloom Step subclass"


def _set_config(step_class: type[Step], config_class: type) -> None:
    step_class.config_class = config_class


@cache
def step_classes() -> dict[str, type[Step]]:
    """Every step kind, by its `step:` value: synthloom's, then the plugins' (which may not reuse a kind).
    Both come through the same door (plugins.py); a plugin's kind is its entry point's name."""
    return load_kinds(ENTRY_POINT_GROUP, BUILTIN_STEPS, what="step", check=_not_a_step,
                      config_of=lambda cls: cls.config_class, set_config=_set_config, field="step")


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
    kinds = step_classes()
    return [kinds[config.step].for_config(config)(config, context, name)
            for config, name in zip(configs, step_names(configs), strict=True)]


def check_step_files(configs: list) -> None:
    """Each step loads the files it names (templates, seed files, benchmarks) and says whether it needs the
    embedder, before a run directory exists: a wrong path is one clear error with nothing to clean up."""
    from synthloom.guards.embeddings import require as require_embeddings

    for config in configs:
        config.check_files()
        if config.needs_embeddings():
            require_embeddings(f"step {config.name or config.step}")
