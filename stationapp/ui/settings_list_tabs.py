"""The settings dialog's three list tabs: event types, items and request categories.

* **Event types** — the station's list of event types (活动类型): add, rename, and retire
  a type with its *In use* check box (types are never deleted: old events refer to them).
* **Items** — the item catalogue (物品) with units (春联 · 幅): add, edit, retire.
* **Request categories** — the categories of residents' requests (诉求类别: 供暖, 水电 …):
  add, rename, hide from new requests (old requests keep theirs).

Every change is saved at once through the operation runner, in its own transaction; the
tabs call :mod:`stationapp.services.catalogue` and :mod:`stationapp.services.requests`.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QWidget

from stationapp.services.catalogue import (
    EventTypeInfo,
    ItemInfo,
    list_event_types,
    list_items,
    save_event_type,
    save_item,
)
from stationapp.services.requests import (
    add_request_category,
    list_request_categories,
    rename_request_category,
    set_request_category_active,
)
from stationapp.ui.operations import OperationContext, Operations
from stationapp.ui.settings_catalogue_tab import CatalogueEntryDialog, CatalogueTab


class EventTypesTab(CatalogueTab):
    """The station's event types (活动类型): add, rename, retire."""

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        """Build the tab and list the event types (retired ones too)."""
        super().__init__(operations, [self.tr("Event type"), self.tr("In use")],
                         self.tr("&Add…"), self.tr("&Rename…"), parent)
        self.hint.setText(self.tr(
            "Types are never deleted: clear \"In use\" to retire one. A retired type is no "
            "longer offered for new events; past events keep it."))
        self._types: dict[int, EventTypeInfo] = {}
        self.reload()

    def reload(self) -> None:
        """Read the event types again, retired ones included."""
        types = self._read(lambda session: list_event_types(session, include_inactive=True))
        self._types = {t.id: t for t in types}
        self._fill([(t.id, (t.name,), t.active) for t in types])

    def event_types(self) -> list[EventTypeInfo]:
        """The event types as listed, top to bottom."""
        return list(self._types.values())

    def _save(self, name: str, type_id: int | None) -> int:
        """Save one event type in its own transaction (raises ValidationError)."""
        active = True if type_id is None else self._types[type_id].active
        saved = self._change(
            lambda ctx: save_event_type(ctx.session, name, active, type_id))
        self.reload()
        self.select_id(saved)
        return saved

    def add_type(self, name: str) -> bool:
        """Add an event type called ``name``; True when saved (else the error is shown)."""
        return self._run(lambda: self._save(name, None))

    def rename_type(self, type_id: int, name: str) -> bool:
        """Rename an event type; True when saved (else the error is shown)."""
        return self._run(lambda: self._save(name, type_id))

    def set_active(self, entry_id: int, active: bool) -> bool:
        """Put an event type back in use or retire it; True when saved."""
        info = self._types[entry_id]

        def save() -> None:
            self._change(lambda ctx: save_event_type(ctx.session, info.name, active, entry_id))

        if self._run(save, reload=False):
            self._types[entry_id] = replace(info, active=active)
            self._show_active(entry_id, active)
            return True
        self._show_active(entry_id, info.active)
        return False

    def add_entry(self) -> None:
        """Add… : ask for the new type's name."""
        self.error.clear_message()
        dialog = CatalogueEntryDialog(self.tr("New event type"),
                                      lambda name, _unit: self._save(name, None), parent=self)
        dialog.exec()

    def edit_entry(self, entry_id: int) -> None:
        """Rename… : ask for the type's new name."""
        self.error.clear_message()
        info = self._types[entry_id]
        dialog = CatalogueEntryDialog(
            self.tr("Rename event type"), lambda name, _unit: self._save(name, entry_id),
            name=info.name, parent=self)
        dialog.exec()


