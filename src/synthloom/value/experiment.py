"""`synthloom value`: does fine-tuning on the run's verified candidates make a better student?

Three arms, scored on held-out problems no step saw, with the rejection step's own verifier:
  no_finetune  the student as it sampled the candidates
  verified     fine-tuned on candidates the verifier accepted (rejection-sampling fine-tuning)
  unverified   fine-tuned on as many candidates drawn regardless of the verdict, for as many steps
Each arm's answers are saved in value/<arm>.json as soon as it is scored, so a killed experiment goes on
from the next arm; value.json holds pass@1 with bootstrap intervals and the paired differences.
"""

from __future__ import annotations

import copy
import logging
import shutil
import time
from pathlib import Path
from typing import Any

import orjson

from synthloom.config import RunConfig
from synthloom.errors import UserError
from synthloom.io.private_files import write_private_atomic
from synthloom.templates import load_template, render
from synthloom.value.config import ValueConfig
from synthloom.value.data import Example, arms, candidates, held_out, rejection_config
from synthloom.value.evaluate import answers, score
from synthloom.value.stats import bootstrap
from synthloom.value.student import load_student
from synthloom.value.train import steps_for, train_arm
from synthloom.verifiers.build import build_verifier

log = logging.getLogger("synthloom")
ARMS = ("no_finetune", "verified", "unverified")
PAIRS = [("verified", "no_finetune"), ("verified", "unverified"), ("unverified", "no_finetune")]
SHOWN_EXAMPLES = 5


def student_path(run: RunConfig, value: ValueConfig) -> Path:
    if value.student is not None:
        return Path(value.student)
    if run.model.backend != "llamacpp":
        raise UserError("value.student: the run's model is not a local GGUF; give the student's weights (a GGUF "
                        "file or a Hugging Face-format folder of the model that sampled the candidates)")
    from synthloom.models.llamacpp import resolve_model_path

    return Path(resolve_model_path(run.model.model))


def _write_json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_private_atomic(path, orjson.dumps(data, option=orjson.OPT_INDENT_2))


def run_value(run: RunConfig, run_dir: Path, say=print) -> dict[str, Any]:
    value = run.value
    assert value is not None
    step = rejection_config(run)
    pool = candidates(run_dir, step)
    if not pool:
        raise UserError(f"value: {run_dir} holds no candidates of the rejection step; run the pipeline first")
    train_sets = arms(pool, value.examples, value.seed)
    from synthloom.run.execute import load_inputs

    problems = held_out(run, {str(r.fields.get("question")) for r in load_inputs(run)})
    prompts = [render(load_template(step.template), p) for p in problems]
    verifier = build_verifier(step.verifier, None)
    folder = run_dir / "value"
    path = student_path(run, value)
    say(f"value: {len(pool)} candidates ({sum(e.correct for e in pool)} verified); {len(train_sets['verified'])} "
        f"examples and {steps_for(len(train_sets['verified']), value)} steps per fine-tuned arm; "
        f"{len(problems)} held-out problems; student {path.name}")
    base, tokenizer = None, None
    results: dict[str, dict[str, Any]] = {}
    for arm in ARMS:
        saved = folder / f"{arm}.json"
        if saved.exists():
            results[arm] = orjson.loads(saved.read_bytes())
            say(f"value: {arm}: done in an earlier session ({results[arm]['solved']} solved)")
            continue
        loaded = 0.0
        if base is None:
            started = time.perf_counter()
            base, tokenizer = load_student(path)
            loaded = time.perf_counter() - started
        results[arm] = _arm(arm, base, tokenizer, train_sets.get(arm, []), problems, prompts, step, value,
                            verifier, folder)
        results[arm]["load_s"] = round(loaded, 1)  # the student is loaded once, by the first arm to run
        _write_json(saved, results[arm])
        say(f"value: {arm}: {results[arm]['solved']}/{len(problems)} solved "
            f"(train {results[arm]['train_s']:.0f} s, eval {results[arm]['eval_s']:.0f} s)")
    summary = _summary(run, value, step, pool, train_sets, problems, results)
    _write_json(run_dir / "value.json", summary)
    return summary


