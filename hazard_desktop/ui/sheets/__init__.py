"""Printed sheets in the window: print preview and printing, Save as PDF…, Verify sheet…."""
