"""Finding the final answer of a worked solution, whole, or saying that there is none or more than one.

Final-answer statements, in the order they are written: every \\boxed{} (or \\fbox{}), a GSM8K
"#### x" line, "the answer is x" / "Final answer: x" / "Answer: x", and corrections ("actually it is
x"). The last statement is the answer; an earlier one that states a different value counts as a second
answer unless a correction ("wait", "actually", "I made a mistake", ...) stands between them. Several
boxes with no correction between them are read together (a set of solutions boxed one by one).
Statements inside parentheses or in a hypothetical ("if ..., the answer would be 60") are commentary.

An answer runs to its real sentence end (a full stop followed by a space, whatever opens the next
sentence; not a decimal point or "p.m."), or to the end of its math span, so `(2, 3]`, `x = 1 or x = 2`
and a matrix stay whole.

With no statement (lenient format only): the last bold value of the last paragraph, a reply that is
only an answer, a short last line, or the one answer-like value in the last sentence. Anything else is
`none`: the caller rejects it as unparseable rather than guessing at a number inside the reply.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from synthloom.verifiers.math_signals import CONCLUDES, JUSTIFIES, REJECTS, names_other_value, offers_help
from synthloom.verifiers.math_words import number_from_words

_STATEMENT = re.compile(
    r"(?P<lead>\b(?:final\s+answer|final\s+(?:value|result)|answer\s+\d{1,2}(?=\s*:)|(?:correct\s+)?answer)(?:\s+to\s+(?:the|this)\s+(?:question|problem))?)(?:,\s*(?:then|therefore|thus|so|again|finally),)?"
    r"(?:\s*\((?:simplified|exact|reduced|in\s+lowest\s+terms|rounded)\))?\s*(?:is|:|=|[—–]|equals|should\s+be|will\s+be|would\s+be"
    r"|would\s+have\s+been|could\s+be|might\s+be|must\s+be|(?=\s*(?:\\\[|\$)))\s*:?\s*"
    r"|(?P<fix>\b(?:actually|correction|no,?\s+wait|wait)[,:]?\s+(?:it|the\s+answer|the\s+result"
    r"|this|that|the\s+total|the\s+correct\s+value)?\s*(?:is|=|equals|should\s+be|must\s+be)\s+)", re.IGNORECASE)
_ANSWER_AFTER = re.compile(r"(?:^|(?<=[.!?:])\s+|\n)(?P<a>[^.!?\n]{1,120}?)\s+(?:is|are)\s+(?:the|our|my)\s+(?:final\s+)?"
                           r"(?:answers?|results?|solutions?)\b(?!\s+(?:to|of|for|is|would|was))", re.I)
# "This gives 620 as the answer": the value named before "as the answer" is stated.
_AS_THE_ANSWER = re.compile(r"\b(?:gives?|get|got|obtain(?:ed)?|have|reach(?:ed)?)\s+(?P<a>[^.!?\n]{1,80}?)"
                            r"\s+as\s+(?:the|our|my)\s+(?:final\s+)?answer\b", re.I)
_POINTS_BACK = re.compile(r"(?:(?:and|so)\s+)?(?:that|this|which|it|these|those)", re.I)
HYPOTHETICAL = re.compile(r"\b(?:would|could|might)\b|\bif\b|\bhad\b|\bwere\b|\bsuppos(?:e|ing)\b|\bunless\b"
                          r"|\b(?:you|we|i|they|it)'d\b", re.I)
CORRECTION = re.compile(
    r"\b(?:wait|actually|correction|oops|mistake|error|incorrect|wrong|re-?calculat\w*|re-?check\w*|recount\w*"
    r"|re-?do\w*|on\s+second\s+thought|let\s+me\s+(?:fix|correct|redo|re-?check)|scratch\s+that|not\s+right|slip"
    r"|mis-?(?:read|copied|cop(?:y|ied)|count\w*|plac\w*|typed|calculat\w*|wrote|stated|add\w*|multipl\w*|subtract\w*)"
    r"|edit(?=\s*:))\b", re.I)  # "Edit: ..." opens a correction of what was posted
_MATH_SPAN = re.compile(r"\$\$(.+?)\$\$|(?<!\\)\$(.+?)(?<!\\)\$|\\\((.+?)\\\)|\\\[(.+?)\\\]", re.DOTALL)
_BOLD = re.compile(r"\*\*(.+?)\*\*|__(.+?)__", re.DOTALL)
_ABBREVIATION = re.compile(r"\b([ap])\.\s?m\.", re.I)  # 3:45 p.m. is not a sentence end...
_CAPITAL_NEXT = re.compile(r"\s+[A-Z]")  # ... unless a new sentence follows it
_POWER = re.compile(r"(?<=[\w)])\*\*(?=[\w(])")
# Where a statement's answer stops: a full stop then a space, a semicolon, a new line, or prose after a comma.
_ANSWER_END = re.compile(r"(?<!\\)\.(?=\s|$)|;(?!\s*[a-zA-Z]\s*=)|\n|,\s+(?=(?:which|because|since|so|as|but|though|although|and\s+(?:so|then|that|this|we|she|he|they|it))\b)"
                         r"|,?\s+(?=(?:because|since|which|as\s+(?:we|it|the)|so\s+(?:we|she|he|they|it)|when|per\s+the)\b)"
                         r"|\s+\((?=[^)]*(?<![\\A-Za-z])(?!inf)[A-Za-z]{3,})|\s+(?=(?:Note|NB|Remember|Check)\b)"
                         r"|,?\s+(?=(?:not|rather\s+than|instead\s+of)\s)")  # "632, not 631": 631 is set aside
_LEADING_WORDS = re.compile(r"^(?:(?:so|thus|hence|therefore|then|finally|overall|in\s+total|altogether|that\s+is"
                            r"|i\.e\.|actually|now|just|indeed|really|clearly|simply|to\s+summari[sz]e|in\s+summary"
                            r"|in\s+conclusion|in\s+short)[,:]?\s+)+", re.I)
# An answer-like value in prose: a math span, a bracketed structure with a number, or a number (with its sign,
# fraction, scientific notation, percent or scale).
_VALUE = re.compile(
    r"\$\$.+?\$\$|(?<!\\)\$(?!\d)[^$]+?(?<!\\)\$|(?<!\\)\$\d[^$]*?(?<![\s\\])\$|\\\(.+?\\\)|\\\[.+?\\\]"
    r"|\[\s*\[[^\[\]]*\](?:\s*,\s*\[[^\[\]]*\])+\s*\]"  # [[1, 2], [3, 4]]
    r"|[(\[{][^()\[\]{}]*\d[^()\[\]{}]*[)\]}]|\b\d{1,2}:\d{2}(?:\s*(?:\\text\{\s*)?[aApP]\.?[mM]\b\.?\}?)?"
    r"|[-−±]?(?:\\?\$|[£€¥])?\d[\d,]*(?:\.\d+)?(?:\s+\d+/\d+|/\d+)?(?:\s*(?:\\times|×|x)\s*10\^\{?[-−]?\d+\}?|e[-−+]?\d+)?"
    r"(?:\s*\*?\s*(?:\\pi\b|π|pi\b))?"
    r"(?:\s*(?:\\?%|percent))?(?:\s*\\text\{\s*(?:thousand|million|billion)\s*\}|\s+(?:thousand|million|billion))?", re.DOTALL)
_TABLE_ANSWER = re.compile(r"^[ \t]*\|[ \t]*(?:final\s+)?answer[ \t]*:?[ \t]*\|[ \t]*(?P<a>[^|\n]*?)[ \t]*\|?[ \t]*$", re.I | re.M)
# A second answer offered beside the first: "Alternatively, the answer could be 8", "My other result, 9, is also valid".
_ALTERNATIVE = re.compile(
    r"[^.!?\n]*\balternatively\b[^.!?\n]*?\b(?:answer|result|value)\s+(?:could|might|may|can)\s+(?:also\s+)?be\s+(?P<a>[^\n]+?)"
    r"(?=\.(?:\s|$)|\n|$)|\b(?:my\s+)?(?:other|another|second|alternative)\s+(?:result|answer|solution|value)s?\s*,?\s*"
    r"(?P<b>[^.!?\n]*?),?\s+(?:is|are)\s+also\s+(?:an?\s+)?(?:valid|correct|possible|acceptable)\b[^.!?\n]*[.!?]?"
    r"|(?P<c>\$[^$\n]+\$|(?<!\S)[-\d][^\s,]*),?\s+is\s+also\s+(?:an?\s+)?(?:valid|correct|possible|acceptable)\b[^.!?\n]*[.!?]?",
    re.I)
# A sentence that concludes: what it states, just before a different final answer, is a second answer.
_CONCLUDING = re.compile(r"^(?:so|therefore|thus|hence|this\s+gives|that\s+gives|which\s+gives|finally|in\s+total|altogether"
                         r"|overall)\b", re.I)
# "In summary, the product is 12." states the final answer as much as "Final answer: 12" does.
_SUMMARY_STATEMENT = re.compile(r"(?:^|(?<=[.!?])\s+|\n)\s*(?:so,?\s+)?(?:in\s+summary|in\s+conclusion|to\s+summari[sz]e|to\s+sum\s+up"
                                r"|putting\s+it\s+(?:all\s+)?together)[,:]?\s+"
                                r"(?P<s>\\\[.+?\\\]|\$\$.+?\$\$|[^\n]*?)(?=(?<!\\)\.(?:\s|$)|\n|$)", re.I | re.DOTALL)
# Words that withdraw the answer just given ("Hmm, actually that isn't right"); "let me re-check" does not.
_WITHDRAWN = re.compile(r"\b(?:wait|actually|correction|oops|scratch\s+that|on\s+second\s+thought|i\s+misread|i\s+mixed\s+up"
                        r"|hmm,?\s+no\b|re-?examining|hold\s+on|corrected(?=\s*:)"
                        r"|(?:i|we)\s+made\s+an?\s+(?:\w+\s+)?(?:mistake|error|slip)"
                        r"|(?:that|this|it)(?:'s|\s+is|\s+was)\s+(?:wrong|incorrect|not\s+right)|isn'?t\s+right"
                        r"|(?:previous|last|above|earlier)\s+(?:result|answer|value)\s+(?:is|was)\s+(?:wrong|incorrect|not\s+right)"
                        r"|let\s+me\s+fix\s+(?:an?\s+|my\s+|that\s+)?(?:error|mistake|slip))\b", re.I)
_SUMMARY = re.compile(r"\s*(?:so,?\s+)?(?:to\s+summari[sz]e|in\s+summary|in\s+conclusion|in\s+short)\b", re.I)
# Doubt about which of several results is right: the reply has not committed, whatever values it names.
_DOUBT_WHICH = re.compile(r"\bnot\s+(?:\w+\s+)?(?:sure|certain)\s+which\b|\b(?:can'?t|cannot)\s+decide\b"
                          r"|\bwhich\s+(?:of\s+(?:these|the\s+two)|one)\b[^.!?\n]*\b(?:right|correct)\b"
                          r"|\bboth\s+(?:methods|approaches|answers|results|values)\s+(?:seem|are|look)\s+(?:\w+\s+)?(?:valid|correct|right|plausible)\b"
                          r"|\bby\s+the\s+first\b[^.!?\n]*\bby\s+the\s+second\b", re.I)
# Doubt after the answer, worded without a value: "I'm not confident in either value", "one of them has an
# error, but I can't find it". Sentences addressed to the reader ("if you're unsure") are not the reply's doubt.
_PURE_DOUBT = re.compile(r"\bnot\s+(?:\w+\s+)?(?:sure|certain|confident)\b|\b(?:unsure|uncertain|doubtful|unconvinced)\b", re.I)
_DOUBT = re.compile(r"\b(?:can'?t|cannot|couldn'?t|could\s+not)\s+(?:find|spot|tell|decide|see|work\s+out)\s+(?:which|where|what|why|it)\b"
                    r"|\b(?:doesn'?t|does\s+not|don'?t|do\s+not|didn'?t|did\s+not)\s+(?:match|agree)\b|\bdisagree|\binconsisten|\bcontradict"
                    r"|\b(?:two|several)\s+(?:different\s+)?(?:results|answers|values)\b|\b(?:just\s+as|equally)\s+(?:plausible|likely|valid|possible)\b"
                    r"|\bdepending\s+on\s+(?:how|whether|which)\b|\bone\s+of\s+(?:them|these|the\s+two)\s+(?:has|is|must\s+be|contains)\b", re.I)
_ADDRESSES_READER = re.compile(r"\b(?:you|your)\b", re.I)


def _doubts(sentence: str, answer: str = "") -> bool:
    """Doubt about which result is right; plain doubt ("not sure") only beside another value (split-9 convention)."""
    doubt = _DOUBT.search(sentence) or _PURE_DOUBT.search(sentence) and names_other_value(sentence, answer)
    return bool(doubt) and not _CLOSING.match(sentence) and not _ADDRESSES_READER.search(sentence)


# A later sentence that reports a result ("recomputing, I get (2, 3)"); one that restates what was given does not.
_REPORTS_RESULT = re.compile(r"\b(?:i|we)\s+(?:get|got|obtain(?:ed)?|find|found|arrive\s+at|end\s+up\s+with)\b|\bgives?\b"
                             r"|\b(?:answer|result|value|solution)s?\s+(?:is|are|was|were|=)|\bcomes?\s+out\s+(?:to|as)\b", re.I)
_CHECKS_RESULT = re.compile(r"\b(?:as\s+a\s+(?:check|sanity\s+check)|check(?:ing)?|verif(?:y|ying|ication)|to\s+confirm"
                            r"|substitut\w*\s+(?:\w+\s+)?back|plugging\s+(?:\w+\s+)?(?:back\s+)?in)\b", re.I)
_RESTATES_GIVEN = re.compile(r"\b(?:given|question|problem|stated|recap|based\s+on|asked|same\s+(?:value|answer|result))\b", re.I)
# Short first lines that are not an answer given up front.
_NOT_AN_ANSWER = {"sure", "okay", "ok", "solution", "answer", "explanation", "hello", "hi", "step", "steps", "here",
                  "reasoning", "working", "thinking", "problem", "question", "given", "analysis", "approach", "method",
                  "great", "alright", "let's", "lets", "certainly", "of", "course", "absolutely", "work", "calculation"}
_COPULA = re.compile(r"\b(?:is|are|was|were|equals|gives|get|gets|becomes|makes|(?:simplifies|comes|works\s+out|reduces)\s+to)\b",
                     re.I)
SHORT_LINE = 60  # characters: a last line this short, with math and at most 3 words, is the answer


@dataclass(frozen=True)
class FinalAnswer:
    text: str | None  # the answer, whole; None when the reply states none
    how: str  # boxed, hashes, statement, bold, short_reply, last_line, last_sentence, none
    earlier: tuple[str, ...] = ()  # earlier statements no correction withdrew: a different value is ambiguous
    together: tuple[str, ...] = ()  # several boxes with no correction between them, in order
    hedged: bool = False  # "12 or maybe 15": the reply does not commit to one answer
    notes: list[str] = field(default_factory=list, compare=False)


@dataclass(frozen=True)
class _Statement:
    start: int
    end: int
    answer: str
    how: str
    hedged: bool = False


def balanced(text: str, start: int) -> int | None:
    """The index just past the group whose opening brace is at `start`."""
    depth = 0
    for i in range(start, len(text)):
        depth += {"{": 1, "}": -1}.get(text[i], 0)
        if depth == 0:
            return i + 1
    return None


def _boxes(text: str) -> list[_Statement]:
    found = []
    for match in re.finditer(r"\\(?:boxed|fbox)\s*\{", text):
        end = balanced(text, match.end() - 1)
        if end is not None:
            found.append(_Statement(match.start(), end, text[match.end():end - 1].strip(), "boxed"))
    return found


def boxed_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every \\boxed{} or \\fbox{} in `text`."""
    return [(box.start, box.end) for box in _boxes(text)]