class ItemsTab(CatalogueTab):
    """The item catalogue (物品) with units: add, edit, retire."""

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        """Build the tab and list the catalogue (retired items too)."""
        super().__init__(operations, [self.tr("Item"), self.tr("Unit"), self.tr("In use")],
                         self.tr("&Add…"), self.tr("&Edit…"), parent)
        self.hint.setText(self.tr(
            "Items are never deleted: clear \"In use\" to retire one. A retired item is no "
            "longer offered for new events and deliveries; past records keep it."))
        self._items: dict[int, ItemInfo] = {}
        self.reload()

    def reload(self) -> None:
        """Read the catalogue again, retired items included."""
        items = self._read(lambda session: list_items(session, include_inactive=True))
        self._items = {i.id: i for i in items}
        self._fill([(i.id, (i.name, i.unit), i.active) for i in items])

    def items(self) -> list[ItemInfo]:
        """The items as listed, top to bottom."""
        return list(self._items.values())

    def _save(self, name: str, unit: str, item_id: int | None) -> int:
        """Save one item in its own transaction (raises ValidationError)."""
        active = True if item_id is None else self._items[item_id].active
        saved = self._change(
            lambda ctx: save_item(ctx.session, name, unit, active, item_id))
        self.reload()
        self.select_id(saved)
        return saved

    def add_item(self, name: str, unit: str) -> bool:
        """Add an item with its unit; True when saved (else the error is shown)."""
        return self._run(lambda: self._save(name, unit, None))

    def edit_item(self, item_id: int, name: str, unit: str) -> bool:
        """Change an item's name and unit; True when saved (else the error is shown)."""
        return self._run(lambda: self._save(name, unit, item_id))

    def set_active(self, entry_id: int, active: bool) -> bool:
        """Put an item back in use or retire it; True when saved."""
        info = self._items[entry_id]

        def save() -> None:
            self._change(
                lambda ctx: save_item(ctx.session, info.name, info.unit, active, entry_id))

        if self._run(save, reload=False):
            self._items[entry_id] = replace(info, active=active)
            self._show_active(entry_id, active)
            return True
        self._show_active(entry_id, info.active)
        return False

    def add_entry(self) -> None:
        """Add… : ask for the new item's name and unit."""
        self.error.clear_message()
        dialog = CatalogueEntryDialog(
            self.tr("New item"), lambda name, unit: self._save(name, unit, None),
            unit="", parent=self)
        dialog.exec()

    def edit_entry(self, entry_id: int) -> None:
        """Edit… : ask for the item's new name and unit."""
        self.error.clear_message()
        info = self._items[entry_id]
        dialog = CatalogueEntryDialog(
            self.tr("Edit item"), lambda name, unit: self._save(name, unit, entry_id),
            name=info.name, unit=info.unit, parent=self)
        dialog.exec()


class RequestCategoriesTab(CatalogueTab):
    """The categories of residents' requests (诉求类别): add, rename, hide, show.

    Categories are known by name only; a row's id is its place in the list.
    """

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        """Build the tab and list the categories (hidden ones too)."""
        super().__init__(operations, [self.tr("Request category"), self.tr("In use")],
                         self.tr("&Add…"), self.tr("&Rename…"), parent)
        self.hint.setText(self.tr(
            "Categories are never deleted: clear \"In use\" to hide one. A hidden category "
            "is no longer offered for new requests; past requests keep it."))
        self._names: dict[int, str] = {}
        self._active: dict[int, bool] = {}
        self.reload()

    def reload(self) -> None:
        """Read the categories again, hidden ones included."""
        names, active = self._read(lambda session: (
            list_request_categories(session, include_inactive=True),
            set(list_request_categories(session))))
        self._names = dict(enumerate(names, start=1))
        self._active = {i: n in active for i, n in self._names.items()}
        self._fill([(i, (n,), self._active[i]) for i, n in self._names.items()])

    def categories(self) -> list[tuple[str, bool]]:
        """The categories as listed, top to bottom: (name, in use)."""
        return [(n, self._active[i]) for i, n in self._names.items()]

    def _id_of(self, name: str) -> int | None:
        return next((i for i, n in self._names.items() if n == name), None)

    def _save(self, name: str, old: str | None) -> None:
        """Add (``old`` None) or rename one category in its own transaction."""
        def save(ctx: OperationContext) -> None:
            if old is None:
                add_request_category(ctx.session, name, ctx.actor)
            else:
                rename_request_category(ctx.session, old, name, ctx.actor)

        self._change(save)
        self.reload()
        saved = self._id_of(" ".join(name.split()))
        if saved is not None:
            self.select_id(saved)

    def add_category(self, name: str) -> bool:
        """Add a category called ``name``; True when saved (else the error is shown)."""
        return self._run(lambda: self._save(name, None))

    def rename_category(self, old: str, new: str) -> bool:
        """Rename category ``old`` to ``new``; True when saved (else the error is shown)."""
        return self._run(lambda: self._save(new, old))

    def set_category_active(self, name: str, active: bool) -> bool:
        """Offer a category for new requests again, or hide it; True when saved."""
        entry_id = self._id_of(name)
        return entry_id is not None and self.set_active(entry_id, active)

    def set_active(self, entry_id: int, active: bool) -> bool:
        """Offer the category of row ``entry_id`` again, or hide it; True when saved."""
        name = self._names[entry_id]

        def save() -> None:
            self._change(lambda ctx: set_request_category_active(
                ctx.session, name, active, ctx.actor))

        if self._run(save, reload=False):
            self._active[entry_id] = active
            self._show_active(entry_id, active)
            return True
        self._show_active(entry_id, self._active[entry_id])
        return False

    def add_entry(self) -> None:
        """Add… : ask for the new category's name."""
        self.error.clear_message()
        dialog = CatalogueEntryDialog(self.tr("New request category"),
                                      lambda name, _unit: self._save(name, None), parent=self)
        dialog.exec()

    def edit_entry(self, entry_id: int) -> None:
        """Rename… : ask for the category's new name."""
        self.error.clear_message()
        old = self._names[entry_id]
        dialog = CatalogueEntryDialog(
            self.tr("Rename request category"), lambda name, _unit: self._save(name, old),
            name=old, parent=self)
        dialog.exec()


__all__ = ["EventTypesTab", "ItemsTab", "RequestCategoriesTab"]
