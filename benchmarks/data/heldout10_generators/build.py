"""Seeded builder for the math_heldout10 split: crosses kind x phrasing x distractor.

Run: python build.py  (writes the jsonl next to this folder). Labels come from the value keys in
kinds.py plus the distractor's rule (a live second answer makes a row false), never from the text.
"""

import json
import re
import random
from pathlib import Path

from kinds import KINDS

SEED = 20261207
SPLIT = "math_heldout10_2026-12-07"
ROWS_PER_CELL = 7
OUT = Path(__file__).resolve().parent.parent / f"{SPLIT}.jsonl"

TRUE_D = [
    "plain",
    "equiv_form",
    "intermediate_in_working",
    "rejected_candidate",
    "corrected_to_right",
    "doubt_no_alt",
    "late_correction_to_right",
]
FALSE_D = [
    "near_miss",
    "sign_error",
    "swapped",
    "structure_change",
    "gold_in_working_final_wrong",
    "hedge_two",
    "corrected_to_wrong",
    "late_correction_to_wrong",
]
WRONG_CAT = {"near_miss": "near", "sign_error": "sign", "swapped": "swap", "structure_change": "structure"}
# Lazy checkers (last number, any-match, no hedge or unit handling) fail these.
EASY = {"plain", "near_miss", "sign_error", "doubt_no_alt"}

PHRASINGS = [
    "boxed",
    "hash_marks",
    "bold",
    "final_answer_heading",
    "short_final_line",
    "answer_first",
    "markdown_table",
    "bullet_list",
    "code_block",
    "numbered_steps",
    "display_math",
    "chatty_signoff",
    "restated_question",
    "plain_prose",
]


def inline(f):
    return f"${f}$" if any(c in f for c in "\\^{") else f


def mathsafe(f):
    """Form usable inside math mode."""
    if "\\" in f or "^" in f:
        return f
    if re.search(r"[A-Za-z]{2}", f) or "$" in f or "€" in f or "£" in f or "%" in f:
        return "\\text{" + f.replace("$", "\\$").replace("%", "\\%") + "}"
    return f


OPENERS = [
    "Let's work through this step by step.",
    "Okay, let me break this down.",
    "Sure! Here's how I'd approach it.",
    "We need to be careful with the setup here.",
    "Let me start by organizing what we know.",
    "",
]
STEP_T = [
    "From the given information, the first quantity works out to {v}.",
    "Setting up the relationship, we get {v} as a partial result.",
    "Substituting into the second condition gives {v}.",
    "Simplifying the left-hand side leaves {v}.",
    "A quick computation shows the intermediate value is {v}.",
]
INTER_T = [
    "Before the last step the running result is {w}, but we still have to apply the final condition.",
    "At this stage the expression evaluates to {w}; this is not yet the answer since one adjustment remains.",
    "Ignoring the last constraint would give {w}, so we continue.",
]
GOLDWORK_T = [
    "Partway through, the value {g} shows up, and then we apply the last step.",
    "Note that {g} appears as an intermediate quantity here.",
    "After the first pass we have {g}, which still has to be adjusted.",
]
REJECT_T = [
    "It is not {w} — that came from a sign slip I caught in step 2.",
    "(An earlier draft gave {w}, but that was an arithmetic mistake, so discard it.)",
    "You might be tempted to say {w}, but that double-counts one case, so it's wrong.",
]
PRIOR_T = ["So the answer is {p}.", "That gives {p}.", "Hence we get {p}."]
FIX_RIGHT = [
    "Wait — I made an error in step 2. Redoing it carefully:",
    "Hmm, actually that's not right; I mis-copied a coefficient. Let me fix it.",
    "Hold on, let me recheck that last step... I dropped a term. Corrected:",
]
FIX_WRONG = [
    "Hmm, let me double-check that. Actually, I think I dropped a factor, and correcting it changes the result.",
    "Wait, on second thought I mis-read the question; redoing the final step:",
    "Actually, scratch that — I need to revise the last step.",
]
HEDGE_T = [
    "Though it could also be {y} — I'm not fully sure which.",
    "Or possibly {y}.",
    "(It's either that or {y}; I couldn't pin down which.)",
    "That said, {y} is also plausible depending on how you read the problem.",
]
LATE_T = [
    "Edit: I mis-added in the last step — the correct answer is {x}, not {p}.",
    "Wait, correction: that should be {x}. The {p} above came from a copying slip.",
    "**Correction:** after rechecking, the final answer is {x} (the {p} above is wrong).",
]
DOUBT_T = [
    "I think that's right, but it might be worth double-checking my arithmetic.",
    "I'm fairly, though not completely, confident in this.",
    "Please verify, since I may have slipped somewhere.",
]
SIGNOFF_T = [
    "Hope this helps! Let me know if you'd like me to walk through any step again.",
    "Happy to help — feel free to ask a follow-up! 😊",
    "Let me know if anything is unclear. (That one took me 2 tries to set up!)",
    "Good luck with the rest of problem set 4!",
]


