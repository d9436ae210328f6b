"""A rejection step's `verifier:` section: which check a candidate must pass, with its settings."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, model_validator

from synthloom.steps.step_config import OptionalModelName, Strict
from synthloom.verifiers.math import MathConventions


class VerifierConfig(Strict):
    kind: Literal["math", "code", "json_schema", "regex", "judge", "all_of", "any_of", "ifeval", "python"]
    gold_field: str = Field("answer", description="math: the field holding the gold answer")
    percent: Literal["label", "fraction"] = Field(
        MathConventions.percent, description="math: `label`: 75% matches 75, not 0.75; `fraction`: also 0.75")
    units: Literal["ignore", "strict"] = Field(
        MathConventions.units, description="math: `ignore` drops a unit after a number (12 cm = 12); `strict` keeps it")
    format: Literal["lenient", "strict"] = Field(
        MathConventions.format, description="math: `strict`: only a \\boxed{}, `####` or \"the answer is\" counts "
                                            "(as RL reward functions do); `lenient` also reads a bold value, a bare "
                                            "answer or the one value of the last sentence")
    judge_model: OptionalModelName = Field(
        None, description="math: a model that decides only the replies whose final answer cannot be read "
                          "(unparseable), used once it passes a built-in calibration check")
    schema_: dict[str, Any] | None = Field(None, alias="schema", description="json_schema: the JSON Schema")
    pattern: str | None = Field(None, description="regex: the pattern")
    full_match: bool = False
    model: OptionalModelName = Field(None, description="judge: the judge model (a different one from the generator)")
    rubric: str | None = Field(None, description="judge: what a passing answer must do")
    allow_same_model: bool = Field(False, description="judge: let the generator judge itself")
    of: list[VerifierConfig] = Field(default_factory=list, description="all_of / any_of: the verifiers")
    wall_s: float = Field(10.0, gt=0, description="code: wall-clock limit per run")
    cpu_s: int = Field(5, ge=1)
    memory_mb: int = Field(512, ge=32)
    language: Literal["python", "javascript", "cpp"] = Field(
        "python", description="code: the candidates' language; javascript (node) and cpp (g++) run input/output "
                              "tests, python HumanEval-style tests unless test_style is stdio")
    test_style: Literal["humaneval", "stdio"] | None = Field(
        None, description="code: `humaneval` (prompt, test, entry_point; Python only) or `stdio` (each test an "
                          "input and the expected output); default: humaneval for python, stdio otherwise")
    tests_field: str = Field("tests", description="code, stdio: the record field holding the input/output tests")
    compare: Literal["lines", "tokens", "exact"] = Field(
        "lines", description="code, stdio: `lines` ignores trailing spaces and blank lines at the end, `tokens` "
                             "all whitespace, `exact` nothing")
    constraints: list[dict[str, Any]] | None = Field(
        None, description="ifeval: constraints every record gets, [{instruction_id, kwargs}] with IFEval's ids "
                          "and kwargs names (checked with the record's own)")
    constraints_field: str = Field(
        "constraints", description="ifeval: the record field holding its constraints (IFEval's "
                                   "instruction_id_list + kwargs and RLVR's ground_truth are read too)")
    strictness: Literal["strict", "loose"] = Field(
        "strict", description="ifeval: `loose` also accepts the reply without its first / last line or its "
                              "'*' (IFEval's loose accuracy)")
    function: str | None = Field(
        None, description="python: the function, as module:name; it gets the candidate and the record's fields "
                          "and returns True/False, (passed, detail) or a Verdict")

    @model_validator(mode="after")
    def _needs(self) -> VerifierConfig:
        needed = {"json_schema": "schema_", "regex": "pattern", "judge": "rubric"}.get(self.kind)
        if needed and getattr(self, needed) is None:
            raise ValueError(f"a {self.kind} verifier needs `{needed.rstrip('_')}`")
        if self.kind in ("all_of", "any_of") and not self.of:
            raise ValueError(f"{self.kind} needs a list `of` verifiers")
        if self.kind == "code" and self.language != "python" and self.test_style == "humaneval":
            raise ValueError(f"humaneval tests run for Python only; {self.language} candidates run stdio tests")
        if self.kind == "code" and self.language != "python":
            from synthloom.verifiers.code_languages import ToolchainMissing, language, toolchain_path

            try:  # when the config loads, before any run directory exists
                toolchain_path(language(self.language))
            except ToolchainMissing as exc:
                raise ValueError(str(exc)) from None
        if self.kind == "ifeval" and self.constraints:
            from synthloom.verifiers.ifeval_checks import BadConstraint
            from synthloom.verifiers.ifeval_formats import read_constraints

            try:
                read_constraints(self.constraints)
            except BadConstraint as exc:
                raise ValueError(f"constraints: {exc}") from None
        if self.kind == "python":
            from synthloom.errors import UserError
            from synthloom.steps.python_step import resolve

            if not self.function:
                raise ValueError("a python verifier needs `function`: module:name")
            try:
                resolve(self.function, "verifier python")  # a wrong name fails when the config loads
            except UserError as exc:
                raise ValueError(str(exc)) from None
        if self.kind == "judge" and not self.model:
            raise ValueError("a judge verifier needs `model`: a different model from the generator")
        return self

    def judges(self) -> list[VerifierConfig]:
        """The verifiers here that ask a model (a judge, a math verifier with a judge_model)."""
        if self.kind == "judge" or (self.kind == "math" and self.judge_model):
            return [self]
        return [j for v in self.of for j in v.judges()]

    @property
    def judge_model_name(self) -> str | None:
        return self.model if self.kind == "judge" else self.judge_model
