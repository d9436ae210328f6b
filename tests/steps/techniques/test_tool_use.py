"""`tool_use` on the scripted backend: correct, malformed, wrong-tool, schema-breaking, looping, huge and
hanging trajectories, each kept or dropped with its own reason, the run never stopped by any of them.
The bundled tools and the user's own (written here) run in the sandbox."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from synthloom.models.base import ChatRequest, Choice
from tests.run.test_pipeline_scripted import run_pipeline
from tests.scripted_backend import ScriptedBackend

EXAMPLES = Path(__file__).parents[3] / "examples"


def call(name: str, **arguments) -> str:
    return f"<tool_call>\n{json.dumps({'name': name, 'arguments': arguments})}\n</tool_call>"


def scripted(script: dict[str, list]) -> ScriptedBackend:
    """Answers each query's turns in order: the n-th reply to a conversation with n-1 assistant turns.
    A query's last scripted reply repeats (how a looping model is scripted)."""
    def reply(request: ChatRequest) -> str | Choice:
        query = next(m["content"] for m in request.messages if m["role"] == "user")
        turn = sum(m["role"] == "assistant" for m in request.messages)
        replies = script[query]
        return replies[min(turn, len(replies) - 1)]
    return ScriptedBackend(default=reply)


CHECKS = textwrap.dedent('''
    def answer_has_result(trajectory):
        results = [c["result"]["result"] for c in trajectory["calls"] if "result" in c]
        if not results:
            return False, "no result"
        wanted = results[-1]
        shown = str(int(wanted)) if float(wanted).is_integer() else str(wanted)
        return (shown in trajectory["answer"], f"the answer does not state {shown}")

    def stored_colour(trajectory):
        got = [c for c in trajectory["calls"] if c["name"] == "kv_get"]
        return bool(got) and got[-1]["result"].get("value") == "blue" and "blue" in trajectory["answer"]

    def broken_check(trajectory):
        return "yes"
''')

PROMPTED = {
    "What is (17 + 5) * 3?": [call("calculate", expression="(17 + 5) * 3"), "(17 + 5) * 3 = 66."],
    "Convert 5 km to miles.": [call("convert_units", value=5, from_unit="km", to_unit="mi"),
                               "5 km is 3.106856 miles."],
    "Remember that my favourite colour is blue, then tell me what you stored.": [
        call("kv_set", key="colour", value="blue") + "\n" + call("kv_get", key="colour"),
        "I stored your favourite colour: blue."],
    "What is 12 * 12?": [call("calculate", expression="12 * 12"), "12 * 12 = 140."],  # wrong answer
    "What is 2 + 2?": ['<tool_call>\n{"name": "calculate", "arguments": {"expression": \n</tool_call>'],
    "What is 3 + 3?": [call("weather", city="Paris")],
    "Convert 3 parsecs to km.": [call("convert_units", value=3, from_unit="parsec", to_unit="km")],
    "What is 4 + 4?": [call("calculate", expression="4 + 4")],  # the same call forever
    "What is 5 + 5?": [call("calculate", expression="5 + 5"), call("calculate", expression="5+5"),
                       call("calculate", expression="5 +5"), call("calculate", expression="5+ 5")],
    "What is 6 + 6?": [call("calculate", expression="1" * 100_000)],
    "What is 7 + 7?": ["7 + 7 is 14."],  # answers without calling anything
    "What is 1 / 0?": [call("calculate", expression="1 / 0")],
    "Add lunch on 2026-13-45 at noon.": [call("add_event", title="lunch", date="2026-12-05", start_time="12:00",
                                              duration_minutes=-5)],
    "What is 9 * 9?": [call("calculate", expression="9 * 9"), "9 * 9 = 81."],
}
CHECK_OF = {"What is (17 + 5) * 3?": "answer_has_result", "What is 12 * 12?": "answer_has_result",
            "Remember that my favourite colour is blue, then tell me what you stored.": "stored_colour",
            "What is 9 * 9?": "broken_check"}


def rows(script: dict) -> list[dict]:
    return [{"query": q, **({"check": CHECK_OF[q]} if q in CHECK_OF else {})} for q in script]


@pytest.fixture
def checks_file(tmp_path):
    path = tmp_path / "checks.py"
    path.write_text(CHECKS)
    return path


