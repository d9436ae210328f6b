"""The guards as commands on any dataset file or run directory: `synthloom dedup`, `decontaminate`,
`diversity`, `coverage`. Each reads the input once, writes its result whole, and reports on stderr."""

from __future__ import annotations

from pathlib import Path

import typer

from synthloom.cli.app import app, default_cache_path, fail, note
from synthloom.cli.guard_options import option
from synthloom.guards.settings import CoverageSettings, DecontamSettings, DedupSettings, DiversitySettings

FIELDS_HELP = "comma-separated fields compared (default: the prompt and response)"
DECONTAM_FIELDS_HELP = ("comma-separated fields compared (default: every field holding text; never a label, "
                        "category or id column)")


class Options:
    """A command's options as attributes, for `settings_of`."""

    def __init__(self, values: dict) -> None:
        self.__dict__.update(values)


def _fields(value: str | None) -> list[str] | None:
    return [f.strip() for f in value.split(",") if f.strip()] if value else None


@app.command()
def dedup(
    input: Path = typer.Argument(..., help="JSONL, CSV, Parquet, a datasets folder, or a run directory"),
    out: Path = typer.Option(..., "--out", "-o", help="kept rows (.jsonl or .parquet); removed rows go "
                             "beside it, in OUT.removed.jsonl, each naming the row it duplicates"),
    fields: str | None = typer.Option(None, help=FIELDS_HELP),
    threshold: float = option(DedupSettings, "threshold"),
    shingle_size: int = option(DedupSettings, "shingle_size"),
    num_perm: int = option(DedupSettings, "num_perm"),
    exact: bool = option(DedupSettings, "exact"),
    near: bool = option(DedupSettings, "near"),
    workers: int | None = typer.Option(None, min=1, help="processes for signatures [default: one per core]"),
) -> None:
    """Remove exact and near duplicates, keeping the first of each group."""
    given = dict(locals())  # the options, by name: the settings take theirs
    import os

    from synthloom.errors import UserError
    from synthloom.guards.dedup import find_duplicates
    from synthloom.guards.files import load_dataset, write_split
    from synthloom.guards.settings import settings_of

    try:
        data = load_dataset(input)
        settings = settings_of(Options(given), DedupSettings, workers=workers or os.cpu_count() or 1)
        found = find_duplicates(data.texts(_fields(fields)), settings)
        reasons = {d.index: {"reason": f"{d.method} duplicate", "duplicate_of_line": d.duplicate_of + 1,
                             "similarity": round(d.similarity, 4)} for d in found}
        kept, removed_file = write_split(data, reasons, out)
    except UserError as exc:
        fail(str(exc))
    exact_count = sum(d.method == "exact" for d in found)
    note(f"kept {kept} of {len(data.rows)} rows in {out}; removed {exact_count} exact and "
                   f"{len(found) - exact_count} near duplicates (listed in {removed_file})")


