"""Multi-turn conversations: the stopping rules, per-turn lineage, the chat and ShareGPT exports, the
guards' view of a conversation and the constitutional loop on its last turn or all of them."""

from __future__ import annotations

from dataclasses import dataclass

import orjson
import pytest
import yaml

from synthloom.guards.record_text import record_text
from synthloom.io.training_formats import to_row
from synthloom.models.base import ChatRequest, Completion
from synthloom.techniques.conversation import as_messages, clean_user_turn, is_repeat, sounds_like_assistant
from tests.conftest import run_cli
from tests.run.test_pipeline_scripted import run_pipeline
from tests.scripted_backend import ScriptedBackend

SEEDS = [{"prompt": f"How do I look after a {plant}?"} for plant in ("cactus", "fern", "orchid", "bonsai", "rose")]


def turn_of(request: ChatRequest) -> int:
    """The simulator's turn: how many assistant replies its transcript shows."""
    return request.messages[-1]["content"].count("\nAssistant: ") + \
        request.messages[-1]["content"].startswith("Assistant: ")


@dataclass
class CutOff(ScriptedBackend):
    """A scripted backend whose replies holding `marker` come back cut off by max_tokens."""

    marker: str = "CUT"

    async def generate(self, request: ChatRequest) -> Completion:
        completion = await super().generate(request)
        if self.marker in completion.choices[0].text:
            completion.choices[0].finish_reason = "length"
        return completion


def assistant() -> ScriptedBackend:
    # Each reply names what it answers, so turns differ and repeats are the test's choice.
    return ScriptedBackend(default=lambda r: f"Here is help with: {r.messages[-1]['content']}",
                           model_name="assistant-model")


def simulator(script: dict[int, str]) -> ScriptedBackend:
    return ScriptedBackend(default=lambda r: script.get(turn_of(r), "[DONE]"), model_name="user-model")


async def test_conversations_grow_to_max_turns_with_each_turns_lineage(tmp_path):
    user = simulator({1: "User: And how often should I water it in winter?", 2: '"What soil mix is best?"'})
    pipeline = [{"step": "conversation", "user_model": "sim", "max_turns": 3, "system": "Be brief."}]
    summary, output, _, failures = await run_pipeline(tmp_path, pipeline, assistant(), rows=SEEDS,
                                                      models={"sim": user})
    assert not failures and len(output) == len(SEEDS)
    record = next(r for r in output if "cactus" in r["fields"]["prompt"])
    messages = record["fields"]["messages"]
    assert [m["role"] for m in messages] == ["system", "user", "assistant", "user", "assistant", "user", "assistant"]
    assert messages[3]["content"] == "And how often should I water it in winter?"  # label stripped
    assert messages[5]["content"] == "What soil mix is best?"  # quotes stripped
    assert messages[6]["content"] == "Here is help with: What soil mix is best?"
    assert record["fields"]["turns"] == 3 and record["fields"]["last_reply"] == messages[6]["content"]
    meta = record["meta"]["conversation"]
    assert meta["stop_reason"] == "max_turns"
    turns = meta["turns"]
    assert len(turns) == 6 and turns[0]["source"] == "seed"
    assert [t["model"] for t in turns[1:]] == ["assistant-model", "user-model"] * 2 + ["assistant-model"]
    hashes = [t["prompt_hash"] for t in turns[1:]]
    assert len(set(hashes)) == 5 and all(len(h) == 16 for h in hashes)
    assert all(t["completion_tokens"] > 0 and t["finish_reason"] == "stop" for t in turns[1:])
    assert record["lineage"]["technique"] == "conversation"
    assert record["lineage"]["params"]["user_model"] == "user-model"
    counters = summary.steps["conversation"].counters
    assert counters["stopped_max_turns"] == 5 and counters["assistant_turns"] == 15
    assert counters["user_turns_simulated"] == 10
    # The simulator saw the transcript so far, its seed and the stop phrase; the assistant saw the chat.
    sim_prompt = user.requests[0].messages[-1]["content"]
    assert "Assistant: Here is help with:" in sim_prompt and "[DONE]" in sim_prompt


@pytest.mark.parametrize(("script", "reason", "exchanges"), [
    ({1: "Thanks, that is all. [done]"}, "user_done", 1),
    ({1: "   "}, "empty_user_turn", 1),
    ({1: "How do I look after a cactus?"}, "repeated_user_turn", 1),  # the seed again
    ({1: "How should I water it?", 2: "how should I water it!"}, "repeated_user_turn", 2),
    ({1: "A user asked about cactus care, so I will do my best to help you."}, "user_turn_in_assistant_voice", 1),
])
async def test_each_stopping_rule_ends_the_conversation_and_is_counted(tmp_path, script, reason, exchanges):
    summary, output, _, _ = await run_pipeline(
        tmp_path, [{"step": "conversation", "user_model": "sim", "max_turns": 4, "repeat_similarity": 1.0}],
        assistant(), rows=SEEDS[:1], models={"sim": simulator(script)})
    [record] = output
    assert record["meta"]["conversation"]["stop_reason"] == reason
    assert record["fields"]["turns"] == exchanges
    assert summary.steps["conversation"].counters[f"stopped_{reason}"] == 1


