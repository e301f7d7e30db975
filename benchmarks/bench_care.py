"""Care follow-up on 50,000 households: the statistics page and the overdue list, p50 / p95.

Budget: DESIGN.md's search budget, p95 ≤ 50 ms, applied to what the clerk waits for on the
走访 and 统计 pages (issue 4: "the statistics page and overdue list stay within the search
budget on the 50,000-household demo"). Measured, each ``--rounds`` times after two
discarded warm-ups, every call in fresh sessions as the pages make them:

* **services** (no Qt):
  (a) ``statistics.monthly_statistics`` for the demo's current month; (a2) for last month;
  (b) the overdue list: ``visits.list_overdue_ids`` in one session, then
      ``visits.fetch_overdue_rows`` of the first block (200 rows) in another — what the
      overdue table model does on a refresh and its first paint;
  (c) ``visits.month_coverage`` of the current month;
  (d) ``requests.list_requests`` with only the open requests (受理 / 派单 / 处理中).
* **pages** (offscreen, the real widgets):
  (e1) ``StatisticsPage.refresh()`` (its worker thread reads the month) until the figures
       are shown and the page has been painted; the page is told to repaint in full after
       each refresh (``update()``), so every sample includes painting every card and chart;
  (e2) the overdue tab of ``VisitsPage``: ``refresh_overdue()`` until the table's viewport
       has been painted (the first block of rows is fetched by that paint);
  (e3) ``VisitsPage.refresh()`` (F5: people, coverage, reminders and the overdue list
       shown; the hidden visits list is read when its tab is next shown) until the overdue
       table has been painted;
  (e4) a second ``StatisticsPage`` stepping to last month, then back to this month, and so
       on, until the figures are shown and painted: every sample shows other figures.
* for information, without a verdict: (a2) ``monthly_statistics`` of last month, (e3) and
  (e4). The budget is the page as it opens (this month) and the overdue list; a past month
  is read from the visits themselves wherever a household was visited again since.

Baselines of the same run (as in bench_search.py): ``SELECT count(*) FROM household`` and
``households.list_household_ids`` with the empty filter; the ratio column divides each p50
by the latter's p50.

The demo database is the cached one of ``common.demo_database`` (rebuilt when the demo
generator, the domain or the migrations change). "Today" is the day the demo was built (the
day after its latest visit), so that the current month has its visits whatever the date.

    uv run --no-sync python benchmarks/bench_care.py [--rounds 20] [--no-page]
                                                      [--database-url URL]
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from datetime import time as clock
from typing import Any

from common import (
    REFERENCE,
    MeasurementError,
    baseline_queries,
    demo_database,
    describe_python,
    median,
    percentile,
    print_misses,
    print_table,
    time_ms,
    verdict,
)

BUDGET_P95_MS = 50.0
LAST_MONTH = "(a2) monthly_statistics, last month"
STEPPING = "(e4) StatisticsPage last month ⇄ this month → painted"
VISITS_F5 = "(e3) VisitsPage F5, overdue tab shown → painted"
INFORMATION = frozenset({LAST_MONTH, STEPPING, VISITS_F5})
"""Measured and shown for information: no verdict (the budget is the current month's page
and the overdue list)."""
WARM_UPS = 2
BLOCK_SIZE = 200
"""Rows fetched for the first paint of the overdue table (DEFAULT_BLOCK_SIZE)."""


@dataclass
class Samples:
    """Milliseconds per measured call, in insertion order."""

    by_name: dict[str, list[float]] = field(default_factory=dict)
    sizes: dict[str, str] = field(default_factory=dict)

    def add(self, name: str, ms: float) -> None:
        """Record one sample."""
        self.by_name.setdefault(name, []).append(ms)


def demo_today(database: Any) -> date:
    """The day the demo was built: the day after its latest visit (else the clock's today)."""
    from sqlalchemy import func, select

    from stationapp.domain.care_models import Visit

    with database.session() as session:
        latest: date | None = session.scalar(select(func.max(Visit.visit_date)))
    today: date = database.clock.today()
    return latest + timedelta(days=1) if latest is not None else today


# ------------------------------------------------------------------ services


def service_calls(database: Any, today: date) -> dict[str, Callable[[], str]]:
    """The measured service calls; each returns a short description of what it found."""
    from stationapp.domain.schedule import month_start
    from stationapp.services.requests import RequestFilter, list_requests
    from stationapp.services.statistics import monthly_statistics
    from stationapp.services.visit_coverage import (
        fetch_overdue_rows,
        list_overdue_ids,
        month_coverage,
    )

    month = month_start(today)
    last_month = month_start(month - timedelta(days=1))
    now = datetime.combine(today, clock(9, 0))

    def statistics() -> str:
        with database.session() as session:
            stats = monthly_statistics(session, month, today)
        return (f"{stats.visits_in_month:,} visits, {stats.requests_open:,} open requests, "
                f"{stats.overdue_visits:,} overdue")

    def overdue() -> str:
        with database.session() as session:
            ids = list_overdue_ids(session, today)
        with database.session() as session:
            rows = fetch_overdue_rows(session, ids[:BLOCK_SIZE], today)
        return f"{len(ids):,} overdue, {len(rows)} rows fetched"

    def coverage() -> str:
        with database.session() as session:
            found = month_coverage(session, month, today)
        ratio = f"{found.ratio:.1%}" if found.ratio is not None else "-"
        return f"{found.visited:,} of {found.due:,} due ({ratio})"

    def open_requests() -> str:
        with database.session() as session:
            rows = list_requests(session, RequestFilter(open_only=True), now=now)
        return f"{len(rows):,} open, {sum(r.overdue for r in rows):,} past the limit"

    def last_month_statistics() -> str:
        with database.session() as session:
            stats = monthly_statistics(session, last_month, today)
        return f"{stats.visits_in_month:,} visits, coverage {stats.coverage.ratio or 0:.1%}"

    return {
        "(a) monthly_statistics, this month": statistics,
        LAST_MONTH: last_month_statistics,
        "(b) overdue: list_overdue_ids + first 200 rows": overdue,
        "(c) month_coverage, this month": coverage,
        "(d) list_requests, open only": open_requests,
    }


# ------------------------------------------------------------------ pages


class PagePaths:
    """The real statistics and visits pages, offscreen, each shown in its own window."""

    def __init__(self, database: Any) -> None:
        """Create the application and both pages, show them and wait for their first data."""
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
        from PySide6.QtWidgets import QApplication, QWidget

        from stationapp.ui.statistics_page import StatisticsPage
        from stationapp.ui.visits_page import Tab, VisitsPage

        self._app = QApplication.instance() or QApplication(sys.argv[:1])
        paint = QEvent.Type.Paint
        loop_type = QEventLoop
        timer_type = QTimer

        class Watch(QObject):
            """Quits the running loop at the first Paint of ``target`` (or a descendant)."""

            def __init__(self) -> None:
                super().__init__()
                self.loop: QEventLoop | None = None
                self.target: QWidget | None = None
                self.painted = False

            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                target = self.target
                if (target is not None and not self.painted and event.type() == paint
                        and isinstance(watched, QWidget)
                        and (watched is target or target.isAncestorOf(watched))):
                    self.painted = True
                    if self.loop is not None:
                        self.loop.quit()  # takes effect once this paint has been handled
                return False

        self._watch = Watch()
        self._app.installEventFilter(self._watch)

        def run_until(done: Callable[[], bool], what: str) -> None:
            # No polling timer: the GUI thread stays idle as in the program, so a page's
            # worker thread is not slowed by the measurement. The loop is quit by the
            # awaited paint (Watch) or by new figures shown (_statistics_page).
            guard = timer_type()
            guard.setSingleShot(True)
            guard.start(120_000)
            while not done():
                if not guard.isActive():
                    raise MeasurementError(f"{what} never happened")
                loop = loop_type()
                guard.timeout.connect(loop.quit)
                self._watch.loop = loop
                loop.exec()
                self._watch.loop = None
                guard.timeout.disconnect(loop.quit)

        self._run_until = run_until

        # Two statistics pages: one refreshed on its month, one stepping between months.
        self._shown: dict[int, int] = {}
        # The pages count to the database clock's day: the demo's (see main).
        self.statistics = self._statistics_page(StatisticsPage(database, "bench"))
        self.stepping = self._statistics_page(StatisticsPage(database, "bench"))

        self.visits = VisitsPage(database, "bench")
        self.visits.resize(1200, 800)
        self.visits.tabs.setCurrentIndex(int(Tab.OVERDUE))
        self.visits.show()
        self._expect_paint(self.visits.overdue_table.viewport())
        run_until(lambda: self._watch.painted, "the first paint of the overdue table")
        if self.visits.overdue_model.rowCount() == 0:
            raise MeasurementError("the overdue list is empty: is this the care demo?")

    def _statistics_page(self, page: Any) -> Any:
        """Show ``page`` and wait for its first figures; count the figures it shows."""
        key = id(page)
        self._shown[key] = 0

        def count(_stats: object) -> None:
            self._shown[key] += 1
            if self._watch.loop is not None:
                self._watch.loop.quit()

        page.resize(1200, 800)
        page.statistics_shown.connect(count)
        page.show()
        self._run_until(lambda: self._shown[key] > 0, "the first statistics")
        return page

    def _show_and_paint(self, page: Any, change: Callable[[], None], what: str) -> None:
        """Call ``change`` until ``page`` has shown new figures and been painted in full."""
        key = id(page)
        shown = self._shown[key]
        self._expect_paint(None)
        change()
        self._run_until(lambda: self._shown[key] > shown, what)
        self._expect_paint(page)
        page.update()  # every sample repaints every card and chart
        self._run_until(lambda: self._watch.painted, "the statistics page paint")

    def _expect_paint(self, widget: Any) -> None:
        self._watch.target = widget
        self._watch.painted = False

    def statistics_refresh(self) -> str:
        """refresh() until the figures are shown and the page has been painted."""
        page = self.statistics
        self._show_and_paint(page, page.refresh, "the statistics")
        stats = page.statistics()
        return f"{stats.visits_in_month:,} visits shown" if stats is not None else "-"

    def month_step(self) -> str:
        """Show the other month (last month, then this month again, and so on) until its
        figures are shown and the page has been painted: every sample shows new figures."""
        from stationapp.ui.statistics_page import add_months, first_of_month

        page = self.stepping
        this_month = first_of_month(page.today())
        other = add_months(this_month, -1) if page.month() == this_month else this_month
        self._show_and_paint(page, lambda: page.set_month(other),
                             "the statistics of the other month")
        stats = page.statistics()
        return f"{stats.month:%Y-%m} shown" if stats is not None else "-"

    def overdue_refresh(self) -> str:
        """refresh_overdue() until the overdue table's viewport has been painted."""
        page = self.visits
        self._expect_paint(page.overdue_table.viewport())
        page.refresh_overdue()
        self._run_until(lambda: self._watch.painted, "the overdue table paint")
        return f"{page.overdue_model.rowCount():,} rows"

    def visits_f5(self) -> str:
        """refresh() (F5) until the overdue table's viewport has been painted."""
        page = self.visits
        self._expect_paint(page.overdue_table.viewport())
        page.refresh()
        self._run_until(lambda: self._watch.painted, "the visits page paint")
        return f"{page.overdue_model.rowCount():,} overdue rows"

    def calls(self) -> dict[str, Callable[[], str]]:
        """The measured page paths."""
        return {
            "(e1) StatisticsPage refresh → painted": self.statistics_refresh,
            "(e2) VisitsPage overdue tab refresh → painted": self.overdue_refresh,
            VISITS_F5: self.visits_f5,
            STEPPING: self.month_step,
        }

    def close(self) -> None:
        """Close the pages (waits for the statistics workers)."""
        self.statistics.close()
        self.stepping.close()
        self.visits.close()


def page_paths(database: Any) -> tuple[PagePaths | None, str]:
    """The page paths, or None with the reason when the pages cannot be built (they count
    to the database clock's day)."""
    try:
        import stationapp.ui.statistics_page
        import stationapp.ui.visits_page  # noqa: F401
    except ImportError as exc:
        return None, f"pages not available ({exc})"
    return PagePaths(database), ""


# ------------------------------------------------------------------ measuring and report


def measure(database: Any, today: date, rounds: int, with_pages: bool) -> tuple[
        Samples, Samples, Samples | None, str]:
    """Every call ``rounds`` times after the warm-ups, interleaved call by call."""
    base, services, pages = Samples(), Samples(), None
    groups: list[tuple[Samples, dict[str, Callable[[], str]]]] = [
        (base, baseline_queries(database)),
        (services, service_calls(database, today)),
    ]
    paths: PagePaths | None = None
    note = "pages not measured (--no-page)"
    if with_pages:
        paths, note = page_paths(database)
        if paths is not None:
            pages = Samples()
            groups.append((pages, paths.calls()))
            note = ""
    try:
        for round_no in range(WARM_UPS + rounds):
            keep = round_no >= WARM_UPS
            for samples, calls in groups:
                for name, call in calls.items():
                    ms, found = time_ms(call)
                    if keep:
                        samples.add(name, ms)
                        samples.sizes[name] = str(found)
            if keep and (round_no - WARM_UPS + 1) % 5 == 0:
                print(f"  round {round_no - WARM_UPS + 1}/{rounds} done", file=sys.stderr,
                      flush=True)
    finally:
        if paths is not None:
            paths.close()
    return base, services, pages, note


def report(base: Samples, services: Samples, pages: Samples | None, label: str,
           note: str) -> list[str]:
    """Print the tables; return the lines that missed the budget."""
    reference = median(base.by_name[REFERENCE])
    print_table(
        f"Baselines, same run ({label}; {describe_python()})",
        ["query", "found", "n", "p50 ms", "p95 ms"],
        [[name, base.sizes[name], str(len(vs)), f"{median(vs):.1f}",
          f"{percentile(vs, 0.95):.1f}"] for name, vs in base.by_name.items()],
    )
    misses: list[str] = []
    for title, samples in (("services", services), ("pages, offscreen", pages)):
        if samples is None:
            continue
        rows: list[list[str]] = []
        for name, values in samples.by_name.items():
            p95 = percentile(values, 0.95)
            ok = p95 <= BUDGET_P95_MS
            if name in INFORMATION:
                shown = "info"
            else:
                shown = verdict(ok)
                if not ok:
                    misses.append(f"{name}: p95 {p95:.1f} ms (+{p95 - BUDGET_P95_MS:.1f} ms)")
            rows.append([name, samples.sizes[name], str(len(values)),
                         f"{median(values):.1f}", f"{p95:.1f}", f"{max(values):.1f}",
                         f"{median(values) / reference:.2f} ×", shown])
        print_table(
            f"Care follow-up, {title}; budget p95 ≤ {BUDGET_P95_MS:.0f} ms; ratio = p50 / p50 "
            f"of list_household_ids with the empty filter ({reference:.1f} ms)",
            ["call", "found", "n", "p50 ms", "p95 ms", "max ms", "ratio", "verdict"],
            rows,
        )
    if note:
        print()
        print(f"note: {note}")
    return misses


def main(argv: list[str] | None = None) -> int:
    """Measure and report; exit 0 unless the measurement itself failed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20,
                        help="measured repetitions of every call (default 20)")
    parser.add_argument("--database-url", default=None,
                        help="e.g. postgresql+psycopg://…; the demo is loaded if the ledger "
                             "is empty (default: the cached 50,000-household SQLite file)")
    parser.add_argument("--no-page", action="store_true",
                        help="measure the service calls only, without Qt")
    args = parser.parse_args(argv)
    try:
        url = demo_database(args.database_url)
        from stationapp.domain.clock import FixedClock, SystemClock
        from stationapp.workflows.opening import open_database

        probe = open_database(url, SystemClock())
        try:
            today = demo_today(probe)
        finally:
            probe.dispose()
        # The benchmark's one clock tells the demo's day, for the services and the pages.
        database = open_database(url, FixedClock(datetime.combine(today, clock(9, 0))))
        try:
            label = f"{database.engine.dialect.name}, today = {today.isoformat()}"
            base, services, pages, note = measure(database, today, max(1, args.rounds),
                                                  not args.no_page)
        finally:
            database.dispose()
    except MeasurementError as exc:
        print(f"bench_care: measurement failed: {exc}", file=sys.stderr)
        return 1
    print_misses(report(base, services, pages, label, note))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
