"""Rejection sampling's report, built from tallies (steps/tallies.py) so it adds up over Ray workers and
sessions: each prompt, once sampled, is folded into counters; the report reads only those.

What it shows: outcomes overall and per answer kind (a kind whose candidates are mostly unparseable or
ambiguous is one the verifier cannot read), yield per class and the classes where nothing was ever
accepted, pass@k, tokens per accepted answer, prompts per difficulty band, a reasoning model's share.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from synthloom.steps.reply_fields import UNFINISHED
from synthloom.steps.tallies import MICRO, tallies, tally_key
from synthloom.techniques.difficulty import BAND_NAMES
from synthloom.techniques.preference_pairs import RULE
from synthloom.verifiers.passk import pass_at_k

if TYPE_CHECKING:
    from synthloom.steps.techniques.rejection import PromptState, RejectionStepConfig

PASS_AT = (1, 5, 10)


def prompt_class(state: PromptState, config: RejectionStepConfig) -> str:
    return str(state.record.fields.get(config.class_field, "all")) if config.class_field else "all"


def tally_prompt(counters: Counter, state: PromptState, config: RejectionStepConfig) -> None:
    """Fold one sampled prompt into `counters`."""
    name = prompt_class(state, config)
    accepted = len(state.accepted)
    for figure, value in (("prompts", 1), ("with_accepted", int(bool(accepted))), ("tried", state.tried),
                          ("accepted", accepted)):
        counters[tally_key("class", name, figure)] += value
    for (kind, outcome), count in state.outcomes_by_kind.items():
        counters[tally_key("kind", kind, outcome)] += count
    counters[tally_key("tokens")] += state.tokens
    counters[tally_key("reasoning_tokens")] += state.reasoning_tokens
    counters[tally_key("band", name, state.stats(config.k, config.m)["difficulty_band"] or "unlabelled")] += 1
    _tally_pass_at_k(counters, state.draws, config)


def _shown(config: RejectionStepConfig) -> list[int]:
    return [j for j in PASS_AT if j <= config.k]


def _tally_pass_at_k(counters: Counter, draws: list[bool], config: RejectionStepConfig) -> None:
    """pass@j needs every prompt whose first j draws are known, the same prompts for every j. With m < k
    a prompt stops at its m-th pass, so the count of its draws depends on its outcomes and the binomial
    estimator over them is biased (pass@5 could fall below pass@1); the estimate then is the share of
    prompts with a pass among their first j draws: seen whenever the prompt did not pass before them,
    so unbiased, and it rises with j."""
    shown = _shown(config)
    top = max(shown, default=0)
    whole = config.m >= config.k  # no prompt can stop before its k-th draw
    first = draws[:config.k]
    if not shown or not (len(draws) >= top or (not whole and True in first[:top])):
        return
    counters[tally_key("passk", "prompts")] += 1
    for j in shown:
        value = pass_at_k(len(first), sum(first), j) if whole else float(True in first[:j])
        counters[tally_key("passk", j)] += round(value * MICRO)


def _pass_at_k(counters: Mapping[str, int], config: RejectionStepConfig, prompts: int) -> dict[str, Any]:
    covered = counters.get(tally_key("passk", "prompts"), 0)
    if not covered:
        return {}
    if config.m >= config.k:
        method = "the unbiased estimator (Chen et al.) over each prompt's first k candidates"
    else:
        method = "the share of prompts with a pass among their first j candidates (unbiased under stop-at-m)"
    values = {j: counters.get(tally_key("passk", j), 0) / MICRO / covered for j in _shown(config)}
    return {**{f"pass@{j}": round(v, 6) for j, v in values.items()}, "pass_at_k_prompts": covered,
            "pass_at_k_note": f"over {covered} of {prompts} prompts: {method}"}


def report_from_tallies(counters: Counter, config: RejectionStepConfig) -> dict[str, Any]:
    classes: dict[str, dict[str, int]] = {}
    for key, value in tallies(counters, "class").items():
        name, figure = key.rsplit(".", 1)
        classes.setdefault(name, {})[figure] = value
    yields: dict[str, dict[str, Any]] = {
        name: {"prompts": c.get("prompts", 0), "prompts_with_accepted": c.get("with_accepted", 0),
                     "tried": c.get("tried", 0), "accepted": c.get("accepted", 0),
                     "pass_rate": round(c.get("accepted", 0) / c["tried"], 4) if c.get("tried") else None}
              for name, c in sorted(classes.items())}
    by_kind: dict[str, dict[str, int]] = {}
    for key, value in sorted(tallies(counters, "kind").items()):
        kind, outcome = key.rsplit(".", 1)
        by_kind.setdefault(kind, {})[outcome] = value
    outcomes = Counter({key[len("outcome_"):]: value for key, value in counters.items() if key.startswith("outcome_")})
    accepted = sum(y["accepted"] for y in yields.values())
    tokens = counters.get(tally_key("tokens"), 0)
    return {
        "outcomes": dict(outcomes.most_common()),
        **({"outcomes_by_kind": by_kind} if by_kind else {}),
        "yield_by_class": yields,
        "zero_yield_classes": [name for name, y in yields.items() if y["accepted"] == 0],
        **_pass_at_k(counters, config, sum(y["prompts"] for y in yields.values())),
        "tokens_per_accepted": round(tokens / accepted, 1) if accepted else None,
        **_difficulty(counters, config, list(yields)),
        **_reasoning(counters, tokens),
    }


def _difficulty(counters: Mapping[str, int], config: RejectionStepConfig, classes: list[str]) -> dict[str, Any]:
    """Prompts per difficulty band, per class: the distribution the report plots."""
    bands = tallies(counters, "band")
    table = {name: {b: bands[f"{name}.{b}"] for b in (*BAND_NAMES, "unlabelled") if bands.get(f"{name}.{b}")}
             for name in classes}
    out: dict[str, Any] = {"difficulty_by_class": table}
    if config.keep_pass_rate is not None:
        out["keep_pass_rate"] = list(config.keep_pass_rate)
        out["prompts_outside_keep_pass_rate"] = counters.get("prompts_outside_keep_pass_rate", 0)
    if config.preference_pairs:
        out["preference_pairs"] = counters.get("preference_pairs", 0)
        out["pairing_rule"] = RULE
    return out


def _reasoning(counters: Mapping[str, int], tokens: int) -> dict[str, Any]:
    """A reasoning model's share of the tokens, and how often its trace never closed."""
    spent = counters.get(tally_key("reasoning_tokens"), 0)
    unfinished = counters.get(f"outcome_{UNFINISHED}", 0)
    if not spent and not unfinished:
        return {}
    return {"reasoning_tokens": spent, "reasoning_share_of_tokens": round(spent / tokens, 4) if tokens else None,
            "unfinished_reasoning": unfinished}
