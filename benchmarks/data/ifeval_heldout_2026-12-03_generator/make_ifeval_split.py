#!/usr/bin/env python3
"""Deterministic generator for the held-out IFEval-style evaluation split.

Each row pairs one IFEval instruction (official instruction id + official kwargs names)
with a realistic model response and a label under IFEval's STRICT semantics.
Labels are computed here from the construction of each response (the generator knows
what it put in), with the counting rules of the official google-research checker
re-implemented where a count is needed (e.g. words = \\w+ tokens). The official code is
NOT imported; cross-checking against it is done separately by official_check.py.

Usage: python make_ifeval_split.py [out_path]
"""
import json, random, re, sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from content import TOPICS, FOREIGN

SEED = 20261203
ROWS_PER_ID = 50
OUT = "ifeval_heldout_2026-12-03.jsonl"

# ----------------------------------------------------------------- helpers
def wc(text):            # IFEval count_words: nltk RegexpTokenizer(r"\w+")
    return len(re.findall(r"\w+", text))

def sents(rng, topic, k):
    return rng.sample(topic[2], k)

def para(rng, topic, k):
    return " ".join(sents(rng, topic, k))

def paras(rng, topic, n, k=(2, 3)):
    pool = list(topic[2]); rng.shuffle(pool); out = []
    for _ in range(n):
        m = rng.randint(*k)
        if len(pool) < m:
            pool = list(topic[2]); rng.shuffle(pool)
        out.append(" ".join(pool[:m])); pool = pool[m:]
    return out

def lower_first(s): return s[0].lower() + s[1:]

class Row(dict):
    pass

def R(response, kwargs, label, case, note):
    return dict(response=response, kwargs=kwargs, label=label, case=case, note=note)

# ----------------------------------------------------------------- case generators
# Each generator: f(rng, topic) -> dict(response, kwargs, label, case, note)
G = {}
def reg(iid):
    def deco(fns):
        G[iid] = fns; return fns
    return deco

KW_SUBSTR = [  # (keyword, carrier word that merely contains it)
    ("art", "started"), ("plan", "planet"), ("tea", "steady"), ("ice", "advice"),
    ("cat", "location"), ("rain", "training"), ("ant", "important"), ("pen", "depends"),
]
KW_NATURAL = ["habit", "budget", "schedule", "patience", "routine", "balance", "weather",
              "community", "energy", "progress", "quality", "season"]

def kw_sentence(w):
    return rng_choice_sent(w)
_KW_TEMPL = ["A little {w} goes a long way here.", "Think about {w} before anything else.",
             "Good {w} makes the rest of the process easier.",
             "Many beginners overlook {w} at the start.", "It helps to keep {w} in mind every week."]
def rng_choice_sent(w, rng=None):
    return (rng or random).choice(_KW_TEMPL).format(w=w)

# --- keywords:existence
def _ex(rng, t):
    a, b = rng.sample(KW_NATURAL, 2)
    return a, b
@reg("keywords:existence")
def _():
    def pass_both(rng, t):
        a, b = _ex(rng, t); p = paras(rng, t, 2)
        p[0] += " " + _KW_TEMPL[0].format(w=a); p[1] += " " + _KW_TEMPL[2].format(w=b)
        return R("\n\n".join(p), {"keywords": [a, b]}, True, "clear_pass", "both keywords appear verbatim")
    def fail_one(rng, t):
        a, b = _ex(rng, t); p = paras(rng, t, 3)
        p[1] += " " + _KW_TEMPL[1].format(w=a)
        return R("\n\n".join(p), {"keywords": [a, b]}, False, "clear_fail", f"'{b}' never appears")
    def fail_none(rng, t):
        a, b = _ex(rng, t)
        return R("\n\n".join(paras(rng, t, 2)), {"keywords": [a, b]}, False, "clear_fail", "neither keyword appears")
    def case_diff(rng, t):
        a, b = _ex(rng, t); p = paras(rng, t, 2)
        p.insert(0, a.upper() + " FIRST: " + _KW_TEMPL[3].format(w=b.capitalize()))
        return R("\n\n".join(p), {"keywords": [a, b]}, True, "case_variant",
                 "keywords appear only in different case; IFEval matches case-insensitively")
    def substring_only(rng, t):
        (k, carrier) = rng.choice(KW_SUBSTR); b = rng.choice(KW_NATURAL); p = paras(rng, t, 2)
        p[0] += f" Once you have {carrier} the rest follows." if carrier in ("started",) else f" Remember that {carrier} matters here."
        p[1] += " " + _KW_TEMPL[4].format(w=b)
        return R("\n\n".join(p), {"keywords": [k, b]}, True, "adversarial_substring",
                 f"'{k}' occurs only inside '{carrier}'; IFEval uses re.search without word boundaries so a substring counts (surprising but official)")
    def plural_only(rng, t):
        a = rng.choice(["habit", "budget", "schedule", "routine", "season"])
        b = rng.choice([w for w in KW_NATURAL if w != a]); p = paras(rng, t, 2)
        p[0] += f" Several {a}s overlap here."; p[1] += " " + _KW_TEMPL[0].format(w=b)
        return R("\n\n".join(p), {"keywords": [a, b]}, True, "inflection",
                 f"'{a}' appears only as the plural '{a}s', which contains it as a substring")
    def hyphen_split(rng, t):
        b = rng.choice(KW_NATURAL); p = paras(rng, t, 2)
        p[1] += " Keep a note-book for your progress notes."
        return R("\n\n".join(p), {"keywords": ["notebook", b]}, False, "adversarial_split",
                 f"'notebook' is written 'note-book' (no contiguous match) and '{b}' is absent")
    def in_prompt_only(rng, t):
        a, b = _ex(rng, t); p = paras(rng, t, 2)
        p[0] += " " + _KW_TEMPL[1].format(w=a)
        return R("\n\n".join(p), {"keywords": [a, b]}, False, "distractor",
                 f"'{b}' is in the prompt's instruction but not in the response")
    return [pass_both, fail_one, case_diff, fail_none, substring_only, in_prompt_only, plural_only, hyphen_split]

# --- keywords:frequency
@reg("keywords:frequency")
def _():
    def build(rng, t, w, n):
        p = paras(rng, t, 3); idx = [rng.randrange(3) for _ in range(n)]
        for i in idx:
            p[i] += " " + rng.choice(_KW_TEMPL).format(w=w)
        return "\n\n".join(p)
    def mk(rel, delta, label, case):
        def f(rng, t):
            w = rng.choice(KW_NATURAL); n = rng.randint(2, 4); k = n + delta
            note = f"'{w}' appears {k} times; relation {rel} {n} -> {k}{'<' if rel=='less than' else '>='}{n} is {label}"
            return R(build(rng, t, w, k), {"keyword": w, "frequency": n, "relation": rel}, label, case, note)
        return f
    def substring_pushes(rng, t):
        k, carrier = rng.choice(KW_SUBSTR); n = 3
        p = paras(rng, t, 3)
        p[0] += f" The word {k} matters."; p[1] += f" The word {k} matters again."
        p[2] += f" Remember that {carrier} matters too."
        return R("\n\n".join(p), {"keyword": k, "frequency": n, "relation": "at least"}, True, "adversarial_substring",
                 f"'{k}' twice as a word plus once inside '{carrier}'; IFEval counts substrings (re.findall, no word boundary) so 3 >= 3")
    def case_mix(rng, t):
        w = rng.choice(KW_NATURAL); p = paras(rng, t, 2)
        p[0] = w.upper() + " MATTERS. " + p[0]; p[1] += " " + _KW_TEMPL[0].format(w=w.capitalize())
        return R("\n\n".join(p), {"keyword": w, "frequency": 2, "relation": "less than"}, False, "case_variant",
                 f"'{w}' appears twice in different cases; counting is case-insensitive so 2 is not less than 2")
    return [mk("at least", 0, True, "boundary_exact"), mk("at least", -1, False, "off_by_one"),
            mk("less than", 0, False, "boundary_exact"), mk("less than", -1, True, "off_by_one"),
            mk("at least", 2, True, "clear_pass"), mk("less than", 2, False, "clear_fail"),
            substring_pushes, case_mix]