def _aside(text: str, position: int) -> bool:
    """Whether `position` is inside an unclosed parenthesis of its paragraph: an aside."""
    paragraph = text.rfind("\n\n", 0, position) + 1
    before = re.sub(r"\$[^$]*\$", "", text[paragraph:position])
    return before.count("(") > before.count(")")


def _sentence_start(text: str, position: int) -> int:
    ends = [m.end() for m in re.finditer(r"(?<!\\)\.\s|\n|[!?]\s", text[:position])]
    return ends[-1] if ends else 0


def answer_span(tail: str) -> str:
    """The answer at the start of `tail`: a math span or box whole, else up to its sentence's end."""
    tail = tail.lstrip(" :*=—–")
    tail = re.sub(r"^(?:#{1,6}[ \t]*|>[ \t]+)", "", tail).lstrip(" :*")  # "Answer:\n#### 12", "> $x > 0$"
    tail = _LEADING_WORDS.sub("", tail)
    if tail.startswith(("\\boxed", "\\fbox")) and (brace := tail.find("{")) >= 0:
        end = balanced(tail, brace)
        if end is not None:
            return tail[brace + 1:end - 1].strip()
    span = _MATH_SPAN.match(tail)
    if span and not re.match(r"\$\d[\d,.]*\s", tail):  # "$18 per day" is money, not a math span
        inner = next(g for g in span.groups() if g is not None).strip()
        rest = tail[span.end():]
        unit = re.match(r"[ \t]*(?!i\.e\.|e\.g\.)([a-z][A-Za-z ]{0,20}?)(?=[.,;]|\s*$)", rest)  # "cm", not "Hmm" or "For comparison"
        return inner + (" " + unit.group(1) if unit and not re.search(r"\b(?:or|and)\b", unit.group(1)) else "")
    stop = _ANSWER_END.search(tail)
    answer = tail[: stop.start()] if stop else tail
    run_on = re.search(r"(?<=\S)\s+(?![AaPp][Mm]\b)[A-Z][a-z]+\b", answer)  # not "7:45 Pm" (p.m.)
    if run_on and re.search(r"\d", answer[:run_on.start()]):  # "x = 4 Verifying: ...": a full stop left out
        answer = answer[:run_on.start()]
    return answer.strip().rstrip(".;,:!").strip().strip("*").strip()


