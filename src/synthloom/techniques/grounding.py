"""Is an answer supported by the text it cites? The cheap half: words and numbers.

`lexical_support` checks that every number in the answer appears in the cited text (a changed figure is
the commonest unsupported answer, and a judge easily misses it), that every name does (a capitalised
word inside a sentence: a swapped person, place or month), and that enough of the answer's content
words do (light stemming, stop words left out). It can only reject: an answer made of the passage's
words may still say the opposite of it ("not"), which is the entailment judge's job.

`find_support` locates the supporting text: the model's quoted evidence when it is in the passage
(exactly, or nearly: rapidfuzz's best partial alignment), else the sentence(s) sharing most content
words with the answer. Offsets are the passage's own; the step adds the chunk's start.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

MIN_CONTENT_OVERLAP = 0.6  # of the answer's content words, found in the cited text
MIN_QUOTE_SIMILARITY = 90.0  # rapidfuzz partial ratio for a quoted evidence to count as found

STOP_WORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each either etc few for from further had has
have having he her here hers herself him himself his how i if in into is it its itself just let me might
more most must my myself neither no nor not now of off on once only or other ought our ours ourselves out
over own per same shall she should so some such than that the their theirs them themselves then there these
they this those though through to too under until up upon us very via was we were what when where which
while who whom whose why will with within without would yes yet you your yours yourself yourselves
according answer based described document mentioned passage question says stated text
""".split())

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_NUMBER = re.compile(r"(?<![\w.])[-+]?\d[\d,]*(?:\.\d+)?%?")
_NUMBER_WORDS = {"zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
                 "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12"}


def stem(word: str) -> str:
    """A light suffix strip so that "harbors"/"harbor", "handled"/"handles" meet; not a real stemmer."""
    word = word.lower().replace("’", "'")
    for suffix in ("'s", "ingly", "edly", "ing", "ies", "ied", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
    return word


def content_words(text: str) -> list[str]:
    return [stem(w) for w in _WORD.findall(text) if w.lower() not in STOP_WORDS and len(w) > 1]


def numbers(text: str) -> set[str]:
    """Numbers as written without thousands separators or a trailing zero ("1,200" -> "1200", "3.50" ->
    "3.5"); number words up to twelve count as their digits."""
    found = set()
    for raw in _NUMBER.findall(text):
        value = raw.replace(",", "").rstrip("%").lstrip("+")
        if "." in value:
            value = value.rstrip("0").rstrip(".")
        if value and value not in ("-",):
            found.add(value)
    return found


def _numbers_with_words(text: str) -> set[str]:
    words = {_NUMBER_WORDS[w.lower()] for w in _WORD.findall(text) if w.lower() in _NUMBER_WORDS}
    return numbers(text) | words


@dataclass(frozen=True)
class LexicalCheck:
    supported: bool
    overlap: float  # share of the answer's content words found in the cited text
    missing_numbers: tuple[str, ...]
    missing_words: tuple[str, ...]
    missing_names: tuple[str, ...] = ()

    def reason(self) -> str:
        if self.missing_numbers:
            return f"numbers not in the cited text: {', '.join(self.missing_numbers)}"
        if self.missing_names:
            return f"names not in the cited text: {', '.join(self.missing_names)}"
        return (f"only {self.overlap:.0%} of the answer's content words are in the cited text "
                f"(missing: {', '.join(self.missing_words[:8])})")


_NAME = re.compile(r"(?<=[^.!?:;\s\"'(]\s)[A-Z][^\W\d_]+")


def names(text: str) -> list[str]:
    """Capitalised words that stand inside a sentence (not first): names of people, places, months."""
    return [m.group(0) for m in _NAME.finditer(text) if m.group(0).lower() not in STOP_WORDS]


def lexical_support(answer: str, cited: str, min_overlap: float = MIN_CONTENT_OVERLAP) -> LexicalCheck:
    cited_numbers = _numbers_with_words(cited)
    cited_lower = {w.lower() for w in _WORD.findall(cited)}
    missing_names = tuple(dict.fromkeys(n for n in names(answer) if n.lower() not in cited_lower))
    missing_numbers = tuple(sorted(n for n in numbers(answer) if n not in cited_numbers))
    words = content_words(answer)
    cited_words = set(content_words(cited))
    missing = [w for w in dict.fromkeys(words) if w not in cited_words]
    overlap = 1.0 if not words else sum(w in cited_words for w in words) / len(words)
    return LexicalCheck(not missing_numbers and not missing_names and overlap >= min_overlap, overlap,
                        missing_numbers, tuple(missing), missing_names)


_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")


def find_support(evidence: str, answer: str, passage: str) -> tuple[int, int, str] | None:
    """(start, end, how) of the supporting text in `passage`: "quote" (the evidence, exactly),
    "near_quote" (nearly), "overlap" (the sentences sharing most content words with the answer);
    None when nothing in the passage shares a content word with it."""
    quote = evidence.strip().strip("\"'“”‘’").strip()
    if len(quote) >= 8:
        at = passage.find(quote)
        if at < 0:
            lowered = passage.lower().find(quote.lower())
            at = lowered
        if at >= 0:
            return at, at + len(quote), "quote"
        alignment = fuzz.partial_ratio_alignment(quote.lower(), passage.lower())
        if alignment is not None and alignment.score >= MIN_QUOTE_SIMILARITY:
            return alignment.dest_start, alignment.dest_end, "near_quote"
    wanted = set(content_words(answer)) | numbers(answer)
    if not wanted:
        return None
    scored = []
    for match in _SENTENCE.finditer(passage):
        sentence = match.group(0)
        words = set(content_words(sentence)) | numbers(sentence)
        scored.append((len(words & wanted), match.start(), match.end()))
    best = max((s for s in scored), default=(0, 0, 0))
    if best[0] == 0:
        return None
    start = best[1] + (len(passage[best[1]:best[2]]) - len(passage[best[1]:best[2]].lstrip()))
    return start, best[2], "overlap"
