"""Small pieces shared by the grading dialogs: error banner, hazard line, grading summary."""

from __future__ import annotations

import uuid
from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

from hazard_desktop.domain.grading import Grading, GradingMethod
from hazard_desktop.domain.hazards import Hazard
from hazard_desktop.ui import labels
from hazard_desktop.ui.formatting import numbered_name
from hazard_desktop.ui.widgets.hidden_scoring import arg
from hazard_desktop.ui.widgets.lec_format import stored_band_name

CONTEXT = "GradingCommon"
ERROR_STYLE = "background: #fdecea; color: #b71c1c; border: 1px solid #f5c6cb; border-radius: 3px; padding: 6px;"
INFO_STYLE = "background: #e8f5e9; color: #1b5e20; border: 1px solid #c8e6c9; border-radius: 3px; padding: 6px;"

_METHOD = {
    GradingMethod.LEC_PANEL: QT_TRANSLATE_NOOP("GradingCommon", "LEC panel"),
    GradingMethod.CRITERIA: QT_TRANSLATE_NOOP("GradingCommon", "major-hazard criteria"),
    GradingMethod.PANEL_DECISION: QT_TRANSLATE_NOOP(
        "GradingCommon", "judgement by the §4.3 definition (not a listed criterion)"
    ),
}
_RULING = QT_TRANSLATE_NOOP("GradingCommon", "dispute panel ruling (§7)")
_SUMMARY_D = QT_TRANSLATE_NOOP("GradingCommon", "%1 by %2: D = %3 (%4); leader %5, %6")
_SUMMARY = QT_TRANSLATE_NOOP("GradingCommon", "%1 by %2; leader %3, %4")


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def make_error_label(parent: QWidget) -> QLabel:
    """A red banner for refused input, hidden until used."""
    label = QLabel(parent)
    label.setObjectName("errorLabel")
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def hazard_line(hazard: Hazard, limit: int = 60) -> str:
    """``YH-2026-0001 — 合成一车间 P-101A 机封泄漏…`` (description on one line, shortened)."""
    text = " ".join(hazard.description.split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"{hazard.number} — {text}"


def method_label(method: GradingMethod, *, ruling: bool = False) -> str:
    return _tr(_RULING) if ruling else _tr(_METHOD[method])


def grading_summary(grading: Grading, numbers: Mapping[uuid.UUID, str] | None = None) -> str:
    """One line: grade, method, mean D and band, leader and date; a leader in ``numbers`` (a namesake in their
    department, ``domain.reference.namesake_numbers``) with the 工号."""
    grade = labels.grade_label(grading.grade)
    leader = grading.leader_name
    if numbers and grading.leader_id is not None:
        leader = numbered_name(leader, numbers.get(grading.leader_id))
    if grading.mean_d is not None:
        band = stored_band_name(grading.band_name_zh, grading.band_name_en)
        return arg(
            _tr(_SUMMARY_D),
            grade,
            method_label(grading.method, ruling=grading.is_ruling),
            grading.mean_text(),
            band,
            leader,
            grading.graded_on.isoformat(),
        )
    method = method_label(grading.method, ruling=grading.is_ruling)
    return arg(_tr(_SUMMARY), grade, method, leader, grading.graded_on.isoformat())
