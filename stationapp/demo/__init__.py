"""The demo station: a realistic, reproducible ledger with events and care follow-up.

Not a use case of the station but sample data for trying the program, for the tests and
for the benchmarks, so it lives beside the services rather than among them. It fills an
empty ledger through the domain models and the services:

* :mod:`~stationapp.demo.station` — communities, households and residents, then the rest;
* :mod:`~stationapp.demo.events` — volunteers and events like the newspaper page's;
* :mod:`~stationapp.demo.care` — staff, liaisons, visits, reminders, requests, roles and
  rounds (its seed tables in :mod:`~stationapp.demo.care_texts`, its rows in
  :mod:`~stationapp.demo.care_rows`, its requests in :mod:`~stationapp.demo.care_requests`).
"""

from stationapp.demo.station import DEFAULT_HOUSEHOLDS, DemoSummary, populate_demo

__all__ = ["DEFAULT_HOUSEHOLDS", "DemoSummary", "populate_demo"]
