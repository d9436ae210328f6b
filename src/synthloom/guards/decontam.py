"""Decontamination: find records that contain, or reword, an item of a benchmark.

Stage 1, n-grams (ngram_overlap.py), catches verbatim copies and excerpts. Stage 2 looks at what stage
1 left, for rewordings. Embeddings (semantic.py) find each text's nearest benchmark items; similarity
alone cannot tell a rewording from a different task of the same kind, so without a judge a neighbour
is flagged on evidence: the item's own example and test values in the text (literal_evidence.py), the
text's code passing the item's own tests and answering as its reference solution on variants of their
inputs (behaviour_match.py), or a near-verbatim similarity. With a
judge, the judge's verdict decides instead. Every hit names the benchmark item and field it matched,
the stage that caught it, and the evidence.
"""

from __future__ import annotations

import asyncio
import os
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from dataclasses import field as dataclass_field  # `field` is also a Contamination attribute
from typing import TYPE_CHECKING

from synthloom.guards.benchmarks import BenchmarkSource, ItemTests, Segment, load_items, load_segments
from synthloom.guards.judge_calibration import Calibration, calibrate
from synthloom.guards.literal_evidence import LiteralIndex, literals
from synthloom.guards.ngram_overlap import NgramIndex
from synthloom.guards.settings import DecontamSettings

if TYPE_CHECKING:
    from synthloom.guards.semantic import SemanticIndex

# (text, benchmark segment text) -> True if the judge says they are the same item, None if unclear
Judge = Callable[[str, str], Awaitable[bool | None]]


@dataclass
class Contamination:
    index: int
    benchmark: str
    item_id: str
    field: str
    method: str  # "ngram", "semantic" or "semantic+judge"
    evidence: dict = dataclass_field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"benchmark": self.benchmark, "item_id": self.item_id, "field": self.field, "method": self.method,
                **self.evidence}


def _compound(name: str) -> bool:
    """`words_joined` or `camelCase`: a name made for one task."""
    return "_" in name.strip("_") or re.search(r"[a-z][A-Z]", name) is not None


