"""`synthloom value`: does fine-tuning on the run's verified candidates make a better student, and is it
the verification that helps?

The primary test, named before any result: verified against unverified (as many candidates drawn
regardless of the verdict, for as many steps), paired over the held-out problems (exact McNemar with one
seed; with several, a sign-flip test on each problem's seed-averaged difference). Everything else is
secondary: the untuned student (no_finetune), and the controls prompt_matched (the verified arm's prompts,
answers drawn regardless of the verdict) and wrong_formed (the verified answers made wrong, same length
and format), see data.py. Every fine-tuned arm is trained once per seed in value.seeds, all from one
sampled pool; every arm is scored by the rejection step's verifier and by a strict scorer (the final
stated answer only, no fallback), on the held-out problems and, reported apart, on an OOD set.

Each (arm, seed) is saved in value/<arm>-seed<seed>.json as soon as it is scored, so a killed experiment
goes on from the next one; value.json holds the summary.
"""

from __future__ import annotations

import copy
import logging
import shutil
import time
from pathlib import Path
from statistics import fmean
from typing import Any

import orjson

from synthloom.config import RunConfig
from synthloom.errors import UserError
from synthloom.io.private_files import write_private_atomic
from synthloom.templates import load_template, render
from synthloom.value.answer_stats import answer_stats
from synthloom.value.config import ValueConfig
from synthloom.value.data import Example, candidates, held_out, ood_set, rejection_config, training_sets
from synthloom.value.evaluate import answers, score
from synthloom.value.stats import (hierarchical_bootstrap, mcnemar_exact, mcnemar_power, mean_sd, problems_needed,
                                   sign_flip_test, smallest_detectable)
from synthloom.value.student import load_student
from synthloom.value.train import steps_for, train_arm
from synthloom.verifiers.build import build_verifier

log = logging.getLogger("synthloom")
BASE = "no_finetune"
PRIMARY = ("verified", "unverified")
REFERENCE_GAIN = 0.05  # the power is also stated for a true 5-point gain, whatever was observed
SHOWN_EXAMPLES = 5
SCORES = ("per_problem", "strict", "ood", "ood_strict")  # lenient (the rejection verifier) and strict, held-out and OOD


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


def pairs(arms: list[str]) -> list[tuple[str, str]]:
    """The primary contrast first, then the verified arm against each control, then each fine-tuned arm
    against the untuned student."""
    out = [PRIMARY] + [("verified", a) for a in arms if a not in PRIMARY]
    return out + [(a, BASE) for a in arms]


class Prepared:
    """Everything the arms need that no model computes: the pool, each seed's training sets, the held-out
    and OOD problems and their prompts, the scorers."""

    def __init__(self, run: RunConfig, run_dir: Path) -> None:
        value = run.value
        assert value is not None
        self.step = step = rejection_config(run)
        self.pool = candidates(run_dir, step)
        if not self.pool:
            raise UserError(f"value: {run_dir} holds no candidates of the rejection step; run the pipeline first")
        from synthloom.run.execute import load_inputs

        seen = {str(r.fields.get("question")) for r in load_inputs(run)}
        self.problems, self.leakage = held_out(run, seen)
        self.ood = ood_set(run, seen)
        template = load_template(step.template)
        self.prompts = [render(template, p) for p in self.problems + self.ood]
        self.verifier = build_verifier(step.verifier, None)
        self.strict = build_verifier(step.verifier.model_copy(update={"format": "strict"}), None) \
            if step.verifier.kind == "math" else None
        gold_field = getattr(step.verifier, "gold_field", None) or "answer"

        def passes(items: list[tuple[str, Example]]) -> list[bool]:
            return score(self.verifier, [{gold_field: e.gold} for _, e in items], [t for t, _ in items])

        self.sets = [training_sets(self.pool, list(value.arms), value.examples, seed, draw, passes)
                     for seed, draw in zip(value.seeds, value.draw_seeds(), strict=True)]
        self.n_train = len(self.sets[0][0]["verified"])


def job_name(arm: str, seed: int | None) -> str:
    return arm if seed is None else f"{arm}-seed{seed}"