async def test_prompted_trajectories_are_kept_or_dropped_each_for_its_reason(tmp_path, checks_file):
    pipeline = [{"step": "tool_use", "checks": str(checks_file), "max_turns": 4}]
    summary, output, removed, failures = await run_pipeline(tmp_path, pipeline, scripted(PROMPTED),
                                                            rows=rows(PROMPTED))
    assert not failures
    kept = {r["fields"]["query"]: r for r in output}
    assert set(kept) == {"What is (17 + 5) * 3?", "Convert 5 km to miles.",
                         "Remember that my favourite colour is blue, then tell me what you stored."}
    reasons = {r["fields"]["query"]: r["meta"]["tool_use"]["removed"] for r in removed}
    assert reasons == {
        "What is 12 * 12?": "semantics_failed", "What is 2 + 2?": "malformed_call", "What is 3 + 3?": "unknown_tool",
        "Convert 3 parsecs to km.": "schema_invalid", "What is 4 + 4?": "repeated_call",
        "What is 5 + 5?": "turn_limit", "What is 6 + 6?": "arguments_too_large", "What is 7 + 7?": "no_tool_call",
        "What is 1 / 0?": "execution_error", "Add lunch on 2026-13-45 at noon.": "schema_invalid",
        "What is 9 * 9?": "check_failed"}
    counters = summary.steps["tool_use"].counters
    assert counters["kept_checked"] == 2 and counters["kept_unchecked"] == 1
    assert counters["failed_format_check"] == 5 and counters["failed_execution_check"] == 1
    assert counters["failed_semantics_check"] == 2
    # The export shape: assistant tool_calls (arguments as JSON text), tool messages answering each id.
    messages = kept["Remember that my favourite colour is blue, then tell me what you stored."]["fields"]["messages"]
    assert [m["role"] for m in messages] == ["user", "assistant", "tool", "tool", "assistant"]
    calls = messages[1]["tool_calls"]
    assert [c["function"]["name"] for c in calls] == ["kv_set", "kv_get"]
    assert json.loads(calls[1]["function"]["arguments"]) == {"key": "colour"}
    assert [m["tool_call_id"] for m in messages[2:4]] == [c["id"] for c in calls]
    assert json.loads(messages[3]["content"]) == {"found": True, "key": "colour", "value": "blue"}  # state kept
    assert messages[1]["content"] is None  # nothing but the calls was said
    assert kept["Convert 5 km to miles."]["fields"]["tools"][0]["function"]["name"] == "calculate"
    report = summary.steps["tool_use"].report
    assert report["failed_by_check"] == {"format": 5, "execution": 1, "semantics": 2} and report["kept"] == 3
    assert report["calls_per_tool_in_kept"] == {"calculate": 1, "convert_units": 1, "kv_set": 1, "kv_get": 1}


async def test_the_model_is_shown_the_tool_results_in_the_prompted_format(tmp_path):
    backend = scripted({"What is (17 + 5) * 3?": PROMPTED["What is (17 + 5) * 3?"]})
    await run_pipeline(tmp_path, [{"step": "tool_use"}], backend, rows=[{"query": "What is (17 + 5) * 3?"}])
    first, second = backend.requests
    assert first.tools == () and "<tool_call>" in first.messages[0]["content"]
    assert '"name": "convert_units"' in first.messages[0]["content"]
    assert second.messages[-1]["role"] == "user"
    assert '<tool_response>' in second.messages[-1]["content"] and '"result": 66' in second.messages[-1]["content"]


HANGING_TOOLS = [{"type": "function", "function": {"name": "spin", "description": "never returns",
                                                    "parameters": {"type": "object", "properties": {}}}},
                 {"type": "function", "function": {"name": "shout", "description": "upper case",
                                                    "parameters": {"type": "object", "properties": {
                                                        "text": {"type": "string"}}, "required": ["text"]}}},
                 {"type": "function", "function": {"name": "leave", "description": "ends its process",
                                                    "parameters": {"type": "object", "properties": {}}}}]
HANGING_MODULE = textwrap.dedent('''
    import os
    def spin():
        while True:
            pass
    def shout(text):
        print("noise the harness must not read as an answer")
        return text.upper()
    def leave():
        os._exit(3)
''')


