"""Evol-Instruct's elimination rules (Xu et al., 2023, section 3): a failed evolution is dropped and
its parent goes back to the pool. Each rule returns a reason, or None when the evolution survives."""

from __future__ import annotations

import re
import string
from functools import lru_cache
from importlib import resources

from synthloom.models.logprobs import choice_from_logprobs

_WORD = re.compile(r"[a-z']+")


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    text = (resources.files("synthloom") / "data" / "evol" / "stopwords.txt").read_text()
    return frozenset(text.split())


def _marker_pattern(marker: str) -> re.Pattern:
    """A marker in any of its spellings: any case, plural or singular, any punctuation or '#' between words
    ("instruction to rewrite" matches "#Instructions to Rewrite#:")."""
    words = [re.escape(w.rstrip("s")) + "s?" for w in _WORD.findall(marker.lower())]
    start = r"#\s*" if marker.lstrip().startswith("#") else r"\b"  # "#rewritten" is the prompt's own tag
    return re.compile(start + r"[\W_]+".join(words) + r"\b", re.IGNORECASE)


def copies_template_words(evolved: str, markers: list[str]) -> bool:
    """The rewrite repeats words of the rewriting prompt itself ("given prompt", "#Rewritten Prompt#"...)."""
    return any(_marker_pattern(marker).search(evolved) for marker in markers)


def is_refusal(response: str, max_words: int = 80) -> bool:
    """The model found the evolved instruction too hard: it says sorry, and says little else."""
    return "sorry" in response.lower() and len(response.split()) < max_words


def is_only_punctuation_and_stop_words(response: str) -> bool:
    stripped = response.translate(str.maketrans("", "", string.punctuation)).lower()
    words = _WORD.findall(stripped)
    return not stripped.strip() or (all(word in stop_words() for word in words) and not re.search(r"\d", stripped))


def shares_prompt_run(evolved: str, prompt_text: str, words: int = 6) -> bool:
    """The rewrite repeats a run of `words` consecutive words of the rewriting prompt's own text (its
    instructions, not the instruction being rewritten): a copy of the prompt, not an evolution."""
    def runs(text: str) -> set[tuple[str, ...]]:
        tokens = _WORD.findall(text.lower())
        return {tuple(tokens[i:i + words]) for i in range(len(tokens) - words + 1)}
    return bool(runs(evolved) & runs(prompt_text))


def judge_says_equal(answer: str, logprobs: list[dict] | None = None) -> bool | None:
    """Read the Equal / Not Equal verdict: True for Equal (no information gain), None if unclear.
    With logprobs, the likelier first word decides ("not" / "unequal" / "different" against "equal")."""
    verdict = choice_from_logprobs(logprobs, {"equal": True, "same": True, "not": False, "unequal": False,
                                              "different": False})
    if verdict is not None:
        return verdict
    lowered = answer.strip().lower()
    if "not equal" in lowered or "unequal" in lowered or "different" in lowered:
        return False
    if "equal" in lowered or "same" in lowered:
        return True
    return None