async def test_a_repeated_or_cut_off_assistant_turn_ends_it_and_short_ones_are_dropped(tmp_path):
    # The assistant answers the follow-up with its first answer again: the conversation stops there.
    same = ScriptedBackend(default="Water it rarely and give it sun.")
    _, output, _, _ = await run_pipeline(tmp_path / "a", [{"step": "conversation", "user_model": "sim"}], same,
                                         rows=SEEDS[:1], models={"sim": simulator({1: "What about winter?"})})
    assert output[0]["meta"]["conversation"]["stop_reason"] == "repeated_assistant_turn"
    assert [m["role"] for m in output[0]["fields"]["messages"]] == ["user", "assistant"]  # its question goes too
    # The second reply is cut off by max_tokens: left out, with the question it answered.
    cut = CutOff(rules=[("winter", "In winter you should CUT")], default="Water it rarely.")
    _, output, _, _ = await run_pipeline(tmp_path / "b", [{"step": "conversation", "user_model": "sim"}], cut,
                                         rows=SEEDS[:1], models={"sim": simulator({1: "What about winter?"})})
    assert output[0]["meta"]["conversation"]["stop_reason"] == "assistant_turn_truncated"
    assert output[0]["fields"]["turns"] == 1
    # min_turns: 2 drops a conversation that ended after one exchange; an empty first answer drops it too.
    summary, output, _, _ = await run_pipeline(
        tmp_path / "c", [{"step": "conversation", "user_model": "sim", "min_turns": 2}],
        ScriptedBackend(rules=[("cactus", "")], default="Some care advice."), rows=SEEDS[:3],
        models={"sim": simulator({1: "[DONE]", 2: "[DONE]"})})
    counters = summary.steps["conversation"].counters
    assert output == [] and counters["dropped_too_short"] == 3
    assert counters["stopped_empty_assistant_turn"] == 1 and counters["stopped_user_done"] == 2


async def test_a_record_without_an_instruction_fails_alone(tmp_path):
    rows = [{"prompt": "Name a fern."}, {"other": "x"}]
    _, output, _, failures = await run_pipeline(tmp_path, [{"step": "conversation", "max_turns": 1}],
                                                assistant(), rows=rows)
    assert len(output) == 1 and len(failures) == 1 and "to start a conversation" in str(failures[0])


def conversation_record(turns: int) -> dict:
    messages = [{"role": "system", "content": "Be brief."}]
    for i in range(turns):
        messages += [{"role": "user", "content": f"question {i}"}, {"role": "assistant", "content": f"answer {i}"}]
    return {"fields": {"prompt": "question 0", "messages": messages}}


def test_exports_write_the_whole_conversation_as_chat_messages_and_sharegpt():
    record = conversation_record(2)
    assert to_row("sft", record) == {"messages": record["fields"]["messages"]}
    assert to_row("sharegpt", record)["conversations"] == [
        {"from": "system", "value": "Be brief."}, {"from": "human", "value": "question 0"},
        {"from": "gpt", "value": "answer 0"}, {"from": "human", "value": "question 1"},
        {"from": "gpt", "value": "answer 1"}]
    # One exchange with its own prompt and response: those fields win (a later step may have revised them).
    single = {"fields": {"prompt": "q", "response": "revised", "messages": [
        {"role": "user", "content": "q"}, {"role": "assistant", "content": "stale"}]}}
    assert to_row("sft", single)["messages"][1]["content"] == "revised"
    # Not a conversation (ends with the user, unknown role): the fields as before, or skipped.
    broken = {"fields": {"messages": [{"role": "user", "content": "q"}, {"role": "robot", "content": "a"}]}}
    assert to_row("sft", broken) is None
    assert as_messages([{"role": "user", "content": "q"}]) is None


def test_guards_read_every_turn_by_default_or_the_last_exchange():
    fields = conversation_record(3)["fields"]
    every = record_text(fields, None)
    assert "question 0" in every and "answer 2" in every and "Be brief." not in every
    last = record_text(fields, ["last_turn"])
    assert last == "question 2\nanswer 2"
    assert record_text(fields, ["all_turns"]) == every == record_text(fields, ["messages"])


