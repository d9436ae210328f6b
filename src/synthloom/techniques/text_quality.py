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
_ORDINARY_MARKS = set(" ,.;:!?'\"()[]-+*/=%…–—“”‘’")  # punctuation prose and numbers use
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
    if lines and Counter(lines).most_common(1)[0][1] >= 3:
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
    vowelled = sum(bool(re.search(r"[aeiouyàâäéèêëîïôöùûüáíóú]", w)) for w in words) / len(words)
    function_words = sum(w in stop_words() for w in words) / len(words)
    return vowelled < 0.75 or (len(words) >= 10 and function_words < 0.05)


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
