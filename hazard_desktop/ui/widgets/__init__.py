"""Reusable widgets of the grading screens: LEC score entry, band swatch, member picker, panel checks."""
