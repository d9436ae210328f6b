#!/usr/bin/env python3
"""Deterministic generator for heldout6-2026-12-03 (seed 20261203).
Usage: python3 math_heldout6_2026-12-03_generator.py  -> writes math_heldout6_2026-12-03.jsonl next to itself.
Labels are set by construction and then re-verified with check6.equal (sympy) on the final-position value."""
import json, os, random, sys
from collections import Counter
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from items6 import ITEMS
from check6 import equal

SEED = 20261203
SPLIT = "heldout6-2026-12-03"
HERE = os.path.dirname(os.path.abspath(__file__))


def m(s):  # inline math wrapper for plain-text phrasings
    return "$%s$" % s if ("\\" in s or "^" in s) else s


def box(s):
    return "\\boxed{%s}" % s

# ---------------- working paragraphs ----------------
OPEN = ["We are asked: {Q}", "Problem: {Q}", "The task is the following. {Q}", "Let's restate what is wanted — {Q}",
        "Goal: {Q}", "Here is the question we need to handle: {Q}"]
MID = ["Writing out the relevant quantities and combining them in order keeps the arithmetic tidy.",
       "I'll set this up directly and simplify one step at a time.",
       "The key is to organize the computation so nothing gets dropped.",
       "First collect the given values, then apply the definition.",
       "Carrying out the operations carefully, term by term, gives the result below.",
       "A straightforward computation suffices here; no tricks are needed.",
       "Combining like terms and reducing is all that remains."]
MORE = ["Before concluding, note that every intermediate quantity was kept exact rather than rounded.",
        "It helps to double-check each operation: the order of operations was respected throughout.",
        "This matches the structure the problem describes, so we can proceed to the conclusion.",
        "Nothing in the setup requires a special case, so the general computation applies."]


def working(rng, q, longform):
    ps = [rng.choice(OPEN).format(Q=q), rng.choice(MID)]
    if longform:
        ps += rng.sample(MORE, 2)
    return ps

# ---------------- phrasings: (rng, paras, final, tail) -> reply ----------------

def ph_boxed_latex(r, P, F, T): return "\n\n".join(P) + "\n\nTherefore the result is $" + box(F) + "$." + T
def ph_answer_is(r, P, F, T): return " ".join(P) + " The answer is " + m(F) + "." + T
def ph_hash4(r, P, F, T): return "\n".join(P) + "\n#### " + F + T
def ph_bold(r, P, F, T): return "\n\n".join(P) + "\n\n**" + m(F) + "**" + T
def ph_heading(r, P, F, T): return "## Solution\n\n" + "\n\n".join(P) + "\n\n## Final Answer\n\n" + m(F) + T
def ph_table(r, P, F, T): return " ".join(P) + "\n\n| Item | Value |\n|---|---|\n| Question | see above |\n| Answer | " + m(F) + " |" + T
def ph_list(r, P, F, T): return "\n".join("%d. %s" % (i + 1, p) for i, p in enumerate(P)) + "\n%d. Final answer: %s" % (len(P) + 1, m(F)) + T
def ph_textbook(r, P, F, T): return "**Solution.** " + "\n\n".join(P) + "\n\nHence the required value is $" + F + "$. $\\blacksquare$" + T
def ph_plain(r, P, F, T): return " ".join(P) + " So the final result is " + F + "." + T
def ph_think(r, P, F, T): return "<think>\n" + "\n".join(P) + "\nOkay, I'm settled on this.\n</think>\n\nThe answer is $" + box(F) + "$." + T
def ph_chatty(r, P, F, T): return "Great question! Let's work through it together. 😊\n\n" + "\n\n".join(P) + "\n\nPutting it all together, you end up with **" + m(F) + "**." + T
def ph_terse(r, P, F, T): return " ".join(P[1:]) + "\nAns: " + F + T
def ph_final_colon(r, P, F, T): return "\n".join(P) + "\n\nFinal answer: " + m(F) + T
def ph_answer_colon(r, P, F, T): return " ".join(P) + "\nAnswer: " + m(F) + T
def ph_conclude(r, P, F, T): return "\n\n".join(P) + "\n\nIn conclusion, the quantity we were looking for equals " + m(F) + "." + T
def ph_qa(r, P, F, T): return "Q: " + P[0] + "\nA: " + " ".join(P[1:]) + " Result: " + m(F) + T
def ph_bullets(r, P, F, T): return "\n".join("- " + p for p in P) + "\n- **Result:** " + m(F) + T
def ph_display(r, P, F, T): return "\n".join(P) + "\n\nThus\n$$\n" + box(F) + "\n$$" + T
def ph_email(r, P, F, T): return "Hi there,\n\nThanks for sending this over. " + "\n\n".join(P) + "\n\nThe value comes out to " + m(F) + "." + T + "\n\nBest,\nYour tutor"
def ph_json(r, P, F, T): return " ".join(P) + "\n\n```\nfinal_answer = " + F + "\n```" + T

