"""The tabs of the settings dialog, one module per tab (``common`` holds what they share)."""
