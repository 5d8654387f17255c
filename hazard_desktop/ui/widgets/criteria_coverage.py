"""A note wherever the major-hazard criteria are shown: the list the program holds may be incomplete.

§5.1 names "重大隐患判定标准(30条)"; the program ships 26 items (the rule's own examples and 121号's 20).
It never pretends the list is complete: "26 of the company's 30 items entered (6 of its own, 20 of 121号) — add
the rest".
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from hazard_desktop.domain.criteria import missing_items
from hazard_desktop.ui.widgets.hidden_scoring import arg

STYLE = "background: #fff8e1; color: #5d4037; border: 1px solid #ffe082; border-radius: 3px; padding: 4px;"


class CoverageNote(QLabel):
    """Hidden when every item of the rule's list is entered."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("criteriaCoverage")
        self.setWordWrap(True)
        self.setStyleSheet(STYLE)
        self.hide()

    def set_counts(self, entered: int, listed: int, company: int, national: int) -> None:
        """``company`` and ``national``: how many of the ``entered`` are the company's own and 121号's (the
        rule's 30 are both: a reader who counts only the company's own group must not think the rest lost)."""
        missing = missing_items(entered, listed)
        self.setText(
            arg(
                self.tr(
                    "%1 of the company's %2 major-hazard criteria (§5.1) are entered (%4 of the company's own, %5 of"
                    " SAWS No. 121) — add the other %3 in Tools → Settings → Major-hazard criteria. A"
                    " hazard that matches an item not entered here is still a major hazard."
                ),
                entered,
                listed,
                missing,
                company,
                national,
            )
        )
        self.setVisible(missing > 0)
