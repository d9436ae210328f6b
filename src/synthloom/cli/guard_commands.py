"""The guards as commands on any dataset file or run directory: `synthloom dedup`, `decontaminate`,
`diversity`, `coverage`. Each runs its step (the one a run config names) over the input, with its
options made from that step's config (cli/guard_options.py) so defaults, bounds and help are the
config's; it reads the input once, writes its result whole, and reports on stderr."""

from __future__ import annotations

from pathlib import Path

import typer

from synthloom.cli.app import default_cache_path, fail, note
from synthloom.cli.guard_options import listed, option
from synthloom.steps.guards.coverage import CoverageStepConfig
from synthloom.steps.guards.decontaminate import DecontaminateStepConfig
from synthloom.steps.guards.dedup import DedupStepConfig
from synthloom.steps.guards.diversity import DiversityStepConfig

guards_app = typer.Typer()  # loaded by cli/lazy.py when one of these commands is used

INPUT_HELP = "JSONL, CSV, Parquet, a datasets folder, or a run directory"
# A file's rows have no prompt/response shape to assume: decontamination compares every text column.
DECONTAM_FIELDS_HELP = ("comma-separated fields compared (default: every field holding text; never a label, "
                        "category or id column)")


@guards_app.command()
def dedup(
    input: Path = typer.Argument(..., help=INPUT_HELP),
    out: Path = typer.Option(..., "--out", "-o", help="kept rows (.jsonl or .parquet); removed rows go "
                             "beside it, in OUT.removed.jsonl, each naming the row it duplicates"),
    fields: str | None = option(DedupStepConfig, "fields"),
    threshold: float = option(DedupStepConfig, "threshold"),
    shingle_size: int = option(DedupStepConfig, "shingle_size"),
    num_perm: int = option(DedupStepConfig, "num_perm"),
    exact: bool = option(DedupStepConfig, "exact"),
    near: bool = option(DedupStepConfig, "near"),
    workers: int | None = option(DedupStepConfig, "workers"),
) -> None:
    """Remove exact and near duplicates, keeping the first of each group."""
    settings = {k: v for k, v in locals().items() if k not in ("input", "out")}  # the step's, by name
    from synthloom.cli.guard_step import run_guard
    from synthloom.errors import UserError
    from synthloom.guards.files import load_dataset, write_split

    try:
        data = load_dataset(input)
        data.texts(listed(fields))  # a field no row has: named here, in the option's words
        run = run_guard("dedup", {**settings, "fields": listed(fields)}, data)
        lines = run.line_of()
        reasons = {i: {"reason": said["removed"], "duplicate_of_line": lines[said["duplicate_of"]] + 1,
                       "similarity": said["similarity"]} for i, said in run.removed().items()}
        kept, removed_file = write_split(data, reasons, out)
    except UserError as exc:
        fail(str(exc))
    exact_count = run.step.counters["exact_duplicates"]
    note(f"kept {kept} of {len(data.rows)} rows in {out}; removed {exact_count} exact and "
         f"{len(reasons) - exact_count} near duplicates (listed in {removed_file})")


