"""`synthloom export RUN_DIR`: a finished run's records as training files, split, with a dataset card."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import orjson

from synthloom.errors import UserError
from synthloom.io.tables import import_datasets
from synthloom.io.training_formats import DEFAULT_REASONING, FORMATS, convert, dataset_card, split, write_split_files


@dataclass
class ExportResult:
    files: list[Path]
    rows: dict[str, int]
    skipped: int


def read_run(run_dir: Path) -> tuple[list[dict], dict]:
    output = run_dir / "output.jsonl"
    if not output.is_file():
        raise UserError(f"{run_dir} is not a run directory (no output.jsonl): pass the run_dir of a run")
    records = [orjson.loads(line) for line in output.read_bytes().splitlines() if line.strip()]
    metrics_path = run_dir / "metrics.json"
    metrics = orjson.loads(metrics_path.read_bytes()) if metrics_path.is_file() else {}
    return records, metrics


def export_run(run_dir: Path, fmt: str, out: Path, *, file_format: str = "jsonl", validation_fraction: float = 0.0,
               seed: int = 0, license_id: str = "other", prompt_field: str | None = None,
               response_field: str | None = None, push_to_hub: str | None = None,
               reasoning: str = DEFAULT_REASONING) -> ExportResult:
    if fmt not in FORMATS:
        raise UserError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    if not 0 <= validation_fraction < 1:
        raise UserError("--val-fraction must be at least 0 and below 1")
    records, metrics = read_run(run_dir)
    rows, skipped = convert(records, fmt, prompt_field, response_field, reasoning)
    if not rows:
        raise UserError(f"no record in {run_dir} has what the {fmt} format needs "
                        "(set --prompt-field / --response-field to the fields your records use)")
    splits = split(rows, validation_fraction, seed)
    files = write_split_files(splits, out, file_format)
    card = out / "README.md"
    value_file = run_dir / "value.json"
    value = orjson.loads(value_file.read_bytes()) if value_file.exists() else None
    card.write_text(dataset_card(records, splits, fmt, metrics, license_id, skipped, file_format, value))
    if push_to_hub:
        _push(splits, push_to_hub, card)
    return ExportResult([*files, card], {name: len(r) for name, r in splits.items()}, skipped)


def _push(splits: dict, repo: str, card: Path) -> None:
    """Only when asked, and only with the user's token: the one place synthloom talks to the Hub."""
    token = os.environ.get("HF_TOKEN") or os.environ.get("HUGGING_FACE_HUB_TOKEN")
    if not token:
        raise UserError("--push-to-hub needs a token in HF_TOKEN; the files were written locally")
    from huggingface_hub import HfApi

    datasets = import_datasets()

    datasets.DatasetDict({n: datasets.Dataset.from_list(r) for n, r in splits.items()}).push_to_hub(repo, token=token)
    HfApi(token=token).upload_file(path_or_fileobj=str(card), path_in_repo="README.md", repo_id=repo,
                                   repo_type="dataset")
