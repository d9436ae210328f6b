"""What a reader rejects at a glance in generated text, whatever the technique: a loop, gibberish, a
task still carrying its list number, an answer that only repeats its input. Each check is a predicate;
the filters that use them count every drop by reason."""

from __future__ import annotations

import re
import string
import zlib
from collections import Counter

from synthloom.techniques.evol_filters import stop_words

_NUMBERING = re.compile(r"^\s*(?:(?:task|instruction|question|prompt|example|problem)\s*#?\s*\d+\s*[:.)\-]?"
                        r"|#?\d+\s*[:.)\-])\s*", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_ORDINARY_MARKS = set(" ,.;:!?'\"()[]-+*/=%…–—“”‘’|#_&•")  # punctuation prose, numbers, tables and lists use
_LATIN_WORD = re.compile(r"^[a-zà-ÿ']+$")
_LIST_LINE = re.compile(r"^\s*(?:[-*•]|\d+[.)])")
_CODE_HINTS = re.compile(r"[{};=<>]|\bdef |\breturn\b|\bimport |\bSELECT\b|</?\w+>")


def strip_numbering(text: str) -> str:
    """"Task 1: Sort the list." -> "Sort the list."; a list number a model left on a task."""
    return _NUMBERING.sub("", text, count=1).strip()


def normalized(text: str) -> str:
    """Lower case, no punctuation or quotes, single spaces: for "the same text" comparisons."""
    return " ".join(text.lower().translate(str.maketrans("", "", string.punctuation + "“”‘’«»")).split())


def is_repetition_loop(text: str) -> bool:
    """A generation stuck repeating itself: one line three times or more, or a long text that
    compresses to a fraction of its size (ordinary prose stays above ~0.35)."""
    lines = [line.strip().lower() for line in text.splitlines() if len(line.strip()) >= 4]
    repeats = Counter(lines).most_common(1)[0][1] if lines else 0
    if repeats >= 3 and repeats >= len(lines) / 3:  # a refrain in a longer text (a knock-knock joke) is not
        return True
    if re.search(r"(.{12,}?)\1{3,}", text, re.DOTALL):
        return True
    data = text.encode()
    return len(data) >= 300 and len(zlib.compress(data, 9)) / len(data) < 0.2


def looks_like_code(text: str) -> bool:
    return len(_CODE_HINTS.findall(text)) >= 2


def is_not_language(text: str, min_words: int = 6) -> bool:
    """Word salad or keyboard noise. Judged only on texts of some length that are not code or data: real
    sentences use function words ("the", "of", "is") and their words have vowels."""
    if looks_like_code(text):
        return False
    visible = [ch for ch in text if not ch.isspace()]
    noise = sum(not ch.isalnum() and ch not in _ORDINARY_MARKS for ch in visible)
    if len(visible) >= 12 and noise / len(visible) >= 0.3:  # keyboard noise: "@@ ## $$ ^^ ~~"
        return True
    words = _WORD.findall(text.lower())
    if len(words) < min_words:
        return False
    latin = [w for w in words if _LATIN_WORD.match(w)]
    if len(latin) >= len(words) / 2:  # vowels say nothing about another script
        vowelled = sum(bool(re.search(r"[aeiouyàâäéèêëîïôöùûüáíóú]", w)) for w in latin) / len(latin)
        if vowelled < 0.75:
            return True
    function_words = sum(w in stop_words() for w in words) / len(words)
    return len(words) >= 10 and not _is_list(text, len(words)) and function_words < 0.05


def _is_list(text: str, words: int) -> bool:
    """Items rather than sentences (a shopping list, "Monday: soup, bread"): prose's function words
    are not expected there."""
    lines = [line for line in text.splitlines() if line.strip()]
    listed = sum(bool(_LIST_LINE.match(line)) for line in lines)
    return listed >= len(lines) / 2 or text.count(",") + text.count(":") >= words / 5


def repeats_text(output: str, source: str, min_words: int = 3, extra_words: int = 3) -> bool:
    """The output is most of the source, or the source with a word or three added: an instance that
    answers its instruction by restating it. (A short piece is not: a classification task names its
    labels, "needs a longer answer", in its instruction.)"""
    said, given = normalized(output), normalized(source)
    if not said or not given or len(said.split()) < max(min_words, len(given.split()) / 2):
        return False
    return f" {said} " in f" {given} " or (f" {given} " in f" {said} "
                                           and len(said.split()) - len(given.split()) <= extra_words)


_DANGLING = re.compile(r"(?:^|\n)\s*(?:\d+[.)]|[-*•])\s*$")  # a list item begun and never written
_PAIRS = (("(", ")"), ("[", "]"), ("{", "}"))


def is_unfinished(text: str) -> bool:
    """A generation that stopped mid-structure: a bare list marker at its end, a code block or an
    opening bracket never closed (a list or object cut off)."""
    if _DANGLING.search(text) or text.count("```") % 2:  # or a code block never closed
        return True
    return any(text.count(opening) > text.count(closing) for opening, closing in _PAIRS)


# An instruction pointing at material it does not contain: "the given sentence", "the paragraph below".
_POINTS_AT_INPUT = re.compile(
    r"\b(?:(?:the|this|these|following)\s+(?:given|following|above|below|provided)\b"
    r"|(?:the|this|these)\s+(?:(?:\w+\s+)?(?:paragraph|passage|sentence|sentences|text|article|list|table|"
    r"email|review|document|essay|story|poem|tweet|code|snippet|dialogue|conversation|statement|word|words|"
    r"numbers|data|input)s?)(?=\s*(?:[.,;?!]|$)|\s+(?:and|into|to|in|from|as|by|with|so|without|below|above|"
    r"that|which|using|for|is|are|while|if)\b))", re.IGNORECASE)  # the noun itself, not "data scientist"
_CARRIES_MATERIAL = re.compile(r"[:\"“'‘]\s*\S")  # a quotation or a colon followed by the material itself


def needs_missing_input(instruction: str, given_input: str) -> bool:
    """The instruction refers to an input ("extract the place names from the paragraph") and there is none,
    neither as the instance's input nor quoted in the instruction itself."""
    if given_input.strip() or _CARRIES_MATERIAL.search(instruction):
        return False
    return bool(_POINTS_AT_INPUT.search(instruction))


def same_after_normalising(a: str, b: str) -> bool:
    return bool(normalized(a)) and normalized(a) == normalized(b)


def nearly_same(a: str, b: str, threshold: float = 0.9) -> bool:
    """The same text but for a word or two (difflib's ratio over normalised words)."""
    from difflib import SequenceMatcher

    left, right = normalized(a).split(), normalized(b).split()
    return bool(left) and SequenceMatcher(None, left, right).ratio() >= threshold


def content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in stop_words() and len(w) > 2}


def still_answers(prompt: str, original: str, revision: str) -> bool:
    """Whether a revision is still about its prompt: it must keep at least a third of the prompt's
    content words that the original used (an original that used none gives no evidence either way)."""
    asked = content_words(prompt)
    in_original = asked & content_words(original)
    if len(in_original) < 2:
        return True
    return len(in_original & content_words(revision)) >= max(1, len(in_original) / 3)
