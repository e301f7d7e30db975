"""Rules that span entities, each a short sequence of entity-service calls.

An entity service (``stationapp.services``) does its own entity's work; when one change
must carry on into another entity (a household leaving the ledger cancels its pending
deliveries, a changed visit interval reschedules every household, a visit finding raises
a request, a migration's copy joins the backups), the workflow here calls the services in
order, inside the caller's one session. Services never import workflows, so the imports
between services stay free of circles.
"""
