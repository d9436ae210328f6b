"""Self-Instruct's filters (Wang et al., 2023), with the published defaults. Each check returns the
reason it drops something, or None to keep it, so every drop can be counted by reason."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field

from synthloom.techniques.text_quality import (
    content_words,
    is_not_language,
    is_repetition_loop,
    is_unfinished,
    needs_missing_input,
    repeats_text,
    same_after_normalising,
)

DEFAULT_BLACKLIST = ("image", "images", "graph", "graphs", "picture", "pictures", "file", "files",
                     "map", "maps", "draw", "plot", "go to")


_REPLY_OPENING = re.compile(r"^\s*(?:yes|no|sure|okay|ok|certainly|of course)\s*[,.!]", re.IGNORECASE)


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
        if _REPLY_OPENING.match(instruction):
            return "answer_not_task"  # "Yes, no one in this sentence...": the model answered instead
        if is_repetition_loop(instruction):
            return "repetition_loop"
        if is_not_language(instruction, min_words=4):
            return "not_language"
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


_ECHOED_LABEL = re.compile(r"^\s*(?:task|instruction|input|output)\s*\d*\s*:", re.IGNORECASE)


def _bare_label(text: str) -> bool:
    """An input that is only a label ("Translate:"); "Instability : Turmoil :: Change :" is a form to fill."""
    return text.strip().endswith(":") and text.count(":") == 1


def instance_reason_to_drop(instance: Instance, instruction: str = "") -> str | None:
    if not instance.output.strip():
        return "empty_output"
    if same_after_normalising(instance.input, instance.output):
        return "output_equals_input"  # also when only quotes, case or punctuation differ
    if instance.output.strip().endswith(":") or _bare_label(instance.input):
        return "ends_with_colon"  # usually a generation that stopped half-way
    if _ECHOED_LABEL.match(instance.input) or _ECHOED_LABEL.match(instance.output) or (
            instruction and (same_after_normalising(instance.input, instruction)
                             or same_after_normalising(instance.output, instruction))):
        return "echoes_prompt_line"  # the prompt's own "Task: ..." line, or the instruction, as a field
    if instruction and repeats_text(instance.output, instruction):
        return "output_repeats_instruction"
    if instruction and needs_missing_input(instruction, instance.input):
        return "input_missing"  # "extract the place names from the paragraph", and no paragraph
    if is_unfinished(instance.input) or is_unfinished(instance.output):
        return "unfinished"  # a bare list marker at the end, a bracket never closed
    if is_repetition_loop(instance.input) or is_repetition_loop(instance.output):
        return "repetition_loop"
    if is_not_language(instance.output):
        return "not_language"
    return None


def copies_prompt(instance: Instance, prompt_examples: frozenset[tuple[str, str]], instruction: str = "") -> bool:
    """The instance repeats what the prompt shows: a worked example's first lines, or any of the
    prompt's own lines (12 characters or more), in its input or its output, anywhere in them; or the
    worked example's subject, which its task does not mention ("72 degrees Fahrenheit" as the answer to
    a logic puzzle, after a prompt whose example converts Celsius to Fahrenheit)."""
    if example_key(instance) in prompt_examples:
        return True
    lines = [bare_line(line) for part in (instance.input, instance.output) for line in part.splitlines()]
    if any(len(line) >= 12 and ("", line) in prompt_examples for line in lines):
        return True
    shown = {w for key in prompt_examples if key[0] for part in key for w in content_words(part)}
    borrowed = (content_words(instance.input) | content_words(instance.output)) & shown
    return len(borrowed - content_words(instruction)) >= 2


def clean_instances(instances: list[Instance], max_instances: int = 5,
                    prompt_examples: frozenset[tuple[str, str]] = frozenset(), instruction: str = ""
                    ) -> tuple[list[Instance], list[tuple[Instance, str]]]:
    """Drop invalid instances and those copied from the prompt (`prompt_examples`: fingerprints of what it
    shows, see self_instruct.prompt_examples); drop the whole task if one non-empty input has two
    different outputs (the task is ambiguous); remove duplicates; keep at most `max_instances`.
    Returns what is kept and every dropped instance with its reason."""
    dropped: list[tuple[Instance, str]] = []
    valid = []
    for instance in instances:
        copied = copies_prompt(instance, prompt_examples, instruction)
        reason = "copies_prompt_example" if copied else instance_reason_to_drop(instance, instruction)
        if reason:
            dropped.append((instance, reason))
        else:
            valid.append(instance)
    outputs_by_input: dict[str, str] = {}
    for instance in valid:
        if instance.input.strip() and outputs_by_input.setdefault(instance.input, instance.output) != instance.output:
            return [], dropped + [(i, "same_input_different_outputs") for i in valid]
    unique: list[Instance] = []
    for instance in valid:
        if instance in unique:
            dropped.append((instance, "duplicate_instance"))
        elif len(unique) >= max_instances:
            dropped.append((instance, "over_max_instances"))
        else:
            unique.append(instance)
    return unique, dropped


def count_reasons(dropped: list[tuple[Instance, str]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for _, reason in dropped:
        counts[reason] = counts.get(reason, 0) + 1
    return counts