# --- keywords:forbidden_words
FORB = [("car", "careful", "cars", "car-free"), ("plan", "planet", "plans", "plan-based"), ("art", "party", "arts", "art-inspired"),
        ("rest", "interest", "rests", "rest-day"), ("use", "because", "uses", "use-case"), ("pain", "painting", "pains", "pain-free")]
@reg("keywords:forbidden_words")
def _():
    def clean(rng, t):
        f = rng.choice(FORB); other = rng.choice(["simply", "basically"])
        body = "\n\n".join(paras(rng, t, 2))
        if re.search(r"\b(%s|%s)\b" % (f[0], other), body, re.I):
            body = "\n\n".join(paras(rng, t, 1))
        return R(body, {"forbidden_words": [f[0], other]}, not re.search(r"\b(%s|%s)\b" % (f[0], other), body, re.I),
                 "clear_pass", "no forbidden word appears as a whole word")
    def present(rng, t):
        f = rng.choice(FORB); p = paras(rng, t, 2); p[1] += " Simply put it works."
        return R("\n\n".join(p), {"forbidden_words": [f[0], "simply"]}, False, "clear_fail", "'simply' appears as a whole word (capitalized; matching is case-insensitive)")
    def substring(rng, t):
        f = rng.choice(FORB); p = paras(rng, t, 2); p[0] += f" Be {f[1]} about it." if f[1]=="careful" else f" Consider the {f[1]} angle."
        ok = not re.search(r"\b%s\b" % f[0], "\n\n".join(p), re.I)
        return R("\n\n".join(p), {"forbidden_words": [f[0]]}, ok, "adversarial_substring",
                 f"'{f[0]}' only inside '{f[1]}'; forbidden_words uses \\b word boundaries so this is allowed")
    def plural(rng, t):
        f = rng.choice(FORB); p = paras(rng, t, 2); p[1] += f" Several {f[2]} were discussed."
        ok = not re.search(r"\b%s\b" % f[0], "\n\n".join(p), re.I)
        return R("\n\n".join(p), {"forbidden_words": [f[0]]}, ok, "inflection",
                 f"only the plural '{f[2]}' appears; \\b{f[0]}\\b does not match inside '{f[2]}' so IFEval counts it as followed (surprising)")
    def possessive(rng, t):
        f = rng.choice(FORB); p = paras(rng, t, 2); p[0] += f" The {f[0]}'s role is small."
        return R("\n\n".join(p), {"forbidden_words": [f[0]]}, False, "adversarial_boundary",
                 f"'{f[0]}'s' has a word boundary before the apostrophe so the forbidden word matches")
    def hyphen(rng, t):
        f = rng.choice(FORB); p = paras(rng, t, 2); p[1] += f" Try a {f[3]} approach for a week."
        return R("\n\n".join(p), {"forbidden_words": [f[0]]}, False, "adversarial_boundary",
                 f"'{f[3]}' contains '{f[0]}' bounded by a hyphen, which is a word boundary")
    def upper(rng, t):
        f = rng.choice(FORB); p = paras(rng, t, 2); p.append(f[0].upper() + " NOTES: keep it short.")
        return R("\n\n".join(p), {"forbidden_words": [f[0]]}, False, "case_variant", "forbidden word in all caps; match is case-insensitive")
    def mention_rule(rng, t):
        f = rng.choice(FORB); p = paras(rng, t, 2)
        p.append("(I avoided the word you asked me not to use.)")
        ok = not re.search(r"\b%s\b" % f[0], "\n\n".join(p), re.I)
        return R("\n\n".join(p), {"forbidden_words": [f[0]]}, ok, "distractor", "response alludes to the rule without writing the word")
    return [clean, present, substring, possessive, plural, hyphen, mention_rule, upper]

# --- keywords:letter_frequency
@reg("keywords:letter_frequency")
def _():
    def mk(rel, delta, label, case, shout=False):
        def f(rng, t):
            text = "\n\n".join(paras(rng, t, 2, (2, 3)))
            if shout:
                text = text + "\n\n" + ("KEEP GOING AND ENJOY THE RESULTS.")
            cands = [x for x in "abcdefghiklmnoprstuwy" if text.lower().count(x) > max(delta, 0) + 1]
            L = rng.choice(cands)
            c = text.lower().count(L); n = c - delta
            lab = (c < n) if rel == "less than" else (c >= n)
            assert lab == label and n >= 1
            note = f"letter '{L}' occurs {c} times (case-insensitive); {rel} {n} -> {lab}"
            if shout: note += "; upper-case letters count because IFEval lower-cases the text"
            return R(text, {"letter": L, "let_frequency": n, "let_relation": rel}, lab, case, note)
        return f
    return [mk("at least", 0, True, "boundary_exact"), mk("at least", -1, False, "off_by_one"),
            mk("less than", 0, False, "boundary_exact"), mk("less than", -1, True, "off_by_one"),
            mk("at least", 0, True, "case_variant", shout=True), mk("less than", -1, True, "case_variant", shout=True),
            mk("at least", 15, True, "clear_pass"), mk("less than", 15, False, "clear_fail")]

# --- language:response_language
@reg("language:response_language")
def _():
    langs = sorted(FOREIGN)
    def full(rng, t):
        L = rng.choice(langs); txt = "\n\n".join(rng.sample(FOREIGN[L], 2))
        return R(txt, {"language": L}, True, "clear_pass", f"entire response in {L}")
    def english(rng, t):
        L = rng.choice(langs); txt = "\n\n".join(paras(rng, t, 2))
        return R(txt, {"language": L}, False, "clear_fail", f"response is in English, not {L}")
    def other_lang(rng, t):
        pairs = [("pt", "es"), ("es", "it"), ("it", "fr"), ("fr", "de"), ("de", "pt"), ("ru", "fr")]
        want, got = rng.choice(pairs); txt = "\n\n".join(rng.sample(FOREIGN[got], 2))
        return R(txt, {"language": want}, False, "distractor", f"response is in {got}, a different language than {want}")
    def mostly_target(rng, t):
        L = rng.choice(langs); txt = "\n\n".join(rng.sample(FOREIGN[L], 3)) + "\n\n(Deadline: Friday.)"
        return R(txt, {"language": L}, True, "mixed_language",
                 f"three {L} paragraphs plus a two-word English aside; langdetect on the whole text still returns {L}")
    def mostly_english(rng, t):
        L = rng.choice(langs); txt = "\n\n".join(paras(rng, t, 3)) + "\n\n" + FOREIGN[L][0].split(". ")[0] + "."
        return R(txt, {"language": L}, False, "mixed_language",
                 f"mostly English with one {L} sentence at the end; detected language is English")
    def english_target(rng, t):
        txt = "\n\n".join(paras(rng, t, 2))
        return R(txt, {"language": "en"}, True, "clear_pass", "English response for language en")
    def en_target_foreign(rng, t):
        L = rng.choice(langs); txt = "\n\n".join(rng.sample(FOREIGN[L], 2))
        return R(txt, {"language": "en"}, False, "clear_fail", f"language en requested but response is in {L}")
    def translated_with_header(rng, t):
        L = rng.choice(langs); txt = "Translation:\n\n" + "\n\n".join(rng.sample(FOREIGN[L], 3))
        return R(txt, {"language": L}, True, "mixed_language",
                 f"English label 'Translation:' followed by {L} text; the whole text is detected as {L}")
    return [full, english, mostly_target, mostly_english, english_target, other_lang, translated_with_header, en_target_foreign]

