"""Training-ready exports: the formats trainers read, a seeded train/validation split, JSONL, Parquet or a
Hugging Face `datasets` folder, and a dataset card listing what made the data.

Formats:
- sft: {"messages": [user, assistant]} (TRL SFTTrainer's conversational format)
- dpo: {"prompt", "chosen", "rejected"} (TRL DPOTrainer)
- alpaca: {"instruction", "input", "output"}
- sharegpt: {"conversations": [{"from": "human"|"gpt", "value"}]}
- tools: {"messages": [...], "tools": [...]} with assistant `tool_calls` and `tool` messages (a tool_use
  step's trajectories; TRL's and OpenAI fine-tuning's tool-calling format). `sft` writes the same row
  for such a record, so a trajectory is never cut down to its question and final answer.
A record lacking what a format needs is skipped and counted. A multi-turn conversation (a record's chat
`messages` of more than one exchange, or `messages` on a record with no prompt and response fields) is
written whole by sft (as `messages`) and sharegpt (system -> "system", user -> "human", assistant -> "gpt").

A reasoning model's trace is kept or left out by `reasoning`. The trace of a response is the record's
`reasoning` when `reasoning_of` names the field the response was taken from (or is absent: data made
elsewhere); a preference pair's are `chosen_reasoning` and `rejected_reasoning`, each side its own.
- think: in the reply's text, as `<think>trace</think>` before the answer (any chat template trains on it)
- field: apart: `reasoning_content` in the assistant message (the key Qwen3's and DeepSeek's chat templates
  read), and `reasoning` / `chosen_reasoning` / `rejected_reasoning` columns in the flat formats
- strip: left out: the answer alone
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import orjson

from synthloom.errors import UserError
from synthloom.io.tables import import_datasets
from synthloom.models.reasoning import REASONING_FIELD, REASONING_OF, with_think_tags

REASONING_MODES = ("think", "field", "strip")
DEFAULT_REASONING = "think"  # distillation is why traces are kept; strip them for answer-only training

PROMPT_FIELDS = ("prompt", "instruction", "question")
RESPONSE_FIELDS = ("response", "output", "label", "answer", "chosen")


def _first(fields: dict[str, Any], names: tuple[str, ...], preferred: str | None) -> str | None:
    for name in ((preferred,) if preferred else ()) + names:
        value = fields.get(name)
        if isinstance(value, str) and value.strip():
            return value
    return None


def instruction_and_input(fields: dict[str, Any], prompt_field: str | None) -> tuple[str | None, str]:
    """The instruction and its separate input (Self-Instruct keeps them apart; most data does not)."""
    if prompt_field or "instruction" not in fields:
        return _first(fields, PROMPT_FIELDS, prompt_field), ""
    return fields.get("instruction"), str(fields.get("input") or "")


def prompt_and_response(fields: dict[str, Any], prompt_field: str | None, response_field: str | None
                        ) -> tuple[str | None, str | None]:
    instruction, extra = instruction_and_input(fields, prompt_field)
    prompt = f"{instruction}\n\n{extra}" if instruction and extra else instruction
    return prompt, _first(fields, RESPONSE_FIELDS, response_field)


def tool_row(fields: dict[str, Any]) -> dict[str, Any] | None:
    """A tool-calling trajectory's row: its messages and the tool definitions they call, or None."""
    messages, tools = fields.get("messages"), fields.get("tools")
    if not (isinstance(messages, list) and isinstance(tools, list) and tools
            and any(isinstance(m, dict) and m.get("tool_calls") for m in messages)):
        return None
    return {"messages": messages, "tools": tools}


SHAREGPT_ROLES = {"system": "system", "user": "human", "assistant": "gpt"}


def conversation_of(fields: dict[str, Any], prompt: str | None, response: str | None) -> list[dict[str, str]] | None:
    """The record's conversation, when it is one: its `messages` if they hold more than one exchange, or
    if the record has no prompt and response of its own (a single-turn `messages`, as distill writes,
    may be stale after a later step changed the response, so the fields win there)."""
    from synthloom.techniques.conversation import as_messages, exchanges

    messages = as_messages(fields.get("messages"))
    if messages is None:
        return None
    return messages if exchanges(messages) > 1 or not (prompt and response) else None


def _trace(fields: dict[str, Any], name: str = REASONING_FIELD) -> str | None:
    value = fields.get(name)
    return value if isinstance(value, str) and value.strip() else None


def _response_trace(fields: dict[str, Any], response_field: str | None) -> str | None:
    """The trace of the response an export takes: only the one written for that very field."""
    owner = fields.get(REASONING_OF)
    taken = next((n for n in ((response_field,) if response_field else ()) + RESPONSE_FIELDS
                  if isinstance(fields.get(n), str) and fields[n].strip()), None)
    return _trace(fields) if owner is None or owner == taken else None


