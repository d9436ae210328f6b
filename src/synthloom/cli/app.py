"""The command line's app and what every command shares: how it fails, finishes and exits.

Errors a user can fix print one message and exit 2; a run that finished with failed records exits 1.
The commands live in run_commands.py and guard_commands.py; modules are imported inside commands so
that start-up stays short (it counts in every measured run).
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

import typer

from synthloom.cli.lazy import LazyGroup  # the guard commands load when used

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False, cls=LazyGroup,
                  help="Synthetic training data for language models.")

EXIT_USER_ERROR = 2
EXIT_FAILED_RECORDS = 1
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it


def fail(message: str) -> None:
    from synthloom.redaction import redact

    typer.secho(f"error: {redact(message)}", fg=typer.colors.RED, err=True)
    raise typer.Exit(EXIT_USER_ERROR)


def finish(summary: str, failures: str | int) -> None:
    """Report the outcome on stderr; exit 1 if some records failed (`failures` says which)."""
    typer.echo(summary, err=True)
    if failures:
        typer.secho(str(failures), fg=typer.colors.YELLOW, err=True)
        raise typer.Exit(EXIT_FAILED_RECORDS)


def note(message: str) -> None:
    """A line of a command's output, on stderr."""
    typer.echo(message, err=True)


def default_cache_path() -> Path:
    base = os.environ.get("SYNTHLOOM_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "synthloom")
    return Path(base) / "responses.sqlite"


def _interrupted() -> None:
    typer.secho("interrupted: finished work is saved; continue with `synthloom run CONFIG --resume` "
                "(a rerun of `generate` takes the answers it has from the cache)", err=True)


def main() -> None:
    try:
        app()  # standalone: usage errors print their help, exit codes arrive as SystemExit
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        if code == EXIT_INTERRUPTED:  # typer turns Ctrl-C into this exit code, silently
            _interrupted()
    except KeyboardInterrupt:
        _interrupted()
        code = EXIT_INTERRUPTED
    # Every file and database is closed by now; skip the interpreter's slow module teardown (~0.1 s
    # with aiohttp and pydantic loaded), which counts in every short command.
    if (math_pool := sys.modules.get("synthloom.verifiers.math_pool")) is not None:
        math_pool.shutdown()  # its worker processes share this process's stdout and stderr
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
