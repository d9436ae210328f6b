"""Document-grounded QA: questions of every kind from real ingested documents, checked against their
citations (a lexical pre-filter, then a judge that must pass its calibration), then dedup and
decontamination on the result. Scripted backends choose every reply, so each drop is one the test made;
the slow test runs the bundled SmolLM2 through `synthloom run`."""

from __future__ import annotations

import re

import orjson
import pytest
import yaml

from synthloom.config import RunConfig
from synthloom.io.ingest import ingest
from synthloom.steps.guards.grounding_check import JudgeNotTrusted, calibration_items, read_yes_no
from synthloom.steps.techniques.grounded_qa import pairs_for
from synthloom.techniques.grounded_qa_parsing import parse_qa_pairs
from synthloom.techniques.grounding import find_support, lexical_support, numbers
from tests.conftest import run_cli
from tests.io.document_files import write_documents, write_pdf
from tests.run.test_pipeline_scripted import run_pipeline
from tests.scripted_backend import ScriptedBackend


@pytest.fixture(scope="module")
def chunks(tmp_path_factory) -> list[dict]:
    return ingest(write_documents(tmp_path_factory.mktemp("docs")), 60, 15).chunks


def _passages(request) -> list[str]:
    text = request.messages[-1]["content"]
    return re.findall(r"Passage(?: \d)?(?: \(section: [^)]*\))?:\n(.*?)\n\n(?=Passage|Write)", text, re.S)


