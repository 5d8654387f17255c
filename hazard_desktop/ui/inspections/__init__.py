"""Inspection checklists on the plant floor: list, start, run item by item, templates, menu."""
