"""What every step's config shares, and the typed fields the run config resolves and checks for it.

A step's config subclasses `StepConfig` and lives beside its step. Fields typed `ModelName` (or
`OptionalModelName`, `ModelNames`) must name a configured model; fields typed `TemplateName`,
`BuiltinOrPath` or `ConfigRelativePath` name files taken from the config's folder. Nested configs (a
verifier, a benchmark) are walked too, so a new step states this in its field types, never in a list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, ClassVar

from pydantic import BaseModel, Field

from synthloom.config_model import Strict
from synthloom.steps.plan import Flow, StepPlan, tokens


@dataclass(frozen=True)
class RunFacts:
    """What a step's config may check about the run around it: the narrow facts, not the run config
    (so a step config is tested on its own, and steps do not import the config that imports them)."""

    has_input: bool  # the run reads `input:` rows
    backends: dict[str, str]  # each model name (`default` included) -> its backend kind
    same_model: Callable[[str, str], bool]  # whether two model names are one model (same settings)

    @classmethod
    def of(cls, has_input: bool = False, backends: dict[str, str] | None = None,
           same: Callable[[str, str], bool] | None = None) -> RunFacts:
        """Facts for a step tested on its own: no input, one `default` model, names equal only to themselves."""
        return cls(has_input, backends or {"default": "openai"}, same or (lambda a, b: a == b))


@dataclass(frozen=True)
class ModelReference:
    """Marks a field whose value names a model: `default`, or a name under `models:`."""


@dataclass(frozen=True)
class FileReference:
    """Marks a field whose value may be a file, taken relative to the config's folder.
    `builtin`: "suffixless" for template fields (a name without a suffix is one of synthloom's
    templates), "builtin" for fields where that word means synthloom's own file, None for plain paths."""

    builtin: str | None = None

    def is_path(self, value: str | Path) -> bool:
        if self.builtin == "suffixless":
            return bool(Path(value).suffix)
        return self.builtin is None or value != self.builtin


MODEL = ModelReference()
ModelName = Annotated[str, MODEL]
OptionalModelName = Annotated[str | None, MODEL]
ModelNames = Annotated[list[str], MODEL]
TemplateName = Annotated[str, FileReference("suffixless")]
BuiltinOrPath = Annotated[str, FileReference("builtin")]
OptionalBuiltinOrPath = Annotated[str | None, FileReference("builtin")]
ConfigRelativePath = Annotated[Path, FileReference()]
OptionalConfigRelativePath = Annotated[Path | None, FileReference()]

UNDECLARED_PLAN = "plan not declared: any model calls it makes are not counted"
TEXT_FIELDS_HELP = ("the record fields compared, joined; default: its prompt (instruction + input, prompt or "
                    "question) and its response, or a conversation's every turn (all_turns; last_turn: its "
                    "last exchange only)")


class StepConfig(Strict):
    """The fields every step has; `step` (a Literal of the step's kind) is declared by each subclass."""

    makes_records: ClassVar[bool] = False  # a step that can start a pipeline without `input:`

    step: str
    name: str | None = Field(None, description="the step's name in counts and reports; default: its kind")
    only_if: str | None = Field(None, description="only records whose field of this name is non-empty go "
                                "through this step; the others pass it unchanged")

    def check_files(self) -> None:
        """Load every file the step names, so that a wrong path is one clear error before a run directory
        exists. Every `TemplateName` field is loaded here; steps naming other files (seeds, a
        constitution, benchmarks) extend it."""
        from synthloom.templates import load_template

        for _, owner, name, reference in marked_fields(self, FileReference):
            if reference.builtin == "suffixless":
                load_template(getattr(owner, name))

    def plan(self, before: Flow) -> StepPlan:
        """The calls this step will make for the records that reach it, and the records it passes on
        (`synthloom plan`). A step that calls models states them here; one that calls none says so by
        returning `StepPlan([], records)`. This default counts no calls and says it does not know."""
        return StepPlan([], before.records, note=UNDECLARED_PLAN)

    @staticmethod
    def template_tokens(name: str) -> float:
        from synthloom.templates import template_source

        return tokens(len(template_source(name)))

    def needs_embeddings(self) -> bool:
        """Whether the step, as configured, needs the sentence embedder (the `embed` extra)."""
        return False

    def check_in_run(self, run: RunFacts, index: int) -> None:
        """Checks that need facts of the run around the step (its models, its input): raise ValueError
        naming `pipeline.{index}.<field>`. Model names are checked already (every `ModelName` field)."""


def refuse_self_judging(run: RunFacts, where: str, judge: str, policy: str, allowed: bool, role: str) -> None:
    """A policy grading its own outputs invites reward hacking: the same model needs an explicit opt-in."""
    if not allowed and run.same_model(judge, policy):
        raise ValueError(f"{where}: the {role} {judge!r} is the same model as the policy {policy!r}; use a "
                         "different model under `models:`, or set allow_same_model: true (the report flags it)")


def marked_fields(model: BaseModel, marker: type, where: str = "") -> Iterator[tuple[str, BaseModel, str, Any]]:
    """(dotted location, owning model, field name, marker) for every field of `model` and of the configs
    nested in it whose type carries a `marker` instance."""
    for name, info in type(model).model_fields.items():
        found = next((m for m in info.metadata if isinstance(m, marker)), None)
        location = f"{where}{name}"
        if found is not None:
            yield location, model, name, found
        value = getattr(model, name)
        children = value if isinstance(value, list) else [value]
        for i, child in enumerate(children):
            if isinstance(child, BaseModel):
                yield from marked_fields(child, marker, f"{location}.{i}." if isinstance(value, list)
                                         else f"{location}.")


def model_references(config: BaseModel) -> Iterator[tuple[str, str]]:
    """(dotted location, model name) for every model a config names."""
    for location, owner, name, _ in marked_fields(config, ModelReference):
        value = getattr(owner, name)
        for i, model in enumerate(value) if isinstance(value, list) else [(None, value)]:
            if model is not None:
                yield (location if i is None else f"{location}.{i}"), model


def resolve_paths(config: BaseModel, folder: Path) -> None:
    """Make every relative file a config names relative to `folder` (the config's), in place."""
    for _, owner, name, reference in marked_fields(config, FileReference):
        value = getattr(owner, name)
        if value is None or not reference.is_path(value) or Path(value).is_absolute():
            continue
        resolved = (folder / value).resolve()
        setattr(owner, name, resolved if isinstance(value, Path) else str(resolved))


def setting_field(settings_class: type, name: str, **override: Any) -> Any:
    """A config field for a setting declared in guards/settings.py: its default, bounds and help as declared
    there (`override` for a step that differs), so a config never restates them."""
    from synthloom.guards.settings import declared

    found = declared(settings_class, name)
    options: dict[str, Any] = {**found.bounds, "description": found.help or None, **override}
    return Field(found.default, **options)
