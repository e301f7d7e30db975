"""What the station knows: models, vocabularies and validation rules (no Qt)."""
