"""Live checks of a panel's composition (rule §5.2 / §7): size and parity, then each problem in words."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from hazard_desktop.domain.grading import DEFAULT_PANEL_RULE, CompositionRule, MemberScore, PanelProblem, check_panel
from hazard_desktop.ui.grading_messages import problem_text

OK_COLOUR = "#2e7d32"
PROBLEM_COLOUR = "#c62828"


class PanelChecks(QWidget):
    """A headline (``3 members — odd number ✓``) and one line per rule the panel breaks."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._problems: list[PanelProblem] = []
        self._count = 0
        self.headline = QLabel(self)
        self.headline.setObjectName("panelHeadline")
        self.list = QListWidget(self)
        self.list.setObjectName("panelProblems")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setWordWrap(True)
        self.list.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.headline)
        layout.addWidget(self.list)
        self.set_panel([], DEFAULT_PANEL_RULE)

    @property
    def problems(self) -> list[PanelProblem]:
        """The problems found by the last :meth:`set_panel`."""
        return list(self._problems)

    def first_text(self) -> str:
        """The first line shown, without its mark (the reason a start is refused)."""
        return self.list.item(0).text()[2:] if self.list.count() else ""

    def is_valid(self) -> bool:
        """True when the panel breaks no rule."""
        return not self._problems

    def texts(self) -> list[str]:
        """The lines shown (translated)."""
        return [self.list.item(row).text() for row in range(self.list.count())]

    def set_panel(
        self,
        members: Sequence[MemberScore],
        rule: CompositionRule = DEFAULT_PANEL_RULE,
        names: Mapping[uuid.UUID | str, str] | None = None,
        redundant: Callable[[PanelProblem, Sequence[PanelProblem]], bool] | None = None,
    ) -> list[PanelProblem]:
        """Check ``members`` against ``rule`` and show the result; return the problems.

        ``redundant(problem, all_problems)`` may hide a line that another line already says (the
        problems returned and :meth:`is_valid` still count it).
        """
        self._count = len(members)
        self._problems = check_panel(members, rule)
        count = self._count
        if count == 0:
            headline = self.tr("No members chosen yet")
        elif count % 2:
            headline = self.tr("%n member(s) — odd number ✓", "", count)
        else:
            headline = self.tr("%n member(s) — even number ✗", "", count)
        self.headline.setText(headline)
        self.headline.setStyleSheet(f"color: {OK_COLOUR if count % 2 else PROBLEM_COLOUR}; font-weight: bold;")
        self.list.clear()
        if not self._problems:
            item = QListWidgetItem("✓ " + self.tr("The panel's composition meets the rule."))
            item.setForeground(QBrush(QColor(OK_COLOUR)))
            self.list.addItem(item)
        shown = [p for p in self._problems if redundant is None or not redundant(p, self._problems)]
        for problem in shown:
            item = QListWidgetItem("✗ " + problem_text(problem, names, count))
            item.setForeground(QBrush(QColor(PROBLEM_COLOUR)))
            self.list.addItem(item)
        return self.problems
