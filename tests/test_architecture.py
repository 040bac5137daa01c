"""The shape of the house: imports flow one way, the model never sees Textual, and only
Textual's public API is used.

The import graph is read with `ast` from the source, so an import inside a function or under
`if TYPE_CHECKING:` counts like any other.
"""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import explorer

PACKAGE = Path(explorer.__file__).parent
UI_PACKAGES = ("explorer.screens", "explorer.widgets", "explorer.palette")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, ast.Module]:
    return {
        module_name(path): ast.parse(path.read_text(encoding="utf-8"), str(path))
        for path in sorted(PACKAGE.rglob("*.py"))
    }


def imported_names(module: str, tree: ast.Module) -> Iterator[tuple[str, int]]:
    """Every module name an import statement reaches (`from a import b` gives a and a.b)."""
    package = module if module in PACKAGES else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            yield base, node.lineno
            for alias in node.names:
                yield f"{base}.{alias.name}", node.lineno


PACKAGES = {module_name(p.parent) for p in PACKAGE.rglob("__init__.py")}
MODULES = modules()


def import_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {name: set() for name in MODULES}
    for name, tree in MODULES.items():
        for target, _line in imported_names(name, tree):
            if target in MODULES and target != name:
                graph[name].add(target)
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle as a path a -> b -> ... -> a, or None. Packages importing their own
    submodules (an `__init__` re-exporting) are edges like any other."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state:
                found = visit(target)
                if found:
                    return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def test_no_import_cycle_between_modules_of_explorer() -> None:
    assert find_cycle(import_graph()) is None


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_no_screen_widget_or_palette_provider_imports_the_app() -> None:
    offenders = [
        f"{name}:{line}"
        for name, tree in MODULES.items()
        if name.startswith(UI_PACKAGES)
        for target, line in imported_names(name, tree)
        if target == "explorer.app" or target.startswith("explorer.app.")
    ]
    assert offenders == []


def test_no_module_casts_the_app_to_its_class() -> None:
    offenders = [
        f"{name}:{node.lineno}"
        for name, tree in MODULES.items()
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", None) == "cast"
        and "ExplorerApp" in ast.unparse(node.args[0])
    ]
    assert offenders == []


def test_the_model_never_imports_textual() -> None:
    offenders = [
        f"{name}:{line} {target}"
        for name, tree in MODULES.items()
        if name.startswith("explorer.model")
        for target, line in imported_names(name, tree)
        if target.split(".")[0] in {"textual", "rich"} or target == "explorer.app"
    ]
    assert offenders == []


def test_the_model_loads_without_textual_at_run_time() -> None:
    code = (
        "import sys, pkgutil, importlib, explorer.model as m\n"
        "for info in pkgutil.iter_modules(m.__path__):\n"
        "    importlib.import_module(f'explorer.model.{info.name}')\n"
        "bad = sorted(n for n in sys.modules if n == 'textual' or n.startswith('textual.'))\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def private_textual_uses(name: str, tree: ast.Module) -> Iterator[str]:
    """Imports of a private Textual module or member, and attribute access to a private
    member of a name imported from Textual (`textual._x`, `Tree._y`)."""
    from_textual: set[str] = set()  # local names bound to Textual modules or classes
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "textual":
                    if any(part.startswith("_") for part in alias.name.split(".")):
                        yield f"{name}:{node.lineno} import {alias.name}"
                    from_textual.add((alias.asname or alias.name).split(".")[0])
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "textual":
            if any(part.startswith("_") for part in (node.module or "").split(".")):
                yield f"{name}:{node.lineno} from {node.module}"
            for alias in node.names:
                if alias.name.startswith("_"):
                    yield f"{name}:{node.lineno} from {node.module} import {alias.name}"
                from_textual.add(alias.asname or alias.name)
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
            and isinstance(node.value, ast.Name)
            and node.value.id in from_textual
        ):
            yield f"{name}:{node.lineno} {node.value.id}.{node.attr}"
    # Private members Textual's own objects carry, read or overridden from our subclasses.
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            private = textual_private_members(node, from_textual_objects(tree))
            for inner in ast.walk(node):
                if (
                    isinstance(inner, ast.FunctionDef | ast.AsyncFunctionDef)
                    and inner.name in private
                ):
                    yield f"{name}:{inner.lineno} def {node.name}.{inner.name}"
                elif isinstance(inner, ast.Attribute) and inner.attr in private:
                    yield f"{name}:{inner.lineno} .{inner.attr}"
        if isinstance(node, ast.Attribute) and node.attr in TEXTUAL_INSTANCE_MEMBERS:
            yield f"{name}:{node.lineno} .{node.attr}"


def from_textual_objects(tree: ast.Module) -> dict[str, object]:
    """The objects a module imports from Textual, by local name."""
    found: dict[str, object] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "textual":
            module = importlib.import_module(node.module or "textual")
            for alias in node.names:
                if hasattr(module, alias.name):
                    found[alias.asname or alias.name] = getattr(module, alias.name)
    return found


def textual_private_members(node: ast.ClassDef, imported: dict[str, object]) -> set[str]:
    """Names starting with `_` (not dunders) defined by the Textual classes `node` extends."""
    names: set[str] = set()
    for base in node.bases:
        target = base.value if isinstance(base, ast.Subscript) else base
        cls = imported.get(target.id) if isinstance(target, ast.Name) else None
        if not isinstance(cls, type):
            continue
        for ancestor in cls.__mro__:
            if ancestor.__module__.split(".")[0] == "textual":
                names.update(
                    n for n in vars(ancestor) if n.startswith("_") and not n.endswith("__")
                )
    return names


# Private attributes Textual sets on its instances (not visible on the classes).
TEXTUAL_INSTANCE_MEMBERS = frozenset(
    {"_bindings", "_compositor", "_keymap", "_tree_lines_cached", "_cursor_node", "_label"}
)


def test_only_textuals_public_api_is_used() -> None:
    offenders = [use for name, tree in MODULES.items() for use in private_textual_uses(name, tree)]
    assert offenders == []


def test_the_private_use_finder_finds_private_uses() -> None:
    source = (
        "import textual._xterm_parser\n"
        "from textual._two_way_dict import TwoWayDict\n"
        "from textual.widget import _private\n"
        "from textual.widgets import Tree\n"
        "Tree._tree_lines\n"
        "node._bindings\n"
        "class T(Tree):\n"
        "    def _invalidate(self): ...\n"
        "    def own(self): self._refresh_node(None)\n"
    )
    found = list(private_textual_uses("m", ast.parse(source)))
    assert len(found) == 7, found
