"""A combo box to choose a staff member or volunteer (liaison, visitor, assignee).

The list comes from :func:`stationapp.services.volunteers.list_people` (staff first,
marked "(staff)", then volunteers). The box is editable: typing filters the list by the
name, its pinyin and pinyin initials (``lyz`` finds 李玉珍) or the community, and a name
typed in full picks that person. Text that names nobody is put back on leaving the box.

Besides the people, the box may offer a "(none)" entry (``allow_none``, whose text
``none_text`` may change, e.g. "Everyone" for a filter) and further ``extra`` entries
identified by a key of their own (e.g. "No liaison" for a filter); :meth:`key` gives
whatever is chosen, :meth:`person_id` only a person's id.

Given the :class:`~stationapp.ui.operations.Operations` of the window, the picker reads the
people again whenever a change notice touches the volunteers, so a picker in an open window
offers a volunteer added elsewhere without being reopened.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFocusEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from stationapp.domain.search_keys import name_initials, name_pinyin, normalize_query
from stationapp.services.volunteers import PersonOption, list_people
from stationapp.ui.notices import Area, ChangeNotice
from stationapp.ui.operations import Operations

KEY_ROLE = Qt.ItemDataRole.UserRole
"""Item data: the person id (int), None for "(none)", or an extra entry's key."""

SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1
"""Item data the completer matches typed text against (name, pinyin, initials, community)."""

_Index = QModelIndex | QPersistentModelIndex


class _NameCompleter(QCompleter):
    """Matches against :data:`SEARCH_ROLE` but puts the plain item text into the box."""

    def pathFromIndex(self, index: _Index) -> str:
        """The shown name of the chosen item (not its search keys)."""
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")


