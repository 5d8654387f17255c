"""Create or edit a hazard (新建隐患 / 编辑隐患), photos included.

The dialog collects input and hands it to the services, which validate it; a refused input shows the
service's error as a translated sentence above the form and writes nothing. Photos picked for a new
hazard are checked when they are picked (``services.photo_checks``), so that saving does not create the
hazard and then refuse its photos.

While the user types, the form keeps a draft on disk (``services.drafts``; the store is
``context.drafts``, optional): a second after the last change, and at once when a photo is
added or removed. Picked photos are copied into the draft, so a crash, a power cut or a pulled USB stick
loses nothing. Saving deletes the draft; cancelling asks whether to keep editing, keep the draft or
discard it; opening the form while a draft of it exists offers to restore it.

For the field (issue 11): the form fits 911×512 logical pixels (the fields scroll, Save/Cancel stay
visible), fields and buttons are at least 40 px high, required fields are marked and every broken rule is
shown at once (``domain.hazards.input_problems``), Ctrl+S and Ctrl+Enter save, a new hazard starts with
the finder and department of the previous one, and photos come from the last photo folder or are dropped
onto the form (``ui.photo_picking``). The status is not edited here: it changes only through its use
cases (grading, rectification, verification).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDateTime, QSize, Qt, QTimer
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hazard_desktop.domain.errors import DomainError
from hazard_desktop.domain.hazards import (
    LOCATION_MAX,
    MAX_PHOTOS,
    TAG_MAX,
    Hazard,
    HazardInput,
    PhotoInfo,
    input_problems,
)
from hazard_desktop.domain.records import utcnow
from hazard_desktop.domain.reference import Person, namesake_numbers, person_key
from hazard_desktop.services import hazards as hazard_service
from hazard_desktop.services import photo_checks
from hazard_desktop.services.context import AppContext
from hazard_desktop.services.drafts import Draft, DraftStore, hazard_key
from hazard_desktop.services.ports import PhotoKind
from hazard_desktop.services.reference_queries import ReferenceData, load_reference
from hazard_desktop.ui import labels, messages, photo_picking
from hazard_desktop.ui.detail_pane import THUMB_SIZE, make_photo_list, thumbnail_icon
from hazard_desktop.ui.field_ui import touch_sized, ui_state
from hazard_desktop.ui.formatting import (
    QT_DATE_FORMAT,
    QT_DATE_TIME_FORMAT,
    finder_not_recorded,
    format_datetime,
    from_qdatetime,
    now_qdatetime,
    numbered_name,
    to_qdatetime,
)
from hazard_desktop.ui.widgets import screen_fit

log = logging.getLogger(__name__)

PhotoEntryRole = int(Qt.ItemDataRole.UserRole) + 1
LedgerFinderRole = int(Qt.ItemDataRole.UserRole) + 2  # True on the "(old ledger)" finder item
DRAFT_SAVE_DELAY_MS = 1000
DRAFT_FORMAT = "hazard-editor/1"
PREFERRED_SIZE = (760, 900)
LAST_FINDER_KEY = "hazard_editor/last_found_by"
LAST_DEPARTMENT_KEY = "hazard_editor/last_department"
REQUIRED_MARK = ' <span style="color:#c62828">*</span>'


def _uuid(value: object) -> uuid.UUID | None:
    """Item data of the lists are UUID text (PySide keeps other objects opaque: findData misses them)."""
    if not isinstance(value, str) or not value:
        return None
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class HazardEditorResult:
    """What the dialog saved."""

    hazard: Hazard
    created: bool


@dataclass(frozen=True, slots=True)
class _StoredPhoto:
    info: PhotoInfo


@dataclass(frozen=True, slots=True)
class _NewPhoto:
    file: hazard_service.PhotoFile
    path: str
    draft_name: str  # the name of its copy in the draft (one per picked file)


# The fields an edit draft restores only where the user changed them (see ``restore_draft``).
_MERGED_FIELDS = (
    "description",
    "location",
    "equipment_tag",
    "department",
    "category",
    "subcategory",
    "found_by_id",
    "found_by_text",
    "found_at_ms",
)


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


class ErrorBox(QLabel):
    """The red box above a form: word-wrapped and exactly as tall as its lines at its width.

    A wrapped label's size hint is measured at a narrower width than it gets, so the layout gave the English
    list of five problems a third of the form (new-user trial u6); this one asks for the height its text needs
    at the width it has, and asks again when that width changes.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)  # never taller than its text

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        hint = super().sizeHint()
        width = self.width() if self.width() > 0 else hint.width()
        return QSize(hint.width(), self.heightForWidth(width))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()  # another width: another number of lines


