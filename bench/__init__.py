"""Benchmarks: scripts that print numbers (docs/performance.md); never part of the test suite."""
