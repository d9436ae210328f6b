"""Write docs/configuration.md from the step configs (run after changing a step's settings)."""

from __future__ import annotations

from pathlib import Path

from synthloom.cli.config_reference import reference_markdown

TARGET = Path(__file__).resolve().parents[1] / "docs" / "configuration.md"

if __name__ == "__main__":
    TARGET.write_text(reference_markdown())
    print(f"wrote {TARGET}")
