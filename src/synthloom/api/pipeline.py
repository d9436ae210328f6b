"""`synthloom.Pipeline`: the run machinery (same steps, engine, cache, run directory, resume, report)
driven from Python: build a pipeline from steps or a YAML file, run it on rows, a DataFrame, a
`datasets.Dataset` or a file, get a `Result` back.

    import synthloom as sl

    pipe = sl.Step("generate", output_field="response") >> sl.Step("dedup", fields=["response"])
    result = pipe.run([{"instruction": "Name a prime number."}])
    result.to_pandas()
"""

from __future__ import annotations

import asyncio
import hashlib
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any, overload

from pydantic import BaseModel, ValidationError

from synthloom.api.inputs import Data, input_rows
from synthloom.api.loop import call_blocking
from synthloom.api.result import Result
from synthloom.errors import UserError
from synthloom.steps.step_config import StepConfig, resolve_paths

DEFAULT_RUNS = Path("runs")  # where runs without a run_dir go, each in a folder named by its content


def _notebook_can_draw_bars() -> bool:
    """In Jupyter, rich draws its live bars into an ipywidgets Output; without ipywidgets it only warns."""
    if "ipykernel" not in sys.modules:
        return False
    try:
        import ipywidgets  # noqa: F401
    except ImportError:
        import logging

        logging.getLogger(__name__).warning(
            "no progress bars: install ipywidgets (pip install 'synthloom[notebook]') to see them in Jupyter")
        return False
    return True


class Step:
    """One step of a pipeline: a step kind (`synthloom steps` lists them) and its settings, checked at
    once against the kind's config, so a misspelt setting fails here, not at run time.

        sl.Step("rejection", verifier={"kind": "math", "gold_field": "answer"}, k=4)
    """

    def __init__(self, kind: str, /, **settings: Any) -> None:
        self.config: StepConfig = step_config(kind, settings)

    @classmethod
    def of(cls, config: StepConfig) -> Step:
        made = cls.__new__(cls)
        made.config = config
        return made

    @property
    def kind(self) -> str:
        return self.config.step

    def __rshift__(self, other: StepLike) -> Pipeline:
        return Pipeline([self, other])

    def __repr__(self) -> str:
        settings = ", ".join(f"{k}={v!r}" for k, v in self.config.model_dump(exclude_defaults=True).items()
                             if k != "step")
        return f"Step({self.kind!r}{', ' if settings else ''}{settings})"


class FunctionStep(Step):
    """A plain function as a per-record step (see `step`); calling it still calls the function."""

    def __init__(self, function: Callable[..., Any], name: str | None = None) -> None:
        from synthloom.steps.python_step import remember

        self.function = function
        super().__init__("python", function=remember(function), name=name or function.__name__)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.function(*args, **kwargs)


@overload
def step(function: Callable[..., Any], /) -> FunctionStep: ...
@overload
def step(*, name: str | None = None) -> Callable[[Callable[..., Any]], FunctionStep]: ...


def step(function: Callable[..., Any] | None = None, /, *,
         name: str | None = None) -> FunctionStep | Callable[[Callable[..., Any]], FunctionStep]:
    """Make a function a per-record step. It gets a record's fields and returns its new fields (a
    dict), several records (a list of dicts), or True/False/None to keep it unchanged or drop it; it
    may be async. An exception fails that record only.

        @sl.step
        def short_enough(row):
            return len(row["response"]) < 500
    """
    if function is None:
        return lambda f: FunctionStep(f, name)
    return FunctionStep(function, name)


StepLike = Step | StepConfig | Mapping[str, Any] | Callable[..., Any]


def verifier(function: Callable[..., Any], /) -> Callable[..., Any]:
    """Make a function a verifier, for a step's `verifier=` (a plain function there works as well). It
    gets the candidate (the model's answer) and the record's fields and returns True/False, a (passed,
    detail) pair or a `Verdict`; it may be async; an exception is an `error` verdict. The function is
    returned as it is, so calling it still calls it.

        @sl.verifier
        def has_number(candidate, row):
            return any(ch.isdigit() for ch in candidate)

        sl.Step("rejection", verifier=has_number, k=4)
    """
    from synthloom.steps.python_step import remember

    remember(function)
    return function


def verifier_settings(value: Any) -> Any:
    """A `verifier=` value with functions in it (alone, or in an all_of / any_of's `of`) as the config
    names them: `{"kind": "python", "function": "module:name"}`."""
    from synthloom.steps.python_step import remember

    if callable(value) and not isinstance(value, BaseModel | Mapping):
        return {"kind": "python", "function": remember(value)}
    if isinstance(value, Mapping) and isinstance(value.get("of"), list | tuple):
        return {**value, "of": [verifier_settings(v) for v in value["of"]]}
    return value


