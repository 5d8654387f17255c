"""Small choosers: which grading of a hazard's history to print, which meeting's batch to print."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hazard_desktop.domain.grading import GradingMethod
from hazard_desktop.domain.hazards import HazardGrade
from hazard_desktop.domain.sheet_prints import SheetKind
from hazard_desktop.services.grading import MeetingSummary
from hazard_desktop.services.sheets import SheetChoice
from hazard_desktop.ui import formatting
from hazard_desktop.ui.widgets import screen_fit

_DATA = Qt.ItemDataRole.UserRole


def _chinese() -> bool:
    """True when the interface is Chinese (the application sets the default locale to its language)."""
    return QLocale().language() == QLocale.Language.Chinese


class _ChooserDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, intro: str, headers: list[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        screen_fit.fit_on_show(self, (760, 360))
        label = QLabel(intro, self)
        label.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("choiceTree")
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setHeaderLabels(headers)
        self.tree.header().setStretchLastSection(True)
        self.tree.itemDoubleClicked.connect(lambda *_: self.accept())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.buttons)

    def _finish(self, selected_row: int) -> None:
        self.tree.header().resizeSections(QHeaderView.ResizeMode.ResizeToContents)
        if self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(max(selected_row, 0)))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.tree.topLevelItemCount() > 0)

    def chosen_data(self) -> object:
        """The data of the current row, or None."""
        item = self.tree.currentItem()
        return None if item is None else item.data(0, _DATA)

    def choose_row(self, row: int) -> None:
        """Make ``row`` current (tests)."""
        self.tree.setCurrentItem(self.tree.topLevelItem(row))


class SheetChoiceDialog(_ChooserDialog):
    """Pick one sheet of a hazard's history; the final grading is preselected."""

    def __init__(self, choices: list[SheetChoice], hazard_number: str, parent: QWidget | None = None) -> None:
        super().__init__(
            parent,
            self.tr("Choose the sheet — {number}").format(number=hazard_number),
            self.tr(
                "Hazard {number} was graded more than once. Choose the grading whose sheet you want; "
                "the one that counts now is selected."
            ).format(number=hazard_number),
            [
                self.tr("Sheet no."),
                self.tr("Sheet"),
                self.tr("Date"),
                self.tr("Method"),
                self.tr("Mean D"),
                self.tr("Result"),
                self.tr("Leader"),
                self.tr("Standing"),
                self.tr("Printed"),
            ],
        )
        self.setObjectName("sheetChoiceDialog")
        selected = 0
        for row, choice in enumerate(choices):
            if choice.is_final:
                selected = row
            kind = self.tr("Dispute ruling") if choice.kind is SheetKind.DISPUTE else self.tr("Grading sheet")
            if choice.grade is HazardGrade.MAJOR:
                result = self.tr("Major hazard")
            elif _chinese():
                result = choice.band_name_zh or choice.band_name_en
            else:
                result = choice.band_name_en or choice.band_name_zh
            if choice.is_final:
                standing = self.tr("counts now")
            elif choice.superseded:
                standing = self.tr("superseded")
            else:
                standing = ""
            printed = self.tr("%n time(s)", "", choice.prints) if choice.prints else self.tr("never")
            item = QTreeWidgetItem(
                [
                    choice.sheet_no,
                    kind,
                    formatting.format_date(choice.graded_on),
                    self.method_text(choice.method),
                    choice.mean_d,
                    result,
                    choice.leader_name,
                    standing,
                    printed,
                ]
            )
            item.setData(0, _DATA, choice)
            self.tree.addTopLevelItem(item)
        self._finish(selected)

    def method_text(self, method: GradingMethod) -> str:
        """How the grading was made, briefly."""
        texts = {
            GradingMethod.LEC_PANEL: self.tr("LEC panel"),
            GradingMethod.CRITERIA: self.tr("Major-hazard criteria"),
            GradingMethod.PANEL_DECISION: self.tr("Panel decision"),
        }
        return texts[GradingMethod(method)]

    def chosen(self) -> SheetChoice | None:
        """The sheet chosen."""
        value = self.chosen_data()
        return value if isinstance(value, SheetChoice) else None

    @classmethod
    def ask(cls, parent: QWidget | None, choices: list[SheetChoice], hazard_number: str) -> SheetChoice | None:
        """The chosen sheet (None if cancelled); a single choice is returned without asking."""
        if len(choices) == 1:
            return choices[0]
        if not choices:
            return None
        dialog = cls(choices, hazard_number, parent)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None


class MeetingChoiceDialog(_ChooserDialog):
    """Pick a grading meeting whose confirmed gradings print as one document (newest first)."""

    def __init__(self, meetings: list[MeetingSummary], parent: QWidget | None = None) -> None:
        super().__init__(
            parent,
            self.tr("Print meeting sheets"),
            self.tr("Choose the grading meeting: its confirmed gradings print as one document, one sheet each."),
            [self.tr("Date"), self.tr("Meeting"), self.tr("Leader"), self.tr("Gradings")],
        )
        self.setObjectName("meetingChoiceDialog")
        for summary in meetings:
            meeting = summary.meeting
            item = QTreeWidgetItem(
                [
                    formatting.format_date(meeting.held_on),
                    meeting.title,
                    formatting.numbered_name(meeting.leader_name, summary.leader_number),
                    str(summary.confirmed),
                ]
            )
            item.setData(0, _DATA, summary)
            self.tree.addTopLevelItem(item)
        self._finish(0)

    def chosen(self) -> MeetingSummary | None:
        """The meeting chosen."""
        value = self.chosen_data()
        return value if isinstance(value, MeetingSummary) else None

    @classmethod
    def ask(cls, parent: QWidget | None, meetings: list[MeetingSummary]) -> MeetingSummary | None:
        """The chosen meeting, or None if cancelled."""
        dialog = cls(meetings, parent)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