# --- length_constraints:number_sentences
@reg("length_constraints:number_sentences")
def _():
    def build(rng, t, n):
        ss = sents(rng, t, n); cut = rng.randint(1, n - 1) if n > 2 else n
        return " ".join(ss[:cut]) + ("\n\n" + " ".join(ss[cut:]) if cut < n else "")
    def mk(rel, delta, label, case):
        def f(rng, t):
            n = rng.randint(3, 8); k = n + delta
            return R(build(rng, t, k), {"num_sentences": n, "relation": rel}, label, case,
                     f"{k} sentences; {rel} {n}")
        return f
    def abbrev(rng, t):
        ss = sents(rng, t, 3)
        txt = " ".join(ss[:2]) + " Dr. Rivera and Mr. Okafor both recommend this approach. " + ss[2]
        return R(txt, {"num_sentences": 5, "relation": "less than"}, True, "adversarial_abbrev",
                 "4 sentences; 'Dr.' and 'Mr.' are known abbreviations in punkt so they do not end sentences; 4 < 5")
    def decimals(rng, t):
        ss = sents(rng, t, 2)
        txt = ss[0] + " Prices rose 2.5 percent last year and 3.75 percent the year before. " + ss[1]
        return R(txt, {"num_sentences": 3, "relation": "at least"}, True, "adversarial_decimal",
                 "3 sentences; decimal points are not sentence boundaries; 3 >= 3")
    def bullets(rng, t):
        ss = sents(rng, t, 4)
        txt = ss[0] + "\n- " + ss[1].rstrip(".").lower() + "\n- " + ss[2].rstrip(".").lower() + "\n- " + ss[3].rstrip(".").lower() + "\n\nThat covers the essentials."
        return R(txt, {"num_sentences": 4, "relation": "at least"}, False, "ifeval_semantics",
                 "punkt does not split at newlines: the three unpunctuated bullet lines merge with the closing line, giving 2 sentences (a reader may count 5); 2 < 4 so 'at least 4' fails")
    def questions(rng, t):
        ss = sents(rng, t, 2)
        txt = "Why does this matter? " + ss[0] + " Sounds simple! " + ss[1] + " Ready to start?"
        return R(txt, {"num_sentences": 5, "relation": "less than"}, False, "boundary_exact",
                 "5 sentences ending in ? ! . ; 5 is not less than 5")
    return [mk("at least", 0, True, "boundary_exact"), mk("at least", -1, False, "off_by_one"),
            mk("less than", 0, False, "boundary_exact"), mk("less than", -1, True, "off_by_one"),
            mk("less than", -2, True, "clear_pass"), mk("at least", -2, False, "clear_fail"),
            abbrev, bullets, decimals, questions]

# --- length_constraints:number_paragraphs
@reg("length_constraints:number_paragraphs")
def _():
    D = "\n\n***\n\n"
    def mk(delta, label, case):
        def f(rng, t):
            n = rng.randint(2, 5); k = n + delta
            return R(D.join(paras(rng, t, k)), {"num_paragraphs": n}, label, case,
                     f"{k} paragraphs separated by *** ; exactly {n} required")
        return f
    def blank_only(rng, t):
        n = rng.randint(2, 4)
        return R("\n\n".join(paras(rng, t, n)), {"num_paragraphs": n}, False, "ifeval_semantics",
                 f"{n} paragraphs separated only by blank lines; IFEval splits on *** only so this is 1 paragraph")
    def trailing(rng, t):
        n = rng.randint(2, 4)
        return R(D.join(paras(rng, t, n)) + "\n\n***", {"num_paragraphs": n}, True, "markdown_variant",
                 "trailing *** leaves an empty last chunk which IFEval ignores")
    def double_div(rng, t):
        n = rng.randint(3, 4); p = paras(rng, t, n)
        return R(D.join(p[:2]) + "\n\n***\n\n***\n\n" + D.join(p[2:]), {"num_paragraphs": n}, False, "markdown_variant",
                 "two consecutive *** dividers create an empty middle paragraph, which IFEval rejects")
    def spaced_div(rng, t):
        n = rng.randint(2, 4)
        return R("\n\n* * *\n\n".join(paras(rng, t, n)), {"num_paragraphs": n}, False, "markdown_variant",
                 "'* * *' is a markdown rule but not the literal *** divider; IFEval sees 1 paragraph")
    def bold_italic(rng, t):
        n = rng.randint(2, 4); p = paras(rng, t, n); p[0] = "***Key idea:*** " + p[0]
        return R(D.join(p), {"num_paragraphs": n}, False, "ifeval_semantics",
                 "***bold italic*** markup inside a paragraph is split like a divider, so the count goes over (leading empty chunk dropped, extra chunk added)")
    return [mk(0, True, "boundary_exact"), mk(1, False, "off_by_one"), mk(0, True, "clear_pass"),
            mk(-1, False, "off_by_one"), trailing, blank_only, mk(0, True, "boundary_exact"), double_div,
            spaced_div, bold_italic]

# --- length_constraints:number_words
CONTRACT = "Don't rush it and you'll see it's easier than it looks. "
@reg("length_constraints:number_words")
def _():
    def mk(rel, delta, label, case):
        def f(rng, t):
            text = "\n\n".join(paras(rng, t, rng.randint(2, 4))); c = wc(text); n = c - delta
            return R(text, {"num_words": n, "relation": rel}, label, case,
                     f"{c} words (\\w+ tokens); {rel} {n}")
        return f
    def contractions(rng, t):
        text = CONTRACT + "\n\n".join(paras(rng, t, 2)); c = wc(text); ws = len(text.split())
        n = ws + 1  # a whitespace counter would say ws < n; IFEval's \w+ count is higher
        assert c >= n
        return R(text, {"num_words": n, "relation": "less than"}, False, "ifeval_semantics",
                 f"whitespace split gives {ws} words but IFEval counts \\w+ tokens (don't = 2, it's = 2, hyphenated parts split) giving {c}; {c} is not less than {n}")
    def numbers(rng, t):
        text = "\n\n".join(paras(rng, t, 2)) + " Budget about 3,500 dollars or 2.5 percent of income."
        c = wc(text); ws = len(text.split())
        return R(text, {"num_words": ws + 1, "relation": "at least"}, True, "ifeval_semantics",
                 f"'3,500' and '2.5' are two \\w+ tokens each: {c} words vs {ws} by whitespace; {c} >= {ws+1}")
    def hyphens(rng, t):
        text = "\n\n".join(paras(rng, t, 2)) + " Try a low-cost well-tested day-to-day routine."
        c = wc(text); ws = len(text.split())
        return R(text, {"num_words": ws + 2, "relation": "at least"}, c >= ws + 2, "ifeval_semantics",
                 f"hyphenated words split into parts: {c} \\w+ tokens but only {ws} whitespace words; {c} >= {ws+2}")
    def markdown(rng, t):
        p = paras(rng, t, 2); text = "## Overview\n\n" + p[0] + "\n\n- " + p[1]
        c = wc(text)
        return R(text, {"num_words": c + 1, "relation": "less than"}, True, "markdown_variant",
                 f"markdown symbols (#, -) are not words; {c} \\w+ tokens < {c+1}")
    return [mk("at least", 0, True, "boundary_exact"), mk("at least", -1, False, "off_by_one"),
            mk("less than", 0, False, "boundary_exact"), mk("less than", -1, True, "off_by_one"),
            mk("less than", -40, True, "clear_pass"), mk("at least", -40, False, "clear_fail"),
            contractions, numbers, hyphens, markdown]

