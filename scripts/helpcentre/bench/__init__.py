"""Benchmark support: a synthetic help centre large enough to measure builds."""
