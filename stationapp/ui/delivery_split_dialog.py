"""Choose the volunteers to split an event's stops among (by community and building)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from stationapp.services.volunteers import VolunteerInfo


class AutoSplitDialog(QDialog):
    """Choose the volunteers to split the stops among (by community and building)."""

    def __init__(
        self,
        volunteers: Sequence[VolunteerInfo],
        ticked: Sequence[int],
        parent: QWidget | None = None,
    ) -> None:
        """Offer ``volunteers`` with ``ticked`` ones ticked."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Split stops among volunteers"))
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Volunteers"))
        for volunteer in volunteers:
            text = volunteer.name if not volunteer.community else self.tr(
                "{name} ({community})").format(name=volunteer.name,
                                               community=volunteer.community)
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, volunteer.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if volunteer.id in ticked
                               else Qt.CheckState.Unchecked)
        self.only_unassigned = QCheckBox(
            self.tr("Only stops &not yet assigned (keep what is assigned)"), self)
        self.only_unassigned.setChecked(True)
        explanation = QLabel(self.tr(
            "Pending stops are split by community and building: a building stays with one "
            "volunteer, and every volunteer gets about the same number of stops."), self)
        explanation.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.only_unassigned)
        layout.addWidget(buttons)
        self.resize(420, 420)

    def chosen_ids(self) -> list[int]:
        """The ticked volunteers."""
        chosen = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                chosen.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return chosen

    def set_ticked(self, volunteer_ids: Sequence[int]) -> None:
        """Tick exactly ``volunteer_ids``."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            wanted = int(item.data(Qt.ItemDataRole.UserRole)) in volunteer_ids
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)



__all__ = ["AutoSplitDialog"]
