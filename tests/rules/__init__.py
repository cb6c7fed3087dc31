"""Tests of adminnet.rules: the engine, the built-in rules and the reports."""
