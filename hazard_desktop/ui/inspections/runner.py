"""The item-by-item checklist runner (检查执行): one item at a time, big buttons, keyboard alone.

Keys (while the note is not being typed): ``1``/``Y`` 合格, ``2``/``N`` 不合格, ``3``/``-`` 不适用,
``Enter`` next item, ``Backspace`` previous item. In the note: ``Ctrl+Enter`` next item, ``Esc`` back to
the keys. Choosing 合格 moves on to the next item at once (most items pass: one touch each); choosing
不合格 puts the cursor in the note, because a failure needs a note or a photo.

The runner fits a plant laptop (1366×768 at 150 % leaves about 911×512 logical pixels): it opens sized to
the screen's available area, the item card scrolls, the navigation buttons stay visible; every button is
at least 40 pixels high for gloved hands. Photos come from a file dialog that opens in the last photo
folder, or are dropped onto the runner from the file manager (``ui.photo_picking``).

Every result, note and photo is stored at once in its own transaction (a note a moment after typing
stops, and whenever the item changes or the runner closes), so a crash or power cut loses at most the
last second of typing; reopening the draft continues at the first open item.
"""

from __future__ import annotations

import logging
import uuid
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QIcon,
    QKeyEvent,
    QKeySequence,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from hazard_desktop.domain.inspections import (
    MAX_ANSWER_PHOTOS,
    NOTE_MAX,
    Answer,
    AnswerResult,
    ProblemKind,
    TemplateItem,
)
from hazard_desktop.domain.reference import Category, namesake_numbers
from hazard_desktop.services import inspections as service
from hazard_desktop.services import reference_queries
from hazard_desktop.services.context import AppContext
from hazard_desktop.services.hazards import PhotoFile
from hazard_desktop.services.ports import PhotoKind
from hazard_desktop.ui import messages, photo_picking
from hazard_desktop.ui.field_ui import TOUCH_HEIGHT
from hazard_desktop.ui.formatting import numbered_name
from hazard_desktop.ui.inspections import texts
from hazard_desktop.ui.inspections.models import RESULT_COLOURS, ItemListModel
from hazard_desktop.ui.widgets import screen_fit

log = logging.getLogger(__name__)

NOTE_SAVE_DELAY_MS = 700
BUTTON_HEIGHT = 64
PREFERRED_SIZE = (1100, 760)
THUMB = 96
PhotoIdRole = int(Qt.ItemDataRole.UserRole) + 1

_KEYS = {
    Qt.Key.Key_1: AnswerResult.PASS,
    Qt.Key.Key_Y: AnswerResult.PASS,
    Qt.Key.Key_2: AnswerResult.FAIL,
    Qt.Key.Key_N: AnswerResult.FAIL,
    Qt.Key.Key_3: AnswerResult.NA,
    Qt.Key.Key_Minus: AnswerResult.NA,
}


class _NoteEdit(QPlainTextEdit):
    """The note: Ctrl+Enter goes to the next item, Esc hands the keys back to the runner."""

    next_requested = Signal()
    leave_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.next_requested.emit()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.leave_requested.emit()
            return
        super().keyPressEvent(event)


