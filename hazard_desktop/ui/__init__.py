"""PySide6 widgets and models: the only package that imports Qt."""
