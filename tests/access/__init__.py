"""The shared access test (see test_access.py)."""
