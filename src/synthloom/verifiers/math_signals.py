"""Competing signals: what makes a reply whose final answer equals the gold still not a committed answer.

The reader (math_answers.py) finds the final answer; this module asks, for a reply it would accept,
whether anything in the reply competes with that answer. A match of any class makes the verdict
`ambiguous` (abstain) rather than `pass`: a false accept poisons the data, a false reject costs one sample.
The classes are lexicons of broad word families, not phrasings of one writer:

- doubt: uncertainty about the result, anywhere in the reply ("not sure", "I suspect I slipped",
  "wouldn't bet on it", "can't tell which"), when the doubting sentence names a value other than the final
  answer. Doubt with no other value ("I think it's 12, but double-check") leaves the answer standing, as
  the split-9 convention (and splits 7 and 8) label it.
- alternative: another value offered beside the final one ("alternatively", "also possible",
  "candidate answers", "either ... or", "equally defensible", "would instead be").
- rederivation: a second computation or method that is left standing ("working it a second way I get",
  "recomputing gives", "the substitution method gives"), after the final answer.
- unexplained value: a number-bearing sentence after the final answer that reports a result and is
  neither a restatement of the same value, nor a check, a hypothetical, the given data or a sign-off.

Corrections before the final statement are not signals: a reply may discard a first attempt and then
state its answer ("A first attempt gave 32, but I had dropped a term ... The answer is 31").
"""

from __future__ import annotations

import re

_DOUBT = re.compile(
    r"\bnot\s+(?:\w+\s+){0,2}(?:sure|certain|confident|convinced|positive)\b"
    r"|\b(?:unsure|uncertain\w*|doubt\w*|dubious|sceptic\w*|skeptic\w*|hesitant|unconvinced|undecided|ambigu\w*)\b"
    r"|\b(?:i|we)\s+(?:\w+\s+)?suspect\b|\bsuspicious\b|\bwouldn'?t\s+(?:bet|swear|rely|trust)\b|\bgrain\s+of\s+salt\b"
    r"|\b(?:may|might|could)\s+(?:well\s+)?(?:have\s+)?(?:slipped|erred|miscalculated|miscounted|made\s+an?\s+(?:\w+\s+)?(?:error|mistake|slip))"
    r"|\b(?:may|might|could)\s+(?:well\s+)?be\s+(?:wrong|off|mistaken|incorrect|flawed)\b"
    r"|\b(?:can'?t|cannot|couldn'?t|could\s+not|unable\s+to)\s+(?:\w+\s+)?(?:tell|decide|say|see|determine|figure|work\s+out|pin|narrow"
    r"|be\s+sure|verify|confirm|resolve|reconcile|choose|find|spot|rule\s+out|exclude)\b"
    r"|\b(?:no\s+idea|hard\s+to\s+(?:say|tell)|not\s+obvious|open\s+question|second[- ]guess\w*|torn\s+between|on\s+the\s+fence)\b"
    r"|\bwhich\s+(?:one|of\s+(?:them|these|those|the\s+two)|to\s+(?:trust|believe|pick|choose)|(?:method|approach|answer|result|value"
    r"|interpretation|reading)\s+is)\b"
    r"|\b(?:maybe|perhaps|possibly|probably|presumably|arguably|supposedly)\b|\b(?:my|best|rough|educated)\s+guess\b|\bi\s+guess\b"
    r"|\b(?:i|we)\s+(?:think|believe|feel)\s+(?:it'?s|it\s+is|this\s+is|the\s+answer)\b(?!\s+(?:correct|right)\b)"
    r"|\b(?:seems?|looks?|appears?)\s+(?:to\s+be\s+)?(?:off|wrong|suspicious|too\s+(?:big|small|large|high|low))\b"
    r"|\b(?:don'?t|doesn'?t|do\s+not|does\s+not|didn'?t|did\s+not|won'?t)\s+(?:quite\s+)?(?:match|agree|add\s+up|check\s+out|line\s+up)\b"
    r"|\b(?:disagree\w*|inconsisten\w*|contradict\w*|discrepanc\w*|conflict\w*|mismatch\w*)\b"
    r"|\b(?:low|limited|little)\s+confidence\b|\bconfidence\s+is\s+(?:low|limited)\b|\bplease\s+(?:double-?\s*)?check\b|\bunverified\b"
    r"|\bthen\s+again\b|\bon\s+the\s+other\s+hand\b|\bkeep\s+getting\b"
    r"|\b(?:is\s+it|could\s+it|did\s+(?:i|we)|am\s+i|or\s+is|isn'?t\s+it|right)\b[^?\n.]*\?", re.I | re.M)
