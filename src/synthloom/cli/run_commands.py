"""The commands that make data: `synthloom run`, `generate`, `models`, `export`, `report`."""

from __future__ import annotations

from pathlib import Path

import typer

from synthloom.cli.app import EXIT_USER_ERROR, app, default_cache_path, fail, finish
from synthloom.engine.defaults import BATCH_POLL_S, CONCURRENCY, TIMEOUT_S
from synthloom.models.base import ChatRequest


def _use_uvloop() -> None:
    try:
        import uvloop  # a faster event loop: less CPU per request at high concurrency
    except ImportError:
        return
    uvloop.install()


@app.command()
def run(
    config: Path = typer.Argument(..., help="YAML run config"),
    resume: bool = typer.Option(False, "--resume", help="continue the run in the config's run_dir", metavar=""),
    run_dir: Path | None = typer.Option(None, "--run-dir", help="override run_dir from the config"),
    progress: bool | None = typer.Option(None, "--progress/--no-progress",
                                            help="[default: on when stderr is a terminal]", metavar=""),
    executor: str = typer.Option("local", "--executor", help="local, or ray: per-record steps on Ray workers"),
    address: str | None = typer.Option(None, "--address", help="Ray cluster address [default: a local Ray]"),
    workers: int | None = typer.Option(None, "--workers", min=1, help="Ray workers [default: the cluster's CPUs]"),
) -> None:
    """Run a pipeline config; killed at any moment, it continues with --resume."""
    from synthloom.errors import UserError
    from synthloom.run.progress import wanted

    try:
        from synthloom.config import load_config  # loads the step plugins: a broken one is a UserError
        from synthloom.run.execute import Executor, execute

        if executor not in ("local", "ray"):
            raise UserError(f"unknown executor {executor!r}: use local or ray")
        cfg = load_config(config)
        if run_dir is not None:
            cfg.run_dir = run_dir
        if executor == "local":
            _use_uvloop()  # Ray's awaitable results want asyncio's own loop
        directory, summary = execute(cfg, resume=resume, progress=wanted(progress),
                                     executor=Executor(executor, address, workers))
    except UserError as exc:
        fail(str(exc))
    from synthloom.run.summary import report_lines

    for line in report_lines(summary):
        typer.echo(line, err=True)
    from synthloom.run.summary import outcome_line, retry_hint

    finish(f"{outcome_line(summary)}; output in {directory.output_path}, summary in {directory.path / 'summary.md'}",
            summary.failed and f"{summary.failed} records failed (see {directory.path / 'failures.jsonl'}); "
            f"{retry_hint(summary)}")


@app.command()
def value(
    config: Path = typer.Argument(..., help="YAML run config with a `value:` section"),
    run_dir: Path | None = typer.Option(None, "--run-dir", help="override run_dir from the config"),
    progress: bool | None = typer.Option(None, "--progress/--no-progress",
                                            help="[default: on when stderr is a terminal]", metavar=""),
) -> None:
    """Run (or resume) the config's pipeline, then fine-tune its student once per arm (verified,
    unverified, and the controls the config lists) and seed, and compare the arms on held-out problems:
    the primary test is verified vs unverified, paired over problems (docs/data_value.md)."""
    from synthloom.errors import UserError
    from synthloom.run.progress import wanted

    try:
        from synthloom.config import load_config
        from synthloom.run.execute import execute

        cfg = load_config(config)
        if cfg.value is None:
            raise UserError(f"{config}: no `value:` section (see examples/value_math.yaml)")
        if run_dir is not None:
            cfg.run_dir = run_dir
        try:
            import trl  # noqa: F401
        except ImportError:
            raise UserError("the data-value experiment needs its training libraries: pip install 'synthloom[value]'") \
                from None
        from synthloom.run.run_dir import RunDirectory

        started = RunDirectory(cfg.run_dir).exists()  # a run already there is resumed, not refused
        directory, summary = execute(cfg, resume=started, progress=wanted(progress))
        from synthloom.run.summary import retry_hint
        from synthloom.value.experiment import format_table, run_value

        result = run_value(cfg, directory.path, say=lambda line: typer.echo(line, err=True))
        if cfg.output.report:
            from synthloom.report.html import write_report

            write_report(directory.path)
    except UserError as exc:
        fail(str(exc))
    typer.echo(format_table(result))
    finish(f"value.json and the report's Data value section in {directory.path}",
           summary.failed and f"{summary.failed} records of the run failed; {retry_hint(summary)}")