def _statements(text: str) -> list[_Statement]:
    found = _boxes(text)
    for line in re.finditer(r"^\s*####\s*(.*)$", text, re.MULTILINE):
        stated = line.group(1).strip().rstrip(".")  # "#### 9.13 Hope this helps!" states 9.13
        found.append(_Statement(line.start(), line.end(), answer_span(stated) or stated, "hashes"))
    for summary in _SUMMARY_STATEMENT.finditer(text):
        stated = summary.group("s").strip()
        answer = (_one_value(stated) if _prose_words(stated) else None) or (answer_span(stated) if not _prose_words(stated) else None)
        named = re.split(r"\b(?:is|are|be|was)\s+", stated)
        if not answer and len(named) > 1 and len(named[-1].split()) <= 3:  # "In summary, it will be Sunday."
            answer = named[-1].strip()
        if answer and not _aside(text, summary.start("s")) and not HYPOTHETICAL.search(stated):
            found.append(_Statement(summary.start("s"), summary.end("s"), answer, "summary", _hedged(stated, answer)))
    for row in _TABLE_ANSWER.finditer(text):  # | **Answer** | 9 3/4 |
        if answer := answer_span(row.group("a")):
            found.append(_Statement(row.start(), row.end(), answer, "table"))
    position = 0
    while (match := _STATEMENT.search(text, position)) is not None:
        position = match.start() + 1  # overlapping: "the answer is 7. Wait, actually it is 8"
        if _aside(text, match.start()):
            continue
        clause = text[_sentence_start(text, match.start()):match.end()]
        if match.group("lead") and HYPOTHETICAL.search(clause):
            continue
        answer = _value_in_prose(answer_span(text[match.end():]))
        if answer and not re.search(r"\\(?:boxed|fbox)\b", answer) and not _STATEMENT.search(answer):
            raw = re.split(r"(?<!\\)\.(?=\s|$)|\n", text[match.end():], maxsplit=1)[0]
            found.append(_Statement(match.start(), match.end() + 1, answer, "statement", _hedged(raw, answer)))
    for match in _ANSWER_AFTER.finditer(text):  # "Therefore \\[ 36 \\] is the answer."
        if not _aside(text, match.start()):
            if _POINTS_BACK.fullmatch(match.group("a").strip()):
                continue  # "And that is our answer.": the value is the one just stated, read as a closing line
            answer = answer_span(_LEADING_WORDS.sub("", match.group("a").strip()))
            if answer and not re.search(r"\\(?:boxed|fbox)\b", answer):
                found.append(_Statement(match.start("a"), match.end(), answer, "statement"))
    for match in _AS_THE_ANSWER.finditer(text):
        clause = text[_sentence_start(text, match.start()):match.end()]
        if not _aside(text, match.start()) and not HYPOTHETICAL.search(clause):
            answer = answer_span(match.group("a"))
            if answer and not re.search(r"\\(?:boxed|fbox)\b", answer):
                found.append(_Statement(match.start("a"), match.end(), answer, "statement"))
    # A statement whose answer is a box is that box.
    boxes = [s for s in found if s.how == "boxed"]
    found = [s for s in found if s.how == "boxed" or not any(
        0 <= b.start - s.start <= len(text[s.start:b.start]) and not text[s.end - 1:b.start].strip(" :$*\\[(")
        for b in boxes)]
    # "Final answer is x" is also found as "answer is x": one statement, the longer reading.
    earliest: dict[tuple[int, str], _Statement] = {}
    for statement in sorted(found, key=lambda s: s.start):
        earliest.setdefault((statement.end, statement.how), statement)
    kept = list(earliest.values())
    # "In conclusion, the answer is y = 4 and x = -3": the summary holds a statement; the statement reads it whole.
    kept = [s for s in kept if s.how != "summary" or not any(o.how == "statement" and s.start <= o.start < s.end for o in kept)]
    return sorted(kept, key=lambda s: s.start)