# Doubt that says there is a second result, whether or not it names it: always competes.
_WHICH_DOUBT = re.compile(
    r"\b(?:disagree\w*|inconsisten\w*|discrepanc\w*|mismatch\w*)\b|\bthen\s+again\b"
    r"|\b(?:contradict|conflict)\w*\s+(?:each\s+other|one\s+another)\b|\bconflicting\s+(?:results|answers|values)\b"
    r"|\bon\s+the\s+other\s+hand\b|\bkeep\s+getting\b|\btorn\s+between\b|\bon\s+the\s+fence\b"
    r"|\b(?:sure|certain|doubt\w*|unsure|wonder\w*)\s+whether\b"  # "I doubt whether I should have used the complement"
    r"|\b(?:don'?t|doesn'?t|do\s+not|does\s+not|didn'?t|did\s+not|won'?t)\s+(?:quite\s+)?(?:match|agree|add\s+up|line\s+up)\b"
    r"|\bwhich\s+(?:one|of\s+(?:them|these|those|the\s+two)|to\s+(?:trust|believe|pick|choose)"
    r"|(?:method|approach|answer|result|value|interpretation|reading)\s+is)\b"
    r"|\b(?:can'?t|cannot|couldn'?t|could\s+not|unable\s+to)\s+(?:\w+\s+)?(?:tell|decide|choose|pin|narrow|resolve|reconcile"
    r"|rule\s+out|exclude)\b", re.I)
_ALTERNATIVE = re.compile(
    r"\b(?:could|might|may|would)\s+(?:also\s+)?work\s+(?:too|as\s+well)\b|\balternative(?:ly)?\b|\beither\b|\bor\s+(?:else|maybe|perhaps|possibly|rather|so)\b"
    r"|\bunless\s+(?:it'?s|it\s+is|the\s+(?:answer|result|value)\s+is|that'?s)\b"
    r"|\b(?:also|equally|just\s+as)\s+(?:\w+\s+)?(?:possible|valid|plausible|defensible|correct|right|acceptable|reasonable|good|fine"
    r"|works?)\b|\bjust\s+as\s+likely\b|\bworks\s+(?:too|as\s+well)\b"
    r"|\b(?:could|might|may)\s+(?:also\s+|well\s+|equally\s+)?be\s+(?:correct|right|valid|the\s+(?:answer|result))\b"
    r"|\b(?:could|might|may|can)\s+(?:also|equally|just\s+as\s+well)\s+be\b"
    r"|\bcandidates?\b|\b(?:two|several|multiple|both|other|another|second|different|competing)\s+(?:\w+\s+)?(?:possible\s+|plausible\s+|valid\s+"
    r"|candidate\s+|final\s+)?(?:answers|results|values|solutions|readings|interpretations|outcomes|options)\b"
    r"|\b(?:got|get|have|found|reached|ended\s+up\s+with|came\s+up\s+with|arrived\s+at)\s+(?:two|several|multiple)\s+different\s+(?:numbers|values|answers|results)\b"
    r"|\b(?:another|other|second|different)\s+(?:possible\s+|valid\s+|plausible\s+)?(?:answer|result|reading|interpretation)\b"
    r"|\binterpret\w*\b|\bdepend(?:s|ing)?\s+on\b|\bgive\s+both\b|\b(?:both|either)\s+(?:of\s+)?(?:these|them|those|values|answers|results)\b"
    r"|^\s*or\b|\bor,?\s+(?:equally|alternatively|also)\b|[—–]\s*or\b|\bfinal\s+answers\b|\bone\s+of\s+(?:those|these|the)\s+(?:two|three)\b"
    r"|\bthis\s+or\b|\bor\s+this\b"
    r"|\bboth\b(?!\s+sides)[^.!?\n]{0,60}\b(?:are|work|fit|hold|look|seem)\b", re.I | re.M)  # `^ or` opens any line