@app.command()
def plan(
    config: Path = typer.Argument(..., help="YAML run config"),
    as_json: bool = typer.Option(False, "--json", help="the plan as JSON on stdout", metavar=""),
) -> None:
    """Expected calls, tokens and cost per step and in total, from the config's prices; sends no request."""
    from synthloom.errors import UserError

    try:
        from synthloom.config import load_config
        from synthloom.run.execute import load_inputs
        from synthloom.run.plan import format_plan, make_plan
        from synthloom.steps.registry import check_step_files

        cfg = load_config(config)
        check_step_files(cfg.pipeline)
        planned = make_plan(cfg, load_inputs(cfg))
    except UserError as exc:
        fail(str(exc))
    if as_json:
        import orjson

        typer.echo(orjson.dumps(planned.to_dict(), option=orjson.OPT_INDENT_2).decode())
    else:
        typer.echo(format_plan(planned, cfg))


@app.command()
def generate(
    prompts: Path = typer.Argument(..., help='JSONL: each line {"prompt": ...} or {"messages": [...]}'),
    out: Path = typer.Option(..., "--out", "-o", help="JSONL output, one line per prompt, in order"),
    base_url: str | None = typer.Option(None, "--base-url", envvar="SYNTHLOOM_BASE_URL",
                                           help="OpenAI-compatible endpoint; omit for the bundled model"),
    model: str | None = typer.Option(None, "--model", envvar="SYNTHLOOM_MODEL",
                                        help="model name at the endpoint, or a GGUF path in process"),
    concurrency: int = typer.Option(CONCURRENCY, "--concurrency", "-c", min=1,
                                    help="calls at once (with --adaptive: the most allowed)"),
    adaptive: bool = typer.Option(False, "--adaptive", metavar="",
                                  help="find the concurrency the server sustains (shrinks on 429/503/529)"),
    api: str = typer.Option("openai", "--api", help="the endpoint's API: openai (any OpenAI-compatible "
                            "server) or anthropic (Messages API; key from ANTHROPIC_API_KEY)"),
    batch: bool = typer.Option(False, "--batch", metavar="", help="send the prompts through the provider's batch "
                               "API (half price, answers within 24 h); batch ids are kept beside the cache, so a "
                               "rerun polls the same batches"),
    batch_poll_s: float = typer.Option(BATCH_POLL_S, "--batch-poll-s", min=0.01,
                                       help="seconds between looks at open batches"),
    n: int = typer.Option(1, "--n", min=1, help="samples per prompt"),
    temperature: float = typer.Option(ChatRequest.temperature, min=0),
    top_p: float = typer.Option(ChatRequest.top_p, min=0, max=1),
    max_tokens: int = typer.Option(ChatRequest.max_tokens, min=1),
    seed: int | None = typer.Option(None),
    system: str | None = typer.Option(None, help="system message added to every prompt"),
    rpm: float | None = typer.Option(None, help="requests per minute limit"),
    tpm: float | None = typer.Option(None, help="tokens per minute limit"),
    timeout: float = typer.Option(TIMEOUT_S, help="seconds for one call"),
    cache: Path | None = typer.Option(None, help="response cache file [default: ~/.cache/synthloom]"),
    no_cache: bool = typer.Option(False, "--no-cache", metavar=""),
    progress: bool | None = typer.Option(None, "--progress/--no-progress",
                                            help="[default: on when stderr is a terminal]", metavar=""),
) -> None:
    """One completion record per prompt; a rerun of the same command is served from the cache."""
    # No pydantic here: a one-off command's start-up is part of every measured run.
    import asyncio

    from synthloom.cli.generate_command import generate_file, parse_prompts
    from synthloom.engine.batch_ledger import BatchLedger
    from synthloom.engine.build import make_engine
    from synthloom.engine.engine import EngineSettings
    from synthloom.errors import UserError
    from synthloom.models.base import ChatRequest
    from synthloom.models.factory import anthropic_backend, http_backend, local_backend
    from synthloom.run.progress import wanted
    from synthloom.settings_env import ANTHROPIC_BASE_URL, api_key_from_env

    try:
        conversations = parse_prompts(prompts, system)
        if api not in ("openai", "anthropic"):
            raise UserError(f"--api {api}: use openai or anthropic")
        if api == "anthropic":
            base_url = base_url or ANTHROPIC_BASE_URL
        if base_url and not model:
            raise UserError("--model is required with --base-url or --api anthropic (or set SYNTHLOOM_MODEL)")
        if batch and (no_cache or not base_url):
            raise UserError("--batch needs the response cache (drop --no-cache) and a provider endpoint (--base-url "
                            "or --api anthropic): batch ids are kept beside the cache so that a rerun resumes them")
        settings = EngineSettings(concurrency=concurrency, adaptive=adaptive, rpm=rpm, tpm=tpm, timeout=timeout)
        cache_path = None if no_cache else str(cache or default_cache_path())
        _use_uvloop()

        async def main():
            if api == "anthropic":
                backend = anthropic_backend(model, api_key_from_env("ANTHROPIC_API_KEY", fallback=None),
                                            base_url=base_url, max_connections=concurrency)
            elif base_url:
                backend = http_backend(base_url, model, api_key_from_env(), max_connections=concurrency)
            else:
                backend = local_backend(model)
            engine = make_engine(backend, settings, cache_path)
            ledger = BatchLedger(f"{cache_path}.batches") if batch else None
            if ledger is not None:
                engine.use_batches(ledger, poll_s=batch_poll_s)
            requests = [ChatRequest.build(m, n=n, temperature=temperature, top_p=top_p,
                                          max_tokens=max_tokens, seed=seed) for m in conversations]
            try:
                return await generate_file(engine, requests, out, progress=wanted(progress)), engine
            finally:
                if ledger is not None:
                    ledger.close()

        result, engine = asyncio.run(main())
    except UserError as exc:
        fail(str(exc))
    finish(f"{result.written} lines written to {out}; {engine.metrics.summary()}",
            result.failed and f"{result.failed} prompts failed (lines with \"error\"); rerun to retry "
            "them, answered ones come from the cache")


