"""Default reference data shipped with the program (seeded at first start, then editable)."""
