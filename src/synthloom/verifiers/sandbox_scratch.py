"""The host side of a sandbox's scratch folder: made private, and removed whatever the code left in it.

In bwrap mode the code never writes here (its working folder is a size-capped tmpfs of its own and
these files are bound into it read-only), but where bwrap cannot run the folder is its working folder,
so removal must survive anything: trees thousands of levels deep (deeper than the recursion limit and
than PATH_MAX), folders without permissions, fifos and sockets. `remove_tree` never recurses, never
builds a long path and never raises.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import os
import stat
import tempfile

log = logging.getLogger(__name__)


def scratch_prefix(pid: int | None = None) -> str:
    """Scratch folders are named for the process that made them, so a leftover can be traced to it."""
    return f"synthloom-sandbox-{os.getpid() if pid is None else pid}-"


def make_scratch(files: dict[str, str], uid: int | None) -> str:
    """A new private folder holding `files`; as root, owned by the sandbox's uid."""
    scratch = tempfile.mkdtemp(prefix=scratch_prefix())
    for name, text in files.items():
        with open(os.path.join(scratch, name), "w", encoding="utf-8") as handle:
            handle.write(text)
    if uid is not None:
        for path in [scratch] + [os.path.join(scratch, name) for name in files]:
            os.chown(path, uid, uid)  # where bwrap cannot run, the only place the code may write
    return scratch


def remove_tree(top: str) -> bool:
    """Remove `top` and everything under it; False (and a log line) if something could not go.

    Iterative and relative to open folders: every entry of a subfolder is moved up into `top` under a
    fresh name before the emptied subfolder is removed, so depth never matters and at most two folders
    are open at once."""
    try:
        top_fd = os.open(top, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    except FileNotFoundError:
        return True
    except OSError as exc:
        log.warning("sandbox: could not open the scratch folder %s to remove it: %s", top, exc)
        return False
    token = os.urandom(6).hex()  # names the code cannot have chosen in advance
    counter = itertools.count()

    def fresh() -> str:
        return f".synthloom-up-{token}-{next(counter)}"

    try:
        os.chmod(top_fd, 0o700)
        while True:
            names = os.listdir(top_fd)
            if not names:
                break
            progress = False
            for name in names:
                progress |= _remove_entry(top_fd, name, fresh)
            if not progress:
                log.warning("sandbox: %d entries of %s could not be removed", len(names), top)
                return False
    except OSError as exc:
        log.warning("sandbox: could not empty the scratch folder %s: %s", top, exc)
        return False
    finally:
        os.close(top_fd)
    try:
        os.rmdir(top)
    except OSError as exc:
        log.warning("sandbox: could not remove the scratch folder %s: %s", top, exc)
        return False
    return True


def _remove_entry(top_fd: int, name: str, fresh_name) -> bool:
    """Unlink one entry of `top`; of a folder, unlink its files, move its folders up into `top`, and
    remove it."""
    with contextlib.suppress(OSError):
        info = os.lstat(name, dir_fd=top_fd)
        if not stat.S_ISDIR(info.st_mode):
            os.unlink(name, dir_fd=top_fd)
            return True
        os.chmod(name, 0o700, dir_fd=top_fd, follow_symlinks=False)
        child_fd = os.open(name, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=top_fd)
        try:
            for child in os.listdir(child_fd):
                if stat.S_ISDIR(os.lstat(child, dir_fd=child_fd).st_mode):
                    os.rename(child, fresh_name(), src_dir_fd=child_fd, dst_dir_fd=top_fd)
                else:
                    os.unlink(child, dir_fd=child_fd)
        finally:
            os.close(child_fd)
        os.rmdir(name, dir_fd=top_fd)
        return True
    return False
