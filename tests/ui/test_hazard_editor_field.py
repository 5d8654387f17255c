"""The hazard form in the field (issue 11): fits a small screen, big targets, required marks, every error at
once, Ctrl+S / Ctrl+Enter, the previous finder and department, photos dropped or from the last folder, and
a Cancel question with "keep editing"."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QLineEdit, QMessageBox, QPushButton

from hazard_desktop.services.context import AppContext
from hazard_desktop.ui import messages
from hazard_desktop.ui.dialogs.hazard_editor import HazardEditorDialog
from hazard_desktop.ui.widgets import screen_fit
from tests.ui.conftest import Sample, hazard_count, make_image
from tests.ui.test_hazard_editor import fill


@pytest.fixture(autouse=True)
def closing_discards(monkeypatch) -> list[bool]:
    """A form left with input when the test ends is discarded, not asked about (a modal box would block);
    a test that presses the real buttons of the question sets ``real[0]``."""
    real = [False]
    original = messages.choose

    def choose(*args, **kwargs):
        return original(*args, **kwargs) if real[0] else "discard"

    monkeypatch.setattr(messages, "choose", choose)
    return real


@pytest.fixture
def open_editor(qtbot, context: AppContext, sample: Sample):
    def make(hazard=None) -> HazardEditorDialog:
        dialog = HazardEditorDialog(context, hazard)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)  # window shortcuts need it active
        return dialog

    return make


def test_the_form_fits_911_by_512_with_its_buttons_in_view_and_big_targets(open_editor) -> None:
    dialog = open_editor()
    available = screen_fit.room(dialog)  # the simulated screen, less the window frame
    assert dialog.width() <= available.width() and dialog.height() <= available.height()
    hint = dialog.minimumSizeHint()
    assert hint.width() <= 911 and hint.height() <= 512 - 40
    dialog.resize(911, 472)
    QCoreApplication.processEvents()
    for button in (dialog.save_button, dialog.cancel_button):
        corner = button.mapTo(dialog, button.rect().bottomRight())
        assert dialog.rect().contains(corner) and button.isVisible()
    targets = [*dialog.findChildren(QLineEdit), *dialog.findChildren(QComboBox), *dialog.findChildren(QPushButton)]
    inner = (QComboBox, QAbstractSpinBox)  # the line edit inside an editable combo or a date edit
    small = [
        w.objectName() or type(w).__name__
        for w in targets
        if w.isVisible() and w.height() < 40 and not isinstance(w.parentWidget(), inner)
    ]
    assert small == []


def test_required_fields_are_marked(open_editor) -> None:
    dialog = open_editor()
    assert len(dialog.required_labels) == 6 and all("*" in label.text() for label in dialog.required_labels)
    assert dialog.required_note.isVisible()


def test_every_error_is_shown_at_once_and_nothing_is_written(open_editor, context, sample) -> None:
    dialog = open_editor()
    dialog.found_by.setCurrentIndex(-1)
    dialog.department.setCurrentIndex(0)
    before = hazard_count(context)
    dialog.save_button.click()
    assert dialog.isVisible() and hazard_count(context) == before
    text = dialog.error_message()
    for expected in ("Please describe the hazard.", "Please choose the responsible department.",
                     "Please choose the hazard category.", "Please choose who found the hazard."):  # fmt: skip
        assert expected in text
    marked = dialog.marked_fields()
    assert {dialog.description, dialog.location, dialog.department, dialog.category, dialog.found_by} <= set(marked)
    assert QApplication.focusWidget() in (dialog.description, None)  # the cursor on the first one


@pytest.mark.parametrize("key", [Qt.Key.Key_S, Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_ctrl_s_and_ctrl_enter_save(qtbot, open_editor, context, sample, key) -> None:
    dialog = open_editor()
    fill(dialog, sample)
    dialog.location.setFocus()
    before = hazard_count(context)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.keyClick(dialog.location, key, Qt.KeyboardModifier.ControlModifier)
    assert hazard_count(context) == before + 1 and dialog.result_value.created


def test_a_new_hazard_starts_with_the_previous_finder_and_department(open_editor, sample) -> None:
    first = open_editor()
    assert first.found_by.currentIndex() == -1 and first.department.currentIndex() == 0
    fill(first, sample)
    first.save_button.click()
    assert first.result_value is not None
    second = open_editor()
    assert second.found_by.currentData() == str(sample.people[1].id)
    assert second.department.currentData() == str(sample.department("SCB").id)
    assert second.description.toPlainText() == "" and not second.has_unsaved_input()


def test_photos_dropped_on_the_form_are_added(open_editor, tmp_path: Path) -> None:
    dialog = open_editor()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(make_image(tmp_path / "现场.png"))), QUrl.fromLocalFile(str(tmp_path))])
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(30, 30), Qt.DropAction.CopyAction, mime, buttons, mods)
    QApplication.sendEvent(dialog, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(30, 30), Qt.DropAction.CopyAction, mime, buttons, mods)
    QApplication.sendEvent(dialog, drop)
    assert dialog.new_photo_count() == 1 and dialog.photo_entries()[0].file.name == "现场.png"


def _answer(button_name: str, seen: list[str]) -> None:
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    seen.append(box.text())
    button = box.findChild(QPushButton, button_name)
    assert button is not None
    button.click()


def test_cancel_offers_keep_editing_keep_draft_and_discard(open_editor, context, sample, closing_discards) -> None:
    closing_discards[0] = True
    dialog = open_editor()
    fill(dialog, sample)
    seen: list[str] = []
    QTimer.singleShot(0, lambda: _answer("choice_edit", seen))
    dialog.cancel_button.click()
    assert dialog.isVisible() and dialog.result() == 0 and "keep it as a draft" in seen[0].lower()

    QTimer.singleShot(0, lambda: _answer("choice_keep", seen))
    dialog.cancel_button.click()
    assert not dialog.isVisible()
    store = context.drafts
    assert store.keys() == [dialog.draft_key]

    offered: list[str] = []
    QTimer.singleShot(0, lambda: _answer_yes(offered))
    again = open_editor()
    assert "unsaved draft" in offered[0] and "ended before" not in offered[0]  # it was kept, not lost
    assert again.location.text() == "装卸站台"
    QTimer.singleShot(0, lambda: _answer("choice_discard", seen))
    again.cancel_button.click()
    assert store.keys() == []


def _answer_yes(seen: list[str]) -> None:
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    seen.append(box.text())
    box.button(QMessageBox.StandardButton.Yes).click()
