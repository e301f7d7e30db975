"""Show the backup key's recovery code once, on whichever screen first can."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from stationapp.services.backup_crypto import take_pending_recovery_code


def in_message_box(title: str, text: str) -> None:
    """Tell the clerk ``text`` in an information box of its own."""
    QMessageBox.information(None, title, text)


def show_recovery_code_once(tell: Callable[[str, str], None] = in_message_box) -> bool:
    """Tell the recovery code (``tell(title, text)``) when no screen has shown it yet;
    True when it was told (it never is again)."""
    code = take_pending_recovery_code()
    if code is None:
        return False
    tell(
        QCoreApplication.translate("RecoveryCode", "Recovery code of the backups"),
        QCoreApplication.translate(
            "RecoveryCode",
            "Backups are encrypted. This is the recovery code of the backup key, shown "
            "only this once:\n\n{code}\n\nPrint it or write it down and lock it away. "
            "Without it, the backups cannot be restored on another desk.").format(code=code))
    return True


__all__ = ["in_message_box", "show_recovery_code_once"]