def step_config(kind: str, settings: Mapping[str, Any]) -> StepConfig:
    from synthloom.config import format_validation_error
    from synthloom.steps.registry import step_classes

    kinds = step_classes()
    if kind not in kinds:
        raise UserError(f"no step kind {kind!r} (known: {', '.join(sorted(kinds))})")
    if "verifier" in settings:
        settings = {**settings, "verifier": verifier_settings(settings["verifier"])}
    try:
        config = kinds[kind].config_class.model_validate({**settings, "step": kind})
    except ValidationError as exc:
        raise UserError(format_validation_error(f"step {kind}", exc)) from None
    resolve_paths(config, Path.cwd())  # relative templates and seed files: from where Python runs
    return config


def as_step_config(item: StepLike) -> StepConfig:
    if isinstance(item, Step):
        return item.config
    if isinstance(item, StepConfig):
        return item
    if isinstance(item, Mapping):
        settings = dict(item)
        if "step" not in settings:
            raise UserError(f"a step given as a dict needs its kind under 'step': {settings!r}")
        return step_config(settings.pop("step"), settings)
    if callable(item):
        return FunctionStep(item).config
    raise UserError(f"not a step: {item!r} (give synthloom.Step(kind, ...), a step config, a dict with 'step', "
                    "or a function)")


def _copy(value: Any) -> Any:
    return value.model_copy(deep=True) if isinstance(value, BaseModel) else value


def _is_backend(value: Any) -> bool:
    return all(hasattr(value, name) for name in ("generate", "identity", "model_name"))