@guards_app.command()
def decontaminate(
    input: Path = typer.Argument(..., help=INPUT_HELP),
    out: Path = typer.Option(..., "--out", "-o", help="clean rows; contaminated ones go to "
                             "OUT.removed.jsonl with the benchmark item each matched"),
    benchmark: list[str] = typer.Option(["humaneval"], "--benchmark", "-b",
                                        help="humaneval, or PATH[:field,field] (repeatable)"),
    fields: str | None = option(DecontaminateStepConfig, "fields", help=DECONTAM_FIELDS_HELP),
    n: int = option(DecontaminateStepConfig, "n"),
    min_n: int = option(DecontaminateStepConfig, "min_n"),
    fixed_n: bool = typer.Option(False, "--fixed-n", metavar="", help="always use n, not adaptive_n: "
                                 + (DecontaminateStepConfig.model_fields["adaptive_n"].description or "")),
    semantic: bool = option(DecontaminateStepConfig, "semantic", "--semantic", metavar=""),
    similarity_threshold: float = option(DecontaminateStepConfig, "similarity_threshold"),
    top_k: int = option(DecontaminateStepConfig, "top_k"),
    near_misses: int = typer.Option(5, "--near-misses", min=0, help="list this many clean rows nearest a "
                                    "benchmark item (with --semantic), to choose thresholds from evidence"),
    judge_model: str | None = typer.Option(None, help="confirm semantic candidates with this model: a name "
                                           "at --judge-base-url, or in process a GGUF path or gemma3-270m"),
    judge_base_url: str | None = typer.Option(None, help="OpenAI-compatible endpoint of the judge"),
    judge_threshold: float = option(DecontaminateStepConfig, "judge_threshold"),
) -> None:
    """Remove rows that contain or reword a benchmark item."""
    from synthloom.cli.guard_step import CommandModels, run_guard
    from synthloom.errors import UserError
    from synthloom.guards.benchmarks import BenchmarkSource
    from synthloom.guards.files import load_dataset, write_split

    try:
        if (judge_model or judge_base_url) and not semantic:
            raise UserError("a judge confirms the semantic stage's candidates: add --semantic")
        sources = [BenchmarkSource.parse(b) for b in benchmark]
        data = load_dataset(input)
        compared = listed(fields) or data.text_fields()
        data.texts(compared)
        engine = _judge_engine(judge_model, judge_base_url)
        run = run_guard("decontaminate", {
            "fields": compared, "n": n, "min_n": min(min_n, n), "adaptive_n": not fixed_n, "semantic": semantic,
            "similarity_threshold": similarity_threshold, "top_k": top_k, "judge_threshold": judge_threshold,
            "judge_model": "judge" if engine is not None else None,
            "benchmarks": [{"name": s.name, "builtin": s.builtin, "path": s.path, "fields": list(s.fields) or None}
                           for s in sources]}, data, CommandModels({"judge": engine} if engine else None))
        hits = {i: said["contamination"] for i, said in run.removed().items()}
        kept, removed_file = write_split(data, hits, out)
    except UserError as exc:
        fail(str(exc))
    report = run.step.report()
    note(f"compared fields: {', '.join(compared)}" + ("" if fields else " (choose with --fields)"))
    if "judge_calibration" in report:
        note(report["judge_calibration"])
    decontaminator = run.step.decontaminator  # type: ignore[attr-defined]
    for index, near in decontaminator.near_misses(near_misses if semantic else 0):
        note(f"near miss, line {index + 1}: similarity {near['similarity']} to {near['benchmark']} "
             f"{near['item_id']}, literal evidence {near['literal_score']}"
             + (f" ({', '.join(near['shared_literals'])})" if near["shared_literals"] else "")
             + (f"; passed {near['passed_tests_of']}'s tests but answered as its reference solution on "
                f"only {near['agreed_on_inputs']} variants of their inputs" if "agreed_on_inputs" in near
                else ""))
    methods = [hit["method"] for hit in hits.values()]
    by_method = {m: methods.count(m) for m in sorted(set(methods))}
    verdicts = {k: v for k, v in run.step.counters.items() if k in ("judge_same", "judge_different", "judge_unclear")}
    note(f"kept {kept} of {len(data.rows)} rows in {out}; removed {len(hits)} "
         f"({', '.join(f'{m} {c}' for m, c in by_method.items()) or 'none'}) matching "
         f"{report['benchmarks']} (n-gram n: {report['ngram_n']}); listed in {removed_file}"
         + (f"; judge answers: {', '.join(f'{k} {v}' for k, v in sorted(verdicts.items()))}" if verdicts else ""))