@app.command()
def decontaminate(
    input: Path = typer.Argument(..., help="JSONL, CSV, Parquet, a datasets folder, or a run directory"),
    out: Path = typer.Option(..., "--out", "-o", help="clean rows; contaminated ones go to "
                             "OUT.removed.jsonl with the benchmark item each matched"),
    benchmark: list[str] = typer.Option(["humaneval"], "--benchmark", "-b",
                                        help="humaneval, or PATH[:field,field] (repeatable)"),
    fields: str | None = typer.Option(None, help=DECONTAM_FIELDS_HELP),
    n: int = option(DecontamSettings, "n"),
    min_n: int = option(DecontamSettings, "min_n"),
    fixed_n: bool = typer.Option(False, "--fixed-n", metavar="",
                                 help="always use n (no shorter n for short items)"),
    semantic: bool = option(DecontamSettings, "semantic", "--semantic", metavar=""),
    similarity_threshold: float = option(DecontamSettings, "similarity_threshold"),
    top_k: int = option(DecontamSettings, "top_k"),
    near_misses: int = typer.Option(5, "--near-misses", min=0, help="list this many clean rows nearest a "
                                    "benchmark item (with --semantic), to choose thresholds from evidence"),
    judge_model: str | None = typer.Option(None, help="confirm semantic candidates with this model: a name "
                                           "at --judge-base-url, or in process a GGUF path or gemma3-270m"),
    judge_base_url: str | None = typer.Option(None, help="OpenAI-compatible endpoint of the judge"),
    judge_threshold: float = option(DecontamSettings, "judge_threshold"),
) -> None:
    """Remove rows that contain or reword a benchmark item."""
    given = dict(locals())  # the options, by name: the settings take theirs
    import asyncio
    from collections import Counter

    from synthloom.errors import UserError
    from synthloom.guards.benchmarks import BenchmarkSource
    from synthloom.guards.decontam import Decontaminator
    from synthloom.guards.files import load_dataset, write_split
    from synthloom.guards.settings import settings_of

    try:
        if (judge_model or judge_base_url) and not semantic:
            raise UserError("a judge confirms the semantic stage's candidates: add --semantic")
        data = load_dataset(input)
        compared = _fields(fields) or data.text_fields()
        texts = data.texts(compared)
        settings = settings_of(Options(given), DecontamSettings, min_n=min(min_n, n), adaptive_n=not fixed_n)
        decontaminator = Decontaminator([BenchmarkSource.parse(b) for b in benchmark], settings)
        verdicts: Counter = Counter()
        hits = asyncio.run(_find_with_judge(decontaminator, texts, judge_model, judge_base_url, verdicts))
        kept, removed_file = write_split(data, {h.index: h.to_dict() for h in hits}, out)
    except UserError as exc:
        fail(str(exc))
    described = decontaminator.describe()
    note(f"compared fields: {', '.join(compared)}" + ("" if fields else " (choose with --fields)"))
    if decontaminator.calibration is not None:
        note(decontaminator.calibration.describe())
    for index, near in decontaminator.near_misses(near_misses if semantic else 0):
        note(f"near miss, line {index + 1}: similarity {near['similarity']} to {near['benchmark']} "
                       f"{near['item_id']}, literal evidence {near['literal_score']}"
                       + (f" ({', '.join(near['shared_literals'])})" if near["shared_literals"] else "")
                       + (f"; passed {near['passed_tests_of']}'s tests but answered as its reference solution on "
                          f"only {near['agreed_on_inputs']} variants of their inputs" if "agreed_on_inputs" in near
                          else ""))
    by_method = {m: sum(h.method == m for h in hits) for m in sorted({h.method for h in hits})}
    note(f"kept {kept} of {len(data.rows)} rows in {out}; removed {len(hits)} "
                   f"({', '.join(f'{m} {c}' for m, c in by_method.items()) or 'none'}) matching "
                   f"{', '.join(described['benchmarks'])} (n-gram n: {described['n_by_benchmark']}); "
                   f"listed in {removed_file}"
                   + (f"; judge answers: {', '.join(f'{k} {v}' for k, v in sorted(verdicts.items()))}"
                      if verdicts else ""))