class PersonPicker(QComboBox):
    """Choose one staff member or volunteer; see the module docstring.

    ``person_changed(object)`` carries :meth:`key` whenever the choice changes.
    """

    person_changed = Signal(object)

    def __init__(
        self,
        operations: Operations,
        parent: QWidget | None = None,
        allow_none: bool = True,
        *,
        none_text: str | None = None,
        extra: Sequence[tuple[str, Hashable]] = (),
        active_only: bool = True,
    ) -> None:
        """Read the people through ``operations`` and choose "(none)" (or the first person);
        the list is read again when a change notice touches the volunteers."""
        super().__init__(parent)
        self._operations = operations
        operations.changed.connect(self._apply_changes)
        self._allow_none = allow_none
        self._none_text = none_text if none_text is not None else self.tr("(none)")
        self._extra = tuple(extra)
        self._active_only = active_only
        self._people: list[PersonOption] = []
        self._extra_people: dict[int, str] = {}
        self._last_key: Any = object()
        self._loaded = False

        self._items = QStandardItemModel(self)
        self.setModel(self._items)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setMinimumContentsLength(8)
        completer = _NameCompleter(self._items, self)
        completer.setCompletionRole(SEARCH_ROLE)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        line_edit = self.lineEdit()
        if line_edit is not None:
            line_edit.setPlaceholderText(self.tr("Type a name or pinyin"))
            line_edit.editingFinished.connect(self._settle_text)
        self.currentIndexChanged.connect(self._index_changed)
        # With a "(none)" entry the people are read when first needed (the list opens, the
        # box gets the focus, a person is chosen in code): building a window full of
        # filters reads nothing, and the pinyin library is not loaded before anyone types.
        if allow_none:
            self._fill(None)
        else:
            self.reload()

    # ------------------------------------------------------------ public API

    def person_id(self) -> int | None:
        """The chosen person's id; None for "(none)" or an extra entry."""
        key = self.key()
        return key if isinstance(key, int) and not isinstance(key, bool) else None

    def key(self) -> Any:
        """What is chosen: a person id, None for "(none)", or an extra entry's key."""
        index = self.currentIndex()
        return self.itemData(index, KEY_ROLE) if index >= 0 else None

    def set_person_id(self, person_id: int | None) -> None:
        """Choose ``person_id`` (None: "(none)"); a person no longer active is added."""
        if person_id is not None:
            self.ensure_loaded()
        if person_id is not None and self._row_of(person_id) is None:
            self._extra_people[person_id] = self._name_of_unlisted(person_id)
            self._fill(self.key())
        self.set_key(person_id)

    def set_key(self, key: Any) -> bool:
        """Choose the entry whose key is ``key``; False (and no change) when there is none."""
        row = self._row_of(key)
        if row is None and not self._loaded:
            self.ensure_loaded()
            row = self._row_of(key)
        if row is None:
            return False
        self.setCurrentIndex(row)
        self._settle_text()
        return True

    def reload(self) -> None:
        """Read the people again, keeping the choice when that person is still listed.

        When nobody changed, the list shown stays as it is (rebuilding it costs far more
        than reading the people).
        """
        active_only = self._active_only
        people = self._operations.read(
            lambda session: list_people(session, active_only=active_only))
        if self._loaded and people == self._people:
            return
        self._people = people
        self._loaded = True
        self._fill(self.key() if self.count() else None)

    def refresh(self) -> None:
        """Read the people again if they were read already (F5); else they are read when
        first needed, as usual."""
        if self._loaded:
            self.reload()

    def _apply_changes(self, notice: ChangeNotice) -> None:
        """Read the people again when the volunteers (or staff) changed."""
        if notice.touches(Area.VOLUNTEERS):
            self.refresh()

    def ensure_loaded(self) -> None:
        """Read the people if that has not happened yet."""
        if not self._loaded:
            self.reload()

    def showPopup(self) -> None:
        """Open the list, reading the people first if needed."""
        self.ensure_loaded()
        super().showPopup()

    def people(self) -> list[PersonOption]:
        """The people offered, in list order."""
        self.ensure_loaded()
        return list(self._people)

    def name_of(self, person_id: int | None) -> str:
        """The name of ``person_id`` as listed ("" when unknown or None)."""
        self.ensure_loaded()
        for person in self._people:
            if person.id == person_id:
                return person.name
        return self._extra_people.get(person_id, "") if person_id is not None else ""

    # ------------------------------------------------------------ internals

    def _fill(self, keep: Any) -> None:
        self.blockSignals(True)
        try:
            self._items.clear()
            if self._allow_none:
                self._append(self._none_text, None, self._none_text, italic=True)
            for text, key in self._extra:
                self._append(text, key, text, italic=True)
            names = Counter(p.name for p in self._people)
            for person in self._people:
                text = person.name
                if names[person.name] > 1 and person.community:
                    text = f"{text} · {person.community}"
                if person.is_staff:
                    text = self.tr("{name} (staff)").format(name=text)
                search = " ".join((normalize_query(person.name), name_pinyin(person.name),
                                   name_initials(person.name),
                                   normalize_query(person.community)))
                item = self._append(text, person.id, search)
                item.setToolTip(person.community)
            for person_id, name in self._extra_people.items():
                if all(p.id != person_id for p in self._people):
                    self._append(self.tr("{name} (inactive)").format(name=name), person_id,
                                 normalize_query(name), italic=True)
            row = self._row_of(keep)
            self.setCurrentIndex(row if row is not None else (0 if self.count() else -1))
        finally:
            self.blockSignals(False)
        self._settle_text()
        self._index_changed()

    def _append(self, text: str, key: Any, search: str, italic: bool = False) -> QStandardItem:
        item = QStandardItem(text)
        item.setData(key, KEY_ROLE)
        item.setData(search, SEARCH_ROLE)
        item.setEditable(False)
        if italic:
            font = item.font()
            font.setItalic(True)
            item.setFont(font)
        self._items.appendRow(item)
        return item

    def _row_of(self, key: Any) -> int | None:
        for row in range(self.count()):
            data = self.itemData(row, KEY_ROLE)
            if data == key and type(data) is type(key):
                return row
        return None

    def _name_of_unlisted(self, person_id: int) -> str:
        everyone = self._operations.read(lambda session: list_people(session,
                                                                     active_only=False))
        return next((p.name for p in everyone if p.id == person_id), f"#{person_id}")

    def _settle_text(self) -> None:
        """Pick the person whose name was typed in full, else put the chosen name back."""
        line_edit = self.lineEdit()
        if line_edit is None:
            return
        typed = line_edit.text().strip()
        if not typed and self._allow_none:
            self.setCurrentIndex(0)
        else:
            row = self.findText(typed, Qt.MatchFlag.MatchFixedString)
            if row < 0:
                row = next((r for r in range(self.count())
                            if self.itemData(r, KEY_ROLE) is not None
                            and self.name_of(self.itemData(r, KEY_ROLE)) == typed), -1)
            if row >= 0:
                self.setCurrentIndex(row)
        current = self.itemText(self.currentIndex()) if self.currentIndex() >= 0 else ""
        if line_edit.text() != current:
            line_edit.setText(current)

    def _index_changed(self, _index: int = -1) -> None:
        key = self.key()
        if key != self._last_key or type(key) is not type(self._last_key):
            self._last_key = key
            self.person_changed.emit(key)

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Read the people before the clerk types (the completer needs them)."""
        self.ensure_loaded()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Leaving the box settles what was typed (see :meth:`_settle_text`)."""
        super().focusOutEvent(event)
        self._settle_text()


__all__ = ["KEY_ROLE", "SEARCH_ROLE", "PersonPicker"]
