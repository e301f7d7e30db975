"""Import every model module so that ``Base.metadata`` knows all tables."""

from stationapp.domain import accounts, audit, care_models, event_models, models  # noqa: F401
