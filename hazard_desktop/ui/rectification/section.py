"""The detail pane's rectification section: where the loop stands, a button per step, and the timeline.

The buttons are the 整改 menu's actions (one ``QAction`` each, enabled by what the services allow); the
timeline lists every stored transition of the hazard, oldest first: when, who, what, the status it led
to, and the reason (退回, 延期, changes).
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hazard_desktop.ui import labels
from hazard_desktop.ui.formatting import format_date, format_datetime, numbered_name
from hazard_desktop.ui.grading_history import FlowLayout

if TYPE_CHECKING:
    from hazard_desktop.domain.rectification import Transition
    from hazard_desktop.services.rectification import RectificationView
    from hazard_desktop.ui.rectification.actions import RectificationActions

CONTEXT = "RectificationTimeline"
ACTION_TEXTS: dict[str, str] = {
    "assign": QT_TRANSLATE_NOOP("RectificationTimeline", "Rectification assigned (五定)"),
    "revise": QT_TRANSLATE_NOOP("RectificationTimeline", "Assignment revised"),
    "save_plan": QT_TRANSLATE_NOOP("RectificationTimeline", "Treatment plan saved"),
    "note": QT_TRANSLATE_NOOP("RectificationTimeline", "Progress note"),
    "request_extension": QT_TRANSLATE_NOOP("RectificationTimeline", "Extension requested"),
    "approve_extension": QT_TRANSLATE_NOOP("RectificationTimeline", "Extension approved"),
    "refuse_extension": QT_TRANSLATE_NOOP("RectificationTimeline", "Extension refused"),
    "submit": QT_TRANSLATE_NOOP("RectificationTimeline", "Acceptance requested"),
    "accept": QT_TRANSLATE_NOOP("RectificationTimeline", "Accepted, closed out"),
    "send_back": QT_TRANSLATE_NOOP("RectificationTimeline", "Sent back"),
    "on_the_spot": QT_TRANSLATE_NOOP("RectificationTimeline", "Fixed on the spot"),
    "grade": QT_TRANSLATE_NOOP("RectificationTimeline", "Graded"),
    "edit": QT_TRANSLATE_NOOP("RectificationTimeline", "Details edited"),
}
EDITED_FIELD_TEXTS: dict[str, str] = {
    "description": QT_TRANSLATE_NOOP("RectificationTimeline", "description"),
    "location": QT_TRANSLATE_NOOP("RectificationTimeline", "location"),
    "equipment_tag": QT_TRANSLATE_NOOP("RectificationTimeline", "equipment tag"),
    "department_id": QT_TRANSLATE_NOOP("RectificationTimeline", "department"),
    "category_code": QT_TRANSLATE_NOOP("RectificationTimeline", "category"),
    "subcategory_code": QT_TRANSLATE_NOOP("RectificationTimeline", "subcategory"),
    "found_by_id": QT_TRANSLATE_NOOP("RectificationTimeline", "found by"),
    "found_at": QT_TRANSLATE_NOOP("RectificationTimeline", "found at"),
}


def edited_text(details: dict[str, object]) -> str:
    """What an edit changed: its fields, and photos added or removed."""
    names = [
        QCoreApplication.translate(CONTEXT, EDITED_FIELD_TEXTS[name]) if name in EDITED_FIELD_TEXTS else str(name)
        for name in details.get("changed", []) or []  # type: ignore[union-attr]
    ]
    for key, text in (
        ("photos_added", QT_TRANSLATE_NOOP("RectificationTimeline", "%n photo(s) added")),
        ("photos_removed", QT_TRANSLATE_NOOP("RectificationTimeline", "%n photo(s) removed")),
    ):
        count = details.get(key) or 0
        if isinstance(count, int) and count > 0:
            names.append(QCoreApplication.translate(CONTEXT, text, "", count))
    return QCoreApplication.translate(CONTEXT, "changed: %1").replace("%1", "、".join(names))


def action_text(action: str) -> str:
    text = ACTION_TEXTS.get(action)
    return QCoreApplication.translate(CONTEXT, text) if text else action


def transition_text(transition: Transition, numbers: Mapping[uuid.UUID, str] | None = None) -> str:
    """One line of the timeline: when, who, what (→ new status), why. ``numbers``: the 工号 of people with a
    namesake in their department (``domain.reference.namesake_numbers``), shown after their name."""
    numbers = numbers or {}
    what = action_text(transition.action.value)
    if transition.to_status != transition.from_status:
        what += f" → {labels.status_label(transition.to_status)}"
    details = transition.details or {}
    extra = ""
    if transition.action.value in ("assign", "approve_extension") and details.get(
        "deadline" if transition.action.value == "assign" else "new_deadline"
    ):
        key = "deadline" if transition.action.value == "assign" else "new_deadline"
        extra = QCoreApplication.translate("RectificationTimeline", "deadline %1").replace("%1", str(details[key]))
    elif transition.action.value == "request_extension" and details.get("requested_deadline"):
        extra = QCoreApplication.translate("RectificationTimeline", "to %1").replace(
            "%1", str(details["requested_deadline"])
        )
    elif transition.action.value == "edit":
        extra = edited_text(details)
    elif transition.action.value in ("submit", "on_the_spot") and details.get("acceptor_name"):
        acceptor = str(details["acceptor_name"])
        acceptor_id = details.get("acceptor_id")
        acceptor = numbered_name(acceptor, numbers.get(uuid.UUID(str(acceptor_id)))) if acceptor_id else acceptor
        extra = QCoreApplication.translate("RectificationTimeline", "acceptor %1").replace("%1", acceptor)
    actor = numbered_name(transition.actor.name, numbers.get(transition.actor.person_id))
    line = f"{format_datetime(transition.at)}  {actor}（{transition.actor.department_name}）\n{what}"
    if extra:
        line += f"（{extra}）"
    if transition.reason:
        line += "\n" + QCoreApplication.translate("RectificationTimeline", "Reason: %1").replace(
            "%1", transition.reason
        )
    return line


class RectificationSection(QWidget):
    """The rectification part of the detail pane (see the module text)."""

    def __init__(self, actions: RectificationActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rectificationSection")
        self._actions = actions
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(line)
        title = QLabel(self.tr("Rectification"), self)
        bold = title.font()
        bold.setBold(True)
        title.setFont(bold)
        layout.addWidget(title)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.fields: dict[str, QLabel] = {}
        for key, text in (
            ("deadline", self.tr("Deadline")),
            ("days_left", self.tr("Days left")),
            ("responsible", self.tr("Responsible")),
            ("measures", self.tr("Measures")),
            ("acceptor", self.tr("Acceptor")),
            ("photos", self.tr("Photos")),
            ("closed_on", self.tr("Closed out on")),
        ):
            value = QLabel(self)
            value.setObjectName(f"rectify_{key}")
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.form.addRow(text + self.tr(":"), value)
            self.fields[key] = value
        layout.addLayout(self.form)
        self.buttons_box = QWidget(self)
        self.buttons_box.setObjectName("rectifyButtons")
        flow = FlowLayout(self.buttons_box, spacing=4)
        self.buttons: dict[str, QToolButton] = {}
        for name, action in actions.actions.items():
            button = QToolButton(self.buttons_box)
            button.setObjectName(f"button_{name}")
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            flow.addWidget(button)
            self.buttons[name] = button
        layout.addWidget(self.buttons_box)
        timeline_title = QLabel(self.tr("Timeline"), self)
        timeline_title.setFont(bold)
        layout.addWidget(timeline_title)
        self.timeline = QListWidget(self)
        self.timeline.setObjectName("rectifyTimeline")
        self.timeline.setWordWrap(True)
        self.timeline.setAlternatingRowColors(True)
        self.timeline.setMinimumHeight(120)
        layout.addWidget(self.timeline)
        self.empty = QLabel(self.tr("No steps yet."), self)
        self.empty.setStyleSheet("color: #757575;")
        layout.addWidget(self.empty)

    def show_view(self, view: RectificationView | None) -> None:
        """Show the loop of the hazard in the pane (None: empty)."""
        self.timeline.clear()
        for field in self.fields.values():
            field.clear()
        self.setVisible(view is not None)
        if view is None:
            return
        hazard = view.hazard
        self.fields["deadline"].setText(format_date(hazard.deadline))
        days = view.days_left
        if days is not None and hazard.status.value == "rectifying":
            text = str(days)
            if days < 0:
                text = self.tr("%n day(s) overdue", "", -days)
            if hazard.extension_pending:
                text += self.tr(" (extension asked)")
            self.fields["days_left"].setText(text)
            self.fields["days_left"].setStyleSheet("color: #c62828; font-weight: bold;" if days < 0 else "")
        names = self._actions.names()
        if hazard.responsible_department_id is not None or hazard.responsible_person_id is not None:
            parts = [names.get(i, "") for i in (hazard.responsible_person_id, hazard.responsible_department_id) if i]
            self.fields["responsible"].setText(
                "（".join(p for p in parts if p) + ("）" if all(parts) and len(parts) == 2 else "")
            )
        if view.assignment is not None:
            self.fields["measures"].setText(view.assignment.measures)
        if hazard.status.value == "verifying" and hazard.acceptor_id is not None:
            self.fields["acceptor"].setText(names.get(hazard.acceptor_id, ""))
        self.fields["closed_on"].setText(format_date(hazard.closed_on))
        stages = Counter(photo.stage.value for note in view.notes for photo in note.photos)
        parts = [
            text.replace("%1", str(stages[stage]))
            for stage, text in (
                ("before", self.tr("before %1")),
                ("progress", self.tr("progress %1")),
                ("after", self.tr("after %1")),
            )
            if stages[stage]
        ]
        self.fields["photos"].setText("，".join(parts))
        pane = self.parent()
        while pane is not None and not hasattr(pane, "set_loop_photo_count"):
            pane = pane.parent()
        if pane is not None:
            pane.set_loop_photo_count(hazard.id, sum(stages.values()))
        for field in self.fields.values():  # only what applies now (no empty 验收人 while 整改中)
            self.form.setRowVisible(field, bool(field.text()))
        numbers = self._actions.namesake_numbers() if view.timeline else {}
        for transition in view.timeline:
            item = QListWidgetItem(transition_text(transition, numbers))
            if transition.action.value == "send_back" or transition.action.value == "refuse_extension":
                item.setForeground(Qt.GlobalColor.darkRed)
            self.timeline.addItem(item)
        self.empty.setVisible(not view.timeline)
        self.timeline.setVisible(bool(view.timeline))
        self.timeline.scrollToBottom()