def _plain(answer: str) -> str:
    """An answer's text with delimiters and spacing gone: equal for `$10,455$` and `10,455`."""
    return re.sub(r"[\s$]|\\[()\[\]]", "", answer)


# A second value offered ("12 or so", "could also be 8"): a hedge whatever else the text says.
_HEDGE_WORDS = re.compile(r"\b(?:either|or\s+so|approximately\s+or|(?:might|could)\s+also\s+be|also\s+plausible|can'?t\s+decide"
                          r"|cannot\s+decide|could\s+be\s+[^.;]+\sor\s|unless\s+(?:it'?s|it\s+is|the\s+(?:answer|result|value)\s+is|that'?s"
                          r"|we\s+(?:take|use))|(?:can'?t|cannot|couldn'?t)\s+rule\s+out|\b(?:hmm|um|uh|well),?\s+or)\b"
                          r"|\(\s*or\b(?!\s*(?:equivalently|in\s+(?:words|lowest\s+terms|simplest\s+form)|written|,))", re.I)  # "-75 (or 75)"
# Doubt alone ("probably", "not sure"): it hedges only when the text names another value beside the answer.
_DOUBT_WORDS = re.compile(r"\b(?:maybe|perhaps|possibly|probably|unsure|best\s+guess"
                          r"|not\s+(?:fully\s+|entirely\s+|completely\s+|quite\s+|100%\s+)?(?:sure|certain))\b", re.I)


def _hedged(text: str, answer: str = "") -> bool:
    """Whether `text` (holding `answer`, if given) hedges: a second value offered, or doubt beside another value."""
    return bool(_HEDGE_WORDS.search(text)) or bool(_DOUBT_WORDS.search(text)) and names_other_value(text, answer)


def _uncorrected(text: str, statements: list[_Statement]) -> list[_Statement]:
    """The statements before the last that no correction stands between and the last."""
    last = statements[-1]
    return [s for s in statements[:-1] if not CORRECTION.search(text[s.end:last.start])]


