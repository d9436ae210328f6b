"""Errors a user can cause and fix: the CLI prints the message alone, never a traceback."""


class UserError(Exception):
    """Bad config, missing file, unreachable server, malformed input: the message names what to fix."""
