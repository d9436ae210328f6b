"""Cross-check rows against the official IFEval checker (lm_eval 0.4.13's copy of
google-research/instruction_following_eval), extracted from the PyPI wheel into _ref/.
Uses utils.test_instruction_following_strict exactly as lm_eval does."""
import json, sys, types, os, logging
logging.disable(logging.CRITICAL)
REF = os.path.join(os.path.dirname(os.path.abspath(__file__)), "_ref")
for name, sub in [("lm_eval", "lm_eval"), ("lm_eval.tasks", "lm_eval/tasks"),
                  ("lm_eval.tasks.ifeval", "lm_eval/tasks/ifeval")]:
    m = types.ModuleType(name); m.__path__ = [os.path.join(REF, sub)]; sys.modules[name] = m
from lm_eval.tasks.ifeval import utils as U

def official(row):
    inp = U.InputExample(key=0, instruction_id_list=[row["instruction_id"]],
                         prompt=row["prompt"], kwargs=[row["kwargs"]])
    return U.test_instruction_following_strict(inp, row["response"]).follow_instruction_list[0]

def main():
    path = sys.argv[1]
    rows = [json.loads(l) for l in open(path)]
    dis = []
    for r in rows:
        o = official(r)
        if o != r["label"]:
            dis.append((r["id"], r["instruction_id"], r["case"], r["label"], o))
    print(f"{len(rows)} rows, {len(dis)} disagreements with official strict checker")
    for d in dis: print("  ", *d)
    un = langdetect_stability(rows)
    print(f"langdetect-dependent rows whose official outcome changes across 10 seeds: {len(un)}", un)

def langdetect_stability(rows, seeds=range(10)):
    """langdetect is randomised and IFEval does not seed it; re-run the
    language-dependent rows under several seeds and return the unstable ones."""
    from langdetect import DetectorFactory
    ids = {"language:response_language", "change_case:english_capital", "change_case:english_lowercase"}
    unstable = []
    for r in rows:
        if r["instruction_id"] not in ids: continue
        outs = set()
        for s in seeds:
            DetectorFactory.seed = s; outs.add(official(r))
        if len(outs) > 1: unstable.append(r["id"])
    return unstable

if __name__ == "__main__":
    main()
