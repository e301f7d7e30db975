"""No import circles inside ``stationapp/ui``, and no ui module imports a sibling page.

Read statically with ``ast`` (no Qt is imported): every ``import``/``from … import`` of a
ui module counts, also those inside functions and under ``TYPE_CHECKING``, since a circle
hidden in a function is still a circle a maintainer has to untangle.
"""

from __future__ import annotations

import ast
import itertools
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "stationapp" / "ui"
UI_PACKAGE = "stationapp.ui"

# The window that assembles the pages; every other module reaches a page's helpers through
# a small shared module instead (desk_settings, formatting, pdf_work …).
PAGE_ASSEMBLERS = frozenset({"main_window"})

Graph = dict[str, dict[str, int]]
"""Module → the sibling modules it imports, each with the line of the first import."""


def _imported_siblings(tree: ast.AST, siblings: set[str]) -> dict[str, int]:
    found: dict[str, int] = {}

    def add(name: str, line: int) -> None:
        if name in siblings:
            found.setdefault(name, line)

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith(UI_PACKAGE + "."):
                    add(alias.name.split(".")[2], node.lineno)
        elif isinstance(node, ast.ImportFrom):
            absolute = node.level == 0 and node.module is not None
            if (absolute and node.module == UI_PACKAGE) or (node.level == 1 and not node.module):
                for alias in node.names:  # from stationapp.ui import events_page
                    add(alias.name, node.lineno)
            elif absolute and node.module and node.module.startswith(UI_PACKAGE + "."):
                add(node.module.split(".")[2], node.lineno)
            elif node.level == 1 and node.module:
                add(node.module.split(".")[0], node.lineno)
    return found


def import_graph(folder: Path) -> Graph:
    """The imports between the modules of ``folder`` (a flat package)."""
    files = {p.stem: p for p in sorted(folder.glob("*.py")) if p.stem != "__init__"}
    siblings = set(files)
    graph: Graph = {}
    for name, path in files.items():
        edges = _imported_siblings(ast.parse(path.read_text(encoding="utf-8")), siblings)
        edges.pop(name, None)
        graph[name] = edges
    return graph


def cycles(graph: Graph) -> list[list[str]]:
    """One circle through each strongly connected group of modules (Tarjan), as a path
    that starts and ends with the same module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, {}):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group: set[str] = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(group)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return [_circle_in(graph, group) for group in groups]


def _circle_in(graph: Graph, group: set[str]) -> list[str]:
    """A shortest circle from the alphabetically first module of ``group`` back to it."""
    start = min(group)
    paths: dict[str, list[str]] = {start: [start]}
    frontier = [start]
    while frontier:
        following: list[str] = []
        for node in frontier:
            for target in sorted(graph[node]):
                if target == start:
                    return [*paths[node], start]
                if target in group and target not in paths:
                    paths[target] = [*paths[node], target]
                    following.append(target)
        frontier = following
    raise AssertionError(f"no circle through {start}")  # a strongly connected group has one


def describe(graph: Graph, circle: list[str]) -> str:
    """``a.py:12 → b.py:30 → a.py`` — each step with the line of its import."""
    steps = [f"{a}.py:{graph[a][b]}" for a, b in itertools.pairwise(circle)]
    return " → ".join([*steps, f"{circle[-1]}.py"])


def test_no_import_cycles_in_ui() -> None:
    graph = import_graph(UI)
    found = cycles(graph)
    assert not found, "import circles in stationapp/ui:\n" + "\n".join(
        describe(graph, c) for c in found
    )


def test_no_ui_module_imports_a_sibling_page() -> None:
    graph = import_graph(UI)
    offending = [
        f"{module}.py:{line} imports {target}"
        for module, edges in sorted(graph.items())
        if module not in PAGE_ASSEMBLERS
        for target, line in sorted(edges.items())
        if target.endswith("_page")
    ]
    assert not offending, "only the main window imports pages:\n" + "\n".join(offending)


def test_the_check_finds_circles_also_inside_functions(tmp_path: Path) -> None:
    (tmp_path / "__init__.py").write_text("")
    (tmp_path / "a_page.py").write_text("from stationapp.ui.b_dialog import B\n")
    (tmp_path / "b_dialog.py").write_text(
        "def f():\n    from stationapp.ui import c\n    return c\n"
    )
    (tmp_path / "c.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .a_page import A\n"
    )
    (tmp_path / "d.py").write_text("import stationapp.ui.c\nfrom stationapp.ui.c import x\n")
    graph = import_graph(tmp_path)
    assert graph == {"a_page": {"b_dialog": 1}, "b_dialog": {"c": 2}, "c": {"a_page": 3},
                     "d": {"c": 1}}
    assert [describe(graph, c) for c in cycles(graph)] == [
        "a_page.py:1 → b_dialog.py:2 → c.py:3 → a_page.py"
    ]
