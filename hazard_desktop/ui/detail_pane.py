"""The pane beside the register: every field of the selected hazard, its photos, its grading history,
and room for more.

The heading carries chips for status, grade, danger band (with the band's colour) and dispute state. The
grading history (:mod:`hazard_desktop.ui.grading_history`) is the first section; later features
(rectification, …) add their widgets with :meth:`HazardDetailPane.add_section` and follow
:attr:`HazardDetailPane.hazard_changed` to know which hazard is shown.
"""

from __future__ import annotations

import logging
import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hazard_desktop.domain.hazard_states import HazardGrade, HazardStatus
from hazard_desktop.services.context import AppContext
from hazard_desktop.services.ports import PhotoKind
from hazard_desktop.services.reference_queries import HazardDetails, hazard_details
from hazard_desktop.ui import labels, messages
from hazard_desktop.ui.formatting import finder_not_recorded, format_date, format_datetime, numbered_name
from hazard_desktop.ui.widgets import screen_fit

if TYPE_CHECKING:  # the hazard's page is built on first use: its Qt types load then (issue 16)
    from PySide6.QtWidgets import QListWidget, QListWidgetItem

    from hazard_desktop.domain.hazards import PhotoInfo

log = logging.getLogger(__name__)

THUMB_SIZE = QSize(120, 90)
PhotoRole = int(Qt.ItemDataRole.UserRole) + 1

_STATUS_COLOURS = {
    HazardStatus.OPEN: "#6d4c41",
    HazardStatus.GRADED: "#1565c0",
    HazardStatus.RECTIFYING: "#ef6c00",
    HazardStatus.VERIFYING: "#6a1b9a",
    HazardStatus.CLOSED: "#616161",
}
_GRADE_COLOURS = {HazardGrade.UNGRADED: "#757575", HazardGrade.GENERAL: "#2e7d32", HazardGrade.MAJOR: "#c62828"}


def pixmap_from_jpeg(data: bytes | None) -> QPixmap:
    """A pixmap of stored JPEG bytes (null pixmap if there are none or they do not decode)."""
    pixmap = QPixmap()
    if data:
        pixmap.loadFromData(data)
    return pixmap


