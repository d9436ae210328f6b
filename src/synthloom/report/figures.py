"""The report's plots, drawn with matplotlib and embedded as inline SVG (no scripts, no network).

Each function takes plain numbers and returns an SVG string, or "" when there is nothing to draw.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Callable, Set
from typing import TYPE_CHECKING, Any

from matplotlib.figure import Figure

if TYPE_CHECKING:
    from matplotlib.typing import RcKeyType

# parse_math off: labels are the user's data (categories, class names, step names) and are drawn as
# written; "$x^$" would otherwise be parsed as mathtext and fail the whole report.
STYLE: dict[RcKeyType, Any] = {"svg.fonttype": "none", "svg.hashsalt": "synthloom", "font.size": 9,
                               "axes.spines.top": False, "axes.spines.right": False, "text.parse_math": False}
KEPT, DROPPED, FAILED, ACCENT = "#2f6db5", "#e0a040", "#c0392b", "#6a4c93"


def _svg(fig: Figure) -> str:
    import matplotlib

    with matplotlib.rc_context(STYLE):
        buffer = io.StringIO()
        # no metadata block: it names the date (reports would differ run to run) and external namespaces
        fig.savefig(buffer, format="svg", bbox_inches="tight",
                    metadata={"Creator": None, "Date": None, "Format": None, "Type": None})
    text = buffer.getvalue()
    return text[text.index("<svg"):]  # drop the XML prologue: the SVG sits inside HTML


def _styled(draw: Callable[..., str]) -> Callable[..., str]:
    """Draw under STYLE from start to end: every text object (tick labels too) takes it when made."""
    @functools.wraps(draw)
    def wrapper(*args: Any, **kwargs: Any) -> str:
        import matplotlib

        with matplotlib.rc_context(STYLE):
            return draw(*args, **kwargs)
    return wrapper


def _figure(width: float, height: float) -> Figure:
    import matplotlib

    with matplotlib.rc_context(STYLE):
        return Figure(figsize=(width, height))


@_styled
def funnel(stages: list[tuple[str, int, int, int]]) -> str:
    """stages: (name, kept, dropped, failed) from the input down the pipeline."""
    if not stages:
        return ""
    fig = _figure(7, 0.45 * len(stages) + 0.8)
    ax = fig.add_subplot()
    names = [s[0] for s in stages][::-1]
    kept = [s[1] for s in stages][::-1]
    dropped = [s[2] for s in stages][::-1]
    failed = [s[3] for s in stages][::-1]
    ax.barh(names, kept, color=KEPT, label="kept")
    ax.barh(names, dropped, left=kept, color=DROPPED, label="dropped")
    ax.barh(names, failed, left=[k + d for k, d in zip(kept, dropped, strict=True)], color=FAILED, label="failed")
    for y, (k, d, f) in enumerate(zip(kept, dropped, failed, strict=True)):
        ax.text(k + d + f, y, f"  {k:,}" + (f" (-{d:,})" if d else "") + (f" ({f:,} failed)" if f else ""),
                va="center", fontsize=8)
    ax.set_xlabel("records")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.35 if len(stages) < 4 else -0.12), ncol=3, frameon=False)
    ax.margins(x=0.25)
    return _svg(fig)


@_styled
def bars(labels: list[str], values: list[float], *, xlabel: str, highlight: Set[str] = frozenset(),
         value_format: str = "{:,}") -> str:
    """Horizontal bars, `highlight`ed labels in the warning colour."""
    if not labels:
        return ""
    fig = _figure(7, 0.3 * len(labels) + 0.8)
    ax = fig.add_subplot()
    colours = [DROPPED if label in highlight else KEPT for label in labels][::-1]
    ax.barh(labels[::-1], values[::-1], color=colours)
    for y, value in enumerate(values[::-1]):
        ax.text(value, y, "  " + value_format.format(value), va="center", fontsize=8)
    ax.set_xlabel(xlabel)
    ax.margins(x=0.15)
    return _svg(fig)


@_styled
def stacked(rows: dict[str, dict[str, int]], order: tuple[str, ...], *, xlabel: str) -> str:
    """One horizontal bar per row, split into the parts `order` names (left to right), with a legend."""
    parts = [p for p in order if any(counts.get(p) for counts in rows.values())]
    if not rows or not parts:
        return ""
    import matplotlib

    labels = list(rows)[::-1]
    fig = _figure(7, 0.35 * len(labels) + 1.2)
    ax = fig.add_subplot()
    colours = matplotlib.colormaps["RdYlBu"]
    left = [0.0] * len(labels)
    for i, part in enumerate(parts):
        values = [rows[label].get(part, 0) for label in labels]
        ax.barh(labels, values, left=left, label=part, color=colours(i / max(len(parts) - 1, 1)))
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.set_xlabel(xlabel)
    ax.legend(frameon=False, fontsize=7, ncol=len(parts), loc="upper center", bbox_to_anchor=(0.5, -0.25))
    return _svg(fig)


@_styled
def pass_at_k(points: dict[int, float]) -> str:
    if not points:
        return ""
    fig = _figure(4.5, 2.8)
    ax = fig.add_subplot()
    ks = sorted(points)
    ax.plot(ks, [points[k] for k in ks], marker="o", color=ACCENT)
    for k in ks:
        ax.annotate(f"{points[k]:.2f}", (k, points[k]), textcoords="offset points", xytext=(0, 6), ha="center",
                    fontsize=8)
    ax.set_xlabel("k (samples per prompt)")
    ax.set_ylabel("pass@k (unbiased)")
    ax.set_ylim(0, 1.05)
    ax.set_xticks(ks)
    return _svg(fig)


@_styled
def curves(series: dict[str, dict[str, list[tuple[float, float]]]], xlabel: str) -> str:
    """Small multiples: one panel per metric, one line per series (e.g. per run or per step)."""
    metrics = [m for m in series if any(series[m].values())]
    if not metrics:
        return ""
    fig = _figure(3.0 * len(metrics), 2.6)
    axes = fig.subplots(1, len(metrics), squeeze=False)[0]
    for ax, metric in zip(axes, metrics, strict=True):
        for label, points in series[metric].items():
            if points:
                ax.plot([p[0] for p in points], [p[1] for p in points], marker="o", label=label)
        ax.set_title(metric)
        ax.set_xlabel(xlabel)
    if sum(1 for points in series[metrics[0]].values() if points) > 1:
        axes[0].legend(frameon=False, fontsize=7)
    return _svg(fig)


@_styled
def timeline(points: list[dict[str, Any]]) -> str:
    """Records written and model calls over time, per session (cumulative within a session)."""
    if len(points) < 2:
        return ""
    fig = _figure(7, 2.6)
    ax = fig.add_subplot()
    start = points[0]["at"]
    sessions = sorted({p["session"] for p in points})
    for session in sessions:
        mine = [p for p in points if p["session"] == session]
        t = [(p["at"] - start) / 60 for p in mine]
        label = f" (session {session})" if len(sessions) > 1 else ""
        ax.plot(t, [p["records"] for p in mine], color=KEPT, label="records written" + label)
        ax.plot(t, [p["samples"] for p in mine], color=ACCENT, linestyle="--", label="samples (calls + cache)" + label)
    ax.set_xlabel("minutes since the run started")
    ax.legend(frameon=False, fontsize=7)
    return _svg(fig)