PHRASINGS = {k[3:]: v for k, v in globals().items() if k.startswith("ph_")}

# ---------------- distractor templates ----------------
# {G}=gold-equivalent, {W}=wrong value, {O}/{O2}=unrelated numbers
GOLD_IN_WORK = [
 "At one point I had {G}, but that used the wrong starting value, so I discard it.",
 "A quick first pass suggested {G}; correcting the misread coefficient changes things.",
 "If we ignored the second condition we'd get {G}, which is not what's asked.",
 "An intermediate line reads {G}, but that was before applying the final step.",
 "My scratch estimate was {G}; the careful version below supersedes it.",
 "One might be tempted to write {G} here, yet that double-counts a term.",
 "The value {G} shows up mid-way, though it is not the end result.",
 "Note: {G} is what the naive formula returns; we need the adjusted one.",
 "Earlier I wrote down {G} by mistake and then fixed the arithmetic.",
]
WRONG_IN_WORK = [
 "A first attempt gave {W}, but I had dropped a term; fixing that changes the value.",
 "It's easy to get {W} here by misreading the problem, so be careful.",
 "Initially {W} looked plausible, yet it fails when substituted back.",
 "The common slip produces {W}; we avoid it by keeping signs explicit.",
 "(If you got {W}, you probably mixed up the order of operations.)",
 "My rough draft said {W}. Redoing the step properly:",
 "One intermediate value, {W}, is not the final answer — there is one more step.",
 "Students often answer {W}; that is the trap in this question.",
 "Ruling out {W}: plugging it in leaves a nonzero remainder.",
]
UNRESOLVED = [
 "\n\nHmm, but working it a second way I get {W}. I can't see which computation is off.",
 "\n\nRedoing the whole thing from scratch, though, I arrive at {W} instead, and I'm not sure where the discrepancy comes from.",
 "\n\nA second derivation via a different route lands on {W}. These don't agree, and I haven't resolved why.",
 " Checking with the alternative formula produces {W}, which conflicts with the above.",
 "\n\nStrange — recomputing gives {W}. Both attempts look right to me.",
 "\n\nHowever, a fresh calculation yields {W}; I'll leave both results here since I can't reconcile them.",
 "\n\nOn a recheck the numbers come to {W}, so one of these two has an error somewhere.",
 "\n\nWhen I solve it backwards I end up with {W}, not the value above. Not sure which to trust.",
 " Then again, recomputing it step by step, I keep getting {W}.",
]
HEDGE = [
 " That said, it could also be {W}.",
 " (Though {W} is also possible depending on interpretation.)",
 "\n\nEither that or {W} — I can't narrow it down further.",
 " I'd go with that, or possibly {W}.",
 " Alternatively, the answer might be {W}.",
 "\n\nIt's one of those two: this or {W}.",
 " — or {W}, if the problem means something slightly different.",
 " Possibly {W} instead, though.",
 "\n\nSo the answer is probably that, but {W} is a real contender.",
]
DOUBT = [
 "\n\nI'm not confident in this result, honestly.",
 " I'm not entirely sure this is right.",
 "\n\nTake this with a grain of salt — I may have made an arithmetic error I can't locate.",
 " This is my best guess; I'm unsure about it.",
 "\n\nI have real doubts about this one and wouldn't rely on it.",
 " (Low confidence — please double-check before using.)",
 "\n\nSomething feels off about this answer, but I can't pin it down.",
 " Though I suspect I may have slipped somewhere.",
 "\n\nI wouldn't bet on this being correct.",
]
TWO_ANS = [
 " Another valid reading gives {W}, so both {G} and {W} are candidate answers.",
 "\n\nFinal answers: {G} or {W}.",
 " Or, equally, {W}.",
 "\n\nSo there are two possible final answers here: {G} and {W}.",
 " My two answers are {G} (first method) and {W} (second method).",
 "\n\nAnswer: {G} / {W}",
 " Equally defensible is {W}; I'll give both.",
 "\n\nI'd submit {G}, but {W} is just as likely.",
]
METHOD_DOUBT = [
 "\n\nThe trouble is I'm not sure whether the first method or the substitution method is the right one; the substitution method gives {W}.",
 " I'm torn between this approach and the other one, which produced {W}.",
 "\n\nUsing the formula gives the value above, but the direct count gives {W}, and I don't know which approach is valid here.",
 " If the second interpretation of the setup is correct, it would instead be {W} — I can't tell which interpretation is intended.",
 "\n\nI'm unsure which method applies; method B yields {W}.",
 " Not sure the formula I used is appropriate; counting by hand suggested {W}.",
 "\n\nThe two techniques disagree ({W} versus this), and I can't decide which is legitimate.",
 " I doubt whether I should have used the complement; without it I'd get {W}.",
]
HYPO = [
 "\n\n(If the problem had asked for the value before the last step, we would get {O} instead.)",
 " Had the numbers been doubled, the result would have been {O}, but that isn't the case here.",
 "\n\nNote: with a different starting value, say {O}, the method is the same.",
 " For comparison, a version of this problem with {O} in place of {O2} gives a different total.",
 "\n\nIf someone forgot the final step they would get {W}, which is why that step matters.",
 " Suppose instead we used {O}; the answer would change, but that's a different question.",
 "\n\nA common variant asks for {O2} items, giving {O} — not relevant here.",
 " (Had we rounded early, we might have ended up near {O}.)",
]
CHECK = [
 "\n\nCheck: substituting back gives {O} = {O}, consistent.",
 " Sanity check: {O} + {O2} matches the total in the setup, so this holds.",
 "\n\nVerification: the estimate of about {O} agrees in magnitude.",
 " As a check, redoing it with the other method yields the same value again.",
 "\n\nDouble-check: {O2} × 1 = {O2}, and the remaining steps reproduce the answer.",
 " I verified this numerically ({O} trials in my head, all consistent).",
 "\n\nConfirmed by plugging in: left side {O}, right side {O}.",
 " A quick reverse computation from {O2} reproduces the same result.",
]
SIGNOFF = [
 "\n\nHope this helps! Let me know if you'd like help with problem {O} too.",
 "\n\nGood luck on the other {O2} questions!",
 " Happy to walk through question #{O} next.",
 "\n\nCheers — and feel free to send the next {O2} problems.",
 "\n\nThat's it for this one; {O} more to go on the worksheet!",
 " Let me know if anything in step {O2} is unclear.",
 "\n\nThanks for the question. (Took about {O} seconds.)",
 "\n\nEnjoy the rest of problem set {O2}!",
]
RESTATE = [
 "\n\n(Recall the problem gave us {O} and {O2} as inputs.)",
 " This uses the given data: {O} and {O2}.",
 "\n\nGiven values, for reference: {O}, {O2}.",
 " — computed from the provided numbers {O2} and {O}.",
 "\n\nInputs were {O} and {O2}, as stated in the question.",
 " The question supplied {O} as the starting quantity.",
 "\n\nReminder of the data: first value {O2}, second value {O}.",
 " (The original statement lists {O} units and {O2} groups.)",
]
SC_TO_GOLD = [
 "\n\nWait, that's wrong — I mis-added in the second step. Actually the answer is {G}.",
 "\n\nHold on. I dropped a sign. Correcting it, the final answer is {G}.",
 " Oops, scratch that: redoing the last line properly gives {G}.",
 "\n\nCorrection: the value above is a mistake. The right answer is {G}.",
 "\n\nHmm, no — I misread the question. Fixing that, we get {G}, and that's my final answer.",
 " Actually, wait: I used the wrong formula. With the right one the answer becomes {G}.",
 "\n\nLet me fix an error: the previous result is incorrect; it should be {G}.",
 "\n\nOn reflection, that last step was flawed. The correct final answer is {G}.",
 " No wait, I need to recompute. Recomputed: {G}. That's final.",
]
SC_AWAY = [
 "\n\nWait, that's wrong — I mis-added in the second step. Actually the answer is {W}.",
 "\n\nHold on, I dropped a sign there. Correcting it, the final answer is {W}.",
 " Oops, scratch that: redoing the last line properly gives {W}.",
 "\n\nCorrection: the value above is a mistake. The right answer is {W}.",
 "\n\nHmm, no — I misread the question. Fixing that, we get {W}, and that's my final answer.",
 " Actually, wait: I used the wrong formula. With the right one the answer becomes {W}.",
 "\n\nLet me fix an error: the previous result is incorrect; it should be {W}.",
 "\n\nOn reflection, that last step was flawed. The correct final answer is {W}.",
 " No wait, I need to recompute. Recomputed: {W}. That's final.",
]
SEEM_CONCLUDE = [
 "So it seems the result is {X}.", "This appears to give {X}.", "At this point it looks like {X}.",
 "That would make it {X}.", "Tentatively: {X}.", "One would conclude {X} from this line alone.",
 "It looks as if we land on {X}.", "So far, this points to {X}.", "Provisionally the value is {X}.",
]
STRUCT_NAME = {"swap": "swapped_order", "set": "set_vs_tuple", "transpose": "transposed_matrix", "conj": "conjugate", "meridiem": "wrong_meridiem", "bracket": "bracket_type", "decpct": "decimal_for_percent", "round": "rounded_decimal", "units": "other_units_number", "valueonly": "mc_value_not_letter"}
STRUCT_TAGS = ["swap", "set", "transpose", "conj", "meridiem", "bracket", "decpct", "round", "units", "valueonly"]
TRUE_D = ["correct", "wrong_in_working", "hypothetical", "closing_check", "signoff", "restated_data", "selfcorr_to_gold", "label_override_true"]
FALSE_D = ["near_miss", "sign_error", "structural", "gold_in_working", "unresolved_rederivation", "hedge", "doubt", "two_answers", "method_doubt", "selfcorr_away", "label_override_false"]
HARD = {"swapped_order", "set_vs_tuple", "transposed_matrix", "conjugate", "wrong_meridiem", "bracket_type", "decimal_for_percent", "rounded_decimal", "other_units_number", "mc_value_not_letter", "gold_in_working", "unresolved_rederivation", "hedge", "doubt", "two_answers", "method_doubt", "selfcorr_away", "label_override_false", "sign_error"}