def _last_paragraph(text: str) -> str:
    """The last paragraph that is not an aside ("(Note: ...)", "A common mistake is ...") or a remark with no
    value in it ("A similar approach works for most problems in this chapter.")."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    asides = re.compile(r"^\s*(?:\(.*\)\.?|(?:note|nb|remember|a\s+common\s+mistake|be\s+careful)\b.*)\s*$", re.I | re.DOTALL)
    paragraphs = [p for p in paragraphs if not asides.match(p)] or paragraphs
    while len(paragraphs) > 1 and all(_remark(s) for s in _sentences(paragraphs[-1])):
        paragraphs.pop()
    return paragraphs[-1] if paragraphs else text


def _remark(sentence: str) -> bool:
    """A sentence that cannot state an answer: a sign-off or a check, or five words or more with no value in them."""
    if _CLOSING.match(sentence):
        return True
    bare = _MATH_SPAN.sub(" 0 ", sentence)
    words = re.findall(r"[A-Za-z']+(?:-[A-Za-z]+)?", bare)
    return not re.search(r"[\d\\=<>()\[\]{}$%]", bare) and len(words) >= 5 and all(number_from_words(w) is None for w in words) \
        and not _WORD_ANSWER.match(sentence.strip())


# Prose that follows an answer without changing it: "... 2 < x overall.", "... (C) 80 as our answer."
_TRAILING_PROSE = re.compile(r"[\s,]+(?:overall|in\s+total|altogether|in\s+all|as\s+(?:the|our|my)\s+(?:final\s+)?answer"
                             r"|(?:is|are)\s+(?:the|our|my)\s+(?:final\s+)?(?:answers?|results?|values?|solutions?))\s*[.!]?\s*$", re.I)
# A lead in words, then the answer: it opens with a non-letter or a variable in a relation ("It's x < 9").
_WORD_LEAD = re.compile(r"(?:(?:[A-Za-z][A-Za-z']+[,:]?|I|[—–:])\s+)+?(?=[^A-Za-z\s—–:]|[a-zA-Z]\s*(?:[=<>≤≥]|\\[lg]eq?\b|\\ne\b))")
_NOT_A_CLAIM = re.compile(r"\b(?:not|isn'?t|wasn'?t|aren'?t|no|never|had|first|earlier|initially|before|wrong|incorrect|instead)\b", re.I)


_MATH_WORDS = {"and", "or", "sqrt", "pi", "sin", "cos", "tan", "log", "ln", "exp", "inf", "infty", "infinity"}
# "So it's Bob!", "That comes to odd.": a word answer after a lead that states it.
_WORD_ANSWER = re.compile(r"^(?:[A-Za-z][A-Za-z',]*\s+){0,4}?(?:is|are|it'?s|we\s+have|comes?\s+to|get|got|gives?|be)\s+"
                          r"(?!(?:these|those|this|that|it|them|here|there|done|all|correct|right|wrong|clear)\b)"
                          r"(?P<a>[A-Za-z][A-Za-z-]*(?:\s+[A-Za-z][A-Za-z-]*){0,2})\s*[.!]?$", re.I)


def _word_after_lead(sentence: str) -> str | None:
    """The word answer a sentence ends on ("So it's Bob!"); None for a negation or a hypothetical."""
    found = _WORD_ANSWER.match(sentence.strip())
    if found is None or _NOT_A_CLAIM.search(sentence) or HYPOTHETICAL.search(sentence):
        return None
    return found.group("a")


def _math_after_lead(sentence: str) -> str | None:
    """The answer of a sentence that is a lead in words and then only mathematics ("That works out to y = 7 and
    x = 6 overall.", "Got it: -6 < x."), whole; None when words are mixed into it or the lead does not claim it."""
    text = _TRAILING_PROSE.sub("", sentence.strip()).strip().rstrip(".!").strip()
    lead = _WORD_LEAD.match(text)
    if lead is None or _NOT_A_CLAIM.search(lead.group(0)) or HYPOTHETICAL.search(lead.group(0)):
        return None
    rest = text[lead.end():].strip()
    if len(re.findall(r"(?<!\\)\$", rest)) % 2:  # `\$` is a dollar sign, not a delimiter
        return None  # a lone `$` is money or a broken span: the other readers decide
    bare = re.sub(r"\\[a-zA-Z]+|\b[apAP]\.?[mM]\b\.?", " ", _MATH_SPAN.sub(" ", rest))
    if not rest or [w for w in re.findall(r"\b[A-Za-z]{2,}\b", bare) if w.lower() not in _MATH_WORDS]:
        return None
    span = _MATH_SPAN.fullmatch(rest)
    return next(g for g in span.groups() if g is not None).strip() if span else rest


def _prose_words(text: str) -> int:
    """Words outside math: "So 12." has one, "The values are 3, 7 and 12." four."""
    bare = re.sub(r"\\[a-zA-Z]+|\b[apAP]\.?[mM]\b\.?", " ", _MATH_SPAN.sub(" ", text))
    return len(re.findall(r"\b[A-Za-z]{2,}\b", bare))


def _value_in_prose(answer: str) -> str:
    """"Jane started growing Sphere 3 hours ago" -> "3": a statement that runs on as a sentence stands for
    the one value in it. Short answers, and text answers with no value, are kept as they are."""
    if _prose_words(answer) <= 3 and not _COPULA.search(answer) or "," in answer and not _COPULA.search(answer):
        return answer
    return _one_value(answer) or answer


_CLAUSE = re.compile(r"(?:,|;)?\s+\b(?:so|therefore|thus|hence|which\s+gives|giving)\b[,:]?\s+", re.I)
_COPULA_SPLIT = re.compile(r"\b(?:is|are|it'?s|equals|gives|get|gets|be|makes|(?:simplifies|comes|works\s+out|reduces)\s+to)\b")
_CONNECTIVES = re.compile(r"^(?:\s|,|\band\b|\bor\b|\\pm|[a-zA-Z](?:_\{?\w+\}?)?\s*=|\.)*$")


def _number_words(text: str) -> str | None:
    """The number words `text` opens with, if a unit or noun at most follows: "One hundred forty-three chairs"."""
    tokens = _LEADING_WORDS.sub("", text).split()
    for end in range(len(tokens), max(len(tokens) - 3, 0), -1):
        if re.search(r"[A-Za-z]", tokens[0] if tokens else "") and number_from_words(" ".join(tokens[:end])) is not None:
            return " ".join(tokens[:end])
    return None


def _strip_brackets(text: str) -> str:
    """The text with its bracketed groups removed, so their commas do not count."""
    while (shorter := re.sub(r"\([^()]*\)|\[[^\[\]]*\]|\{[^{}]*\}", "", text)) != text:
        text = shorter
    return text


def _spans_as_answer(value: str) -> str:
    return answer_span(value) if value.startswith(("$", "\\(", "\\[")) else value


def _one_value(sentence: str) -> str | None:
    """The value a sentence states: its only value, else the value (or list of values: "x=2 or x=-3")
    after its last "so" and last `=`/"is"."""
    clause = _CLAUSE.split(sentence)[-1]
    stated = _COPULA_SPLIT.split(clause)[-1].strip().rstrip(".").strip()
    if len(_COPULA_SPLIT.split(clause)) > 1 and (words := _number_words(stated)):
        return words  # "the sum of the first 24 integers is three hundred"
    if len(_COPULA_SPLIT.split(clause)) > 1 and stated:
        if _prose_words(stated) == 0 or ("," in _strip_brackets(stated) and not _MATH_SPAN.search(stated)):
            return answer_span(stated)  # "x^2 - 1", "\\frac{\\sqrt2}{2}", "one hundred, ten thousand, 1000"
    for text in (clause, stated, re.split(r"(?<![<>!\\])=", stated)[-1]):
        values = [v.strip() for v in _VALUE.findall(text) if v.strip()]
        if len(values) == 1:
            return _spans_as_answer(values[0])
        rest = _VALUE.sub(" ", text)
        if len(values) > 1 and _CONNECTIVES.match(rest.strip(" .")):  # "x = 1 and x = 3", "$1$ or $2$"
            return ", ".join(_spans_as_answer(v) for v in values)
    return None


def _commentary(text: str, position: int) -> bool:
    """Whether `position` is in an aside or a hypothetical ("if ..., the choice might have been **C**")."""
    return _aside(text, position) or bool(HYPOTHETICAL.search(text[_sentence_start(text, position):position]))


# Closing paragraphs or lines that say nothing of the answer: checks, hypotheticals, offers, restatements.
_CLOSING = re.compile(r"^\s*(?:\((?=[^)]*[A-Za-z]{3}).*\)\.?|(?![^\n]*[.!?]\s+\S)(?![^\n]*(?:" + _WITHDRAWN.pattern + r"))(?=[^\n]*[\d\\$])[^\n]*(?:" + REJECTS.pattern
                      + r")[^\n]*|(?:p\.\s?s|(?:and\s+|so\s+)?(?:that|this)(?:'s|\s+is|\s+was)\s+(?:our|the|my)\s+(?:final\s+)?(?:answer|result)"
                      r"|check|checking|verify|verifying|verification|note|nb|tip|key\s+takeaway|remember|a\s+common\s+(?:mistake|slip)"
                      r"|(?:a\s+)?(?:quick|sanity|final)\s+check|as\s+a\s+(?:quick\s+|sanity\s+)?check|double[-\s]?check\w*"
                      r"|good\s+luck|have\s+a\s+(?:great|good|nice|lovely)|cheers|thanks|thank\s+you|hope\s+(?:this|that|it)\s+helps"
                      r"|great\s+question|glad\s+(?:to|i)|you'?re\s+welcome"
                      r"|let\s+me\s+know|want\s+me|would\s+you|if\s+you'?d\s+like|i\s+hope|happy\s+to|feel\s+free)\b.*"
                      r"|(?!\s*(?:or|unless|alternatively|otherwise)\b)(?![^\n]*[.!?]\s+\S)[^\n]*(?:\b(?:would|could|might)\b"
                      r"|\b(?:we|i|it|they)'d\b)[^\n]*)\s*$",
                      re.I)
_DISPLAY_END = re.compile(r"(?:\\\[(?P<a>(?:(?!\\\[).)+?)\\\]|\$\$(?P<b>(?:(?!\$\$).)+?)\$\$)\s*$", re.DOTALL)


def _without_closing(text: str) -> str:
    """`text` without the closing lines that are commentary ("Check: ...", "If ... we would get 12")."""
    lines = text.rstrip().split("\n")
    while len(lines) > 1 and (not lines[-1].strip() or _CLOSING.match(lines[-1].replace("**", "")) or offers_help(lines[-1])):
        lines.pop()
    return "\n".join(lines)


# Bold that is not the answer: emphasis on a word ("it is **not** 67"), a value labelled as working
# ("Intermediate value: **242**"), or a value named on a line that rejects it.
_EMPHASIS = re.compile(r"(?:not|never|no|only|also|must|cannot|can'?t|all|exactly|both|neither|nor|any|every|always)", re.I)
_WORKING_LABEL = re.compile(r"\b(?:intermediate|subtotal|partial|running\s+total|so\s+far|step\s+\d+)\b", re.I)


def _working_bold(text: str, bold: re.Match) -> bool:
    line_start = text.rfind("\n", 0, bold.start()) + 1
    before, line = text[line_start:bold.start()], text[line_start:].split("\n", 1)[0]
    inner = next(g for g in bold.groups() if g is not None).strip()
    return bool(_EMPHASIS.fullmatch(inner) or _WORKING_LABEL.search(before) or REJECTS.search(line)
                or re.search(r"\bnot\b", before, re.I))


# A display's left side that only names what its right side is: `\text{roots} = `, `(x, y) = `, `7:40 PM + 1\text{ h} = `.
_DISPLAY_LABEL = re.compile(r"^(?:\\text\{[^{}]*\}|\(\s*[a-z](?:\s*,\s*[a-z])+\s*\))\s*=\s*(?=\S)")


def _display_result(display: str) -> str:
    """A closing display, with a left side that labels or carries words dropped: its result."""
    display = _DISPLAY_LABEL.sub("", display)
    sides = re.split(r"(?<![<>!\\])=", display)
    if len(sides) == 2 and "\\text" in sides[0] and sides[1].strip():
        return sides[1].strip()  # `7:40 PM + 1\text{ h }15\text{ min} = \text{8:55 p.m.}`
    return display


# What opens a line without being part of it: a list marker, or an arrow or `=` carrying on from the working.
_LINE_MARK = re.compile(r"^(?:[-*+•]\s+|\d{1,2}[.)]\s+|(?:→|⇒|⟹|=>|=(?![=<>]))\s*)+")


def _fallback(text: str) -> tuple[str | None, str]:
    text = _without_closing(text)
    if (display := _DISPLAY_END.search(text)) is not None:  # "Hence\n\\[\n\\dfrac{1}{6}\n\\]"
        return _display_result((display.group("a") or display.group("b")).strip()), "display"
    bolds = [next(g for g in m.groups() if g is not None).strip() for m in _BOLD.finditer(text)
             if not _commentary(text, m.start()) and not _working_bold(text, m)]
    bolds = [b for b in bolds if not b.endswith(":") and len(b) <= 90 and (re.search(r"[\d\\=]", b)
                                                                        or len(b.split()) <= 3)
             and not re.fullmatch(r"(?:final\s+)?answers?|solution|result|step\s*\d*", b, re.I)]
    if bolds:  # "**The result is $(4, 2)$.**" stands for its value
        return _value_in_prose(answer_span(bolds[-1])), "bold"
    plain = text.replace("**", "").strip()
    if "\n" not in plain and _prose_words(plain) <= 3 and not _COPULA.search(plain):
        plain = re.sub(r"^(?:it'?s|it\s+is)\s+", "", plain, flags=re.I)
        return (_math_after_lead(plain) or (_one_value(plain) if _prose_words(plain) else None) or answer_span(plain)), "short_reply"
    last_line = _LINE_MARK.sub("", plain.splitlines()[-1].strip())
    if len(last_line) <= SHORT_LINE and _prose_words(last_line) <= 3 and re.search(r"[\d\\=]", last_line) \
            and not last_line.endswith(":") and not _COPULA.search(last_line):
        prose = re.sub(r"\\[a-zA-Z]+", " ", _MATH_SPAN.sub(" ", _LEADING_WORDS.sub("", last_line)))
        if value := _math_after_lead(last_line):
            return value, "last_line"  # "The result: -i + 7"
        if re.search(r"\b(?!(?:and|or)\b)[A-Za-z]{3,}\b", prose) and (value := _one_value(last_line)):
            return value, "last_line"  # "The car covers $152 \\, \\text{km}$."
        return _math_after_lead(last_line) or answer_span(last_line), "last_line"
    sentences = [re.sub(r"\s*\([^()]*(?<![\\A-Za-z])[A-Za-z]{3,}[^()]*\)\.?", " ", s).strip()  # asides say nothing
                 for s in re.split(r"(?<=[.!?])\s+(?=[A-Z(]|[^\x00-\x7f])|(?<=\d)\s+(?=[A-Z][a-z]{2,}\b)", _last_paragraph(plain))]
    sentences = [s for s in sentences if re.search(r"[\w\\$]", s)]  # a lone "✓" or emoji says nothing
    sentences = [s for s in sentences if not HYPOTHETICAL.search(s)] or sentences
    sentences = [s for s in sentences if not _CHECK_ONLY.search(s) or _CONCLUDES_CHECK.search(s)] or sentences
    while len(sentences) > 1 and _remark(sentences[-1]):  # "The result is 65%. A similar approach works for ..."
        sentences.pop()
    if sentences and (value := _math_after_lead(sentences[-1])):
        return value, "last_sentence"
    if sentences and number_from_words(_LEADING_WORDS.sub("", re.sub(r"^(?:it'?s|it\s+is)\s+", "", sentences[-1].strip(" ."), flags=re.I))) is not None:
        return _LEADING_WORDS.sub("", re.sub(r"^(?:it'?s|it\s+is)\s+", "", sentences[-1].strip(" ."), flags=re.I)), "last_sentence"
    value = (_one_value(sentences[-1]) or _word_after_lead(sentences[-1])) if sentences else None
    return (value, "last_sentence") if value else (None, "none")


# A check tests the answer rather than stating it ("To be safe: Check: 3.5 + 2.25 is about 5 3/4"), unless it concludes.
_CHECK_ONLY = re.compile(r"\bcheck(?:ing)?\s*:|\b(?:as\s+a\s+(?:quick\s+|sanity\s+)?check|to\s+verify"
                         r"|verif(?:y|ying|ication))\b", re.I)
_CONCLUDES_CHECK = re.compile(r"\b(?:answer|result|so|therefore|thus|hence|actually|wait|instead|correct\w*)\b", re.I)
_SIGN_OFF = re.compile(r"<\|[a-z_]+\|>.*$|\s*I\s+hope\s+(?:it|this)\s+is\s+correct\.?\s*$", re.I | re.DOTALL)


def _alternatives(text: str) -> tuple[str, list[str]]:
    """The text with the second answers it offers blanked (same length, so positions hold), and their values."""
    values = []
    for match in _ALTERNATIVE.finditer(text):
        if (offered := match.group("a")) is not None:
            value = _value_in_prose(answer_span(offered))
        else:
            named = (match.group("b") or match.group("c") or "").strip()
            value = answer_span(named) if _prose_words(named) == 0 else _one_value(named) or ""
        if value:
            values.append(value)
            text = text[:match.start()] + " " * (match.end() - match.start()) + text[match.end():]
    return text, values


def _first_line_answer(text: str, final_start: int) -> str | None:
    """An answer given up front, as the reply's whole first paragraph ("$x = 9$", "Pentagon"), before the final."""
    first = text.strip().split("\n\n", 1)[0].strip()
    if "\n" in first or len(first) > SHORT_LINE or re.search(r"[:!?]", first) or first.startswith(("#", "|")) \
            or text.find(first) + len(first) > final_start or _COPULA.search(first) or len(re.findall(r"=", first)) > 1:
        return None
    if re.search(r"[\d\\=]", first) and (_prose_words(first) > 1 or re.match(r"[A-Za-z]{2,}\b", first)):
        return None  # "Doubling 1.6 million, 2 × 1.6 = 3.2" is working
    if not re.search(r"[\d\\=]", first) and (len(first.split()) > 2
                                             or set(re.findall(r"[a-z']+", first.lower())) & _NOT_AN_ANSWER):
        return None
    return _math_after_lead(first) or answer_span(first) or None


def _concluded_before(text: str, last: _Statement, final_text: str, bold_at: list[int]) -> str | None:
    """What the sentence just before the final statement concludes ("So the mean is 5.425."), when it opens as
    a conclusion, holds a bold value, or the final statement says it is another ("Also, the answer is 0.17")."""
    opening = _sentence_start(text, last.start)
    before = text[:opening].rstrip()
    if not before or before.endswith("|"):
        return None
    start = _sentence_start(before, len(before))
    sentence = before[start:].strip()
    also = re.match(r"\s*also\b", text[opening:], re.I)
    bold = any(start <= b < len(before) for b in bold_at)
    if not (also or bold or _CONCLUDING.match(sentence)) or _commentary(text, start + 1) \
            or HYPOTHETICAL.search(sentence) or CORRECTION.search(text[start:last.start]) or _hedged(sentence):
        return None
    # Only a value stated at the sentence's end after a verb ("So the product is 1.7."): others are working.
    stated = re.split(r"\b(?:is|are|was|equals)\s+", sentence.rstrip(". "))
    if len(stated) >= 2 and _prose_words(stated[-1]) <= 2 and re.search(r"[\d\\]|\([A-J]\)", stated[-1]):
        value: str | None = answer_span(stated[-1])
    else:  # "Also, the answer is 21" says there is another: whatever the sentence before states
        value = _one_value(_LEADING_WORDS.sub("", sentence.rstrip(". "))) if also else None
    return value if value and _plain(value) != _plain(final_text) else None


def _withdrawn_after(text: str, last: _Statement) -> int | None:
    """Where the reply withdraws its last stated answer ("Hmm, actually that isn't right"), if it does."""
    for match in _WITHDRAWN.finditer(text, last.end):
        sentence = text[_sentence_start(text, match.start()):match.end()]
        if not _commentary(text, match.start()) and not re.search(r"\bif\b|\bwould\b", sentence, re.I) \
                and not _CLOSING.match(text[text.rfind("\n", 0, match.start()) + 1:].split("\n", 1)[0]):
            return match.end()
    return None


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]