_REDERIVATION = re.compile(
    r"\b(?:re-?comput\w*|re-?deriv\w*|re-?calculat\w*|re-?work\w*|re-?do\w*|re-?solv\w*|re-?check\w*|re-?count\w*|re-?examin\w*)\b"
    r"|\b(?:second|another|other|different|alternative|independent)\s+(?:\w+\s+)?(?:way|method|approach|route|attempt|pass|computation"
    r"|calculation|derivation|formula)\b|\b(?:backwards?|in\s+reverse|by\s+hand|from\s+scratch)\b"
    r"|\b(?:first|second|other|substitution|elimination|direct|graphical)\s+(?:method|approach)\b"
    r"|\b(?:both|two)\s+(?:\w+\s+)?(?:methods|approaches|attempts|computations|calculations|derivations|ways)\b"
    r"|\b(?:i|we)\s+(?:now\s+|then\s+|instead\s+)?(?:get|got|obtain(?:ed)?|find(?!\s+(?:that|it)\b)|found|arrive\s+at|end\s+(?:up\s+)?(?:with|at)|reach(?:ed)?)\b"
    r"|\b(?:suggest\w*|yield\w*|produc\w+|gives?|giving|came\s+out|comes\s+out|leads?\s+to)\b", re.I)
# Sentences after the answer that mention other numbers without competing with it.
# "Written another way: 157.2": the same answer in another form (math.py checks that it is the same).
RESTATED = re.compile(r"\b(?:written|expressed|stated|put)\s+(?:in\s+)?(?:another|a\s+different|other)\s+(?:way|form)\b"
                      r"|\bequivalently\b|\bin\s+other\s+words\b|\bthat\s+is,|\bi\.e\.|\bwhich\s+is\s+the\s+same\s+as\b", re.I)
_BENIGN = re.compile(
    r"\b(?:check\w*|verif\w*|confirm\w*|consistent|sanity|substitut\w*|plug\w*|matches|satisf\w*|holds)\b"
    r"|\b(?:if|had|were|suppos\w*|say|imagine|hypothetical\w*|variant|would|instead\s+of|not\s+relevant|unrelated)\b"
    r"|\b(?:given|gave|supplied|provided|stated|original|recall|problem|question|setup|set-up|statement|inputs?|data|lists?|listed)\b"
    r"|\b(?:next|more\s+to\s+go|worksheet|problems|exercises|send|thanks|thank\s+you|cheers|best|regards|hope|happy|feel\s+free"
    r"|let\s+me\s+know|good\s+luck)\b|\b(?:mistake|trap|tempt\w*|pitfall|not\s+what\s+we)\b"
    r"|\b(?:textbooks?|in\s+general|generally|usually|typically|often)\b|" + RESTATED.pattern, re.I)  # a remark on method in general
_VALUE = re.compile(r"\d|\\(?:frac|sqrt|pi|begin|pm|infty)|[=<>]")
# A sentence that reports a result of its own, rather than mentioning a number.
_REPORTS = re.compile(r"\b(?:is|are|was|were|equals?|gives?|get|got|obtain\w*|find|found|comes?\s+out|yield\w*|result\w*|answer\w*)\b|=",
                      re.I)
_ADDRESSES_READER = re.compile(r"\bif\s+you\b|\byou(?:'re|\s+are)\s+(?:not\s+sure|unsure)\b", re.I)


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?;])\s+|\n+", text) if s.strip()]


_CONFIDENCE_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:\\?%|percent)\s*(?:sure|certain|confident)\b", re.I)  # "not 100% sure"


def names_other_value(text: str, answer: str) -> bool:
    """Whether `text` names a value besides `answer` (every value counts when `answer` is empty)."""
    rest = _CONFIDENCE_FIGURE.sub(" ", text)
    plain = answer.strip().strip("$").strip()
    for form in (plain, plain.lstrip("+-−")) if plain else ():  # a statement's text may start past the sign
        rest = rest.replace(form, " ")
    return bool(_VALUE.search(re.sub(r"[=<>]", " ", rest) if plain else rest) or re.search(r"\\text\{|\([A-J]\)", rest))


def _plain(text: str) -> str:
    return re.sub(r"[\s$*{}]|\\[()\[\]]|\\(?:text|mathrm|boxed|left|right|[dt]?frac)\b", "", text).lower()


