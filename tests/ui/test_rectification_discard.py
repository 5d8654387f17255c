"""Closing the progress note or the acceptance dialog with input not stored asks first (new-user trial: one Esc
lost a typed note and opinion); the answer is given by pressing the real question box's button."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from hazard_desktop.services import reference_queries
from hazard_desktop.services.demo import ensure_people
from hazard_desktop.ui.rectification import dialogs as dlg
from tests.ui.conftest import make_image

DAY = date(2026, 3, 10)


@pytest.fixture(autouse=True)
def asking(monkeypatch) -> None:
    """The question under test (pytest-qt closes what a test left open before fixtures are torn down, and
    nobody answers a question then: every test leaves its dialog closed)."""
    monkeypatch.setattr(dlg._StepDialog, "ask_before_discard", True)


def _not_run(*_args: object) -> None:
    raise AssertionError("closing never runs the step")


class Answers:
    """Answer the next question boxes with ``Yes``/``No``, noting their texts."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def next(self, button: QMessageBox.StandardButton) -> None:
        def press() -> None:
            box = QApplication.activeModalWidget()
            assert isinstance(box, QMessageBox), box
            self.asked.append(box.text())
            box.button(button).click()

        QTimer.singleShot(0, press)


@pytest.fixture
def answers() -> Iterator[Answers]:
    yield Answers()


def _shown(qtbot, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_progress_note_closes_at_once_when_nothing_was_entered(qtbot, context, answers) -> None:
    dialog = _shown(qtbot, dlg.NoteDialog(_not_run, context))
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and answers.asked == []


def test_the_progress_note_asks_before_its_text_or_photos_are_discarded(qtbot, context, answers, tmp_path) -> None:
    dialog = _shown(qtbot, dlg.NoteDialog(_not_run, context))
    dialog.text.setPlainText("已拆下旧密封")
    answers.next(QMessageBox.StandardButton.No)  # keep editing
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.text.toPlainText() == "已拆下旧密封"
    assert answers.asked and "What you entered here is discarded" in answers.asked[0]
    answers.next(QMessageBox.StandardButton.No)
    dialog.buttons.button(dialog.buttons.StandardButton.Cancel).click()
    assert dialog.isVisible() and len(answers.asked) == 2

    dialog.text.clear()  # back as it was: nothing to lose
    assert not dialog.unsaved_input()
    assert dialog.photos.add_files([make_image(tmp_path / "p.png")]) == []  # a photo alone is input too
    answers.next(QMessageBox.StandardButton.Yes)
    dialog.close()  # the window's ×
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected and len(answers.asked) == 3


@pytest.mark.parametrize("major", [False, True])
def test_the_acceptance_dialog_asks_before_its_choice_and_opinion_are_discarded(
    qtbot, context, answers, major: bool
) -> None:
    ensure_people(context.uow())
    departments, people = reference_queries.departments_and_people(context.uow())
    dialog = _shown(
        qtbot,
        dlg.AcceptDialog(_not_run, _not_run, major=major, people=people, departments=departments, today=DAY),
    )
    assert not dialog.unsaved_input()
    dialog.send_back_choice.setChecked(True)
    dialog.remarks.setPlainText("法兰仍有渗漏")
    answers.next(QMessageBox.StandardButton.No)
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.remarks.toPlainText() == "法兰仍有渗漏" and len(answers.asked) == 1
    answers.next(QMessageBox.StandardButton.Yes)
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected and len(answers.asked) == 2


def test_a_ticked_group_member_alone_is_input_of_the_major_acceptance(qtbot, context, answers) -> None:
    people_by_department = ensure_people(context.uow())
    departments, people = reference_queries.departments_and_people(context.uow())
    dialog = _shown(
        qtbot, dlg.AcceptDialog(_not_run, _not_run, major=True, people=people, departments=departments, today=DAY)
    )
    assert not dialog.unsaved_input()
    dialog.check_person(people_by_department["AHB"][0].id)
    assert dialog.unsaved_input()
    dialog.done(QDialog.DialogCode.Rejected)  # closed without the question (as the switch of user closes it)
