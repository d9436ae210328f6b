"""The Python examples of the README and docs/python_api.md run as written, on the bundled model."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def python_blocks(path: Path) -> list[str]:
    return re.findall(r"```python\n(.*?)```", path.read_text(), flags=re.DOTALL)


def test_the_readme_example_is_the_first_of_the_docs_page():
    [readme] = python_blocks(ROOT / "README.md")
    assert readme == python_blocks(ROOT / "docs" / "python_api.md")[0]


@pytest.mark.slow
def test_the_docs_examples_run_as_written_on_the_bundled_model(tmp_path):
    script = "\n".join(python_blocks(ROOT / "docs" / "python_api.md"))
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.splitlines()
    assert "Name a colour." in done.stdout and "[] []" in lines and lines[-1] == "True"
    assert (tmp_path / "runs" / "python-verifier" / "output.jsonl").exists()  # the function verifier's run
    output = (tmp_path / "runs" / "python-example" / "output.jsonl").read_text().splitlines()
    assert len(output) == 2 and (tmp_path / "runs" / "python-example" / "report.html").exists()


def test_the_readme_yaml_example_is_a_valid_run_config():
    import yaml

    from synthloom.config import RunConfig

    [block] = re.findall(r"```yaml\n(.*?)```", (ROOT / "README.md").read_text(), flags=re.DOTALL)
    config = RunConfig.model_validate(yaml.safe_load(block), context={"rows_given": True})
    assert [s.step for s in config.pipeline] == ["generate", "dedup", "decontaminate"]
