"""Settings of the rectification loop: the plant's 五定 labels and default deadlines (一般, by band).

Stored as JSON under two setting keys; a value that cannot be read (edited by hand, an older build) falls
back to the defaults rather than stopping the program.
"""

from __future__ import annotations

import json

from hazard_desktop.domain.accounts import EVERYONE, Role
from hazard_desktop.domain.errors import ValidationError
from hazard_desktop.domain.rectification import (
    DEFAULT_DEADLINES,
    MAX_DEADLINE_DAYS,
    DeadlineDefaults,
    FiveLabels,
    RectificationSettings,
)
from hazard_desktop.domain.text import refuse_control_characters
from hazard_desktop.services.authorization import use_case
from hazard_desktop.services.ports import UnitOfWork

LABELS_KEY = "rectification.five_labels"
DEADLINES_KEY = "rectification.deadline_days"
LABEL_MAX = 20


def read_settings(uow: UnitOfWork) -> RectificationSettings:
    """The settings inside an open unit of work."""
    return RectificationSettings(
        labels=_labels(uow.settings.get(LABELS_KEY)), deadlines=_deadlines(uow.settings.get(DEADLINES_KEY))
    )


def _labels(text: str | None) -> FiveLabels | None:
    if not text:
        return None
    try:
        values = json.loads(text)
        if isinstance(values, list) and len(values) == 5 and all(isinstance(v, str) and v for v in values):
            return FiveLabels(*values)
    except ValueError:
        pass
    return None


def _deadlines(text: str | None) -> DeadlineDefaults:
    if not text:
        return DEFAULT_DEADLINES
    try:
        data = json.loads(text)
        bands = tuple((str(code), int(days)) for code, days in data["by_band"])
        return DeadlineDefaults(by_band=bands, no_band=int(data["no_band"]))
    except (ValueError, KeyError, TypeError):
        return DEFAULT_DEADLINES


@use_case("rectification.load_settings", *EVERYONE)
def load_settings(uow: UnitOfWork) -> RectificationSettings:
    """The stored settings, or the defaults (labels None: the program's translated labels)."""
    with uow:
        return read_settings(uow)


def check_settings(settings: RectificationSettings) -> RectificationSettings:
    """Check and normalise (labels stripped; all five the defaults' wording is kept as given).

    Raises:
        ValidationError: ``five_label_empty`` / ``five_label_too_long`` (params ``index`` 1–5, ``max``),
            ``deadline_days_invalid`` (params ``band``, ``max``), ``text_control_characters``.
    """
    labels = None
    if settings.labels is not None:
        cleaned = []
        for index, label in enumerate(settings.labels.as_tuple(), start=1):
            text = " ".join(refuse_control_characters(label, "labels", index=index).split())
            if not text:
                raise ValidationError("five_label_empty", field="labels", index=index)
            if len(text) > LABEL_MAX:
                raise ValidationError("five_label_too_long", field="labels", index=index, max=LABEL_MAX)
            cleaned.append(text)
        labels = FiveLabels(*cleaned)
    bands = []
    for code, days in (*settings.deadlines.by_band, ("", settings.deadlines.no_band)):
        if not isinstance(days, int) or isinstance(days, bool) or not 0 <= days <= MAX_DEADLINE_DAYS:
            raise ValidationError("deadline_days_invalid", field="deadlines", band=code, max=MAX_DEADLINE_DAYS)
        if code:
            bands.append((code, days))
    return RectificationSettings(labels, DeadlineDefaults(tuple(bands), settings.deadlines.no_band))


@use_case("rectification.save_settings", Role.SAFETY_ADMIN)
def save_settings(uow: UnitOfWork, settings: RectificationSettings) -> RectificationSettings:
    """Check and store (one transaction); labels None removes the plant's own wording.

    Raises:
        ValidationError: see :func:`check_settings`.
    """
    clean = check_settings(settings)
    with uow:
        labels = "" if clean.labels is None else json.dumps(list(clean.labels.as_tuple()), ensure_ascii=False)
        uow.settings.set(LABELS_KEY, labels)
        uow.settings.set(
            DEADLINES_KEY,
            json.dumps({"by_band": [list(b) for b in clean.deadlines.by_band], "no_band": clean.deadlines.no_band}),
        )
        uow.commit()
    return clean
