"""Fine-tuning one arm with TRL's SFTTrainer: prompt-completion pairs, loss on the completion only."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from synthloom.value.config import ValueConfig
from synthloom.value.data import Example
from synthloom.value.student import chat, device


def steps_for(examples: int, config: ValueConfig) -> int:
    """Both arms train for the same number of optimizer steps (their example counts are equal)."""
    return max(1, math.ceil(examples * config.epochs / config.batch_size))


def train_arm(model: Any, tokenizer: Any, examples: list[Example], system: str | None, config: ValueConfig,
              out: Path) -> list[dict[str, float]]:
    """Fine-tune `model` in place on `examples`; returns the training curve (step, loss)."""
    from datasets import Dataset
    from transformers import PrinterCallback
    from trl import SFTConfig, SFTTrainer

    rows = [{"prompt": chat(system, e.prompt), "completion": [{"role": "assistant", "content": e.answer}]}
            for e in examples]
    args = SFTConfig(
        output_dir=str(out), max_steps=steps_for(len(examples), config), per_device_train_batch_size=config.batch_size,
        learning_rate=config.learning_rate, lr_scheduler_type="constant", warmup_steps=0, logging_steps=1,
        save_strategy="no", report_to=[], seed=config.seed, data_seed=config.seed, max_length=config.max_length,
        completion_only_loss=True, bf16=device() == "cuda", dataloader_num_workers=0, disable_tqdm=True,
        dataloader_pin_memory=device() == "cuda",
    )
    trainer = SFTTrainer(model=model, args=args, train_dataset=Dataset.from_list(rows), processing_class=tokenizer)
    trainer.remove_callback(PrinterCallback)  # the curve goes to value.json and the report, not the terminal
    trainer.train()
    return [{"step": entry["step"], "loss": round(float(entry["loss"]), 5)}
            for entry in trainer.state.log_history if "loss" in entry]