class Decontaminator:
    def __init__(self, sources: list[BenchmarkSource], settings: DecontamSettings) -> None:
        self.settings = settings
        self.sources = sources
        self._literal_index: LiteralIndex | None = None
        self._tests: dict = {}
        self.closest: dict[int, dict] = {}  # texts the semantic stage left clean: their nearest item, why not
        self.calibration: Calibration | None = None  # the judge's, when one was given
        self.segments: list[Segment] = [s for source in sources for s in load_segments(source)]
        self.ngrams = NgramIndex(self.segments, settings.n, settings.min_n, settings.adaptive_n) \
            if settings.ngram else None
        self._semantic: SemanticIndex | None = None
        self._semantic_segments: list[int] = []
        self._contradicted: dict[int, set] = {}  # text -> items its own example pairs contradict
        self._differing: dict[int, set] = {}  # text -> items one or more of its example pairs contradicts
        self._own_inputs: dict = {}  # item -> the inputs it calls its entry point on (examples, tests)
        self._code_against: dict[int, set] = {}  # text -> items its code answers otherwise than
        self._code_short: dict[int, set] = {}  # text -> items its code agrees with short of behaviour_agreement
        self._code_failed: dict[int, set] = {}  # text -> items whose own tests its code fails
        self._agreements: dict[int, dict] = {}  # text -> item -> how its code agreed with the item's reference
        self._programs: dict = {}  # text -> the program its code makes
        self._entry_owner: dict[str, tuple[str, str]] = {}  # an entry point's name -> the one item it is of

    def describe(self) -> dict:
        benchmarks = sorted({s.benchmark for s in self.segments})
        return {"benchmarks": benchmarks, "segments": len(self.segments),
                "n_by_benchmark": self.ngrams.n_by_benchmark if self.ngrams else {},
                "segments_too_short_for_ngrams": self.ngrams.too_short if self.ngrams else 0}

    def _hit(self, index: int, segment: int, method: str, **evidence) -> Contamination:
        seg = self.segments[segment]
        return Contamination(index, seg.benchmark, seg.item_id, seg.field, method, evidence)

    def ngram_stage(self, texts: list[str]) -> dict[int, Contamination]:
        if self.ngrams is None:
            return {}
        return {i: self._hit(i, hit.segment, "ngram", n=hit.n, shared_ngrams=hit.shared, excerpt=hit.excerpt,
                             **({"value_ngrams": hit.values} if hit.values else {}))
                for i, hit in self.ngrams.match(texts).items()}

    def _prose_ngrams(self, hit: Contamination) -> int:
        """An n-gram hit's shared n-grams but those mostly of numbers (an example's data)."""
        return hit.evidence.get("shared_ngrams", 0) - hit.evidence.get("value_ngrams", 0)

    def _reviewed(self, hit: Contamination) -> bool:
        """Whether an n-gram hit is decided again by the semantic stage (without a judge): one of few
        shared n-grams besides an example's numbers (a phrase, an example line: the text's own example
        pairs may contradict the item), and any hit in an item's code (a look-alike reusing a reference's
        skeleton shares dozens; the text's own code, when it answers otherwise, rules it out)."""
        from synthloom.guards.ngram_overlap import CODE_FIELDS

        return self._prose_ngrams(hit) < self.settings.ngram_veto_below or hit.field in CODE_FIELDS

    async def semantic_stage(self, texts: list[str], skip: set[int], judge: Judge | None,
                             weak: dict[int, Contamination] | None = None) -> dict[int, Contamination]:
        from synthloom.guards.semantic import Neighbour, SemanticIndex

        if self._semantic is None:
            self._semantic_segments = [i for i, s in enumerate(self.segments) if s.stage != "ngram"]
            self._semantic = SemanticIndex([self.segments[i].text for i in self._semantic_segments])
        todo = [i for i in range(len(texts)) if i not in skip]
        wide = self.settings.top_k if judge is not None else max(self.settings.top_k, self.settings.behaviour_top_k)
        neighbours = [[Neighbour(self._semantic_segments[n.segment], n.similarity) for n in near]
                      for near in self._semantic.top_k([texts[i] for i in todo], wide)]
        if judge is None:
            return await self._on_evidence(texts, dict(zip(todo, neighbours, strict=True)), weak or {})

        async def confirm(i: int, near: list) -> Contamination | None:
            for candidate in near:  # most similar first; stop at the first the judge confirms
                if candidate.similarity < self.settings.judge_threshold:
                    return None
                if await judge(texts[i], self.segments[candidate.segment].text):
                    return self._hit(i, candidate.segment, "semantic+judge",
                                     similarity=round(candidate.similarity, 4), judge="same item")
            return None

        confirmed = await asyncio.gather(*(confirm(i, near) for i, near in zip(todo, neighbours, strict=True)))
        return {hit.index: hit for hit in confirmed if hit is not None}

    def _items(self) -> tuple[LiteralIndex, dict[tuple[str, str], ItemTests]]:
        if self._literal_index is None:
            loaded = [(source.name, load_items(source)) for source in self.sources]
            self._tests = {(name, item): tests for name, items in loaded for item, tests in items.tests.items()}
            self._literal_index = LiteralIndex({(name, item): text for name, items in loaded
                                                for item, text in items.texts.items()})
            owners: dict[str, list] = {}
            for key, item_tests in self._tests.items():
                owners.setdefault(item_tests.entry_point, []).append(key)
            self._entry_owner = {name: keys[0] for name, keys in owners.items() if len(keys) == 1}
        return self._literal_index, self._tests

    def _named_for_another(self, i: int, function: str, key: tuple[str, str], method: str) -> bool:
        """Whether the text's function bears the entry point's name of an item other than `key`, the one
        its behaviour or examples match: a look-alike keeps an item's name and signature and does what
        some other item does (`minSubArraySum` returning the length, as strlen does), a rewording keeps
        its own item's name or takes a new one. Evidence that names two items names none: abstain, and
        keep it for the near-miss listing. Only a compound name names an item (`next_smallest`,
        `minSubArraySum`); `f`, `add` or `solve` are any task's."""
        owner = self._entry_owner.get(function) if _compound(function) else None
        if owner is None or owner == key:
            return False
        self.closest.setdefault(i, {})["abstained"] = {
            "method": method, "matched_item": key[1], "function": function, "function_is_entry_point_of": owner[1]}
        return True

    def _unexplained(self, i: int, text: str, index: LiteralIndex) -> set[str]:
        """The text's literals but those of an item its own example pairs contradict: a look-alike
        states an item's example inputs with its own task's outputs, and where two items share those
        inputs (HumanEval/0 and /20 share `[1.0, 2.0, 3.9, 4.0, 5.0, 2.2]`) they are explained by the
        item borrowed from, and name neither."""
        values = literals(text)
        for key in self._contradicted.get(i, set()):
            values -= index.items.get(key, set())
        return values

    def _named_elsewhere(self, i: int, text: str, key: tuple[str, str], method: str) -> bool:
        """Whether a function the text defines or states examples of bears another item's entry-point
        name (see _named_for_another): its values then name no item."""
        from synthloom.guards.example_pairs import example_pairs

        program = self._programs.get(i)
        names = {p.function for p in example_pairs(text)} | ({f.name for f in program.functions} if program else set())
        return any(self._named_for_another(i, name, key, method) for name in sorted(names))

    def _item_similarities(self, near: list) -> dict[tuple[str, str], tuple[float, int]]:
        """item -> (its best similarity among the neighbours, that segment), most similar first."""
        out: dict[tuple[str, str], tuple[float, int]] = {}
        for n in near:
            seg = self.segments[n.segment]
            out.setdefault((seg.benchmark, seg.item_id), (n.similarity, n.segment))
        return out

    def _literal_hit(self, ranked: list, similar: dict) -> tuple | None:
        """The one item a text's distinctive values point to, or None. Contenders are the items whose
        evidence is within `literal_margin` of the most; one contender is the item, several are told
        apart only by a description clearly nearer the text (two items can share an example list, as
        HumanEval/0 and /20 do). The item's evidence must be `literal_min_values` distinct values (a
        look-alike borrows one example; a rewording keeps its examples' inputs and outputs) and enough
        for its similarity."""
        s = self.settings
        if not ranked:
            return None
        contenders = [r for r in ranked if r.score * s.literal_margin >= ranked[0].score]
        contenders.sort(key=lambda r: -similar.get(r.item, (0.0, 0))[0])
        best = contenders[0]
        if best.item not in similar:
            return None
        similarity, segment = similar[best.item]
        if len(contenders) > 1 and similarity - similar.get(contenders[1].item, (0.0, 0))[0] < s.literal_similarity_gap:
            return None
        compound = len(best.shared) >= s.literal_min_values
        strong = best.score >= s.literal_alone and similarity >= s.literal_alone_similarity
        weak = best.score >= s.literal_with_similarity and similarity >= s.literal_similarity
        if not (compound and (strong or weak)):
            return None
        others = [r for r in ranked if r is not best]
        runner_up = {"item_id": others[0].item[1], "literal_score": round(others[0].score, 2)} if others else None
        return best, similarity, segment, runner_up

    async def _pair_stage(self, texts: list[str], neighbours: dict[int, list], tests: dict,
                          weak: dict[int, Contamination]) -> dict[int, dict]:
        """text -> item -> PairEvidence: the example pairs each text states, run through the reference
        solution of every item among its neighbours (at `behaviour_similarity` or more) whose entry
        point takes that many arguments, and of the item an n-gram hit names; all in a few sandbox runs."""
        from synthloom.guards.behaviour_match import entry_arity
        from synthloom.guards.example_pairs import evidence_for, example_pairs, own_inputs, pair_verdicts

        s = self.settings
        arity = {key: entry_arity(item) for key, item in tests.items()}

        def fitting(key):
            wanted = arity.get(key)
            return (lambda n: wanted is not None and wanted[0] <= n and (wanted[1] is None or n <= wanted[1]))

        from synthloom.guards.benchmarks import ItemTests
        from synthloom.guards.code_extraction import python_program

        stated = {i: pairs for i in neighbours if (pairs := example_pairs(texts[i]))}
        asked: dict[int, list] = {}
        requests: dict = {}
        for i, pairs in stated.items():
            # The text's own code on its own examples: an example its code does not reproduce is a slip
            # of the writer's (LLM rewordings get outputs wrong), and says nothing of which item it is.
            program = self._programs.setdefault(i, python_program(texts[i]))
            if program is None:
                continue
            for name in {f.name for f in program.functions} & {p.function for p in pairs}:
                requests[("", f"record {i}", name)] = (ItemTests(program.code, "", name, "\n"),
                                                        [p for p in pairs if p.function == name])
        for i, pairs in stated.items():
            keys = [key for key, (similarity, _) in self._item_similarities(neighbours[i]).items()
                    if similarity >= s.behaviour_similarity and key in tests]
            if i in weak:
                keys.append((weak[i].benchmark, weak[i].item_id))
            for key in dict.fromkeys(keys):
                fits = fitting(key)
                mine = [p for p in pairs if fits(p.arity)]
                if mine and key in tests:
                    asked.setdefault(i, []).append(key)
                    requests.setdefault(key, (tests[key], []))[1].extend(mine)
        verdicts = await pair_verdicts(requests) if requests else {}
        # A pair the item's own prompt states is the item's, whatever its reference answers: a few
        # items' examples are wrong (HumanEval/116's `sort_array([-2, -3, -4, -5, -6])`), and a copy
        # keeps them.
        for key in {key for keys in asked.values() for key in keys}:
            for p in example_pairs(tests[key].prompt):
                if (key, p.args, p.output) in verdicts:
                    verdicts[(key, p.args, p.output)] = "agree"
        by_code: dict[int, frozenset] = {}
        for i, pairs in stated.items():
            by_code[i] = frozenset(p.function for p in pairs if (("", f"record {i}", p.function), p.args, p.output)
                                   in verdicts)
            stated[i] = [p for p in pairs if verdicts.get((("", f"record {i}", p.function), p.args, p.output),
                                                            "agree") == "agree"]
        out: dict[int, dict] = {}
        for i, keys in asked.items():
            for key in keys:
                if key not in self._own_inputs:
                    self._own_inputs[key] = own_inputs(tests[key])
                evidence = evidence_for(stated[i], key, verdicts, fitting(key), by_code[i], self._own_inputs[key])
                if evidence is not None:
                    out.setdefault(i, {})[key] = evidence
        return out

    def _pair_hit(self, i: int, by_item: dict, similar: dict, index: LiteralIndex,
                  code_against: set) -> Contamination | None:
        """The item a text's example pairs name. The item's reference reproduces more of the text's pairs
        than it contradicts, and the text's code (if any) does not answer otherwise; and a pair is the
        item's own (its input holds `pair_input_weight` of the item's distinctive values), or its output
        says something (example_pairs.informative) and at most `pair_max_agreeing` of the items tried
        reproduce it, with no item nearer by `pair_nearer_gap` contradicted (the task the text
        describes; a farther item agreeing is chance). The nearest such item, at `pair_similarity`."""
        from synthloom.guards.example_pairs import informative

        s = self.settings
        agreeing: dict[tuple, int] = {}
        for evidence in by_item.values():
            if evidence.supports:
                for p in evidence.agreed:
                    agreeing[(p.args, p.output)] = agreeing.get((p.args, p.output), 0) + 1
        contradicted = [similar[k][0] for k, e in by_item.items() if e.contradicts and k in similar]
        # An input of an item whose name the text's function bears, and which its pairs contradict there,
        # is borrowed from that item (a look-alike keeps an item's name and shows its inputs with its own
        # outputs): another item answering it alike is no evidence. (An input merely shared with some
        # other item, `[]`, is borrowed from none.)
        borrowed = {p.args for k, e in by_item.items() if k in self._tests and e.function == self._tests[k].entry_point
                    for p in e.own_contradicted}
        scored = []
        for key, evidence in by_item.items():
            if not evidence.supports or key not in similar or similar[key][0] < s.pair_similarity or \
                    key in code_against or self._named_for_another(i, evidence.function, key, "examples"):
                continue
            similarity = similar[key][0]
            lent = [p for p in evidence.agreed if p.args not in borrowed]
            own = [p for p in lent if index.evidence(literals(p.args), key)[0] >= s.pair_input_weight]
            nearer = any(c - similarity > s.pair_nearer_gap for c in contradicted)
            telling = [] if nearer else [p for p in lent if p not in own and informative(p.output)
                                         and agreeing[(p.args, p.output)] <= s.pair_max_agreeing]
            if own or telling:
                scored.append((len(own) + len(telling), similarity, key, own + telling, evidence))
        if not scored:
            return None
        _, similarity, key, distinctive, evidence = max(scored, key=lambda t: (t[0], t[1]))
        return self._hit(i, similar[key][1], "semantic+examples", similarity=round(similarity, 4),
                         function=evidence.function, reproduced=[f"{evidence.function}{p.args} -> {p.output}"
                                                                 for p in distinctive[:3]],
                         examples_reproduced=f"{len(evidence.agreed)}/{len(evidence.agreed)}")

    async def _on_evidence(self, texts: list[str], neighbours: dict[int, list],
                           weak: dict[int, Contamination] | None = None) -> dict[int, Contamination]:
        s = self.settings
        weak = weak or {}
        index, tests = self._items()
        found: dict[int, Contamination] = {}
        pairs = await self._pair_stage(texts, neighbours, tests, weak) if s.pairs and tests else {}
        self._contradicted = {i: {key for key, e in by_item.items() if e.contradicts}
                              for i, by_item in pairs.items()}
        self._differing = {i: {key for key, e in by_item.items() if e.contradicted} for i, by_item in pairs.items()}
        if s.behaviour and tests:
            await self._behaviour_stage(texts, neighbours, found, tests, weak)
        for i, ngram_hit in weak.items():
            if i not in found and not self._ngram_vetoed(i, ngram_hit, tests):
                found[i] = ngram_hit  # the n-gram hit stands
        for i, near in neighbours.items():
            if i in found:
                continue
            values = self._unexplained(i, texts[i], index)
            similar = self._item_similarities(near)
            code_says = self._code_said_otherwise(i)
            against = self._contradicted.get(i, set()) | code_says
            by_pairs = self._pair_hit(i, pairs[i], similar, index, code_says) if i in pairs else None
            if by_pairs is not None:
                found[i] = by_pairs
                continue
            ranked = [r for r in index.ranked(values) if r.item not in against]
            if near:  # kept for near-miss listings: the evidence that fell short
                seg = self.segments[near[0].segment]
                score, shared = index.evidence(values, (seg.benchmark, seg.item_id))
                self.closest.setdefault(i, {}).update(
                    {"benchmark": seg.benchmark, "item_id": seg.item_id, "similarity": round(near[0].similarity, 4),
                     "literal_score": round(score, 2), "shared_literals": shared[:5]})
            hit = self._literal_hit(ranked, similar)
            if hit is not None and self._named_elsewhere(i, texts[i], hit[0].item, "literals"):
                hit = None
            if hit is not None:
                best, similarity, segment, runner_up = hit
                found[i] = self._hit(i, segment, "semantic+literals", similarity=round(similarity, 4),
                                     literal_score=round(best.score, 2), shared_literals=best.shared[:8],
                                     runner_up=runner_up)
                continue
            if near and near[0].similarity >= s.similarity_threshold:
                found[i] = self._hit(i, near[0].segment, "semantic", similarity=round(near[0].similarity, 4))
        return found

    def _code_said_otherwise(self, i: int) -> set:
        """The items the text's own code is not: it answers otherwise than their reference (short of
        `behaviour_agreement` on `behaviour_min_inputs` or more), or fails their own tests. The code is
        the record's statement of its task; its examples, values and phrases do not outrank it."""
        return self._code_against.get(i, set()) | self._code_short.get(i, set()) | self._code_failed.get(i, set())

    def _ngram_vetoed(self, i: int, hit: Contamination, tests: dict) -> bool:
        """A weak n-gram hit is not that item when the text's example pairs contradict the item, or the
        text's code answers otherwise than its reference (see _behaviour_stage), or when the hit is in
        the item's code and the text's own code takes another number of arguments than the item's entry
        point."""
        from synthloom.guards.behaviour_match import entry_arity
        from synthloom.guards.ngram_overlap import CODE_FIELDS

        key = (hit.benchmark, hit.item_id)
        if self._prose_ngrams(hit) >= self.settings.ngram_veto_below:  # much of the item's code: only the
            # text's code answering otherwise, or failing the item's tests, rules it out
            return key in self._code_against.get(i, set()) | self._code_failed.get(i, set())
        # A weak hit is the item's example lines: a text stating one of them with another output is a
        # task that differs from the item where those lines do not look, whatever the other lines agree.
        if key in self._contradicted.get(i, set()) | self._differing.get(i, set()):
            return True
        if key in self._code_said_otherwise(i):  # in any field
            return True
        program = self._programs.get(i)
        if hit.field not in CODE_FIELDS or program is None or key not in tests:
            return False
        wanted = entry_arity(tests[key])
        return wanted is not None and not any(
            f.min_args <= (wanted[1] if wanted[1] is not None else f.min_args)
            and (f.max_args is None or f.max_args >= wanted[0]) for f in program.functions)

    async def _behaviour_stage(self, texts: list[str], neighbours: dict[int, list], found: dict, tests: dict,
                               weak: dict[int, Contamination] | None = None) -> None:
        """A record's code against the items it may implement: every item among its `behaviour_top_k`
        nearest (at a similarity of at least `behaviour_similarity`) whose entry point takes as many
        arguments as one of its functions, screened at once on the items' reference answers (one sandbox
        run); the best agreeing item's own tests confirm. Items whose answers are not known (no
        reference, no literal test inputs) are tried on their tests alone, at `behaviour_tests_alone_similarity`."""
        from synthloom.guards.behaviour_match import entry_arity, passes_item_tests, reference_answers, screen
        from synthloom.guards.code_extraction import python_program
        from synthloom.verifiers.code import CodeVerifier

        s = self.settings
        verifier = CodeVerifier()
        sandboxes = asyncio.Semaphore(max(2, os.cpu_count() or 1))
        weak = weak or {}
        programs = {i: p for i in neighbours if i not in found and
                    (p := self._programs[i] if i in self._programs else python_program(texts[i])) is not None}
        self._programs.update(programs)
        if not programs:
            return
        answers = await reference_answers(tests)
        arity = {key: entry_arity(item) for key, item in tests.items()}

        def fits(function, key) -> bool:
            wanted = arity.get(key)
            if wanted is None:
                return False
            low, high = wanted
            return function.min_args <= (high if high is not None else function.min_args) and \
                (function.max_args is None or function.max_args >= low)

        async def check(i: int) -> None:
            program = programs[i]
            similar = self._item_similarities(neighbours[i])
            if i in weak:  # the item an n-gram hit names is screened too, whatever its similarity
                named = (weak[i].benchmark, weak[i].item_id)
                similar.setdefault(named, (s.behaviour_similarity, next(
                    n for n, seg in enumerate(self.segments) if (seg.benchmark, seg.item_id) == named)))
            candidates = []
            for key, (similarity, _) in similar.items():
                if key in tests and similarity >= s.behaviour_similarity:
                    names = [f.name for f in program.functions if fits(f, key)]
                    if names:
                        candidates.append((key, names, tests[key]))
            screenable = {key for key, _, _ in candidates
                          if key in answers and len(answers[key][0]) >= s.behaviour_min_inputs}
            async with sandboxes:
                # Left only once short of `behaviour_against`: the share of code agreeing less than
                # `behaviour_agreement` is then measured, not cut at its first few disagreements.
                agreements = await screen(program.code, [c for c in candidates if c[0] in screenable], answers,
                                          s.behaviour_against)
            best: dict = {}
            for (key, name), agreement in agreements.items():
                if key not in best or agreement.agreed > best[key][1].agreed:
                    best[key] = (name, agreement)
            # Code answering otherwise than an item's reference on most inputs compared (the screen
            # starts with the item's own test inputs) is evidence against that item.
            # So is code short of `behaviour_against` on `behaviour_min_inputs` or more: a rewording's code
            # agrees but for inputs outside the task; a look-alike whose examples coincide with the item's
            # does not, and its examples must not name the item then. A weak n-gram hit (a shared phrase or
            # example line) is surface evidence: code short of `behaviour_agreement` rules it out.
            self._agreements[i] = {key: a for key, (_, a) in best.items()}

            def short_of(key, a, share: float) -> bool:
                """Below `share` over the item's inputs: measured on enough of them, or (the screen
                leaves a function early, and an item whose reference answers few inputs is compared on
                few) two disagreements or more where the share allows fewer of all its known inputs."""
                missed = a.compared - a.agreed
                return (a.compared >= s.behaviour_min_inputs and a.share < share) or \
                    (missed >= 2 and missed > (1 - share) * len(answers[key][0]) + 1e-9)

            self._code_against[i] = {key for key, (_, a) in best.items() if a.compared and a.share < 0.5} | \
                {key for key, (_, a) in best.items() if short_of(key, a, s.behaviour_against)}
            self._code_short[i] = {key for key, (_, a) in best.items() if short_of(key, a, s.behaviour_agreement)}
            agreeing = sorted(((key, name, a) for key, (name, a) in best.items()
                               if a.compared >= s.behaviour_min_inputs and a.share >= s.behaviour_agreement),
                              key=lambda t: (-t[2].share, -similar[t[0]][0]))
            if best:
                key, (name, a) = max(best.items(), key=lambda kv: (kv[1][1].agreed, similar[kv[0]][0]))
                self.closest.setdefault(i, {}).update({"closest_behaviour": key[1], "agreed_on_inputs":
                                                       f"{a.agreed}/{a.compared}"})
            tests_alone = [(key, name, None) for key, names, _ in candidates if key not in screenable
                           and similar[key][0] >= s.behaviour_tests_alone_similarity for name in names[:2]]
            against = self._contradicted.get(i, set())
            for key, name, agreement in [c for c in agreeing if c[0] not in against][:3] + tests_alone:
                if key in against or self._named_for_another(i, name, key, "tests"):
                    continue
                async with sandboxes:
                    passed = await passes_item_tests(verifier, program.code, name, tests[key])
                if not passed:  # the item's tests define its task: code failing them is another task's
                    self._code_failed.setdefault(i, set()).add(key)
                    continue
                evidence = {"passed_tests_of": key[1], "function": name}
                if agreement is not None:
                    evidence["agreed_on_inputs"] = f"{agreement.agreed}/{agreement.compared}"
                found[i] = self._hit(i, similar[key][1], "semantic+tests", similarity=round(similar[key][0], 4),
                                     **evidence)
                return

        await asyncio.gather(*(check(i) for i in programs))

    async def find(self, texts: list[str], judge: Judge | None = None,
                   calibration_judge: Judge | None = None) -> list[Contamination]:
        """`calibration_judge`: the same judge, answering the calibration pairs without being counted."""
        found = self.ngram_stage(texts)
        if self.settings.semantic:
            if judge is not None and self.calibration is None:  # once, however many batches follow
                self.calibration = await calibrate(calibration_judge or judge)
                if not self.calibration.trusted:
                    judge = None  # an untrusted judge's verdicts never count: evidence decides
            # Without a judge, an n-gram hit of few shared n-grams stands unless the text's own example
            # pairs contradict that item (the semantic stage decides it again).
            weak = {i: hit for i, hit in found.items() if judge is None and self.settings.pairs
                    and self._reviewed(hit)}
            for i in weak:
                found.pop(i)
            found.update(await self.semantic_stage(texts, set(found), judge, weak))
        for i in found:
            self.closest.pop(i, None)
        return [found[i] for i in sorted(found)]

    def near_misses(self, count: int) -> list[tuple[int, dict]]:
        """The `count` clean texts nearest a benchmark item, most similar first: what a threshold
        between them and the hits would decide."""
        return sorted(self.closest.items(), key=lambda kv: -kv[1].get("similarity", 0.0))[:count]