def boxable(a):
    return a.replace("$", "\\$") if not a.startswith("\\$") else a


def final_block(ph, a, q, r):
    ia, ma = inline(a), mathsafe(a)
    plain = a.replace("\\$", "$")  # code output and GSM8K-style lines carry no math escapes
    box = boxable(a)
    if ph == "boxed":
        return r.choice(
            [f"Therefore, the answer is $\\boxed{{{box}}}$.", f"$$\\boxed{{{box}}}$$", f"**Answer:** $\\boxed{{{box}}}$"]
        )
    if ph == "hash_marks":
        return r.choice([f"#### {plain}", f"The answer is {ia}.\n#### {plain}", f"####{plain}"])
    if ph == "bold":
        return r.choice([f"So the answer is **{ia}**.", f"**Final answer: {ia}**", f"That leaves us with **{ia}**."])
    if ph == "final_answer_heading":
        return r.choice([f"## Final answer\n\n{ia}", f"### Final Answer\n{ia}", f"**Final answer:**\n\n{ia}"])
    if ph == "short_final_line":
        return r.choice([f"Answer: {ia}", f"= {ia}", f"{ia}"])
    if ph == "markdown_table":
        return r.choice(
            [f"| Quantity | Value |\n|---|---|\n| Final answer | {ia} |", f"| Step | Result |\n|:--|:--|\n| Result | **{ia}** |"]
        )
    if ph == "code_block":
        return r.choice(
            [
                f"```\nFinal answer: {plain}\n```",
                f"Running the check:\n```python\nprint(answer)\n```\nOutput:\n```\n{plain}\n```\nSo the answer is {ia}.",
            ]
        )
    if ph == "display_math":
        return r.choice([f"Therefore\n$$\n{ma}\n$$", f"Putting it all together:\n\\[\n{ma}\n\\]", f"$$\\therefore\\quad {ma}$$"])
    if ph == "restated_question":
        return r.choice([f'So, to answer "{q}" — it\'s {ia}.', f"Back to the question ({q}): {ia}."])
    if ph == "bullet_list":
        return r.choice([f"- **Answer:** {ia}", f"* Final result: {ia}"])
    if ph == "numbered_steps":
        return r.choice([f"Therefore the answer is {ia}.", f"**Result:** {ia}"])
    return r.choice([f"So the answer is {ia}.", f"The final answer is {ia}.", f"This gives {ia} as the answer."])


def norm(t):
    return t.replace(" ", "").lower()