async def test_a_tool_that_hangs_or_kills_its_process_is_an_execution_failure_and_the_run_goes_on(tmp_path):
    (tmp_path / "tools.json").write_text(json.dumps(HANGING_TOOLS))
    (tmp_path / "tools.py").write_text(HANGING_MODULE)
    script = {"spin please": [call("spin")], "leave please": [call("leave")],
              "shout hello": [call("shout", text="hello"), "HELLO"]}
    pipeline = [{"step": "tool_use", "tools": str(tmp_path / "tools.json"),
                 "implementations": str(tmp_path / "tools.py"), "call_timeout_s": 1.5}]
    summary, output, removed, failures = await run_pipeline(tmp_path, pipeline, scripted(script), rows=rows(script))
    assert not failures
    assert [r["fields"]["output"] for r in output] == ["HELLO"]
    assert json.loads(output[0]["fields"]["messages"][2]["content"]) == "HELLO"
    reasons = {r["fields"]["query"]: r["meta"]["tool_use"]["removed"] for r in removed}
    assert reasons == {"spin please": "execution_timeout", "leave please": "execution_broken"}


async def test_feed_back_lets_the_model_recover_from_a_failed_call(tmp_path):
    script = {"What is 10 / 4?": [call("calculate", expression="10 / 0"), call("calculate", expression="10 / 4"),
                                  "10 / 4 = 2.5"]}
    pipeline = [{"step": "tool_use", "on_call_error": "feed_back"}]
    summary, output, removed, _ = await run_pipeline(tmp_path, pipeline, scripted(script), rows=rows(script))
    [record] = output
    assert record["meta"]["tool_use"]["errors_fed_back"] == 1
    tool_messages = [m for m in record["fields"]["messages"] if m["role"] == "tool"]
    assert "ZeroDivisionError" in tool_messages[0]["content"]
    assert json.loads(tool_messages[1]["content"])["result"] == 2.5


def native_call(name: str, arguments: str, call_id: str) -> dict:
    return {"id": call_id, "type": "function", "function": {"name": name, "arguments": arguments}}


async def test_native_tool_calls_are_read_sent_back_and_checked(tmp_path):
    script = {
        "What is 6 * 7?": [Choice("", "tool_calls", tool_calls=[native_call("calculate", '{"expression": "6 * 7"}',
                                                                            "c1")]),
                           Choice("6 * 7 is 42.", "stop")],
        "What is 8 * 8?": [Choice("", "tool_calls", tool_calls=[native_call("calculate", '{"expression": "8 *',
                                                                            "c2")])],
        "What is 9 - 1?": [Choice("", "tool_calls", tool_calls=[{"weird": True}])],
    }
    backend = scripted(script)
    backend.native_tools = True  # type: ignore[attr-defined]
    summary, output, removed, failures = await run_pipeline(tmp_path, [{"step": "tool_use"}], backend,
                                                            rows=rows(script))
    assert not failures
    [kept] = output
    assert kept["meta"]["tool_use"]["mode"] == "native"
    assert kept["fields"]["messages"][1]["tool_calls"][0]["id"] == "c1"
    assert kept["fields"]["messages"][2] == {"role": "tool", "tool_call_id": "c1", "content": '{"expression": '
                                             '"6 * 7", "result": 42}'}
    reasons = {r["fields"]["query"]: r["meta"]["tool_use"]["removed"] for r in removed}
    assert reasons == {"What is 8 * 8?": "arguments_not_json", "What is 9 - 1?": "malformed_call"}
    sent = [r for r in backend.requests if r.tools]
    assert len(sent) == len(backend.requests) == 4 and sent[0].tool_choice == "auto"
    second = next(r for r in backend.requests if len(r.messages) > 1)
    assert second.messages[-2]["tool_calls"][0]["id"] == "c1" and second.messages[-1]["role"] == "tool"


async def test_queries_are_generated_from_the_tools_when_asked(tmp_path):
    listing = "1. What is 13 * 7 exactly?\n2. Convert 10 kg to lb please.\n3. What is 13 * 7 exactly?\nnot one"

    def reply(request: ChatRequest) -> str:
        text = request.messages[-1]["content"]
        if "Write 3 different requests" in text:
            assert "- kv_set:" in text
            return listing
        query = next(m["content"] for m in request.messages if m["role"] == "user")
        turn = sum(m["role"] == "assistant" for m in request.messages)
        if "13 * 7" in query:
            return [call("calculate", expression="13 * 7"), "91"][turn]
        return [call("convert_units", value=10, from_unit="kg", to_unit="lb"), "22.046226 lb"][turn]

    pipeline = [{"step": "tool_use", "queries": "generate", "queries_per_record": 3}]
    summary, output, removed, _ = await run_pipeline(tmp_path, pipeline, ScriptedBackend(default=reply),
                                                     rows=[{"topic": "arithmetic and units"}])
    assert sorted(r["fields"]["output"] for r in output) == ["22.046226 lb", "91"]
    counters = summary.steps["tool_use"].counters
    assert counters["queries_generated"] == 3 and counters["dropped_duplicate_query"] == 1