def _reported_after(text: str, last: _Statement) -> list[str]:
    """Values later sentences report as results ("However, recomputing a different way, I get 4 m."): a
    second answer unless the sentence is a check, an aside, a hypothetical or a restatement of the given."""
    values = []
    justified = bool(JUSTIFIES.match(text[_answer_end(text, last):].lstrip(" .")))  # "Here's why:" over working
    for sentence in _sentences(text[last.end:]):
        if justified and not CONCLUDES.match(sentence):
            continue
        if _CLOSING.match(sentence) or HYPOTHETICAL.search(sentence) or _RESTATES_GIVEN.search(sentence) \
                or _CHECKS_RESULT.search(sentence) or not _REPORTS_RESULT.search(sentence):
            continue
        if (value := _one_value(sentence)) and _plain(value) != _plain(last.answer):
            values.append(value)
    return values


def _labelled_final(text: str, statement: _Statement) -> bool:
    """"Final answer: x", or a box in a sentence or under a heading that says "Final Answer"."""
    if re.match(r"final\s+answer", text[statement.start:], re.I):
        return True
    lead = text[max(0, text.rfind("\n", 0, max(text.rfind("\n", 0, statement.start), 0)) + 1):statement.start]
    return statement.how == "boxed" and bool(re.search(r"final\s+answer", lead, re.I))