def load_saved(path: Path, prepared: Prepared) -> dict[str, Any] | None:
    if not path.exists():
        return None
    result = orjson.loads(path.read_bytes())
    if len(result["per_problem"]) != len(prepared.problems) or len(result["ood"]) != len(prepared.ood):
        raise UserError(f"value: {path} was scored on another held-out set; delete {path.parent} to start over")
    return result


def run_value(run: RunConfig, run_dir: Path, say=print) -> dict[str, Any]:
    value = run.value
    assert value is not None
    prepared = Prepared(run, run_dir)
    step, pool, problems, ood = prepared.step, prepared.pool, prepared.problems, prepared.ood
    folder = run_dir / "value"
    path = student_path(run, value)
    say(f"value: {len(pool)} candidates ({sum(e.kept for e in pool)} exported, {sum(e.correct for e in pool)} "
        f"verified); {prepared.n_train} examples and {steps_for(prepared.n_train, value)} steps per fine-tuned arm "
        f"and seed; {len(problems)} held-out problems ({prepared.leakage['same_key_other_wording']} more removed "
        f"by the canonical key than by the question), {len(ood)} OOD; seeds {value.seeds}; student {path.name}")
    # The untuned student first, then every arm of one seed before the next seed: a run cut short still
    # holds whole seeds.
    jobs: list[tuple[str, int | None]] = [(BASE, None)] + [(arm, i) for i in range(len(value.seeds))
                                                           for arm in value.arms]
    base, tokenizer = None, None
    results: dict[str, list[dict[str, Any]]] = {}
    for arm, i in jobs:
        name = job_name(arm, None if i is None else value.seeds[i])
        saved = folder / f"{name}.json"
        result = load_saved(saved, prepared)
        if result is not None:
            results.setdefault(arm, []).append(result)
            say(f"value: {name}: done in an earlier session ({result['solved']} solved)")
            continue
        loaded = 0.0
        if base is None:
            started = time.perf_counter()
            base, tokenizer = load_student(path)
            loaded = time.perf_counter() - started
        examples = [] if i is None else prepared.sets[i][0][arm]
        seed = 0 if i is None else value.seeds[i]
        result = _arm(arm, seed, base, tokenizer, examples, problems, ood, prepared.prompts, step, value,
                      prepared.verifier, prepared.strict, folder / "arms" / name)
        result["load_s"] = round(loaded, 1)  # the student is loaded once, by the first arm to run
        if i is not None:
            result["draw"] = value.draw_seeds()[i]
            result["notes"] = prepared.sets[i][1]
        _write_json(saved, result)
        results.setdefault(arm, []).append(result)
        say(f"value: {name}: {result['solved']}/{len(problems)} solved, strict {sum(result['strict'])}, OOD "
            f"{sum(result['ood'])}/{len(ood)} (train {result['train_s']:.0f} s, eval {result['eval_s']:.0f} s)")
    summary = summarize(run, value, step, pool, prepared.n_train, problems, ood, prepared.leakage, results)
    _write_json(run_dir / "value.json", summary)
    return summary


def summary_so_far(run: RunConfig, run_dir: Path) -> dict[str, Any]:
    """The summary of an experiment still running (or cut short): the seeds every arm has finished, or,
    before the first seed is whole, that seed's finished arms (verified and unverified at least)."""
    value = run.value
    assert value is not None
    prepared = Prepared(run, run_dir)
    folder = run_dir / "value"
    base = load_saved(folder / f"{BASE}.json", prepared)
    done = {(arm, seed): r for arm in value.arms for seed in value.seeds
            if (r := load_saved(folder / f"{job_name(arm, seed)}.json", prepared)) is not None}
    seeds = [s for s in value.seeds if all((arm, s) in done for arm in value.arms)]
    arms = list(value.arms)
    if not seeds:
        seeds = value.seeds[:1]
        arms = [arm for arm in value.arms if (arm, seeds[0]) in done]
    if base is None or not {"verified", "unverified"} <= set(arms):
        raise UserError(f"value: {folder} does not yet hold the untuned, verified and unverified arms of one seed")
    sub = value.model_copy(update={"seeds": seeds, "arms": arms, "draws": None})
    results: dict[str, list[dict[str, Any]]] = {BASE: [base], **{arm: [done[(arm, s)] for s in seeds] for arm in arms}}
    summary = summarize(run, sub, prepared.step, prepared.pool, prepared.n_train, prepared.problems, prepared.ood,
                        prepared.leakage, results)
    summary["design"]["planned"] = {"seeds": value.seeds, "arms": list(value.arms)}
    summary["design"]["complete"] = seeds == value.seeds and arms == list(value.arms)
    return summary