class Pipeline:
    """Steps and the models they call. `model`: the default model's config as a dict (as under `model:`
    in YAML; default: the bundled SmolLM2 in process) or a ready backend object; `models`: more, by
    name; `engine`, `output`: as in YAML. Nothing runs until `run` or `preview`."""

    def __init__(self, steps: Iterable[StepLike] = (), *, model: Any = None, models: Mapping[str, Any] | None = None,
                 engine: Mapping[str, Any] | None = None, output: Mapping[str, Any] | None = None,
                 run_dir: str | Path | None = None) -> None:
        self.steps: list[StepConfig] = [as_step_config(s) for s in steps]
        self.backends: dict[str, Any] = {}
        self.models: dict[str, Any] = {}
        for name, value in {"default": model, **(models or {})}.items():
            if value is None:
                continue
            if _is_backend(value):  # the run config names it; the engines use the object itself
                self.backends[name] = value
                value = {"backend": "openai", "base_url": f"python://{value.identity}", "model": value.model_name}
            self.models[name] = value
        self.settings: dict[str, Any] = {"engine": dict(engine or {}), "output": dict(output or {})}
        self.input: Any = None  # a YAML file's `input:`
        self.run_dir = Path(run_dir) if run_dir is not None else None

    @classmethod
    def from_yaml(cls, path: str | Path, *, backends: Mapping[str, Any] | None = None) -> Pipeline:
        """A pipeline from a run config file (paths in it are taken from its folder, as `synthloom run`
        does). `backends`: ready backend objects to use for some of its models, by name."""
        from synthloom.config import load_config

        config = load_config(path, rows_given=True)
        made = cls(config.pipeline, run_dir=config.run_dir)
        made.models = {"default": config.model, **config.models}
        made.backends = dict(backends or {})
        made.settings = {"engine": config.engine, "output": config.output, "value": config.value}
        made.input = config.input
        return made

    def __rshift__(self, other: StepLike) -> Pipeline:
        made = Pipeline.__new__(Pipeline)
        made.__dict__.update(self.__dict__)
        made.steps = [*self.steps, as_step_config(other)]
        return made

    def __repr__(self) -> str:
        return "Pipeline(" + " >> ".join(s.name or s.step for s in self.steps) + ")"

    # -- building the run config -----------------------------------------------------------------

    def config(self, data: Data = None, run_dir: str | Path | None = None) -> tuple[Any, list[dict] | None]:
        """The run config `synthloom run` would use, and the in-memory rows (None: the config's input)."""
        from synthloom.config import RunConfig, format_validation_error

        if not self.steps:
            raise UserError("the pipeline has no steps")
        rows = None
        input_config: Any = self.input
        if data is not None:
            given = input_rows(data)
            if isinstance(given, Path):
                input_config, rows = {"path": given.resolve()}, None
            else:
                input_config, rows = None, given
        # Copies: a run may adjust its config (a preview's limit and outputs), never the pipeline's.
        values = {"run_dir": str(run_dir or self.run_dir or DEFAULT_RUNS / "pending"),
                  **{k: _copy(v) for k, v in self.settings.items()},
                  "models": {k: _copy(v) for k, v in self.models.items() if k != "default"},
                  "input": _copy(input_config), "pipeline": [s.model_copy(deep=True) for s in self.steps]}
        if "default" in self.models:
            values["model"] = self.models["default"]
        try:
            config = RunConfig.model_validate({k: v for k, v in values.items() if v is not None},
                                              context={"rows_given": True})  # checked below, in its words
        except ValidationError as exc:
            raise UserError(format_validation_error("pipeline", exc)) from None
        if config.input is None and rows is None and not config.pipeline[0].makes_records:
            raise UserError("give the rows to run on: pipeline.run(data) with a list of dicts, a DataFrame, "
                            "a datasets.Dataset or a file path")
        return config, rows

    # -- running ---------------------------------------------------------------------------------

    def run(self, data: Data = None, *, run_dir: str | Path | None = None, resume: bool | None = None,
            progress: bool | None = None) -> Result:
        """Run on `data` (rows, a DataFrame, a Dataset, a file; None: the YAML's input) and return the
        result. `run_dir`: where the run directory goes (default: the pipeline's, else
        runs/<name from the config and data>, which a rerun resumes, so a repeated call costs nothing).
        `resume`: continue a killed or partly failed run there. Works inside a running event loop
        (Jupyter) too: the run then goes on a worker thread while the caller waits."""
        return call_blocking(lambda: self._run(data, run_dir, resume, progress, preview=None))

    async def arun(self, data: Data = None, *, run_dir: str | Path | None = None, resume: bool | None = None,
                   progress: bool | None = None) -> Result:
        """`run`, awaitable: the caller's event loop keeps going while the run works on a thread."""
        return await asyncio.to_thread(self._run, data, run_dir, resume, progress, None)

    def preview(self, data: Data = None, n: int = 5, *, progress: bool | None = None) -> Result:
        """Run the first `n` inputs in a temporary run directory (no Parquet, exports or report), to
        check prompts and settings before a full run. The folder lasts as long as the result."""
        if n < 1:
            raise UserError("preview(n): n must be at least 1")
        return call_blocking(lambda: self._run(data, None, False, progress, preview=n))

    def plan(self, data: Data = None) -> Any:
        """The calls, tokens and cost each step will need (`synthloom plan`); sends no request."""
        from synthloom.record import Record
        from synthloom.run.execute import load_inputs
        from synthloom.run.plan import make_plan
        from synthloom.steps.registry import check_step_files

        config, rows = self.config(data)
        check_step_files(config.pipeline)
        inputs = load_inputs(config) if rows is None else [Record.from_input(i, r) for i, r in enumerate(rows)]
        return make_plan(config, inputs)

    def _run(self, data: Data, run_dir: str | Path | None, resume: bool | None, progress: bool | None,
             preview: int | None) -> Result:
        from synthloom.config import InputConfig
        from synthloom.run.execute import execute, file_digest, rows_digest
        from synthloom.run.progress import wanted
        from synthloom.run.run_dir import RunDirectory

        config, rows = self.config(data, run_dir)
        keep_alive = None
        if preview is not None:
            if rows is not None:
                rows = rows[:preview]
            elif config.input is not None:
                config.input = InputConfig.model_validate({**config.input.model_dump(), "limit": preview})
            keep_alive = TemporaryDirectory(prefix="synthloom-preview-")
            config.run_dir = Path(keep_alive.name) / "run"
            config.output.parquet, config.output.report, config.output.exports = False, False, []
            resume = False
        elif run_dir is None and self.run_dir is None:
            # Named by what decides the records: the same pipeline on the same data finds its earlier run.
            from synthloom.run.execute import defining_config_text

            digest = rows_digest(rows) if rows is not None else file_digest(config.input.path if config.input
                                                                            else None)
            key = hashlib.sha256((defining_config_text(config) + digest).encode()).hexdigest()[:12]
            config.run_dir = DEFAULT_RUNS / f"{config.pipeline[-1].name or config.pipeline[-1].step}-{key}"
            if resume is None:
                resume = RunDirectory(config.run_dir).exists()
        show = wanted(progress) or (progress is None and _notebook_can_draw_bars())
        try:
            directory, summary = execute(config, resume=bool(resume), progress=show, rows=rows,
                                         backends=self.backends or None)
        except BaseException:
            if keep_alive is not None:
                keep_alive.cleanup()
            raise
        metrics = directory.path / "metrics.json"
        import orjson

        status = orjson.loads(metrics.read_bytes()).get("status", "unknown") if metrics.exists() else "unknown"
        return Result(directory.path, summary, status, keep_alive)
