"""The languages whose candidates run against input/output tests, and the toolchain each one needs.

A language names its toolchain (a program that must be on PATH, from a Debian package: the error
says which to install), the file the candidate's code is written to, how it is compiled (to /out/main,
inside the sandbox) if it is, and how it runs. Python runs on the sandbox's own interpreter.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass

from synthloom.errors import UserError
from synthloom.verifiers import sandbox_rootfs
from synthloom.verifiers.sandbox_native import OUT_DIR, PROGRAM_DIR, program_binds, toolchain_binds

INSTALL_SCRIPT = "scripts/install_toolchains.sh"


class ToolchainMissing(UserError):
    """A language's compiler or runtime is not installed; the message names the Debian package."""


@dataclass(frozen=True)
class Language:
    name: str
    toolchain: str  # the program on PATH
    debian_package: str
    source: str  # the candidate's code goes to this file in the sandbox's working folder
    fences: tuple[str, ...]  # the code-fence tags that mark this language's code in a reply
    compile: tuple[str, ...] = ()  # with {toolchain}; writes OUT_DIR/main
    run: tuple[str, ...] = ()  # with {toolchain}, {memory_mb}
    address_space_mb: int = 0  # virtual memory the runtime reserves beyond what it uses (V8: ~800 MB)
    root: str = ""  # what its sandbox's root filesystem holds, in words (for the report)


LANGUAGES: dict[str, Language] = {
    "javascript": Language(
        "javascript", "node", "nodejs", "main.js", ("javascript", "js", "node", "nodejs", "jsx", "mjs"),
        # the heap capped at the memory limit, so running out is V8's error, not a silent kill
        run=("{toolchain}", "--max-old-space-size={memory_mb}", "main.js"), address_space_mb=1024,
        root="own root filesystem (node and the shared libraries it loads only)"),
    "cpp": Language(
        "cpp", "g++", "g++", "main.cpp", ("cpp", "c++", "cc", "cxx", "hpp"),
        compile=("{toolchain}", "-std=c++17", "-O2", "-pipe", "-o", f"{OUT_DIR}/main", "main.cpp"),
        run=(f"{PROGRAM_DIR}/main",),
        root="compiled in a sandbox holding the system's /usr read-only and one output folder, run in one "
             "holding the binary and the C++ runtime libraries only"),
    "python": Language("python", "python3", "python3", "main.py", ("python", "py", "python3"),
                       run=("{toolchain}", "-I", "-S", "-B", "main.py"),
                       root="own root filesystem (interpreter and standard library only)"),
}


def language(name: str) -> Language:
    if name not in LANGUAGES:
        raise UserError(f"no input/output tests for language {name!r}; known: {', '.join(sorted(LANGUAGES))}")
    return LANGUAGES[name]


def toolchain_path(lang: Language) -> str:
    """The toolchain's path here, or ToolchainMissing naming the Debian package that provides it."""
    if lang.name == "python":
        return sandbox_rootfs.sandbox_python()
    found = shutil.which(lang.toolchain)
    if found is None:
        raise ToolchainMissing(
            f"verifying {lang.name} candidates needs `{lang.toolchain}`, which is not on PATH: install the Debian "
            f"package {lang.debian_package} (`apt-get install {lang.debian_package}`, or "
            f"`bash {INSTALL_SCRIPT} {lang.name}`)")
    return found


@functools.lru_cache(maxsize=8)
def run_binds(lang: Language, toolchain: str) -> tuple[str, ...]:
    """What a run's sandbox holds besides the candidate's files: the runtime and its libraries (a
    compiled program brings its own, bound per candidate)."""
    if lang.name == "python":
        return sandbox_rootfs.interpreter_binds(toolchain)
    if lang.compile:
        return ()
    return program_binds(toolchain)


def compile_binds() -> tuple[str, ...]:
    return toolchain_binds()


PROBE = "#include <iostream>\n#include <cmath>\nint main() { std::cout << std::sqrt(2.0) << std::endl; }\n"


@functools.lru_cache(maxsize=4)
def compiled_runtime_binds(lang: Language, toolchain: str) -> tuple[str, ...]:
    """The shared libraries a program built by `lang.compile` loads, found once from a probe program of
    ours. Never from the candidate's binary: `ldd` runs a binary's own ELF interpreter, which a
    candidate's source can name (a `.interp` section), and that would run on the host."""
    with tempfile.TemporaryDirectory() as folder:
        source = os.path.join(folder, lang.source)
        with open(source, "w", encoding="utf-8") as handle:
            handle.write(PROBE)
        command = [p.format(toolchain=toolchain).replace(f"{OUT_DIR}/main", os.path.join(folder, "main"))
                   for p in lang.compile]
        subprocess.run(command, cwd=folder, check=True, capture_output=True, timeout=300)
        libraries = sandbox_rootfs._shared_libraries([os.path.join(folder, "main")])
    return tuple(arg for library in libraries for arg in ("--ro-bind", os.path.realpath(library), library))
