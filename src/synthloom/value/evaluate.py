"""pass@1 on the held-out problems: greedy answers in batches (transformers' generate), scored by the
same verifier as the rejection step.

Why batched transformers and not llama.cpp: on this machine the bundled student answered 16 problems
in 16.3 s through llama.cpp (one at a time) and in 18.7 s through transformers in one batch of 16,
and a batch of 32 is faster again per problem; llama.cpp would also need each fine-tuned model converted
back to GGUF, and a quantized copy would no longer be the weights that were trained. Every arm, the
untuned one included, is evaluated the same way.
"""

from __future__ import annotations

import asyncio
from typing import Any

from synthloom.value.student import chat, device
from synthloom.verifiers.base import Verifier


def answers(model: Any, tokenizer: Any, prompts: list[str], system: str | None, max_new_tokens: int,
            batch_size: int) -> tuple[list[str], list[bool]]:
    """(greedy answers, whether each stopped at max_new_tokens: truncated)."""
    import contextlib

    import torch

    tokenizer.padding_side = "left"  # generation continues at the right end of every row
    texts = [tokenizer.apply_chat_template(chat(system, p), tokenize=False, add_generation_prompt=True)
             for p in prompts]
    out: list[str] = []
    truncated: list[bool] = []
    model.eval()
    on_gpu = device() == "cuda"  # bfloat16 autocast over the float32 weights, as in training

    def precision() -> Any:
        return torch.autocast("cuda", dtype=torch.bfloat16) if on_gpu else contextlib.nullcontext()

    for start in range(0, len(texts), batch_size):
        batch = tokenizer(texts[start:start + batch_size], return_tensors="pt", padding=True,
                          add_special_tokens=False).to(device())
        with torch.no_grad(), precision():
            generated = model.generate(**batch, max_new_tokens=max_new_tokens, do_sample=False,
                                       pad_token_id=tokenizer.pad_token_id)
        new = generated[:, batch["input_ids"].shape[1]:]
        out.extend(tokenizer.batch_decode(new, skip_special_tokens=True))
        stops = {tokenizer.eos_token_id, tokenizer.pad_token_id}
        truncated.extend(row.shape[0] >= max_new_tokens and int(row[-1]) not in stops for row in new)
    return out, truncated


def score(verifier: Verifier, problems: list[dict[str, Any]], texts: list[str]) -> list[bool]:
    """Each text's verdict against its problem (all verified concurrently)."""
    async def all_verdicts():
        return await asyncio.gather(*(verifier.verify(text, problem) for problem, text in zip(problems, texts,
                                                                                                strict=True)))
    return [v.passed for v in asyncio.run(all_verdicts())]