@app.command()
def models(
    base_url: str | None = typer.Option(None, "--base-url", envvar="SYNTHLOOM_BASE_URL",
                                           help="also check this OpenAI-compatible endpoint"),
    model: str | None = typer.Option(None, "--model", envvar="SYNTHLOOM_MODEL"),
    check: bool = typer.Option(True, "--check/--no-check", help="ask each backend for a short answer", metavar=""),
) -> None:
    """List the backends, and check that they answer."""
    import asyncio

    from synthloom.errors import UserError
    from synthloom.models.check import describe_backends
    from synthloom.models.config import LlamaCppModelConfig, OpenAIModelConfig

    configs: list[LlamaCppModelConfig | OpenAIModelConfig] = [LlamaCppModelConfig(model=model if not base_url
                                                                                  else None)]
    if base_url:
        configs.append(OpenAIModelConfig(backend="openai", base_url=base_url, model=model or "default"))
    try:
        lines, ok = asyncio.run(describe_backends(configs, check))
    except UserError as exc:
        fail(str(exc))
    for line in lines:
        typer.echo(line)
    if not ok:
        raise typer.Exit(EXIT_USER_ERROR)


@app.command()
def export(
    run_dir: Path = typer.Argument(..., help="a run directory (the run_dir of a config)"),
    format: str = typer.Option("sft", "--format", "-f", help="sft, dpo, alpaca, sharegpt or tools"),
    out: Path | None = typer.Option(None, "--out", "-o", help="folder to write [default: RUN_DIR/export-FORMAT]"),
    file_format: str = typer.Option("jsonl", "--file-format", help="jsonl, parquet, or hf (a saved datasets folder)"),
    val_fraction: float = typer.Option(0.0, "--val-fraction", help="share held out as the validation split"),
    seed: int = typer.Option(0, help="seed of the train/validation split"),
    license_id: str = typer.Option("other", "--license", help="licence id for the dataset card"),
    prompt_field: str | None = typer.Option(None, help="record field holding the prompt"),
    response_field: str | None = typer.Option(None, help="record field holding the response"),
    reasoning: str = typer.Option("think", help="a reasoning model's trace: think (<think> before the answer), "
                                  "field (apart, reasoning_content) or strip"),
    push_to_hub: str | None = typer.Option(None, "--push-to-hub", help="also push to this Hub repo (needs HF_TOKEN)"),
) -> None:
    """Write a run's records as training files (SFT, DPO, Alpaca, ShareGPT) with a dataset card."""
    from synthloom.cli.export_command import export_run
    from synthloom.errors import UserError

    try:
        result = export_run(run_dir, format, out or run_dir / f"export-{format}", file_format=file_format,
                            validation_fraction=val_fraction, seed=seed, license_id=license_id,
                            prompt_field=prompt_field, response_field=response_field, push_to_hub=push_to_hub,
                            reasoning=reasoning)
    except UserError as exc:
        fail(str(exc))
    rows = ", ".join(f"{name} {count}" for name, count in result.rows.items())
    typer.echo(f"{rows} rows ({result.skipped} records lacked the fields); wrote "
               + ", ".join(str(f) for f in result.files))


@app.command()
def report(
    run_dir: Path = typer.Argument(..., help="a run directory, finished or not"),
    out: Path | None = typer.Option(None, "--out", "-o", help="file to write [default: RUN_DIR/report.html or .md]"),
    format: str = typer.Option("html", "--format", "-f", help="html (one self-contained page) or md"),
) -> None:
    """Write the run's report: funnel, rejection yields, diversity, coverage, contamination, cost, records."""
    from synthloom.errors import UserError
    from synthloom.report.html import write_report

    if format not in ("html", "md"):
        fail(f"unknown report format {format!r}: use html or md")
    try:
        target = write_report(run_dir, out, format)
    except UserError as exc:
        fail(str(exc))
    typer.echo(f"report written to {target}", err=True)