# A sentence that names a value only to reject it ("Note that {-6} is not correct here", "Wednesday is a common wrong
# answer, not an alternative"), or a sign-off ("Cheers! (That was question 7 of 12, right?)"): neither competes.
REJECTS = re.compile(r"\bruling\s+out\b|\b(?:is|are|was)\s+(?:not|n't)\s+(?:the\s+(?:answer|result|solution)|(?:quite\s+)?(?:correct|right|valid)"
                      r"|an?\s+(?:answer|alternative|option|solution))\b|\bisn'?t\s+(?:the\s+answer|correct|right|valid)\b"
                      r"|\b(?:common|typical|tempting)\s+(?:wrong\s+answer|mistake|error|slip)\b|\bis\s+(?:wrong|incorrect)\b"
                      r"|\b(?:came|comes|stem(?:s|med)?|resulted)\s+from\s+(?:an?|my|the)\s+(?:\w+\s+)?"
                      r"(?:slip|error|mistake|typo)\b",
                      re.I)  # "The 8 above came from a copying slip": blamed on a slip, so retracted
_SIGNS_OFF = re.compile(r"^\W*(?:cheers|thanks|thank\s+you|good\s+luck|have\s+a\s+(?:great|good|nice)|hope\s+(?:this|that|it)\s+helps"
                        r"|happy\s+(?:to\s+help|studying)|great\s+question|feel\s+free|let\s+me\s+know)\b", re.I)


# Candidates listed and one chosen: "Candidates I considered: 4, 6, 9; only the last one checks out."
_SELECTS = re.compile(r"(?:[^.!?\n;]|\.(?=\S))*;\s*only\s+the\s+(?:last|first|final|second|third)(?:\s+one)?\s+(?:checks?\s+out|works?|fits?"
                      r"|is\s+(?:right|correct|valid))\b[^.!?\n]*[.!?]?", re.I)


# A closing offer to the reader ("Ping me if you want the other 2 parts done too!"): its numbers are no answer.
OFFER = re.compile(r"\b(?:ping|message|ask|tell)\s+me\b|\bif\s+you\s+(?:want|need|'d\s+like|would\s+like)\b|\blet\s+me\s+know\b", re.I)


def offers_help(line: str) -> bool:
    return bool(OFFER.search(line)) and not re.search(r"\b(?:answer|result|so|therefore|thus)\b", line, re.I)


def _doubt_text(reply: str) -> str:
    """The reply without what cannot be the reply's own doubt: a question quoted at its start, sentences
    addressed to the reader ("if you're unsure, ask")."""
    kept = "\n".join(line for line in reply.split("\n") if not _SIGNS_OFF.match(line))  # the sign-off line, whole
    kept = _SELECTS.sub(" ", kept)
    lines = [line for line in _sentences(kept) if not _ADDRESSES_READER.search(line) and not REJECTS.search(line)]
    return "\n".join(lines)


def after_final(reply: str, answer: str) -> str:
    """The text after the last place the final answer is written (the whole reply when it is not found)."""
    plain_answer = answer.strip().strip("$").strip()
    for needle in (plain_answer, plain_answer.replace(" ", "")):
        # The last place it stands whole: `8.7` is not the start of `8.70`.
        places = [m.end() for m in re.finditer(re.escape(needle) + r"(?![\d])", reply)] if needle else []
        if places:
            rest = reply[places[-1]:]
            return re.sub(r"^[\s$}\\\])*.]*", "", rest)
    return ""


def explain(reply: str, answer: str) -> dict[str, str]:
    """Which words matched each class (for reading a benchmark's disagreements)."""
    body = _doubt_text(_without_restated_question(reply))
    found = {name: m.group(0) for name, pattern in (("doubt", _DOUBT), ("alternative", _ALTERNATIVE))
             if (m := pattern.search(body)) is not None}
    tail = after_final(_without_restated_question(reply), answer)
    found.update({"rederivation": m.group(0) for s in _sentences(tail) if (m := _REDERIVATION.search(s)) and not _BENIGN.search(s)})
    return found


_SET_ASIDE = re.compile(r"^\W*(?:not|rather\s+than|instead\s+of)\s[^.!?\n]*[.!?]?", re.I)


