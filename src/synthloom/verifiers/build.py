"""A verifier from its config: the one place a `verifier:` section becomes an object."""

from __future__ import annotations

from typing import TYPE_CHECKING

from synthloom.verifiers.base import AllOf, AnyOf, Verifier

if TYPE_CHECKING:
    from synthloom.engine.model_engines import Engines
    from synthloom.verifiers.config import VerifierConfig


def build_verifier(config: VerifierConfig, engines: Engines | None) -> Verifier:
    if config.kind == "math":
        from synthloom.verifiers.math import MathAnswerVerifier, MathConventions
        from synthloom.verifiers.math_judge import MathJudge

        if config.judge_model and engines is None:
            raise ValueError("a math verifier with a judge_model needs the run's engines")
        judge = MathJudge(engines.get(config.judge_model)) if config.judge_model and engines else None
        return MathAnswerVerifier(config.gold_field, MathConventions(percent=config.percent, units=config.units,
                                                                     format=config.format), judge)
    if config.kind == "code":
        from synthloom.verifiers.code import CodeVerifier
        from synthloom.verifiers.sandbox import SandboxLimits

        limits = SandboxLimits(wall_s=config.wall_s, cpu_s=config.cpu_s, memory_mb=config.memory_mb)
        if config.language != "python" or config.test_style == "stdio":
            from synthloom.verifiers.code_stdio import StdioCodeVerifier

            return StdioCodeVerifier(config.language, limits, config.compare, config.tests_field)
        return CodeVerifier(limits)
    if config.kind == "json_schema":
        from synthloom.verifiers.schema import JsonSchemaVerifier

        assert config.schema_ is not None  # VerifierConfig requires it for this kind
        return JsonSchemaVerifier(config.schema_)
    if config.kind == "regex":
        from synthloom.verifiers.schema import RegexVerifier

        assert config.pattern is not None  # VerifierConfig requires it for this kind
        return RegexVerifier(config.pattern, config.full_match)
    if config.kind == "judge":
        from synthloom.verifiers.judge import JudgeVerifier

        if engines is None:
            raise ValueError("a judge verifier needs the run's engines")
        assert config.model is not None and config.rubric is not None  # VerifierConfig requires both
        return JudgeVerifier(engines.get(config.model), config.rubric)
    if config.kind == "ifeval":
        from synthloom.verifiers.ifeval import InstructionVerifier

        return InstructionVerifier(config.constraints, config.constraints_field, config.strictness)
    if config.kind == "python":
        from synthloom.verifiers.python_verifier import PythonVerifier

        assert config.function is not None  # VerifierConfig requires it for this kind
        return PythonVerifier(config.function)
    parts = [build_verifier(v, engines) for v in config.of]
    return AllOf(*parts) if config.kind == "all_of" else AnyOf(*parts)
