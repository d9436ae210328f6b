"""Errors a user can cause and fix: the CLI prints the message alone, never a traceback."""


class UserError(Exception):
    """Bad config, missing file, unreachable server, malformed input: the message names what to fix."""


class RunStop(UserError):
    """Raised by a per-record step when no record could pass it (a judge that failed its calibration):
    the run stops with this message, its work so far saved, instead of failing every record."""