def _reply(text: str, trace: str | None, reasoning: str) -> str:
    return with_think_tags(trace, text) if reasoning == "think" else text


def to_row(fmt: str, record: dict[str, Any], prompt_field: str | None = None,
           response_field: str | None = None, reasoning: str = DEFAULT_REASONING) -> dict[str, Any] | None:
    if reasoning not in REASONING_MODES:
        raise UserError(f"unknown reasoning mode {reasoning!r}: use {', '.join(REASONING_MODES)}")
    fields = record.get("fields", {})
    if fmt in ("sft", "tools"):
        trajectory = tool_row(fields)
        if trajectory is not None or fmt == "tools":
            return trajectory
    if fmt in ("sft", "sharegpt"):
        conversation = conversation_of(fields, *prompt_and_response(fields, prompt_field, response_field))
        if conversation is not None and fmt == "sft":
            return {"messages": conversation}
        if conversation is not None:
            return {"conversations": [{"from": SHAREGPT_ROLES[m["role"]], "value": m["content"]}
                                      for m in conversation]}
    trace = _response_trace(fields, response_field)
    apart = reasoning == "field"
    row: dict[str, Any]
    if fmt == "dpo":
        prompt = instruction_and_input(fields, prompt_field)[0]
        chosen, rejected = fields.get("chosen"), fields.get("rejected")
        if not (prompt and isinstance(chosen, str) and isinstance(rejected, str)):
            return None
        # a pair's sides have their own traces (a pair made by AI feedback has none it could attach)
        good_trace, bad_trace = _trace(fields, "chosen_reasoning"), _trace(fields, "rejected_reasoning")
        row = {"prompt": prompt, "chosen": _reply(chosen, good_trace, reasoning),
               "rejected": _reply(rejected, bad_trace, reasoning)}
        return {**row, "chosen_reasoning": good_trace or "", "rejected_reasoning": bad_trace or ""} if apart else row
    if fmt == "alpaca":
        instruction, extra = instruction_and_input(fields, prompt_field)
        output = _first(fields, RESPONSE_FIELDS, response_field)
        if not (instruction and output):
            return None
        row = {"instruction": instruction, "input": extra, "output": _reply(output, trace, reasoning)}
        return {**row, "reasoning": trace or ""} if apart else row
    prompt, response = prompt_and_response(fields, prompt_field, response_field)
    if not prompt or not response:
        return None
    if fmt == "sft":
        assistant = {"role": "assistant", "content": _reply(response, trace, reasoning)}
        if apart and trace:
            assistant["reasoning_content"] = trace
        return {"messages": [{"role": "user", "content": prompt}, assistant]}
    if fmt == "sharegpt":
        row = {"conversations": [{"from": "human", "value": prompt},
                                 {"from": "gpt", "value": _reply(response, trace, reasoning)}]}
        return {**row, "reasoning": trace or ""} if apart else row
    raise UserError(f"unknown export format {fmt!r}: use sft, dpo, alpaca, sharegpt or tools")


FORMATS = ("sft", "dpo", "alpaca", "sharegpt", "tools")


def convert(records: Iterable[dict[str, Any]], fmt: str, prompt_field: str | None = None,
            response_field: str | None = None, reasoning: str = DEFAULT_REASONING) -> tuple[list[dict[str, Any]], int]:
    rows, skipped = [], 0
    for record in records:
        row = to_row(fmt, record, prompt_field, response_field, reasoning)
        if row is None:
            skipped += 1
        else:
            rows.append(row)
    return rows, skipped


def split(rows: list[dict[str, Any]], validation_fraction: float, seed: int) -> dict[str, list[dict[str, Any]]]:
    """A seeded shuffle, then the first share for validation: the same inputs always split the same way."""
    if not validation_fraction:
        return {"train": rows}
    order = list(range(len(rows)))
    random.Random(seed).shuffle(order)
    cut = round(len(rows) * validation_fraction)
    return {"train": [rows[i] for i in order[cut:]], "validation": [rows[i] for i in order[:cut]]}


def write_jsonl(rows: list[dict[str, Any]], target: Path) -> None:
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_bytes(b"".join(orjson.dumps(row) + b"\n" for row in rows))
    tmp.replace(target)


def write_split_files(splits: dict[str, list[dict[str, Any]]], out: Path, file_format: str) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    if file_format == "hf":
        datasets = import_datasets()
        folder = out / "hf"
        datasets.DatasetDict({name: datasets.Dataset.from_list(rows) for name, rows in splits.items()}
                             ).save_to_disk(str(folder))
        return [folder]
    written = []
    for name, rows in splits.items():
        target = out / f"{name}.{file_format}"
        if file_format == "jsonl":
            write_jsonl(rows, target)
        elif file_format == "parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            pq.write_table(pa.Table.from_pylist(rows), target)
        else:
            raise UserError(f"unknown file format {file_format!r}: use jsonl, parquet or hf")
        written.append(target)
    return written


