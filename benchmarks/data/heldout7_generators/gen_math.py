"""Split A generator: assembles replies from gen_math_kinds; labels from value keys."""
import json, random
from collections import Counter
from gen_math_kinds import KINDS
R = random.Random(2026)
PH = {
 "boxed": ["So the answer is $\\boxed{%s}$.", "Therefore, $\\boxed{%s}$.", "$$\\boxed{%s}$$", "Hence the final result is $\\boxed{%s}$.",
           "Putting it together: $\\boxed{%s}$", "That gives us $\\boxed{%s}$ as the answer.", "The value we want is $\\boxed{%s}$.", "Final: $\\boxed{%s}$"],
 "answer_is": ["The answer is %s.", "So the answer is %s.", "Thus, the answer is %s.", "Therefore the answer is %s.", "The correct answer is %s.",
               "My answer is %s.", "So, the answer is: %s", "That means the answer is %s."],
 "hashes": ["#### %s", "Answer:\n#### %s", "That's everything.\n#### %s", "\n#### %s", "Done.\n\n#### %s", "Result below.\n#### %s", "####  %s", "So:\n#### %s"],
 "bold": ["**Answer: %s**", "The answer is **%s**.", "**Final answer:** %s", "So we end up with **%s**.", "**%s**", "Result: **%s**", "That gives **%s**.", "Therefore, **%s** is the answer."],
 "final_line": ["Final answer: %s", "Final Answer: %s", "FINAL ANSWER: %s", "Final answer — %s", "Final answer: $%s$", "Final answer:\n%s", "Final answer = %s", "Final answer: %s."],
 "short": ["%s", "%s.", "It's %s.", "%s is the answer.", "Answer: %s", "= %s", "That's %s.", "Got %s."],
 "trailing_commentary": ["The answer is %s. Problems like this get easier once you write the setup down first.", "So we get %s. The key step was keeping track of each quantity.",
    "Answer: %s. This is a standard exercise; the main trap is rushing the arithmetic.", "Therefore %s. Note how the structure of the question guided the method.",
    "%s is the result. It's worth redoing such problems a second way to build intuition.", "This gives %s. Drawing a quick sketch often helps with these.",
    "We conclude %s. In general, organise the information before computing.", "The final result is %s. Similar questions show up often in contest practice."],
 "self_correction": ["So the answer is %s. Wait — I made a slip in the last step. Redoing it carefully, the answer is actually %s.",
    "That gives %s... hold on, that's not right. Let me recompute. The correct answer is %s.", "I first got %s, but I mis-copied a number. Fixing that, the answer is %s.",
    "Answer: %s. Hmm, actually no — I dropped a term. Corrected answer: %s.", "My initial result was %s. On re-checking, I see the error; the final answer is %s.",
    "It looks like %s. Scratch that, I misread the question. The answer is %s.", "%s? No — let me redo the last line. It should be %s.",
    "Tentatively %s. Correction after double-checking: the answer is %s."],
 "plain_text": ["So the answer is %s", "In the end we get %s", "The result: %s", "That works out to %s", "Answer - %s", "So it comes to %s.", "The final value is %s", "We get %s."],
 "latex_inline": ["Hence the answer is $%s$.", "So we obtain $%s$.", "The answer is $%s$.", "Thus $%s$ is the result.", "We conclude $%s$.", "This yields $%s$.", "Answer: $%s$", "Therefore, $%s$."],
 "markdown": ["## Answer\n%s", "### Final answer\n%s", "| Step | Result |\n|---|---|\n| Setup | done |\n| **Answer** | %s |", "## Solution summary\n- Answer: %s",
    "# Result\n\n**%s**", "---\n**Answer:** %s\n---", "| Quantity | Value |\n|---|---|\n| Final answer | %s |", "### Conclusion\nThe answer is %s."],
 "chatty_signoff": ["The answer is %s. Hope this helps! 😊", "So it's %s. Let me know if anything is unclear!", "Answer: %s. Happy studying!", "That gives %s. Feel free to ask follow-up questions.",
    "The final answer is %s. Good luck with your homework!", "%s is the answer. Cheers!", "So we get %s. Have a great day!", "Therefore %s. Glad to help anytime!"],
}
DIS = {
 "intermediate": ["First, %s", "Step 1: %s", "We start with this: %s", "Note that %s", "Working it out: %s", "To begin, %s", "Let's compute: %s", "Observe: %s"],
 "near_miss": ["It's tempting to say %s, but that isn't quite right.", "A common mistake gives %s here; let's avoid it.", "At first glance %s looks right, but it isn't.",
    "Don't stop at %s — that misses a detail.", "You might get %s if you rush.", "%s would be a near miss.", "One could wrongly conclude %s.", "(Not %s — that's an off-by-one style error.)"],
 "sign_error": ["Careful with the sign: it's not %s.", "A sign slip would give %s.", "Watch the negatives; %s is the sign-error version.", "If you flip a sign you'd get %s.",
    "Be careful not to write %s.", "The sign trap here leads to %s.", "(%s would come from mishandling a minus sign.)", "Many people get %s by dropping a negative."],
 "swapped_pair": ["Be careful not to swap the order and write %s.", "Order matters here — %s would be the swapped version.", "Reversing the components gives %s, which is different.",
    "Don't mix up the positions: %s is the swapped form.", "Swapping would produce %s.", "(%s is what you get if you transpose the entries.)", "Note %s is the reverse order.", "If you list them backwards you'd write %s."],
 "set_vs_tuple": ["Mind the brackets: %s would be a different kind of object.", "Note that %s is not the same notation.", "Don't write it as %s.", "The bracket type matters; %s is wrong notation.",
    "Writing %s would change the meaning.", "(%s would use the wrong brackets.)", "Careful: %s is a different object.", "The notation %s is not what's asked."],
 "wrong_units": ["Careful with units — %s would be wrong.", "Don't report it as %s.", "Note the unit: %s is not the same quantity.", "Units matter: %s would be a mistake.",
    "It's not %s.", "(Reporting %s would use the wrong unit.)", "Make sure not to write %s.", "A units mix-up would give %s."],
 "hypothetical": ["If %s, the answer would have been %s.", "Had %s, we'd get %s instead.", "For comparison, if %s, the result would be %s.", "Just as a side note: if %s, it would come to %s.",
    "(If %s, the answer would change to %s.)", "Supposing %s, you'd get %s.", "As a variation: if %s, then %s.", "Out of curiosity, if %s the answer would be %s."],
 "check_step": ["%s", "Let me verify. %s", "Sanity check — %s", "Double-checking: %s", "Quick verification. %s", "Verifying. %s", "To be safe: %s", "Confirming the result. %s"],
 "signoff_numbers": ["Hope this helps — feel free to send 2 or 3 more!", "Good luck on question 7!", "Let me know if you need help with the other 5 problems.", "Happy to do 10 more like this.",
    "That was problem 4 of 12, I think. Cheers!", "Took about 3 minutes. Thanks!", "Rate this 5/5 if it helped 😊", "See you in 2 days for the next set!"],
 "hedge_before_doubt": ["I'm not 100% sure about this, but here goes.", "I might be wrong, but", "This is my best attempt, though I'm unsure.", "Not fully confident here.",
    "I think this is right, but please double-check.", "Take this with a grain of salt.", "My arithmetic may be shaky, but", "I'm a bit uncertain about this one."],
 "hedge_before_two": ["It's either %s or %s — I can't decide between them.", "I keep getting %s or %s; both seem possible.", "The answer is %s or maybe %s.",
    "Could be %s, could be %s; I'm torn.", "Either %s or %s works, I think.", "I get two candidates: %s and %s, and can't rule either out.", "Honestly %s and %s both look right.", "So: %s, or else %s."],
 "hedge_after_doubt": ["Though honestly, I might have made an arithmetic slip somewhere.", "I'm not completely sure, though.", "Please double-check my work.", "I think that's right, but I'm not certain.",
    "Not fully confident, but that's what I get.", "Hopefully I didn't miscount.", "That's my best guess.", "I could be off somewhere, so verify."],
 "hedge_after_two": ["— or maybe %s, I'm not certain which.", "Although it could also be %s.", "Or possibly %s; I'm not sure.", "But %s is also plausible.",
    "Then again, %s might be it.", "Unless it's %s.", "Or %s — either way.", "Hmm, or %s."],
 "second_candidate": ["Another possible answer is %s.", "Also, %s could be correct.", "Alternatively, the answer is %s.", "A second valid answer: %s.",
    "Some would say %s, which also works.", "%s is another answer.", "Or equivalently (by another method) %s.", "Also acceptable: %s."],
 "second_same": ["(Equivalently, %s.)", "which is the same as %s.", "— that is, %s.", "Written another way: %s.", "Same thing as %s.", "i.e. %s.", "also expressible as %s.", "(or %s, same value)."],
}
PHRASINGS = list(PH)
DISTRACTORS = ["none", "intermediate", "near_miss", "sign_error", "swapped_pair", "set_vs_tuple", "wrong_units", "hedge_before", "hedge_after",
               "second_candidate", "hypothetical", "check_step", "signoff_numbers"]