def _sentences(passage: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+|\n+", passage) if len(s.split()) >= 5]


def writer(request) -> str:
    """The policy: per kind, a pair quoting the passage; some replies broken in the ways models break them."""
    text = request.messages[-1]["content"]
    passages = _passages(request)
    sentences = [s for p in passages for s in _sentences(p)]
    if not sentences:
        return "I could not find anything to ask about."
    first = sentences[0]
    if "Harbour traffic" in text and "factual" in text:  # a changed figure: the lexical pre-filter's case
        return (f"Question: How many cargo ships did Velmora handle in 2023?\nAnswer: It handled 1,384 cargo ships.\n"
                f"Evidence: \"{first}\"")
    if "Dredging" in text and "factual" in text:  # a negation: every word is in the passage; the judge's case
        return ("**Question 1:** Does the port authority dredge the channel each September?\n"
                "**Answer:** No, the port authority does not dredge the channel each September.\n"
                "**Evidence:** \"The port authority dredges the channel each September\"")
    if "summarise" in text and "sourdough" in text.lower():
        return "Sure! Here is a summary of the passage without the format you asked for."  # unparseable
    if "library committee" in text and "combining a fact" not in text and "factual" not in text:
        # the same pair for two kinds of request: a duplicate for dedup
        return ("Question: What will the extra staff cost?\nAnswer: About 6,400 euros a year, from the reading "
                "programme budget.\nEvidence: \"The cost of the extra staff, about 6,400 euros a year\"")
    if "combining a fact" in text:
        second = _sentences(passages[1])[0] if len(passages) > 1 and _sentences(passages[1]) else first
        return (f"1. Question: What links the two passages of this document?\nAnswer: {first} {second}\n"
                f"Evidence: \"{second}\"")
    if "summarise" in text:
        return f"Question: Summarise the passage.\nAnswer: {' '.join(sentences[-2:])}\nEvidence: \"{sentences[-1]}\""
    if "reasoning" in text:
        return (f"Question: Why does it matter, going by this section of the text?\nAnswer: Because {last_words(first)}"
                f"\nEvidence: \"{first}\"")
    return f"Question: Which detail does the passage give first?\nAnswer: {first}\nEvidence: \"{first}\""


def last_words(sentence: str) -> str:
    return sentence[0].lower() + sentence[1:]


def _judged(request) -> tuple[str, str]:
    text = request.messages[-1]["content"]
    source = re.search(r"Source:\n(.*?)\n\nQuestion:", text, re.S).group(1)
    answer = re.search(r"Answer:\n(.*?)\n\nIs the answer", text, re.S).group(1).strip()
    return source, answer


def knowing_judge() -> ScriptedBackend:
    """Right on its calibration pairs and on the records: an answer that says what the source denies, or
    adds a figure, is unsupported."""
    known = {(i["source"], i["answer"]): i["supported"] for i in calibration_items("builtin")}

    def verdict(request) -> str:
        source, answer = _judged(request)
        if (source, answer) in known:
            return "YES: stated." if known[(source, answer)] else "NO: the source says otherwise."
        negated = " not " in f" {answer} " and " not " not in f" {source} "
        return "NO: the source says the opposite." if negated else "YES: the source states it."

    return ScriptedBackend(default=verdict, identity="judge", model_name="judge")


PIPELINE = [{"step": "grounded_qa", "multi_hop_per_document": 2, "seed": 3},
            {"step": "grounding_check", "model": "judge"}]


async def test_questions_of_every_kind_are_checked_against_their_citations(tmp_path, chunks):
    benchmark = tmp_path / "benchmark.jsonl"  # a held-out item the writer happens to produce
    benchmark.write_text(orjson.dumps({"question": "Run the full test suite; it takes about 25 minutes. Update "
                                       "the changelog with every user-visible change."}).decode() + "\n")
    pipeline = [*PIPELINE, {"step": "dedup", "fields": ["question", "answer"]},
                {"step": "decontaminate", "fields": ["answer"], "benchmarks": [{"path": str(benchmark)}],
                 "n": 8}]
    summary, output, removed, failures = await run_pipeline(
        tmp_path / "run", pipeline, ScriptedBackend(default=writer), rows=chunks, models={"judge": knowing_judge()})
    assert failures == []
    qa = summary.steps["grounded_qa"].counters
    usable = qa["chunks"] - qa["chunks_too_short"]
    assert qa["chunks"] == len(chunks) and usable >= 10
    sourdough = [c for c in chunks if c["source"] == "sourdough.html" and len(c["text"].split()) >= 20]
    assert qa["dropped_unparsed_reply"] >= len(sourdough)  # counted, not raised
    usable_by_doc: dict[str, list[dict]] = {}
    for chunk in chunks:
        if len(re.findall(r"\w+|[^\w\s]", chunk["text"])) >= 25:
            usable_by_doc.setdefault(chunk["doc_id"], []).append(chunk)
    assert qa["questions_multi_hop"] == sum(len(pairs_for(c, 2, 0)) for c in usable_by_doc.values()) >= 4
    assert {r["fields"]["kind"] for r in output} == {"factual", "multi_hop", "reasoning", "summary"}

    check = summary.steps["grounding_check"].counters
    reasons = {r["meta"]["grounding_check"]["removed"]: r for r in removed if "grounding_check" in r["meta"]}
    lexical = reasons["unsupported_lexical"]
    assert "1384" in lexical["meta"]["grounding_check"]["reason"]
    assert lexical["fields"]["answer"].endswith("1,384 cargo ships.")
    judged = reasons["unsupported_judge"]
    assert "does not dredge" in judged["fields"]["answer"]
    assert judged["meta"]["grounding_check"]["reason"] == "the source says the opposite."
    in_section = {name: sum(name in c["heading"] for group in usable_by_doc.values() for c in group)
                  for name in ("Harbour traffic", "Dredging")}  # each chunk of a section got the planted reply
    assert check["dropped_unsupported_lexical"] == in_section["Harbour traffic"] >= 1
    assert check["dropped_unsupported_judge"] == in_section["Dredging"] >= 1
    report = summary.steps["grounding_check"].report
    assert report["judge_trusted"] is True

    for record in output:
        fields = record["fields"]
        cited = fields["citations"]
        assert len(cited) == (2 if fields["kind"] == "multi_hop" else 1)
        chunk_ids = {c["chunk_id"] for c in chunks}
        for citation, support in zip(cited, fields["support"], strict=True):
            assert citation["chunk_id"] in chunk_ids and support["chunk_id"] == citation["chunk_id"]
            chunk = next(c for c in chunks if c["chunk_id"] == citation["chunk_id"])
            assert (citation["char_start"], citation["char_end"]) == (chunk["char_start"], chunk["char_end"])
        located = [s for s in fields["support"] if s["span"]]
        assert located, fields
        for support, citation in ((s, c) for s, c in zip(fields["support"], cited, strict=True) if s["span"]):
            start, end = support["span"]
            local = citation["chunk_text"][start - citation["char_start"]:end - citation["char_start"]]
            assert local == support["text"] and local in fields["answer"] + fields["evidence"]
        if fields["kind"] == "multi_hop":
            docs = {c["doc_id"] for c in cited}
            assert len(docs) == 1 and cited[0]["chunk_id"] != cited[1]["chunk_id"]
            assert len(set(record["lineage"]["parents"])) == 2
    # the guards work on its output: the same pair written for two kinds of request is a duplicate, and the
    # answer that copies the held-out item is contaminated
    assert summary.steps["dedup"].dropped == 1
    assert [r["fields"]["question"] for r in removed if "dedup" in r["meta"]] == ["What will the extra staff cost?"]
    decontaminated = [r for r in removed if "decontaminate" in r["meta"]]
    assert decontaminated and all("25 minutes" in r["fields"]["answer"] for r in decontaminated)
    assert not any("25 minutes" in r["fields"]["answer"] for r in output)


async def test_a_judge_that_fails_its_calibration_is_never_used(tmp_path, chunks):
    always_yes = ScriptedBackend(default="YES: it is supported.", identity="judge", model_name="judge")
    with pytest.raises(JudgeNotTrusted, match=r"cannot tell supported answers.*balanced accuracy 0\.50"):
        await run_pipeline(tmp_path / "stop", PIPELINE, ScriptedBackend(default=writer), rows=chunks,
                           models={"judge": always_yes})
    lexical_only = [{**PIPELINE[0], "keep_chunks": True}, {**PIPELINE[1], "on_untrusted": "lexical_only"}]
    summary, output, removed, _ = await run_pipeline(tmp_path / "lexical", lexical_only,
                                                     ScriptedBackend(default=writer), rows=chunks,
                                                     models={"judge": always_yes})
    counters = summary.steps["grounding_check"].counters
    assert counters["judge_untrusted"] == 1 and counters["dropped_unsupported_lexical"] >= 1
    assert "dropped_unsupported_judge" not in counters
    assert counters["passed_without_answer"] == len(chunks)  # the chunks kept beside the questions pass
    assert sum("text" in r["fields"] and "answer" not in r["fields"] for r in output) == len(chunks)
    assert any("does not dredge" in r["fields"].get("answer", "") for r in output)  # what only a judge catches
    assert "only the lexical pre-filter" in summary.steps["grounding_check"].report["flag"]


def test_pairs_are_read_from_replies_in_every_shape_models_give():
    reply = "Question: What is the draught of the quay?\nAnswer: 14 metres.\nEvidence: \"has a draught of 14 metres\""
    assert parse_qa_pairs(reply) == [{"question": "What is the draught of the quay?", "answer": "14 metres.",
                                      "evidence": "has a draught of 14 metres"}]
    messy = ("Here are your questions!\n\n**Q1:** Who will draft the announcement?\n**A1:** Marta Ilves.\n\n"
             "2. Question: When does the committee meet again?\nAnswer: On 11 June.\n\nQuestion: And then what "
             "happens after that?")  # the last one cut off before its answer
    pairs = parse_qa_pairs(messy)
    assert [p["answer"] for p in pairs] == ["Marta Ilves.", "On 11 June."] and pairs[0]["evidence"] == ""
    bare = ("1. How deep is the eastern quay?\n\nIt has a draught of 14 metres.\n"
            "2. Where were its cranes built?\nIn Rotterdam,\nby a Dutch firm.\n3. Who paid for it?")
    assert [(p["question"], p["answer"]) for p in parse_qa_pairs(bare)] == [
        ("How deep is the eastern quay?", "It has a draught of 14 metres."),
        ("Where were its cranes built?", "In Rotterdam, by a Dutch firm.")]  # labels dropped, as small models do
    smol = "A question: How much silt was removed?\n\nAnswer: The answer is: 410,000 cubic metres."  # SmolLM2's
    assert parse_qa_pairs(smol) == [{"question": "How much silt was removed?", "answer": "410,000 cubic metres.",
                                     "evidence": ""}]
    for garbage in ("", "No.", "Answer: 42", "Question: ?\nAnswer: yes", "\x00\x01" * 50):
        assert parse_qa_pairs(garbage) == []


def test_the_lexical_prefilter_rejects_changed_figures_and_foreign_words():
    source = "The harbour of Velmora handled 1,284 cargo ships in 2023, up from 1,102 in 2022. Four cranes."
    assert lexical_support("Velmora handled 1284 cargo ships in 2023.", source).supported
    assert lexical_support("It has four cranes.", source).supported  # number words count
    wrong = lexical_support("Velmora handled 1,384 cargo ships in 2023.", source)
    assert not wrong.supported and wrong.missing_numbers == ("1384",) and "1384" in wrong.reason()
    off = lexical_support("Tourism brought wealthy visitors to beaches and hotels.", source)
    assert not off.supported and off.overlap < 0.3 and "beach" in " ".join(off.missing_words)
    assert numbers("costs 3.50 euros, 12% more, in 1,000s") == {"3.5", "12", "1000"}
    swapped = lexical_support("Velmora handled 1,284 cargo ships in 2023, up from 1,102 in Oslo.", source)
    assert not swapped.supported and swapped.missing_names == ("Oslo",) and "Oslo" in swapped.reason()
    assert lexical_support("Cargo ships: 1,284 went through Velmora in 2023.", source).supported


def test_support_is_found_by_quote_near_quote_or_overlap():
    passage = "Silt narrows the channel by 30 centimetres a year. The authority dredges it each September."
    assert find_support("\"The authority dredges it each September.\"", "", passage) == (51, 91, "quote")
    near = find_support("The authority dredge it each September", "", passage)
    assert near is not None and near[2] == "near_quote" and passage[near[0]:near[1]].startswith("he authority")
    start, end, how = find_support("", "It is dredged in September by the authority.", passage)
    assert how == "overlap" and passage[start:end] == "The authority dredges it each September."
    assert find_support("", "Nothing relevant whatsoever.", passage) is None


def test_multi_hop_pairs_come_from_one_document_and_never_overlap():
    chunks = [{"char_start": 100 * i, "char_end": 100 * i + 120} for i in range(6)]  # neighbours overlap
    pairs = pairs_for(chunks, 3, 7)
    assert len(pairs) == 3 and all(j > i + 1 for i, j in pairs) and pairs == pairs_for(chunks, 3, 7)
    assert pairs_for(chunks[:2], 2, 0) == [] and pairs_for(chunks[:1], 2, 0) == []
    assert pairs_for([{"char_start": 0, "char_end": 10}, {"char_start": 10, "char_end": 20}], 5, 0) == [(0, 1)]


def test_verdicts_and_configs_are_read_strictly():
    assert read_yes_no("YES: stated.", None) == (True, "stated.")
    assert read_yes_no("**No**: it adds a date.", None) == (False, "it adds a date.")
    assert read_yes_no("Perhaps.", None)[0] is None
    with pytest.raises(ValueError, match="same model as the policy"):
        RunConfig.model_validate({"run_dir": "r", "input": {"documents": "docs"},
                                  "pipeline": [{"step": "grounded_qa"},
                                               {"step": "grounding_check", "model": "default"}]})
    with pytest.raises(ValueError, match="exactly one of `path`, `builtin` and `documents`"):
        RunConfig.model_validate({"run_dir": "r", "input": {"documents": "docs", "path": "x.jsonl"},
                                  "pipeline": [{"step": "grounded_qa"}]})
    with pytest.raises(ValueError, match="chunk_overlap must be smaller"):
        RunConfig.model_validate({"run_dir": "r", "pipeline": [{"step": "grounded_qa"}],
                                  "input": {"documents": "docs", "chunk_tokens": 20, "chunk_overlap": 20}})


@pytest.mark.slow
@pytest.mark.timeout(1800)
def test_the_bundled_model_writes_grounded_questions_from_real_documents(tmp_path):
    (tmp_path / "docs").mkdir()
    write_pdf(tmp_path / "docs" / "harbour_report.pdf")  # three pages, a section on each
    config = tmp_path / "grounded.yaml"
    config.write_text(yaml.safe_dump({
        "run_dir": "r", "engine": {"timeout": 900},
        "input": {"documents": "docs", "chunk_tokens": 200, "chunk_overlap": 30},  # a chunk per section
        "pipeline": [{"step": "grounded_qa", "kinds": ["factual", "multi_hop"], "multi_hop_per_document": 1,
                      "max_tokens": 100, "seed": 0},
                     # the pre-filter alone: a judge's calibration is 20 more calls, and the scripted tests
                     # show the gate; benchmarks/grounding_check.py --judge measures the bundled models on it
                     {"step": "grounding_check"},
                     {"step": "dedup"}]}))
    result = run_cli("run", str(config), "--no-progress", cwd=tmp_path, timeout=1700)
    assert result.returncode == 0, result.stderr
    run = tmp_path / "r"
    output = [orjson.loads(x) for x in (run / "output.jsonl").read_bytes().splitlines()]
    removed_file = run / "removed.jsonl"
    removed = [orjson.loads(x) for x in removed_file.read_bytes().splitlines()] if removed_file.exists() else []
    print("\nSUMMARY\n" + (run / "summary.md").read_text())
    for record in output:
        print("KEPT", record["fields"]["kind"], "|", record["fields"]["question"], "|", record["fields"]["answer"])
    for record in removed:
        print("REMOVED", record["meta"].get("grounding_check") or record["meta"].get("dedup"), "|",
              record["fields"].get("question"), "|", record["fields"].get("answer"))
    judged = [r for r in removed if "grounding_check" in r["meta"]]
    # Every request is accounted for: it gave questions, or its reply is a counted drop. (The 135M model
    # often writes no usable pair: a question without its answer, the passage echoed, a false statement.)
    counters = orjson.loads((run / "metrics.json").read_bytes())["sessions"][-1]["metrics"]["pipeline"]["steps"][
        "grounded_qa"]["counters"]
    requests = 3 + 1  # a factual set per section, one multi-hop pair
    answered = {(r["fields"]["kind"], tuple(r["lineage"]["parents"])) for r in output + judged}
    assert len(answered) + counters.get("dropped_unparsed_reply", 0) + counters.get("dropped_request_failed", 0) \
        == requests, counters
    for record in output:
        fields = record["fields"]
        assert fields["citations"] and fields["question"] and fields["answer"]
        assert lexical_support(fields["answer"], "\n\n".join(c["chunk_text"] for c in fields["citations"])).supported
    for record in judged:
        assert record["meta"]["grounding_check"]["reason"]
