"""Use cases: plain Python, a Session in, plain data (dataclasses) out (no Qt)."""