def thumbnail_icon(data: bytes | None) -> QIcon:
    """An icon of a thumbnail JPEG, letterboxed into :data:`THUMB_SIZE`."""
    pixmap = pixmap_from_jpeg(data)
    if pixmap.isNull():
        return QIcon()
    return QIcon(
        pixmap.scaled(THUMB_SIZE, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
    )


def make_photo_list(parent: QWidget | None = None, *, wrapping: bool = False) -> QListWidget:
    from PySide6.QtWidgets import QListView, QListWidget

    """A list of thumbnails (a horizontal strip, or a wrapping grid when ``wrapping``)."""
    view = QListWidget(parent)
    view.setViewMode(QListView.ViewMode.IconMode)
    view.setIconSize(THUMB_SIZE)
    view.setGridSize(QSize(THUMB_SIZE.width() + 12, THUMB_SIZE.height() + 12))
    view.setMovement(QListView.Movement.Static)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setUniformItemSizes(True)
    view.setWrapping(wrapping)
    view.setFlow(QListView.Flow.LeftToRight)
    if not wrapping:
        view.setFixedHeight(THUMB_SIZE.height() + 12 + view.horizontalScrollBar().sizeHint().height() + 8)
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return view


class PhotoViewer(QDialog):
    """A larger view of one photo (its display copy), scaled to the window; non-modal and reused."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pixmap = QPixmap()
        self.photo_id: uuid.UUID | None = None
        self.image = QLabel(self)
        self.image.setObjectName("photoViewerImage")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setMinimumSize(200, 150)
        from PySide6.QtWidgets import QSizePolicy

        self.image.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.image, 1)
        layout.addWidget(buttons)

    def set_photo(self, jpeg: bytes | None, title: str, photo_id: uuid.UUID | None = None) -> None:
        """Show another photo."""
        self.photo_id = photo_id
        self.setWindowTitle(title)
        self._pixmap = pixmap_from_jpeg(jpeg)
        if self._pixmap.isNull():
            self.image.setPixmap(QPixmap())
            self.image.setText(self.tr("The photo cannot be shown."))
        else:
            self.image.setText("")
        size = self._pixmap.size() if not self._pixmap.isNull() else QSize(400, 300)
        wanted = size.boundedTo(QSize(1000, 750)).expandedTo(QSize(400, 300)) + QSize(24, 60)
        self.resize(wanted.boundedTo(screen_fit.room(self)))
        self._scale()

    def has_image(self) -> bool:
        """True if the stored photo decoded."""
        return not self._pixmap.isNull()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._scale()

    def _scale(self) -> None:
        if not self._pixmap.isNull():
            self.image.setPixmap(
                self._pixmap.scaled(
                    self.image.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
                )
            )


class HazardDetailPane(QWidget):
    """Read-only view of one hazard.

    Signals:
        hazard_changed(object): the HazardDetails now shown, or None.
        photo_opened(object): a PhotoViewer was opened.
    """

    hazard_changed = Signal(object)
    photo_opened = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._details: HazardDetails | None = None
        self._viewer: PhotoViewer | None = None
        self._photo_count = 0
        self._loop_photos: tuple[uuid.UUID | None, int] = (None, 0)  # the rectification's photos, per hazard
        self.setMinimumWidth(320)

        self.stack = QStackedWidget(self)
        self.placeholder = QLabel(self.tr("Select a hazard in the register to see its details."), self)
        self.placeholder.setObjectName("detailPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet("color: #757575; padding: 24px;")
        self.stack.addWidget(self.placeholder)

        # The hazard's own page is built when the first hazard is shown: the start paints the placeholder only
        # (issue 16). Feature sections added before then wait, hidden, in ``_waiting``.
        self._built = False
        self._waiting = QWidget(self)
        self._waiting.hide()
        self._waiting_sections: list[QWidget] = []

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    def _build(self) -> None:
        """Build the hazard's page (heading, fields, photos, sections) once, when first needed."""
        if self._built:
            return
        self._built = True
        from PySide6.QtWidgets import QFormLayout, QSizePolicy

        from hazard_desktop.ui.grading_history import FlowLayout, GradingHistoryWidget

        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(12, 10, 12, 10)

        heading = QHBoxLayout()
        self.number = QLabel(content)
        self.number.setObjectName("detailNumber")
        font = self.number.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.number.setFont(font)
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_chip = QLabel(content)
        self.grade_chip = QLabel(content)
        self.band_chip = QLabel(content)
        self.band_chip.setObjectName("detailBand")
        self.dispute_chip = QLabel(content)
        self.dispute_chip.setObjectName("detailDispute")
        self.band_chip.hide()
        self.dispute_chip.hide()
        heading.addWidget(self.number)
        heading.addStretch(1)
        content_layout.addLayout(heading)
        chips = FlowLayout(spacing=6)  # below the number, wrapping: four chips do not fit beside it
        for chip in (self.status_chip, self.grade_chip, self.band_chip, self.dispute_chip):
            chips.addWidget(chip)
        content_layout.addLayout(chips)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.fields: dict[str, QLabel] = {}
        for key, text in (
            ("description", self.tr("Description")),
            ("location", self.tr("Location / area")),
            ("equipment_tag", self.tr("Equipment tag")),
            ("department", self.tr("Responsible department")),
            ("category", self.tr("Category")),
            ("subcategory", self.tr("Subcategory")),
            ("found_by", self.tr("Found by")),
            ("found_at", self.tr("Found at")),
            ("status", self.tr("Status")),
            ("grade", self.tr("Grade")),
            ("updated_at", self.tr("Last changed")),
        ):
            value = QLabel(content)
            value.setObjectName(f"detail_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            form.addRow(text + self.tr(":"), value)
            self.fields[key] = value
        content_layout.addLayout(form)

        line = QFrame(content)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        content_layout.addWidget(line)
        self.photos_title = QLabel(content)
        self.photos_title.setObjectName("detailPhotosTitle")
        bold = self.photos_title.font()
        bold.setBold(True)
        self.photos_title.setFont(bold)
        content_layout.addWidget(self.photos_title)
        self.photos = make_photo_list(content)
        self.photos.setObjectName("detailPhotos")
        self.photos.setToolTip(self.tr("Click a photo to enlarge it"))
        self.photos.itemClicked.connect(self._photo_clicked)
        self.photos.itemActivated.connect(self._photo_clicked)
        content_layout.addWidget(self.photos)
        self.no_photos = QLabel(self.tr("No photos attached."), content)
        self.no_photos.setStyleSheet("color: #757575;")
        content_layout.addWidget(self.no_photos)

        # Later features (grading history, rectification, sheets) add their widgets here.
        self.sections = QWidget(content)
        self.sections.setObjectName("detailSections")
        self.sections_layout = QVBoxLayout(self.sections)
        self.sections_layout.setContentsMargins(0, 6, 0, 0)
        content_layout.addWidget(self.sections)
        content_layout.addStretch(1)

        self.history = GradingHistoryWidget(self._context, self.sections)
        self.history.loaded.connect(self._history_loaded)
        self.sections_layout.addWidget(self.history)
        for section in self._waiting_sections:
            self.sections_layout.addWidget(section)
        self._waiting_sections.clear()

        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(content)
        self.stack.addWidget(self.scroll)

    # ------------------------------------------------------------------ public

    @property
    def details(self) -> HazardDetails | None:
        """What is shown, or None."""
        return self._details

    def hazard_id(self) -> uuid.UUID | None:
        """The id of the hazard shown, or None."""
        return self._details.hazard.id if self._details else None

    def add_section(self, widget: QWidget) -> None:
        """Add a feature's widget below the photos and the grading history."""
        if self._built:
            self.sections_layout.addWidget(widget)
        else:
            widget.setParent(self._waiting)
            self._waiting_sections.append(widget)

    def show_hazard(self, hazard_id: uuid.UUID | None) -> HazardDetails | None:
        """Load and show a hazard (None clears the pane). A load failure is shown in the pane."""
        if hazard_id is None:
            self.clear()
            return None
        try:
            details = hazard_details(self._context.uow(), hazard_id)
        except Exception as exc:
            if not messages.is_user_error(exc):
                raise
            self.clear(messages.error_text(exc))
            return None
        self._show(details)
        return details

    def refresh(self) -> None:
        """Load the shown hazard again (after an edit)."""
        if self._details is not None:
            self.show_hazard(self._details.hazard.id)

    def clear(self, text: str | None = None) -> None:
        """Show the placeholder (or ``text``) instead of a hazard."""
        self.placeholder.setText(text or self.tr("Select a hazard in the register to see its details."))
        self.stack.setCurrentWidget(self.placeholder)
        if self._built:
            self.photos.clear()
            self.history.clear()
        changed = self._details is not None
        self._details = None
        if changed:
            self.hazard_changed.emit(None)

    def open_photo(self, row: int) -> PhotoViewer | None:
        """Open the larger view of the ``row``-th photo (what a click does)."""
        item = self.photos.item(row)
        if item is None:
            return None
        photo: PhotoInfo = item.data(PhotoRole)
        if self._viewer is not None and self._viewer.isVisible() and self._viewer.photo_id == photo.id:
            self._viewer.raise_()
            return self._viewer
        try:
            from hazard_desktop.services import hazards as hazard_service  # not at start-up: the rectification rules

            jpeg = hazard_service.photo_bytes(self._context.uow(), photo.id, PhotoKind.DISPLAY)
        except Exception as exc:
            if not messages.is_user_error(exc):
                raise
            messages.show_error(self, exc)
            return None
        number = self._details.hazard.number if self._details else ""
        if self._viewer is None:
            self._viewer = PhotoViewer(self)
        viewer = self._viewer
        viewer.set_photo(jpeg, f"{number} — {photo.original_name}", photo.id)
        if viewer.isVisible():
            viewer.raise_()
            viewer.activateWindow()
        else:
            viewer.show()
        self.photo_opened.emit(viewer)
        return viewer

    # ------------------------------------------------------------------ internals

    def _show(self, details: HazardDetails) -> None:
        self._build()
        hazard = details.hazard
        self._details = details
        self.number.setText(hazard.number)
        self._chip(self.status_chip, labels.status_label(hazard.status), _STATUS_COLOURS[hazard.status])
        self._chip(self.grade_chip, labels.grade_label(hazard.grade), _GRADE_COLOURS[hazard.grade])
        none = self.tr("—")
        values = {
            "description": hazard.description,
            "location": hazard.location,
            "equipment_tag": hazard.equipment_tag or none,
            "department": details.department.name if details.department else none,
            "category": labels.category_label(details.category) if details.category else hazard.category_code,
            "subcategory": (
                labels.category_label(details.subcategory) if details.subcategory else (hazard.subcategory_code or none)
            ),
            "found_by": (
                (hazard.found_by_text or finder_not_recorded())
                if hazard.finder_from_ledger
                else (numbered_name(details.found_by.name, details.found_by_number) if details.found_by else none)
            ),
            "found_at": format_date(hazard.found_at) if hazard.found_date_only else format_datetime(hazard.found_at),
            "status": labels.status_label(hazard.status),
            "grade": labels.grade_label(hazard.grade),
            "updated_at": format_datetime(hazard.updated_at),
        }
        for key, value in values.items():
            self.fields[key].setText(value)
        self._show_photos(hazard.photos)
        self.history.show_hazard(hazard.id)
        self.stack.setCurrentWidget(self.scroll)
        self.hazard_changed.emit(details)

    @staticmethod
    def _chip(label: QLabel, text: str, colour: str) -> None:
        label.setText(text)
        from hazard_desktop.ui.grading_history import text_colour_on

        foreground = text_colour_on(colour)
        label.setStyleSheet(f"color: {foreground}; background: {colour}; border-radius: 3px; padding: 2px 8px;")

    def _history_loaded(self, _entries: object) -> None:
        """Band and dispute chips of the heading follow the grading that counts and the latest dispute."""
        final = self.history.final_grading()
        band = None
        if final is not None and final.band_code:
            band = labels.localized(final.band_name_zh, final.band_name_en) or final.band_code
        if band:
            self._chip(self.band_chip, band, self.history.band_colour(final) if final else "#90a4ae")
            self.band_chip.setToolTip(self.tr("Danger band of the grading that counts"))
        self.band_chip.setVisible(bool(band))
        state = self.history.dispute_state()
        if state is not None:
            self._chip(self.dispute_chip, labels.dispute_label(state), labels.DISPUTE_COLOURS[state])
            self.dispute_chip.setToolTip(labels.dispute_help(state))
        self.dispute_chip.setVisible(state is not None)

    def set_loop_photo_count(self, hazard_id: uuid.UUID, count: int) -> None:
        """Count the rectification's photos (before/progress/after) in the photos' title too (issue 12)."""
        self._loop_photos = (hazard_id, count)
        self._update_photos_title()

    def _update_photos_title(self) -> None:
        if not self._built:
            return  # written when the page is built and a hazard shown
        hazard_id, loop = self._loop_photos
        if loop and hazard_id == self.hazard_id():
            text = self.tr("Photos ({count}; rectification {loop})").format(count=self._photo_count, loop=loop)
        else:
            text = self.tr("Photos ({count})").format(count=self._photo_count)
        self.photos_title.setText(text)

    def _show_photos(self, photos: tuple[PhotoInfo, ...]) -> None:
        from PySide6.QtWidgets import QListWidgetItem

        from hazard_desktop.services import hazards as hazard_service

        self.photos.clear()
        self._photo_count = len(photos)
        self._update_photos_title()
        for photo in sorted(photos, key=lambda p: p.position):
            try:
                thumb = hazard_service.photo_bytes(self._context.uow(), photo.id, PhotoKind.THUMB)
            except Exception as exc:
                if not messages.is_user_error(exc):
                    raise
                log.warning("thumbnail of photo %s not readable: %s", photo.id, exc)
                thumb = None
            item = QListWidgetItem(thumbnail_icon(thumb), "")
            item.setToolTip(f"{photo.original_name} ({photo.width} × {photo.height})")
            item.setData(PhotoRole, photo)
            item.setSizeHint(self.photos.gridSize())
            self.photos.addItem(item)
        self.photos.setVisible(bool(photos))
        self.no_photos.setVisible(not photos)

    def _photo_clicked(self, item: QListWidgetItem) -> None:
        self.open_photo(self.photos.row(item))
