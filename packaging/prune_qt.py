"""Prune PySide6 in a packaged environment to the Qt the program loads.

Usage: ``prune_qt.py ENV`` (a venv). The PySide6 wheels carry all of Qt (~650 MB): WebEngine,
Quick/QML, 3D, Multimedia, Designer … stationapp imports only the Python modules in
:data:`KEEP_MODULES` (``grep -rh "from PySide6" stationapp``). Kept are those modules, the
plugins a desktop session needs (:data:`KEEP_PLUGINS`) and Qt's own Chinese/English
translations; of ``Qt/lib`` only the libraries these need (``ldd``). Anything a kept file
needs and that is gone is an error, so a pruned package never fails on the clerk's desk.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

KEEP_MODULES = {"QtCore", "QtGui", "QtWidgets", "QtPdf", "QtPdfWidgets", "QtPrintSupport",
                "QtDBus"}
"""PySide6 modules the program imports (QtDBus: loaded by the platform theme/input plugins)."""

KEEP_PLUGINS = {
    "platforms", "platformthemes", "platforminputcontexts", "imageformats", "iconengines",
    "xcbglintegrations", "egldeviceintegrations", "printsupport", "styles", "generic",
    "wayland-shell-integration", "wayland-decoration-client",
    "wayland-graphics-integration-client",
}
"""Plugin folders a desktop session may load: windows (X11, Wayland, offscreen), input
methods (ibus/fcitx for Chinese input), images, printing."""

DROP_PLUGIN_FILES = {"libqtvirtualkeyboardplugin.so"}
"""Plugins of kept folders that would drag in Qt Quick/QML (~15 MB): the on-screen keyboard."""

DROP_DIRS = ("Qt/qml", "Qt/resources", "Qt/libexec", "Qt/metatypes", "include", "typesystems",
             "glue", "doc", "scripts", "assistant", "designer", "linguist", "balsam", "balsamui",
             "lupdate", "lrelease", "qmlformat", "qmllint", "qmlls", "qsb", "svgtoqml")
"""Folders and tools of PySide6 the program never uses."""

TRANSLATION = re.compile(r"qt(base)?_(zh_CN|en)\.qm")


def site_packages(env: Path) -> Path:
    """The ``site-packages`` folder of the venv ``env``."""
    found = sorted(env.glob("lib/python3*/site-packages"))
    if len(found) != 1:
        raise SystemExit(f"prune_qt: no single site-packages under {env}")
    return found[0]


def remove(path: Path) -> None:
    """Delete a file, link or folder."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


def needed_libraries(binaries: list[Path]) -> tuple[set[str], set[tuple[str, str]]]:
    """The file names ``ldd`` resolves for ``binaries``, and the (binary, library) pairs it
    could not resolve."""
    names: set[str] = set()
    missing: set[tuple[str, str]] = set()
    for binary in binaries:
        result = subprocess.run(["ldd", str(binary)], capture_output=True, text=True,
                                check=False)
        for line in result.stdout.splitlines():
            if "not found" in line:
                missing.add((binary.name, line.split()[0]))
            match = re.search(r"=>\s+(\S+)", line)
            if match:
                names.add(Path(match.group(1)).name)
    return names, missing


def prune(env: Path) -> None:
    """Prune the PySide6 of ``env`` in place; raise SystemExit when a kept file lacks a library."""
    pyside = site_packages(env) / "PySide6"
    qt = pyside / "Qt"
    for name in DROP_DIRS:
        remove(pyside / name)
    for stub in pyside.glob("*.pyi"):
        remove(stub)
    for module in pyside.glob("Qt*.abi3.so"):
        if module.name.split(".")[0] not in KEEP_MODULES:
            remove(module)
    for folder in (qt / "plugins").iterdir():
        if folder.name not in KEEP_PLUGINS:
            remove(folder)
    for plugin in (qt / "plugins").rglob("*.so"):
        if plugin.name in DROP_PLUGIN_FILES:
            remove(plugin)
    for translation in (qt / "translations").iterdir():
        if not TRANSLATION.fullmatch(translation.name):
            remove(translation)

    kept = [*pyside.glob("*.so*"), *(qt / "plugins").rglob("*.so")]
    shipped = {library.name for library in (qt / "lib").iterdir()}
    # Libraries of Qt/lib needed by kept files (ldd lists each file's whole closure).
    needed, missing_before = needed_libraries(kept)
    for library in (qt / "lib").iterdir():
        if library.is_file() and library.name not in needed:
            remove(library)
    _, missing = needed_libraries([*kept, *(qt / "lib").glob("*.so*")])
    pruned_away = sorted(f"{binary}: {library}" for binary, library in missing - missing_before
                         if library in shipped)
    if pruned_away:
        raise SystemExit("prune_qt: pruned too much:\n" + "\n".join(pruned_away))
    for binary, library in sorted(missing):
        print(f"prune_qt: note: {binary} needs {library}, not on this machine "
              "(a system library, or a Qt part the wheel does not ship)", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    prune(Path(sys.argv[1]))
