"""Training files written at the end of a run: SFT (chat messages, as TRL's SFTTrainer reads them) and
DPO (prompt / chosen / rejected, as TRL's DPOTrainer reads them). Records without the fields are skipped."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import orjson


def to_sft(record: dict[str, Any], prompt_field: str, response_field: str) -> dict | None:
    fields = record.get("fields", {})
    prompt, response = fields.get(prompt_field), fields.get(response_field)
    if not prompt or not response:
        return None
    return {"messages": [{"role": "user", "content": prompt}, {"role": "assistant", "content": response}]}


def to_dpo(record: dict[str, Any], prompt_field: str, response_field: str) -> dict | None:
    fields = record.get("fields", {})
    if not fields.get(prompt_field) or not fields.get("chosen") or not fields.get("rejected"):
        return None
    return {"prompt": fields[prompt_field], "chosen": fields["chosen"], "rejected": fields["rejected"]}


FORMATS = {"sft": to_sft, "dpo": to_dpo}


def write_export(records: Iterable[dict[str, Any]], fmt: str, target: Path, prompt_field: str,
                 response_field: str) -> tuple[int, int]:
    """Write one export; returns (rows written, records skipped for lacking the fields)."""
    convert = FORMATS[fmt]
    written = skipped = 0
    tmp = target.with_name(target.name + ".tmp")
    with tmp.open("wb") as out:
        for record in records:
            row = convert(record, prompt_field, response_field)
            if row is None:
                skipped += 1
                continue
            out.write(orjson.dumps(row) + b"\n")
            written += 1
    tmp.replace(target)
    return written, skipped
