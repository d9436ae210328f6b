"""`synthloom run`: a config in, a finished (or resumable) run directory out."""

from __future__ import annotations

import asyncio
import hashlib
import logging
from pathlib import Path

import yaml

from synthloom.config import RunConfig
from synthloom.engine.engine import Engine
from synthloom.errors import UserError
from synthloom.io import read_jsonl
from synthloom.models.base import EndpointUnreachable
from synthloom.models.factory import build_engine
from synthloom.pipeline import Pipeline, RunSummary
from synthloom.progress import run_progress
from synthloom.record import Record
from synthloom.run_dir import RunDirectory
from synthloom.steps.generate import build_steps

METRICS_EVERY_S = 5.0


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def resolved_config_text(config: RunConfig) -> str:
    # The resolved config, as the run used it. It holds no API key: only the variable's name.
    return yaml.safe_dump(config.model_dump(mode="json"), sort_keys=False)


def load_inputs(config: RunConfig) -> list[Record]:
    rows = read_jsonl(config.input.path)
    if config.input.limit:
        rows = rows[: config.input.limit]
    return [Record.from_input(i, row) for i, row in enumerate(rows)]


def execute(config: RunConfig, *, resume: bool, progress: bool = True) -> tuple[RunDirectory, RunSummary]:
    inputs = load_inputs(config)
    run_dir = RunDirectory(config.run_dir)
    run_dir.open(resolved_config_text(config), file_digest(config.input.path), resume=resume)
    logging.basicConfig(filename=run_dir.path / "run.log", level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(message)s")
    try:
        cache_path = config.engine.cache or str(run_dir.path / "cache.sqlite")
        engine = build_engine(config.model, config.engine, cache_path)
        return run_dir, asyncio.run(_run(config, engine, run_dir, inputs, progress))
    except BaseException:
        run_dir.write_failures_file()
        raise
    finally:
        run_dir.close()


async def _run(config: RunConfig, engine: Engine, run_dir: RunDirectory, inputs: list[Record],
               show_progress: bool) -> RunSummary:
    steps = build_steps(config.pipeline, engine)
    done = len(run_dir.done_roots())
    in_flight = config.engine.max_in_flight or max(2 * config.engine.concurrency, 4)
    with run_progress("run", len(inputs), done, engine.metrics, show_progress) as bar:
        pipeline = Pipeline(steps, engine, run_dir, max_in_flight=in_flight,
                            on_root_done=bar.advance)

        def snapshot(status: str) -> None:
            run_dir.save_session(status, {"engine": engine.metrics.to_dict(),
                                          "pipeline": pipeline.summary.to_dict()})

        async def save_periodically() -> None:
            while True:
                await asyncio.sleep(METRICS_EVERY_S)
                snapshot("running")

        saver = asyncio.create_task(save_periodically())
        status = "aborted"
        try:
            summary = await pipeline.run(inputs)
            status = "complete" if not run_dir.count_failed_roots() else "incomplete"
        except EndpointUnreachable as exc:
            raise UserError(f"{exc} Work done so far is saved; fix this and rerun with --resume.") from None
        finally:
            saver.cancel()
            snapshot(status)
            await engine.close()
    if config.output.parquet:  # also with failed roots: the good records are worth having
        run_dir.write_parquet()
    run_dir.write_failures_file()
    return summary
