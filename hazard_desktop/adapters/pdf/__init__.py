"""PDF output (ReportLab): the printed sheets and the bundled CJK font.

Nothing here is imported at start-up: the composition root imports ``sheets`` when a sheet is printed.
"""
