"""Pure rules of the hazard grading regulation: standard library only."""
