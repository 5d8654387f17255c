"""Hazard dispute (隐患争议判定, rule §6–§7): raise a dispute, form the dispute panel, score hidden, rule.

1. *Raise*: a department disputes the grading that counts (department, person, reason) and may claim
   criteria that apply (a 一般 hazard claimed 重大).
2. *Panel*: the 组长 and 副组长 named in the settings for the ruling date, plus members from 安环部, 生产部,
   事业部, 工会 and the raising department; an odd number in all. The checks are shown live; an invalid
   panel cannot start. The raising department may also withdraw the dispute here (who withdraws is
   recorded).
3. *Criteria votes* (§5 order): when the disputed grading matched criteria or the dispute claims some,
   every member votes on each, with the panel's evidence. A criterion upheld → the ruling is 重大.
4. *Scoring* (only if no criterion applies): each member enters L, E and C on their own, hidden.
5. *Ruling*: the upheld criteria, or every member's D, the mean (final) and its band; the ruling text is
   required; confirming stores the ruling confirmed and closes the dispute.

The dialog asks and shows: where the hazard stands and what the panel decided come from
:mod:`hazard_desktop.services.grading` (``dispute_view``, ``decide_criteria``, ``rule_dispute``).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt, Signal
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
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hazard_desktop.domain.errors import DomainError
from hazard_desktop.domain.grading import (
    DISPUTE_PANEL_KINDS,
    REASON_MAX,
    CompositionRule,
    CriterionVerdict,
    Dispute,
    DisputeState,
    Grading,
    PanelOutcome,
    PanelProblem,
    PanelRole,
    RoundPurpose,
    dispute_rule,
)
from hazard_desktop.domain.hazards import Hazard
from hazard_desktop.domain.lec import ThresholdSet
from hazard_desktop.domain.reference import DepartmentKind, person_key, printed_name
from hazard_desktop.services import grading as grading_service
from hazard_desktop.services import hazards as hazard_service
from hazard_desktop.services.context import AppContext
from hazard_desktop.services.grading import DisputeView, GradingSetup, PanelCandidate
from hazard_desktop.ui import labels, messages
from hazard_desktop.ui.dialogs.lec_calculator import fill_threshold_combo
from hazard_desktop.ui.dialogs.panel_scoring import pydate, qdate
from hazard_desktop.ui.formatting import QT_DATE_FORMAT, format_datetime
from hazard_desktop.ui.widgets import screen_fit
from hazard_desktop.ui.widgets.blind_round import BlindRound, confirm_gaps_text
from hazard_desktop.ui.widgets.common import INFO_STYLE, grading_summary, hazard_line, make_error_label
from hazard_desktop.ui.widgets.criteria_votes import CriteriaVotes
from hazard_desktop.ui.widgets.hidden_scoring import HiddenScoring, Values, arg
from hazard_desktop.ui.widgets.lec_format import department_kind_short, today
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
from hazard_desktop.ui.widgets.panel_results import PanelResults, list_separator

PAGE_CLOSED, PAGE_RAISE, PAGE_PANEL, PAGE_SCORING, PAGE_RESULT, PAGE_DONE, PAGE_VOTES = range(7)


@dataclass(frozen=True, slots=True)
class DisputeResult:
    """What happened: the dispute (raised, ruled or withdrawn) and the ruling grading if ruled."""

    dispute: Dispute
    ruling: Grading | None = None

    @property
    def state(self) -> DisputeState:
        return self.dispute.state


def _recorded_name(candidate: PanelCandidate, shared: frozenset[uuid.UUID]) -> str:
    """A person chosen as raising or withdrawing a dispute, as the dispute records them (a name, no id) and
    the dispute sheet prints them: a namesake of their department with the 工号, ``周永明（E0099）``, whatever
    the UI language."""
    return printed_name(candidate.name, candidate.employee_no if candidate.person_id in shared else None)


def _typed_person(box: QComboBox) -> str:
    """The name for the record: a listed person's recorded name, else the text typed."""
    text = box.currentText()
    index = box.findText(text)
    data = box.itemData(index) if index >= 0 else None
    return data if isinstance(data, str) and data else text