def build():
    rng = random.Random(SEED)
    rows = []
    ph_names = sorted(PHRASINGS)
    ph_cycle = 0
    for k, q, g, eqs, wr in ITEMS:
        # canonical rows
        rows.append(dict(kind=k, phrasing="bare_whole_reply", distractor="canonical_bare", gold=g, reply=g, correct=True,
                         why="The entire reply is the gold answer itself.", _final=g, _hedged=False))
        rows.append(dict(kind=k, phrasing="boxed_only", distractor="canonical_boxed", gold=g, reply="$" + box(g) + "$", correct=True,
                         why="The reply is the gold answer inside \\boxed{}.", _final=g, _hedged=False))
        near = [t for t in wr if t.startswith("near")] or [t for t in wr if t not in STRUCT_TAGS] or list(wr)
        struct = [t for t in wr if t in STRUCT_TAGS]
        used_struct = []
        for d in TRUE_D + FALSE_D + ["correct", "near_miss", "structural"]:
            G = rng.choice(eqs)
            wtag = rng.choice(near)
            if d == "sign_error":
                wtag = "sign" if "sign" in wr else rng.choice(near)
            if d == "structural":
                if not struct:
                    continue
                wtag = rng.choice(struct)
                if used_struct and len(struct) > 1:
                    wtag = [t for t in struct if t not in used_struct][0] if [t for t in struct if t not in used_struct] else wtag
                used_struct.append(wtag)
            W = wr[wtag]
            O, O2 = rng.randint(2, 99), rng.randint(2, 99)
            fmt = dict(G=m(G), W=m(W), O=O, O2=O2)
            longform = rng.random() < 0.22
            P = working(rng, q, longform)
            ph = ph_names[ph_cycle % len(ph_names)]; ph_cycle += 1
            if d == "correct" and rng.random() < 0.15:
                ph = "bare_value"
            F, T, final, hedged, why = G, "", G, False, ""
            if d == "correct":
                why = "Final answer %s is equivalent to gold." % G
            elif d in ("near_miss", "sign_error", "structural"):
                F = final = W; why = "Final answer %s (%s) differs from gold." % (W, wtag)
                if d == "sign_error" and wtag != "sign":
                    d = "near_miss_alt"
                if d == "structural":
                    d = STRUCT_NAME[wtag]
            elif d == "gold_in_working":
                P.insert(1, rng.choice(GOLD_IN_WORK).format(**fmt)); F = final = W
                why = "Gold appears only as a discarded intermediate; final answer is %s." % W
            elif d == "wrong_in_working":
                P.insert(1, rng.choice(WRONG_IN_WORK).format(**fmt))
                why = "Wrong value %s appears only in working; final answer matches gold." % W
            elif d == "unresolved_rederivation":
                T = rng.choice(UNRESOLVED).format(**fmt); hedged = True
                why = "A later re-derivation reaches %s and is left unresolved; abstain." % W
            elif d == "hedge":
                T = rng.choice(HEDGE).format(**fmt); hedged = True
                why = "Hedges between gold and %s." % W
            elif d == "doubt":
                T = rng.choice(DOUBT).format(**fmt); hedged = True
                if rng.random() < 0.35:
                    P.append(T.strip()); T = ""
                why = "Expresses doubt about the result; abstain."
            elif d == "two_answers":
                T = rng.choice(TWO_ANS).format(**fmt); hedged = True
                why = "Two unresolved final answers (gold and %s)." % W
            elif d == "method_doubt":
                T = rng.choice(METHOD_DOUBT).format(**fmt); hedged = True
                why = "Doubt about which of two methods is right (other gives %s)." % W
            elif d == "hypothetical":
                T = rng.choice(HYPO).format(**fmt); why = "Trailing hypothetical does not change the final answer."
            elif d == "closing_check":
                T = rng.choice(CHECK).format(**fmt); why = "Closing check agrees; other numbers are not answers."
            elif d == "signoff":
                T = rng.choice(SIGNOFF).format(**fmt); why = "Sign-off mentions unrelated numbers only."
            elif d == "restated_data":
                T = rng.choice(RESTATE).format(**fmt); why = "Restated question data after the final answer."
            elif d == "selfcorr_to_gold":
                F = W; T = rng.choice(SC_TO_GOLD).format(**fmt); final = G
                why = "Explicit self-correction from %s to the gold value." % W
            elif d == "selfcorr_away":
                T = rng.choice(SC_AWAY).format(**fmt); final = W
                why = "Explicit self-correction from gold to %s." % W
            elif d == "label_override_true":
                P.append(rng.choice(SEEM_CONCLUDE).format(X=m(W)))
                ph = rng.choice(["final_colon", "answer_colon"])
                why = "Working seemed to conclude %s, but the labelled answer is the gold." % W
            elif d == "label_override_false":
                P.append(rng.choice(SEEM_CONCLUDE).format(X=m(G))); F = final = W
                ph = rng.choice(["final_colon", "answer_colon"])
                why = "Working seemed to conclude gold, but the labelled answer is %s." % W
            if ph == "bare_value":
                reply = G
            else:
                reply = PHRASINGS[ph](rng, P, F, T)
            label = d in TRUE_D
            rows.append(dict(kind=k, phrasing=ph, distractor=d, gold=g, reply=reply, correct=label, why=why,
                             _final=final, _hedged=hedged, _long=longform))
    # independent verification of every label
    for r in rows:
        chk = (not r["_hedged"]) and equal(r["kind"], r["_final"], r["gold"])
        assert chk == r["correct"], (r["distractor"], r["gold"], r["_final"])
        assert (r["_final"] in r["reply"]) or r["distractor"].startswith("canonical") or ("$" + r["_final"] + "$") in r["reply"]
    out = []
    for i, r in enumerate(rows):
        out.append({"id": "mh6-%05d" % i, "split": SPLIT, "kind": r["kind"], "phrasing": r["phrasing"], "distractor": r["distractor"],
                    "gold": r["gold"], "reply": r["reply"], "correct": r["correct"], "why": r["why"]})
    return out


if __name__ == "__main__":
    rows = build()
    with open(os.path.join(HERE, "math_heldout6_2026-12-03.jsonl"), "w") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    n = len(rows)
    print("rows", n)
    print("labels", Counter(r["correct"] for r in rows))
    print("hard negatives", sum(1 for r in rows if not r["correct"] and r["distractor"] in HARD) / n)
    print("multi-paragraph", sum(1 for r in rows if r["reply"].count("\n\n") >= 2) / n)
    print("longform", sum(1 for r in rows if r["reply"].count(MORE[0][:20]) + sum(r["reply"].count(x[:25]) for x in MORE[1:]) >= 2) / n)
    print("kinds", Counter(r["kind"] for r in rows))
    print("phrasings", Counter(r["phrasing"] for r in rows))
    print("distractors", Counter(r["distractor"] for r in rows))