# --- length_constraints:nth_paragraph_first_word
FIRST = ["however", "finally", "moreover", "overall", "next", "meanwhile", "importantly", "instead"]
@reg("length_constraints:nth_paragraph_first_word")
def _():
    def base(rng, t, n):
        return paras(rng, t, n)
    def mk(kind):
        def f(rng, t):
            n = rng.randint(2, 5); nth = rng.randint(1, n); w = rng.choice(FIRST); p = base(rng, t, n)
            kw = {"num_paragraphs": n, "nth_paragraph": nth, "first_word": w}
            if kind == "pass":
                p[nth-1] = w.capitalize() + " " + lower_first(p[nth-1])
                return R("\n\n".join(p), kw, True, "clear_pass", f"{n} paragraphs; paragraph {nth} starts with '{w.capitalize()}' (compared lower-cased)")
            if kind == "comma":
                p[nth-1] = w.capitalize() + ", " + lower_first(p[nth-1])
                return R("\n\n".join(p), kw, True, "punctuation_variant", "first word followed by a comma; IFEval stops the word at punctuation")
            if kind == "wrongword":
                other = rng.choice([x for x in FIRST if x != w]); p[nth-1] = other.capitalize() + " " + lower_first(p[nth-1])
                return R("\n\n".join(p), kw, False, "clear_fail", f"paragraph {nth} starts with '{other}', not '{w}'")
            if kind == "wrongpara":
                j = nth % n  # a different paragraph gets the word
                p[j] = w.capitalize() + " " + lower_first(p[j])
                if p[nth-1].split()[0].lower().strip(",.") == w: return None
                return R("\n\n".join(p), kw, False, "distractor", f"'{w}' starts paragraph {j+1}, not paragraph {nth}")
            if kind == "count_off":
                p[nth-1] = w.capitalize() + " " + lower_first(p[nth-1]); p.append(para(rng, t, 2))
                return R("\n\n".join(p), kw, False, "off_by_one", f"right first word but {n+1} paragraphs instead of {n}")
            if kind == "single_nl":
                p[nth-1] = w.capitalize() + " " + lower_first(p[nth-1])
                return R("\n".join(p), kw, n == 1 and nth == 1, "ifeval_semantics", "paragraphs separated by single newlines count as one paragraph under the \\n\\n split")
            if kind == "bold":
                p[nth-1] = "**" + w.capitalize() + "** " + lower_first(p[nth-1])
                return R("\n\n".join(p), kw, False, "markdown_variant", "first word wrapped in ** bold; asterisks are not stripped so the word is '**" + w + "**'")
            if kind == "quoted":
                p[nth-1] = '"' + w.capitalize() + '" is the word to remember. ' + p[nth-1]
                return R("\n\n".join(p), kw, True, "punctuation_variant", "leading double quote is stripped and the word stops at the closing quote")
        return f
    return [mk("pass"), mk("wrongword"), mk("comma"), mk("count_off"), mk("quoted"), mk("wrongpara"), mk("pass"), mk("bold"), mk("single_nl")]

# --- detectable_content:number_placeholders
PH = ["[name]", "[address]", "[date]", "[company]", "[phone number]", "[city]", "[amount]", "[email]"]
@reg("detectable_content:number_placeholders")
def _():
    def mk(delta, label, case):
        def f(rng, t):
            n = rng.randint(1, 4); k = n + delta; p = paras(rng, t, 2)
            phs = rng.sample(PH, k)
            line = ("Fill in " + " and ".join(phs) + " before sending.") if k else "Nothing else to fill in."
            return R("\n\n".join(p) + "\n\n" + line, {"num_placeholders": n}, label, case, f"{k} [..] placeholders; at least {n} required")
        return f
    def links(rng, t):
        p = paras(rng, t, 2)
        return R(p[0] + " See [the official guide](https://example.org/guide) and [this checklist](https://example.org/list).\n\n" + p[1],
                 {"num_placeholders": 2}, True, "ifeval_semantics", "markdown link texts are [..] spans and count as placeholders under IFEval's regex")
    def braces(rng, t):
        p = paras(rng, t, 2)
        return R("\n\n".join(p) + "\n\nDear {name} at {company},", {"num_placeholders": 1}, False, "markdown_variant", "curly-brace placeholders are not square brackets; 0 found")
    def multiline(rng, t):
        p = paras(rng, t, 2)
        return R(p[0] + " [insert\ndate] " + p[1], {"num_placeholders": 1}, False, "adversarial",
                 "brackets split across a newline do not match \\[.*?\\] ('.' excludes newline)")
    return [mk(0, True, "boundary_exact"), mk(-1, False, "off_by_one"), mk(2, True, "clear_pass"),
            mk(-1, False, "clear_fail"), links, braces, mk(1, True, "clear_pass"), multiline]

# --- detectable_content:postscript
@reg("detectable_content:postscript")
def _():
    def mk(marker, ps_text, label, case, note):
        def f(rng, t):
            body = "\n\n".join(paras(rng, t, 2))
            resp = body + ("\n\n" + ps_text.format(s=lower_first(rng.choice(t[2]))) if ps_text else "")
            return R(resp, {"postscript_marker": marker}, label, case, note)
        return f
    return [
        mk("P.S.", "P.S. Do not forget that {s}", True, "clear_pass", "postscript starts with P.S."),
        mk("P.S.", "", False, "clear_fail", "no postscript"),
        mk("P.P.S", "P.S. Remember that {s}\n\nP.P.S. One last thing: {s}", True, "clear_pass", "P.P.S line present"),
        mk("P.P.S", "P.S. Remember that {s}", False, "distractor", "only P.S. present; P.P.S required"),
        mk("P.S.", "P.P.S. Remember that {s}", True, "ifeval_semantics", "'P.P.S.' contains 'P.S.' and IFEval's pattern is not anchored, so a P.P.S. line satisfies the P.S. marker"),
        mk("P.S.", "PS: remember that {s}", False, "adversarial", "'PS:' has no dots and does not match the P.S. pattern"),
        mk("P.S.", "p.s. remember that {s}", True, "case_variant", "lower-case p.s. matches; IFEval lower-cases the response"),
        mk("P.S.", "P.S remember that {s}", False, "off_by_one", "'P.S' lacks the final dot that the P.S. pattern requires"),
        mk("P.P.S", "P. P. S. Remember that {s}", True, "punctuation_variant", "spaces after the dots are allowed by the pattern"),
        mk("P.S.", "Postscript: remember that {s}", False, "adversarial", "'Postscript:' is not the P.S. marker"),
    ]

# --- detectable_format:number_bullet_lists
@reg("detectable_format:number_bullet_lists")
def _():
    def items(rng, t, k, mark="* ", indent=""):
        return "\n".join(indent + mark + s for s in sents(rng, t, k))
    def mk(mark, delta, label, case):
        def f(rng, t):
            n = rng.randint(2, 5); k = n + delta
            resp = "Here is a quick rundown.\n\n" + items(rng, t, k, mark) + "\n\n" + rng.choice(t[2])
            return R(resp, {"num_bullets": n}, label, case, f"{k} bullets with '{mark.strip()}'; exactly {n} required")
        return f
    def mixed(rng, t):
        n = 4; ss = sents(rng, t, 4)
        resp = "Key points:\n* " + ss[0] + "\n* " + ss[1] + "\n- " + ss[2] + "\n- " + ss[3]
        return R(resp, {"num_bullets": n}, True, "markdown_variant", "2 '*' bullets plus 2 '-' bullets; both markers count")
    def nested(rng, t):
        ss = sents(rng, t, 5)
        resp = "Plan:\n* " + ss[0] + "\n  * " + ss[1] + "\n  * " + ss[2] + "\n* " + ss[3] + "\n* " + ss[4]
        return R(resp, {"num_bullets": 3}, False, "markdown_variant", "3 top-level bullets but 2 nested ones also match (leading whitespace allowed): 5 != 3")
    def numbered(rng, t):
        n = 3; resp = "Steps:\n" + "\n".join(f"{i+1}. {s}" for i, s in enumerate(sents(rng, t, n)))
        return R(resp, {"num_bullets": n}, False, "markdown_variant", "numbered list items are not bullets for IFEval")
    def hr(rng, t):
        n = 3; resp = "Summary\n---\n" + items(rng, t, n, "- ")
        return R(resp, {"num_bullets": n}, False, "ifeval_semantics", "a '---' rule line starts with '-' and is counted as a bullet: 4 != 3")
    def bold_header(rng, t):
        n = 3; resp = "**Top tips**\n" + items(rng, t, n, "* ") + "\n**Done**"
        return R(resp, {"num_bullets": n}, True, "markdown_variant", "lines starting with ** are excluded by \\*[^\\*]; exactly 3 bullets")
    def unicode_b(rng, t):
        n = 3; resp = "Tips:\n" + items(rng, t, n, "• ")
        return R(resp, {"num_bullets": n}, False, "markdown_variant", "'•' bullets are not recognised; 0 bullets")
    def italic_line(rng, t):
        n = 3; resp = "*Note:* these are general tips.\n" + items(rng, t, n, "- ")
        return R(resp, {"num_bullets": n}, False, "ifeval_semantics", "a line starting with *italic* matches the bullet pattern: 4 != 3")
    return [mk("* ", 0, True, "boundary_exact"), mk("* ", 1, False, "off_by_one"), mk("- ", 0, True, "boundary_exact"),
            mk("- ", -1, False, "off_by_one"), mixed, nested, bold_header, numbered, mk("* ", 0, True, "clear_pass"), hr,
            unicode_b, italic_line]

