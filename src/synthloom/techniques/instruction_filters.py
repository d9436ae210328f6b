"""Self-Instruct's filters (Wang et al., 2023), with the published defaults. Each check returns the
reason it drops something, or None to keep it, so every drop can be counted by reason."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field

DEFAULT_BLACKLIST = ("image", "images", "graph", "graphs", "picture", "pictures", "file", "files",
                     "map", "maps", "draw", "plot", "go to")


@dataclass(frozen=True)
class InstructionFilter:
    min_words: int = 4  # "3 words or fewer" are dropped
    max_words: int = 150
    blacklist: tuple[str, ...] = DEFAULT_BLACKLIST  # whole words a text model cannot act on
    banned_prefixes: tuple[str, ...] = ("Write a program",)
    _pattern: re.Pattern = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        words = "|".join(re.escape(w) for w in self.blacklist) or r"(?!x)x"
        object.__setattr__(self, "_pattern", re.compile(rf"\b(?:{words})\b", re.IGNORECASE))

    def reason_to_drop(self, instruction: str) -> str | None:
        words = instruction.split()
        if len(words) < self.min_words:
            return "too_short"
        if len(words) > self.max_words:
            return "too_long"
        if self._pattern.search(instruction):
            return "blacklisted_word"
        if instruction.startswith(self.banned_prefixes):
            return "banned_prefix"
        if instruction[0] in string.punctuation:
            return "starts_with_punctuation"
        if not instruction[0].isascii():
            return "starts_non_ascii"
        return None


@dataclass(frozen=True)
class Instance:
    input: str
    output: str


_LABEL = re.compile(r"^[a-z ]{1,20}:\s*")


def bare_line(line: str) -> str:
    """A line lower-cased, without a leading "Label:" (Task:, Input:...), for spotting copied text."""
    return _LABEL.sub("", line.strip().lower())


def example_key(instance: Instance) -> tuple[str, str]:
    """First lines of input and output: enough to spot a copy, robust to trailing text on either side."""
    def first(text: str) -> str:
        lines = text.strip().splitlines()
        return lines[0].strip().lower() if lines else ""
    return first(instance.input), first(instance.output)


def instance_reason_to_drop(instance: Instance) -> str | None:
    if not instance.output.strip():
        return "empty_output"
    if instance.input.strip() == instance.output.strip():
        return "output_equals_input"
    if instance.input.strip().endswith(":") or instance.output.strip().endswith(":"):
        return "ends_with_colon"  # usually a generation that stopped half-way
    return None


def clean_instances(instances: list[Instance], max_instances: int = 5,
                    prompt_examples: frozenset[tuple[str, str]] = frozenset()
                    ) -> tuple[list[Instance], dict[str, int]]:
    """Drop invalid instances and those copied from the prompt (`prompt_examples`: fingerprints of what it
    shows, see self_instruct.prompt_examples); drop the whole task if one
    non-empty input has two different outputs (the task is ambiguous); remove duplicates; keep at most
    `max_instances`. Returns what is kept and the count of each reason for dropping."""
    dropped: dict[str, int] = {}
    valid = []
    for instance in instances:
        key = example_key(instance)
        copied = key in prompt_examples or any(("", bare_line(part)) in prompt_examples for part in key if part)
        reason = "copies_prompt_example" if copied else instance_reason_to_drop(instance)
        if reason:
            dropped[reason] = dropped.get(reason, 0) + 1
        else:
            valid.append(instance)
    outputs_by_input: dict[str, str] = {}
    for instance in valid:
        if instance.input.strip() and outputs_by_input.setdefault(instance.input, instance.output) != instance.output:
            dropped["same_input_different_outputs"] = len(valid)
            return [], dropped
    unique = list(dict.fromkeys(valid))
    if len(unique) < len(valid):
        dropped["duplicate_instance"] = len(valid) - len(unique)
    if len(unique) > max_instances:
        dropped["over_max_instances"] = len(unique) - max_instances
    return unique[:max_instances], dropped