class HazardEditorDialog(QDialog):
    """The hazard form. Create with ``hazard=None``; edit an existing hazard otherwise.

    Use :meth:`ask` to run it; tests set the widgets and press the buttons or the keys.
    """

    def __init__(
        self,
        context: AppContext,
        hazard: Hazard | None = None,
        parent: QWidget | None = None,
        *,
        reference: ReferenceData | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._hazard = hazard
        self.operator: uuid.UUID | None = None  # who edits: the timeline records it once the hazard is graded
        self._result: HazardEditorResult | None = None
        self._removed: list[PhotoInfo] = []
        self._reference = reference or load_reference(context.uow(), include_inactive=True)
        self._drafts: DraftStore | None = context.drafts
        self._draft_key = hazard_key(hazard.id if hazard is not None else None)
        self._draft_on_disk = False
        self._draft_problem_shown = False
        self._restoring = False
        self._marked: list[QWidget] = []
        self._input_problems_shown = False  # the error box lists the input rules' problems (updated as fields change)
        self._shown_problems: list[tuple[str, str | None]] = []
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_SAVE_DELAY_MS)
        self._draft_timer.timeout.connect(self.save_draft_now)
        self.setObjectName("hazardEditor")
        self.setAcceptDrops(True)  # image files dropped anywhere on the form are added as photos

        self.error_label = ErrorBox(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setStyleSheet(
            "background: #fdecea; color: #b71c1c; border: 1px solid #f5c6cb; border-radius: 3px; padding: 6px;"
        )
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()

        self.number = QLineEdit(self)
        self.number.setObjectName("number")
        self.number.setMaxLength(20)
        self.description = QPlainTextEdit(self)
        self.description.setObjectName("description")
        self.description.setPlaceholderText(self.tr("What is wrong, and what could it lead to?"))
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        self.location = QLineEdit(self)
        self.location.setObjectName("location")
        self.location.setMaxLength(LOCATION_MAX)
        self.location.setPlaceholderText(self.tr("e.g. tank farm, east pump house"))
        self.equipment_tag = QLineEdit(self)
        self.equipment_tag.setObjectName("equipmentTag")
        self.equipment_tag.setMaxLength(TAG_MAX)
        self.equipment_tag.setPlaceholderText(self.tr("e.g. P-101A (optional)"))
        self.department = QComboBox(self)
        self.department.setObjectName("department")
        self.category = QComboBox(self)
        self.category.setObjectName("category")
        self.subcategory = QComboBox(self)
        self.subcategory.setObjectName("subcategory")
        self.found_by = QComboBox(self)
        self.found_by.setObjectName("foundBy")
        self.found_at = QDateTimeEdit(self)
        self.found_at.setObjectName("foundAt")
        self.found_at.setCalendarPopup(True)
        self.found_at.setDisplayFormat(QT_DATE_TIME_FORMAT)
        self._fill_lists()
        self.category.currentIndexChanged.connect(self._category_changed)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.required_labels: list[QLabel] = []
        for text, widget, required in (
            (self.tr("Hazard number:"), self.number, False),
            (self.tr("Description:"), self.description, True),
            (self.tr("Location / area:"), self.location, True),
            (self.tr("Equipment tag:"), self.equipment_tag, False),
            (self.tr("Responsible department:"), self.department, True),
            (self.tr("Category:"), self.category, True),
            (self.tr("Subcategory:"), self.subcategory, False),
            (self.tr("Found by:"), self.found_by, True),
            (self.tr("Found at:"), self.found_at, True),
        ):
            label = QLabel(text.replace("&", "&&") + (REQUIRED_MARK if required else ""), self)
            label.setTextFormat(Qt.TextFormat.RichText if required else Qt.TextFormat.PlainText)
            label.setBuddy(widget)
            if required:
                self.required_labels.append(label)
            form.addRow(label, widget)
        self.required_note = QLabel(self.tr("Fields marked * are required.").replace("*", REQUIRED_MARK.strip()), self)
        self.required_note.setObjectName("requiredNote")
        self.required_note.setTextFormat(Qt.TextFormat.RichText)
        form.addRow("", self.required_note)
        self._form = form
        touch_sized(self.number, self.location, self.equipment_tag, self.department, self.category)
        touch_sized(self.subcategory, self.found_by, self.found_at)

        self.photos = make_photo_list(self, wrapping=True)
        self.photos.setObjectName("photos")
        self.photos.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.photos.setMinimumHeight(THUMB_SIZE.height() * 2 + 40)
        self.photo_count = QLabel(self)
        self.photo_count.setObjectName("photoCount")
        self.add_photos_button = QPushButton(self.tr("Add photos…"), self)
        self.add_photos_button.setObjectName("addPhotos")
        self.add_photos_button.clicked.connect(self._add_photos_clicked)
        self.remove_photos_button = QPushButton(self.tr("Remove selected"), self)
        self.remove_photos_button.setObjectName("removePhotos")
        self.remove_photos_button.clicked.connect(self.remove_selected_photos)
        self.photos.itemSelectionChanged.connect(self._update_photo_buttons)
        photo_buttons = QHBoxLayout()
        photo_buttons.addWidget(QLabel(self.tr("Photos:"), self))
        photo_buttons.addWidget(self.photo_count)
        photo_buttons.addStretch(1)
        photo_buttons.addWidget(self.add_photos_button)
        photo_buttons.addWidget(self.remove_photos_button)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.save_button.setToolTip(self.tr("Save (Ctrl+S, Ctrl+Enter)"))
        touch_sized(self.add_photos_button, self.remove_photos_button, self.save_button, self.cancel_button)
        self.save_shortcuts = [QShortcut(QKeySequence(keys), self) for keys in ("Ctrl+S", "Ctrl+Return", "Ctrl+Enter")]
        for shortcut in self.save_shortcuts:
            shortcut.activated.connect(self.accept)

        # The fields and photos scroll on a small screen; the error and the buttons stay in view.
        body = QWidget(self)
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addLayout(form)
        body_layout.addLayout(photo_buttons)
        body_layout.addWidget(self.photos, 1)
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("editorScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(body)

        layout = QVBoxLayout(self)
        layout.addWidget(self.error_label)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.buttons)
        screen_fit.fit_on_show(self, PREFERRED_SIZE, scroll=False, remember="hazardEditor")  # has its own scroll area

        self._load()
        self._update_photo_buttons()
        self._baseline = self._form_values()
        self._watch_changes()
        self.description.setFocus()
        self.offer_draft()

    # ------------------------------------------------------------------ running it

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        context: AppContext,
        hazard: Hazard | None = None,
        *,
        operator: uuid.UUID | None = None,
    ) -> HazardEditorResult | None:
        """Run the dialog modally; return what was saved, or None if cancelled.

        ``operator``: who edits (recorded in the timeline of a hazard beyond 待定级).
        """
        dialog = cls(context, hazard, parent)
        dialog.operator = operator
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return dialog.result_value if accepted else None
        finally:
            dialog.deleteLater()

    @property
    def result_value(self) -> HazardEditorResult | None:
        """What was saved (None until a save succeeded)."""
        return self._result

    @property
    def is_new(self) -> bool:
        """True while the dialog creates a hazard."""
        return self._hazard is None

    def accept(self) -> None:
        if self.save():
            super().accept()

    def reject(self) -> None:
        """Cancel: bring the draft up to date, then ask: keep editing (the default), keep the draft, discard."""
        self._draft_timer.stop()
        if self._drafts is not None:
            self.save_draft_now()
            if self._draft_on_disk:
                answer = messages.choose(
                    self,
                    self.tr("Unsaved input"),
                    self.tr(
                        "This form was not saved.\n\n"
                        "Keep it as a draft to finish later (the form offers it again the next time it is "
                        "opened), or discard what you entered?"
                    ),
                    [
                        ("edit", self.tr("Keep editing")),
                        ("keep", self.tr("Keep as draft")),
                        ("discard", self.tr("Discard")),
                    ],
                    default="edit",
                    escape="edit",
                )
                if answer == "edit":
                    return
                if answer == "discard":
                    self.discard_draft()
        super().reject()

    # ------------------------------------------------------------------ lists and initial values

    def _fill_lists(self) -> None:
        current = self._hazard
        self.department.addItem(self.tr("— choose —"), None)
        for department in self._reference.departments:
            if department.active or (current and current.department_id == department.id):
                self.department.addItem(department.name, str(department.id))
        self.category.addItem(self.tr("— choose —"), None)
        for category in self._reference.categories:
            self.category.addItem(labels.category_label(category), category.code)
        self.found_by.setEditable(True)
        self.found_by.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.found_by.lineEdit().setPlaceholderText(self.tr("Choose or type a name"))
        names = {d.id: d.name for d in self._reference.departments}
        self._finders: dict[str, Person] = {}  # the list's people by id text: a typed name is looked up here
        numbers = namesake_numbers(self._reference.people)  # namesakes of one department: with their 工号
        for person in self._reference.people:
            if person.active or (current and current.found_by_id == person.id):
                department = names.get(person.department_id)
                name = numbered_name(person.name, numbers.get(person.id))
                text = f"{name} ({department})" if department else name
                self.found_by.addItem(text, str(person.id))
                self._finders[str(person.id)] = person
        completer = QCompleter(self.found_by.model(), self.found_by)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.found_by.setCompleter(completer)
        self.found_by.setCurrentIndex(-1)

    def _category_changed(self) -> None:
        self.subcategory.clear()
        self.subcategory.addItem(self.tr("— none —"), None)
        category = self._reference.category(self.category.currentData())
        for sub in category.subcategories if category else ():
            self.subcategory.addItem(labels.category_label(sub), sub.code)
        self.subcategory.setEnabled(self.subcategory.count() > 1)

    def _load(self) -> None:
        hazard = self._hazard
        self._category_changed()
        if hazard is None:
            self.setWindowTitle(self.tr("New hazard"))
            self.number.setPlaceholderText(self.tr("Leave empty for the next free number"))
            self.number.setToolTip(self.tr("Type a number only for a hazard from a paper register (YH-2026-0001)"))
            self.found_at.setDateTime(now_qdatetime())
            self._take_previous_finder()
        else:
            self.setWindowTitle(self.tr("Edit hazard {number}").format(number=hazard.number))
            self.number.setText(hazard.number)
            self.number.setReadOnly(True)
            self.number.setToolTip(self.tr("The number of a hazard never changes"))
            self.description.setPlainText(hazard.description)
            self.location.setText(hazard.location)
            self.equipment_tag.setText(hazard.equipment_tag)
            self.department.setCurrentIndex(max(0, self.department.findData(str(hazard.department_id))))
            index = self.category.findData(hazard.category_code)
            if index < 0:  # a code no longer in the reference data: keep it visible
                self.category.addItem(hazard.category_code, hazard.category_code)
                index = self.category.count() - 1
            self.category.setCurrentIndex(index)
            if hazard.subcategory_code:
                sub = self.subcategory.findData(hazard.subcategory_code)
                if sub < 0:
                    self.subcategory.addItem(hazard.subcategory_code, hazard.subcategory_code)
                    sub = self.subcategory.count() - 1
                self.subcategory.setCurrentIndex(sub)
            if hazard.finder_from_ledger:  # the old ledger's 发现人, kept while this item stays chosen
                ledger = hazard.found_by_text or finder_not_recorded()
                label = self.tr("{finder} (old ledger)").format(finder=ledger)
                self.found_by.insertItem(0, label, str(hazard.found_by_id))
                self.found_by.setItemData(0, True, LedgerFinderRole)
                self.found_by.setCurrentIndex(0)
            else:
                self.found_by.setCurrentIndex(self.found_by.findData(str(hazard.found_by_id)))
            if hazard.found_date_only:  # the old ledger gave a day only: no time is shown or invented
                self.found_at.setDisplayFormat(QT_DATE_FORMAT)
            self.found_at.setDateTime(to_qdatetime(hazard.found_at))
            for photo in sorted(hazard.photos, key=lambda p: p.position):
                self._add_stored_photo(photo)
        self._initial_found_at = QDateTime(self.found_at.dateTime())
        self._initial_input = self._input() if hazard is not None else None

    def _take_previous_finder(self) -> None:
        """A new hazard starts with the finder and department of the previous new one (a round finds many)."""
        state = ui_state(self._context)
        person, department = state.value(LAST_FINDER_KEY, ""), state.value(LAST_DEPARTMENT_KEY, "")
        index = self.found_by.findData(person) if isinstance(person, str) and person else -1
        if index >= 0:
            self.found_by.setCurrentIndex(index)
        index = self.department.findData(department) if isinstance(department, str) and department else -1
        if index > 0:
            self.department.setCurrentIndex(index)

    def _remember_finder(self, hazard: Hazard) -> None:
        state = ui_state(self._context)
        state.setValue(LAST_FINDER_KEY, str(hazard.found_by_id))
        state.setValue(LAST_DEPARTMENT_KEY, str(hazard.department_id))
        state.sync()

    # ------------------------------------------------------------------ photos

    def _add_stored_photo(self, photo: PhotoInfo) -> None:
        try:
            thumb = hazard_service.photo_bytes(self._context.uow(), photo.id, PhotoKind.THUMB)
        except Exception as exc:
            if not messages.is_user_error(exc):
                raise
            thumb = None
        item = QListWidgetItem(thumbnail_icon(thumb), "")
        item.setToolTip(photo.original_name)
        item.setData(PhotoEntryRole, _StoredPhoto(photo))
        item.setSizeHint(self.photos.gridSize())
        self.photos.addItem(item)

    def photo_entries(self) -> list[object]:
        """What the photo list holds now (stored photos and newly picked files), in order."""
        return [self.photos.item(i).data(PhotoEntryRole) for i in range(self.photos.count())]

    def new_photo_count(self) -> int:
        """How many picked files will be attached on save."""
        return sum(isinstance(e, _NewPhoto) for e in self.photo_entries())

    def _add_photos_clicked(self) -> None:
        self.pick_photos()

    def pick_photos(self) -> int:
        """Ask for image files (opening in the last photo folder) and add them; return how many were added."""
        paths = photo_picking.pick_photo_files(
            self,
            self._context,
            self.tr("Attach photos"),
            self.tr("Images (*.jpg *.jpeg *.png *.bmp *.gif *.tif *.tiff *.webp);;All files (*)"),
        )
        if not paths:
            return 0
        return self.add_photo_files(paths)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        photo_picking.accept_image_drag(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        photo_picking.accept_image_drag(event)

    def dropEvent(self, event: QDropEvent) -> None:
        """Image files dropped from the file manager are added like picked ones."""
        paths = photo_picking.take_image_drop(event, self._context)
        if paths:
            self.add_photo_files(paths)

    def add_photo_files(self, paths: Sequence[str | Path]) -> int:
        """Check image files and add them to the list (all or none); a refused file shows its error."""
        self.clear_error()
        added: list[tuple[_NewPhoto, bytes]] = []
        try:
            photo_checks.check_photo_count(self.photos.count() + len(paths))
            for raw in paths:
                path = Path(raw)
                photo_checks.check_photo_size(path.name, path.stat().st_size)
                file = hazard_service.PhotoFile(path.name, path.read_bytes())
                image = photo_checks.check_photo(file, self._context.images)
                added.append((_NewPhoto(file, str(path), uuid.uuid4().hex), image.thumb_jpeg))
        except OSError as exc:
            self.show_error_text(
                self.tr("The file “{name}” cannot be read: {reason}").format(
                    name=Path(getattr(exc, "filename", "") or "").name, reason=messages.os_error_text(exc)
                ),
                "photos",
            )
            return 0
        except DomainError as exc:
            self.show_error(exc)
            return 0
        for entry, thumb in added:
            self._add_new_photo(entry, thumb)
        self._update_photo_buttons()
        if added:
            self.save_draft_now()
        return len(added)

    def _add_new_photo(self, entry: _NewPhoto, thumb: bytes | None) -> None:
        item = QListWidgetItem(thumbnail_icon(thumb), "")
        item.setToolTip(entry.file.name)
        item.setData(PhotoEntryRole, entry)
        item.setSizeHint(self.photos.gridSize())
        self.photos.addItem(item)

    def remove_selected_photos(self) -> int:
        """Take the selected photos off the list (stored ones are removed on save); return how many."""
        rows = sorted((self.photos.row(item) for item in self.photos.selectedItems()), reverse=True)
        for row in rows:
            item = self.photos.takeItem(row)
            entry = item.data(PhotoEntryRole)
            if isinstance(entry, _StoredPhoto):
                self._removed.append(entry.info)
        self._update_photo_buttons()
        if rows:
            self.save_draft_now()
        return len(rows)

    def _update_photo_buttons(self) -> None:
        count = self.photos.count()
        self.photo_count.setText(self.tr("{count} of at most {max}").format(count=count, max=MAX_PHOTOS))
        self.add_photos_button.setEnabled(count < MAX_PHOTOS)
        self.remove_photos_button.setEnabled(bool(self.photos.selectedItems()))

    # ------------------------------------------------------------------ errors

    def _field_widget(self, field: str | None) -> QWidget | None:
        return {
            "number": self.number,
            "description": self.description,
            "location": self.location,
            "equipment_tag": self.equipment_tag,
            "department": self.department,
            "category": self.category,
            "subcategory": self.subcategory,
            "found_by": self.found_by,
            "found_at": self.found_at,
            "photos": self.photos,
        }.get(field or "")

    def show_error(self, exc: BaseException) -> None:
        """Show a refused input above the form and put the cursor on the field concerned."""
        self.show_error_text(messages.error_text(exc), getattr(exc, "field", None))

    def show_error_text(self, text: str, field: str | None = None) -> None:
        """Show ``text`` above the form (and mark ``field``)."""
        self.show_problems([(text, field)])

    def show_problems(self, problems: Sequence[tuple[str, str | None]], *, focus: bool = True) -> None:
        """Show every ``(text, field)`` above the form, one a line; mark each field, the cursor in the first
        (``focus``; not while the user types: the list follows the fields as they are fixed)."""
        self.clear_error()
        self._shown_problems = list(problems)
        texts = [text for text, _field in problems]
        self.error_label.setText(texts[0] if len(texts) == 1 else "\n".join(f"• {text}" for text in texts))
        self.error_label.show()
        for _text, field in problems:
            widget = self._field_widget(field)
            if widget is None or widget in self._marked:
                continue
            widget.setProperty("invalid", True)
            widget.setStyleSheet("border: 1px solid #c62828;")
            if not self._marked and focus:
                widget.setFocus()
                self.scroll.ensureWidgetVisible(widget)
            self._marked.append(widget)

    def _recheck(self) -> None:
        """While the input rules' list is shown, a field changed: the list shrinks to what is still wrong and
        goes once nothing is (trial u6: it stayed, a third of the form high, after the fields were filled)."""
        if not self._input_problems_shown or not self.error_label.isVisibleTo(self):
            return
        problems = input_problems(self._input(), utcnow())
        shown = [(messages.error_text(p), p.field) for p in problems]
        if shown == self._shown_problems:
            return  # a keystroke that fixes nothing: the box and the marks stay as they are
        if problems:
            self.show_problems(shown, focus=False)
        else:
            self.clear_error()
        self._input_problems_shown = bool(problems)

    def marked_fields(self) -> list[QWidget]:
        """The fields marked as wrong now."""
        return list(self._marked)

    def clear_error(self) -> None:
        """Hide the error message and unmark the fields."""
        self._input_problems_shown = False
        self._shown_problems = []
        self.error_label.hide()
        self.error_label.clear()
        for marked in getattr(self, "_marked", []):
            marked.setProperty("invalid", False)
            marked.setStyleSheet("")
        self._marked = []

    def error_message(self) -> str:
        """The error shown now ("" if none)."""
        return self.error_label.text() if self.error_label.isVisibleTo(self) else ""

    # ------------------------------------------------------------------ saving

    def finder_matches(self) -> list[int]:
        """The items of the finder list the text in the box names: the item shown, an item whose text it is
        (spaces trimmed), else every person whose name it is — typed free text that is a person's name is that
        person, never text (new-user trial). Two or more: namesakes, the user is asked (``settle_finder``)."""
        key = person_key(self.found_by.currentText())
        if not key:
            return []
        current = self.found_by.currentIndex()
        if current >= 0 and person_key(self.found_by.itemText(current)) == key:
            return [current]
        items = range(self.found_by.count())
        labelled = [i for i in items if person_key(self.found_by.itemText(i)) == key]
        if labelled:
            return labelled
        return [
            i
            for i in items
            if not self.found_by.itemData(i, LedgerFinderRole)
            and (person := self._finders.get(self.found_by.itemData(i))) is not None
            and person_key(person.name) == key
        ]

    def _found_by_id(self) -> uuid.UUID | None:
        """The finder the box names, if it names one person (namesakes: None until ``settle_finder`` asks)."""
        matches = self.finder_matches()
        return _uuid(self.found_by.itemData(matches[0])) if len(matches) == 1 else None

    def _ledger_finder_kept(self) -> bool:
        """True while the "(old ledger)" item is the finder: the ledger's 发现人 stays the record's."""
        matches = self.finder_matches()
        return len(matches) == 1 and bool(self.found_by.itemData(matches[0], LedgerFinderRole))

    def settle_finder(self) -> bool:
        """Before saving: a typed name becomes its person's item (so the box shows whom it stores); a name of
        several people asks which (``messages.choose``). False if the user would not say: nothing is saved."""
        matches = self.finder_matches()
        if len(matches) == 1:
            if self.found_by.currentIndex() != matches[0]:
                self.found_by.setCurrentIndex(matches[0])
            return True
        if len(matches) < 2:
            return True  # nobody of that name: the input rules say so
        choices = []
        for index in matches:
            person = self._finders.get(self.found_by.itemData(index))
            text = self.found_by.itemText(index)
            if person is not None and person.employee_no and person.employee_no not in text:
                text = self.tr("%1, employee no. %2").replace("%1", text).replace("%2", person.employee_no)
            choices.append((str(index), labels.mnemonic_safe(text)))
        choices.append(("", self.tr("Cancel")))
        name = " ".join(self.found_by.currentText().split())
        answer = messages.choose(
            self,
            self.tr("Who found the hazard?"),
            self.tr("%1 people are called %2. Which of them found the hazard?")  # always two or more
            .replace("%1", str(len(matches)))
            .replace("%2", name),
            choices,
            default="",
            escape="",
        )
        if not answer:
            self.found_by.setFocus()
            return False
        self.found_by.setCurrentIndex(int(answer))
        return True

    def _input(self) -> HazardInput:
        if self._hazard is not None and self.found_at.dateTime() == getattr(self, "_initial_found_at", None):
            found_at = self._hazard.found_at  # keep the stored precision when the time was not touched
        else:
            found_at = from_qdatetime(self.found_at.dateTime())
        category = self.category.currentData()
        return HazardInput(
            description=self.description.toPlainText(),
            location=self.location.text(),
            department_id=_uuid(self.department.currentData()),
            category_code=category if isinstance(category, str) else "",
            subcategory_code=self.subcategory.currentData() or None,
            found_by_id=self._found_by_id(),
            found_at=found_at,
            equipment_tag=self.equipment_tag.text(),
        )

    def save(self) -> bool:
        """Validate and store through the services; on refusal show why and write nothing.

        Every broken rule of the fields is shown at once; the services check again when storing.
        """
        self.clear_error()
        if not self.settle_finder():
            return False
        problems = input_problems(self._input(), utcnow())
        if problems:
            self.show_problems([(messages.error_text(p), p.field) for p in problems])
            self._input_problems_shown = True  # the list follows the fields from now on (``_recheck``)
            self.save_draft_now()
            return False
        try:
            if self._hazard is None:
                self._result = self._create()
            else:
                self._result = self._update(self._hazard)
        except Exception as exc:
            if not messages.is_user_error(exc):
                raise
            log.info("hazard input refused: %s", exc)
            self.show_error(exc)
            self.save_draft_now()
            return False
        self._baseline = self._form_values()  # the form now shows what is stored: nothing to keep
        self.discard_draft()
        if self._result is not None and self._result.created:
            self._remember_finder(self._result.hazard)
        return True

    def _create(self) -> HazardEditorResult:
        data = self._input()
        files = [e.file for e in self.photo_entries() if isinstance(e, _NewPhoto)]
        photo_checks.check_photo_count(len(files))
        for file in files:  # checked when picked; the cheap checks again so a refusal writes nothing
            photo_checks.check_photo_size(file.name, len(file.data))
        # One transaction: the hazard and its photos are stored together or not at all.
        hazard = hazard_service.create_hazard(
            self._context.uow(), data, number=self.number.text(), photos=files, images=self._context.images
        )
        return HazardEditorResult(hazard, created=True)

    def _update(self, hazard: Hazard) -> HazardEditorResult:
        data = self._input()
        files = [e.file for e in self.photo_entries() if isinstance(e, _NewPhoto)]
        ledger_dropped = hazard.finder_from_ledger and not self._ledger_finder_kept()
        if data != self._initial_input or self._removed or files or ledger_dropped:
            # One use case, one transaction: details, removed and added photos together or not at all.
            hazard = hazard_service.save_hazard(
                self._context.uow(),
                hazard.id,
                hazard.revision,
                data,
                remove_photo_ids=[photo.id for photo in self._removed],
                add_photos=files,
                images=self._context.images,
                actor_id=self.operator,
                keep_ledger_finder=not ledger_dropped,
            )
            self._hazard, self._initial_input = hazard, data
            self._removed.clear()
            self._mark_attached(hazard)
        return HazardEditorResult(hazard, created=False)

    def _mark_attached(self, hazard: Hazard) -> None:
        """After attaching, the list shows the stored photos (so a second save attaches nothing twice)."""
        self.photos.clear()
        for photo in sorted(hazard.photos, key=lambda p: p.position):
            self._add_stored_photo(photo)
        self._update_photo_buttons()

    # ------------------------------------------------------------------ the draft on disk

    @property
    def draft_key(self) -> str:
        """The key of this form's draft (``hazard-new`` or ``hazard-<id>``)."""
        return self._draft_key

    def _watch_changes(self) -> None:
        """Every change of a field (re)starts the draft timer."""
        for line in (self.number, self.location, self.equipment_tag):
            line.textChanged.connect(self._field_changed)
        self.description.textChanged.connect(self._field_changed)
        for combo in (self.department, self.category, self.subcategory):
            combo.currentIndexChanged.connect(self._field_changed)
        self.found_by.currentTextChanged.connect(self._field_changed)
        self.found_at.dateTimeChanged.connect(self._field_changed)

    def _field_changed(self) -> None:
        if self._drafts is not None and not self._restoring:
            self._draft_timer.start()
        self._recheck()

    def _form_values(self) -> dict[str, Any]:
        """The form's values as JSON (photos picked but not saved are named by their copy in the draft)."""
        photos: list[dict[str, str]] = []
        for entry in self.photo_entries():
            if isinstance(entry, _StoredPhoto):
                photos.append({"stored": str(entry.info.id)})
            elif isinstance(entry, _NewPhoto):
                photos.append({"file": entry.draft_name, "name": entry.file.name, "path": entry.path})
        found_by_id = self._found_by_id()
        hazard = self._hazard
        category = self.category.currentData()
        subcategory = self.subcategory.currentData()
        return {
            "format": DRAFT_FORMAT,
            "hazard_id": str(hazard.id) if hazard is not None else None,
            "hazard_number": hazard.number if hazard is not None else None,
            "revision": hazard.revision if hazard is not None else None,
            "number": self.number.text() if hazard is None else None,
            "description": self.description.toPlainText(),
            "location": self.location.text(),
            "equipment_tag": self.equipment_tag.text(),
            "department": self.department.currentData() if isinstance(self.department.currentData(), str) else None,
            "category": category if isinstance(category, str) else None,
            "subcategory": subcategory if isinstance(subcategory, str) else None,
            "found_by_id": str(found_by_id) if found_by_id is not None else None,
            "found_by_text": self.found_by.currentText(),
            "found_at_ms": self.found_at.dateTime().toMSecsSinceEpoch(),
            "photos": photos,
            "removed": [str(p.id) for p in self._removed],
        }

    def _draft_data(self) -> dict[str, Any]:
        """What the draft stores: the form's values, and under ``base`` the fields as the form opened them."""
        return {**self._form_values(), "base": {k: self._baseline.get(k) for k in _MERGED_FIELDS}}

    def _draft_files(self) -> dict[str, bytes]:
        return {e.draft_name: e.file.data for e in self.photo_entries() if isinstance(e, _NewPhoto)}

    def has_unsaved_input(self) -> bool:
        """True if the form differs from what it showed when opened (stored values or an empty form)."""
        return self._form_values() != self._baseline

    def save_draft_now(self) -> bool:
        """Write the draft at once (the timer does it a second after typing stops); True if written.

        A form that holds just what it showed when opened keeps no draft (an old one is removed).
        A store that fails is reported above the form once and logged; the form goes on working.
        """
        self._draft_timer.stop()
        store = self._drafts
        if store is None or self._restoring:
            return False
        try:
            if not self.has_unsaved_input():
                if self._draft_on_disk:
                    store.delete(self._draft_key)
                    self._draft_on_disk = False
                return False
            store.save(self._draft_key, self._draft_data(), self._draft_files())
        except Exception as exc:
            if not messages.is_user_error(exc):
                raise
            self._draft_problem(exc)
            return False
        self._draft_on_disk = True
        return True

    def discard_draft(self) -> None:
        """Delete this form's draft (after a save, or when the user throws it away)."""
        self._draft_timer.stop()
        if self._drafts is None:
            return
        try:
            self._drafts.delete(self._draft_key)
        except Exception as exc:
            if not messages.is_user_error(exc):
                raise
            self._draft_problem(exc)
            return
        self._draft_on_disk = False

    def offer_draft(self) -> bool:
        """If a draft of this form exists, ask to restore it: yes restores it, no discards it.

        Returns True if a draft was restored. A draft that cannot be read is reported above the form.
        """
        store = self._drafts
        if store is None:
            return False
        try:
            draft = store.load(self._draft_key)
        except Exception as exc:
            if not messages.is_user_error(exc):
                raise
            self._draft_problem(exc)
            return False
        if draft is None:
            return False
        self._draft_on_disk = True
        text = self.tr(
            "This form has an unsaved draft from {time}.\n\nRestore the draft? Choose No to discard it."
        ).format(time=format_datetime(draft.saved_at))
        hazard = self._hazard
        if hazard is not None and draft.data.get("revision") != hazard.revision:
            text += "\n\n" + self.tr(
                "Hazard {number} has been changed since the draft was written. Restoring takes the fields you "
                "changed from the draft and keeps the others as they are now: check them before saving."
            ).format(number=hazard.number)
        # Enter restores: the answer that keeps the inspector's work is the default.
        if messages.confirm(self, self.tr("Restore unsaved draft"), text, default_yes=True):
            self.restore_draft(draft)
            return True
        self.discard_draft()
        return False

    def restore_draft(self, draft: Draft) -> None:
        """Put a draft's values and photos into the form (values of the wrong type are skipped).

        A new hazard's draft is restored whole. An edit draft restores the fields the user changed in it
        and leaves the others as stored now, so that a change made meanwhile by someone else is kept
        unless the draft changed the same field; photos added meanwhile stay, as do those it did not remove.
        """
        data = draft.data
        hazard = self._hazard
        base = data.get("base")

        def wanted(group: tuple[str, ...]) -> bool:
            if hazard is None or not isinstance(base, dict):
                return True
            return any(key not in base or base[key] != data.get(key) for key in group)

        unrestored: list[str] = []
        self._restoring = True
        try:
            if hazard is None:
                self.number.setText(_text(data.get("number")))
            for key, line in (("location", self.location), ("equipment_tag", self.equipment_tag)):
                if wanted((key,)):
                    line.setText(_text(data.get(key)))
            if wanted(("description",)):
                self.description.setPlainText(_text(data.get("description")))
            if wanted(("department",)):
                self._choose(self.department, data.get("department"), add_missing=False)
            if wanted(("category", "subcategory")):
                self._choose(self.category, data.get("category"), add_missing=True)
                self._choose(self.subcategory, data.get("subcategory"), add_missing=True)
            if wanted(("found_by_id", "found_by_text")):
                person = self.found_by.findData(data.get("found_by_id")) if data.get("found_by_id") else -1
                if person >= 0:
                    self.found_by.setCurrentIndex(person)
                else:
                    self.found_by.setCurrentIndex(-1)
                    self.found_by.setEditText(_text(data.get("found_by_text")))
            found_at = data.get("found_at_ms")
            if wanted(("found_at_ms",)) and isinstance(found_at, int) and not isinstance(found_at, bool):
                self.found_at.setDateTime(QDateTime.fromMSecsSinceEpoch(found_at))
            unrestored = self._restore_photos(draft)
        finally:
            self._restoring = False
        self._update_photo_buttons()
        self._draft_on_disk = True
        if unrestored:
            self.show_error_text(
                self.tr("These photos of the draft could not be restored: {names}. Please add them again.").format(
                    names=", ".join(unrestored)
                ),
                "photos",
            )

    def _choose(self, combo: QComboBox, value: object, *, add_missing: bool) -> None:
        if not isinstance(value, str) or not value:
            combo.setCurrentIndex(0)
            return
        index = combo.findData(value)
        if index < 0 and add_missing:  # a code no longer in the reference data: keep it visible
            combo.addItem(value, value)
            index = combo.count() - 1
        combo.setCurrentIndex(max(0, index))

    def _restore_photos(self, draft: Draft) -> list[str]:
        """Rebuild the photo list; return the names of picked photos that could not be restored."""
        hazard = self._hazard
        stored = {str(p.id): p for p in sorted(hazard.photos, key=lambda p: p.position)} if hazard else {}
        entries = draft.data.get("photos")
        removed = draft.data.get("removed")
        self.photos.clear()
        self._removed = []
        listed: set[str] = set()
        unrestored: list[str] = []
        for entry in entries if isinstance(entries, list) else ():
            if not isinstance(entry, dict):
                continue
            stored_id = entry.get("stored")
            if isinstance(stored_id, str):
                if stored_id in stored and stored_id not in listed:  # one deleted meanwhile is gone
                    self._add_stored_photo(stored[stored_id])
                    listed.add(stored_id)
                continue
            name, draft_name = _text(entry.get("name")) or "?", _text(entry.get("file"))
            content = draft.files.get(draft_name)
            if content is None:
                unrestored.append(name)
                continue
            file = hazard_service.PhotoFile(name, content)
            try:
                image = photo_checks.check_photo(file, self._context.images)
            except DomainError as exc:
                log.warning("draft photo %s not restored: %s", name, exc)
                unrestored.append(name)
                continue
            self._add_new_photo(_NewPhoto(file, _text(entry.get("path")), draft_name), image.thumb_jpeg)
        gone = {r for r in removed if isinstance(r, str)} if isinstance(removed, list) else set()
        for photo_id, photo in stored.items():
            if photo_id in listed:
                continue
            if photo_id in gone:
                self._removed.append(photo)
            else:  # added since the draft was written: keep it
                self._add_stored_photo(photo)
        return unrestored

    def _draft_problem(self, exc: BaseException) -> None:
        """Report a draft store failure above the form (once per dialog) and in the log."""
        log.warning("draft %s: %s", self._draft_key, exc)
        if self._draft_problem_shown:
            return
        self._draft_problem_shown = True
        params: dict[str, Any] = dict(getattr(exc, "params", {}) or {})
        detail = str(params.get("detail") or exc)
        if getattr(exc, "code", None) == "draft_unreadable":
            if params.get("kept"):
                text = self.tr(
                    "The unsaved draft of this form cannot be read ({detail}). It was set aside as {kept}."
                ).format(detail=detail, kept=params["kept"])
            else:
                text = self.tr("The unsaved draft of this form cannot be read: {detail}").format(detail=detail)
        else:
            text = self.tr(
                "What you enter cannot be kept as a draft ({detail}). Save soon: it would be lost if the "
                "program stopped."
            ).format(detail=detail)
        if not self.error_message():
            self.show_error_text(text)
