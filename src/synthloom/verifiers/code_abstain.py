"""Programs whose verdict the verifier cannot reproduce, found in their text before anything runs.

The verifier keeps the candidate and the test in separate processes, so two things of HumanEval's own
run (prompt, completion, test and check in one module) cannot happen here, and a candidate relying on
them would get a verdict its program does not earn:
- *shadowing*: the completion redefines, at module level, a name the test reads but does not define
  itself (a helper of the prompt such as `encode_cyclic`, or a built-in such as `abs`). In HumanEval's
  run the test then uses the candidate's version; here it uses its own.
- *reaching into the harness*: the candidate's code runs in the process that reports its answers, so
  code that inspects or patches its own interpreter (`sys.modules`, frames, `gc`, `ctypes`, `builtins`,
  `importlib`...) could report values its program does not return. This list is a heuristic that
  raises the bar; it cannot see a name built at run time and handed to `eval`.
- *identity*: a test that compares objects by identity (whole check only: the values crossed as copies).
Either way the verifier abstains: an `error` verdict that says why (a false reject costs one sample; a
false accept poisons the data). A helper copied unchanged from the prompt is not shadowing.
"""

from __future__ import annotations

import ast

# Attribute and names a solution to a programming task has no use for, and harness tampering needs.
REACHING = frozenset({
    "modules", "_getframe", "f_back", "f_globals", "f_locals", "f_builtins", "gi_frame", "tb_frame",
    "__subclasses__", "__globals__", "__builtins__", "__import__", "settrace", "setprofile", "addaudithook",
    "gc", "inspect", "ctypes", "builtins", "importlib", "_answers", "_requests", "_null",
})


def _top_level_definitions(tree: ast.Module) -> dict[str, str]:
    """{name: a dump of what binds it} for every name the module binds at module scope: at its top level
    or inside if/for/while/with/try blocks there (for targets, `as` names, walrus), or declares global
    in a function."""
    found: dict[str, str] = {}
    stack: list[ast.AST] = list(reversed(tree.body))
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            found[node.name] = ast.dump(node)
            continue  # their bodies are another scope
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                found[(alias.asname or alias.name).split(".")[0]] = ast.dump(node)
            continue
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            found[node.id] = "bound at module scope"
        elif isinstance(node, ast.ExceptHandler) and node.name:
            found[node.name] = "bound at module scope"
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
            for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
                for part in ast.walk(target):
                    if isinstance(part, ast.Name):
                        found[part.id] = ast.dump(node)
            continue
        if not isinstance(node, ast.Lambda):
            stack.extend(ast.iter_child_nodes(node))
    for inner in ast.walk(tree):
        if isinstance(inner, ast.Global):
            for declared in inner.names:
                found[declared] = "global"
    return found


def defined_names(source: str) -> frozenset[str]:
    """The names a module (the prompt) binds at module scope; none if it does not parse."""
    try:
        return frozenset(_top_level_definitions(ast.parse(source)))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return frozenset()


def _read_not_bound(tree: ast.Module) -> set[str]:
    """Names the test reads that it never binds itself (anywhere: a conservative reading of scope)."""
    loaded: set[str] = set()
    bound: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (loaded if isinstance(node.ctx, ast.Load) else bound).add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.add(node.name)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            bound.update((a.asname or a.name).split(".")[0] for a in node.names)
    return loaded - bound


DYNAMIC = frozenset({"getattr", "setattr", "delattr"})  # with a name that is not a literal
RUNTIME_CODE = frozenset({"exec", "compile", "vars", "globals", "locals", "breakpoint"})


def _reaching(tree: ast.Module) -> set[str]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id in RUNTIME_CODE:
                found.add(node.func.id)
            elif node.func.id in DYNAMIC and not (len(node.args) > 1 and isinstance(node.args[1], ast.Constant)):
                found.add(f"{node.func.id} with a computed name")
        if isinstance(node, ast.Name):
            found.add(node.id)
        elif isinstance(node, ast.Attribute):
            found.add(node.attr)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            found.update(alias.name.split(".")[0] for alias in node.names)
            if isinstance(node, ast.ImportFrom) and node.module:
                found.add(node.module.split(".")[0])
    return {name for name in found if name in REACHING or " " in name or name in RUNTIME_CODE}


def why_abstain(program: str, prompt: str, test: str, entry_point: str) -> str | None:
    """Why the verdict of `program` (the prompt completed) cannot be trusted here, or None."""
    try:
        candidate, original, checks = ast.parse(program), ast.parse(prompt), ast.parse(test)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None  # the caller reports the syntax error itself
    reaching = sorted(_reaching(candidate))
    if reaching:
        return f"the candidate reaches into its own interpreter ({', '.join(reaching[:4])}), where its answers " \
               "are reported: its verdict would not be its program's"
    defined, given = _top_level_definitions(candidate), _top_level_definitions(original)
    # Names the test reads, and names the prompt's own helpers read (they share the module in HumanEval's
    # run), that neither binds itself.
    read = _read_not_bound(checks) | (_read_not_bound(original) - set(given))
    shadowed = sorted(name for name in read - {entry_point} if name in defined and defined[name] != given.get(name))
    if shadowed:
        return f"the candidate redefines {', '.join(shadowed[:4])}, which the test uses: in HumanEval's run the " \
               "test would use the candidate's version, here its own"
    return None


def identity_checks(test: str) -> str | None:
    """A test that compares objects by identity (`a is b` beyond None/True/False, `id(...)`): values
    cross between the processes as copies, and which objects the candidate shares with its arguments
    is reported by the candidate's own process, so no verdict on it can be trusted."""
    for node in ast.walk(ast.parse(test)):
        if isinstance(node, ast.Compare) and any(isinstance(op, (ast.Is, ast.IsNot)) for op in node.ops):
            sides = [node.left, *node.comparators]
            if not any(isinstance(side, ast.Constant) and side.value in (None, True, False) for side in sides):
                return f"the test compares objects by identity (line {node.lineno}), which cannot be checked " \
                       "across the sandbox boundary"
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "id":
            return f"the test compares object ids (line {node.lineno}), which cannot be checked across the " \
                   "sandbox boundary"
        if isinstance(node, (ast.Name, ast.Attribute)) and (node.id if isinstance(node, ast.Name) else node.attr) \
                in INTROSPECTION:
            return f"the test inspects the function itself (line {node.lineno}); it would inspect a stand-in here"
    return None


INTROSPECTION = frozenset({"inspect", "signature", "__code__", "__defaults__", "__kwdefaults__", "__wrapped__",
                           "__closure__", "__annotations__", "__qualname__", "__module__", "getsource"})