def write_export(records: Iterable[dict[str, Any]], fmt: str, target: Path, prompt_field: str | None,
                 response_field: str | None, reasoning: str = DEFAULT_REASONING) -> tuple[int, int]:
    """One JSONL file in a format (for `output.exports` in a run config): (rows written, records skipped)."""
    rows, skipped = convert(records, fmt, prompt_field, response_field, reasoning)
    write_jsonl(rows, target)
    return len(rows), skipped


def dataset_card(records: list[dict[str, Any]], splits: dict[str, list], fmt: str, metrics: dict[str, Any],
                 license_id: str, skipped: int, file_format: str = "jsonl",
                 measured: dict[str, Any] | None = None) -> str:
    """A README in the Hub's format: YAML front matter, then what made the data and what was removed."""
    techniques = Counter(r.get("lineage", {}).get("technique") or "none" for r in records)
    last_step_models = Counter(r.get("lineage", {}).get("model") or "unknown" for r in records)
    header = ["---", f"license: {license_id}", "tags:", "- synthetic", "- synthloom"]
    if file_format != "hf":
        header += ["configs:", "- config_name: default", "  data_files:"]
        header += [f"  - split: {name}\n    path: {name}.{file_format}" for name in splits]
    used = _models_used(metrics)
    lines = [*header, "---", "", f"# Synthetic dataset ({fmt})", "",
             "Generated with synthloom. Every row is model-written: check it before trusting it.", "",
             "| split | rows |", "|---|---:|", *[f"| {n} | {len(rows)} |" for n, rows in splits.items()], "",
             f"{skipped} records lacked the fields this format needs and were left out.", "",
             "## Generating models", "",
             *([f"- {name}: {model} ({calls} calls)" for name, model, calls in used] or
               [f"- {m}: {c} records" for m, c in last_step_models.most_common()]), "",
             "## Techniques", "", *[f"- {t}: {c} records" for t, c in techniques.most_common()], ""]
    steps = ((metrics.get("sessions") or [{}])[-1].get("metrics") or {}).get("pipeline", {}).get("steps", {})
    if steps:
        lines += ["## Steps and filters", "", "| step | received | emitted | dropped | failed |",
                  "|---|---:|---:|---:|---:|"]
        lines += [f"| {n} | {s.get('received')} | {s.get('emitted')} | {s.get('dropped')} | {s.get('failed')} |"
                  for n, s in steps.items()]
        for name, stats in steps.items():
            for key, value in sorted((stats.get("counters") or {}).items()):
                lines.append(f"- {name}.{key}: {value}")
            for key, value in (stats.get("report") or {}).items():
                lines.append(f"- {name}.{key}: {value}")
        lines.append("")
    if measured:  # `synthloom value` ran: what fine-tuning on this data did to a student
        lines += value_card_lines(measured)
    lines += ["## Licence", "", f"Released under `{license_id}` by whoever ran the generation; the generating models' "
              "own licences may also apply to their outputs.", ""]
    return "\n".join(lines)


def value_card_lines(value: dict[str, Any]) -> list[str]:
    """What `synthloom value` measured: a student fine-tuned on this data against controls."""
    level = f"{value['confidence']:.0%}"
    lines = ["## Measured value", "",
             f"The student ({value['student']}) was fine-tuned on {value['train']['examples_per_arm']} verified "
             f"candidates, and, as a control, on as many unverified ones, for the same steps; pass@1 on "
             f"{value['held_out']['problems']} held-out problems ({level} bootstrap intervals):", "",
             "| arm | pass@1 | interval |", "|---|---:|---|"]
    lines += [f"| {arm} | {a['pass_at_1']:.3f} | [{a['low']:.3f}, {a['high']:.3f}] |"
              for arm, a in value["arms"].items()]
    lines += ["", *[f"- {pair}: {d['difference']:+.3f} [{d['low']:+.3f}, {d['high']:+.3f}]"
                    f"{' (above zero)' if d['low'] > 0 else ' (not beyond the interval)'}"
                    for pair, d in value["differences"].items()], ""]
    return lines


def _models_used(metrics: dict[str, Any]) -> list[tuple[str, str, int]]:
    """(config name, model, calls) for every model the run's sessions used."""
    calls: Counter = Counter()
    names: dict[str, str] = {}
    for session in metrics.get("sessions") or []:
        for name, stats in ((session.get("metrics") or {}).get("models") or {}).items():
            names[name] = stats.get("model", name)
            calls[name] += stats.get("succeeded_calls", 0)
    return [(name, names[name], calls[name]) for name in names]
