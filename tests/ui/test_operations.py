"""The operation runner: one transaction, one place for failures, a notice for every
committed change, also when the caller stopped waiting for it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from pytestqt.qtbot import QtBot

from stationapp.services.database import Database
from stationapp.services.volunteers import VolunteerInput, create_volunteer, list_people
from stationapp.ui.notices import Area, ChangeNotice, changed
from stationapp.ui.operations import Done, OperationContext, Operations


def _add_volunteer(today: date) -> Callable[[OperationContext], int]:
    """The work of adding the volunteer 林志强."""

    def work(ctx: OperationContext) -> int:
        return create_volunteer(ctx.session, VolunteerInput(name="林志强"), ctx.actor, today)
    return work


def test_a_background_change_announces_its_notice_before_its_callback(
    qtbot: QtBot, ledger: Database, today: date
) -> None:
    operations = Operations(ledger, "clerk")
    heard: list[ChangeNotice] = []
    done: list[Done[int]] = []
    operations.changed.connect(heard.append)

    operations.change_in_background(_add_volunteer(today), changed(Area.VOLUNTEERS),
                                    done.append, lambda error: None)
    qtbot.waitUntil(lambda: bool(done), timeout=5000)

    assert [n.areas for n in heard] == [{Area.VOLUNTEERS}]
    assert done[0].notice is heard[0]


def test_a_cancelled_background_change_is_still_announced(
    qtbot: QtBot, ledger: Database, today: date
) -> None:
    operations = Operations(ledger, "clerk")
    heard: list[ChangeNotice] = []
    called: list[object] = []
    operations.changed.connect(heard.append)

    task = operations.change_in_background(_add_volunteer(today), changed(Area.VOLUNTEERS),
                                           called.append, called.append)
    task.cancel()  # the clerk stopped waiting; the work still commits
    qtbot.waitUntil(lambda: bool(heard), timeout=5000)
    operations.wait_all(cancel=False)

    assert called == []
    assert [n.areas for n in heard] == [{Area.VOLUNTEERS}]
    assert "林志强" in [p.name for p in operations.read(list_people)]
