"""Code in JavaScript, C++ (or Python) against input/output tests, with the verdict decided in this process.

Threat model as code.py's: the candidate is adversarial and knows this source. Each test case is its
own sandboxed process (sandbox_native.py) that gets the case's input on stdin and nothing else: the
expected output never enters any sandbox. This process reads what the program wrote to stdout and
compares it with the expected output itself, so printing "PASS", exiting 0, writing files or reading
the tests (they are not there) win nothing. A C++ candidate is compiled in a sandbox of its own first.

Outcomes, as the Python verifier's: pass, fail (wrong output), error (does not compile, crashes, exits
non-zero, prints past the output cap), timeout (wall clock or CPU limit; one deadline for all the
cases, as there), bad_test (the record has no usable tests); per case on the verdict.

Tests, in the record's `tests_field`: [{"input": ..., "output": ...}], APPS-style {"inputs": [...],
"outputs": [...]}, or SYNTHETIC-1's verification_info {"test_cases": [{"input", "output", ...}]}, each
also as a JSON string.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import re
from typing import Any

from synthloom.verifiers.base import Verdict
from synthloom.verifiers.code_languages import (
    Language,
    compile_binds,
    compiled_runtime_binds,
    language,
    run_binds,
    toolchain_path,
)
from synthloom.verifiers.sandbox import SandboxLimits, isolation
from synthloom.verifiers.sandbox_native import (
    OUT_DIR,
    PROGRAM_DIR,
    ProgramRun,
    host_folder,
    keep_binary,
    require_bwrap,
    run_program,
)

log = logging.getLogger(__name__)
MAX_PROGRAM_CHARS = 100_000
MAX_CASES = 200
COMPILE_LIMITS = SandboxLimits(wall_s=60, cpu_s=30, memory_mb=1024, processes=32, file_mb=64)
COMPARES = ("lines", "tokens", "exact")


class BadTests(ValueError):
    """The record's tests cannot be read; the message says why."""


def extract_code(text: str, fences: tuple[str, ...]) -> str:
    """The longest fenced block tagged with one of `fences` (or untagged), else the text as it is."""
    blocks = [(tag.lower(), body) for tag, body in re.findall(r"```([\w+#-]*)[ \t]*\n(.*?)```", text, re.DOTALL)]
    tagged = [body for tag, body in blocks if tag in fences] or [body for tag, body in blocks if not tag]
    return max(tagged, key=len) if tagged else text


def read_tests(value: Any) -> list[tuple[str, str]]:
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            raise BadTests("the tests are text that is not JSON") from None
    if isinstance(value, dict) and "test_cases" in value:
        value = value["test_cases"]
    if isinstance(value, dict) and "inputs" in value and "outputs" in value:
        inputs, outputs = value["inputs"], value["outputs"]
        if not isinstance(inputs, list) or not isinstance(outputs, list) or len(inputs) != len(outputs):
            raise BadTests("`inputs` and `outputs` must be lists of the same length")
        value = [{"input": i, "output": o} for i, o in zip(inputs, outputs, strict=True)]
    if not isinstance(value, list) or not value:
        raise BadTests("the tests must be a non-empty list of {input, output}")
    if len(value) > MAX_CASES:
        raise BadTests(f"{len(value)} test cases; at most {MAX_CASES} are run per candidate")
    cases = []
    for index, case in enumerate(value):
        if not isinstance(case, dict) or "input" not in case or "output" not in case:
            raise BadTests(f"test {index} is not a mapping with `input` and `output`")
        cases.append((_text(case["input"], index), _text(case["output"], index)))
    return cases


def _text(value: Any, index: int) -> str:
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "\n".join(value)  # APPS keeps some outputs as lists of lines
    if not isinstance(value, str):
        raise BadTests(f"test {index}: input and output must be text")
    return value


def same_output(got: str, expected: str, compare: str) -> tuple[bool, str]:
    """(equal, where they differ). lines: trailing spaces and blank lines at the end do not count;
    tokens: only the whitespace-separated tokens count; exact: every byte counts."""
    if compare == "exact":
        return got == expected, "" if got == expected else "the output differs (exact comparison)"
    if compare == "tokens":
        a, b = got.split(), expected.split()
        if a == b:
            return True, ""
        at = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
        return False, f"token {at + 1}: got {_show(a, at)}, expected {_show(b, at)}"
    a, b = _lines(got), _lines(expected)
    if a == b:
        return True, ""
    at = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return False, f"line {at + 1}: got {_show(a, at)}, expected {_show(b, at)}"


def _lines(text: str) -> list[str]:
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _show(items: list[str], at: int) -> str:
    return repr(items[at][:80]) if at < len(items) else "nothing more"


