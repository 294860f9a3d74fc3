"""Benchmarks: figures printed by `python -m benchmarks`, never asserted by the tests."""