def _bold_positions(marked: str) -> list[int]:
    """Where bold spans start once the `**` marks are removed."""
    return [m.start() - 2 * marked[:m.start()].count("**") for m in re.finditer(r"\*\*(?=\S)(.+?)\*\*", marked)]


# Layouts that state an answer without saying "is": a "Final Answer" heading over the value, and "∴ x" / "⇒ x".
_ANSWER_HEADING = re.compile(r"^[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*)?((?:final[ \t]+)?answer)[ \t]*:?[ \t]*(?:\*\*)?[ \t]*:?[ \t]*\n+"
                             r"(?=[ \t]*\S)", re.I | re.M)
_THEREFORE_SIGN = re.compile(r"^[ \t]*(?:∴|\$\\therefore\$|\\therefore\b)[ \t]*", re.M)
_IMPLIES_SIGN = re.compile(r"^[ \t]*(?:⇒|⟹|=>|\$\\(?:Rightarrow|implies|Longrightarrow)\$|\\(?:Rightarrow|implies)\b)[ \t]*", re.M)
# A display that opens with the sign (`$$\therefore\quad 12$$`): the sign and its spacing lead the display in,
# as "Therefore, " would; they are no part of the value.
_DISPLAY_SIGN = re.compile(r"(\$\$|\\\[)(\s*)\\(?:therefore|Rightarrow|implies|Longrightarrow)\b"
                           r"(?:\s*(?:\\q?quad\b|\\[,;:! ]|~))*\s*")