def _arm(arm: str, base: Any, tokenizer: Any, examples: list[Example], problems: list[dict[str, Any]],
         prompts: list[str], step, value: ValueConfig, verifier, folder: Path) -> dict[str, Any]:
    model, curve, train_s = base, [], 0.0
    if arm != "no_finetune":
        model = copy.deepcopy(base)  # every arm starts from the same weights
        started = time.perf_counter()
        curve = train_arm(model, tokenizer, examples, step.system, value, folder / "arms" / arm)
        train_s = time.perf_counter() - started
    started = time.perf_counter()
    texts = answers(model, tokenizer, prompts, step.system, step.max_tokens, value.eval_batch_size)
    eval_s = time.perf_counter() - started
    solved = score(verifier, problems, texts)
    arm_dir = folder / "arms" / arm
    if arm != "no_finetune" and value.keep_models:
        model.save_pretrained(arm_dir)
        tokenizer.save_pretrained(arm_dir)
    elif arm_dir.exists():
        shutil.rmtree(arm_dir)  # the trainer's scratch folder
    return {"arm": arm, "solved": sum(solved), "per_problem": solved, "answers": texts, "curve": curve,
            "examples": len(examples), "train_s": round(train_s, 1), "eval_s": round(eval_s, 1)}


def _summary(run: RunConfig, value: ValueConfig, step, pool: list[Example], train_sets: dict[str, list[Example]],
             problems: list[dict[str, Any]], results: dict[str, dict[str, Any]]) -> dict[str, Any]:
    per_problem = {arm: results[arm]["per_problem"] for arm in ARMS}
    stats = bootstrap(per_problem, resamples=value.bootstrap, confidence=value.confidence, seed=value.seed,
                      pairs=PAIRS)
    now_solved = [{"question": problems[i]["question"], "gold": problems[i]["answer"],
                   "before": results["no_finetune"]["answers"][i], "after": results["verified"]["answers"][i]}
                  for i in range(len(problems))
                  if per_problem["verified"][i] and not per_problem["no_finetune"][i]][:SHOWN_EXAMPLES]
    verdict = {f"{a} beats {b}": stats[f"{a} - {b}"]["low"] > 0 for a, b in PAIRS}
    return {
        "student": str(value.student or run.model.model or "bundled SmolLM2-135M-Instruct"),
        "rejection_step": step.name or step.step,
        "train": {"candidates": len(pool), "verified_candidates": sum(e.correct for e in pool),
                  "examples_per_arm": len(train_sets["verified"]),
                  "unverified_examples_correct": sum(e.correct for e in train_sets["unverified"]),
                  "steps": steps_for(len(train_sets["verified"]), value), "epochs": value.epochs,
                  "batch_size": value.batch_size, "learning_rate": value.learning_rate},
        "held_out": {"problems": len(problems), "eval_seed": value.eval_seed,
                     "by_difficulty": _by_difficulty(problems, per_problem)},
        "confidence": value.confidence,
        "arms": {arm: stats[arm] for arm in ARMS},
        "differences": {f"{a} - {b}": stats[f"{a} - {b}"] for a, b in PAIRS},
        "verdict": verdict,
        "curves": {arm: results[arm]["curve"] for arm in ARMS if results[arm]["curve"]},
        "now_solved": now_solved,
        "seconds": {arm: {k: results[arm].get(k) for k in ("load_s", "train_s", "eval_s")} for arm in ARMS},
    }


def _by_difficulty(problems: list[dict[str, Any]], per_problem: dict[str, list[bool]]) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for i, problem in enumerate(problems):
        row = out.setdefault(problem.get("difficulty", "all"), {"problems": 0, **{arm: 0 for arm in per_problem}})
        row["problems"] += 1
        for arm, solved in per_problem.items():
            row[arm] += solved[i]
    return out


def format_table(summary: dict[str, Any]) -> str:
    level = f"{summary['confidence']:.0%} interval"
    lines = [f"{'arm':<14} {'pass@1':>7} {level:>16} {'solved':>9}"]
    for arm, s in summary["arms"].items():
        span = f"[{s['low']:.3f}, {s['high']:.3f}]"
        lines.append(f"{arm:<14} {s['pass_at_1']:>7.3f} {span:>16} {s['solved']:>4}/{s['problems']}")
    lines.append("")
    for pair, d in summary["differences"].items():
        beyond = "yes" if d["low"] > 0 else "no"
        lines.append(f"{pair:<26} {d['difference']:+.3f} [{d['low']:+.3f}, {d['high']:+.3f}]  above zero: {beyond}")
    return "\n".join(lines)
