"""stationapp: the ledger and service desk of a residents' party-member service station."""

__version__ = "0.1.0"