class InspectionRunner(QDialog):
    """Runs (or shows, once finalized) one inspection.

    Signals:
        answer_saved(object): the stored :class:`Answer` after every change.
        finalized(object): the :class:`services.inspections.FinalizeResult`.
    """

    answer_saved = Signal(object)
    finalized = Signal(object)

    def __init__(
        self,
        context: AppContext,
        inspection_id: uuid.UUID,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("inspectionRunner")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self._context = context
        self._categories, self._criteria = self._load_reference()
        self.run = service.load_run(context.uow(), inspection_id)
        self.index = -1
        self._note_dirty = False
        self._loading = False

        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_SAVE_DELAY_MS)
        self._note_timer.timeout.connect(self.flush_note)

        self._build()
        self._install_keys()
        self.setAcceptDrops(True)
        screen_fit.fit_on_show(self, PREFERRED_SIZE, remember="inspectionRunner")
        self._update_header()
        self.show_item(self.run.resume_index)

    # ------------------------------------------------------------------------------------- layout

    def _load_reference(self) -> tuple[list[Category], dict[str, str]]:
        categories, every = reference_queries.categories_and_criteria(self._context.uow(), include_retired=True)
        return categories, {c.code: c.text for c in every}

    def _build(self) -> None:
        inspection = self.run.inspection
        people = reference_queries.load_reference(self._context.uow(), include_inactive=True).people
        numbers = namesake_numbers(people)  # an inspector with a namesake in their department: with the 工号
        template = self.run.template
        self.setWindowTitle(self.tr("Inspection {number}").format(number=inspection.number))

        self.title_label = QLabel(self)
        self.title_label.setObjectName("runnerTitle")
        self.title_label.setWordWrap(True)
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() + 2)
        title_font.setBold(True)
        self.title_label.setFont(title_font)
        self.title_label.setText(
            self.tr("{number} · {template} (version {version})").format(
                number=inspection.number, template=template.name, version=template.version
            )
        )
        self.meta_label = QLabel(self)
        self.meta_label.setWordWrap(True)
        self.meta_label.setText(
            self.tr("Area: {area} · Department: {department} · Date: {date} · Inspectors: {names}").format(
                area=inspection.area,
                department=self.run.department_name,
                date=inspection.inspected_on.isoformat(),
                names="、".join(numbered_name(i.name, numbers.get(i.person_id)) for i in inspection.inspectors),
            )
        )
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("runnerProgress")
        self.progress_bar.setRange(0, max(template.item_count, 1))
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setFixedHeight(14)
        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("runnerProgressLabel")

        # left: every item, click to jump
        self.items_model = ItemListModel(template, self.run.answers, self)
        self.items_view = QListView(self)
        self.items_view.setObjectName("runnerItems")
        self.items_view.setModel(self.items_model)
        self.items_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.items_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.items_view.setUniformItemSizes(True)
        self.items_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.items_view.setIconSize(QSize(12, 12))
        self.items_view.setStyleSheet(f"QListView::item {{ min-height: {TOUCH_HEIGHT}px; }}")  # rows are touched
        self.items_view.selectionModel().currentChanged.connect(
            lambda current, _previous: self._jump(current.row()) if current.isValid() else None
        )

        # right: the item card
        card = QFrame(self)
        card.setObjectName("runnerCard")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        self.section_label = QLabel(card)
        self.section_label.setObjectName("runnerSection")
        self.section_label.setStyleSheet("color: #555;")
        self.section_label.setWordWrap(True)  # long texts wrap: the card never needs more width than the window
        self.position_label = QLabel(card)
        self.position_label.setObjectName("runnerPosition")
        self.position_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.item_label = QLabel(card)
        self.item_label.setObjectName("runnerItemText")
        self.item_label.setWordWrap(True)
        self.item_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        item_font = QFont(self.font())
        item_font.setPointSizeF(item_font.pointSizeF() + 5)
        item_font.setBold(True)
        self.item_label.setFont(item_font)
        self.guidance_label = QLabel(card)
        self.guidance_label.setObjectName("runnerGuidance")
        self.guidance_label.setWordWrap(True)
        self.guidance_label.setStyleSheet("color: #444;")
        self.category_label = QLabel(card)
        self.category_label.setObjectName("runnerCategory")
        self.category_label.setStyleSheet("color: #555;")
        self.category_label.setWordWrap(True)
        self.criterion_label = QLabel(card)
        self.criterion_label.setObjectName("runnerCriterion")
        self.criterion_label.setWordWrap(True)
        self.criterion_label.setStyleSheet(
            "background: #FFF4E5; border: 1px solid #F0B060; border-radius: 4px; padding: 6px; color: #7A4100;"
        )

        self.result_group = QButtonGroup(self)
        self.result_group.setExclusive(False)  # allows "no result" to be shown
        self.result_buttons: dict[AnswerResult, QPushButton] = {}
        buttons_row = QHBoxLayout()
        for result, text, keys in (
            (AnswerResult.PASS, self.tr("Pass"), "1 / Y"),
            (AnswerResult.FAIL, self.tr("Fail"), "2 / N"),
            (AnswerResult.NA, self.tr("Not applicable"), "3 / −"),
        ):
            button = QPushButton(f"{text}\n{keys}", card)
            button.setObjectName(f"result_{result.value}")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumHeight(BUTTON_HEIGHT)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            font = QFont(self.font())
            font.setPointSizeF(font.pointSizeF() + 3)
            font.setBold(True)
            button.setFont(font)
            colour = RESULT_COLOURS[result]
            button.setStyleSheet(
                f"QPushButton {{ border: 2px solid {colour}; border-radius: 8px; color: {colour}; background: white; }}"
                f"QPushButton:checked {{ background: {colour}; color: white; }}"
                "QPushButton:disabled { border-color: #BBB; color: #999; }"
                f"QPushButton:checked:disabled {{ background: {colour}; color: white; }}"
            )
            button.clicked.connect(lambda _checked=False, r=result: self.choose(r))
            self.result_group.addButton(button)
            self.result_buttons[result] = button
            buttons_row.addWidget(button)

        self.proposal_label = QLabel(card)
        self.proposal_label.setObjectName("runnerProposal")
        self.proposal_label.setWordWrap(True)
        self.proposal_label.setStyleSheet("color: #C62828; font-weight: bold;")
        self.hazard_label = QLabel(card)
        self.hazard_label.setObjectName("runnerHazard")
        self.hazard_label.setStyleSheet("color: #1A4F8B;")
        self.hazard_label.setWordWrap(True)

        self.note_edit = _NoteEdit(card)
        self.note_edit.setObjectName("runnerNote")
        self.note_edit.setPlaceholderText(
            self.tr("What was found (a failed item needs a note or a photo)… Ctrl+Enter: next item, Esc: keys")
        )
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMaximumHeight(110)
        self.note_edit.textChanged.connect(self._note_changed)
        self.note_edit.next_requested.connect(self.next_item)
        self.note_edit.leave_requested.connect(self._leave_note)

        self.photo_list = QListWidget(card)
        self.photo_list.setObjectName("runnerPhotos")
        self.photo_list.setViewMode(QListWidget.ViewMode.IconMode)
        self.photo_list.setIconSize(QSize(THUMB, THUMB))
        self.photo_list.setFixedHeight(THUMB + 34)
        self.photo_list.setFlow(QListWidget.Flow.LeftToRight)
        self.photo_list.setWrapping(False)
        self.photo_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.add_photo_button = QPushButton(self.tr("Add photos…"), card)
        self.add_photo_button.setObjectName("runnerAddPhoto")
        self.add_photo_button.setMinimumHeight(TOUCH_HEIGHT)
        self.add_photo_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.add_photo_button.clicked.connect(self._add_photos_clicked)
        self.remove_photo_button = QPushButton(self.tr("Remove photo"), card)
        self.remove_photo_button.setObjectName("runnerRemovePhoto")
        self.remove_photo_button.setMinimumHeight(TOUCH_HEIGHT)
        self.remove_photo_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.remove_photo_button.clicked.connect(self.remove_photo)
        photo_buttons = QVBoxLayout()
        photo_buttons.addWidget(self.add_photo_button)
        photo_buttons.addWidget(self.remove_photo_button)
        photo_buttons.addStretch(1)
        self.photos_label = QLabel(card)
        self.photos_label.setObjectName("runnerPhotosLabel")
        self.photos_label.setWordWrap(True)
        photos_row = QHBoxLayout()
        photos_row.addWidget(self.photo_list, 1)
        photos_row.addLayout(photo_buttons)

        top_row = QHBoxLayout()
        top_row.addWidget(self.section_label, 1)
        top_row.addWidget(self.position_label)
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(16, 12, 16, 12)
        card_layout.setSpacing(8)
        card_layout.addLayout(top_row)
        card_layout.addWidget(self.item_label)
        card_layout.addWidget(self.guidance_label)
        card_layout.addWidget(self.category_label)
        card_layout.addWidget(self.criterion_label)
        card_layout.addSpacing(6)
        card_layout.addLayout(buttons_row)
        card_layout.addWidget(self.proposal_label)
        card_layout.addWidget(self.hazard_label)
        card_layout.addWidget(QLabel(self.tr("Note"), card))
        card_layout.addWidget(self.note_edit)
        card_layout.addWidget(self.photos_label)
        card_layout.addLayout(photos_row)
        card_layout.addStretch(1)

        self.previous_button = self._nav_button(self.tr("◀ Previous\nBackspace"), "runnerPrevious", self.previous_item)
        self.next_button = self._nav_button(self.tr("Next ▶\nEnter"), "runnerNext", self.next_item)
        self.finalize_button = self._nav_button(self.tr("Finalize…"), "runnerFinalize", self.finalize)
        self.close_button = self._nav_button(self.tr("Close"), "runnerClose", self.close)
        nav = QHBoxLayout()
        nav.addWidget(self.previous_button)
        nav.addWidget(self.next_button)
        nav.addStretch(1)
        nav.addWidget(self.finalize_button)
        nav.addWidget(self.close_button)

        self.hint_label = QLabel(
            self.tr(
                "Keys: 1/Y pass · 2/N fail · 3/− not applicable · Enter next · Backspace previous · "
                "Ctrl+Enter next from the note · Esc leaves the note"
            ),
            self,
        )
        self.hint_label.setObjectName("runnerHint")
        self.hint_label.setStyleSheet("color: #666;")
        self.hint_label.setWordWrap(True)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        # The card scrolls on a small screen; the navigation below it stays visible.
        self.card_scroll = QScrollArea(right)
        self.card_scroll.setObjectName("runnerCardScroll")
        self.card_scroll.setWidgetResizable(True)
        self.card_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.card_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.card_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.card_scroll.setWidget(card)
        right_layout.addWidget(self.card_scroll, 1)
        right_layout.addLayout(nav)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.items_view)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([260, 800])
        splitter.setChildrenCollapsible(False)

        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress_bar, 1)
        progress_row.addWidget(self.progress_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.meta_label)
        layout.addLayout(progress_row)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.hint_label)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def _nav_button(self, text: str, name: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setMinimumHeight(52)
        button.setMinimumWidth(120)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def _install_keys(self) -> None:
        # The shortcut works wherever the focus is inside the runner.
        shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        shortcut.activated.connect(self.next_item)
        # the item list and the buttons never take the focus, so the keys always reach the runner

    # ------------------------------------------------------------------------------------ state

    @property
    def read_only(self) -> bool:
        """True once the inspection is finalized."""
        return not self.run.inspection.is_draft

    @property
    def item(self) -> TemplateItem:
        """The item shown."""
        return self.run.template.items[self.index]

    def answer(self) -> Answer | None:
        """The stored answer of the item shown."""
        return self.run.answers.get(self.item.id)

    def _update_header(self) -> None:
        counted = self.run.progress
        self.progress_bar.setValue(counted.answered)
        text = self.tr("{answered} of {total} answered · {failed} failed · {na} not applicable").format(
            answered=counted.answered, total=counted.total, failed=counted.failed, na=counted.not_applicable
        )
        if self.read_only:
            text += " · " + texts.state_label(self.run.inspection.state)
        self.progress_label.setText(text)
        self.finalize_button.setVisible(not self.read_only)
        self.hint_label.setVisible(not self.read_only)

    def _category_text(self, item: TemplateItem) -> str:
        text = texts.category_text(self._categories, item.category_code, item.subcategory_code)
        return self.tr("Hazard category if it fails: {category}").format(category=text)

    def show_item(self, index: int) -> None:
        """Show item ``index`` (0-based), saving a pending note first."""
        items = self.run.template.items
        if not items:
            return
        index = max(0, min(index, len(items) - 1))
        self.flush_note()
        self.index = index
        item = items[index]
        section = self.run.template.section_of(item.id)
        self._loading = True
        try:
            self.section_label.setText(section.title if section else "")
            self.position_label.setText(self.tr("Item {n} of {total}").format(n=index + 1, total=len(items)))
            self.item_label.setText(item.text)
            self.guidance_label.setText(item.guidance)
            self.guidance_label.setVisible(bool(item.guidance))
            self.category_label.setText(self._category_text(item))
            if item.criterion_code:
                criterion = self._criteria.get(item.criterion_code, "")
                self.criterion_label.setText(
                    self.tr("Checks major-hazard criterion {code}: {text}").format(
                        code=item.criterion_code, text=criterion
                    )
                )
            self.criterion_label.setVisible(bool(item.criterion_code))
            answer = self.answer()
            self.note_edit.setPlainText(answer.note if answer else "")
            self._note_dirty = False
            self._show_result(answer)
            self._load_photos(answer)
        finally:
            self._loading = False
        selection = self.items_view.selectionModel()
        current = self.items_model.index(index, 0)
        if selection.currentIndex() != current:
            selection.setCurrentIndex(current, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.items_view.scrollTo(current)
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(items) - 1)

    def _show_result(self, answer: Answer | None) -> None:
        result = answer.result if answer else None
        for value, button in self.result_buttons.items():
            button.setChecked(value is result)
            button.setEnabled(not self.read_only and not (answer and answer.hazard_id and value is not result))
        proposes = bool(answer and answer.proposes_major)
        self.proposal_label.setVisible(proposes)
        if proposes and answer is not None:
            self.proposal_label.setText(
                self.tr("Proposed grade: major hazard (criterion {code}) — the grading panel decides.").format(
                    code=answer.criterion_code
                )
            )
        hazard_number = self._hazard_number(answer)
        self.hazard_label.setVisible(bool(hazard_number))
        if hazard_number:
            self.hazard_label.setText(self.tr("Registered as hazard {number}").format(number=hazard_number))
        self.note_edit.setReadOnly(self.read_only)
        self.add_photo_button.setVisible(not self.read_only)
        self.remove_photo_button.setVisible(not self.read_only)

    def _hazard_number(self, answer: Answer | None) -> str:
        if answer is None or answer.hazard_id is None:
            return ""
        return reference_queries.hazard_number(self._context.uow(), answer.hazard_id)

    def _load_photos(self, answer: Answer | None) -> None:
        self.photo_list.clear()
        count = answer.photo_count if answer else 0
        self.photos_label.setText(self.tr("Photos (%n)", "", count))
        if answer is None or not answer.photo_count:
            return
        for photo in service.answer_photos(self._context.uow(), answer.id):
            data = service.answer_photo_bytes(self._context.uow(), photo.id, PhotoKind.THUMB)
            pixmap = QPixmap()
            if data:
                pixmap.loadFromData(data)
            entry = QListWidgetItem(QIcon(pixmap), photo.original_name[-18:])
            entry.setData(PhotoIdRole, photo.id)
            entry.setToolTip(photo.original_name)
            self.photo_list.addItem(entry)

    def _stored(self, answer: Answer) -> None:
        """Take a stored answer into the view."""
        self.run.answers[answer.item_id] = answer
        self.items_model.set_answer(answer)
        self._update_header()
        self.answer_saved.emit(answer)

    # ---------------------------------------------------------------------------------- actions

    def choose(self, result: AnswerResult) -> bool:
        """Store ``result`` for the item shown (choosing the stored result again clears it)."""
        if self.read_only:
            return False
        current = self.answer()
        new = None if current is not None and current.result is result else result
        if current is not None and current.hazard_id is not None:
            new = AnswerResult.FAIL
        note = self.note_edit.toPlainText() if self._note_dirty else None
        try:
            answer = service.record_answer(self._context.uow(), self.run.inspection.id, self.item.id, new, note)
        except Exception as exc:
            if not messages.is_user_error(exc):
                raise
            texts.show_error(self, exc)
            self._show_result(current)
            return False
        self._note_dirty = False
        self._note_timer.stop()
        self._stored(answer)
        self._show_result(answer)
        if new is AnswerResult.FAIL and not answer.documented:
            self.note_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        elif new is AnswerResult.PASS and self.index < len(self.run.template.items) - 1:
            self.next_item()  # a passed item needs nothing more: on to the next one
        return True

    def _note_changed(self) -> None:
        if self._loading or self.read_only:
            return
        self._note_dirty = True
        self._note_timer.start()

    def flush_note(self) -> bool:
        """Store the note being typed now (called after a short pause, on item change and on close)."""
        self._note_timer.stop()
        if not self._note_dirty or self.read_only or self.index < 0:
            return False
        text = self.note_edit.toPlainText()
        if len(text.strip()) > NOTE_MAX:
            text = text.strip()[:NOTE_MAX]
        self._note_dirty = False
        try:
            answer = service.set_note(self._context.uow(), self.run.inspection.id, self.item.id, text)
        except Exception as exc:
            if not messages.is_user_error(exc):
                raise
            texts.show_error(self, exc)
            return False
        self._stored(answer)
        return True

    def _leave_note(self) -> None:
        self.flush_note()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def next_item(self) -> None:
        """Go to the next item (Enter)."""
        self.show_item(self.index + 1)
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def previous_item(self) -> None:
        """Go to the previous item (Backspace)."""
        self.show_item(self.index - 1)
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _jump(self, row: int) -> None:
        if row != self.index:
            self.show_item(row)

    def _pick_photos(self) -> list[str]:
        return photo_picking.pick_photo_files(
            self,
            self._context,
            self.tr("Add photos"),
            self.tr("Images (*.jpg *.jpeg *.png *.bmp *.gif *.tif *.tiff *.webp)"),
        )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.read_only:
            event.ignore()
            return
        photo_picking.accept_image_drag(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self.read_only:
            event.ignore()
            return
        photo_picking.accept_image_drag(event)

    def dropEvent(self, event: QDropEvent) -> None:
        """Image files dropped from the file manager are attached to the item shown."""
        if self.read_only:
            event.ignore()
            return
        paths = photo_picking.take_image_drop(event, self._context)
        if paths:
            self.add_photos(paths)

    def _add_photos_clicked(self) -> None:
        """The "Add photos…" button: pick files (``clicked(bool)`` must never reach ``add_photos``)."""
        self.add_photos()

    def add_photos(self, paths: list[str] | None = None) -> bool:
        """Attach image files to the item shown (a file dialog asks when ``paths`` is None)."""
        if self.read_only:
            return False
        chosen = paths if paths is not None else self._pick_photos()
        if not chosen:
            return False
        self.flush_note()
        try:
            files = [PhotoFile(Path(p).name, Path(p).read_bytes()) for p in chosen[:MAX_ANSWER_PHOTOS]]
            answer = service.add_answer_photos(
                self._context.uow(), self.run.inspection.id, self.item.id, files, self._context.images
            )
        except OSError as exc:
            text = self.tr("The file cannot be read: {error}").format(error=messages.os_error_text(exc, with_name=True))
            messages.show_info(self, self.tr("Add photos"), text)
            return False
        except Exception as exc:
            if not messages.is_user_error(exc):
                raise
            texts.show_error(self, exc)
            return False
        self._stored(answer)
        self._load_photos(answer)
        return True

    def remove_photo(self) -> bool:
        """Remove the selected photo of the item shown."""
        entry = self.photo_list.currentItem()
        if entry is None or self.read_only:
            return False
        try:
            answer = service.remove_answer_photo(
                self._context.uow(), self.run.inspection.id, self.item.id, entry.data(PhotoIdRole)
            )
        except Exception as exc:
            if not messages.is_user_error(exc):
                raise
            texts.show_error(self, exc)
            return False
        self._stored(answer)
        self._load_photos(answer)
        return True

    def _confirm(self, title: str, text: str) -> bool:
        return messages.confirm(self, title, text)

    def finalize(self) -> service.FinalizeResult | None:
        """Check, confirm and lock the inspection; failures become hazards in the register."""
        if self.read_only:
            return None
        self.flush_note()
        problems = self.run.problems
        if problems:
            first = problems[0]
            unanswered = sum(1 for p in problems if p.kind is ProblemKind.UNANSWERED)
            undocumented = len(problems) - unanswered
            parts = []
            if unanswered:
                parts.append(self.tr("%n item(s) have no result yet.", "", unanswered))
            if undocumented:
                parts.append(self.tr("%n failed item(s) need a note or a photo.", "", undocumented))
            self.show_item(first.index)
            messages.show_info(self, self.tr("Not finished yet"), " ".join(parts))
            return None
        counted = self.run.progress
        if not self._confirm(
            self.tr("Finalize inspection"),
            self.tr(
                "Finalize inspection {number}? It is then locked, and its {failed} failed item(s) are registered "
                "as hazards."
            ).format(number=self.run.inspection.number, failed=counted.failed),
        ):
            return None
        try:
            result = service.finalize_inspection(self._context.uow(), self.run.inspection.id, self._context.images)
        except Exception as exc:
            if not messages.is_user_error(exc):
                raise
            texts.show_error(self, exc)
            return None
        self.run = service.load_run(self._context.uow(), self.run.inspection.id)
        self.items_model = ItemListModel(self.run.template, self.run.answers, self)
        self.items_view.setModel(self.items_model)
        self.items_view.selectionModel().currentChanged.connect(
            lambda current, _previous: self._jump(current.row()) if current.isValid() else None
        )
        self._update_header()
        self.show_item(self.index)
        numbers = "、".join(h.number for h in result.hazards)
        text = (
            self.tr("Inspection {number} is finalized. Hazards registered: {numbers}.").format(
                number=result.inspection.number, numbers=numbers
            )
            if result.hazards
            else self.tr("Inspection {number} is finalized. No hazard was found.").format(
                number=result.inspection.number
            )
        )
        messages.show_info(self, self.tr("Inspection finalized"), text)
        self.finalized.emit(result)
        return result

    # ------------------------------------------------------------------------------------- keys

    def handle_key(self, event: QKeyEvent) -> bool:
        """The runner's keys; True if ``event`` was one of them."""
        key = Qt.Key(event.key())
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            return False
        if key in _KEYS:
            self.choose(_KEYS[key])
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.next_item()
            return True
        if key == Qt.Key.Key_Backspace:
            self.previous_item()
            return True
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.handle_key(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush_note()
        super().closeEvent(event)

    def done(self, result: int) -> None:
        self.flush_note()
        super().done(result)

    @classmethod
    def open_for(cls, parent: QWidget | None, context: AppContext, inspection_id: uuid.UUID) -> InspectionRunner:
        """Show the runner non-modally (the list window stays usable) and return it.

        It is deleted with ``parent``: ``WA_DeleteOnClose`` is not used because PySide crashes when the
        parent is deleted before the deferred delete of a closed child has run.
        """
        runner = cls(context, inspection_id, parent)
        runner.show()
        runner.setFocus(Qt.FocusReason.OtherFocusReason)
        return runner


__all__ = ["InspectionRunner"]