def competing_signals(reply: str, answer: str) -> list[str]:
    """The classes of competing signal in `reply`, whose final answer is `answer`; empty when it commits."""
    body = _without_restated_question(reply)  # "acute, right or obtuse?" is the question's wording
    signals = []
    doubt_text = _doubt_text(body)
    if _WHICH_DOUBT.search(doubt_text) or any(_DOUBT.search(s) and names_other_value(s, answer) for s in _sentences(doubt_text)):
        signals.append("doubt")
    if _ALTERNATIVE.search(doubt_text) or any(_INSTEAD.search(s) and not _HYPOTHETICAL.search(s) for s in _sentences(doubt_text)):
        signals.append("alternative")
    tail = "\n".join(line for line in after_final(body, answer).split("\n") if not offers_help(line))
    tail = _SET_ASIDE.sub("", tail)  # "x = 4, not x = 7": the value set aside beside the answer does not compete
    if JUSTIFIES.match(tail):  # the answer first, then its working: only a conclusion of that working competes
        concluding = [t for t in _sentences(tail) if CONCLUDES.match(t) and names_other_value(t, answer)]
        return list(dict.fromkeys(signals + (["unexplained_value"] if concluding else [])))
    if re.search(r"\s/\s", answer) or re.match(r"\s*(?:/|(?:(?:hmm|um|uh|well)\W*)?\bor\b|[—–]\s*or\b)", tail, re.I):  # "(4, ∞) / (-∞, 4)", "14 — or 15"
        signals.append("alternative")
    for sentence in _sentences(tail):
        if REJECTS.search(sentence) or _SIGNS_OFF.match(sentence):
            continue
        if _REDERIVATION.search(sentence) and not _BENIGN.search(sentence):
            signals.append("rederivation")
            break
        if not _VALUE.search(sentence) or _plain(sentence).strip(".") == _plain(answer):
            continue
        if _REPORTS.search(sentence) and not _BENIGN.search(sentence):
            signals.append("unexplained_value")
            break
    return list(dict.fromkeys(signals))


# An answer given up front, then "Here's why:" or "Reasoning:" over the working that supports it.
JUSTIFIES = re.compile(r"\W*(?:here'?s\s+(?:why|how)|here\s+is\s+(?:why|how)|why|reasoning|justification|explanation|working"
                        r"|derivation|proof|details)\b[^\n]{0,20}?:?\s*\n", re.I)
CONCLUDES = re.compile(r"\W*(?:so|therefore|thus|hence|finally|altogether|in\s+total|overall|this\s+gives|that\s+gives"
                        r"|which\s+gives)\b", re.I)


# "Instead", "otherwise", "it might be" offer another value, unless the sentence is a hypothetical ("if the problem had asked
# for X, we would get 6 instead").
_INSTEAD = re.compile(r"\b(?:instead|otherwise)\b|\b(?:could|might|may)\s+(?:well\s+)?be\s+"
                      r"(?!wrong|off|mistaken|tempted|worth|wise|helpful|a\s+good\s+idea)", re.I)  # not "might be worth"
_HYPOTHETICAL = re.compile(r"\b(?:if|suppos\w*|had|imagine|were\s+(?:we|it|the)|slip|careless|mistaken?|error)\b"
                           r"|\b(?:should\s+be|correct\w*|actually|wait|re-?examin\w*|swapped|fix\w*)\b", re.I)  # or a correction


# How a reply opens when it restates the problem: "Goal: ...", "We are asked: ...", "The task is the following. ...".
_QUESTION_LEAD = re.compile(
    r"\b(?:(?:problem|question|task|goal|q)\s*:|we\s+are\s+asked\s*:?|restate\w*\s+what\s+is\s+wanted\s*[—:-]"
    r"|need\s+to\s+handle\s*:|the\s+following\s*[.:]|(?:the\s+)?question\s+is\s*:"
    r"|you(?:'re|\s+are)\s+asking\s*:)", re.I)
# A question quoted in the reply ("So, to answer \"Which one is it?\" ...", "Back to the question (How long is it?)"):
# its words are the problem's.
_QUOTED_QUESTION = re.compile(r"\"[^\"\n]*\?\"|“[^”\n]*\?”|\*[^*\n]*\?\*|\((?=[^()\n]*[A-Za-z]{3})[^()\n]*\?\)")


def _without_restated_question(reply: str) -> str:
    """The reply without the sentence(s) that restate the problem: its words ("acute, right or obtuse?",
    "Which is prime?") are the question's, not the reply's doubt or alternatives."""
    kept = []
    for line in reply.split("\n"):
        if (found := _QUESTION_LEAD.search(line)) is not None and found.start() < 80:
            rest = line[found.end():]
            # The restated problem runs to its question mark, else to its first sentence end.
            end = rest.find("?")
            if end < 0:
                stop = re.search(r"(?<=[.!])\s", rest)
                end = stop.start() if stop else len(rest)
            line = line[:found.start()] + rest[end + 1:]
        kept.append(_QUOTED_QUESTION.sub(" ", line))
    return "\n".join(kept)
