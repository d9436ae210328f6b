"""Model-collapse alarms: compare each generation's diversity with generation 0's.

Shumailov et al. (2024) and Alemohammad et al. (2023) show that a model fed its own outputs loses the
tails of the distribution generation after generation; the first visible sign is falling diversity.
An alarm fires for a generation when a watched metric has lost more than `max_loss` of generation 0's
diversity (see diversity.diversity_loss for how similarity metrics count).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from synthloom.guards.diversity import diversity_loss


@dataclass
class Alarm:
    generation: int
    metric: str
    baseline: float
    value: float
    loss: float

    def to_dict(self) -> dict:
        return asdict(self)

    def describe(self) -> str:
        return (f"generation {self.generation}: {self.metric} {self.value} against {self.baseline} in generation 0 "
                f"({self.loss:.0%} of its diversity lost)")


def collapse_alarms(by_generation: dict[int, dict], metrics: list[str], max_loss: float) -> list[Alarm]:
    """Alarms for every generation after the first whose watched metrics fell beyond `max_loss`."""
    if not by_generation:
        return []
    first = min(by_generation)
    baseline = by_generation[first]
    alarms = []
    for generation in sorted(by_generation):
        if generation == first:
            continue
        current = by_generation[generation]
        for metric, loss in diversity_loss(baseline, current).items():
            if metric in metrics and loss > max_loss:
                alarms.append(Alarm(generation, metric, baseline[metric], current[metric], loss))
    return alarms