async def test_dedup_on_last_turns_removes_conversations_that_end_alike(tmp_path):
    rows = [{"prompt": "Tell me about ferns."}, {"prompt": "Tell me about cacti."}]
    backend = ScriptedBackend(rules=[("ferns", "Ferns like shade."), ("cacti", "Cacti like sun.")],
                              default="Thanks for asking, goodbye and have a nice day.")
    user = simulator({1: "Thanks, anything else?"})
    pipeline = [{"step": "conversation", "user_model": "sim", "max_turns": 2},
                {"step": "dedup", "fields": ["last_turn"]}]
    _, output, removed, _ = await run_pipeline(tmp_path, pipeline, backend, rows=rows, models={"sim": user})
    assert len(output) == 1 and len(removed) == 1
    _, output, removed, _ = await run_pipeline(tmp_path / "all", [pipeline[0], {"step": "dedup"}], backend,
                                               rows=rows, models={"sim": user})
    assert len(output) == 2 and not removed  # over every turn they differ


async def test_the_constitutional_loop_revises_the_last_turn_or_every_turn(tmp_path):
    def policy(request: ChatRequest) -> str:
        last = request.messages[-1]["content"]
        if "rewritten response only" in last:  # a revision: the answer it revises, made better
            answer = request.messages[-3]["content"]
            return f"{answer} (revised)"
        if request.messages[-2]["role"] == "assistant" and request.messages[-1]["content"] != "question 1":
            return "The answer could be kinder."  # a critique
        return f"answer to {last}"

    row = {"messages": conversation_record(2)["fields"]["messages"]}
    for turns, changed in (("last", [False, True]), ("all", [True, True])):
        summary, output, _, _ = await run_pipeline(
            tmp_path / turns, [{"step": "critique_revise", "turns": turns, "rounds": 1}],
            ScriptedBackend(default=policy), rows=[row])
        [record] = output
        replies = [m["content"] for m in record["fields"]["messages"] if m["role"] == "assistant"]
        assert [r.endswith("(revised)") for r in replies] == changed, replies
        assert record["fields"]["original_messages"] == row["messages"]
        assert record["fields"]["last_reply"] == replies[-1]
        chain = record["fields"]["constitution_chain"]
        assert [link["turn"] for link in chain] == ([4] if turns == "last" else [2, 4])
        assert summary.steps["critique_revise"].counters["turns_revised"] == len(chain)
    _, output, _, failures = await run_pipeline(tmp_path / "none", [{"step": "critique_revise", "turns": "last"}],
                                                ScriptedBackend(), rows=[{"prompt": "no conversation"}])
    assert not output and "no conversation" in str(failures[0])


def test_turn_checks():
    assert sounds_like_assistant("Great question! I'm happy to help with any gardening questions.")
    assert not sounds_like_assistant("Can you help me choose a pot for it?")
    assert clean_user_turn("**User:** Why?") == "Why?" and clean_user_turn("'Why not?'") == "Why not?"
    assert is_repeat("How do I water it?", ["how do I water it"], 1.0)
    assert is_repeat("How often do I water my cactus?", ["How often should I water my cactus?"], 0.8)
    assert not is_repeat("What soil should I use?", ["How often should I water my cactus?"], 0.8)


@pytest.mark.slow
@pytest.mark.timeout(1500)  # the run's own limit is 900 s: a loaded machine once needed more than pytest's 600
def test_conversations_on_the_bundled_model_export_as_chat(tmp_path):
    (tmp_path / "in.jsonl").write_bytes(orjson.dumps(SEEDS[0]) + b"\n")
    config = tmp_path / "conversation.yaml"
    config.write_text(yaml.safe_dump({
        "run_dir": "r", "input": {"path": "in.jsonl"},
        "pipeline": [{"step": "conversation", "max_turns": 2, "max_tokens": 150, "user_max_tokens": 60,
                      "system": "Answer briefly, in two or three sentences."}],
        "output": {"exports": [{"format": "sharegpt", "path": "chat.sharegpt.jsonl"}]}}))
    result = run_cli("run", str(config), "--no-progress", cwd=tmp_path, timeout=900)
    assert result.returncode == 0, result.stderr
    records = [orjson.loads(x) for x in (tmp_path / "r" / "output.jsonl").read_bytes().splitlines()]
    assert records, result.stdout
    for record in records:
        messages = record["fields"]["messages"]
        assert messages[:2] == [{"role": "system", "content": "Answer briefly, in two or three sentences."},
                                {"role": "user", "content": SEEDS[0]["prompt"]}]
        assert [m["role"] for m in messages[1:]] == ["user", "assistant"] * record["fields"]["turns"]
        assert all(m["content"].strip() for m in messages)
        assert record["meta"]["conversation"]["stop_reason"]
        assert all(t["model"] == "smollm2-135m-instruct" for t in record["meta"]["conversation"]["turns"][1:])
    rows = [orjson.loads(x) for x in (tmp_path / "r" / "chat.sharegpt.jsonl").read_bytes().splitlines()]
    assert len(rows) == len(records) and all(r["conversations"][-1]["from"] == "gpt" for r in rows)
