"""The desk's language reaches the messages services report, not only the Qt strings."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from stationapp import messages
from stationapp.domain.errors import ValidationError
from stationapp.domain.people import check_phone
from stationapp.ui.i18n import install_translators


def test_installing_a_language_makes_service_errors_speak_it(qapp: QCoreApplication) -> None:
    before = QLocale()
    try:
        install_translators(qapp, "en")
        assert messages.current_language() == messages.ENGLISH
        with pytest.raises(ValidationError) as caught:
            check_phone("139abc12345")
        assert caught.value.message.startswith("A phone number may hold only digits")
        install_translators(qapp, "zh_CN")
        assert messages.current_language() == messages.CHINESE
    finally:
        for translator in qapp.findChildren(QTranslator):
            qapp.removeTranslator(translator)
            translator.deleteLater()
        QLocale.setDefault(before)
