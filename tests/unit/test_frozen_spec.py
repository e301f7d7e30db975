"""The frozen program (PyInstaller spec) carries everything the program loads by path.

The PyInstaller spec (packaging/windows/stationapp.spec) lists, in ``DATAS``, the folders
the program reads files from; the wheel (and so the .deb) force-includes resources/. A file
added under resources/ or stationapp/db/migrations/ must reach every package.
"""

from __future__ import annotations

import ast
import fnmatch
import tomllib
from pathlib import Path, PurePosixPath

import pytest

import stationapp
from stationapp import paths
from stationapp.db import migrate

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "windows" / "stationapp.spec"


def spec_constant(name: str) -> list[object]:
    """A constant list assigned at the top of the spec (read without running PyInstaller)."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
                isinstance(target, ast.Name) and target.id == name for target in node.targets):
            value = ast.literal_eval(node.value)
            assert isinstance(value, list)
            return value
    raise AssertionError(f"{SPEC.name} has no {name}")


def bundle_path(source: Path) -> PurePosixPath | None:
    """Where the spec puts the checkout file ``source`` in the frozen bundle (None: nowhere)."""
    relative = source.relative_to(ROOT).as_posix()
    excluded = spec_constant("EXCLUDED_FROM_DATAS")
    if any(fnmatch.fnmatch(relative, str(pattern)) for pattern in excluded):
        return None
    for entry in spec_constant("DATAS"):
        assert isinstance(entry, tuple)
        folder, target = entry
        if relative == folder or relative.startswith(f"{folder}/"):
            return PurePosixPath(target) / relative[len(folder):].lstrip("/")
    return None


def loaded_files() -> list[Path]:
    """Every file the program may read by path: resources/ (but the .ts translation
    sources) and the Alembic migrations (env.py, the template, every version)."""
    found = [p for p in (ROOT / "resources").rglob("*") if p.is_file() and p.suffix != ".ts"]
    found += [p for p in migrate.MIGRATIONS_DIR.rglob("*")
              if p.is_file() and "__pycache__" not in p.parts]
    return sorted(found)


def test_the_spec_bundles_every_file_the_program_loads_where_it_looks_for_it() -> None:
    package = Path(stationapp.__file__).resolve().parent
    files = loaded_files()
    assert any(p.suffix == ".qm" for p in files)
    assert any(p.name == "env.py" for p in files)
    assert any(p.parent.name == "versions" and p.suffix == ".py" for p in files)
    for source in files:
        target = bundle_path(source)
        assert target is not None, f"{source.relative_to(ROOT)} is not in the spec's DATAS"
        # Frozen, the package folder is <bundle>/stationapp: the program looks there.
        if source.is_relative_to(ROOT / "resources"):
            expected = PurePosixPath("stationapp/resources") / source.relative_to(
                ROOT / "resources").as_posix()
        else:
            expected = PurePosixPath("stationapp") / source.relative_to(package).as_posix()
        assert target == expected


def test_the_spec_leaves_out_only_files_the_program_never_reads() -> None:
    for pattern in spec_constant("EXCLUDED_FROM_DATAS"):
        assert str(pattern).endswith(".ts")


def test_the_wheel_carries_resources_where_the_program_looks_first() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    wheel = project["tool"]["hatch"]["build"]["targets"]["wheel"]
    assert wheel["force-include"]["resources"] == "stationapp/resources"
    assert wheel["packages"] == ["stationapp"]  # the migrations are inside the package


def test_resources_are_found_in_an_installed_layout(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Installed (wheel, .deb, frozen bundle), resources/ sits inside the package folder."""
    package = tmp_path / "site-packages" / "stationapp"
    (package / "resources" / "translations").mkdir(parents=True)
    monkeypatch.setattr(paths, "__file__", str(package / "paths.py"))
    assert paths.resources_dir() == package / "resources"
    assert paths.resource_path("translations", "x.qm") == package / "resources/translations/x.qm"