def build_row(r, kind, ph, d, idx):
    c = KINDS[kind](r)
    gold = c["gold"]
    prefer_eq = kind == "number_words"
    wrongs_all = [(cat, w) for cat, ws in c["wrongs"].items() for w in ws]
    for t, k in [(g, c["key"]) for g in c["eqs"]]:
        assert k == c["key"]
    right_texts = {norm(t) for t in c["eqs"] + [gold]}
    for _, (t, k) in wrongs_all:
        assert k != c["key"] and norm(t) not in right_texts, (kind, t)
    gold_form = r.choice(c["eqs"]) if prefer_eq else gold

    def right_form():
        return r.choice(c["eqs"]) if r.random() < 0.4 else gold_form

    def pick_wrong(cat=None):
        pool = [x for x in wrongs_all if cat is None or x[0] == cat]
        return r.choice(pool)

    prior = rejected = hedge_alt = late = None
    inter_extra = goldwork = False
    wcat = None
    if d == "plain":
        final, eq = gold_form, True
    elif d == "equiv_form":
        final, eq = r.choice(c["eqs"]), True
    elif d in WRONG_CAT:
        wcat, (final, _) = pick_wrong(WRONG_CAT[d])
        eq = False
    else:
        wcat, (wt, _) = pick_wrong()
        if d == "intermediate_in_working":
            final, eq, inter_extra = right_form(), True, wt
        elif d == "rejected_candidate":
            final, eq, rejected = right_form(), True, wt
        elif d == "corrected_to_right":
            final, eq, prior = right_form(), True, wt
        elif d == "doubt_no_alt":
            final, eq = right_form(), True
        elif d == "gold_in_working_final_wrong":
            final, eq, goldwork = wt, False, True
        elif d == "hedge_two":
            # Which of the two is named first varies; either way the row has two live answers.
            if r.random() < 0.5:
                final, hedge_alt = right_form(), wt
            else:
                final, hedge_alt = wt, right_form()
            eq = False
        elif d == "corrected_to_wrong":
            final, eq, prior = wt, False, right_form()
        elif d == "late_correction_to_right":
            final, eq, late = right_form(), True, wt
        elif d == "late_correction_to_wrong":
            final, eq, late = wt, False, right_form()

    steps = [r.choice(STEP_T).format(v=inline(v)) for v in c["inter"]]
    r.shuffle(steps)
    if inter_extra:
        steps.insert(r.randint(0, len(steps)), r.choice(INTER_T).format(w=inline(inter_extra)))
    if goldwork:
        steps.insert(r.randint(0, len(steps)), r.choice(GOLDWORK_T).format(g=inline(gold)))
    tail = []
    if prior is not None:
        tail = [r.choice(PRIOR_T).format(p=inline(prior)), r.choice(FIX_RIGHT if eq else FIX_WRONG)]
    if rejected:
        tail.append(r.choice(REJECT_T).format(w=inline(rejected)))

    q = c["q"]
    opener = r.choice(OPENERS)
    if ph == "restated_question":
        opener = r.choice([f"You're asking: *{q}*", f"The question is: {q} Let's figure it out.", f"Restating the problem: {q}"])
    if ph in ("numbered_steps", "bullet_list"):
        mark = (lambda i: f"{i + 1}.") if ph == "numbered_steps" else (lambda i: "-")
        body = "\n".join(f"{mark(i)} {s}" for i, s in enumerate(steps + tail))
    elif ph == "markdown_table":
        body = (
            "| Step | Working |\n|---|---|\n"
            + "\n".join(f"| {i + 1} | {s} |" for i, s in enumerate(steps))
            + ("\n\n" + " ".join(tail) if tail else "")
        )
    elif ph == "code_block":
        body = (
            "\n\n".join(steps)
            + "\n\n```python\n# sanity check of the arithmetic above\nanswer = solve(problem)\n```"
            + ("\n\n" + "\n\n".join(tail) if tail else "")
        )
    else:
        body = "\n\n".join(steps + tail)
    if late is not None:
        # The phrasing's own final slot (box, ####, heading) holds the retracted value; the real one comes after.
        fb = final_block(ph, late, q, r) + "\n\n" + r.choice(LATE_T).format(x=inline(final), p=inline(late))
    else:
        fb = final_block(ph, final, q, r)
    if hedge_alt is not None and ph == "boxed" and r.random() < 0.5:
        fb += f"\n\nAlternatively $\\boxed{{{boxable(hedge_alt)}}}$, if the other reading of the problem is intended."
    elif hedge_alt is not None:
        fb += "\n\n" + r.choice(HEDGE_T).format(y=inline(hedge_alt))
    if d == "doubt_no_alt":
        fb += "\n\n" + r.choice(DOUBT_T)
    if ph == "answer_first":
        first = prior if prior is not None else late if late is not None else final
        parts = [r.choice(["**Answer:** ", "Short answer: ", "The answer is "]) + inline(first), "Here's why:", body]
        if late is not None:
            parts.append(r.choice(LATE_T).format(x=inline(final), p=inline(late)))
        elif prior is not None or hedge_alt is not None or d == "doubt_no_alt":
            parts.append(fb)
        elif r.random() < 0.5:
            parts.append(f"That's why it's {inline(final)}.")
        reply = "\n\n".join(parts)
    else:
        reply = "\n\n".join(p for p in [opener, body, fb] if p)
    if ph == "chatty_signoff":
        reply += "\n\n" + r.choice(SIGNOFF_T)
    label = bool(eq)
    why = f"{d}: final {final!r} {'equals' if eq else 'differs from'} gold {gold!r}"
    if wcat:
        why += f"; wrong value type={wcat}"
    if hedge_alt is not None:
        why += f"; second live answer {hedge_alt!r} -> false"
    if prior is not None:
        why += f"; earlier answer {prior!r} retracted"
    if late is not None:
        why += f"; answer {late!r} in the final slot retracted by a later correction"
    return {
        "id": f"mh10-{idx:05d}",
        "split": SPLIT,
        "kind": kind,
        "phrasing": ph,
        "distractor": d,
        "gold": gold,
        "reply": reply,
        "correct": label,
        "why": why,
        "hard": d not in EASY,
    }


def main():
    r = random.Random(SEED)
    rows, idx = [], 1
    for kind in KINDS:
        for ph in PHRASINGS:
            for j in range(ROWS_PER_CELL):
                truth = (j + r.randint(0, 1)) % 2 == 0
                for _ in range(200):
                    d = r.choice(TRUE_D if truth else FALSE_D)
                    state = r.getstate()
                    try:
                        row = build_row(r, kind, ph, d, idx)
                        break
                    except IndexError:  # this draw lacks the wrong-value category the distractor needs
                        r.setstate(state)
                        r.random()
                rows.append(row)
                idx += 1
    with OUT.open("w") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(len(rows), sum(x["correct"] for x in rows), sum(x["hard"] for x in rows))


if __name__ == "__main__":
    main()
