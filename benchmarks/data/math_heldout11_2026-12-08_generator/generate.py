"""Seeded generator for the math_heldout11 split.

Crosses 24 answer kinds x 16 phrasings x 6 rows per cell; each row gets a
distractor. The label is computed from which list the final form was drawn
from (equal-to-gold list or wrong list) and whether the phrasing hedges; the
reply text is never read back."""
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from kinds import KINDS  # noqa: E402
from validate import check_instance  # noqa: E402

SPLIT = "math_heldout11_2026-12-08"
SEED = 20261208
PER_CELL = 6
TRUE_DISTRACTORS = ["none", "equivalent_form", "intermediate_values", "rejected_candidate"]
FALSE_DISTRACTORS = ["near_miss", "kind_trap", "gold_in_working"]
DISTRACTORS = TRUE_DISTRACTORS + FALSE_DISTRACTORS
PHRASINGS = ["boxed_display", "hash_final", "bold_final", "final_answer_heading", "markdown_table", "code_block",
             "numbered_steps", "answer_first", "short_last_line", "chatty_signoff", "restated_question",
             "bullet_list", "latex_therefore", "self_correction", "hedge", "doubt"]
HARD_DISTRACTORS = {"equivalent_form", "intermediate_values", "rejected_candidate", "gold_in_working", "kind_trap"}
HARD_PHRASINGS = {"self_correction", "hedge", "answer_first", "chatty_signoff"}


def bare(plain):
    # the plain form without surrounding inline-math dollars, for '#### x' lines
    if plain.startswith("$") and plain.endswith("$") and plain.count("$") == 2:
        return plain[1:-1]
    return plain


def opener(r, q):
    return r.choice([
        "Let's work through this step by step.",
        "Sure! Here's how to solve it.",
        "Okay, let me set this up.",
        "Good question. We'll go carefully.",
        "",
    ])


def work_paragraphs(r, inst, extra_lines):
    lines = list(inst["steps"]) + extra_lines
    return lines


def render(r, phr, inst, work, final, first=None, other=None, post=None):
    m, p = final
    q = inst["q"]
    op = opener(r, q)
    body = "\n\n".join(work)
    out = None
    if phr == "boxed_display":
        lead = r.choice(["So the answer is", "Therefore:", "This gives", "Hence the final result is"])
        out = f"{op}\n\n{body}\n\n{lead}\n\n$$\\boxed{{{m}}}$$"
    elif phr == "hash_final":
        out = f"{body}\n\nSo the result is {p}.\n\n#### {bare(p)}" if r.random() < 0.5 else f"{body}\n\n#### {bare(p)}"
    elif phr == "bold_final":
        lab = r.choice(["**Answer:**", "**Final answer:**", "**Answer**:", "The answer is"])
        out = f"{op}\n\n{body}\n\n{lab} **{p}**" if lab == "The answer is" else f"{op}\n\n{body}\n\n{lab} {p}"
    elif phr == "final_answer_heading":
        h = r.choice(["## Final answer", "### Final Answer", "**Final Answer**", "# Answer"])
        fmt = r.choice([p, f"$$ {m} $$", f"$\\boxed{{{m}}}$"])
        out = f"### Working\n\n{body}\n\n{h}\n\n{fmt}"
    elif phr == "markdown_table":
        rows = "\n".join(f"| {i+1} | {w} |" for i, w in enumerate(work))
        out = (f"{op}\n\n| Step | Detail |\n|---|---|\n{rows}\n| **Answer** | **{p}** |\n\n"
               + r.choice(["The table above summarises the computation.", "Each row follows from the one before it.", ""]))
    elif phr == "code_block":
        vals = ", ".join(repr(v) for v in inst["inter"])
        code = f"```python\n# sanity-check the intermediate quantities\nvals = [{vals}]\nprint(vals)\n```\n\nOutput:\n\n```\n[{vals}]\n```"
        out = f"{body}\n\n{code}\n\n" + r.choice([f"With those confirmed, the answer is {p}.", f"So, final answer: {p}", f"Everything checks out, giving **{p}**."])
    elif phr == "numbered_steps":
        steps = "\n".join(f"{i+1}. {w}" for i, w in enumerate(work))
        out = f"{op}\n\n{steps}\n{len(work)+1}. " + r.choice([f"Therefore the answer is {p}.", f"Conclusion: {p}.", f"Result: $\\boxed{{{m}}}$"])
    elif phr == "answer_first":
        lead = r.choice([f"**{p}**", f"The answer is {p}.", f"Short answer: {p}."])
        out = f"{lead}\n\n" + r.choice(["Here's why:", "Justification:", "Let me explain how I got there."]) + f"\n\n{body}\n\n" + r.choice(["That's where the answer above comes from.", "Which confirms the answer at the top.", ""])
    elif phr == "short_last_line":
        out = f"{body}\n\n{p}"
    elif phr == "chatty_signoff":
        sign = r.choice(["Hope this helps! Let me know if you'd like me to walk through the other 2 problems too 😊",
                         "Happy studying — feel free to send the next 3 questions!",
                         "Let me know if anything is unclear. Good luck on question 5!",
                         "Hope that helps! 🙂"])
        out = f"{op}\n\n{body}\n\nSo the answer is {p}.\n\n{sign}"
    elif phr == "restated_question":
        out = (f"> **Question:** {q}\n\n{body}\n\n" + r.choice([f"So, to answer the question — {p}.", f"Answer to the question above: {p}", f"Restating: the question asks for one value, and it is {p}."]))
    elif phr == "bullet_list":
        bl = "\n".join(f"- {w}" for w in work)
        out = f"{op}\n\n{bl}\n- **Result:** {p}"
    elif phr == "latex_therefore":
        out = f"{body}\n\n" + r.choice(["Therefore,", "Putting it all together,", "Thus"]) + f"\n\n$$\n{m}\n$$"
    elif phr == "self_correction":
        fm, fp = first
        out = (f"{op}\n\n{body}\n\nSo the answer is {fp}.\n\n"
               + r.choice(["Wait — I made an error in the last step. Let me redo it.", "Hmm, actually that's not right; I slipped on the arithmetic. Redoing it:", "Hold on, let me double-check that… I mis-copied a number."])
               + "\n\n" + r.choice([f"Corrected, the answer is **{p}**.", f"The correct final answer is {p}.", f"So the answer is actually $\\boxed{{{m}}}$."]))
    elif phr == "hedge":
        om, opp = other
        out = f"{op}\n\n{body}\n\n" + r.choice([
            f"So the answer is {p}, or possibly {opp} if the problem intends a different reading.",
            f"I get {p}. Though it might also be {opp} — both seem defensible.",
            f"The answer is either {p} or {opp}.",
            f"Final answer: {p} (or {opp}, depending on interpretation)."])
    elif phr == "doubt":
        out = f"{op}\n\n{body}\n\n" + r.choice([
            f"I think the answer is {p}, but you may want to double-check my arithmetic.",
            f"My answer is {p}, though I'm not completely certain.",
            f"So I get {p}. Not 100% sure, so verify if it matters."])
    if post:
        out += "\n\n" + post
    return out.strip()