@app.command()
def diversity(
    input: Path = typer.Argument(..., help="JSONL, CSV, Parquet, a datasets folder, or a run directory"),
    fields: str | None = typer.Option(None, help=FIELDS_HELP),
    by: str = typer.Option("generation", help="generation (lineage, or a `generation` column), a field "
                           "name, or none"),
    sample: int = option(DiversitySettings, "sample"),
    rouge_sample: int = option(DiversitySettings, "rouge_sample"),
    embeddings: bool = option(DiversitySettings, "embeddings"),
    json_out: Path | None = typer.Option(None, "--json", help="also write the figures as JSON"),
) -> None:
    """Diversity per generation (or per group): distinct-n, self-BLEU, ROUGE-L, dispersion, Vendi."""
    given = dict(locals())  # the options, by name: the settings take theirs
    import orjson

    from synthloom.errors import UserError
    from synthloom.guards.diversity import metrics_by_group
    from synthloom.guards.files import load_dataset
    from synthloom.guards.settings import settings_of
    from synthloom.run.summary import diversity_table

    try:
        data = load_dataset(input)
        texts = data.texts(_fields(fields))
        groups: dict[str, list[str]] = {}
        for i, text in enumerate(texts):
            key = ("all" if by == "none" else str(data.generation(i)) if by == "generation"
                   else str(data.fields(i).get(by, "(none)")))
            groups.setdefault(key, []).append(text)
        settings = settings_of(Options(given), DiversitySettings)
        result = metrics_by_group(groups, settings)
    except UserError as exc:
        fail(str(exc))
    for line in diversity_table(result, "generation" if by == "generation" else "group"):
        typer.echo(line)
    if json_out:
        json_out.write_bytes(orjson.dumps(result, option=orjson.OPT_INDENT_2))


@app.command()
def coverage(
    input: Path = typer.Argument(..., help="JSONL, CSV, Parquet, a datasets folder, or a run directory"),
    category_field: str | None = typer.Option(None, help="the label field [default: embedding clusters]"),
    categories: str | None = typer.Option(None, help="comma-separated categories expected"),
    clusters: int = option(CoverageSettings, "clusters"),
    min_count: int = option(CoverageSettings, "min_count"),
    min_share: float = option(CoverageSettings, "min_share"),
    fields: str | None = typer.Option(None, help=FIELDS_HELP + " (for clustering)"),
) -> None:
    """Records per category, and the thin categories. Exit 1 when some are thin."""
    from synthloom.errors import UserError
    from synthloom.guards.coverage import category_counts, category_labels, thin_categories
    from synthloom.guards.files import load_dataset

    try:
        data = load_dataset(input)
        labels = category_labels([data.fields(i) for i in range(len(data.rows))],
                                 lambda: data.texts(_fields(fields)), category_field, clusters)
        if category_field and all(label == "(none)" for label in labels):
            raise UserError(f"no row has the field {category_field!r}; fix --category-field")
    except UserError as exc:
        fail(str(exc))
    counts = category_counts(labels, _fields(categories))
    thin = {t.category: t.reason for t in thin_categories(counts, min_count, min_share)}
    width = max(len(c) for c in counts)
    for category, count in counts.items():
        typer.echo(f"{category:<{width}}  {count:>7}  {thin.get(category, '')}")
    if thin:
        note(f"{len(thin)} of {len(counts)} categories are thin")
        raise typer.Exit(1)


async def _find_with_judge(decontaminator, texts: list[str], model: str | None, base_url: str | None,
                           verdicts) -> list:
    """The decontaminator's hits, with a judge engine for the semantic stage when one is named; the
    judge's answers are counted in `verdicts`."""
    if not (model or base_url):
        return await decontaminator.find(texts)
    from synthloom.engine.build import make_engine
    from synthloom.engine.engine import EngineSettings
    from synthloom.errors import UserError
    from synthloom.models.factory import http_backend, local_backend
    from synthloom.settings_env import api_key_from_env
    from synthloom.steps.guards.decontaminate import model_judge

    if base_url and not model:
        raise UserError("--judge-model is required with --judge-base-url")
    base_model = model == "gemma3-270m"  # a base model: the judge prompt goes as raw text
    backend = (http_backend(base_url, model, api_key_from_env(), max_connections=16) if base_url and model
               else local_backend(model, chat=not base_model))
    engine = make_engine(backend, EngineSettings(concurrency=16), str(default_cache_path()))
    try:
        return await decontaminator.find(texts, model_judge(engine, 8, verdicts), model_judge(engine, 8, None))
    finally:
        await engine.close()