async def test_a_calibrated_judge_after_tool_use_decides_the_unchecked_trajectories(tmp_path):
    """The semantic check by a judge: judge_filter reads each trajectory's transcript, once it has passed
    its calibration gate on the shipped tool-trajectory calibration set. The scripted judge stands in
    for a good one: it knows the calibration file's verdicts and fails the one wrong answer here; a
    judge that passed everything would stop the run (see the last lines)."""
    calibration = EXAMPLES / "tool_judge_calibration.jsonl"
    known = {row["tool_transcript"]: row["good"] for row in map(json.loads, calibration.read_text().splitlines())}

    def judge(request: ChatRequest) -> str:
        transcript = request.messages[-1]["content"].split("Answer:\n", 1)[1].rsplit("\n\nReply with", 1)[0]
        good = known.get(transcript.strip(), "= 140." not in transcript)
        return "PASS: the answer states the result" if good else "FAIL: the answer contradicts the result"

    script = {q: PROMPTED[q] for q in ("What is (17 + 5) * 3?", "What is 12 * 12?", "Convert 5 km to miles.")}
    pipeline = [{"step": "tool_use"},
                {"step": "judge_filter", "model": "judge", "prompt_fields": ["instruction"],
                 "response_field": "tool_transcript", "calibration": str(calibration)},
                {"step": "dedup", "fields": ["instruction"]}]
    summary, output, removed, failures = await run_pipeline(
        tmp_path, pipeline, scripted(script), rows=[{"query": q} for q in script],
        models={"judge": ScriptedBackend(default=judge)})
    assert not failures
    assert summary.steps["judge_filter"].report["judge_trusted"] is True
    assert sorted(r["fields"]["instruction"] for r in output) == ["Convert 5 km to miles.", "What is (17 + 5) * 3?"]
    [judged_out] = [r for r in removed if r["meta"].get("judge_filter")]
    assert judged_out["fields"]["instruction"] == "What is 12 * 12?"
    with pytest.raises(Exception, match="cannot tell good records from bad"):
        await run_pipeline(tmp_path / "again", pipeline, scripted(script), rows=[{"query": q} for q in script],
                           models={"judge": ScriptedBackend(default="PASS: fine")})


HOSTILE = {
    "deep please": ['<tool_call>{"name": "calculate", "arguments": {"expression": ' + "[" * 900 + "]" * 900
                    + "}}</tool_call>"],
    "deeper please": ["<tool_call>" + "[" * 20_000 + "]" * 20_000 + "</tool_call>"],
    "odd name please": ['<tool_call>{"name": {"a": [1, 2]}, "arguments": {}}</tool_call>'],
    "list arguments please": ['<tool_call>{"name": "calculate", "arguments": [1, 2]}</tool_call>'],
    "unclosed please": ['<tool_call>{"name": "calculate", "arguments": {"expression": "1 + 1"}}'],  # no end tag
    "huge int please": ['<tool_call>{"name": "convert_units", "arguments": {"value": ' + "9" * 5000
                        + ', "from_unit": "m", "to_unit": "km"}}</tool_call>'],
    "big but allowed int please": ['<tool_call>{"name": "convert_units", "arguments": {"value": ' + "9" * 3000
                                   + ', "from_unit": "m", "to_unit": "km"}}</tool_call>'],
}


async def test_hostile_replies_are_format_failures_and_the_run_goes_on(tmp_path):
    pipeline = [{"step": "tool_use", "max_argument_chars": 8000}]
    summary, output, removed, failures = await run_pipeline(tmp_path, pipeline, scripted(HOSTILE), rows=rows(HOSTILE))
    assert not failures
    reasons = {r["fields"]["query"]: r["meta"]["tool_use"]["removed"] for r in removed}
    assert reasons == {"deep please": "arguments_too_large", "deeper please": "arguments_too_large",
                       "odd name please": "unknown_tool", "list arguments please": "arguments_not_object",
                       "unclosed please": "repeated_call", "huge int please": "malformed_call",
                       "big but allowed int please": "execution_error"}
    # A 5000-digit number is past Python's int limit (not JSON it can read); a 3000-digit one is read and
    # the tool's float conversion fails in the sandbox.
    # The unclosed block was read as a call (and run): what a model cut off mid-tag still means.
    unclosed = next(r for r in removed if r["fields"]["query"] == "unclosed please")
    assert unclosed["meta"]["tool_use"]["turns"] == 2 and len(unclosed["meta"]["tool_use"]["calls"]) == 1


