"""Reading Self-Instruct's model outputs: numbered task lists, Yes/No verdicts, instances."""

from __future__ import annotations

import random
import re

from synthloom.models.logprobs import choice_from_logprobs
from synthloom.techniques.instruction_filters import Instance

_NUMBERED = re.compile(r"^\s*\d+\s*[.)]\s*(.+?)\s*$", re.MULTILINE)
_EXAMPLE = re.compile(r"Example\s?\d*\s*[.:]?")  # case-sensitive, as in the paper
_OUTPUT = re.compile(r"Output\s*\d*\s*:", re.IGNORECASE)
_INPUT = re.compile(r"Input\s*\d*\s*:", re.IGNORECASE)
_CLASS_LABEL = re.compile(r"Class\s*label\s*:", re.IGNORECASE)
_LEADING_NUMBER = re.compile(r"^(?:\s*\d+\s*[.)]\s*)+")  # "9. 2. Do this" is still task "Do this"
_NO_INPUT = {"", "none", "<none>", "nothing", "<nothing>", "n/a", "-", "<input, or nothing>", "(none)"}


def compose_examples(rng: random.Random, seeds: list[str], generated: list[str], total: int = 8,
                     from_generated: int = 2) -> list[tuple[str, int]]:
    """The in-context examples for one generation prompt, as the paper builds them: `from_generated`
    tasks from those generated so far (fewer while there are fewer), the rest from the human seeds,
    shuffled. Returns (source, index) pairs, source being "seed" or "generated"."""
    picked = [("generated", i) for i in rng.sample(range(len(generated)), min(from_generated, len(generated)))]
    picked += [("seed", i) for i in rng.sample(range(len(seeds)), min(total - len(picked), len(seeds)))]
    rng.shuffle(picked)
    return picked


def parse_numbered_tasks(text: str, truncated: bool) -> tuple[list[str], int]:
    """Tasks from a numbered list. When the generation hit the length limit its last task may be cut
    off, so it is dropped; the second value counts such drops (0 or 1)."""
    tasks = [_LEADING_NUMBER.sub("", re.sub(r"^[*\"'`]+|[*\"'`]+$", "", m)).strip() for m in _NUMBERED.findall(text)]
    tasks = [t for t in tasks if t]
    if truncated and tasks:
        return tasks[:-1], 1
    return tasks, 0


def parse_yes_no(text: str, logprobs: list[dict] | None = None) -> bool | None:
    """A Yes/No verdict: from the logprobs of the first answer tokens when there are any (robust for
    small models that ramble), otherwise the first yes or no in the text."""
    verdict = choice_from_logprobs(logprobs, {"yes": True, "no": False})
    if verdict is not None:
        return verdict
    match = re.search(r"\b(yes|no)\b", text.lower())
    return None if match is None else match.group(1) == "yes"


def _clean(value: str) -> str:
    value = value.strip()
    return "" if value.lower() in _NO_INPUT else value


def _input_output(text: str) -> Instance:
    """One example: what precedes "Output:" is the input (its "Input:" label removed), what follows is
    the output, up to a further "Input:" (the model went on to another example without numbering it)."""
    if _OUTPUT.search(text):
        before, after = _OUTPUT.split(text, maxsplit=1)
    else:
        before, after = "", text
    after = _INPUT.split(after, maxsplit=1)[0]
    before = _INPUT.sub("", before, count=1)
    return Instance(_clean(before), after.strip())


def parse_input_first(text: str) -> list[Instance]:
    """Instances of an ordinary task, parsed as the paper's code does: split on "Example N"; without
    such headings, a single "Output:" pair; with neither, nothing."""
    text = text.strip()
    if _EXAMPLE.search(text):
        return [_input_output(part) for part in _EXAMPLE.split(text) if part.strip()]
    if _OUTPUT.search(text):
        return [_input_output(text)]
    return []


def parse_output_first(text: str) -> list[Instance]:
    """Classification instances, written label first: each "Class label:" starts one; its first line is
    the label (the output) and the rest, without an "Input:" label, is the input."""
    instances = []
    for part in _CLASS_LABEL.split(text)[1:]:
        label, _, rest = part.strip().partition("\n")
        instances.append(Instance(_clean(_INPUT.sub("", rest.strip(), count=1)), label.strip()))
    return instances
