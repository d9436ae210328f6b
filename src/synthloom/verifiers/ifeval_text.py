"""The text measures IFEval's checks count with, behaving as IFEval's own (instructions_util.py), so a
verdict here is the verdict IFEval's evaluation gives: words are runs of \\w (its RegexpTokenizer),
sentences come from its rule-based splitter, capital words from NLTK's Treebank tokenizer (the one
`word_tokenize` runs; no data download is needed for it), languages from langdetect, seeded so that
the same text always gets the same language.
"""

from __future__ import annotations

import functools
import re
import threading

_WORD = re.compile(r"\w+")

# IFEval's sentence splitter: periods that do not end a sentence (titles, initials, decimals, web
# addresses, acronyms, ellipses) are masked, then the text is cut after . ? and !.
_ALPHABETS = "([A-Za-z])"
_PREFIXES = "(Mr|St|Mrs|Ms|Dr)[.]"
_SUFFIXES = "(Inc|Ltd|Jr|Sr|Co)"
_STARTERS = (r"(Mr|Mrs|Ms|Dr|Prof|Capt|Cpt|Lt|He\s|She\s|It\s|They\s|Their\s|Our\s|We\s|But\s|However\s|"
             r"That\s|This\s|Wherever)")
_ACRONYMS = "([A-Z][.][A-Z][.](?:[A-Z][.])?)"
_WEBSITES = "[.](com|net|org|io|gov|edu|me)"
_DIGITS = "([0-9])"
_MULTIPLE_DOTS = r"\.{2,}"


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def split_into_sentences(text: str) -> list[str]:
    text = " " + text + "  "
    text = text.replace("\n", " ")
    text = re.sub(_PREFIXES, "\\1<prd>", text)
    text = re.sub(_WEBSITES, "<prd>\\1", text)
    text = re.sub(_DIGITS + "[.]" + _DIGITS, "\\1<prd>\\2", text)
    text = re.sub(_MULTIPLE_DOTS, lambda match: "<prd>" * len(match.group(0)) + "<stop>", text)
    if "Ph.D" in text:
        text = text.replace("Ph.D.", "Ph<prd>D<prd>")
    text = re.sub(r"\s" + _ALPHABETS + "[.] ", " \\1<prd> ", text)
    text = re.sub(_ACRONYMS + " " + _STARTERS, "\\1<stop> \\2", text)
    text = re.sub(_ALPHABETS + "[.]" + _ALPHABETS + "[.]" + _ALPHABETS + "[.]", "\\1<prd>\\2<prd>\\3<prd>", text)
    text = re.sub(_ALPHABETS + "[.]" + _ALPHABETS + "[.]", "\\1<prd>\\2<prd>", text)
    text = re.sub(" " + _SUFFIXES + "[.] " + _STARTERS, " \\1<stop> \\2", text)
    text = re.sub(" " + _SUFFIXES + "[.]", " \\1<prd>", text)
    text = re.sub(" " + _ALPHABETS + "[.]", " \\1<prd>", text)
    text = text.replace(".\u201d", "\u201d.").replace('."', '".').replace('!"', '"!').replace('?"', '"?')
    text = text.replace(".", ".<stop>").replace("?", "?<stop>").replace("!", "!<stop>")
    text = text.replace("<prd>", ".")
    sentences = [s.strip() for s in text.split("<stop>")]
    if sentences and not sentences[-1]:
        sentences = sentences[:-1]
    return sentences


def count_sentences(text: str) -> int:
    return len(split_into_sentences(text))


@functools.lru_cache(maxsize=1)
def _treebank():
    from nltk.tokenize.destructive import NLTKWordTokenizer

    return NLTKWordTokenizer()


def word_tokens(text: str) -> list[str]:
    """NLTK's word tokens. `word_tokenize` first splits sentences with punkt (a data download); that
    only moves a sentence's final period into a token of its own, which changes no token's case."""
    return _treebank().tokenize(text)


class LanguageUnknown(ValueError):
    """langdetect found no language in the text (no letters): IFEval counts such a check as followed."""


_detect_lock = threading.Lock()  # langdetect's factory is module state, loaded once


@functools.lru_cache(maxsize=4096)
def detect_language(text: str) -> str:
    """langdetect's ISO 639-1 code (zh-cn / zh-tw for Chinese), the same for the same text every time."""
    from langdetect import DetectorFactory, detector_factory
    from langdetect.lang_detect_exception import LangDetectException

    with _detect_lock:
        DetectorFactory.seed = 0  # langdetect samples at random: seeded, one text has one answer
        if detector_factory._factory is None:
            detector_factory.init_factory()
        factory = detector_factory._factory
    try:
        detector = factory.create()
        detector.append(text)
        return str(detector.detect())
    except LangDetectException as exc:
        raise LanguageUnknown(str(exc)) from exc
