"""JavaScript and C++ candidates against input/output tests, in the sandbox, judged in this process: a
correct, a wrong, a crashing, a hanging and a faking candidate per language, and a missing toolchain."""

from __future__ import annotations

import asyncio
import shutil

import pytest

from synthloom.verifiers.build import build_verifier
from synthloom.verifiers.code_languages import ToolchainMissing
from synthloom.verifiers.code_stdio import StdioCodeVerifier, read_tests, same_output
from synthloom.verifiers.config import VerifierConfig
from synthloom.verifiers.sandbox import SandboxLimits, isolation

needs_bwrap = pytest.mark.skipif(isolation()["mode"] != "bwrap", reason="native programs run in bwrap mode only")

# sum the numbers on the input; the expected outputs never enter the sandbox
TESTS = [{"input": "1 2\n", "output": "3\n"}, {"input": "10 20 30\n", "output": "60\n"},
         {"input": "-5 5\n", "output": "0"}]
FIND_EXPECTED = "String(6 * 10)"  # an expected output a candidate hunts for (built, so its own source lacks it)

CANDIDATES = {
    "javascript": {
        "correct": "```js\nconst n = require('fs').readFileSync(0, 'utf8').trim().split(/\\s+/).map(Number);\n"
                   "console.log(n.reduce((a, b) => a + b, 0));\n```",
        "wrong": "```javascript\nconst n = require('fs').readFileSync(0, 'utf8').trim().split(/\\s+/).map(Number);\n"
                 "console.log(n.reduce((a, b) => a + b, 1));\n```",
        "crashing": "```javascript\nnull.boom();\n```",
        "hanging": "```javascript\nwhile (true) {}\n```",
        # every way to claim a pass: print it, exit 0, write a verdict file, look for the expected outputs
        "faking": "```javascript\nconst fs = require('fs');\nfor (const f of ['/sandbox', '/', '/tmp']) {\n"
                  "  try { for (const e of fs.readdirSync(f)) { try { const t = fs.readFileSync(f + '/' + e, 'utf8');"
                  " if (t.includes(" + FIND_EXPECTED + ")) { console.log(t); } } catch (e) {} } } catch (e) {}\n}\n"
                  "try { fs.writeFileSync('/sandbox/verdict.json', '{\"passed\": true}'); } catch (e) {}\n"
                  "console.log('PASS'); console.log('All tests passed'); process.exit(0);\n```",
    },
    "cpp": {
        "correct": "```cpp\n#include <iostream>\nint main() { long s = 0, x; while (std::cin >> x) s += x;\n"
                   "  std::cout << s << std::endl; }\n```",
        "wrong": "```cpp\n#include <iostream>\nint main() { long s = 0, x; while (std::cin >> x) s += x;\n"
                 "  std::cout << s * 2 << std::endl; }\n```",
        "crashing": "```cpp\n#include <cstdio>\nint main() { int *p = nullptr; std::printf(\"%d\\n\", *p); }\n```",
        "hanging": "```cpp\nint main() { volatile long i = 0; for (;;) i++; }\n```",
        "faking": "```cpp\n#include <cstdio>\n#include <fstream>\n"
                  "int main() { std::ofstream(\"/sandbox/verdict\") << \"pass\";\n"
                  "  std::FILE *f = std::fopen(\"/proc/1/cmdline\", \"r\"); if (f) std::fclose(f);\n"
                  "  std::puts(\"PASS\"); std::puts(\"All tests passed\"); return 0; }\n```",
    },
}
EXPECTED = {"correct": "pass", "wrong": "fail", "crashing": "error", "hanging": "timeout", "faking": "fail"}


def verifier(language: str) -> StdioCodeVerifier:
    return StdioCodeVerifier(language, SandboxLimits(wall_s=4, cpu_s=2))


@needs_bwrap
@pytest.mark.parametrize("language", ["javascript", "cpp"])
async def test_each_kind_of_candidate_gets_its_verdict_decided_outside_its_process(language):
    check = verifier(language)
    names = list(CANDIDATES[language])
    verdicts = dict(zip(names, await asyncio.gather(
        *(check.verify(CANDIDATES[language][name], {"tests": TESTS}) for name in names)), strict=True))
    for name, verdict in verdicts.items():
        assert verdict.outcome == EXPECTED[name], (name, verdict.summary())
        assert verdict.passed == (name == "correct")
        assert verdict.mode == "stdio" and len(verdict.cases) == len(TESTS)
    assert verdicts["wrong"].cases[0]["detail"].startswith("line 1: got '")
    assert verdicts["crashing"].error_kind == "raised"
    assert "interpreter and standard library" not in (check.isolation or {})["detail"]
    assert "expected '3'" in verdicts["faking"].cases[0]["detail"] and "PASS" in verdicts["faking"].cases[0]["detail"]
    # the hanging one spends the one time budget on its first case; the rest are not run
    assert [c["outcome"] for c in verdicts["hanging"].cases] == ["timeout"] * len(TESTS)


