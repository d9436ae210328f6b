"""Instruction following: a candidate against IFEval-style constraints, every one checked, none by a model.

The constraints come from the record (a field: see ifeval_formats.py for the shapes read) and from the
step's config; a candidate passes when it follows all of them. Each constraint's outcome, with what was
measured, is a case on the verdict, so a record shows which instruction it broke and by how much.

Modes, as IFEval's evaluation has them: `strict` checks the reply as it is; `loose` also accepts it
when a variant follows: without its first line, its last line or both, and each of those with every
`*` removed (markdown emphasis that a count of words or an end phrase should not see).
"""

from __future__ import annotations

from typing import Any

from synthloom.verifiers.base import Verdict
from synthloom.verifiers.ifeval_checks import BadConstraint, Constraint
from synthloom.verifiers.ifeval_formats import from_record, read_constraints

MAX_CANDIDATE_CHARS = 200_000  # a reply to an instruction is a few pages; the checks are linear past that


def loose_variants(text: str) -> list[tuple[str, str]]:
    """IFEval's loose variants, in its order, each with a name for the verdict."""
    lines = text.split("\n")
    cut = {"": text, "without the first line": "\n".join(lines[1:]).strip(),
           "without the last line": "\n".join(lines[:-1]).strip(),
           "without the first and last lines": "\n".join(lines[1:-1]).strip()}
    variants = list(cut.items())[:1] + [("without '*'", text.replace("*", ""))] + list(cut.items())[1:]
    variants += [(f"{name}, without '*'", value.replace("*", "")) for name, value in list(cut.items())[1:]]
    return variants


def follows(item: Constraint, text: str, loose: bool) -> tuple[bool, str, str]:
    """(followed, what was measured, which variant followed) for one constraint."""
    variants = loose_variants(text) if loose else [("", text)]
    first_detail = ""
    for name, variant in variants:
        if not variant.strip():
            first_detail = first_detail or "empty"
            continue
        followed, detail = item.check(variant)
        if followed:
            return True, detail, name
        first_detail = first_detail or detail
    return False, first_detail, ""


class InstructionVerifier:
    isolation: dict[str, str] | None = None  # runs no code

    def __init__(self, constraints: list[dict[str, Any]] | None = None, field: str = "constraints",
                 mode: str = "strict") -> None:
        if mode not in ("strict", "loose"):
            raise ValueError(f"mode must be strict or loose, not {mode!r}")
        self.step_constraints = read_constraints(constraints) if constraints else []
        self.field = field
        self.loose = mode == "loose"
        self.name = f"ifeval_{mode}"

    async def verify(self, candidate: str, fields: dict[str, Any]) -> Verdict:
        return self.check(candidate, fields)

    def check(self, candidate: str, fields: dict[str, Any]) -> Verdict:
        mode = "loose" if self.loose else "strict"
        try:
            found = from_record(fields, self.field)
        except BadConstraint as exc:
            return Verdict(False, "bad_test", f"the record's constraints: {exc}"[:500], mode=mode)
        constraints = [*(found or []), *self.step_constraints]
        if not constraints:
            return Verdict(False, "bad_test", f"no constraints: the record has no `{self.field}` field "
                           "(nor instruction_id_list / ground_truth) and the step gives none", mode=mode)
        if len(candidate) > MAX_CANDIDATE_CHARS:
            return Verdict(False, "error", f"the reply is {len(candidate):,} characters; at most "
                           f"{MAX_CANDIDATE_CHARS:,} are checked", mode=mode, error_kind="size")
        cases = []
        for index, item in enumerate(constraints):
            followed, detail, variant = follows(item, candidate, self.loose)
            row: dict[str, Any] = {"case": index, "instruction_id": item.instruction_id,
                                   "outcome": "pass" if followed else "fail", "detail": detail[:300]}
            if item.kwargs:
                row["kwargs"] = {k: v if not isinstance(v, str) else v[:200] for k, v in item.kwargs.items()}
            if variant:
                row["loose_variant"] = variant
            cases.append(row)
        failed = [c for c in cases if c["outcome"] != "pass"]
        if not failed:
            return Verdict(True, "pass", f"{len(cases)} of {len(cases)} constraints followed", mode=mode,
                           cases=tuple(cases))
        named = "; ".join(f"{c['instruction_id']}: {c['detail']}" for c in failed[:3])
        return Verdict(False, "fail", f"{len(cases) - len(failed)} of {len(cases)} constraints followed; "
                       f"broken: {named}"[:500], mode=mode, cases=tuple(cases))