# --- detectable_format:constrained_response
OPTS = ["yes", "no", "maybe"]
@reg("detectable_format:constrained_response")
def _():
    def mk(kind):
        def f(rng, t):
            o = rng.choice(OPTS); e = " ".join(sents(rng, t, rng.randint(1, 3))); opt = f"My answer is {o}."
            if kind == "exact": return R(opt, {}, True, "clear_pass", "exact option string")
            if kind == "explain_after": return R(opt + "\n\n" + e, {}, True, "distractor", "option followed by an explanation; IFEval only checks that an option is contained")
            if kind == "explain_before": return R(e + "\n\n" + opt, {}, True, "distractor", "option at the end after the explanation; containment is enough")
            if kind == "no_option": return R(o.capitalize() + ". " + e, {}, False, "clear_fail", "bare yes/no/maybe without the option sentence")
            if kind == "capital": return R(f"My answer is {o.capitalize()}.\n\n" + e, {}, False, "case_variant", "option match is case-sensitive ('Yes' vs 'yes')")
            if kind == "lower_m": return R(e + f" So overall, my answer is {o}.", {}, False, "case_variant", f"'my answer is {o}.' with lower-case m is not the option string")
            if kind == "no_period": return R(f"My answer is {o}", {}, False, "off_by_one", "final period missing")
            if kind == "colon": return R(f"My answer is: {o}.\n\n" + e, {}, False, "adversarial", "colon breaks the exact option string")
            if kind == "bold": return R(f"**My answer is {o}.**\n\n" + e, {}, True, "markdown_variant", "bold markup around the option; the option string is still contained")
            if kind == "quoted_other": return R(f"Answer: {o}.\n\n" + e, {}, False, "clear_fail", "'Answer: ...' is not an option string")
        return f
    return [mk(k) for k in ["exact", "no_option", "explain_after", "capital", "explain_before", "lower_m", "bold", "no_period", "exact", "colon", "explain_after", "quoted_other"]]

# --- detectable_format:number_highlighted_sections
@reg("detectable_format:number_highlighted_sections")
def _():
    def hl(rng, t, k, style):
        p = paras(rng, t, 3); words = ["key step", "main risk", "best tool", "first goal", "common mistake", "real benefit", "simple fix"]
        for i in range(k):
            w = words[i % len(words)]
            mark = ("*%s*" if style == "i" else "**%s**") % w if style != "mix" else (("*%s*" if i % 2 else "**%s**") % w)
            p[i % 3] += f" The {mark} deserves attention."
        return "\n\n".join(p)
    def mk(style, delta, label, case):
        def f(rng, t):
            n = rng.randint(1, 4); k = max(0, n + delta)
            return R(hl(rng, t, k, style), {"num_highlights": n}, label, case, f"{k} highlighted spans ({'*x*' if style=='i' else '**x**' if style=='b' else 'mixed *x* and **x**'}); at least {n}")
        return f
    def empty(rng, t):
        p = paras(rng, t, 2); resp = p[0] + " ** ** " + p[1] + " * *"
        return R(resp, {"num_highlights": 1}, False, "adversarial", "highlight markers with only whitespace inside do not count")
    def multiplication(rng, t):
        p = paras(rng, t, 2); resp = p[0] + " A box of 3 * 4 * 5 centimetres is enough. " + p[1]
        return R(resp, {"num_highlights": 1}, True, "ifeval_semantics", "'* 4 *' in a multiplication matches the *x* highlight regex")
    def bullets_only(rng, t):
        resp = "Tips:\n" + "\n".join("* " + s for s in sents(rng, t, 3))
        return R(resp, {"num_highlights": 1}, False, "markdown_variant", "'*' bullet markers on separate lines never pair up (the regex does not cross newlines)")
    def heading(rng, t):
        p = paras(rng, t, 2); resp = "## Key step\n\n" + p[0] + "\n\n## Main risk\n\n" + p[1]
        return R(resp, {"num_highlights": 2}, False, "markdown_variant", "markdown headings are not *highlights*; 0 found")
    return [mk("i", 0, True, "boundary_exact"), mk("i", -1, False, "off_by_one"), mk("b", 0, True, "markdown_variant"),
            mk("b", -1, False, "off_by_one"), mk("mix", 0, True, "markdown_variant"), empty, multiplication, bullets_only,
            mk("i", 2, True, "clear_pass"), heading]

# --- detectable_format:multiple_sections
@reg("detectable_format:multiple_sections")
def _():
    def build(rng, t, k, sp, fmt="{sp} {i}"):
        p = paras(rng, t, k)
        return "\n\n".join(fmt.format(sp=sp, i=i+1) + "\n" + p[i] for i in range(k))
    def mk(delta, label, case, fmt="{sp} {i}", cap=None, note=""):
        def f(rng, t):
            sp = cap or rng.choice(["Section", "SECTION"]); n = rng.randint(2, 5); k = n + delta
            kw = {"section_spliter": sp, "num_sections": n}
            return R(build(rng, t, k, sp, fmt), kw, label, case, note or f"{k} '{sp} X' headers; at least {n}")
        return f
    def wrong_case(rng, t):
        n = rng.randint(2, 4)
        return R(build(rng, t, n, "SECTION"), {"section_spliter": "Section", "num_sections": n}, False, "case_variant",
                 "splitter match is case-sensitive: 'SECTION 1' does not match 'Section'")
    def words(rng, t):
        n = 3; p = paras(rng, t, n)
        resp = "\n\n".join(f"Section {w}\n{p[i]}" for i, w in enumerate(["One", "Two", "Three"]))
        return R(resp, {"section_spliter": "Section", "num_sections": n}, False, "adversarial", "section numbers spelled out; the splitter needs digits")
    def crossref(rng, t):
        n = 3; resp = build(rng, t, 2, "Section") + " As noted in Section 1 this is the core idea."
        return R(resp, {"section_spliter": "Section", "num_sections": n}, True, "ifeval_semantics",
                 "only 2 headers but an in-text cross-reference 'Section 1' also splits: 3 splits >= 3")
    def md(rng, t):
        n = 3
        return R(build(rng, t, n, "Section", "## {sp} {i}"), {"section_spliter": "Section", "num_sections": n}, True, "markdown_variant",
                 "markdown heading '## Section 1' still contains the splitter")
    def nospace(rng, t):
        n = 2
        return R(build(rng, t, n, "Section", "{sp}{i}:"), {"section_spliter": "Section", "num_sections": n}, True, "punctuation_variant",
                 "'Section1' (no space) matches because the space in the pattern is optional")
    return [mk(0, True, "boundary_exact"), mk(-1, False, "off_by_one"), mk(1, True, "clear_pass"), wrong_case,
            md, words, crossref, mk(-2, False, "clear_fail"), nospace, mk(0, True, "clear_pass", cap="PARAGRAPH")]

# --- detectable_format:json_format
@reg("detectable_format:json_format")
def _():
    def obj(rng, t):
        ss = sents(rng, t, 3)
        return {"topic": t[0], "summary": ss[0], "tips": ss[1:], "difficulty": rng.choice(["easy", "medium"]), "steps": rng.randint(3, 9)}
    def mk(wrap, label, case, note):
        def f(rng, t):
            j = json.dumps(obj(rng, t), indent=2, ensure_ascii=False)
            return R(wrap(j), {}, label, case, note)
        return f
    return [
        mk(lambda j: j, True, "clear_pass", "bare valid JSON object"),
        mk(lambda j: "Here is the JSON you asked for:\n" + j, False, "clear_fail", "lead-in prose before the JSON makes json.loads fail"),
        mk(lambda j: "```json\n" + j + "\n```", True, "markdown_variant", "```json fence is stripped by IFEval before parsing"),
        mk(lambda j: "```JSON\n" + j + "\n```", True, "markdown_variant", "```JSON fence (upper case) is also stripped"),
        mk(lambda j: "```\n" + j + "\n```", True, "markdown_variant", "bare ``` fence is stripped"),
        mk(lambda j: "```javascript\n" + j + "\n```", False, "markdown_variant", "```javascript: only the ``` is removed, leaving 'javascript' before the object"),
        mk(lambda j: "```json\n" + j + "\n```\nLet me know if you need changes.", False, "distractor", "text after the closing fence keeps the suffix from being stripped"),
        mk(lambda j: j.replace('"', "'"), False, "adversarial", "single-quoted keys are not valid JSON"),
        mk(lambda j: j[:-2] + ",\n}", False, "adversarial", "trailing comma before the closing brace is invalid JSON"),
        mk(lambda j: "\n\n  " + j + "  \n", True, "boundary_exact", "surrounding whitespace is stripped"),
    ]

