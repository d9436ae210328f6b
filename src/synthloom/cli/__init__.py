"""The command line. Importing the command modules registers their commands on `app`, in the order
`synthloom --help` lists them; modules a command needs are imported inside it, so start-up stays short."""

from synthloom.cli import run_commands  # noqa: F401, I001 - registers run, generate, models, export, report first
# dedup, decontaminate, diversity, coverage: loaded when used (cli/lazy.py), listed here in --help
from synthloom.cli import ingest_command  # noqa: F401 - ingest
from synthloom.cli import steps_command  # noqa: F401 - then steps
from synthloom.cli.app import app, main

__all__ = ["app", "main"]
