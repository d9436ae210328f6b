"""The student: loaded with transformers from a GGUF file (dequantized to float32) or a Hugging
Face-format folder; on a GPU when there is one, otherwise on the CPU, with no change to the config.

The weights are float32 everywhere. On a GPU, training and generation run under bfloat16 autocast
over those float32 weights (`train.precision_args`), so the optimizer updates float32 master weights:
a model held in pure bfloat16 loses most small updates to rounding (in 3 AdamW steps at lr 2e-5, 3.9%
of the weights changed, against 100% in float32), and its fine-tuned arms would barely move."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from synthloom.errors import UserError


def device() -> str:
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


def weights_dtype() -> Any:
    """The dtype the student's weights are held (and updated) in, on every device."""
    import torch

    return torch.float32


def load_student(path: Path) -> tuple[Any, Any]:
    """(model, tokenizer) from `path`: a .gguf file, or a folder holding config.json and weights."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    if not path.exists():
        raise UserError(f"value.student: {path} does not exist")
    gguf = {"gguf_file": path.name} if path.suffix == ".gguf" else {}
    folder = str(path.parent if gguf else path)
    dtype = weights_dtype()
    tokenizer = AutoTokenizer.from_pretrained(folder, **gguf)
    model = AutoModelForCausalLM.from_pretrained(folder, dtype=dtype, **gguf)
    if gguf:
        # GGUF weights are dequantized on load (to float32 here), yet the model stays marked as quantized,
        # which the Trainer refuses to fine-tune; the tensors are plain floats, so the marks are dropped.
        model.hf_quantizer = None  # type: ignore[assignment]  # an attribute transformers reads, not a layer
        model.is_quantized = False  # type: ignore[assignment]  # an attribute transformers reads, not a layer
        if hasattr(model.config, "quantization_config"):
            del model.config.quantization_config
    model.to(device())  # type: ignore[arg-type]  # transformers types .to as taking a model
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    return model, tokenizer


def chat(system: str | None, prompt: str) -> list[dict[str, str]]:
    """The messages the rejection step sent: the same ones train and evaluate the student."""
    return ([{"role": "system", "content": system}] if system else []) + [{"role": "user", "content": prompt}]
