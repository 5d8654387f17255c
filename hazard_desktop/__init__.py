"""hazard_desktop: offline register, grading and rectification of accident hazards (事故隐患)."""

__version__ = "0.1.0"
APP_NAME = "hazard_desktop"
APP_AUTHOR = "hazard_desktop"
