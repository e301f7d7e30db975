"""Import every model module so that ``Base.metadata`` knows all tables."""

from stationapp.domain import models  # noqa: F401