_TABLE_HEADED = re.compile(r"^[ \t]*\|[ \t]*((?:final[ \t]+)?answer)[ \t]*\|?[ \t]*\n[ \t]*\|[ \t:|-]*-[ \t:|-]*\n"
                           r"[ \t]*\|[ \t]*([^\n|]+?)[ \t]*\|?[ \t]*$", re.I | re.M)


def _as_statements(text: str) -> str:
    text = _TABLE_HEADED.sub(lambda m: f"{m.group(1)}: {m.group(2)}", text)  # | Final answer |\n|---|\n| 12 |
    text = _ANSWER_HEADING.sub(lambda m: m.group(1) + ": ", text)
    text = _DISPLAY_SIGN.sub(lambda m: "Therefore, " + m.group(1) + m.group(2), text)
    return _IMPLIES_SIGN.sub("So ", _THEREFORE_SIGN.sub("Therefore, ", text))


def find_final_answer(reply: str, strict: bool = False) -> FinalAnswer:
    """The final answer of `reply`. `strict`: only a box, "####" or an answer statement counts."""
    if not reply or not reply.strip():
        return FinalAnswer(None, "none")
    while (shorter := _SIGN_OFF.sub("", reply)) != reply:  # a chat template's next turn, "I hope it is correct."
        reply = shorter
    marked = _ABBREVIATION.sub(lambda m: m.group(1) + "m" + ("." if _CAPITAL_NEXT.match(m.string, m.end()) else ""),
                               reply.replace("\r\n", "\n"))
    marked = _POWER.sub("^", marked)  # `5*x**2` is a power, not bold
    marked, offered = _alternatives(_as_statements(marked))
    text = marked.replace("**", "")
    statements = _statements(text)
    after = statements[-1] if statements else _Statement(0, 0, "", "none")
    if (withdrawn := _withdrawn_after(text, after)) is not None and (statements or text[withdrawn:].strip()):
        if not strict and (corrected := _fallback(text[withdrawn:]))[0]:  # "... actually that isn't right. So it is 7."
            return FinalAnswer(corrected[0], "corrected", hedged=_hedged(corrected[0] or ""))
        return FinalAnswer(None, "none")  # withdrawn, and nothing readable put in its place
    if statements:
        last = statements[-1]
        together: tuple[str, ...] = ()
        answer_end = _answer_end(text, last)
        rest_of_line = text[answer_end:].split("\n", 1)[0]
        later = _sentences(text[answer_end:])
        hedged = last.hedged or _hedged(last.answer) or _hedged(rest_of_line, last.answer) or any(  # "\\boxed{9} - though it might be 8"
            _hedged(sentence, last.answer) and _VALUE.search(sentence) for sentence in later) \
            or any(_DOUBT_WHICH.search(sentence) for sentence in [text[_sentence_start(text, last.start):answer_end], *later]) \
            or any(_doubts(sentence, last.answer) for sentence in later)
        boxes = [s for s in statements if s.how == "boxed"]
        if last.how == "boxed" and len(boxes) > 1:
            run = [boxes[-1]]
            for box in reversed(boxes[:-1]):
                if CORRECTION.search(text[box.end:run[0].start]):
                    break
                hedged = hedged or _hedged(text[box.end:run[0].start])  # "\boxed{8} ... or possibly \boxed{3}"
                run.insert(0, box)
            together = tuple(b.answer for b in run) if len(run) > 1 else ()
        finals = [s for s in statements if s.how in ("hashes", "summary") or _labelled_final(text, s)]
        definitive = bool(finals) and finals[-1] is last and last.how != "summary" \
            and len({_plain(s.answer) for s in finals}) == 1  # a summary restates; a labelled final overrides
        stated_before = [s for s in _uncorrected(text, statements) if s.answer not in together]
        if definitive:  # "Answer: 12 ... Final answer: 15" still states two answers
            stated_before = [s for s in stated_before if re.match(r"\s*answer\s*:", text[s.start:], re.I) or s.how == "table"]
        earlier = [s.answer for s in stated_before]
        # Answers stated informally before the final one; a labelled "Final answer" overrides them, as graders read it.
        claims: list[str | None] = [] if definitive else [_first_line_answer(text, (last if together else statements[0]).start),
                                        _concluded_before(text, last, last.answer, _bold_positions(marked))]
        earlier += [claim for claim in claims if claim] + _reported_after(text, last)
        return FinalAnswer(last.answer, last.how, tuple(dict.fromkeys([*earlier, *offered])), together, hedged)
    if strict:
        return FinalAnswer(None, "none")
    answer, how = _fallback(marked)
    if not answer:  # "It's either 30 or 35": no one answer, and it says so
        closing = _last_sentence(text)
        return FinalAnswer(None, "none", hedged=_hedged(closing) and len(_VALUE.findall(closing)) > 1)
    stated: list[str] = [c for c in [_first_line_answer(text, len(text) - len(answer))] if c and _plain(c) != _plain(answer)]
    last_line = text.rstrip().rsplit("\n", 1)[-1]
    if how == "last_line" and _SUMMARY.match(last_line):  # "So, to summarize: x > 3" restates what came before
        start = len(text.rstrip()) - len(last_line)
        if claim := _concluded_before(text, _Statement(start, len(text), answer, how), answer, _bold_positions(marked)):
            stated.append(claim)
    hedged = _hedged(answer) or _hedged(_last_sentence(text), answer) or _doubts(_last_sentence(text), answer)
    return FinalAnswer(answer, how, tuple(dict.fromkeys([*stated, *offered])), hedged=hedged)


def _answer_end(text: str, statement: _Statement) -> int:
    """Where the statement's answer ends in `text`: a statement's span covers only its lead."""
    at = text.find(statement.answer, statement.start) if statement.answer else -1
    return max(statement.end, at + len(statement.answer)) if at >= 0 else statement.end


def _last_sentence(text: str) -> str:
    sentences = [s for s in re.split(r"(?<=[.!?])\s+|\n+", text.strip()) if s.strip(" .")]
    return sentences[-1] if sentences else ""


def extract_answer(text: str) -> str | None:
    """The final answer's text alone (None if the reply states none or hedges)."""
    found = find_final_answer(text)
    return None if found.hedged else found.text