@guards_app.command()
def diversity(
    input: Path = typer.Argument(..., help=INPUT_HELP),
    fields: str | None = option(DiversityStepConfig, "fields"),
    by: str = option(DiversityStepConfig, "by", help="generation (lineage, or a `generation` column), a field "
                     "name, or none"),
    sample: int = option(DiversityStepConfig, "sample"),
    rouge_sample: int = option(DiversityStepConfig, "rouge_sample"),
    embeddings: bool = option(DiversityStepConfig, "embeddings"),
    json_out: Path | None = typer.Option(None, "--json", help="also write the figures as JSON"),
) -> None:
    """Diversity per generation (or per group): distinct-n, self-BLEU, ROUGE-L, dispersion, Vendi."""
    import orjson

    from synthloom.cli.guard_step import run_guard
    from synthloom.errors import UserError
    from synthloom.guards.files import load_dataset
    from synthloom.run.summary import diversity_table

    try:
        data = load_dataset(input)
        data.texts(listed(fields))
        run = run_guard("diversity", {"fields": listed(fields), "by": None if by == "none" else by,
                                      "sample": sample, "rouge_sample": rouge_sample, "embeddings": embeddings},
                        data)
    except UserError as exc:
        fail(str(exc))
    result = dict(run.step.report()["diversity_by_group"])
    from synthloom.steps.guards.diversity import group_key

    groups = {group_key(record, run.step.config.by) for record in run.records}
    if len(result) > 1 and "all" not in groups:
        result.pop("all", None)  # the run's summary adds the whole pool; the command shows the groups
    for line in diversity_table(result, "generation" if by == "generation" else "group"):
        typer.echo(line)
    if json_out:
        json_out.write_bytes(orjson.dumps(result, option=orjson.OPT_INDENT_2))


@guards_app.command()
def coverage(
    input: Path = typer.Argument(..., help=INPUT_HELP),
    category_field: str | None = option(CoverageStepConfig, "category_field"),
    categories: str | None = option(CoverageStepConfig, "categories"),
    clusters: int = option(CoverageStepConfig, "clusters"),
    min_count: int = option(CoverageStepConfig, "min_count"),
    min_share: float = option(CoverageStepConfig, "min_share"),
    fields: str | None = option(CoverageStepConfig, "fields"),
) -> None:
    """Records per category, and the thin categories. Exit 1 when some are thin."""
    from synthloom.cli.guard_step import run_guard
    from synthloom.errors import UserError
    from synthloom.guards.files import load_dataset

    try:
        data = load_dataset(input)
        if category_field and not any(category_field in data.fields(i) for i in range(len(data.rows))):
            raise UserError(f"no row has the field {category_field!r}; fix --category-field")
        if not category_field:
            data.texts(listed(fields))
        run = run_guard("coverage", {"category_field": category_field, "categories": listed(categories),
                                     "clusters": clusters, "min_count": min_count, "min_share": min_share,
                                     "fields": listed(fields)}, data)
    except UserError as exc:
        fail(str(exc))
    report = run.step.report()
    counts: dict[str, int] = report["counts"]
    thin = {t["category"]: t["reason"] for t in report["thin"]}
    width = max(len(c) for c in counts)
    for category, count in counts.items():
        typer.echo(f"{category:<{width}}  {count:>7}  {thin.get(category, '')}")
    if thin:
        note(f"{len(thin)} of {len(counts)} categories are thin")
        raise typer.Exit(1)


def _judge_engine(model: str | None, base_url: str | None):  # -> Engine | None
    """The engine of the judge named on the command line (None without one)."""
    if not (model or base_url):
        return None
    from synthloom.engine.build import make_engine
    from synthloom.engine.engine import EngineSettings
    from synthloom.errors import UserError
    from synthloom.models.factory import http_backend, local_backend
    from synthloom.settings_env import api_key_from_env

    if base_url and not model:
        raise UserError("--judge-model is required with --judge-base-url")
    base_model = model == "gemma3-270m"  # a base model: the judge prompt goes as raw text
    backend = (http_backend(base_url, model, api_key_from_env(), max_connections=16) if base_url and model
               else local_backend(model, chat=not base_model))
    return make_engine(backend, EngineSettings(concurrency=16), str(default_cache_path()))
