"""Install the program's and Qt's own translations for the language of the desk."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from stationapp import messages
from stationapp.paths import resource_path

log = logging.getLogger("stationapp.ui")

CHINESE = "zh_CN"
ENGLISH = "en"
TRANSLATION_BASENAME = "stationapp"


def resolve_language(lang: str | None) -> str:
    """The language to show: ``zh_CN`` for any Chinese request or locale, else ``en``.

    ``lang`` comes from ``--lang``; None means the system locale decides.
    """
    wanted = (lang or QLocale.system().name()).strip().replace("-", "_").lower()
    return CHINESE if wanted.startswith("zh") else ENGLISH


def install_translators(app: QCoreApplication, lang: str | None) -> str:
    """Load the stationapp and Qt (qtbase) translations for ``lang``; return the language used.

    English is the source language, so ``en`` installs nothing. A missing translation file
    is logged, not fatal: the English source strings show instead. The messages services
    report (:mod:`stationapp.messages`) are spoken in the same language.
    """
    language = resolve_language(lang)
    # Switching language drops the translators of the language before.
    for earlier in app.findChildren(QTranslator):
        app.removeTranslator(earlier)
        earlier.deleteLater()
    messages.set_language(language)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China)
                       if language == CHINESE else QLocale(QLocale.Language.English))
    if language == ENGLISH:
        return language
    ours = resource_path("translations", f"{TRANSLATION_BASENAME}_{CHINESE}.qm")
    _install(app, ours.name, str(ours.parent), f"{TRANSLATION_BASENAME}_{CHINESE}")
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    _install(app, f"qtbase_{CHINESE}", qt_dir, f"qtbase_{CHINESE}")
    return language


def _install(app: QCoreApplication, what: str, directory: str, filename: str) -> None:
    translator = QTranslator(app)
    if translator.load(filename, directory):
        app.installTranslator(translator)
        log.info("translation %s loaded from %s", what, directory)
    else:
        translator.deleteLater()
        log.warning("translation %s not found in %s", what, directory)
