"""Fine-tuning one arm with TRL's SFTTrainer: prompt-completion pairs, loss on the completion only.

On a GPU the Trainer's bf16 mode runs the forward and backward passes under bfloat16 autocast while the
model's weights, and so the optimizer's updates, stay float32 (student.weights_dtype): mixed precision
with float32 master weights."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from synthloom.value.config import ValueConfig
from synthloom.value.data import Example
from synthloom.value.student import weights_dtype, chat, device


def steps_for(examples: int, config: ValueConfig) -> int:
    """Both arms train for the same number of optimizer steps (their example counts are equal)."""
    return max(1, math.ceil(examples * config.epochs / config.batch_size))


def precision_args(on_gpu: bool) -> dict[str, bool]:
    """The Trainer's precision settings: bfloat16 autocast on a GPU, float32 on the CPU; never fp16 (no
    loss scaling needed) and never a half-precision model (see student.weights_dtype)."""
    return {"bf16": on_gpu, "fp16": False}


def train_arm(model: Any, tokenizer: Any, examples: list[Example], system: str | None, config: ValueConfig,
              out: Path, seed: int) -> list[dict[str, float]]:
    """Fine-tune `model` in place on `examples` (data order and dropout from `seed`); returns the training
    curve (step, loss)."""
    if next(model.parameters()).dtype != weights_dtype():
        raise ValueError(f"value: the student must be trained with {weights_dtype()} weights, not "
                         f"{next(model.parameters()).dtype} (half-precision weights lose the updates)")
    from datasets import Dataset
    from transformers import PrinterCallback
    from trl import SFTConfig, SFTTrainer

    precision = precision_args(device() == "cuda")
    rows = [{"prompt": chat(system, e.prompt), "completion": [{"role": "assistant", "content": e.answer}]}
            for e in examples]
    args = SFTConfig(
        output_dir=str(out), max_steps=steps_for(len(examples), config), per_device_train_batch_size=config.batch_size,
        learning_rate=config.learning_rate, lr_scheduler_type="constant", warmup_steps=0, logging_steps=1,
        save_strategy="no", report_to=[], seed=seed, data_seed=seed, max_length=config.max_length,
        completion_only_loss=True, bf16=precision["bf16"], fp16=precision["fp16"], dataloader_num_workers=0,
        disable_tqdm=True,
        dataloader_pin_memory=device() == "cuda",
    )
    trainer = SFTTrainer(model=model, args=args, train_dataset=Dataset.from_list(rows), processing_class=tokenizer)
    trainer.remove_callback(PrinterCallback)  # the curve goes to value.json and the report, not the terminal
    trainer.train()
    return [{"step": entry["step"], "loss": round(float(entry["loss"]), 5)}
            for entry in trainer.state.log_history if "loss" in entry]
