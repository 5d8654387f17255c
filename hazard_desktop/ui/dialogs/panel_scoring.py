"""Panel scoring (隐患分级判定, rule §5): a panel grades one hazard or a batch at a meeting.

1. *Panel*: choose the members (安环部, 生产部, 工会; odd count) and the leader who confirms; the
   composition checks are shown live and an invalid panel cannot start.
2. *Scoring*, hazard by hazard: each member enters L, E and C on their own, into the services' blind
   scoring round (issue 14): under their own account, or on the leader's laptop confirming with their own
   PIN. The entries stay hidden from everyone, the leader included, until all are in (the services refuse
   to show them before). A major-hazard check (§5.1) can be run for the hazard at any time.
3. *Result*: every member's D, the exact mean and its band (colour), and a warning when the members' D fall
   into different bands. The leader confirms: the grading is stored and confirmed in one step (one
   use case, one transaction; a batch's meeting is opened with its first grading). A general (LEC) grading
   is confirmed only after the §5.1 check was answered (major by the criteria first, LEC only otherwise).
4. For a batch the same members score the next hazard, until the list is done.

Reads and writes go through :mod:`hazard_desktop.services.grading`.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hazard_desktop.domain.errors import DomainError
from hazard_desktop.domain.grading import (
    DEFAULT_PANEL_RULE,
    GRADING_PANEL_KINDS,
    CriteriaCheckResult,
    Grading,
    GradingMethod,
    MemberScore,
    PanelOutcome,
    PanelRole,
)
from hazard_desktop.domain.hazards import Hazard, HazardGrade, HazardStatus
from hazard_desktop.domain.lec import ThresholdSet
from hazard_desktop.domain.meetings import GradingMeeting
from hazard_desktop.services import grading as grading_service
from hazard_desktop.services import hazards as hazard_service
from hazard_desktop.services.context import AppContext
from hazard_desktop.services.grading import (
    CheckEntry,
    CriterionEntry,
    GradingRequest,
    GradingSetup,
    MeetingRequest,
    PanelEntry,
    ScoreEntry,
)
from hazard_desktop.ui import labels, messages
from hazard_desktop.ui.dialogs.criteria_check import CriteriaCheckDialog
from hazard_desktop.ui.dialogs.lec_calculator import fill_threshold_combo
from hazard_desktop.ui.formatting import QT_DATE_FORMAT, format_datetime
from hazard_desktop.ui.grading_messages import problem_text
from hazard_desktop.ui.widgets import screen_fit
from hazard_desktop.ui.widgets.band_swatch import MAJOR_COLOUR, BandSwatch
from hazard_desktop.ui.widgets.blind_round import BlindRound, confirm_gaps_text
from hazard_desktop.ui.widgets.common import INFO_STYLE, grading_summary, hazard_line, make_error_label
from hazard_desktop.ui.widgets.hidden_scoring import HiddenScoring, Values, arg
from hazard_desktop.ui.widgets.lec_format import band_name, today
from hazard_desktop.ui.widgets.member_picker import (
    Candidate,
    MemberPicker,
    Seat,
    candidate_label,
    candidate_name,
    namesakes,
    placeholder_score,
    select_candidates,
)
from hazard_desktop.ui.widgets.panel_checks import PanelChecks
from hazard_desktop.ui.widgets.panel_results import PanelResults

PAGE_PANEL, PAGE_SCORING, PAGE_RESULT, PAGE_DONE = range(4)


def to_entries(scores: Sequence[MemberScore]) -> list[ScoreEntry]:
    """The service's input for the members' scores."""
    return [ScoreEntry(s.person_id, s.likelihood, s.exposure, s.consequence, s.role) for s in scores]


def qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


@dataclass(frozen=True, slots=True)
class PanelScoringResult:
    """What the panel confirmed: the gradings (in order), the meeting of a batch, the hazards skipped."""

    gradings: tuple[Grading, ...]
    meeting: GradingMeeting | None
    skipped: tuple[uuid.UUID, ...]


def load_hazards(context: AppContext, hazard_ids: Sequence[uuid.UUID]) -> list[Hazard]:
    """The hazards to grade, in the order given (duplicates dropped)."""
    seen: set[uuid.UUID] = set()
    result = []
    for hazard_id in hazard_ids:
        if hazard_id in seen:
            continue
        seen.add(hazard_id)
        result.append(hazard_service.get_hazard(context.uow(), hazard_id))
    return result


def can_be_graded(hazard: Hazard) -> bool:
    """Ungraded and not closed out (a graded hazard is corrected, not graded again)."""
    return hazard.grade is HazardGrade.UNGRADED and hazard.status is not HazardStatus.CLOSED


@dataclass(frozen=True, slots=True)
class CarriedCheck:
    """A §5.1 check made beforehand in the standalone dialog (Grading → Major-hazard check) for one hazard: its
    result and who made it (the signed-in account's name, "" in single-user mode). The grading window starts with
    it, saying so, when it went through the criteria list still in force."""

    result: CriteriaCheckResult
    by: str


class PanelScoringDialog(QDialog):
    """Grade one hazard or a batch with a scoring panel. Use :meth:`ask`.

    Tests drive it with :meth:`set_members`, :meth:`set_leader`, :meth:`start_scoring`,
    ``scoring.enter(L, E, C)`` for each member, :meth:`set_check` and :meth:`confirm_current`. A LEC (general)
    grading is confirmed only once the §5.1 check was answered for the hazard (rule §5).

    Signals:
        graded(object): a grading was stored and confirmed (the :class:`Grading`).
    """

    graded = Signal(object)

    #: Closing with a check or scores not confirmed asks first (tests that leave a dialog open switch it off:
    #: nobody answers a modal question when pytest-qt closes the dialog at teardown).
    ask_before_discard = True

    def __init__(
        self,
        context: AppContext,
        hazard_ids: Sequence[uuid.UUID],
        parent: QWidget | None = None,
        *,
        setup: GradingSetup | None = None,
        on: date | None = None,
        check: CriteriaCheckResult | None = None,
        carried: Mapping[uuid.UUID, CarriedCheck] | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        from hazard_desktop.ui.grading_actions import panel_grading_refusal

        self.refusal = panel_grading_refusal(context)  # said before anyone is chosen, not after the scores
        self._setup = setup or grading_service.grading_setup(context.uow(), on or today())
        all_hazards = load_hazards(context, hazard_ids)
        self._hazards = [h for h in all_hazards if can_be_graded(h)]
        self._not_gradable = [h for h in all_hazards if not can_be_graded(h)]
        self._index = 0
        self._checks: dict[uuid.UUID, CriteriaCheckResult] = {}
        # checks made beforehand: only those that went through the criteria list still in force (else: again)
        gradable = {h.id for h in self._hazards}
        self._carried = {
            key: value
            for key, value in (carried or {}).items()
            if key in gradable and value.result.criteria_version == self._setup.criteria_version
        }
        self._checks.update({key: value.result for key, value in self._carried.items()})
        if check is not None and self._hazards:
            self._checks[self._hazards[0].id] = check
        self._outcome: PanelOutcome | None = None
        self._gradings: list[Grading] = []
        self._skipped: list[uuid.UUID] = []
        self._meeting: GradingMeeting | None = None
        self._seats: list[Seat] = []
        self.round = BlindRound(context, self.show_error)  # the current hazard's blind scoring round
        self.setObjectName("panelScoring")
        self.setWindowTitle(self.tr("Grade hazards with the panel") if self.is_batch else self.tr("Grade hazard"))

        self.error_label = make_error_label(self)
        self._actions: dict[int, QHBoxLayout] = {}
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._build_panel_page())
        self.pages.addWidget(self._build_scoring_page())
        self.pages.addWidget(self._build_result_page())
        self.pages.addWidget(self._build_done_page())
        self.actions = screen_fit.PageActions(self.pages, self._actions, self)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("Close"))
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.error_label)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.actions)
        layout.addWidget(self.buttons)
        # The pages scroll; the error, the page's action buttons and Close stay in view, and the dialog does
        # not grow past the screen when a page or the member list changes.
        screen_fit.fit_on_show(
            self, (860, 640), scroll=True, keep=(self.error_label, self.actions), remember="panelScoring"
        )
        self._panel_changed()
        self.pages.setCurrentIndex(PAGE_PANEL)

    # ------------------------------------------------------------------ pages

    def _build_panel_page(self) -> QWidget:
        page = QWidget(self)
        self.hazard_list = QListWidget(page)
        self.hazard_list.setObjectName("hazardList")
        for hazard in self._hazards:
            self.hazard_list.addItem(hazard_line(hazard, 80))
        for hazard in self._not_gradable:
            item = QListWidgetItem(
                arg(self.tr("%1 (already graded or closed: not graded again here)"), hazard_line(hazard, 60))
            )
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.hazard_list.addItem(item)
        lines = max(1, min(5, self.hazard_list.count()))
        self.hazard_list.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 16)

        self.meeting_title = QLineEdit(page)
        self.meeting_title.setObjectName("meetingTitle")
        self.meeting_title.setMaxLength(120)
        self.graded_on = QDateEdit(page)
        self.graded_on.setObjectName("gradedOn")
        self.graded_on.setCalendarPopup(True)
        self.graded_on.setDisplayFormat(QT_DATE_FORMAT)
        self.graded_on.setDate(qdate(self._setup.today))
        self.meeting_title.setText(arg(self.tr("Hazard grading meeting %1"), self._setup.today.isoformat()))
        self.threshold_set = QComboBox(page)
        self.threshold_set.setObjectName("thresholdSet")
        fill_threshold_combo(self.threshold_set, self._setup.threshold_sets, self._setup.today)
        self.leader = QComboBox(page)
        self.leader.setObjectName("leader")
        shared = namesakes(self._setup.people)  # a leader with a namesake in their department: with the 工号
        for candidate in self._setup.leaders:
            self.leader.addItem(candidate_label(candidate, shared), str(candidate.person_id))
        self.leader.currentIndexChanged.connect(self._panel_changed)

        self.picker = MemberPicker(page)
        self.picker.setObjectName("memberPicker")
        self.picker.set_candidates(select_candidates(self._setup.people, kinds=GRADING_PANEL_KINDS))
        self.picker.changed.connect(self._panel_changed)
        self.checks = PanelChecks(page)
        self.checks.setObjectName("panelChecks")
        self.start_button = QPushButton(self.tr("Start scoring"), page)
        self.start_button.setObjectName("startScoring")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start_scoring)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        if self.is_batch:
            form.addRow(self.tr("Meeting:"), self.meeting_title)
        else:
            self.meeting_title.hide()
        form.addRow(self.tr("Graded on:"), self.graded_on)
        form.addRow(self.tr("Threshold set:"), self.threshold_set)
        form.addRow(self.tr("Leader (confirms):"), self.leader)

        hazards_box = QGroupBox(
            self.tr("Hazards to grade (%n)", "", len(self._hazards)) if self.is_batch else self.tr("Hazard to grade"),
            page,
        )
        QVBoxLayout(hazards_box).addWidget(self.hazard_list)
        members_box = QGroupBox(
            labels.mnemonic_safe(self.tr("Panel members (Safety & Env., Production, Trade union; odd number)")), page
        )
        members_layout = QVBoxLayout(members_box)
        members_layout.addWidget(self.picker, 1)
        members_layout.addWidget(self.checks)
        start_row = QHBoxLayout()
        start_row.addStretch(1)
        start_row.addWidget(self.start_button)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(hazards_box)
        layout.addLayout(form)
        layout.addWidget(members_box, 1)
        self._actions[PAGE_PANEL] = start_row  # shown below the scrolled page (screen_fit.PageActions)
        return page

    def _hazard_header(self, parent: QWidget) -> QLabel:
        label = QLabel(parent)
        label.setWordWrap(True)
        font = QFont(label.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        label.setFont(font)
        return label

    def _build_scoring_page(self) -> QWidget:
        page = QWidget(self)
        self.scoring_header = self._hazard_header(page)
        self.scoring_header.setObjectName("scoringHeader")
        self.check_button = QPushButton(self.tr("Major-hazard check…"), page)
        self.check_button.setObjectName("checkButton")
        self.check_button.clicked.connect(self.open_check)
        self.check_verdict = BandSwatch(page, self.tr("not checked"))
        self.check_verdict.setObjectName("checkVerdict")
        self.skip_scoring_button = QPushButton(self.tr("Confirm as major without LEC scores"), page)
        self.skip_scoring_button.setObjectName("skipScoring")
        self.skip_scoring_button.clicked.connect(self.skip_scoring)
        self.scoring = HiddenScoring(page)
        self.scoring.setObjectName("hiddenScoring")
        self.scoring.completed.connect(self._scores_complete)
        self.scoring.refused.connect(self.show_error)
        self.scoring.set_submitter(self._submit_entry, self.round.needs_pin)

        check_row = QHBoxLayout()
        check_row.addWidget(QLabel(self.tr("§5.1 major-hazard check:"), page))
        check_row.addWidget(self.check_verdict)
        check_row.addWidget(self.check_button)
        check_row.addStretch(1)
        check_row.addWidget(self.skip_scoring_button)
        self.check_origin = QLabel(page)
        self.check_origin.setObjectName("checkOrigin")
        self.check_origin.setWordWrap(True)
        self.check_origin.setStyleSheet("color: #455a64;")
        self.check_origin.hide()
        scores_box = QGroupBox(self.tr("§5.2 LEC scores, one member at a time"), page)
        QVBoxLayout(scores_box).addWidget(self.scoring)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scoring_header)
        layout.addLayout(check_row)
        layout.addWidget(self.check_origin)
        layout.addWidget(scores_box, 1)
        return page

    def _build_result_page(self) -> QWidget:
        page = QWidget(self)
        self.result_header = self._hazard_header(page)
        self.result_header.setObjectName("resultHeader")
        self.results = PanelResults(page)
        self.results.setObjectName("panelResults")
        self.grade_verdict = BandSwatch(page)
        self.grade_verdict.setObjectName("gradeVerdict")
        self.grade_detail = QLabel(page)
        self.grade_detail.setObjectName("gradeDetail")
        self.grade_detail.setWordWrap(True)
        self.check_details = QLabel(page)
        self.check_details.setObjectName("checkDetails")
        self.check_details.setWordWrap(True)
        self.check_details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.check_details.setStyleSheet(
            "background: #fdecea; color: #5f2120; border: 1px solid #f5c6cb; border-radius: 3px; padding: 6px;"
        )
        self.check_details.hide()
        # §5: the criteria list decides first (§5.1), LEC only grades what no criterion matched (§5.2)
        self.check_needed = QLabel(self.check_needed_text(), page)
        self.check_needed.setObjectName("checkNeeded")
        self.check_needed.setWordWrap(True)
        self.check_needed.setStyleSheet(
            "background: #fff8e1; color: #5d4037; border: 1px solid #ffe082; border-radius: 3px; padding: 6px;"
        )
        self.check_needed.hide()
        self.result_check_button = QPushButton(self.tr("Major-hazard check…"), page)
        self.result_check_button.setObjectName("resultCheckButton")
        self.result_check_button.clicked.connect(self.open_check)
        self.rescore_button = QPushButton(self.tr("Score again"), page)
        self.rescore_button.setObjectName("rescore")
        self.rescore_button.clicked.connect(self.rescore_current)
        self.skip_button = QPushButton(self.tr("Skip this hazard"), page)
        self.skip_button.setObjectName("skipHazard")
        self.skip_button.clicked.connect(self.skip_current)
        self.skip_button.setVisible(self.is_batch)
        self.confirm_button = QPushButton(page)
        self.confirm_button.setObjectName("confirmGrading")
        self.confirm_button.setDefault(True)
        self.confirm_button.clicked.connect(self.confirm_current)

        verdict_row = QHBoxLayout()
        verdict_row.addWidget(QLabel(self.tr("Grade:"), page))
        verdict_row.addWidget(self.grade_verdict)
        verdict_row.addWidget(self.grade_detail, 1)
        verdict_row.addWidget(self.result_check_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.rescore_button)
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.result_header)
        layout.addLayout(verdict_row)  # the grade first: at 150 % it was cut off below the fold (trial shot 84)
        layout.addWidget(self.check_details)
        layout.addWidget(self.check_needed)
        layout.addWidget(self.results)
        layout.addStretch(1)
        self._actions[PAGE_RESULT] = buttons
        return page

    def _build_done_page(self) -> QWidget:
        page = QWidget(self)
        self.done_label = QLabel(page)
        self.done_label.setObjectName("doneLabel")
        self.done_label.setWordWrap(True)
        self.done_label.setStyleSheet(INFO_STYLE)
        # One line per hazard, wrapped to the page's width: a 重大 summary (the §4.3 reason, the panel) is longer
        # than the dialog at 150 % and scrolled sideways, its scroll bar covering the last row.
        self.done_list = QListWidget(page)
        self.done_list.setObjectName("doneList")
        self.done_list.setWordWrap(True)
        self.done_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.done_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.done_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.done_label)
        layout.addWidget(self.done_list, 1)
        return page

    # ------------------------------------------------------------------ running it

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        context: AppContext,
        hazard_ids: Sequence[uuid.UUID],
        *,
        check: CriteriaCheckResult | None = None,
        carried: Mapping[uuid.UUID, CarriedCheck] | None = None,
    ) -> PanelScoringResult | None:
        """Run the dialog modally; return what was confirmed (None if nothing was). ``carried``: checks made
        beforehand in the standalone dialog, by hazard (used when made against the list still in force)."""
        dialog = cls(context, hazard_ids, parent, check=check, carried=carried)
        try:
            dialog.exec()
            result = dialog.result_value
            return result if result.gradings else None
        finally:
            dialog.deleteLater()

    @property
    def is_batch(self) -> bool:
        return len(self._hazards) > 1

    @property
    def hazards(self) -> list[Hazard]:
        return list(self._hazards)

    @property
    def current_hazard(self) -> Hazard | None:
        return self._hazards[self._index] if self._index < len(self._hazards) else None

    @property
    def result_value(self) -> PanelScoringResult:
        return PanelScoringResult(tuple(self._gradings), self._meeting, tuple(self._skipped))

    def current_page(self) -> int:
        return self.pages.currentIndex()

    def set_members(self, person_ids: Sequence[uuid.UUID]) -> None:
        self.picker.set_checked(person_ids)

    def set_leader(self, person_id: uuid.UUID) -> bool:
        row = self.leader.findData(str(person_id))
        if row >= 0:
            self.leader.setCurrentIndex(row)
        return row >= 0

    def set_graded_on(self, day: date) -> None:
        self.graded_on.setDate(qdate(day))

    def set_threshold_set(self, set_id: uuid.UUID) -> bool:
        row = self.threshold_set.findData(str(set_id))
        if row >= 0:
            self.threshold_set.setCurrentIndex(row)
        return row >= 0

    def leader_id(self) -> uuid.UUID | None:
        data = self.leader.currentData()
        return None if data is None else uuid.UUID(data)

    def threshold_set_id(self) -> uuid.UUID | None:
        data = self.threshold_set.currentData()
        return None if data is None else uuid.UUID(data)

    def chosen_threshold_set(self) -> ThresholdSet | None:
        set_id = self.threshold_set_id()
        return next((s for s in self._setup.threshold_sets if s.id == set_id), None)

    def seats(self) -> list[Seat]:
        return [Seat(c) for c in self.picker.checked()]

    def _numbers(self) -> dict[uuid.UUID, str]:
        """The 工号 of the people shown with it: those with a namesake in their department."""
        shared = namesakes(self._setup.people)
        return {c.person_id: c.employee_no for c in self._setup.people if c.person_id in shared and c.employee_no}

    def _names(self) -> dict[uuid.UUID | str, str]:
        shared = namesakes(self._setup.people)
        names: dict[uuid.UUID | str, str] = {c.person_id: candidate_name(c, shared) for c in self._setup.people}
        names.update({d.id: d.name for d in self._setup.departments})
        return names

    def _panel_changed(self) -> None:
        seats = self.seats()
        self.checks.set_panel([placeholder_score(s) for s in seats], DEFAULT_PANEL_RULE, self._names())
        gaps = self.confirm_gaps_text(seats) if self.checks.is_valid() and not self.refusal else ""
        ready = self.checks.is_valid() and self.leader_id() is not None and bool(self._hazards) and not gaps
        self.start_button.setEnabled(ready and not self.refusal)
        if self.refusal:
            self.show_error_text(self.refusal)
            self.start_button.setToolTip(self.refusal)
        elif gaps:
            self.show_error_text(gaps)
        elif self.checks.is_valid():
            self.clear_error()

    def confirm_gaps_text(self, seats: Sequence[Seat]) -> str:
        """Who of the chosen members could not confirm their own score (no account, or a PIN still to be
        changed), named now rather than when their turn comes; "" when everyone can."""
        return confirm_gaps_text(self._context, seats, self._names())

    # ---- errors
    def show_error(self, exc: BaseException) -> None:
        self.show_error_text(messages.error_text(exc, "grading", self._names()))

    def show_error_text(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def clear_error(self) -> None:
        self.error_label.hide()
        self.error_label.clear()

    def error_message(self) -> str:
        return "" if self.error_label.isHidden() else self.error_label.text()

    # ---- step 1 → 2
    def start_scoring(self) -> bool:
        """Check the panel and begin scoring the first hazard; False (with the reason shown) if refused."""
        self.clear_error()
        if not self._hazards:
            self.show_error(DomainError("hazards_empty"))
            return False
        seats = self.seats()
        problems = self.checks.set_panel([placeholder_score(s) for s in seats], DEFAULT_PANEL_RULE, self._names())
        if problems:
            self.show_error_text(problem_text(problems[0], self._names(), len(seats)))
            return False
        if self.leader_id() is None:
            self.show_error(DomainError("leader_empty"))
            return False
        if self.chosen_threshold_set() is None:
            self.show_error(DomainError("no_threshold_set"))
            return False
        gaps = self.confirm_gaps_text(seats)
        if gaps:
            self.show_error_text(gaps)
            return False
        self._seats = seats
        self.picker.setEnabled(False)
        self._begin_hazard()
        return True

    def _begin_hazard(self) -> None:
        hazard = self.current_hazard
        if hazard is None:
            self._finish()
            return
        self._outcome = None
        self.round.open(hazard.id, self._seats)
        self.scoring.start(self._setup.scales, self._seats, namesakes(self._setup.people))
        header = hazard_line(hazard, 90)
        if self.is_batch:
            header = arg(self.tr("Hazard %1 of %2: %3"), self._index + 1, len(self._hazards), header)
        self.scoring_header.setText(header)
        self.result_header.setText(header)
        self._show_check()
        self.pages.setCurrentIndex(PAGE_SCORING)

    # ---- blind scoring round (services: issue 14)
    @property
    def _round_id(self) -> uuid.UUID | None:
        return self.round.round_id

    def revealed_entries(self) -> list[ScoreEntry] | None:
        """The members' scores from the services once all have entered; None before (hidden from everyone)."""
        return self.round.revealed_entries()

    def _submit_entry(self, seat: Seat, values: Values, pin: str | None) -> None:
        self.clear_error()
        self.round.submit(seat, values, pin)

    # ---- §5.1 check
    def current_check(self) -> CriteriaCheckResult | None:
        hazard = self.current_hazard
        return None if hazard is None else self._checks.get(hazard.id)

    def set_check(self, result: CriteriaCheckResult | None) -> None:
        """Record the major-hazard check of the current hazard (None: not checked)."""
        hazard = self.current_hazard
        if hazard is None:
            return
        if result is None:
            self._checks.pop(hazard.id, None)
        else:
            self._checks[hazard.id] = result
        self._carried.pop(hazard.id, None)  # this window's own answer now
        self._show_check()

    def open_check(self) -> CriteriaCheckResult | None:
        """Run the major-hazard check dialog for the current hazard and keep its result."""
        hazard = self.current_hazard
        if hazard is None:
            return None
        result = CriteriaCheckDialog.ask(self, self._context, hazard_line(hazard, 90))
        if result is not None:
            self.set_check(result)
        return result

    def _check_text(self, check: CriteriaCheckResult) -> str:
        if check.matches:
            return arg(self.tr("matches %1"), ", ".join(m.code for m in check.matches))
        if check.decision_reason:
            return self.tr("panel decision under §4.3")
        return ""

    def check_origin_text(self) -> str:
        """Whose check the current hazard's answer is when it was made beforehand ("" when made here)."""
        hazard = self.current_hazard
        carried = None if hazard is None else self._carried.get(hazard.id)
        if carried is None:
            return ""
        when = carried.result.checked_at
        return arg(
            self.tr(
                "This answer is the major-hazard check made by %1 at %2 (Grading → Major-hazard check) against the "
                "criteria list still in force. Press “Major-hazard check…” to go through it again."
            ),
            carried.by or self.tr("the single user"),
            "" if when is None else format_datetime(when),
        )

    def _show_check(self) -> None:
        origin = self.check_origin_text()
        self.check_origin.setText(origin)
        self.check_origin.setVisible(bool(origin))
        check = self.current_check()
        if check is None:
            self.check_verdict.clear_band()
        elif check.is_major:
            self.check_verdict.set_verdict(
                labels.grade_label(HazardGrade.MAJOR) + " — " + self._check_text(check), MAJOR_COLOUR
            )
        else:
            self.check_verdict.set_verdict(self.tr("no criterion matches"), "#546e7a")
        self.skip_scoring_button.setEnabled(check is not None and check.is_major)
        self._show_grade()

    # ---- step 2 → 3
    def _scores_complete(self) -> None:
        try:
            entries = self.revealed_entries()
            if entries is None:
                raise DomainError("scoring_incomplete")
            self._outcome = grading_service.preview_panel(
                self._setup,
                entries,
                threshold_set_id=self.threshold_set_id(),
                graded_on=pydate(self.graded_on.date()),
            )
        except DomainError as exc:
            self._outcome = None
            self.show_error(exc)
            return
        self.results.set_outcome(self._outcome, self.chosen_threshold_set(), self._numbers())
        self.results.show()
        self._show_grade()
        self.pages.setCurrentIndex(PAGE_RESULT)

    def skip_scoring(self) -> bool:
        """Go to the result without LEC scores (only for a hazard the check found major)."""
        check = self.current_check()
        if check is None or not check.is_major:
            return False
        self._outcome = None
        self.results.set_outcome(None, None)
        self.results.hide()
        self._show_grade()
        self.pages.setCurrentIndex(PAGE_RESULT)
        return True

    def _check_details_text(self, check: CriteriaCheckResult | None) -> str:
        if check is None or not check.is_major:
            return ""
        if check.matches:
            lines = [self.tr("Major-hazard criteria matched (§5.1):")]
            for match in check.matches:
                template = self.tr("• %1 (%2): %3 — evidence: %4")
                lines.append(arg(template, match.code, match.clause, match.text, match.evidence))
            return "\n".join(lines)
        return arg(self.tr("Panel decision under §4.3, reason: %1"), check.decision_reason)

    def _show_grade(self) -> None:
        check = self.current_check()
        outcome = self._outcome
        details = self._check_details_text(check)
        self.check_details.setText(details)
        self.check_details.setVisible(bool(details))
        leader = self.leader.currentText()
        if check is not None and check.is_major:
            self.grade_verdict.set_verdict(labels.grade_label(HazardGrade.MAJOR), MAJOR_COLOUR)
            detail = self._check_text(check)
            if outcome is not None:
                detail += arg(
                    self.tr("; LEC kept for the record: D = %1 (%2)"), outcome.mean_text(), band_name(outcome.band)
                )
            else:
                shared = namesakes(self._setup.people)
                names = "、".join(candidate_name(s.candidate, shared) for s in self._seats)
                detail += arg(self.tr("; decided by the panel (recorded on the sheet): %1"), names)
            self.grade_detail.setText(detail)
        elif outcome is not None:
            general = labels.grade_label(HazardGrade.GENERAL)
            if check is None:  # rule §5: the criteria decide first; until then the LEC result is provisional
                general = arg(self.tr("LEC provisional: %1 (awaiting the §5.1 check)"), general)
            self.grade_verdict.set_verdict(general, outcome.band.colour)
            detail = arg(self.tr("D = %1, %2"), outcome.mean_text(), band_name(outcome.band))
            if check is not None:  # answered: no criterion matches
                detail += self.tr("; §5.1 check: no criterion matches")
            self.grade_detail.setText(detail)
        else:
            self.grade_verdict.clear_band()
            self.grade_detail.setText("")
        self.confirm_button.setText(arg(self.tr("Confirm grading (leader %1)"), leader))
        # a general (LEC) grading only after the §5.1 check was answered: "no criterion matches" or a match
        check_needed = check is None and outcome is not None
        self.check_needed.setVisible(check_needed)
        self.confirm_button.setToolTip(self.check_needed_text() if check_needed else "")
        self.confirm_button.setEnabled(check is not None and (outcome is not None or check.is_major))
        self.confirm_button.setDefault(not check_needed)
        self.result_check_button.setDefault(check_needed)
        if not check_needed and self.error_message() == self.check_needed_text():
            self.clear_error()  # answered now

    def check_needed_text(self) -> str:
        """Why a LEC grading cannot be confirmed yet (rule §5: the §5.1 criteria are checked first)."""
        return self.tr(
            "Complete the §5.1 major-hazard check first (go through the criteria one by one), then confirm the LEC"
            " grading."
        )

    def rescore_current(self) -> None:
        """All members score the current hazard again (the entries so far are discarded)."""
        self._outcome = None
        self.clear_error()
        hazard = self.current_hazard
        if hazard is not None:
            self.round.open(hazard.id, self._seats)
        self.scoring.restart()
        self._show_grade()
        self.pages.setCurrentIndex(PAGE_SCORING)

    # ---- step 3: confirm
    def _meeting_request(self) -> MeetingRequest | None:
        """The batch's meeting to open with its first grading (None: single hazard, or already open)."""
        if not self.is_batch or self._meeting is not None:
            return None
        return MeetingRequest(self.meeting_title.text(), pydate(self.graded_on.date()))

    def confirm_current(self) -> Grading | None:
        """Grade the current hazard and confirm it as the leader, in one step; move on. None if refused.

        One use case (:func:`~hazard_desktop.services.grading.grade_and_confirm`): the batch's meeting, the
        grading and its confirmation are stored together or not at all.
        """
        hazard = self.current_hazard
        leader_id = self.leader_id()
        if hazard is None or leader_id is None:
            return None
        check = self.current_check()
        # the scores come from the blind scoring round, signed by each member (never typed in here)
        round_id = self._round_id if self._outcome is not None else None
        # without scores the seated panel is recorded with the grading (its sheet names who decided)
        panel = () if round_id is not None else self.panel_entries()
        if check is not None and check.matches:
            request = GradingRequest(
                hazard.id,
                GradingMethod.CRITERIA,
                criteria=tuple(CriterionEntry(m.criterion_id, m.evidence) for m in check.matches),
                round_id=round_id,
                panel=panel,
                check=self.check_entry(check),
            )
        elif check is not None and check.decision_reason:
            request = GradingRequest(
                hazard.id,
                GradingMethod.PANEL_DECISION,
                reason=check.decision_reason,
                round_id=round_id,
                panel=panel,
                check=self.check_entry(check),
            )
        elif check is None:
            if round_id is not None:  # rule §5: LEC grades only what the §5.1 check found no criterion for
                self.show_error_text(self.check_needed_text())
            return None
        elif round_id is not None:  # the check found no criterion: it is recorded with the grading
            request = GradingRequest(
                hazard.id, GradingMethod.LEC_PANEL, round_id=round_id, check=self.check_entry(check)
            )
        else:
            return None
        self.clear_error()
        try:
            grading, opened = grading_service.grade_and_confirm(
                self._context.uow(),
                request,
                leader_id,
                pydate(self.graded_on.date()),
                self.threshold_set_id(),
                meeting_id=None if self._meeting is None else self._meeting.id,
                meeting=self._meeting_request(),
            )
        except Exception as exc:
            if not messages.is_user_error(exc):
                raise
            self.show_error(exc)
            return None
        if opened is not None:
            self._meeting = opened
            self.meeting_title.setEnabled(False)
        self._gradings.append(grading)
        self.graded.emit(grading)
        self._next_hazard()
        return grading

    def check_entry(self, check: CriteriaCheckResult) -> CheckEntry:
        """The §5.1 check as the grading records it: the version of the criteria list gone through (the setup's
        list when the result does not say) and when it was answered (its answer: the request's method)."""
        version = check.criteria_version or self._setup.criteria_version
        return CheckEntry.of(version, check.checked_at)

    def panel_entries(self) -> tuple[PanelEntry, ...]:
        """The seated panel as recorded with a grading without scores: the leader's seat 组长, the rest 成员."""
        leader = self.leader_id()
        return tuple(
            PanelEntry(s.candidate.person_id, PanelRole.LEADER if s.candidate.person_id == leader else PanelRole.MEMBER)
            for s in self._seats
        )

    def skip_current(self) -> None:
        """Leave the current hazard ungraded and go on with the next one."""
        hazard = self.current_hazard
        if hazard is not None:
            self._skipped.append(hazard.id)
        self._next_hazard()

    def unsaved_work(self) -> list[str]:
        """What closing now would throw away: the hazards (numbers) with a major-hazard check or scores not
        confirmed yet. Empty on the done page and before scoring began without a check."""
        if self.pages.currentIndex() == PAGE_DONE:
            return []
        done = {g.hazard_id for g in self._gradings} | set(self._skipped)
        current = self.current_hazard
        scoring = current is not None and self.pages.currentIndex() in (PAGE_SCORING, PAGE_RESULT)
        return [
            h.number
            for h in self._hazards
            if h.id not in done and (h.id in self._checks or (scoring and current is not None and h.id == current.id))
        ]

    def reject(self) -> None:
        """Close; if a check or scores would be lost, say so first and close only if the user agrees."""
        lost = self.unsaved_work() if self.ask_before_discard else []
        if lost:
            question = arg(
                self.tr(
                    "Close without grading? The major-hazard check and the scores entered for %1 are discarded;"
                    " the hazard stays awaiting grading."
                ),
                ", ".join(lost),
            )
            if not messages.confirm(self, self.tr("Close grading"), question):
                return
        super().reject()

    def _next_hazard(self) -> None:
        self._index += 1
        self._begin_hazard()

    def _finish(self) -> None:
        self.done_list.clear()
        by_hazard = {g.hazard_id: g for g in self._gradings}
        for hazard in self._hazards:
            grading = by_hazard.get(hazard.id)
            if grading is None:
                text = arg(self.tr("%1: skipped, still awaiting grading"), hazard.number)
            else:
                text = arg(self.tr("%1: %2"), hazard.number, grading_summary(grading, self._numbers()))
            self.done_list.addItem(text)
        text = self.tr("%n hazard(s) graded and confirmed.", "", len(self._gradings))
        if self._skipped:
            text = arg(self.tr("%1 %2"), text, self.tr("%n skipped.", "", len(self._skipped)))
        self.done_label.setText(text)
        self.pages.setCurrentIndex(PAGE_DONE)

    def seat_candidates(self) -> list[Candidate]:
        return [s.candidate for s in self._seats]
