"""Import every model module so that ``Base.metadata`` knows all tables."""

from stationapp.domain import care_models, event_models, models  # noqa: F401
