"""Reading a model's answer from the logprobs a backend returned (models/base.py's Choice.logprobs)."""

from __future__ import annotations

import re
from typing import Any

_WORD_TOKEN = re.compile(r"^\W*([a-z]+)\W*$")


def choice_from_logprobs(logprobs: list[dict] | None, options: dict[str, Any], positions: int = 3) -> Any:
    """The option whose word is likeliest among the top candidates at the first answer tokens, e.g.
    {"yes": True, "no": False}. Small models often ramble before (or instead of) the answer word, but
    still rank it sensibly; this reads that ranking. None when no option word is among the candidates."""
    for position in (logprobs or [])[:positions]:
        best: dict[str, float] = {}
        for token, logprob in (position.get("top") or {}).items():
            match = _WORD_TOKEN.match((token or "").lower())
            if match and match.group(1) in options and logprob is not None:
                word = match.group(1)
                best[word] = max(best.get(word, float("-inf")), logprob)
        if best:
            return options[max(best, key=lambda word: best[word])]
    return None
