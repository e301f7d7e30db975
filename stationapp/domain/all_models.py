"""Import every model module so that ``Base.metadata`` knows all tables."""

from stationapp.domain import (  # noqa: F401
    accounts,
    audit,
    calendar_models,
    care_models,
    event_models,
    models,
)