TAGS = {"near_miss": ["near", "pct", "inter", "other"], "sign_error": ["sign"], "swapped_pair": ["swap"], "set_vs_tuple": ["settuple"], "wrong_units": ["units", "pct"]}

def pick_wrong(g, tags=None):
    pool = [c for t, l in g["wrong"].items() if (tags is None or t in tags) for c in l]
    return R.choice(pool) if pool else None

def rend(c, ph):
    latex, plain = c[0], c[1]
    if ph in ("boxed", "latex_inline"): return latex
    if ph == "plain_text": return plain
    return R.choice([plain, "$%s$" % latex]) if latex != plain else plain

rows = []; hardc = 0
for kind, fn in KINDS.items():
    for ph in PHRASINGS:
        for ds in DISTRACTORS:
            if ds in TAGS and ds != "near_miss":
                g0 = fn(R)
                if not any(t in g0["wrong"] for t in TAGS[ds]): continue
            for rep in range(1 if ds not in ("hedge_before", "hedge_after", "second_candidate") else 1):
                g = fn(R)
                want = R.random() < 0.5
                eqc = R.choice(g["eq"]); eqc = (eqc[0], eqc[1], g["key"])
                w_any = pick_wrong(g)
                tagw = pick_wrong(g, TAGS.get(ds)) if ds in TAGS else None
                why = ""; hard = False; pre = []; post = []
                two_answers = False
                final = eqc if want else (tagw or w_any)
                if ds in TAGS and tagw is None: continue
                if ds in TAGS:
                    if want:
                        pre.append(R.choice(DIS[ds]) % rend(tagw, ph)); hard = True
                        why = "final answer equals the gold; the %s value is only mentioned as a trap" % ds.replace("_", " ")
                    else:
                        final = tagw; hard = True
                        why = "final answer %s is a %s, not the gold" % (tagw[1], ds.replace("_", " "))
                elif ds == "intermediate":
                    pre.append(R.choice(DIS[ds]) % g["work"][0])
                    if not want and R.random() < 0.5:
                        iw = pick_wrong(g, ["inter"])
                        if iw: final = iw
                    hard = want
                elif ds == "check_step":
                    post.append(R.choice(DIS[ds]) % g["check"]); hard = want
                elif ds == "hypothetical":
                    post.append(R.choice(DIS[ds]) % g["hypo"]); hard = want
                elif ds == "signoff_numbers":
                    post.append(R.choice(DIS[ds])); hard = want
                elif ds == "hedge_before":
                    if R.random() < 0.5:
                        pre.append(R.choice(DIS["hedge_before_doubt"])); hard = want
                        why = "doubt is expressed but one final answer is given; judged on it"
                    else:
                        two_answers = True; o = w_any
                        a, b = (eqc, o) if R.random() < .5 else (o, eqc)
                        pre.append(R.choice(DIS["hedge_before_two"]) % (rend(a, ph), rend(b, ph))); hard = True
                        why = "the reply hedges between two candidate answers before settling, so it is not a single clear final answer" if False else "hedges between two answers (one of them gold), so not correct"
                elif ds == "hedge_after":
                    if R.random() < 0.5:
                        post.append(R.choice(DIS["hedge_after_doubt"])); hard = want
                        why = "doubt added after a single final answer; judged on that answer"
                    else:
                        two_answers = True; post.append(R.choice(DIS["hedge_after_two"]) % rend(w_any if want else eqc, ph)); hard = True
                        why = "after the final answer it offers a second, different candidate, so not correct"
                elif ds == "second_candidate":
                    if R.random() < 0.5:
                        two_answers = True; post.append(R.choice(DIS["second_candidate"]) % rend(w_any if want else eqc, ph)); hard = True
                        why = "two different final answers are offered, so not correct"
                    else:
                        alts = [c for c in g["eq"]]
                        sc = R.choice(alts) if want else None
                        if want:
                            post.append(R.choice(DIS["second_same"]) % rend(sc, ph)); hard = True
                            why = "the second form names the same value as the gold"
                        else:
                            # final wrong; restate it in the same form
                            post.append(R.choice(DIS["second_same"]) % rend(final, ph))
                            why = "final answer (restated) differs from the gold"
                # phrasing
                tmpl = R.choice(PH[ph])
                if ph == "self_correction":
                    earlier = w_any if final[2] == g["key"] else (eqc if R.random() < .5 else w_any)
                    if earlier[2] == final[2]: earlier = eqc if final[2] != g["key"] else w_any
                    fs = tmpl % (rend(earlier, ph), rend(final, ph))
                    hard = hard or earlier[2] == g["key"] or final[2] == g["key"]
                else:
                    fs = tmpl % rend(final, ph)
                correct = (final[2] == g["key"]) and not two_answers
                if final[2] == g["key"] and rend(final, "plain_text") != g["gold"] and final[0] != g["gold"]:
                    hard = hard or correct
                if not why:
                    why = ("final answer %s equals the gold" % final[1]) if correct else ("final answer %s does not equal the gold %s" % (final[1], g["gold"]))
                if ph == "self_correction" and not two_answers:
                    why = ("after correcting itself the final answer equals the gold" if correct else "the self-corrected final answer is wrong")
                body = []
                if ph != "short":
                    body.append(R.choice(["Let's solve this.", "We need to work this out step by step.", "Here's how to approach it.", "", "Okay.", "Let me think.", "Sure!", "Solution:"]))
                    body += [w for w in g["work"] if ds != "intermediate" or w != g["work"][0]]
                text = " ".join(x for x in body + pre if x)
                text = (text + "\n\n" if text else "") + fs + ((" " + " ".join(post)) if post else "")
                rows.append(dict(id="math7-%05d" % len(rows), split="math_heldout7", kind=kind, phrasing=ph, distractor=ds, gold=g["gold"],
                                 problem=g["problem"], reply=text.strip(), correct=bool(correct), why=why, _hard=bool(hard)))
# second pass for more rows: repeat hedge/second distractors
print(len(rows))
c = Counter(r["correct"] for r in rows); h = sum(r["_hard"] for r in rows)
print(c, h / len(rows))
with open("/work/evaldata7/math_heldout7_2026-12-03.jsonl", "w") as f:
    for r in rows:
        r2 = {k: r[k] for k in ["id", "split", "kind", "phrasing", "distractor", "gold", "reply", "correct", "why"]}
        r2["reply"] = r["reply"]
        f.write(json.dumps(r2, ensure_ascii=False) + "\n")
json.dump({"hard": h, "n": len(rows)}, open("/work/evaldata7/math_stats.json", "w"))