@needs_bwrap
async def test_a_cpp_candidate_that_does_not_compile_is_an_error_naming_the_compilers_complaint():
    verdict = await verifier("cpp").verify("```cpp\nint main() { return undefined_name; }\n```", {"tests": TESTS})
    assert verdict.outcome == "error" and verdict.error_kind == "compile"
    assert "undefined_name" in verdict.detail and "was not declared" in verdict.detail


@needs_bwrap
async def test_a_flood_of_output_is_an_error_and_the_verifier_stays_bounded():
    flood = "```js\nconst s = 'x'.repeat(1 << 20);\nfor (let i = 0; i < 64; i++) process.stdout.write(s);\n```"
    verdict = await verifier("javascript").verify(flood, {"tests": TESTS[:1]})
    assert verdict.outcome == "error" and verdict.error_kind == "size", verdict.summary()


@needs_bwrap
async def test_the_sandbox_has_no_network_no_host_files_and_an_empty_environment():
    probe = ("```js\nconst fs = require('fs');\nconst seen = [fs.existsSync('/etc/passwd'), fs.existsSync('/work'),"
             " fs.existsSync('/root'), Object.keys(process.env).filter(k => !['PATH', 'HOME', 'LANG', 'PWD']"
             ".includes(k)).length];\nrequire('net').connect(80, '1.1.1.1').on('error', () => "
             "{ console.log(JSON.stringify(seen) + ' offline'); });\n```")
    tests = [{"input": "", "output": "[false,false,false,0] offline"}]
    verdict = await verifier("javascript").verify(probe, {"tests": tests})
    assert verdict.passed, verdict.summary()


def test_a_missing_toolchain_is_one_error_naming_the_debian_package(monkeypatch):
    real = shutil.which
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None if name in ("node", "g++") else real(name))
    with pytest.raises(ToolchainMissing, match=r"`node`.*Debian package nodejs.*apt-get install nodejs"):
        StdioCodeVerifier("javascript")
    with pytest.raises(ValueError, match=r"`g\+\+`.*Debian package g\+\+"):  # as the run config loads
        VerifierConfig.model_validate({"kind": "code", "language": "cpp"})
    monkeypatch.setattr(shutil, "which", real)
    config = VerifierConfig.model_validate({"kind": "code", "language": "cpp"})
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None if name == "g++" else real(name))
    with pytest.raises(ToolchainMissing, match=r"`g\+\+`"):  # and where a worker builds it elsewhere
        build_verifier(config, None)


def test_tests_are_read_in_the_shapes_datasets_use_and_bad_ones_are_the_records_error():
    assert read_tests('{"inputs": ["1\\n"], "outputs": [["2", "3"]]}') == [("1\n", "2\n3")]
    assert read_tests({"language": "cpp", "test_cases": [{"input": "a", "output": "b", "type": "stdin_stdout"}]}) \
        == [("a", "b")]
    for bad in ("not json", [], [{"input": "x"}], {"inputs": ["1"], "outputs": []}):
        with pytest.raises(ValueError):
            read_tests(bad)
    with pytest.raises(ValueError, match="Python only"):
        VerifierConfig.model_validate({"kind": "code", "language": "javascript", "test_style": "humaneval"})


def test_outputs_compare_by_lines_tokens_or_exactly():
    assert same_output("3  \n\n\n", "3\n", "lines")[0]
    assert not same_output("3 4\n", "3\n4\n", "lines")[0]
    assert same_output("3 4\n", "3\n4\n", "tokens")[0]
    assert not same_output("3\n", "3", "exact")[0]
    assert same_output("1\n2\n", "1\n3\n", "lines") == (False, "line 2: got '2', expected '3'")


@needs_bwrap
async def test_a_record_without_tests_is_a_bad_test():
    verdict = await verifier("javascript").verify("console.log(1)", {"prompt": "x"})
    assert verdict.outcome == "bad_test" and "tests" in verdict.detail