class StdioCodeVerifier:
    """A candidate program in `language` against the record's input/output tests."""

    def __init__(self, language_name: str, limits: SandboxLimits = SandboxLimits(wall_s=10, cpu_s=5),
                 compare: str = "lines", tests_field: str = "tests") -> None:
        if compare not in COMPARES:
            raise ValueError(f"compare must be one of {', '.join(COMPARES)}, not {compare!r}")
        self.language: Language = language(language_name)
        self.toolchain = toolchain_path(self.language)  # a missing toolchain is the user's error, up front
        require_bwrap()
        self.limits, self.compare, self.tests_field = limits, compare, tests_field
        self.name = f"code_tests_{self.language.name}"
        found = isolation()  # bwrap mode (require_bwrap): its detail starts with the Python root's words
        detail = found["detail"].replace("own root filesystem (interpreter and standard library only)",
                                         self.language.root, 1)
        self.isolation: dict[str, str] | None = {**found, "detail": detail}

    async def verify(self, candidate: str, fields: dict[str, Any]) -> Verdict:
        """Never raises for anything a candidate does (see code.py)."""
        try:
            return await self._verify(candidate, fields)
        except Exception as exc:  # noqa: BLE001 - the last wall: one candidate must not stop a run
            log.warning("%s verifier: a candidate ended in %s; counted as its error", self.language.name,
                        type(exc).__name__, exc_info=True)
            return Verdict(False, "error", f"the verifier could not finish: {type(exc).__name__}: {exc}"[:300],
                           mode="stdio", error_kind="internal")

    async def _verify(self, candidate: str, fields: dict[str, Any]) -> Verdict:
        if fields.get(self.tests_field) is None:
            return Verdict(False, "bad_test", f"the record has no `{self.tests_field}` field", mode="stdio")
        try:
            tests = read_tests(fields[self.tests_field])
        except BadTests as exc:
            return Verdict(False, "bad_test", f"{self.tests_field}: {exc}"[:300], mode="stdio")
        code = extract_code(candidate, self.language.fences)
        if len(code) > MAX_PROGRAM_CHARS:
            return Verdict(False, "error", f"the program is {len(code):,} characters; at most "
                           f"{MAX_PROGRAM_CHARS:,} are verified", mode="stdio", error_kind="size")
        if not self.language.compile:
            command = [part.format(toolchain=self.toolchain, memory_mb=self.limits.memory_mb)
                       for part in self.language.run]
            return await self._run_cases(tests, command, run_binds(self.language, self.toolchain),
                                         {self.language.source: code})
        with host_folder() as out, host_folder() as kept:
            built = await run_program([p.format(toolchain=self.toolchain) for p in self.language.compile],
                                      compile_binds(), {self.language.source: code}, COMPILE_LIMITS,
                                      writable_dir=out)
            binary = os.path.join(out, "main")
            if built.status != "ok" or not os.path.isfile(binary) or os.path.islink(binary):
                return self._compile_failure(built)
            program = keep_binary(binary, kept)
            binds = (*compiled_runtime_binds(self.language, self.toolchain), "--ro-bind", program,
                     f"{PROGRAM_DIR}/main")
            return await self._run_cases(tests, list(self.language.run), binds, {})

    @staticmethod
    def _compile_failure(built: ProgramRun) -> Verdict:
        if built.status == "timeout":
            return Verdict(False, "timeout", f"the compile ran past {COMPILE_LIMITS.wall_s:.0f}s or its CPU limit",
                           mode="stdio", error_kind="compile")
        errors = [line for line in built.stderr.decode("utf-8", "replace").splitlines() if "error" in line]
        shown = (errors[0] if errors else built.stderr.decode("utf-8", "replace").strip()[-300:]) or \
            f"the compiler exited {built.returncode} without a program"
        return Verdict(False, "error", f"does not compile: {shown.replace(f'{OUT_DIR}/', '')}"[:500],
                       mode="stdio", error_kind="compile")

    async def _run_cases(self, tests: list[tuple[str, str]], command: list[str], binds: tuple[str, ...],
                         files: dict[str, str]) -> Verdict:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.limits.wall_s  # one budget for every case, as code.py's
        rows: list[dict[str, Any]] = []
        for index, (given, expected) in enumerate(tests):
            remaining = deadline - loop.time()
            if remaining <= 0:
                rows.append({"case": index, "outcome": "timeout", "detail": "not run: the time limit was spent"})
                continue
            cap = min(max(64 * 1024, 2 * len(expected.encode()) + 1024), 16 * 1024 * 1024)
            run = await run_program(command, binds, files, self.limits, stdin=given.encode(), output_cap=cap,
                                    wall_s=remaining, address_space_mb=self.language.address_space_mb)
            rows.append({"case": index, **self._judge(run, expected, cap), "seconds": run.seconds})
        failing = [r for r in rows if r["outcome"] != "pass"]
        if not failing:
            return Verdict(True, "pass", f"{len(rows)} of {len(rows)} cases", mode="stdio", cases=tuple(rows))
        first = failing[0]
        detail = f"{len(rows) - len(failing)} of {len(rows)} cases pass; case {first['case']}: " \
                 f"{first['outcome']}: {first['detail']}"
        return Verdict(False, first["outcome"], detail[:500], mode="stdio", cases=tuple(rows),
                       error_kind=first.get("kind", "") if first["outcome"] == "error" else "")

    def _judge(self, run: ProgramRun, expected: str, cap: int) -> dict[str, Any]:
        if run.status == "timeout":
            return {"outcome": "timeout", "detail": "ran past the time limit"}
        if run.status == "error":
            last = [line for line in run.stderr.decode("utf-8", "replace").splitlines() if line.strip()]
            how = f"killed by signal {-run.returncode}" if run.returncode is not None and run.returncode < 0 \
                else f"exited with code {run.returncode}"
            return {"outcome": "error", "kind": "raised", "detail": f"{how}: {last[-1][:200] if last else ''}"}
        if run.truncated:
            return {"outcome": "error", "kind": "size", "detail": f"printed more than {cap:,} bytes"}
        same, where = same_output(run.stdout.decode("utf-8", "replace"), expected, self.compare)
        return {"outcome": "pass", "detail": ""} if same else {"outcome": "fail", "detail": where}