# --- detectable_format:title
@reg("detectable_format:title")
def _():
    titles = ["A Beginner's Roadmap", "Small Steps Big Results", "The Essentials", "What Nobody Tells You", "Getting Started"]
    def mk(kind):
        def f(rng, t):
            ti = rng.choice(titles); p = paras(rng, t, 3); b = "\n\n".join(p)
            if kind == "top": return R(f"<<{ti}>>\n\n" + b, {}, True, "clear_pass", "title at the top")
            if kind == "none": return R(b, {}, False, "clear_fail", "no <<title>>")
            if kind == "middle":
                return R("\n\n".join(p[:2] + [f"<<{ti}>>"] + p[2:]), {}, True, "title_position", "title in the middle still counts; IFEval searches anywhere")
            if kind == "inline": return R(p[0] + f" We call this <<{ti.lower()}>> for short. " + "\n\n".join(p[1:]), {}, True, "title_position", "<<..>> inside a sentence counts")
            if kind == "blank": return R("<< >>\n\n" + b, {}, False, "adversarial", "title with only whitespace is rejected")
            if kind == "newline": return R("<<" + ti + "\n>>\n\n" + b, {}, False, "adversarial", "title broken across a newline does not match <<[^\\n]+>>")
            if kind == "single": return R(f"<{ti}>\n\n" + b, {}, False, "markdown_variant", "single angle brackets are not a title")
            if kind == "md": return R(f"# {ti}\n\n" + b, {}, False, "markdown_variant", "markdown heading is not a <<title>>")
            if kind == "guillemet": return R(f"«{ti}»\n\n" + b, {}, False, "adversarial", "guillemets are not double angle brackets")
            if kind == "triple": return R(f"<<<{ti}>>>\n\n" + b, {}, True, "adversarial", "extra brackets are stripped; title content non-empty")
        return f
    return [mk(k) for k in ["top", "none", "middle", "blank", "inline", "newline", "single", "triple", "md", "guillemet"]]

# --- combination:two_responses
@reg("combination:two_responses")
def _():
    S = "\n******\n"
    def mk(kind):
        def f(rng, t):
            a = "\n\n".join(paras(rng, t, 2)); b = "\n\n".join(paras(rng, t, 2))
            while b == a: b = "\n\n".join(paras(rng, t, 2))
            if kind == "ok": return R(a + S + b, {}, True, "clear_pass", "two different responses separated by ******")
            if kind == "one": return R(a, {}, False, "clear_fail", "single response, no separator")
            if kind == "same": return R(a + S + a, {}, False, "adversarial", "the two responses are identical")
            if kind == "three": return R(a + S + b + S + para(rng, t, 2), {}, False, "off_by_one", "three responses")
            if kind == "five": return R(a + "\n*****\n" + b, {}, False, "off_by_one", "separator has only 5 asterisks")
            if kind == "seven": return R(a + "\n*******\n" + b, {}, True, "ifeval_semantics", "7 asterisks still contain ******; the leftover '*' joins the second response, which stays different")
            if kind == "edges": return R("******\n" + a + S + b + "\n******", {}, True, "boundary_exact", "empty chunks at the very start and end are ignored")
            if kind == "emptymid": return R(a + "\n******\n\n******\n" + b, {}, False, "adversarial", "empty response between two separators is rejected")
            if kind == "labelled": return R("Response 1:\n" + a + S + "Response 2:\n" + b, {}, True, "distractor", "labels inside the responses are fine")
            if kind == "ws": return R(a + S + "  " + a + "  ", {}, False, "adversarial", "second response differs only by surrounding whitespace; compared after strip()")
        return f
    return [mk(k) for k in ["ok", "one", "edges", "same", "seven", "three", "labelled", "five", "ok", "emptymid", "ws"]]

# --- combination:repeat_prompt
@reg("combination:repeat_prompt")
def _():
    def mk(kind):
        def f(rng, t):
            q = t[1]; ans = "\n\n".join(paras(rng, t, 2)); kw = {"prompt_to_repeat": q}
            if kind == "ok": return R(q + "\n\n" + ans, kw, True, "clear_pass", "request repeated verbatim first")
            if kind == "sure": return R("Sure! " + q + "\n\n" + ans, kw, False, "clear_fail", "text before the repeated request")
            if kind == "case": return R(q.upper() + "\n\n" + ans, kw, True, "case_variant", "comparison is case-insensitive")
            if kind == "nopunct": return R(q[:-1] + "\n\n" + ans, kw, False, "off_by_one", "request repeated without its final punctuation mark, so the response does not start with the full request")
            if kind == "quoted": return R('"' + q + '"\n\n' + ans, kw, False, "adversarial", "request wrapped in quotes; response starts with a quote mark")
            if kind == "ws": return R("\n\n  " + q + "\n\n" + ans, kw, True, "boundary_exact", "leading whitespace is stripped before comparison")
            if kind == "para": return R(q.replace(" ", "  ", 1) + "\n\n" + ans, kw, False, "adversarial", "double space inside the repeated request breaks the exact prefix")
            if kind == "answer_only": return R(ans, kw, False, "clear_fail", "answer without repeating the request")
            if kind == "changed":
                w = q.split(" ", 1); return R(w[0] + " please " + w[1] + "\n\n" + ans, kw, False, "adversarial", "an extra word 'please' was inserted into the repeated request")
        return f
    return [mk(k) for k in ["ok", "sure", "case", "quoted", "ws", "para", "ok", "answer_only", "changed", "nopunct", "ok"]]

# --- startend:end_checker
ENDS = ["Any other questions?", "Is there anything else I can help with?", "Let me know if you have additional questions.", "That is all you need to know."]
@reg("startend:end_checker")
def _():
    def mk(kind):
        def f(rng, t):
            e = rng.choice(ENDS); b = "\n\n".join(paras(rng, t, 2)); kw = {"end_phrase": e}
            if kind == "ok": return R(b + "\n\n" + e, kw, True, "clear_pass", "ends with the exact phrase")
            if kind == "missing": return R(b, kw, False, "clear_fail", "phrase absent")
            if kind == "extra_dot": return R(b + "\n\n" + e + ".", kw, False, "off_by_one", "an extra period after the phrase")
            if kind == "case": return R(b + "\n\n" + e.lower(), kw, True, "case_variant", "comparison is case-insensitive")
            if kind == "trail_ws": return R(b + "\n\n" + e + "  \n\n", kw, True, "boundary_exact", "trailing whitespace is stripped")
            if kind == "middle": return R(b + " " + e + " " + para(rng, t, 1), kw, False, "distractor", "phrase appears but not at the end")
            if kind == "emoji": return R(b + "\n\n" + e + " 😊", kw, False, "adversarial", "emoji after the phrase")
            if kind == "quoted": return R('"' + b + "\n\n" + e + '"', kw, True, "ifeval_semantics", "surrounding double quotes are stripped before the check")
            if kind == "nopunct": return R(b + "\n\n" + e[:-1], kw, False, "off_by_one", "final punctuation of the phrase missing")
            if kind == "signoff": return R(b + "\n\n" + e + "\n\nBest,\nAlex", kw, False, "adversarial", "sign-off after the phrase")
        return f
    return [mk(k) for k in ["ok", "missing", "case", "extra_dot", "trail_ws", "middle", "quoted", "emoji", "ok", "nopunct", "signoff"]]

