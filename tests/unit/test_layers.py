"""The layers keep their arrows: only ``stationapp.ui`` touches Qt, and the UI writes no SQL.

* Every module of ``domain``, ``db``, ``services``, ``workflows``, ``demo``, ``reports``
  and ``cli`` imports in a fresh interpreter in which any import of PySide6 or shiboken6 raises
  ImportError.
  The modules are found by ``pkgutil.walk_packages`` there and checked against the files
  on disk, so a module added tomorrow is covered without touching this test.
* Statically (ast): no module outside ``stationapp/ui`` imports PySide6/shiboken6 (not
  even lazily inside a function), and no module in ``stationapp/ui`` builds or runs SQL.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "stationapp"
UI = PACKAGE / "ui"

QT_FREE_LAYERS = ("domain", "db", "services", "workflows", "demo", "reports",
                  "documents", "cli")
QT_MODULES = ("PySide6", "shiboken6")

# Loaded by Alembic through its own machinery, not importable on their own (env.py reads
# alembic.context.config at import). Their imports are still checked statically below.
NOT_IMPORTABLE = ("stationapp.db.migrations.env", "stationapp.db.migrations.versions")

# Runs in a fresh interpreter: blocks Qt, imports every module of the layers, prints them.
IMPORT_EVERYTHING = r"""
import importlib, importlib.util, json, pkgutil, sys

BLOCKED = {blocked!r}
SKIP = {skip!r}

class BlockQt:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ImportError(f"Qt is blocked in this layer: import of {{name}}")
        return None

sys.meta_path.insert(0, BlockQt())

try:
    import PySide6  # noqa: F401
except ImportError:
    pass
else:
    raise SystemExit("the PySide6 blocker does not work")

def skipped(name):
    return any(name == s or name.startswith(s + ".") for s in SKIP)

def fail(name):
    raise ImportError(f"could not walk {{name}}")

imported = []
for layer in {layers!r}:
    top = "stationapp." + layer
    if importlib.util.find_spec(top) is None:
        continue
    module = importlib.import_module(top)
    imported.append(top)
    if hasattr(module, "__path__"):
        for info in pkgutil.walk_packages(module.__path__, top + ".", onerror=fail):
            if skipped(info.name):
                continue
            importlib.import_module(info.name)
            imported.append(info.name)

leaked = sorted(m for m in sys.modules if m.split(".")[0] in BLOCKED)
if leaked:
    raise SystemExit(f"Qt modules were loaded: {{leaked}}")
print(json.dumps(imported))
"""


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_importable_file(path: Path, layer_folder: Path) -> bool:
    """A .py file reachable by walking the layer: every folder below the layer's own
    (which may still be a namespace package without __init__.py) is a regular package."""
    folder = path.parent
    while folder != layer_folder:
        if not (folder / "__init__.py").is_file():
            return False
        folder = folder.parent
    return True


def _expected_modules() -> set[str]:
    names: set[str] = set()
    for layer in QT_FREE_LAYERS:
        module_file = PACKAGE / f"{layer}.py"
        if module_file.is_file():
            names.add(f"stationapp.{layer}")
        folder = PACKAGE / layer
        if folder.is_dir():
            names.add(f"stationapp.{layer}")
            names.update(
                _module_name(path)
                for path in folder.rglob("*.py")
                if _is_importable_file(path, folder)
            )
    return {
        name
        for name in names
        if not any(name == skip or name.startswith(skip + ".") for skip in NOT_IMPORTABLE)
    }


def _python_files(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*.py") if "__pycache__" not in path.parts)


def _where(path: Path, node: ast.AST) -> str:
    return f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', '?')}"


def test_qt_free_layers_import_with_pyside6_blocked() -> None:
    code = IMPORT_EVERYTHING.format(blocked=QT_MODULES, skip=NOT_IMPORTABLE, layers=QT_FREE_LAYERS)
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, f"importing without Qt failed:\n{result.stderr}{result.stdout}"
    imported = json.loads(result.stdout.strip().splitlines()[-1])
    assert "stationapp.domain" in imported
    # pkgutil found every module that exists on disk, no more, no fewer.
    assert set(imported) == _expected_modules()


def _qt_imports(tree: ast.AST) -> list[ast.AST]:
    found: list[ast.AST] = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        elif (
            isinstance(node, ast.Call)
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
            and (
                (
                    isinstance(node.func, ast.Name)
                    and node.func.id in {"__import__", "import_module"}
                )
                or (isinstance(node.func, ast.Attribute) and node.func.attr == "import_module")
            )
        ):
            names = [node.args[0].value]
        if any(name.split(".")[0] in QT_MODULES for name in names):
            found.append(node)
    return found


def test_no_module_outside_ui_imports_qt() -> None:
    offenders = [
        _where(path, node)
        for path in _python_files(PACKAGE)
        if UI not in path.parents
        for node in _qt_imports(ast.parse(path.read_text(encoding="utf-8"), str(path)))
    ]
    assert not offenders, f"Qt imported outside stationapp/ui: {offenders}"


# Running SQL: a Session/Connection method. Building SQL: SQLAlchemy's statement functions.
SQL_RUNNING_METHODS = {"execute", "exec_driver_sql", "scalar", "scalars"}
SQL_BUILDERS = {"select", "insert", "update", "delete", "text", "union", "exists"}


def _sql_in_ui(tree: ast.AST) -> list[ast.AST]:
    found: list[ast.AST] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr in SQL_RUNNING_METHODS:
                found.append(node)  # session.execute(...), connection.scalar(...)
            elif isinstance(func, ast.Name) and func.id == "select":
                found.append(node)  # select(Household)
            elif (
                isinstance(func, ast.Attribute)
                and func.attr in SQL_BUILDERS
                and isinstance(func.value, ast.Name)
                and func.value.id in {"sqlalchemy", "sa"}
            ):
                found.append(node)  # sa.select(...)
        elif (
            isinstance(node, ast.ImportFrom)
            and (node.module or "").split(".")[0] == "sqlalchemy"
            and any(alias.name in SQL_BUILDERS for alias in node.names)
        ):
            found.append(node)  # from sqlalchemy import select
    return found


def test_ui_writes_no_sql() -> None:
    if not UI.is_dir():
        pytest.skip("stationapp/ui does not exist yet")
    offenders = [
        _where(path, node)
        for path in _python_files(UI)
        for node in _sql_in_ui(ast.parse(path.read_text(encoding="utf-8"), str(path)))
    ]
    assert not offenders, f"the UI must ask a service instead of running SQL: {offenders}"


def test_the_static_checks_catch_what_they_should() -> None:
    qt = ast.parse(
        "import PySide6\n"
        "from PySide6.QtWidgets import QWidget\n"
        "import shiboken6.Shiboken\n"
        "def later():\n    importlib.import_module('PySide6.QtCore')\n"
        "import PySide6x\n"
        "from .PySide6 import x\n"
    )
    assert len(_qt_imports(qt)) == 4
    sql = ast.parse(
        "from sqlalchemy import select\n"
        "session.execute(select(Household))\n"
        "rows = session.scalars(q)\n"
        "sa.text('x')\n"
        "self.selection_model.select(index, flags)\n"
        "dialog.exec()\n"
        "from sqlalchemy.orm import Session\n"
    )
    assert len(_sql_in_ui(sql)) == 5