def build_row(r, idx, kind, phr, dis):
    inst = KINDS[kind](r)
    check_instance(kind, inst)
    wrong = [(f, n) for f, n in inst["near"] + inst["trap"]]
    extra, post, note = [], None, ""
    final, ok = inst["canon"], True
    if dis == "none":
        note = "canonical form"
    elif dis == "equivalent_form":
        final, note = r.choice(inst["equiv"])
        note = f"equivalent form: {note}"
    elif dis == "intermediate_values":
        iv = r.choice(inst["inter"])
        style = r.randrange(3)
        if style == 0 and phr not in ("boxed_display",):
            extra.append(f"Intermediate result: $\\boxed{{{iv}}}$" if not iv.startswith("$") else f"Intermediate result: **{iv}**")
        elif style == 1:
            extra.append(f"**Key value so far: {iv}**")
        else:
            post = r.choice([f"Check: the intermediate values {', '.join(inst['inter'])} are all consistent with the setup. ✓",
                             f"(Sanity check: I reused {iv} from above, which matches.)"])
        note = "canonical form; intermediate values emphasised"
    elif dis == "rejected_candidate":
        (wm, wp), wn = r.choice(wrong)
        extra.append(r.choice([f"A tempting answer is {wp}, but that comes from a mistake ({wn}), so it's not the answer.",
                               f"Note: {wp} is wrong here — that's what you'd get with an error ({wn}).",
                               f"I first considered {wp}, but rejected it ({wn})."]))
        note = f"rejected wrong candidate {wp}"
    else:
        (final, wn) = r.choice(inst["near"] if dis == "near_miss" else inst["trap"] if dis == "kind_trap" else wrong)
        ok = False
        note = wn
        if dis == "gold_in_working":
            gp = inst["canon"][1]
            extra.insert(0, r.choice([f"A quick estimate suggests {gp}, but let me do it carefully instead of guessing.",
                                      f"(My first pass gave {gp}, but I think I mis-copied a number, so I'm redoing it.)",
                                      f"If we had ignored the details we'd land on {gp}; the careful computation follows."]))
            note = f"gold {gp} appears in working only; final is wrong ({wn})"
    first = other = None
    if phr == "self_correction":
        first = r.choice(wrong)[0] if ok else inst["canon"]
    if phr == "hedge":
        cands = [f for f, _ in wrong if f != final]
        other = r.choice(cands) if ok or r.random() < 0.3 else inst["canon"]
    work = inst["steps"][:1] + extra + inst["steps"][1:]
    reply = render(r, phr, inst, work, final, first, other, post)
    label = ok and phr != "hedge"
    fp = final[1]
    if phr == "hedge":
        why = f"hedges between {fp} and {other[1]}; a second live candidate makes it false"
    elif phr == "self_correction":
        why = f"self-corrects from {first[1]} to final {fp}; final {'equals' if ok else 'differs from'} gold ({note})"
    else:
        why = f"final answer {fp} {'equals' if ok else 'differs from'} gold {inst['gold']} ({note})"
    if phr == "doubt":
        why += "; doubt without an alternative value does not change the label"
    return dict(id=f"{SPLIT}-{idx:05d}", split=SPLIT, kind=kind, phrasing=phr, distractor=dis,
                gold=inst["gold"], reply=reply, correct=label, why=why)


def main(out_path):
    r = random.Random(SEED)
    rows = []
    for kind in KINDS:
        cyc = []
        while len(cyc) < len(PHRASINGS) * PER_CELL:
            d = DISTRACTORS[:]
            r.shuffle(d)
            cyc += d
        r.shuffle(cyc)
        i = 0
        for phr in PHRASINGS:
            for _ in range(PER_CELL):
                rows.append(build_row(r, len(rows), kind, phr, cyc[i]))
                i += 1
    with open(out_path, "w") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(len(rows), "rows;", sum(x["correct"] for x in rows), "true")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/work/heldout11/math_heldout11_2026-12-08.jsonl")
