"""Settings of the rectification loop: the plant's 五定 labels and default deadlines (一般, by band)."""

from __future__ import annotations

from hazard_desktop.domain.rectification import RectificationSettings
from hazard_desktop.services.ports import UnitOfWork

LABELS_KEY = "rectification.five_labels"
DEADLINES_KEY = "rectification.deadline_days"


def load_settings(uow: UnitOfWork) -> RectificationSettings:
    """The stored settings, or the defaults (labels None: the program's translated labels)."""
    raise NotImplementedError


def save_settings(uow: UnitOfWork, settings: RectificationSettings) -> RectificationSettings:
    """Check and store (one transaction).

    Raises:
        ValidationError: ``five_label_empty`` / ``five_label_too_long`` (param ``index`` 1–5),
            ``deadline_days_invalid`` (params ``band``, ``max``).
    """
    raise NotImplementedError
