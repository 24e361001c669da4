"""Differential AArch64 CPU harness: generator, guest builder, runner and comparer."""