def _arm(arm: str, seed: int, base: Any, tokenizer: Any, examples: list[Example], problems: list[dict[str, Any]],
         ood: list[dict[str, Any]], prompts: list[str], step, value: ValueConfig, verifier, strict,
         arm_dir: Path) -> dict[str, Any]:
    model, curve, train_s = base, [], 0.0
    train_truncated = [len(tokenizer(e.answer, add_special_tokens=False)["input_ids"]) >= step.max_tokens
                       for e in examples]
    if arm != BASE:
        model = copy.deepcopy(base)  # every arm starts from the same weights
        started = time.perf_counter()
        curve = train_arm(model, tokenizer, examples, step.system, value, arm_dir, seed)
        train_s = time.perf_counter() - started
    started = time.perf_counter()
    texts, truncated = answers(model, tokenizer, prompts, step.system, step.max_tokens, value.eval_batch_size)
    eval_s = time.perf_counter() - started
    everything = problems + ood
    lenient = score(verifier, everything, texts)
    stated = score(strict, everything, texts) if strict is not None else lenient
    n = len(problems)
    if arm != BASE and value.keep_models:
        model.save_pretrained(arm_dir)
        tokenizer.save_pretrained(arm_dir)
    elif arm_dir.exists():
        shutil.rmtree(arm_dir)  # the trainer's scratch folder
    return {"arm": arm, "seed": seed if arm != BASE else None, "solved": sum(lenient[:n]),
            "per_problem": lenient[:n], "strict": stated[:n], "ood": lenient[n:], "ood_strict": stated[n:],
            "answers": texts[:n], "ood_answers": texts[n:], "truncated": truncated[:n], "curve": curve,
            "examples": len(examples), "examples_correct": sum(e.correct for e in examples),
            "train_stats": answer_stats([e.answer for e in examples], train_truncated),
            "eval_stats": answer_stats(texts[:n], truncated[:n]),
            "ood_eval_stats": answer_stats(texts[n:], truncated[n:]),
            "train_s": round(train_s, 1), "eval_s": round(eval_s, 1)}


def _floats(flags: list[bool]) -> list[float]:
    return [float(f) for f in flags]


def _score_block(runs: list[dict[str, Any]], key: str, value: ValueConfig) -> dict[str, Any]:
    """pass@1 of one arm under one score: mean ± SD across seeds, interval over seeds and problems."""
    per_seed = [_floats(r[key]) for r in runs]
    n = len(per_seed[0])
    if not n:
        return {"pass_at_1": None, "problems": 0}
    rates = [fmean(s) for s in per_seed]
    mean, sd = mean_sd(rates)
    low, high = hierarchical_bootstrap(per_seed, resamples=value.bootstrap, confidence=value.confidence,
                                       seed=value.seed)
    return {"pass_at_1": round(mean, 4), "sd": round(sd, 4), "per_seed": [round(r, 4) for r in rates],
            "low": round(low, 4), "high": round(high, 4), "solved": round(mean * n, 1), "problems": n}


