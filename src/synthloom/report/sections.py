"""From a RunView to the report's sections: the numbers and tables each shows, and its plot. Shared by
the HTML and the Markdown formats, so both always say the same thing."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from synthloom.report import figures
from synthloom.report.run_view import RunView
from synthloom.steps.tallies import shown_counters

DIFFICULTY_ORDER = ("unsolved", "hard", "medium", "easy", "always_solved", "unlabelled")  # techniques/difficulty.py
DIVERSITY_METRICS = ("distinct_2", "self_bleu", "rouge_l_mean", "embedding_dispersion", "vendi")


@dataclass
class Table:
    columns: list[str]
    rows: list[list[Any]]
    caption: str = ""


@dataclass
class Section:
    id: str
    title: str
    notes: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    svgs: list[str] = field(default_factory=list)

    def empty(self) -> bool:
        return not (self.notes or self.tables or self.svgs)


def funnel_section(view: RunView, draw: bool) -> Section:
    section = Section("funnel", "Funnel: what each step kept, dropped and why")
    stages = [("inputs", view.steps[0].received if view.steps else view.inputs_total, 0, 0)] if view.steps else []
    for step in view.steps:  # what leaves the step: its output and the records its only_if sent past it
        stages.append((f"{step.name} ({step.kind})", step.emitted + step.bypassed, step.dropped, step.failed))
    stages.append(("written", view.records_written, 0, 0))
    if draw:
        section.svgs.append(figures.funnel(stages))
    # candidates: what a step had to decide on, its own generations included (Self-Instruct's tasks and
    # instances, Evol-Instruct's evolutions): kept (emitted) plus dropped, each drop in removed.jsonl.
    section.tables.append(Table(["step", "kind", "received", "candidates", "emitted", "dropped", "failed",
                                 "passed by (only_if)"],
                                [[s.name, s.kind, s.received, s.emitted + s.dropped, s.emitted, s.dropped, s.failed,
                                  s.bypassed] for s in view.steps]))
    reasons = [[s.name, key, value] for s in view.steps for key, value in sorted(shown_counters(s.counters).items())]
    reasons += [[s.name, f"error: {kind}", count] for s in view.steps for kind, count in sorted(s.errors.items())]
    if reasons:
        section.tables.append(Table(["step", "count of", "value"], reasons, "each step's own counts: "
                                    "filters, drops by reason, labels"))
    section.notes.append(f"{view.records_written:,} records in output.jsonl; {view.removed_total:,} removed by guards "
                         f"(removed.jsonl); {view.failures_total:,} failed (failures.jsonl).")
    return section


def rejection_section(view: RunView, draw: bool) -> Section:
    section = Section("rejection", "Rejection sampling")
    for step in view.steps:
        report = step.report
        if "yield_by_class" not in report:
            continue
        yields = report["yield_by_class"]
        zero = set(report.get("zero_yield_classes", []))
        rates = [y["pass_rate"] or 0.0 for y in yields.values()]
        if draw:
            section.svgs.append(figures.bars(list(yields), rates, xlabel=f"{step.name}: acceptance rate per class",
                                             highlight=zero, value_format="{:.2f}"))
            points = {int(k.split("@")[1]): v for k, v in report.items() if k.startswith("pass@")}
            section.svgs.append(figures.pass_at_k(points))
        section.tables.append(Table(["class", "prompts", "with accepted", "tried", "accepted", "pass rate"],
                                    [[c, y["prompts"], y["prompts_with_accepted"], y["tried"], y["accepted"],
                                      y["pass_rate"]] for c, y in yields.items()], f"{step.name}: yield by class"))
        section.notes.append(f"{step.name}: tokens per accepted example: {report.get('tokens_per_accepted')}; "
                             + ", ".join(f"{k} = {v}" for k, v in report.items() if k.startswith("pass@")))
        if zero:
            section.notes.append(f"{step.name}: classes where nothing was ever accepted: {', '.join(sorted(zero))}")
        if report.get("outcomes"):
            section.tables.append(Table(["outcome", "candidates"], [[k, v] for k, v in report["outcomes"].items()],
                                        f"{step.name}: verifier outcomes by kind ({report.get('verifier', '')})"))
        if by_kind := report.get("outcomes_by_kind"):
            names = ["pass", "wrong_answer", "unparseable", "ambiguous"]
            section.tables.append(Table(
                ["answer kind", "accepted", "wrong", "unparseable", "ambiguous", "other"],
                [[kind, *(c.get(n, 0) for n in names), sum(v for n, v in c.items() if n not in names)]
                 for kind, c in by_kind.items()],
                f"{step.name}: outcomes per answer kind (a kind mostly unparseable or ambiguous is one the "
                f"verifier cannot read: its problems go missing from the data)"))
        if difficulty := report.get("difficulty_by_class"):
            if draw:
                section.svgs.append(figures.stacked(difficulty, DIFFICULTY_ORDER,
                                                    xlabel=f"{step.name}: prompts per difficulty band, per class"))
            bands = [b for b in DIFFICULTY_ORDER if any(b in c for c in difficulty.values())]
            section.tables.append(Table(["class", *bands], [[c, *(counts.get(b, 0) for b in bands)]
                                                              for c, counts in difficulty.items()],
                                        f"{step.name}: prompts per difficulty band (pass rate over decided "
                                        "verdicts; see docs/reasoning.md)"))
        if "keep_pass_rate" in report:
            section.notes.append(f"{step.name}: kept prompts with a pass rate in {report['keep_pass_rate']}; "
                                 f"{report['prompts_outside_keep_pass_rate']} prompts outside it went to removed.jsonl")
        if "preference_pairs" in report:
            section.notes.append(f"{step.name}: {report['preference_pairs']} preference pairs (verified answer "
                                 f"chosen, verified-wrong rejected; {report['pairing_rule']})")
        if "reasoning_tokens" in report:
            share = report.get("reasoning_share_of_tokens")
            section.notes.append(f"{step.name}: {report['reasoning_tokens']:,} reasoning tokens"
                                 + (f" ({share:.0%} of the candidates' completion tokens)" if share is not None else "")
                                 + f"; {report.get('unfinished_reasoning', 0)} candidates whose reasoning never "
                                 "closed (outcome unfinished: raise max_tokens if many)")
        if calibration := report.get("judge_calibration"):
            trusted = "trusted" if calibration["trusted"] else "NOT trusted: unreadable replies stayed rejected"
            section.notes.append(f"{step.name}: the math judge graded {calibration['right_pairs_right']} right and "
                                 f"{calibration['wrong_pairs_right']} wrong answers of its calibration pairs "
                                 f"correctly (balanced accuracy {calibration['balanced_accuracy']}): {trusted}")
        if sandbox := report.get("sandbox"):
            section.notes.append(f"{step.name}: code ran in the sandbox's {sandbox['mode']} isolation: "
                                 f"{sandbox['detail']}")
    return section


def _diversity_groups(view: RunView) -> dict[str, dict[str, dict]]:
    """step name -> group (generation or field value) -> metrics."""
    out = {}
    for step in view.steps:
        groups = step.report.get("diversity_by_generation") or step.report.get("diversity_by_group")
        if groups:
            out[step.name] = groups
    return out


def diversity_section(view: RunView, draw: bool) -> Section:
    section = Section("diversity", "Diversity")
    for name, groups in _diversity_groups(view).items():
        by_generation = all(k.isdigit() for k in groups if k != "all")
        if draw and by_generation and len(groups) > 1:
            series = {m: {name: [(int(g), groups[g][m]) for g in groups if g.isdigit() and m in groups[g]]}
                      for m in DIVERSITY_METRICS}
            section.svgs.append(figures.curves(series, "generation"))
        section.tables.append(Table(["generation" if by_generation else "group", "count", *DIVERSITY_METRICS],
                                    [[g, m.get("count"), *(m.get(k, "") for k in DIVERSITY_METRICS)]
                                     for g, m in groups.items()], name))
        step = next(s for s in view.steps if s.name == name)
        for alarm in step.report.get("collapse_alarms", []):
            section.notes.append(f"ALARM, {name}: generation {alarm['generation']}: {alarm['metric']} "
                                 f"{alarm['value']} against {alarm['baseline']} in generation 0 "
                                 f"({alarm['loss']:.0%} of its diversity lost)")
        if "collapse_alarms" in step.report and not step.report["collapse_alarms"]:
            section.notes.append(f"{name}: no collapse alarm")
    return section


def coverage_section(view: RunView, draw: bool) -> Section:
    section = Section("coverage", "Coverage per category")
    for step in view.steps:
        counts = step.report.get("counts")
        if counts is None:
            continue
        thin = {t["category"]: t["reason"] for t in step.report.get("thin", [])}
        after = step.report.get("counts_after_fill", {})
        if draw:
            section.svgs.append(figures.bars(list(counts), list(counts.values()), xlabel=f"{step.name}: records",
                                             highlight=set(thin)))
        section.tables.append(Table(["category", "records", "after fill", "thin"],
                                    [[c, n, after.get(c, ""), thin.get(c, "")] for c, n in counts.items()], step.name))
    return section


def contamination_section(view: RunView) -> Section:
    section = Section("contamination", "Contamination")
    rows = []
    for record in view.removed:
        for step, meta in record.get("meta", {}).items():
            hit = meta.get("contamination") if isinstance(meta, dict) else None
            if hit:
                evidence = hit.get("excerpt") or (f"similarity {hit.get('similarity')}" + (
                    f", judge: {hit['judge']}" if hit.get("judge") else ""))
                rows.append([step, hit["benchmark"], hit["item_id"], hit["field"], hit["method"], evidence,
                             record["id"]])
    for step in view.steps:
        if step.kind == "decontaminate":
            section.notes.append(f"{step.name}: {step.counters.get('clean', 0):,} clean records; checked against "
                                 f"{step.report.get('benchmarks', '')} (n-gram n: {step.report.get('ngram_n')})")
    if rows:
        section.tables.append(Table(["step", "benchmark", "item", "field", "how", "evidence", "record"], rows,
                                    "records removed for matching a benchmark item"))
    return section


def cost_section(view: RunView, draw: bool) -> Section:
    section = Section("cost", "Calls, tokens and cost")
    t = view.totals
    section.tables.append(Table(["calls", "cache hits", "retries", "failed samples", "prompt tokens",
                                 "completion tokens", "of which reasoning", "estimated cost (USD)"],
                                [[t.get("calls", 0), t.get("cache_hits", 0), t.get("retries", 0),
                                  t.get("failed_samples", 0), t.get("prompt_tokens", 0), t.get("completion_tokens", 0),
                                  t.get("reasoning_tokens", 0), t.get("estimated_cost_usd", 0)]],
                                "the whole run, every session (reasoning tokens are completion tokens, priced as "
                                "output)"))
    if view.models:
        section.tables.append(Table(["name", "model", "calls", "cache hits", "prompt tokens", "completion tokens",
                                     "of which reasoning"],
                                    [[n, m["model"], m["calls"], m["cache_hits"], m["prompt_tokens"],
                                      m["completion_tokens"], m.get("reasoning_tokens", 0)]
                                     for n, m in view.models.items()], "per model"))
    sessions = [[s["id"], s.get("status"), round((s.get("ended") or s["started"]) - s["started"], 1),
                 ((s.get("metrics") or {}).get("engine") or {}).get("calls_per_s")] for s in view.sessions]
    if sessions:
        section.tables.append(Table(["session", "status", "seconds", "calls/s"], sessions, "sessions"))
    if draw:
        section.svgs.append(figures.timeline(view.timeline))
    return section


def value_section(view: RunView, draw: bool) -> Section:
    """`synthloom value`: a student fine-tuned on the verified data against the untuned student and a
    student fine-tuned on as much unverified data."""
    section = Section("value", "Data value: does the verified data make a better student?")
    v = view.value
    if not v:
        return section
    train, level = v["train"], f"{v['confidence']:.0%}"
    section.notes.append(
        f"Student {v['student']}; {train['examples_per_arm']} training examples per fine-tuned arm ({train['steps']} "
        f"steps, batch {train['batch_size']}, learning rate {train['learning_rate']:g}), drawn from "
        f"{train['candidates']} candidates of step {v['rejection_step']} ({train['verified_candidates']} verified; "
        f"the unverified arm's draw held {train['unverified_examples_correct']} correct ones). pass@1 is greedy, on "
        f"{v['held_out']['problems']} held-out problems no step saw (seed {v['held_out']['eval_seed']}), scored by "
        f"the rejection step's verifier; intervals are {level} percentile bootstrap over problems.")
    section.tables.append(Table(["arm", "pass@1", f"{level} interval", "solved"],
                                [[arm, round(a["pass_at_1"], 4), f"[{a['low']:.3f}, {a['high']:.3f}]",
                                  f"{a['solved']}/{a['problems']}"] for arm, a in v["arms"].items()]))
    section.tables.append(Table(["difference", "pass@1", f"{level} interval (paired)", "above zero"],
                                [[pair, round(d["difference"], 4), f"[{d['low']:+.3f}, {d['high']:+.3f}]",
                                  "yes" if d["low"] > 0 else "no"] for pair, d in v["differences"].items()],
                                "a difference whose whole interval is above zero is beyond the noise"))
    arms = list(v["arms"])
    section.tables.append(Table(["difficulty", "problems", *arms],
                                [[name, row["problems"], *(row[a] for a in arms)]
                                 for name, row in v["held_out"]["by_difficulty"].items()], "solved, by difficulty"))
    if draw and v.get("curves"):
        section.svgs.append(figures.curves({"training loss": {arm: [(p["step"], p["loss"]) for p in points]
                                                              for arm, points in v["curves"].items()}}, "step"))
    if v.get("now_solved"):
        section.tables.append(Table(["question", "gold", "untuned answer", "verified-arm answer"],
                                    [[e["question"], e["gold"], e["before"][:300], e["after"][:300]]
                                     for e in v["now_solved"]], "problems the student now solves"))
    return section


def all_sections(view: RunView, draw: bool = True) -> list[Section]:
    sections = [funnel_section(view, draw), rejection_section(view, draw), diversity_section(view, draw),
                coverage_section(view, draw), contamination_section(view), value_section(view, draw),
                cost_section(view, draw)]
    for section in sections:
        section.svgs = [svg for svg in section.svgs if svg]
    return [s for s in sections if not s.empty()]
