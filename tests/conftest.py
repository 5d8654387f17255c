"""Test-wide settings: headless Qt, English UI strings, no real user folders."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "C.UTF-8")
os.environ["HAZARD_DESKTOP_LANG"] = "en"
