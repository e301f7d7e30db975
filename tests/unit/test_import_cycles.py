"""No import circles among stationapp's modules outside ``stationapp/ui``.

The graph is read statically with ``ast`` (nothing is imported). Every import counts: at
module level, inside functions, and under ``TYPE_CHECKING``. An import moved into a
function still ties the two modules together (it only hides the circle from Python's
import machinery), and a type-only import is still a dependency a maintainer has to
follow, one ``typing.get_type_hints`` away from a runtime one; import-linter, which the
project's contracts use, counts both too.

Cross-entity rules live in ``stationapp/workflows``, which calls the entity services;
no service (nor anything below it) calls a workflow back.
"""

from __future__ import annotations

import ast
import graphlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "stationapp"

Graph = dict[str, set[str]]
"""Module → the stationapp modules it imports."""


def module_names() -> dict[str, Path]:
    """Every module of the package by dotted name (a package by its ``__init__``)."""
    names: dict[str, Path] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join(parts)] = path
    return names


def _owner(name: str, modules: dict[str, Path]) -> str | None:
    """The module a dotted name lives in (``a.b.func`` → ``a.b``), or None outside."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def _package_of(module: str, path: Path) -> str:
    return module if path.name == "__init__.py" else module.rpartition(".")[0]


def imports_of(module: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The stationapp modules ``module`` imports, wherever in the file the import is."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = _package_of(module, path)
                for _ in range(node.level - 1):
                    package = package.rpartition(".")[0]
                base = f"{package}.{base}" if base else package
            # ``from pkg import mod`` names a module, ``from mod import func`` an object.
            targets = [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        found.update(owner for t in targets if (owner := _owner(t, modules)) is not None)
    found.discard(module)
    return found


def import_graph() -> Graph:
    """The imports between all of stationapp's modules."""
    modules = module_names()
    return {name: imports_of(name, path, modules) for name, path in modules.items()}


def non_ui(graph: Graph) -> Graph:
    """``graph`` without ``stationapp.ui`` and the migration scripts (Alembic's, run
    by file name, never imported)."""

    def kept(name: str) -> bool:
        return not (name == "stationapp.ui" or name.startswith("stationapp.ui.")
                    or ".migrations." in name)

    return {m: {t for t in targets if kept(t)} for m, targets in graph.items() if kept(m)}


def find_cycle(graph: Graph) -> list[str] | None:
    """One import circle of ``graph`` as a path that ends where it starts, or None."""
    try:
        graphlib.TopologicalSorter(graph).prepare()
    except graphlib.CycleError as exc:
        return list(reversed(exc.args[1]))
    return None


def test_no_import_cycle_outside_ui() -> None:
    """Among domain, db, services, workflows, reports, cli …, imports go one way."""
    cycle = find_cycle(non_ui(import_graph()))
    assert cycle is None, "import circle: " + " → ".join(cycle or [])


def test_nothing_below_workflows_imports_them() -> None:
    """Workflows call services; services, db, domain and reports never call a workflow."""
    below = ("stationapp.domain", "stationapp.db", "stationapp.services", "stationapp.reports")
    offenders = sorted(
        f"{module} imports {target}"
        for module, targets in import_graph().items() if module.startswith(below)
        for target in targets if target.startswith("stationapp.workflows")
    )
    assert not offenders, "\n".join(offenders)


def test_the_check_sees_hidden_and_relative_imports(tmp_path: Path) -> None:
    """The graph counts imports inside functions, under TYPE_CHECKING and relative ones,
    and a circle is reported with its path."""
    modules = {"p": tmp_path / "__init__.py", "p.a": tmp_path / "a.py",
               "p.b": tmp_path / "b.py", "p.c": tmp_path / "c.py"}
    modules["p"].write_text("")
    modules["p.a"].write_text("def f():\n    from p.b import g\n")
    modules["p.b"].write_text("from typing import TYPE_CHECKING\n"
                              "if TYPE_CHECKING:\n    from . import c\n")
    modules["p.c"].write_text("from .a import f\nimport os\n")
    graph = {name: imports_of(name, path, modules) for name, path in modules.items()}
    assert graph == {"p": set(), "p.a": {"p.b"}, "p.b": {"p.c"}, "p.c": {"p.a"}}
    cycle = find_cycle(graph)
    assert cycle is not None and cycle[0] == cycle[-1] and set(cycle) == {"p.a", "p.b", "p.c"}
    assert find_cycle({"p.a": {"p.b"}, "p.b": set()}) is None
