"""Passages -> a persistent hybrid index (dense + keyword) -> ranked hits."""