# --- change_case:capital_word_frequency
ACR = ["NASA", "HTML", "USB", "FAQ", "PDF", "CEO", "NATO", "SQL", "JSON", "DNA", "GPS", "UNESCO"]
@reg("change_case:capital_word_frequency")
def _():
    def build(rng, t, k):
        p = paras(rng, t, 2); acr = [rng.choice(ACR) for _ in range(k)]
        extra = " ".join(f"Check the {a} notes today." for a in acr)
        return "\n\n".join(p) + ("\n\n" + extra if extra else "")
    def mk(rel, delta, label, case):
        def f(rng, t):
            n = rng.randint(2, 6); k = max(0, n + delta)
            return R(build(rng, t, k), {"capital_frequency": n, "capital_relation": rel}, label, case,
                     f"{k} all-caps words; {rel} {n}")
        return f
    def pronoun_i(rng, t):
        n = 3; resp = build(rng, t, 2) + "\n\nI think this helps."
        return R(resp, {"capital_frequency": n, "capital_relation": "at least"}, True, "ifeval_semantics",
                 "2 acronyms plus the pronoun 'I', which is an all-caps token: 3 >= 3")
    def hyphen(rng, t):
        n = 2; resp = build(rng, t, 1) + "\n\nWe used a NASA-style checklist and a GPS-based app."
        return R(resp, {"capital_frequency": n, "capital_relation": "at least"}, False, "adversarial",
                 "'NASA-style' and 'GPS-based' are single tokens with lower-case letters, so only 1 all-caps word")
    def shout(rng, t):
        n = 4; resp = build(rng, t, 0) + "\n\nPLEASE READ THIS."
        return R(resp, {"capital_frequency": n, "capital_relation": "less than"}, True, "boundary_exact",
                 "3 shouted words; 3 < 4")
    def digits(rng, t):
        n = 2; resp = build(rng, t, 1) + "\n\nThe COVID19 era changed this."
        return R(resp, {"capital_frequency": n, "capital_relation": "at least"}, True, "adversarial",
                 "'COVID19' is upper-case (digits are uncased): 2 >= 2")
    return [mk("at least", 0, True, "boundary_exact"), mk("at least", -1, False, "off_by_one"),
            mk("less than", 0, False, "boundary_exact"), mk("less than", -1, True, "off_by_one"),
            pronoun_i, hyphen, shout, mk("at least", 3, True, "clear_pass"), mk("less than", 3, False, "clear_fail"), digits]

# --- change_case:english_capital
@reg("change_case:english_capital")
def _():
    def mk(kind):
        def f(rng, t):
            b = "\n\n".join(paras(rng, t, 2)); U = b.upper()
            if kind == "ok": return R(U, {}, True, "clear_pass", "all upper-case English")
            if kind == "mixed": return R(b, {}, False, "clear_fail", "normal sentence case")
            if kind == "one_word":
                w = rng.choice(["iPhone", "eBay", "pH", "mRNA"])
                return R(U + f" USE THE {w} APP IF YOU LIKE.", {}, False, "adversarial", f"one mixed-case brand or term '{w}' makes isupper() false")
            if kind == "code": return R(U + "\n\nRUN `pip install tqdm` FIRST.", {}, False, "adversarial", "inline code in lower case breaks all-caps")
            if kind == "nums": return R(U + "\n\nSTEP 1: 250 ML OF WATER AT 20 DEGREES.", {}, True, "boundary_exact", "digits and symbols are uncased; still all caps")
            if kind == "french":
                # texts whose upper-cased form langdetect keeps as non-English (stable across seeds)
                txt = rng.choice([FOREIGN["de"][0], FOREIGN["de"][2], FOREIGN["fr"][1], FOREIGN["ru"][0], FOREIGN["pt"][0], FOREIGN["pt"][1]])
                return R(txt.upper(), {}, False, "distractor", "all caps but not English")
            if kind == "caps_es":
                txt = rng.choice([FOREIGN["es"][0], FOREIGN["es"][1], FOREIGN["fr"][2], FOREIGN["it"][2]])
                return R(txt.upper(), {}, True, "ifeval_semantics",
                         "all-caps Spanish/French/Italian: langdetect's n-gram profiles mis-detect this upper-cased text as 'en' (stable across seeds), so IFEval's strict check passes it; surprising but official")
            if kind == "unit": return R(U + " WALK 5km EACH DAY.", {}, False, "off_by_one", "one lower-case unit 'km'")
            if kind == "ps": return R(U + "\n\nP.S. KEEP GOING.", {}, True, "boundary_exact", "postscript also upper-case")
        return f
    return [mk(k) for k in ["ok", "mixed", "nums", "one_word", "ps", "code", "ok", "french", "ok", "unit", "french", "caps_es"]]

# --- change_case:english_lowercase
@reg("change_case:english_lowercase")
def _():
    def mk(kind):
        def f(rng, t):
            b = "\n\n".join(paras(rng, t, 2)); L = b.lower()
            if kind == "ok": return R(L, {}, True, "clear_pass", "all lower-case English")
            if kind == "mixed": return R(b, {}, False, "clear_fail", "normal sentence case")
            if kind == "acronym":
                a = rng.choice(ACR); return R(L + f" the {a} site has more.", {}, False, "adversarial", f"a lone acronym '{a}' breaks all-lowercase")
            if kind == "pronoun": return R(L + " i think that Is enough.", {}, False, "off_by_one", "a single capitalised word 'Is'")
            if kind == "code": return R(L + "\n\nrun `SELECT * FROM notes` to review.", {}, False, "adversarial", "upper-case SQL inside a code span still counts")
            if kind == "nums": return R(L + "\n\nstep 1: 250 ml at 20 degrees.", {}, True, "boundary_exact", "digits are uncased; still all lower-case")
            if kind == "spanish": return R(rng.choice(FOREIGN["es"] + FOREIGN["it"]).lower(), {}, False, "distractor", "lower-case but not English")
            if kind == "title": return R("<<a simple plan>>\n\n" + L, {}, True, "distractor", "lower-case title markup is fine")
        return f
    return [mk(k) for k in ["ok", "mixed", "nums", "acronym", "title", "pronoun", "ok", "code", "ok", "spanish"]]

# --- punctuation:no_comma
@reg("punctuation:no_comma")
def _():
    def mk(kind):
        def f(rng, t):
            b = "\n\n".join(paras(rng, t, 2))
            if kind == "ok": return R(b, {}, True, "clear_pass", "no commas")
            if kind == "comma": return R(b + "\n\nFirst, gather your tools.", {}, False, "clear_fail", "one comma")
            if kind == "number": return R(b + " Expect to spend about 1,200 dollars.", {}, False, "adversarial", "comma inside the number 1,200 still counts")
            if kind == "code": return R(b + "\n\n```python\nprint(min(3, 4))\n```", {}, False, "adversarial", "comma inside a code block still counts")
            if kind == "fullwidth": return R(b + " 谢谢，再见", {}, True, "ifeval_semantics", "only the ASCII comma is checked; the full-width comma ， is allowed")
            if kind == "semicolon": return R(b + " Rest well; eat well; sleep well.", {}, True, "distractor", "semicolons are fine")
            if kind == "decimal": return R(b + " The rate is 3.5 percent.", {}, True, "distractor", "decimal point, not a comma")
            if kind == "quote": return R(b + ' As they say "slow and steady," it works.', {}, False, "adversarial", "comma inside quotation marks")
        return f
    return [mk(k) for k in ["ok", "comma", "semicolon", "number", "decimal", "code", "ok", "quote", "fullwidth", "comma"]]

# --- startend:quotation
@reg("startend:quotation")
def _():
    def mk(kind):
        def f(rng, t):
            b = "\n\n".join(paras(rng, t, 2))
            if kind == "ok": return R('"' + b + '"', {}, True, "clear_pass", "wrapped in double quotes")
            if kind == "none": return R(b, {}, False, "clear_fail", "no quotes")
            if kind == "curly": return R("\u201c" + b + "\u201d", {}, False, "adversarial", "curly quotes are not the ASCII double quote")
            if kind == "single": return R("'" + b + "'", {}, False, "adversarial", "single quotes")
            if kind == "ws": return R('\n  "' + b + '"\n', {}, True, "boundary_exact", "surrounding whitespace stripped first")
            if kind == "period": return R('"' + b + '".', {}, False, "off_by_one", "period after the closing quote")
            if kind == "open": return R('"' + b, {}, False, "off_by_one", "closing quote missing")
            if kind == "two": return R('"' + rng.choice(t[2]) + '" and "' + rng.choice(t[2]) + '"', {}, True, "ifeval_semantics", "starts and ends with a quote although it is two quoted parts; IFEval only checks the first and last characters")
        return f
    return [mk(k) for k in ["ok", "none", "ws", "curly", "ok", "single", "two", "period", "ok", "open"]]

