"""The Python API in a real Jupyter kernel (nbclient runs a notebook): live bars drawn into a widget whose
last frame shows every bar finished, and the result shown inline as HTML."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

ROOT = Path(__file__).resolve().parents[2]
ROWS = 40  # above the stream's in-flight window

CELL = f"""
import synthloom as sl
from tests.scripted_backend import ScriptedBackend

backend = ScriptedBackend(rules=[(r"Repeat (\\w+)\\.", lambda r: r.messages[-1]["content"].split()[-1][:-1])])
rows = [{{"instruction": f"Repeat word{{i}}."}} for i in range({ROWS})]
pipe = sl.Pipeline([sl.Step("generate", output_field="response"), sl.Step("dedup", fields=["response"])],
                   model=backend)
pipe.run(rows, run_dir=RUN_DIR)
"""


def run_notebook(tmp_path: Path) -> nbformat.NotebookNode:
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(f"RUN_DIR = {str(tmp_path / 'run')!r}\n" + CELL)]
    client = nbclient.NotebookClient(notebook, timeout=900, kernel_name="python3", store_widget_state=True,
                                     resources={"metadata": {"path": str(ROOT)}})
    client.execute()
    return notebook


@pytest.mark.slow
def test_bars_are_drawn_in_a_widget_and_end_finished_and_the_result_shows_inline(tmp_path):
    notebook = run_notebook(tmp_path)
    outputs = notebook.cells[0].outputs
    streams = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "ipywidgets" not in streams, streams  # rich's "install ipywidgets" warning: no bars at all
    assert any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in outputs)
    state = notebook.metadata["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]
    frames = [o["data"]["text/plain"] for model in state.values() if model["model_name"] == "OutputModel"
              for o in model["state"]["outputs"]]
    [frame] = frames  # the widget keeps one frame: the last one drawn
    frame = re.sub(r"\x1b\[[0-9;]*m", "", frame)
    bars = {line.split("━")[0].strip(): line for line in frame.splitlines() if "━" in line}
    # the stage streamed into dedup, dedup's own pass over it, and the output
    assert set(bars) == {"stage 00-dedup", "dedup: records", "records"}, frame
    # rich skips its last refresh when it stops in Jupyter; a stale frame would show the records bar at 0
    assert all(f"{ROWS}/{ROWS}" in line for line in bars.values()), frame
    [shown] = [o for o in outputs if o.output_type == "execute_result"]
    assert "text/html" in shown["data"] and f"{ROWS}" in shown["data"]["text/html"]


def test_a_kernel_without_ipywidgets_draws_no_bars_and_says_what_to_install(monkeypatch, caplog):
    from synthloom.api import pipeline

    monkeypatch.setitem(sys.modules, "ipykernel", object())
    monkeypatch.setitem(sys.modules, "ipywidgets", None)  # None: `import ipywidgets` raises
    assert pipeline._notebook_can_draw_bars() is False
    assert "synthloom[notebook]" in caplog.text
    monkeypatch.delitem(sys.modules, "ipykernel")
    assert pipeline._notebook_can_draw_bars() is False