def _difference_block(a: list[dict[str, Any]], b: list[dict[str, Any]], key: str,
                      value: ValueConfig) -> dict[str, Any]:
    """a - b per seed (the untuned arm, measured once, is paired with every seed), paired over problems."""
    if not a[0][key]:
        return {"difference": None, "problems": 0}
    b = b if len(b) == len(a) else b * len(a)
    per_seed = [[float(x) - float(y) for x, y in zip(ra[key], rb[key], strict=True)] for ra, rb in zip(a, b)]
    diffs = [fmean(s) for s in per_seed]
    mean, sd = mean_sd(diffs)
    low, high = hierarchical_bootstrap(per_seed, resamples=value.bootstrap, confidence=value.confidence,
                                       seed=value.seed)
    tests = [mcnemar_exact(ra[key], rb[key]) for ra, rb in zip(a, b)]
    if len(a) == 1:
        p, test = tests[0]["p_value"], "exact McNemar"
    else:
        averaged = [fmean(column) for column in zip(*per_seed)]
        p, test = sign_flip_test(averaged, value.permutations, value.seed), "sign-flip over problems (seed means)"
    n = len(per_seed[0])
    return {"difference": round(mean, 4), "sd": round(sd, 4), "per_seed": [round(d, 4) for d in diffs],
            "low": round(low, 4), "high": round(high, 4), "p_value": round(p, 5), "test": test,
            "mcnemar_per_seed": tests, "discordance": round(fmean(t["discordant"] / n for t in tests), 4),
            "problems": n}


def _primary(difference: dict[str, Any], value: ValueConfig) -> dict[str, Any]:
    n, discordance, observed = difference["problems"], difference["discordance"], abs(difference["difference"])
    smallest = smallest_detectable(n, discordance, value.power, value.alpha)
    detected = difference["p_value"] < value.alpha
    return {
        "contrast": f"{PRIMARY[0]} - {PRIMARY[1]}", "scorer": "the rejection step's verifier", **difference,
        "alpha": value.alpha, "detected": detected,
        "power_at_observed": round(mcnemar_power(n, discordance, observed, value.alpha), 3),
        "power_at_5_points": round(mcnemar_power(n, discordance, REFERENCE_GAIN, value.alpha), 3),
        "smallest_detectable": smallest, "at_power": value.power,
        "problems_for_power_at_5_points": problems_needed(discordance, REFERENCE_GAIN, value.power, value.alpha),
        "problems_for_power_at_observed": problems_needed(discordance, observed, value.power, value.alpha)
        if observed else None,
        "power_note": "exact McNemar power for one seed at the observed discordance (the share of problems "
                      "one arm solves and the other does not); averaging seeds can only add power",
        "reading": ("verification changed pass@1 beyond the test's level" if detected else
                    f"not detected at this size: differences below about {smallest:.3f} cannot be told from "
                    f"zero with {value.power:.0%} power on {n} problems"),
    }