async def test_a_tools_module_that_fails_to_load_stops_the_step_with_its_error(tmp_path):
    (tmp_path / "tools.json").write_text(json.dumps(HANGING_TOOLS[1:2]))
    (tmp_path / "tools.py").write_text("import requests_that_are_not_here\n\ndef shout(text):\n    return text\n")
    pipeline = [{"step": "tool_use", "tools": str(tmp_path / "tools.json"),
                 "implementations": str(tmp_path / "tools.py")}]
    with pytest.raises(Exception, match="the tools module did not load: ModuleNotFoundError"):
        await run_pipeline(tmp_path, pipeline, scripted({"shout hi": [call("shout", text="hi"), "HI"]}),
                           rows=[{"query": "shout hi"}])


@pytest.mark.parametrize("tools, module, extra, message", [
    ([{"type": "function", "function": {"name": "f", "parameters": {"type": "object",
                                                                    "properties": {"x": {"type": "nope"}}}}}],
     "def f(x):\n    return x\n", {}, "tool 'f': `parameters` is not a valid JSON schema"),
    ([{"name": "f", "parameters": {"type": "object"}}, {"name": "f"}], "def f():\n    return 1\n", {},
     "tool names repeat: f"),
    ([{"name": "f has spaces"}], "", {}, "must be 1-64 letters"),
    ([{"name": "f"}, {"name": "g"}], "def f():\n    return 1\n", {}, "defines no function for the tools g"),
    ([{"name": "f"}], "def f(:\n", {}, "line 1: not valid Python"),
    ([{"name": "f"}], "def f():\n    return 1\n", {"tool_names": ["h"]}, "no tool 'h'"),
    ([{"name": "f"}], "def f():\n    return 1\n", {"default_check": "c"}, "default_check 'c': no such function"),
])
def test_bad_tool_files_are_one_clear_error_before_the_run(tmp_path, tools, module, extra, message):
    from synthloom.errors import UserError
    from synthloom.steps.techniques.tool_use import ToolUseStepConfig

    (tmp_path / "tools.json").write_text(json.dumps(tools))
    (tmp_path / "tools.py").write_text(module)
    config = ToolUseStepConfig(step="tool_use", tools=str(tmp_path / "tools.json"),
                               implementations=str(tmp_path / "tools.py"), **extra)
    with pytest.raises(UserError, match=message):
        config.check_files()


def test_custom_tools_need_their_implementations():
    from synthloom.errors import UserError
    from synthloom.steps.techniques.tool_use import ToolUseStepConfig

    with pytest.raises(UserError, match="`implementations` must name the Python file"):
        ToolUseStepConfig(step="tool_use", tools=str(EXAMPLES / "tool_use_queries.jsonl")).implementation_source()


async def test_feed_back_writes_a_malformed_call_as_the_model_wrote_it(tmp_path):
    broken, whole = '{"expression": "8 *', '{"expression": "8 * 8"}'
    script = {"What is 8 * 8?": [Choice("", "tool_calls", tool_calls=[native_call("calculate", broken, "c1")]),
                                 Choice("", "tool_calls", tool_calls=[native_call("calculate", whole, "c2")]),
                                 Choice("8 * 8 = 64", "stop")]}
    backend = scripted(script)
    backend.native_tools = True  # type: ignore[attr-defined]
    _, output, _, _ = await run_pipeline(tmp_path, [{"step": "tool_use", "on_call_error": "feed_back"}], backend,
                                         rows=rows(script))
    [record] = output
    first, _, second, _, _ = record["fields"]["messages"][1:]
    assert first["tool_calls"][0]["function"]["arguments"] == '{"expression": "8 *'
    assert "arguments_not_json" in record["fields"]["messages"][2]["content"]
    assert json.loads(second["tool_calls"][0]["function"]["arguments"]) == {"expression": "8 * 8"}
