"""Reading core's source for the words it shows people: marked strings, and unmarked error messages."""

from __future__ import annotations

import ast
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "organizer" / "core"
MARKERS = ("_", "N_", "window_text")


@dataclass(frozen=True)
class Site:
    """A string found in core's source, with where it is."""

    path: Path
    line: int
    text: str
    plural: str = ""  # the plural form for ngettext

    def __str__(self) -> str:
        return f"{self.path.relative_to(CORE.parents[1])}:{self.line}: {self.text!r}"


def core_trees() -> Iterator[tuple[Path, ast.Module]]:
    for path in sorted(CORE.rglob("*.py")):
        yield path, ast.parse(path.read_text(encoding="utf-8"), str(path))


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def marked_strings() -> tuple[list[Site], list[Site], list[Site]]:
    """(singles, plurals, misuses): `_`/`N_` literals, ngettext pairs, and markers given an f-string."""
    singles: list[Site] = []
    plurals: list[Site] = []
    misuses: list[Site] = []
    for path, tree in core_trees():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _name(node.func)
            args = node.args
            if name in MARKERS and args:
                if isinstance(args[0], ast.Constant) and isinstance(args[0].value, str):
                    singles.append(Site(path, node.lineno, args[0].value))
                elif isinstance(args[0], ast.JoinedStr):
                    misuses.append(Site(path, node.lineno, ast.unparse(args[0])))
            elif name == "ngettext" and len(args) == 3:
                one, other = args[0], args[1]
                if all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in (one, other)):
                    assert isinstance(one, ast.Constant) and isinstance(other, ast.Constant)
                    plurals.append(Site(path, node.lineno, one.value, other.value))
                elif any(isinstance(a, ast.JoinedStr) for a in (one, other)):
                    misuses.append(Site(path, node.lineno, ast.unparse(node)))
    return singles, plurals, misuses


def user_facing_errors() -> set[str]:
    """Names of core's exception classes that derive from UserFacingError (messages shown as is)."""
    bases: dict[str, set[str]] = {}
    other_first: set[str] = set()  # classes whose first argument is not the message (a reason)
    for _path, tree in core_trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases.setdefault(node.name, set()).update(_name(b) for b in node.bases)
                for item in node.body:
                    if (isinstance(item, ast.FunctionDef) and item.name == "__init__"
                            and item.args.args[1:2] and item.args.args[1].arg != "message"):
                        other_first.add(node.name)
    found = {"UserFacingError"}
    grew = True
    while grew:
        grew = False
        for name, parents in bases.items():
            if name not in found and parents & found:
                found.add(name)
                grew = True
    return found - other_first


def _is_bare_text(node: ast.expr) -> bool:
    """A literal or f-string (or a sum of them) that reaches the user untranslated."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and " " in node.value.strip()  # words, not a code
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _is_bare_text(node.left) or _is_bare_text(node.right)
    if isinstance(node, ast.IfExp):
        return _is_bare_text(node.body) or _is_bare_text(node.orelse)
    return False


def unmarked_error_messages() -> list[Site]:
    """`SomeUserFacingError("words")` (raised or returned) whose words are not wrapped in `_()`."""
    errors = user_facing_errors()
    found: list[Site] = []
    for path, tree in core_trees():
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and node.args and _name(node.func) in errors
                    and _is_bare_text(node.args[0])):
                found.append(Site(path, node.lineno, ast.unparse(node.args[0])[:90]))
    return found


def hidden_translators() -> list[Site]:
    """Functions that call `_()` but also bind `_` (a throwaway loop variable): `_` is then a local
    there, and the call fails at run time."""
    found: list[Site] = []
    for path, tree in core_trees():
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            nodes = list(_own_nodes(function))
            calls = any(isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "_"
                        for n in nodes)
            binds = any(isinstance(n, ast.Name) and n.id == "_" and isinstance(n.ctx, ast.Store)
                        for n in nodes)
            if calls and binds:
                found.append(Site(path, function.lineno, function.name))
    return found


def _own_nodes(function: ast.AST) -> Iterator[ast.AST]:
    """The nodes of a function's own scope (not of comprehensions, lambdas or inner functions)."""
    scopes = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ListComp, ast.SetComp,
              ast.DictComp, ast.GeneratorExp, ast.ClassDef)
    for child in ast.iter_child_nodes(function):
        yield child
        if not isinstance(child, scopes):
            yield from _own_nodes(child)


def guidance_texts() -> list[str]:
    """The words of resources/guidance/*.json, which core shows through `_()` (data, not code)."""
    texts: list[str] = []
    for path in sorted((CORE.parents[1] / "resources" / "guidance").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        texts += [data["title"], data["introduction"]]
        texts += [text for link in data["links"] for text in (link["title"], link["description"])]
    return texts
