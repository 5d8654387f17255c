"""The grading history of one hazard, shown as a section of the detail pane.

One card per grading (date, method, grade, mean D and band, threshold set, leader, confirmed or draft,
the correction it made or the one that replaced it, matched criteria with clause and evidence, and every
member's L, E, C and D in a small table) and per dispute (raised by, when, reason, state, ruling), oldest
first, as :func:`hazard_desktop.services.grading.grading_history` lists them. The grading that counts is
marked "Final" and framed in green.

Band names are the ones stored with the grading (what the band was called when it was graded); colours
come from the threshold set the grading used.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QLayout,
    QLayoutItem,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hazard_desktop.domain.grading_states import DisputeState, GradingMethod, PanelRole
from hazard_desktop.domain.hazards import HazardGrade
from hazard_desktop.domain.lec import DISPLAY_PLACES, EdgeRule, ThresholdSet, band_for_value, format_decimal
from hazard_desktop.services.context import AppContext
from hazard_desktop.ui import labels, messages
from hazard_desktop.ui.formatting import format_date, format_datetime, numbered_name
from hazard_desktop.ui.models.register_model import band_swatch

if TYPE_CHECKING:
    from hazard_desktop.domain.grading import Dispute, Grading, MemberScore
    from hazard_desktop.services.grading import HistoryEntry

log = logging.getLogger(__name__)


def _escape(text: str) -> str:
    """``text`` as HTML (``html`` is imported when a grading is first shown, not at the window's start)."""
    import html

    return html.escape(text)


FINAL_COLOUR = "#2e7d32"
DRAFT_COLOUR = "#f9a825"
SUPERSEDED_COLOUR = "#9e9e9e"
RULING_COLOUR = labels.DISPUTE_COLOURS[DisputeState.RULED]
CARD_EDGE = "#cfd8dc"
_GRADE_COLOURS = {HazardGrade.UNGRADED: "#757575", HazardGrade.GENERAL: "#2e7d32", HazardGrade.MAJOR: "#c62828"}

DisplayRole = int(Qt.ItemDataRole.DisplayRole)
TextAlignmentRole = int(Qt.ItemDataRole.TextAlignmentRole)
DecorationRole = int(Qt.ItemDataRole.DecorationRole)
ToolTipRole = int(Qt.ItemDataRole.ToolTipRole)
_ALIGN_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

COL_MEMBER, COL_DEPARTMENT, COL_ROLE, COL_L, COL_E, COL_C, COL_D = range(7)
SCORE_COLUMNS = 7


def text_colour_on(background: str) -> str:
    """Black or white, whichever reads better on ``background``."""
    colour = QColor(background)
    luminance = 0.299 * colour.red() + 0.587 * colour.green() + 0.114 * colour.blue()
    return "#000000" if luminance > 160 else "#ffffff"


def chip(text: str, colour: str, parent: QWidget | None = None, *, outline: bool = False) -> QLabel:
    """A small coloured label (filled, or outlined for softer marks such as "Draft")."""
    label = QLabel(text, parent)
    label.setObjectName("chip")
    if outline:
        style = f"color: {colour}; border: 1px solid {colour}; border-radius: 3px; padding: 1px 6px;"
    else:
        style = f"color: {text_colour_on(colour)}; background: {colour}; border-radius: 3px; padding: 1px 6px;"
    label.setStyleSheet(style)
    label.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
    return label


class FlowLayout(QLayout):
    """Lays widgets out left to right and wraps to a new line when the width runs out (chips in a narrow pane)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        width = sum(i.sizeHint().width() for i in self._visible()) + self._spacing * max(len(self._visible()) - 1, 0)
        height = max((i.sizeHint().height() for i in self._visible()), default=0)
        return QSize(width, height)

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        return size

    def _visible(self) -> list[QLayoutItem]:
        return [i for i in self._items if i.widget() is None or not i.widget().isHidden()]

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        for item in self._visible():
            hint = item.sizeHint()
            if x > rect.x() and x + hint.width() > rect.right() + 1:
                x, y, line = rect.x(), y + line + self._spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y()


class MemberScoresModel(QAbstractTableModel):
    """Each panel member's L, E, C and D (a small table inside a grading card).

    ``threshold_set`` (the one the grading used) gives each member's D the colour of its own band.
    """

    def __init__(
        self,
        scores: Sequence[MemberScore],
        threshold_set: ThresholdSet | None = None,
        parent: QWidget | None = None,
        numbers: Mapping[uuid.UUID, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._scores = tuple(scores)
        numbers = numbers or {}  # a member with a namesake in their department: with the 工号
        self._texts = [
            (
                numbered_name(s.person_name, numbers.get(s.person_id)),
                s.department_name,
                labels.panel_role_label(s.role),
                format_decimal(s.likelihood),
                format_decimal(s.exposure),
                format_decimal(s.consequence),
                format_decimal(s.d),
            )
            for s in self._scores
        ]
        self._icons: list[QIcon | None] = []
        self._bands: list[str] = []
        for score in self._scores:
            band = None
            if threshold_set is not None:
                try:
                    band = band_for_value(threshold_set, score.d)
                except Exception:  # a set with a gap: no colour, the value is still shown
                    band = None
            self._icons.append(band_swatch(band.colour) if band else None)
            self._bands.append(labels.localized(band.name_zh, band.name_en) if band else "")
        self._headers = (
            self.tr("Member"),
            self.tr("Department"),
            self.tr("Role"),
            "L",
            "E",
            "C",
            "D",
        )

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._scores)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else SCORE_COLUMNS

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._texts):
            return None
        row, column = index.row(), index.column()
        if role == DisplayRole:
            return self._texts[row][column]
        if role == TextAlignmentRole:
            return _ALIGN_RIGHT if column >= COL_L else _ALIGN_LEFT
        if role == DecorationRole and column == COL_D:
            return self._icons[row]
        if role == ToolTipRole and column == COL_D and self._bands[row]:
            return self.tr("This member's D alone falls in: {band}").format(band=self._bands[row])
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < SCORE_COLUMNS:
            if role == DisplayRole:
                return self._headers[section]
            if role == TextAlignmentRole:
                return _ALIGN_RIGHT if section >= COL_L else _ALIGN_LEFT
            return None
        return super().headerData(section, orientation, role)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


def scores_table(model: MemberScoresModel, *, show_roles: bool, parent: QWidget | None = None) -> QTableView:
    """A table as tall as its rows (it never scrolls vertically inside the scrolling pane)."""
    view = QTableView(parent)
    view.setObjectName("memberScores")
    view.setModel(model)
    model.setParent(view)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the department column gives way
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setColumnHidden(COL_ROLE, not show_roles)
    rows = view.verticalHeader()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(view.fontMetrics().height() + 8)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(COL_DEPARTMENT, QHeaderView.ResizeMode.Stretch)
    header.setMinimumSectionSize(22)
    view.setFixedHeight(
        header.sizeHint().height() + rows.defaultSectionSize() * model.rowCount() + 2 * view.frameWidth()
    )
    view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return view


class _Card(QFrame):
    """A framed block of one history entry: a title line with chips, then label: value rows."""

    def __init__(self, edge: str, parent: QWidget | None = None, *, dashed: bool = False, muted: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("historyCard")
        style = "dashed" if dashed else "solid"
        background = "#f5f5f5" if muted else "#ffffff"
        self.setStyleSheet(
            f"QFrame#historyCard {{ border: 1px {style} {CARD_EDGE}; border-left: 4px solid {edge};"
            f" border-radius: 4px; background: {background}; }}"
        )
        self.texts: dict[str, str] = {}  # row key → value text (tests and accessibility)
        self.chips: list[QLabel] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(10, 6, 8, 8)
        self._layout.setSpacing(4)
        self.title = QLabel(self)
        self.title.setObjectName("historyCardTitle")
        bold = self.title.font()
        bold.setBold(True)
        self.title.setFont(bold)
        self.title.setWordWrap(True)
        self._layout.addWidget(self.title)
        self._chips = FlowLayout()  # below the title, wrapping: chips beside it would squeeze it
        self._layout.addLayout(self._chips)
        # The label: value rows are one rich-text table in one label: a QGridLayout of word-wrapped labels
        # over-estimates their height (height-for-width) and leaves gaps under long values.
        self.details = QLabel(self)
        self.details.setObjectName("historyCardDetails")
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.details.hide()
        self._layout.addWidget(self.details)
        self._rows: list[str] = []
        self._muted = muted

    def add_chip(self, text: str, colour: str, *, outline: bool = False) -> QLabel:
        label = chip(text, colour, self, outline=outline)
        self._chips.addWidget(label)
        self.chips.append(label)
        return label

    def add_row(self, key: str, caption: str, value: str, *, value_html: str | None = None) -> None:
        """A caption: value row (``value`` is plain text; ``value_html`` replaces its display)."""
        self.texts[key] = value
        shown = value_html if value_html is not None else _escape(value).replace("\n", "<br>")
        colour = "#616161" if self._muted else "#212121"
        self._rows.append(
            f'<tr><td style="color:#546e7a; white-space:nowrap; padding-right:8px;" valign="top">'
            f'{_escape(caption)}</td><td style="color:{colour};" valign="top">{shown}</td></tr>'
        )
        self.details.setText(f'<table cellspacing="0" cellpadding="1">{"".join(self._rows)}</table>')
        self.details.show()

    def add_block(self, widget: QWidget) -> None:
        self._layout.addWidget(widget)

    def add_heading(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setStyleSheet("color: #546e7a; margin-top: 4px;")
        self._layout.addWidget(label)
        return label

    def chip_texts(self) -> list[str]:
        return [c.text() for c in self.chips]


class GradingCard(_Card):
    """One grading of the history."""

    def __init__(
        self,
        entry: HistoryEntry,
        threshold_set: ThresholdSet | None,
        decimals: int,
        dates: dict[uuid.UUID, str],
        parent: QWidget | None = None,
        *,
        overruled: bool = False,
        numbers: Mapping[uuid.UUID, str] | None = None,
    ) -> None:
        """``numbers``: the 工号 of people with a namesake in their department (``namesake_numbers``)."""
        numbers = numbers or {}
        grading = entry.grading
        assert grading is not None
        superseded = entry.superseded_by_id is not None
        if entry.is_final:
            edge = FINAL_COLOUR
        elif not grading.confirmed:
            edge = DRAFT_COLOUR
        elif superseded or overruled:
            edge = SUPERSEDED_COLOUR
        else:
            edge = CARD_EDGE
        super().__init__(edge, parent, dashed=not grading.confirmed, muted=superseded or overruled)
        self.entry = entry
        self.grading = grading
        self.title.setText(
            self.tr("{date} · {method}").format(
                date=format_date(grading.graded_on), method=labels.method_label(grading.method)
            )
        )
        self.add_chip(labels.grade_label(grading.grade), _GRADE_COLOURS[grading.grade])
        if entry.is_final:
            self.add_chip(self.tr("Final"), FINAL_COLOUR).setToolTip(self.tr("This grading counts for the hazard"))
        if not grading.confirmed:
            self.add_chip(self.tr("Draft"), "#e65100", outline=True).setToolTip(
                self.tr("Not confirmed by the panel leader yet: it does not count")
            )
        if superseded:
            self.add_chip(self.tr("Superseded"), "#757575", outline=True)
        elif overruled:
            self.add_chip(self.tr("Overruled"), "#757575", outline=True).setToolTip(
                self.tr("The dispute panel's ruling replaced this grading")
            )
        if grading.is_ruling:
            self.add_chip(self.tr("Dispute ruling"), RULING_COLOUR)

        self.band_colour = ""
        self.band_action = ""
        if grading.mean_d is not None:
            self._add_mean_row(grading, threshold_set, decimals)
        if grading.threshold_set_name:
            self.add_row("threshold_set", self.tr("Threshold set:"), self._set_text(grading, threshold_set))
        if grading.leader_name:
            leader = numbered_name(grading.leader_name, numbers.get(grading.leader_id) if grading.leader_id else None)
            self.add_row("leader", self.tr("Panel leader:"), leader)
        if grading.panel:  # a grading without scores: the panel that decided it (0015)
            roles = {PanelRole.LEADER: self.tr("leader"), PanelRole.DEPUTY: self.tr("deputy")}
            members = [
                f"{numbered_name(s.person_name, numbers.get(s.person_id))}"
                f" ({s.department_name}{', ' + roles[s.role] if s.role in roles else ''})"
                for s in grading.panel
            ]
            self.add_row("panel", self.tr("Panel:"), "\n".join(members))
        elif not grading.scores and not grading.is_ruling:
            self.add_row("panel", self.tr("Panel:"), self.tr("not recorded (graded before the panel was recorded)"))
        if grading.method is GradingMethod.LEC_PANEL or not grading.is_ruling:  # rule §5: what the §5.1 check found
            self.add_row("major_check", self.tr("§5.1 check:"), self._check_text(grading))
        if entry.meeting_title:
            self.add_row("meeting", self.tr("Meeting:"), entry.meeting_title)
        if grading.confirmed_at is not None:
            self.add_row("confirmed", self.tr("Confirmed:"), format_datetime(grading.confirmed_at))
        else:
            self.add_row("confirmed", self.tr("Confirmed:"), self.tr("No (draft)"))
        if grading.supersedes_id is not None:
            earlier = dates.get(grading.supersedes_id, "")
            text = self.tr("Corrects the grading of {date}").format(date=earlier) if earlier else self.tr("Correction")
            self.add_row("corrects", self.tr("Correction:"), text)
            self.add_row("correction_reason", self.tr("Reason:"), grading.correction_reason)
        if superseded:
            assert entry.superseded_by_id is not None
            later = dates.get(entry.superseded_by_id, "")
            text = self.tr("Replaced by the correction of {date}").format(date=later) if later else ""
            self.add_row("superseded", self.tr("Superseded:"), text or self.tr("Replaced by a correction"))
        if grading.decision_reason:
            self.add_row("decision_reason", self.tr("Panel's reason:"), grading.decision_reason)

        if grading.matches:
            self.add_heading(self.tr("Matched major-hazard criteria ({count}):").format(count=len(grading.matches)))
            for n, match in enumerate(grading.matches, start=1):
                where = f"{match.code} · {match.clause}" if match.clause else match.code
                label = QLabel(self)
                label.setObjectName("criterionMatch")
                label.setWordWrap(True)
                label.setTextFormat(Qt.TextFormat.PlainText)
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                label.setText(
                    f"{n}. {where}\n{match.text}\n" + self.tr("Evidence: {evidence}").format(evidence=match.evidence)
                )
                label.setStyleSheet("margin-left: 6px;")
                self.add_block(label)
                self.texts[f"criterion_{n}"] = label.text()
        if grading.scores:
            self.add_heading(self.tr("Scores of the {count} panel members:").format(count=len(grading.scores)))
            self.scores_model = MemberScoresModel(grading.scores, threshold_set, numbers=numbers)
            self.scores_view = scores_table(self.scores_model, show_roles=grading.is_ruling, parent=self)
            self.add_block(self.scores_view)

    def _check_text(self, grading: Grading) -> str:
        """The §5.1 check of a grading: what it found (no criterion; the criteria matched; none and the §4.3
        decision), against which version of the list, when, by whom; or that none was recorded."""
        check = grading.major_check
        if check is None:
            return self.tr("not recorded (graded before the check was recorded)")
        version = check.criteria
        newest = format_date(version.newest.date()) if version.newest is not None else ""
        listed = self.tr("{items} criteria, version {newest} {digest}").format(
            items=version.items, newest=newest, digest=version.short
        )
        if check.basis == "dispute" and not grading.verdicts and grading.supersedes_id is None:
            found = self.tr("the dispute claimed no criterion; the dispute panel ruled by LEC")
        elif check.basis == "dispute":  # CheckBasis.DISPUTE (the grading package is not loaded for the history)
            found = self.tr("the dispute panel upheld no criterion")
        elif grading.method is GradingMethod.CRITERIA:
            found = self.tr("criteria met: {codes}").format(codes=", ".join(m.code for m in grading.matches))
        elif grading.method is GradingMethod.PANEL_DECISION:
            found = self.tr("no criterion met; the panel decided under §4.3")
        else:
            found = self.tr("no criterion met")
        return self.tr("{found} ({listed}); {by}, {at}").format(
            found=found, listed=listed, by=check.checked_by, at=format_datetime(check.checked_at)
        )

    def _add_mean_row(self, grading: Grading, threshold_set: ThresholdSet | None, decimals: int) -> None:
        """Mean D with the band's name on the band's colour (the colour of the set the grading used)."""
        mean = grading.mean_text(decimals)
        name = labels.localized(grading.band_name_zh, grading.band_name_en) or (grading.band_code or "")
        colour = "#90a4ae"
        band = next((b for b in threshold_set.bands if b.code == grading.band_code), None) if threshold_set else None
        if band is not None:
            colour = band.colour
            self.band_action = labels.localized(band.action_zh, band.action_en)
        self.band_colour = colour
        shown = _escape(mean)
        if name:
            shown += (
                f'&nbsp;&nbsp;<span style="background-color:{colour}; color:{text_colour_on(colour)};">'
                f"&nbsp;{_escape(name)}&nbsp;</span>"
            )
            if self.band_action:
                shown += f' <span style="color:#546e7a;">{_escape(self.band_action)}</span>'
        self.add_row("mean_d", self.tr("Mean D:"), f"{mean} {name}".strip(), value_html=shown)

    def _set_text(self, grading: Grading, threshold_set: ThresholdSet | None) -> str:
        if threshold_set is None:
            return grading.threshold_set_name
        rule = self.tr("upper limit inclusive")
        if threshold_set.edge_rule is EdgeRule.LOWER_INCLUSIVE:
            rule = self.tr("lower limit inclusive")
        return self.tr("{name} (from {date}, {rule})").format(
            name=grading.threshold_set_name, date=threshold_set.effective_from.isoformat(), rule=rule
        )


class DisputeCard(_Card):
    """One dispute of the history."""

    def __init__(self, dispute: Dispute, parent: QWidget | None = None) -> None:
        colour = labels.DISPUTE_COLOURS[dispute.state]
        super().__init__(colour, parent)
        self.dispute = dispute
        self.title.setText(self.tr("{date} · Dispute").format(date=format_date(dispute.raised_at)))
        self.add_chip(labels.dispute_label(dispute.state), colour).setToolTip(labels.dispute_help(dispute.state))
        raised_by = dispute.raised_by_department_name
        if dispute.raised_by_person_name:
            raised_by = f"{raised_by} — {dispute.raised_by_person_name}"
        self.add_row("raised_by", self.tr("Raised by:"), raised_by)
        if dispute.claimed:
            claimed = ", ".join(f"{c.code} ({c.clause})" for c in dispute.claimed)
            self.add_row("claimed", self.tr("Criteria claimed:"), claimed)
        self.add_row("raised_at", self.tr("Raised on:"), format_datetime(dispute.raised_at))
        self.add_row("reason", self.tr("Reason:"), dispute.reason)
        if dispute.state is DisputeState.OPEN:
            self.add_row("state", self.tr("State:"), self.tr("Waiting for the dispute panel"))
        if dispute.ruled_at is not None:
            self.add_row("ruled_at", self.tr("Ruled on:"), format_datetime(dispute.ruled_at))
        if dispute.ruling_text:
            self.add_row("ruling", self.tr("Ruling:"), dispute.ruling_text)
        if dispute.withdrawn_at is not None:
            self.add_row("withdrawn_at", self.tr("Withdrawn on:"), format_datetime(dispute.withdrawn_at))
            if dispute.withdrawn_by_person_name:
                self.add_row(
                    "withdrawn_by",
                    self.tr("Withdrawn by:"),
                    f"{dispute.withdrawn_by_department_name} — {dispute.withdrawn_by_person_name}",
                )
            if dispute.withdrawn_reason:
                self.add_row("withdrawn_reason", self.tr("Why withdrawn:"), dispute.withdrawn_reason)


class GradingHistoryWidget(QWidget):
    """The gradings and disputes of the hazard shown in the detail pane.

    Signals:
        loaded(object): the list of HistoryEntry now shown (empty when cleared).
    """

    loaded = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gradingHistory")
        self._context = context
        self._hazard_id: uuid.UUID | None = None
        self._entries: list[HistoryEntry] = []
        self._sets: dict[uuid.UUID, ThresholdSet] = {}
        self._numbers: dict[uuid.UUID, str] = {}  # namesakes' 工号 (domain.reference.namesake_numbers)
        self.cards: list[_Card] = []

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(line)
        self.title = QLabel(self.tr("Grading history"), self)
        self.title.setObjectName("gradingHistoryTitle")
        bold = self.title.font()
        bold.setBold(True)
        self.title.setFont(bold)
        layout.addWidget(self.title)
        self.empty = QLabel(self.tr("Not graded yet."), self)
        self.empty.setObjectName("gradingHistoryEmpty")
        self.empty.setStyleSheet("color: #757575;")
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        self.list = QWidget(self)
        self.list_layout = QVBoxLayout(self.list)
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.list_layout.setSpacing(8)
        layout.addWidget(self.list)

    # ------------------------------------------------------------------ public

    @property
    def entries(self) -> list[HistoryEntry]:
        """What is shown, oldest first."""
        return list(self._entries)

    def hazard_id(self) -> uuid.UUID | None:
        """The hazard whose history is shown."""
        return self._hazard_id

    def final_grading(self) -> Grading | None:
        """The grading that counts, or None."""
        return next((e.grading for e in self._entries if e.is_final), None)

    def band_colour(self, grading: Grading) -> str:
        """The colour of ``grading``'s band in the threshold set it used (grey if unknown)."""
        threshold_set = self._sets.get(grading.threshold_set_id) if grading.threshold_set_id else None
        band = next((b for b in threshold_set.bands if b.code == grading.band_code), None) if threshold_set else None
        return band.colour if band is not None else "#90a4ae"

    def dispute_state(self) -> DisputeState | None:
        """The state of the latest dispute, or None if the hazard was never disputed."""
        disputes = [e.dispute for e in self._entries if e.dispute is not None]
        return disputes[-1].state if disputes else None

    def show_hazard(self, hazard_id: uuid.UUID | None) -> list[HistoryEntry]:
        """Load and show the history of ``hazard_id`` (None clears it). A load failure is shown instead."""
        self._hazard_id = hazard_id
        if hazard_id is None:
            self._fill([], {}, DISPLAY_PLACES)
            return []
        from hazard_desktop.domain.reference import namesake_numbers
        from hazard_desktop.services import grading as grading_service
        from hazard_desktop.services import reference_admin, reference_queries

        try:
            entries = grading_service.grading_history(self._context.uow(), hazard_id)
            if entries:  # who needs the 工号 to be told from a namesake of their department
                people = reference_queries.load_reference(self._context.uow(), include_inactive=True).people
                self._numbers = namesake_numbers(people)
            sets = {s.id: s for s in reference_admin.list_threshold_sets(self._context.uow())}
            decimals = reference_admin.get_settings(self._context.uow()).decimals
        except Exception as exc:
            if not messages.is_user_error(exc):
                raise
            log.warning("grading history of %s not readable: %s", hazard_id, exc)
            self._fill([], {}, DISPLAY_PLACES, messages.error_text(exc))
            return []
        self._fill(entries, sets, decimals)
        return entries

    def refresh(self) -> None:
        """Read the history of the hazard shown again."""
        self.show_hazard(self._hazard_id)

    def clear(self) -> None:
        """Show nothing."""
        self.show_hazard(None)

    # ------------------------------------------------------------------ internals

    def _fill(
        self, entries: list[HistoryEntry], sets: dict[uuid.UUID, ThresholdSet], decimals: int, error: str = ""
    ) -> None:
        for card in self.cards:
            self.list_layout.removeWidget(card)
            card.hide()
            card.deleteLater()
        self.cards = []
        self._entries = list(entries)
        self._sets = dict(sets)
        dates = {e.grading.id: format_date(e.grading.graded_on) for e in entries if e.grading is not None}
        final = next((e.grading for e in entries if e.is_final), None)
        ruled = final is not None and final.is_ruling
        if entries:  # the grading services are imported when a hazard is first shown, not at start-up
            from hazard_desktop.services.grading import HistoryKind
        for entry in entries:
            if entry.kind is HistoryKind.GRADING and entry.grading is not None:
                threshold_set = sets.get(entry.grading.threshold_set_id) if entry.grading.threshold_set_id else None
                grading = entry.grading
                overruled = ruled and grading.confirmed and not entry.is_final and not grading.is_ruling
                card: _Card = GradingCard(
                    entry, threshold_set, decimals, dates, self.list, overruled=overruled, numbers=self._numbers
                )
            elif entry.dispute is not None:
                card = DisputeCard(entry.dispute, self.list)
            else:  # pragma: no cover - the service sets one of the two
                continue
            self.list_layout.addWidget(card)
            self.cards.append(card)
        gradings = sum(1 for e in entries if e.kind is HistoryKind.GRADING)
        disputes = len(entries) - gradings
        if disputes:
            title = self.tr("Grading history (gradings: {gradings}, disputes: {disputes})")
        else:
            title = self.tr("Grading history (gradings: {gradings})")
        self.title.setText(
            title.format(gradings=gradings, disputes=disputes) if entries else self.tr("Grading history")
        )
        self.empty.setText(error or self.tr("Not graded yet."))
        self.empty.setVisible(not entries)
        self.list.setVisible(bool(entries))
        self.loaded.emit(self.entries)
