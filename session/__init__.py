"""The meeting's rules in plain Python: no UI, no storage."""
