"""The GPU path trains: weights are float32 and the Trainer's bf16 mode is autocast over them, so a few
optimizer steps move the weights as much as float32 training does, where a pure-bfloat16 model (the
old GPU path) loses most updates to rounding. Runs on the CPU: the same Trainer, with CPU autocast."""

from __future__ import annotations

import pytest

from synthloom.value.student import weights_dtype
from synthloom.value.train import precision_args

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")


def _tiny_model(dtype):
    torch.manual_seed(0)
    config = transformers.LlamaConfig(vocab_size=64, hidden_size=32, intermediate_size=64, num_hidden_layers=2,
                                      num_attention_heads=4, num_key_value_heads=4, max_position_embeddings=32)
    return transformers.LlamaForCausalLM(config).to(dtype)


def _changed_share(model, precision: dict[str, bool], tmp_path) -> float:
    from datasets import Dataset

    rows = [{"input_ids": [1 + i % 50, *range(2, 12)], "labels": [1 + i % 50, *range(2, 12)]} for i in range(24)]
    before = [p.detach().float().clone() for p in model.parameters()]
    args = transformers.TrainingArguments(
        output_dir=str(tmp_path), max_steps=3, per_device_train_batch_size=8, learning_rate=2e-5,
        lr_scheduler_type="constant", use_cpu=True, report_to=[], save_strategy="no", disable_tqdm=True, **precision)
    transformers.Trainer(model=model, args=args, train_dataset=Dataset.from_list(rows)).train()
    changed = sum(int((p.detach().float() != b).sum()) for p, b in zip(model.parameters(), before, strict=True))
    return changed / sum(b.numel() for b in before)


def test_three_steps_of_the_gpu_precision_change_the_weights_as_much_as_float32(tmp_path):
    assert weights_dtype() == torch.float32  # on every device: the optimizer's master weights
    gpu = precision_args(on_gpu=True)
    assert gpu == {"bf16": True, "fp16": False} and precision_args(on_gpu=False) == {"bf16": False, "fp16": False}
    full = _changed_share(_tiny_model(torch.float32), precision_args(on_gpu=False), tmp_path / "fp32")
    mixed_model = _tiny_model(weights_dtype())
    mixed = _changed_share(mixed_model, gpu, tmp_path / "mixed")
    pure = _changed_share(_tiny_model(torch.bfloat16), gpu, tmp_path / "bf16")  # the old path: bf16 weights
    assert full > 0.9 and mixed >= 0.97 * full
    assert next(mixed_model.parameters()).dtype == torch.float32
    assert pure < 0.5 * full  # what the check guards against


def test_a_half_precision_student_is_refused_before_training(tmp_path):
    from synthloom.config import RunConfig
    from synthloom.value.train import train_arm

    run = RunConfig.model_validate({"run_dir": "r", "input": {"builtin": "math_problems", "classes": ["basic"]},
                                    "pipeline": [{"step": "rejection", "template": "question",
                                                  "verifier": {"kind": "math", "gold_field": "answer"}}],
                                    "value": {}})
    assert run.value is not None
    with pytest.raises(ValueError, match="half-precision"):
        train_arm(_tiny_model(torch.bfloat16), None, [], None, run.value, tmp_path, seed=0)