# ----------------------------------------------------------------- phrasings
PHRASINGS = {
 "keywords:existence": [("canonical", "Include keywords {keywords} in the response."), ("natural", "Make sure to mention {kwlist} somewhere in your answer."), ("terse", "Keywords required: {kwlist}.")],
 "keywords:frequency": [("canonical", "In your response, the word {keyword} should appear {relation} {frequency} times."), ("natural", "Use the word \"{keyword}\" {relation} {frequency} times."), ("terse", "Word '{keyword}': {relation} {frequency} occurrences.")],
 "keywords:forbidden_words": [("canonical", "Do not include keywords {forbidden_words} in the response."), ("natural", "Please avoid using the words {kwlist}."), ("terse", "Banned words: {kwlist}.")],
 "keywords:letter_frequency": [("canonical", "In your response, the letter {letter} should appear {let_relation} {let_frequency} times."), ("natural", "Make the letter '{letter}' show up {let_relation} {let_frequency} times.")],
 "language:response_language": [("canonical", "Your ENTIRE response should be in {langname} language, no other language is allowed."), ("natural", "Please reply only in {langname}.")],
 "length_constraints:number_sentences": [("canonical", "Your response should contain {relation} {num_sentences} sentences."), ("natural", "Answer in {relation} {num_sentences} sentences.")],
 "length_constraints:number_paragraphs": [("canonical", "There should be {num_paragraphs} paragraphs. Paragraphs are separated with the markdown divider: ***"), ("natural", "Write exactly {num_paragraphs} paragraphs and put *** between them.")],
 "length_constraints:number_words": [("canonical", "Answer with {relation} {num_words} words."), ("natural", "Keep the response to {relation} {num_words} words.")],
 "length_constraints:nth_paragraph_first_word": [("canonical", "There should be {num_paragraphs} paragraphs. Paragraphs and only paragraphs are separated with each other by two new lines as if it was '\\n\\n' in python. Paragraph {nth_paragraph} must start with word {first_word}."), ("natural", "Write {num_paragraphs} paragraphs separated by blank lines; paragraph number {nth_paragraph} should begin with the word \"{first_word}\".")],
 "detectable_content:number_placeholders": [("canonical", "The response must contain at least {num_placeholders} placeholders represented by square brackets, such as [address]."), ("natural", "Leave at least {num_placeholders} fill-in placeholders in square brackets like [name].")],
 "detectable_content:postscript": [("canonical", "At the end of your response, please explicitly add a postscript starting with {postscript_marker}"), ("natural", "Finish with a postscript that begins with {postscript_marker}")],
 "detectable_format:number_bullet_lists": [("canonical", "Your answer must contain exactly {num_bullets} bullet points. Use the markdown bullet points such as:\n* This is point 1.\n* This is point 2"), ("natural", "Give me exactly {num_bullets} bullet points.")],
 "detectable_format:constrained_response": [("canonical", "Answer with one of the following options: ('My answer is yes.', 'My answer is no.', 'My answer is maybe.')"), ("natural", "Reply with \"My answer is yes.\", \"My answer is no.\" or \"My answer is maybe.\"")],
 "detectable_format:number_highlighted_sections": [("canonical", "Highlight at least {num_highlights} sections in your answer with markdown, i.e. *highlighted section*."), ("natural", "Emphasize at least {num_highlights} parts using markdown like *this*.")],
 "detectable_format:multiple_sections": [("canonical", "Your response must have {num_sections} sections. Mark the beginning of each section with {section_spliter} X, such as:\n{section_spliter} 1\n[content of section 1]\n{section_spliter} 2\n[content of section 2]"), ("natural", "Split the answer into {num_sections} parts, each starting with '{section_spliter} N'.")],
 "detectable_format:json_format": [("canonical", "Entire output should be wrapped in JSON format. You can use markdown ticks such as ```."), ("natural", "Return your answer as JSON only.")],
 "detectable_format:title": [("canonical", "Your answer must contain a title, wrapped in double angular brackets, such as <<poem of joy>>."), ("natural", "Give the piece a title in double angle brackets like <<title>>.")],
 "combination:two_responses": [("canonical", "Give two different responses. Responses and only responses should be separated by 6 asterisk symbols: ******."), ("natural", "Provide two alternative answers separated by a line of six asterisks (******).")],
 "combination:repeat_prompt": [("canonical", "First repeat the request word for word without change, then give your answer (1. do not say any words or characters before repeating the request; 2. the request you need to repeat does not include this sentence)")],
 "startend:end_checker": [("canonical", "Finish your response with this exact phrase {end_phrase}. No other words should follow this phrase."), ("natural", "End your reply with the exact words: {end_phrase}")],
 "change_case:capital_word_frequency": [("canonical", "In your response, words with all capital letters should appear {capital_relation} {capital_frequency} times."), ("natural", "Use fully capitalised words {capital_relation} {capital_frequency} times.")],
 "change_case:english_capital": [("canonical", "Your entire response should be in English, and in all capital letters."), ("natural", "Write your whole answer in English using only CAPITAL LETTERS.")],
 "change_case:english_lowercase": [("canonical", "Your entire response should be in English, and in all lowercase letters. No capital letters are allowed."), ("natural", "reply in english, all lowercase, no capitals at all.")],
 "punctuation:no_comma": [("canonical", "In your entire response, refrain from the use of any commas."), ("natural", "Do not use a single comma anywhere in your answer.")],
 "startend:quotation": [("canonical", "Wrap your entire response with double quotation marks."), ("natural", "Put the whole answer inside double quotes.")],
}
LANGNAME = {"en": "English", "fr": "French", "es": "Spanish", "de": "German", "it": "Italian", "pt": "Portuguese", "ru": "Russian"}
SHORT = {k: k.split(":")[1][:14] for k in PHRASINGS}

def make_prompt(iid, kwargs, topic, rng, k):
    name, tmpl = PHRASINGS[iid][k % len(PHRASINGS[iid])]
    fmt = dict(kwargs)
    for key in ("keywords", "forbidden_words"):
        if key in kwargs:
            fmt["kwlist"] = " and ".join(f'"{w}"' for w in kwargs[key])
    if "language" in kwargs: fmt["langname"] = LANGNAME[kwargs["language"]]
    instr = tmpl.format(**fmt)
    task = kwargs.get("prompt_to_repeat", topic[1])
    order = (k // len(PHRASINGS[iid])) % 2
    prompt = f"{task} {instr}" if order == 0 else f"{instr}\n\n{task}"
    if iid == "combination:repeat_prompt":
        prompt = f"{instr}\n\n{task}"
    return prompt, name + ("/suffix" if order == 0 else "/prefix")

def build():
    rows = []
    for iid in PHRASINGS:
        fns = G[iid]()
        rng = random.Random(f"{SEED}:{iid}")
        i = 0; made = 0; seen = set()
        while made < ROWS_PER_ID:
            fn = fns[i % len(fns)]; topic = TOPICS[(i * 5 + len(iid)) % len(TOPICS)]
            i += 1
            r = fn(rng, topic)
            if r is None: continue
            key = (json.dumps(r["kwargs"], sort_keys=True), r["response"])
            if key in seen: continue          # no duplicate (kwargs, response) pairs
            seen.add(key)
            prompt, phr = make_prompt(iid, r["kwargs"], topic, rng, made)
            rows.append({"id": f"{SHORT[iid]}-{made:03d}", "instruction_id": iid, "kwargs": r["kwargs"],
                         "prompt": prompt, "response": r["response"], "label": bool(r["label"]),
                         "case": r["case"], "phrasing": phr, "note": r["note"]})
            made += 1
    return rows

if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), OUT)
    rows = build()
    with open(out, "w", encoding="utf-8") as f:
        for r in rows: f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} rows to {out}")