def summarize(run: RunConfig, value: ValueConfig, step, pool: list[Example], n_train: int,
              problems: list[dict[str, Any]], ood: list[dict[str, Any]], leakage: dict[str, int],
              results: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    names = [BASE, *value.arms]
    arms = {}
    for arm in names:
        runs = results[arm]
        arms[arm] = {**_score_block(runs, "per_problem", value), "seeds": len(runs),
                     "strict": _score_block(runs, "strict", value), "ood": _score_block(runs, "ood", value),
                     "ood_strict": _score_block(runs, "ood_strict", value),
                     "eval_stats": _mean_stats([r["eval_stats"] for r in runs]),
                     "ood_eval_stats": _mean_stats([r["ood_eval_stats"] for r in runs]),
                     "train_stats": _mean_stats([r["train_stats"] for r in runs]) if arm != BASE else None,
                     "examples_correct": fmean(r["examples_correct"] for r in runs) if arm != BASE else None}
    differences = {}
    for a, b in pairs(list(value.arms)):
        differences[f"{a} - {b}"] = {**_difference_block(results[a], results[b], "per_problem", value),
                                     "strict": _difference_block(results[a], results[b], "strict", value),
                                     "ood": _difference_block(results[a], results[b], "ood", value)}
    primary = _primary(differences[f"{PRIMARY[0]} - {PRIMARY[1]}"], value)
    base, verified = results[BASE][0], results["verified"][0]
    now_solved = [{"question": problems[i]["question"], "gold": problems[i]["answer"],
                   "before": base["answers"][i], "after": verified["answers"][i]}
                  for i in range(len(problems)) if verified["per_problem"][i] and not base["per_problem"][i]]
    return {
        "student": str(value.student or run.model.model or "bundled SmolLM2-135M-Instruct"),
        "rejection_step": step.name or step.step,
        "design": {"seeds": value.seeds, "draws": value.draw_seeds(), "arms": names,
                   "primary": f"{PRIMARY[0]} - {PRIMARY[1]}", "held_out": len(problems), "ood": len(ood),
                   "ood_classes": value.ood_classes, "strict_scorer": step.verifier.kind == "math"},
        "train": {"candidates": len(pool), "verified_candidates": sum(e.correct for e in pool),
                  "exported": sum(e.kept for e in pool),
                  "duplicates_left_out": sum(e.correct and not e.kept for e in pool),
                  "examples_per_arm": n_train,
                  "unverified_examples_correct": arms["unverified"]["examples_correct"],
                  "steps": steps_for(n_train, value), "epochs": value.epochs,
                  "batch_size": value.batch_size, "learning_rate": value.learning_rate},
        "held_out": {"problems": len(problems), "eval_seed": value.eval_seed, "leakage_removed": leakage,
                     "by_difficulty": _by_difficulty(problems, {a: results[a] for a in names})},
        "confidence": value.confidence,
        "primary": primary,
        "arms": arms,
        "differences": differences,
        "verdict": {pair: d["low"] > 0 for pair, d in differences.items()},
        "curves": {f"{arm} seed {r['seed']}": r["curve"] for arm in value.arms for r in results[arm] if r["curve"]},
        "now_solved": now_solved[:SHOWN_EXAMPLES],
        "seconds": {f"{arm} seed {r['seed']}" if r["seed"] is not None else arm:
                    {k: r.get(k) for k in ("load_s", "train_s", "eval_s")} for arm in names for r in results[arm]},
    }


def _mean_stats(stats: list[dict[str, float]]) -> dict[str, float]:
    return {k: round(fmean(s[k] for s in stats), 4) for k in stats[0]}


def _by_difficulty(problems: list[dict[str, Any]], results: dict[str, list[dict[str, Any]]]) -> dict[str, dict]:
    """Solved per difficulty class, each arm's mean over its seeds."""
    out: dict[str, dict[str, float]] = {}
    for i, problem in enumerate(problems):
        row = out.setdefault(problem.get("difficulty", "all"), {"problems": 0, **{arm: 0.0 for arm in results}})
        row["problems"] += 1
        for arm, runs in results.items():
            row[arm] += fmean(r["per_problem"][i] for r in runs)
    return {k: {a: round(v, 1) for a, v in row.items()} for k, row in out.items()}


def _pm(block: dict[str, Any]) -> str:
    return "-" if block.get("pass_at_1") is None else f"{block['pass_at_1']:.3f} ± {block['sd']:.3f}"


def format_table(summary: dict[str, Any]) -> str:
    level = f"{summary['confidence']:.0%} interval"
    lines = [f"{'arm':<15} {'pass@1 (mean ± SD)':>19} {level:>16} {'strict':>15} {'OOD':>15} {'chars':>6} "
             f"{'trunc':>6} {'states':>6}"]
    for arm, s in summary["arms"].items():
        span = f"[{s['low']:.3f}, {s['high']:.3f}]"
        stats = s["eval_stats"]
        lines.append(f"{arm:<15} {_pm(s):>19} {span:>16} {_pm(s['strict']):>15} {_pm(s['ood']):>15} "
                     f"{stats['mean_chars']:>6.0f} {stats['truncated']:>6.2f} {stats['states_final_answer']:>6.2f}")
    p = summary["primary"]
    lines += ["", f"primary {p['contrast']}: {p['difference']:+.3f} [{p['low']:+.3f}, {p['high']:+.3f}], "
              f"{p['test']} p = {p['p_value']:.4f}; discordance {p['discordance']:.3f}; power {p['power_at_observed']:.2f} "
              f"at the observed difference, {p['power_at_5_points']:.2f} at 5 points; smallest detectable at "
              f"{p['at_power']:.0%} power {p['smallest_detectable']:.3f}", f"  {p['reading']}", ""]
    for pair, d in summary["differences"].items():
        beyond = "yes" if d["low"] > 0 else "no"
        lines.append(f"{pair:<28} {d['difference']:+.3f} [{d['low']:+.3f}, {d['high']:+.3f}] p = {d['p_value']:.4f}  "
                     f"above zero: {beyond}")
    return "\n".join(lines)
