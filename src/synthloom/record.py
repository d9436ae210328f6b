"""The one record that flows through every pipeline, with the lineage reports and guards need."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

import orjson

from synthloom.redaction import redact


def stable_id(*parts: Any) -> str:
    """A short content hash: the same parts always give the same id, so resumed runs recognise work."""
    payload = orjson.dumps(parts, option=orjson.OPT_SORT_KEYS)
    return hashlib.sha256(payload).hexdigest()[:20]


@dataclass
class Lineage:
    """Where a record came from: enough to reproduce it and to audit the data built from it."""

    technique: str | None = None
    model: str | None = None
    template: str | None = None
    params: dict[str, Any] = field(default_factory=dict)
    seed: int | None = None
    parents: list[str] = field(default_factory=list)
    generation: int = 0
    root: str | None = None  # the input record this one descends from: the unit of commit and resume
    steps: list[str] = field(default_factory=list)  # names of the steps it has passed


@dataclass
class Record:
    id: str
    fields: dict[str, Any] = field(default_factory=dict)
    scores: dict[str, float] = field(default_factory=dict)
    lineage: Lineage = field(default_factory=Lineage)
    meta: dict[str, Any] = field(default_factory=dict)  # per-step bookkeeping: finish reason, tokens, cache
    error: str | None = None  # set when a step failed for this record; such a record is never output
    error_step: str | None = None

    @classmethod
    def from_input(cls, index: int, fields: dict[str, Any]) -> Record:
        rid = stable_id("input", index, fields)
        return cls(id=rid, fields=dict(fields), lineage=Lineage(root=rid))

    def child(self, step: str, index: int, fields: dict[str, Any] | None = None, **lineage: Any) -> Record:
        """A record derived from this one; its id depends only on the parent, the step and the index."""
        merged = {**self.fields, **(fields or {})}
        new_lineage = Lineage(
            technique=lineage.pop("technique", self.lineage.technique),
            model=lineage.pop("model", self.lineage.model),
            template=lineage.pop("template", self.lineage.template),
            params=lineage.pop("params", dict(self.lineage.params)),
            seed=lineage.pop("seed", self.lineage.seed),
            parents=[self.id],
            generation=lineage.pop("generation", self.lineage.generation),
            root=self.lineage.root or self.id,
            steps=[*self.lineage.steps, step],
        )
        if lineage:
            raise TypeError(f"unknown lineage fields: {sorted(lineage)}")
        return Record(id=stable_id(self.id, step, index), fields=merged, scores=dict(self.scores),
                      lineage=new_lineage, meta=dict(self.meta))

    def failed(self, step: str, error: str) -> Record:
        # error texts quote servers, which may echo the key
        self.error, self.error_step = redact(error), step
        return self

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_json(self) -> bytes:
        return orjson.dumps(self.to_dict())

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        return cls(
            id=data["id"],
            fields=data.get("fields", {}),
            scores=data.get("scores", {}),
            lineage=Lineage(**data.get("lineage", {})),
            meta=data.get("meta", {}),
            error=data.get("error"),
            error_step=data.get("error_step"),
        )