class DisputePanelDialog(QDialog):
    """Raise and settle a dispute about one hazard's grading. Use :meth:`ask`.

    Tests drive it with :meth:`set_raising`, :meth:`raise_now`, :meth:`set_leaders`, :meth:`set_members`,
    :meth:`start_scoring`, ``scoring.enter(L, E, C)``, :meth:`set_ruling_text` and :meth:`confirm_ruling`.

    Signals:
        changed(object): the dispute was raised, ruled or withdrawn (the :class:`Dispute`).
    """

    changed = Signal(object)

    #: Closing with votes or scores entered but no ruling confirmed asks first, as the grading window does (tests
    #: that leave a dialog open switch it off: nobody answers a modal question when pytest-qt closes it).
    ask_before_discard = True

    def __init__(
        self,
        context: AppContext,
        hazard_id: uuid.UUID,
        parent: QWidget | None = None,
        *,
        setup: GradingSetup | None = None,
        on: date | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._setup = setup or grading_service.grading_setup(context.uow(), on or today())
        self._hazard: Hazard = hazard_service.get_hazard(context.uow(), hazard_id)
        self._view: DisputeView = grading_service.dispute_view(context.uow(), hazard_id)
        self._ruling: Grading | None = None
        self._outcome: PanelOutcome | None = None
        self._verdicts: tuple[CriterionVerdict, ...] = ()
        self._seats: list[Seat] = []
        self.round = BlindRound(context, self.show_error)  # the dispute panel's blind LEC round (issue 14)
        self.vote_round = BlindRound(context, self.show_error)  # each member's own votes, signed
        self._changed: DisputeResult | None = None
        self.setObjectName("disputePanel")
        self.setWindowTitle(arg(self.tr("Hazard dispute — %1"), self._hazard.number))

        self.hazard_label = QLabel(hazard_line(self._hazard, 90), self)
        self.hazard_label.setObjectName("hazardTitle")
        self.hazard_label.setWordWrap(True)
        bold = QFont(self.hazard_label.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.1)
        self.hazard_label.setFont(bold)
        self.grading_label = QLabel(self)
        self.grading_label.setObjectName("gradingSummary")
        self.grading_label.setWordWrap(True)
        self.dispute_label = QLabel(self)
        self.dispute_label.setObjectName("disputeSummary")
        self.dispute_label.setWordWrap(True)
        self.dispute_label.setStyleSheet(
            "background: #fff8e1; color: #5d4037; border: 1px solid #ffe082; border-radius: 3px; padding: 6px;"
        )
        self.error_label = make_error_label(self)

        self._actions: dict[int, QHBoxLayout] = {}
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._build_closed_page())
        self.pages.addWidget(self._build_raise_page())
        self.pages.addWidget(self._build_panel_page())
        self.pages.addWidget(self._build_scoring_page())
        self.pages.addWidget(self._build_result_page())
        self.pages.addWidget(self._build_done_page())
        self.pages.addWidget(self._build_votes_page())
        self.actions = screen_fit.PageActions(self.pages, self._actions, self)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.hazard_label)
        layout.addWidget(self.grading_label)
        layout.addWidget(self.dispute_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.actions)
        layout.addWidget(self.buttons)
        # The pages scroll; the error, the page's action buttons and Close stay in view, and the dialog does
        # not grow past the screen when a page or the member list changes.
        screen_fit.fit_on_show(
            self, (860, 640), scroll=True, keep=(self.error_label, self.actions), remember="disputePanel"
        )
        self._show_state()

    @property
    def _grading(self) -> Grading | None:
        return self._view.grading

    @property
    def _dispute(self) -> Dispute | None:
        return self._view.dispute

    def _reload(self) -> None:
        self._view = grading_service.dispute_view(self._context.uow(), self._hazard.id)

    # ------------------------------------------------------------------ pages

    def _build_closed_page(self) -> QWidget:
        page = QWidget(self)
        self.closed_label = QLabel(page)
        self.closed_label.setObjectName("closedLabel")
        self.closed_label.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(self.closed_label)
        layout.addStretch(1)
        return page

    def _build_raise_page(self) -> QWidget:
        page = QWidget(self)
        self.department = QComboBox(page)
        self.department.setObjectName("raisingDepartment")
        departments = sorted(self._setup.departments, key=lambda d: (list(DepartmentKind).index(d.kind), d.code))
        for department in departments:
            self.department.addItem(department.name, str(department.id))
        self.department.setCurrentIndex(-1)
        self.department.setPlaceholderText(self.tr("— choose —"))
        self.department.currentIndexChanged.connect(self._department_changed)
        self.person_name = QComboBox(page)
        self.person_name.setObjectName("raisingPerson")
        self.person_name.setEditable(True)
        self.person_name.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.person_name.lineEdit().setMaxLength(40)
        self.person_name.lineEdit().setPlaceholderText(self.tr("Name of the person raising the dispute"))
        self.reason = QPlainTextEdit(page)
        self.reason.setObjectName("disputeReason")
        self.reason.setPlaceholderText(
            self.tr("Why the department disagrees with the grade (facts, scores it would give, …)")
        )
        self.reason.setTabChangesFocus(True)
        self.claimed = QListWidget(page)
        self.claimed.setObjectName("claimedCriteria")
        matched = set() if self._grading is None else {m.criterion_id for m in self._grading.matches}
        for criterion in self._setup.criteria:
            if criterion.id in matched or not criterion.active:
                continue
            item = QListWidgetItem(arg(self.tr("%1 (%2) %3"), criterion.code, criterion.clause, criterion.text))
            item.setData(Qt.ItemDataRole.UserRole, str(criterion.id))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.claimed.addItem(item)
        self.claimed.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)
        self.raise_button = QPushButton(self.tr("Raise dispute"), page)
        self.raise_button.setObjectName("raiseDispute")
        self.raise_button.setDefault(True)
        self.raise_button.clicked.connect(self.raise_now)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Raising department:"), self.department)
        form.addRow(self.tr("Raised by:"), self.person_name)
        form.addRow(self.tr("Reason:"), self.reason)
        form.addRow(self.tr("Criteria the department says apply (optional):"), self.claimed)
        box = QGroupBox(self.tr("Raise a dispute about this grading (§6)"), page)
        box.setLayout(form)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.raise_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box, 1)
        self._actions[PAGE_RAISE] = buttons  # shown below the scrolled page (screen_fit.PageActions)
        return page

    def _build_panel_page(self) -> QWidget:
        page = QWidget(self)
        # §7 names the 组长 and 副组长: only the persons the settings name for the ruling date are offered
        self.leader = QComboBox(page)
        self.leader.setObjectName("disputeLeader")
        self.deputy = QComboBox(page)
        self.deputy.setObjectName("disputeDeputy")
        self.chairs_note = QLabel(page)
        self.chairs_note.setObjectName("chairsNote")
        self.chairs_note.setWordWrap(True)
        self.leader.currentIndexChanged.connect(self._panel_changed)
        self.deputy.currentIndexChanged.connect(self._panel_changed)
        self.graded_on = QDateEdit(page)
        self.graded_on.setObjectName("gradedOn")
        self.graded_on.setCalendarPopup(True)
        self.graded_on.setDisplayFormat(QT_DATE_FORMAT)
        self.graded_on.setDate(qdate(self._setup.today))
        self.graded_on.dateChanged.connect(self._fill_chairs)
        self.threshold_set = QComboBox(page)
        self.threshold_set.setObjectName("thresholdSet")
        fill_threshold_combo(self.threshold_set, self._setup.threshold_sets, self._setup.today)
        self.picker = MemberPicker(page)
        self.picker.setObjectName("memberPicker")
        self.picker.changed.connect(self._panel_changed)
        self.checks = PanelChecks(page)
        self.checks.setObjectName("panelChecks")
        self.start_button = QPushButton(self.tr("Start scoring"), page)
        self.start_button.setObjectName("startScoring")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start_scoring)
        self.withdraw_reason = QLineEdit(page)
        self.withdraw_reason.setObjectName("withdrawReason")
        self.withdraw_reason.setMaxLength(REASON_MAX)
        self.withdraw_reason.setPlaceholderText(self.tr("Reason for withdrawing (optional)"))
        self.withdrawn_by = QComboBox(page)
        self.withdrawn_by.setObjectName("withdrawnBy")
        self.withdrawn_by.setEditable(True)
        self.withdrawn_by.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.withdrawn_by.lineEdit().setMaxLength(40)
        self.withdrawn_by.lineEdit().setPlaceholderText(self.tr("Who withdraws it"))
        self.withdraw_button = QPushButton(self.tr("Withdraw dispute"), page)
        self.withdraw_button.setObjectName("withdrawDispute")
        self.withdraw_button.clicked.connect(self.withdraw)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Leader (组长):"), self.leader)
        form.addRow(self.tr("Deputy leader (副组长):"), self.deputy)
        form.addRow("", self.chairs_note)
        form.addRow(self.tr("Ruled on:"), self.graded_on)
        form.addRow(self.tr("Threshold set:"), self.threshold_set)
        self.members_box = QGroupBox(page)
        members_layout = QVBoxLayout(self.members_box)
        members_layout.addWidget(self.picker, 1)
        members_layout.addWidget(self.checks)
        buttons = QHBoxLayout()
        buttons.addWidget(self.withdrawn_by)
        buttons.addWidget(self.withdraw_reason, 1)
        buttons.addWidget(self.withdraw_button)
        buttons.addSpacing(24)
        buttons.addWidget(self.start_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.members_box, 1)
        self._actions[PAGE_PANEL] = buttons
        return page

    def _build_scoring_page(self) -> QWidget:
        page = QWidget(self)
        self.scoring = HiddenScoring(page)
        self.scoring.setObjectName("hiddenScoring")
        self.scoring.completed.connect(self._scores_complete)
        self.scoring.refused.connect(self.show_error)
        self.scoring.set_submitter(self._submit_entry, self.round.needs_pin)
        box = QGroupBox(self.tr("Dispute panel scores (D = L × E × C), one member at a time"), page)
        QVBoxLayout(box).addWidget(self.scoring)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box, 1)
        return page

    def _build_result_page(self) -> QWidget:
        page = QWidget(self)
        self.results = PanelResults(page)
        self.results.setObjectName("panelResults")
        self.verdicts_label = QLabel(page)
        self.verdicts_label.setObjectName("verdictsSummary")
        self.verdicts_label.setWordWrap(True)
        self.verdicts_label.setStyleSheet(INFO_STYLE)
        self.ruling_hint = QLabel(page)
        self.ruling_hint.setWordWrap(True)
        self.ruling_text = QPlainTextEdit(page)
        self.ruling_text.setObjectName("rulingText")
        self.ruling_text.setPlaceholderText(self.tr("The panel's ruling (required): what it decided and why"))
        self.ruling_text.setTabChangesFocus(True)
        self.ruling_text.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.rescore_button = QPushButton(self.tr("Score again"), page)
        self.rescore_button.setObjectName("rescore")
        self.rescore_button.clicked.connect(self.rescore)
        self.confirm_button = QPushButton(page)
        self.confirm_button.setObjectName("confirmRuling")
        self.confirm_button.setDefault(True)
        self.confirm_button.clicked.connect(self.confirm_ruling)
        buttons = QHBoxLayout()
        buttons.addWidget(self.rescore_button)
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.verdicts_label)
        layout.addWidget(self.results, 1)
        self.result_filler = QWidget(page)  # takes the room of the LEC table when a criterion decided
        layout.addWidget(self.result_filler, 1)
        # The ruling (required to confirm) sits with Confirm below the scrolled votes and scores: at 150 % a panel
        # of seven pushed it below the fold, and nothing showed that there was more to fill in.
        ruling = QVBoxLayout()
        ruling.addWidget(self.ruling_hint)
        ruling.addWidget(self.ruling_text)
        ruling.addLayout(buttons)
        self._actions[PAGE_RESULT] = ruling
        return page

    def _build_votes_page(self) -> QWidget:
        page = QWidget(self)
        self.votes = CriteriaVotes(page)
        self.votes.setObjectName("criteriaVotes")
        self.votes_button = QPushButton(self.tr("Record the votes"), page)
        self.votes_button.setObjectName("recordVotes")
        self.votes_button.setDefault(True)
        self.votes_button.clicked.connect(self.record_votes)
        intro = QLabel(
            self.tr(
                "First, as in §5: does each criterion below really apply? Every member votes; the majority of "
                "the (odd) panel decides. If one applies the hazard is 重大 with that clause; only if none "
                "applies does the panel score LEC."
            ),
            page,
        )
        intro.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.votes_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addWidget(self.votes, 1)
        self._actions[PAGE_VOTES] = buttons
        return page

    def _build_done_page(self) -> QWidget:
        page = QWidget(self)
        self.done_label = QLabel(page)
        self.done_label.setObjectName("doneLabel")
        self.done_label.setWordWrap(True)
        self.done_label.setStyleSheet(INFO_STYLE)
        layout = QVBoxLayout(page)
        layout.addWidget(self.done_label)
        layout.addStretch(1)
        return page

    # ------------------------------------------------------------------ running it

    @classmethod
    def ask(cls, parent: QWidget | None, context: AppContext, hazard_id: uuid.UUID) -> DisputeResult | None:
        """Run the dialog modally; return the dispute if it was raised, ruled or withdrawn (else None)."""
        dialog = cls(context, hazard_id, parent)
        try:
            dialog.exec()
            return dialog.result_value
        finally:
            dialog.deleteLater()

    @property
    def result_value(self) -> DisputeResult | None:
        """The dispute changed in this dialog (None if nothing was stored)."""
        return self._changed

    @property
    def dispute(self) -> Dispute | None:
        return self._dispute

    @property
    def grading(self) -> Grading | None:
        """The grading that counts (the one disputed)."""
        return self._grading

    def current_page(self) -> int:
        return self.pages.currentIndex()

    def _numbers(self) -> dict[uuid.UUID, str]:
        """The 工号 of the people shown with it: those with a namesake in their department."""
        shared = namesakes(self._setup.people)
        return {c.person_id: c.employee_no for c in self._setup.people if c.person_id in shared and c.employee_no}

    def _names(self) -> dict[uuid.UUID | str, str]:
        shared = namesakes(self._setup.people)
        names: dict[uuid.UUID | str, str] = {c.person_id: candidate_name(c, shared) for c in self._setup.people}
        names.update({d.id: d.name for d in self._setup.departments})
        if self._dispute is not None:
            names.setdefault(self._dispute.raised_by_department_id, self._dispute.raised_by_department_name)
        return names

    def show_error(self, exc: BaseException) -> None:
        self.error_label.setText(messages.error_text(exc, "grading", self._names()))
        self.error_label.show()

    def clear_error(self) -> None:
        self.error_label.hide()
        self.error_label.clear()

    def error_message(self) -> str:
        return "" if self.error_label.isHidden() else self.error_label.text()

    def _show_state(self) -> None:
        self.grading_label.setText(
            ""
            if self._grading is None
            else arg(self.tr("Grading in force: %1"), grading_summary(self._grading, self._numbers()))
        )
        self.grading_label.setVisible(self._grading is not None)
        dispute = self._dispute
        if dispute is not None:
            self.dispute_label.setText(
                arg(
                    self.tr("Dispute raised by %1 (%2) on %3: %4"),
                    dispute.raised_by_person_name,
                    dispute.raised_by_department_name,
                    format_datetime(dispute.raised_at),
                    dispute.reason,
                )
            )
        self.dispute_label.setVisible(dispute is not None)
        if dispute is not None and dispute.state is DisputeState.OPEN:
            self._prepare_panel()
            self.pages.setCurrentIndex(PAGE_PANEL)
        elif self._grading is None:
            self.closed_label.setText(self.tr("The hazard has no confirmed grading yet: there is nothing to dispute."))
            self.pages.setCurrentIndex(PAGE_CLOSED)
        elif self._grading.is_ruling:
            self.closed_label.setText(
                self.tr("The grading in force is a dispute panel's ruling: it is final and cannot be disputed (§7).")
            )
            self.pages.setCurrentIndex(PAGE_CLOSED)
        else:
            self.pages.setCurrentIndex(PAGE_RAISE)

    # ---- §6 raise
    def _department_changed(self) -> None:
        department_id = self.department.currentData()
        current = self.person_name.currentText()
        self.person_name.blockSignals(True)
        self.person_name.clear()
        shared = namesakes(self._setup.people)  # a namesake is offered (and recorded) with their 工号
        for candidate in self._setup.people:
            if str(candidate.department_id) == department_id:
                self.person_name.addItem(candidate_name(candidate, shared), _recorded_name(candidate, shared))
        self.person_name.setEditText(current)
        self.person_name.blockSignals(False)

    def set_raising(self, department_id: uuid.UUID, person_name: str, reason: str) -> bool:
        """Fill in the raising department, person and reason."""
        row = self.department.findData(str(department_id))
        if row < 0:
            return False
        self.department.setCurrentIndex(row)
        self.person_name.setEditText(person_name)
        self.reason.setPlainText(reason)
        return True

    def raise_now(self) -> Dispute | None:
        """Store the dispute; on success the dispute panel page follows. None (reason shown) if refused."""
        self.clear_error()
        if self._grading is None:
            return None
        department_id = self.department.currentData()
        if department_id is None:
            self.show_error(DomainError("raising_department_empty", field="department"))
            return None
        typed = _typed_person(self.person_name)
        shared = namesakes(self._setup.people)
        if any(  # a bare name two people of the department share: which one raises it is not recorded
            c.person_id in shared and str(c.department_id) == department_id and person_key(c.name) == person_key(typed)
            for c in self._setup.people
        ):
            self.show_error(DomainError("raising_person_namesake", field="person_name", name=typed.strip()))
            return None
        try:
            dispute = grading_service.raise_dispute(
                self._context.uow(),
                self._grading.id,
                uuid.UUID(department_id),
                typed,
                self.reason.toPlainText(),
                claimed=self.claimed_ids(),
            )
        except Exception as exc:
            if not messages.is_user_error(exc):
                raise
            self.show_error(exc)
            return None
        self._reload()
        self._changed = DisputeResult(dispute)
        self.changed.emit(dispute)
        self._show_state()
        return dispute

    def claimed_ids(self) -> list[uuid.UUID]:
        """The criteria ticked as claimed."""
        return [
            uuid.UUID(self.claimed.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.claimed.count())
            if self.claimed.item(row).checkState() is Qt.CheckState.Checked
        ]

    def set_claimed(self, criterion_ids: Sequence[uuid.UUID]) -> None:
        wanted = {str(i) for i in criterion_ids}
        for row in range(self.claimed.count()):
            item = self.claimed.item(row)
            checked = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    # ---- §7 panel
    def raising_rule(self) -> CompositionRule | None:
        dispute = self._dispute
        if dispute is None:
            return None
        return dispute_rule(self._view.raising_kind or DepartmentKind.OTHER, dispute.raised_by_department_id)

    def _prepare_panel(self) -> None:
        dispute = self._dispute
        assert dispute is not None
        self.picker.set_candidates(
            select_candidates(
                self._setup.people, kinds=DISPUTE_PANEL_KINDS, department_ids={dispute.raised_by_department_id}
            )
        )
        # the rule's own order: 安环部, 生产部, 事业部, 工会 and the raising department
        kinds = (DepartmentKind.SAFETY, DepartmentKind.PRODUCTION, DepartmentKind.BUSINESS, DepartmentKind.UNION)
        parties = [department_kind_short(k) for k in kinds]
        if self._view.raising_kind not in DISPUTE_PANEL_KINDS:
            parties.append(dispute.raised_by_department_name)
        title = self.tr("Members (%1); odd number in all, leader and deputy included")
        self.members_box.setTitle(labels.mnemonic_safe(arg(title, list_separator().join(parties))))
        self.withdrawn_by.clear()
        shared = namesakes(self._setup.people)
        for candidate in self._setup.people:
            if candidate.department_id == dispute.raised_by_department_id:
                self.withdrawn_by.addItem(candidate_name(candidate, shared), _recorded_name(candidate, shared))
        self.withdrawn_by.setEditText(dispute.raised_by_person_name)
        self._fill_chairs()

    def _fill_chairs(self) -> None:
        """Offer only the 组长 and 副组长 the settings name for the ruling date."""
        chairs = self._setup.chairs_on(pydate(self.graded_on.date()))
        by_id = {c.person_id: c for c in self._setup.people}
        for combo, person_id in (
            (self.leader, None if chairs is None else chairs.leader_id),
            (self.deputy, None if chairs is None else chairs.deputy_id),
        ):
            combo.blockSignals(True)
            combo.clear()
            candidate = None if person_id is None else by_id.get(person_id)
            if candidate is not None:
                combo.addItem(candidate_label(candidate, namesakes(self._setup.people)), str(candidate.person_id))
            combo.blockSignals(False)
        if chairs is None:
            self.chairs_note.setText(
                arg(
                    self.tr("No 组长 and 副组长 are named for %1: name them in Tools → Settings → Dispute panel."),
                    pydate(self.graded_on.date()).isoformat(),
                )
            )
        else:
            self.chairs_note.setText(
                arg(self.tr("Named in the settings from %1 (rule §7)."), chairs.effective_from.isoformat())
            )
        self._panel_changed()

    def _raising_kind(self) -> DepartmentKind | None:
        return self._view.raising_kind

    def _redundant(self, problem: PanelProblem, problems: Sequence[PanelProblem]) -> bool:
        """Hide "nobody from a workshop" when "nobody from 合成一车间, the raising department" is shown."""
        return (
            problem.code == "panel_missing_kind"
            and problem.kind == self._raising_kind()
            and problem.kind not in DISPUTE_PANEL_KINDS
            and any(p.code == "panel_missing_department" for p in problems)
        )

    def leader_id(self) -> uuid.UUID | None:
        data = self.leader.currentData()
        return None if data is None else uuid.UUID(data)

    def deputy_id(self) -> uuid.UUID | None:
        data = self.deputy.currentData()
        return None if data is None else uuid.UUID(data)

    def set_leaders(self, leader_id: uuid.UUID, deputy_id: uuid.UUID) -> bool:
        rows = (self.leader.findData(str(leader_id)), self.deputy.findData(str(deputy_id)))
        if rows[0] >= 0:
            self.leader.setCurrentIndex(rows[0])
        if rows[1] >= 0:
            self.deputy.setCurrentIndex(rows[1])
        return min(rows) >= 0

    def set_members(self, person_ids: list[uuid.UUID]) -> None:
        self.picker.set_checked(person_ids)

    def seats(self) -> list[Seat]:
        by_id = {c.person_id: c for c in self._setup.people}
        seats: list[Seat] = []
        for person_id, role in ((self.leader_id(), PanelRole.LEADER), (self.deputy_id(), PanelRole.DEPUTY)):
            candidate: Candidate | None = None if person_id is None else by_id.get(person_id)
            if candidate is not None:
                seats.append(Seat(candidate, role))
        seats.extend(Seat(c, PanelRole.MEMBER) for c in self.picker.checked())
        return seats

    def _panel_changed(self) -> None:
        self.picker.set_disabled([pid for pid in (self.leader_id(), self.deputy_id()) if pid is not None])
        rule = self.raising_rule()
        if rule is None:
            return
        self.checks.set_panel([placeholder_score(s) for s in self.seats()], rule, self._names(), self._redundant)
        gaps = confirm_gaps_text(self._context, self.seats(), self._names()) if self.checks.is_valid() else ""
        self.start_button.setEnabled(self.checks.is_valid() and self.leader.count() > 0 and not gaps)
        if gaps:
            self.error_label.setText(gaps)
            self.error_label.show()
        elif self.checks.is_valid():
            self.clear_error()

    def chosen_threshold_set(self) -> ThresholdSet | None:
        data = self.threshold_set.currentData()
        return next((s for s in self._setup.threshold_sets if str(s.id) == data), None)

    def threshold_set_id(self) -> uuid.UUID | None:
        chosen = self.chosen_threshold_set()
        return None if chosen is None else chosen.id

    def start_scoring(self) -> bool:
        """Check the dispute panel and begin scoring; False (with the reason shown) if refused."""
        self.clear_error()
        rule = self.raising_rule()
        if rule is None:
            return False
        seats = self.seats()
        problems = self.checks.set_panel([placeholder_score(s) for s in seats], rule, self._names(), self._redundant)
        if problems:
            self.error_label.setText(self.checks.first_text())
            self.error_label.show()
            return False
        if self.leader.count() == 0:
            self.show_error(DomainError("dispute_chairs_missing", on=pydate(self.graded_on.date()).isoformat()))
            return False
        if self.chosen_threshold_set() is None and not self._view.in_question:
            self.show_error(DomainError("no_threshold_set"))
            return False
        gaps = confirm_gaps_text(self._context, seats, self._names())
        if gaps:  # named now, not when the member's turn comes
            self.error_label.setText(gaps)
            self.error_label.show()
            return False
        self._seats = seats
        self._verdicts = ()
        if self._view.in_question:
            self.votes.start(self._view.in_question, seats, self.round.needs_pin, namesakes(self._setup.people))
            self.pages.setCurrentIndex(PAGE_VOTES)
            return True
        self._start_lec(seats)
        return True

    def record_votes(self) -> tuple[CriterionVerdict, ...] | None:
        """Check the votes; an upheld criterion goes to the ruling (重大), none to LEC scoring."""
        self.clear_error()
        try:
            verdicts = grading_service.decide_criteria(
                self._setup, self._view, self.votes.entries(), pydate(self.graded_on.date())
            )
        except DomainError as exc:
            self.show_error(exc)
            return None
        if not self._sign_votes():
            return None
        self._verdicts = verdicts
        if any(v.upheld for v in verdicts):
            self._outcome = None
            self._show_result()
        elif self.chosen_threshold_set() is None:
            self.show_error(DomainError("no_threshold_set"))
            return None
        else:
            self._start_lec(self._seats)
        return verdicts

    def _sign_votes(self) -> bool:
        """Each member's votes go to a new vote round, signed by their account or their PIN (issue 14)."""
        dispute = self._dispute
        if dispute is None:
            return False
        criteria = [c.criterion_id for c in self._view.in_question]
        try:
            if not self.vote_round.open(dispute.hazard_id, self._seats, RoundPurpose.VOTES, criteria):
                return False
            for seat in self._seats:
                person = seat.candidate.person_id
                self.vote_round.submit_votes(seat, self.votes.votes_of(person), self.votes.pin_of(person))
        except DomainError as exc:
            self.show_error(exc)
            return False
        finally:
            self.votes.clear_pins()
        return True

    @property
    def criteria_upheld(self) -> bool:
        return any(v.upheld for v in self._verdicts)

    def withdraw(self) -> Dispute | None:
        """The raising department withdraws the open dispute; the panel's grading stands."""
        self.clear_error()
        if self._dispute is None:
            return None
        try:
            dispute = grading_service.withdraw_dispute(
                self._context.uow(),
                self._dispute.id,
                self.withdraw_reason.text(),
                person_name=_typed_person(self.withdrawn_by),
            )
        except Exception as exc:
            if not messages.is_user_error(exc):
                raise
            self.show_error(exc)
            return None
        self._reload()
        self._changed = DisputeResult(dispute)
        self.changed.emit(dispute)
        self.done_label.setText(
            arg(
                self.tr("The dispute was withdrawn by %1 (%2); the panel's grading stands."),
                dispute.withdrawn_by_person_name,
                dispute.withdrawn_by_department_name,
            )
        )
        self.pages.setCurrentIndex(PAGE_DONE)
        return dispute

    # ---- scoring and ruling
    def _start_lec(self, seats: list[Seat]) -> None:
        """The panel scores LEC in a blind round of the services: hidden from everyone until all are in."""
        hazard_id = self._dispute.hazard_id if self._dispute is not None else None
        if hazard_id is not None:
            self.round.open(hazard_id, seats)
        self.scoring.start(self._setup.scales, seats, namesakes(self._setup.people))
        self.pages.setCurrentIndex(PAGE_SCORING)

    def _submit_entry(self, seat: Seat, values: Values, pin: str | None) -> None:
        self.clear_error()
        self.round.submit(seat, values, pin)

    def _scores_complete(self) -> None:
        dispute = self._dispute
        if dispute is None:
            return
        try:
            entries = self.round.revealed_entries()
            if entries is None:
                raise DomainError("scoring_incomplete")
            self._outcome = grading_service.preview_panel(
                self._setup,
                entries,
                threshold_set_id=self.threshold_set_id(),
                graded_on=pydate(self.graded_on.date()),
                raising_department_id=dispute.raised_by_department_id,
            )
        except DomainError as exc:
            self._outcome = None
            self.show_error(exc)
            return
        self._show_result()

    def _show_result(self) -> None:
        """The ruling page: the criteria votes (if any), then the LEC result unless a criterion applies."""
        lines = self.votes.describe(self._verdicts)
        if self.criteria_upheld:
            self.verdicts_label.setText(
                "\n".join([self.tr("A criterion applies (§5.1): the ruling is 重大事故隐患, citing:"), *lines])
            )
            self.ruling_hint.setText(self.tr("Ruling (the panel's vote on the criteria is final, §7):"))
        else:
            heading = self.tr("No criterion in question applies; the LEC mean decides (§5.2, §7):")
            self.verdicts_label.setText("\n".join([heading, *lines]))
            self.ruling_hint.setText(self.tr("Ruling (the mean D of the dispute panel is final, §7):"))
        self.verdicts_label.setVisible(bool(self._verdicts))
        self.results.setVisible(self._outcome is not None)
        self.result_filler.setVisible(self._outcome is None)
        if self._outcome is not None:
            self.results.set_outcome(self._outcome, self.chosen_threshold_set(), self._numbers())
        self.rescore_button.setVisible(self._outcome is not None)
        shared = namesakes(self._setup.people)
        leader = next((candidate_name(s.candidate, shared) for s in self._seats if s.role is PanelRole.LEADER), "")
        self.confirm_button.setText(arg(self.tr("Confirm ruling (leader %1)"), leader))
        self.pages.setCurrentIndex(PAGE_RESULT)

    def rescore(self) -> None:
        self._outcome = None
        self.clear_error()
        if self._dispute is not None:
            self.round.open(self._dispute.hazard_id, self._seats)
        self.scoring.restart()
        self.pages.setCurrentIndex(PAGE_SCORING)

    def set_ruling_text(self, text: str) -> None:
        self.ruling_text.setPlainText(text)

    def confirm_ruling(self) -> Grading | None:
        """Store the ruling (confirmed) and close the dispute. None (reason shown) if refused."""
        self.clear_error()
        dispute = self._dispute
        outcome = self._outcome
        if dispute is None or (outcome is None and not self.criteria_upheld):
            return None
        try:
            ruled, ruling = grading_service.rule_dispute(
                self._context.uow(),
                dispute.id,
                [],  # the scores come from the blind round, signed by each member
                self.ruling_text.toPlainText(),
                pydate(self.graded_on.date()),
                self.threshold_set_id(),
                verdicts=self.votes.findings() if self._view.in_question else (),
                score_round_id=None if outcome is None else self.round.round_id,
                vote_round_id=self.vote_round.round_id if self._view.in_question else None,
            )
        except Exception as exc:
            if not messages.is_user_error(exc):
                raise
            self.show_error(exc)
            if getattr(exc, "field", None) == "ruling_text":
                self.ruling_text.setFocus()
            return None
        self._reload()
        self._ruling = ruling
        self.grading_label.setText(arg(self.tr("Grading in force: %1"), grading_summary(ruling, self._numbers())))
        self._changed = DisputeResult(ruled, ruling)
        self.changed.emit(ruled)
        self.done_label.setText(
            arg(self.tr("Ruling confirmed. The final grading is: %1"), grading_summary(ruling, self._numbers()))
            + "\n"
            + arg(self.tr("Ruling: %1"), ruled.ruling_text)
        )
        self.pages.setCurrentIndex(PAGE_DONE)
        return ruling

    @property
    def ruling(self) -> Grading | None:
        return self._ruling

    def unsaved_work(self) -> bool:
        """True when closing now would throw away the panel's votes or scores (entered, no ruling confirmed)."""
        page = self.pages.currentIndex()
        if page == PAGE_VOTES:
            return self.votes.has_entries()
        if page == PAGE_SCORING:
            return self.scoring.done_count() > 0
        return page == PAGE_RESULT

    def reject(self) -> None:
        """Close; if the panel's votes or scores would be lost, say so first and close only if the user agrees."""
        if self.ask_before_discard and self.unsaved_work():
            question = arg(
                self.tr(
                    "Close without a ruling? The votes and scores the dispute panel entered for %1 are discarded; "
                    "the dispute stays open."
                ),
                self._hazard.number,
            )
            if not messages.confirm(self, self.tr("Close dispute"), question):
                return
        super().reject()
