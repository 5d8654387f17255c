"""How many actions does recording one hazard with one photo take, from the register? (issue 11: ≤ 12)

Counted as the user would do it, through the real window: every click and every key chord (Tab,
Ctrl+S, a double-click) is one action; typing text is not counted (it is entered as a pinyin IME
would, a commit string into the focused field). It starts at the register with the photo folder
remembered (the folder of the last photo picked), and records two hazards in a row: the first of the
day (finder and department chosen by hand) and the next one (the form keeps them).

    .venv/bin/python benchmarks/field_actions.py      # prints each action; exits 1 above the target

The same scenario runs in ``tests/ui/test_field_action_count.py``. Counting actions, not time: no
figure here depends on the machine.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "C.UTF-8")

from PySide6.QtCore import QElapsedTimer, QPoint, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QAction, QInputMethodEvent  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QComboBox,
    QFileDialog,
    QFileSystemModel,
    QListView,
    QWidget,
)

TARGET = 12
WAIT_MS = 10_000


@dataclass
class Actions:
    """What the user did: one entry per click or key chord (typed text is kept apart, not counted)."""

    log: list[str] = field(default_factory=list)
    typed: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.log)

    def click(self, widget: QWidget, what: str, pos: QPoint | None = None) -> None:
        self.log.append(f"click {what}")
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos or QPoint())

    def double_click(self, widget: QWidget, what: str, pos: QPoint) -> None:
        self.log.append(f"double-click {what}")
        # a real double-click is press, release, then a second press that is a double-click, release
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)
        QTest.mouseDClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)

    def chord(self, widget: QWidget, key: Qt.Key, what: str, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
        self.log.append(f"key {what}")
        QTest.keyClick(widget, key, modifiers)

    def toolbar(self, window: QWidget, action: QAction, what: str) -> None:
        """Click the toolbar button of ``action``."""
        button = window.toolbar.widgetForAction(action)  # type: ignore[attr-defined]
        self.click(button, what)

    def type(self, text: str) -> None:
        """Type ``text`` into the focused field as an input method commits it (not counted)."""
        widget = QApplication.focusWidget()
        assert widget is not None, "no field has the focus"
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(widget, event)
        self.typed.append(text)

    def pick(self, combo: QComboBox, data: object, what: str) -> None:
        """Click the list open and click the entry (a mouse press on a combo box opens its list)."""
        self.log.append(f"click {what} (open the list)")
        combo.showPopup()
        view = combo.view()
        row = combo.findData(data)
        assert row >= 0, f"{what}: {data!r} not in the list"
        index = view.model().index(row, combo.modelColumn())
        wait_until(lambda: view.isVisible() and view.visualRect(index).isValid())
        rect = view.visualRect(index)
        shown = view.viewport().rect()
        if rect.top() < shown.top() or rect.bottom() > shown.bottom():  # the entry is not in the open list
            self.log.append(f"scroll {what} list")
            view.scrollTo(index)
            rect = view.visualRect(index)
        self.click(view.viewport(), f"{what} entry", rect.center())
        assert combo.currentIndex() == row, f"{what}: the click did not choose the entry"


def wait_until(condition: Callable[[], bool], timeout_ms: int = WAIT_MS) -> None:
    """Let Qt work until ``condition`` holds (an event is awaited; nothing sleeps a fixed time)."""
    timer = QElapsedTimer()
    timer.start()
    while not condition():
        if timer.elapsed() > timeout_ms:
            raise TimeoutError("condition not met")
        QApplication.processEvents()


@dataclass
class Record:
    """One hazard as the inspector enters it."""

    description: str
    location: str
    category: str
    photo: Path
    department_id: str | None = None  # chosen by hand when set
    found_by_id: str | None = None


def record_one_hazard(window: QWidget, record: Record, actions: Actions) -> None:
    """From the register: New hazard, the fields, one photo from the remembered folder, Save.

    The editor and the file dialog are modal: each step is queued before the click that opens them.
    Raises AssertionError when the window does not do what the user expects.
    """
    from hazard_desktop.ui.dialogs.hazard_editor import HazardEditorDialog

    problems: list[BaseException] = []

    def in_file_dialog() -> None:
        try:
            dialog = QApplication.activeModalWidget()
            assert isinstance(dialog, QFileDialog), f"expected the file dialog, got {dialog!r}"
            folder = str(record.photo.parent)
            assert Path(dialog.directory().absolutePath()) == Path(folder), "not in the remembered photo folder"
            view = next(v for v in dialog.findChildren(QListView) if v.objectName() == "listView")
            files = dialog.findChild(QFileSystemModel)
            wait_until(lambda: files.index(str(record.photo)).isValid())
            wait_until(lambda: view.visualRect(files.index(str(record.photo))).isValid())
            rect = view.visualRect(files.index(str(record.photo)))
            actions.double_click(view.viewport(), f"photo {record.photo.name}", rect.center())
        except BaseException as exc:  # reported after the modal loops end
            problems.append(exc)
            QApplication.activeModalWidget().reject()

    def in_editor() -> None:
        try:
            editor = QApplication.activeModalWidget()
            assert isinstance(editor, HazardEditorDialog), f"expected the hazard form, got {editor!r}"
            editor.activateWindow()  # what the desktop does with a new window (offscreen Qt leaves it to us)
            wait_until(lambda: QApplication.activeWindow() is editor)
            wait_until(lambda: QApplication.focusWidget() is editor.description)
            actions.type(record.description)
            actions.chord(editor.description, Qt.Key.Key_Tab, "Tab (to the location)")
            assert QApplication.focusWidget() is editor.location
            actions.type(record.location)
            if record.department_id is not None:
                actions.pick(editor.department, record.department_id, "department")
            actions.pick(editor.category, record.category, "category")
            if record.found_by_id is not None:
                actions.pick(editor.found_by, record.found_by_id, "found by")
            QTimer.singleShot(0, in_file_dialog)
            actions.click(editor.add_photos_button, "Add photos…")
            assert editor.new_photo_count() == 1, editor.error_message() or "the photo was not added"
            editor.activateWindow()  # the file dialog closed: the desktop gives the form the keyboard again
            wait_until(lambda: QApplication.activeWindow() is editor)
            actions.chord(editor, Qt.Key.Key_S, "Ctrl+S", Qt.KeyboardModifier.ControlModifier)
            assert not editor.isVisible(), editor.error_message() or "Ctrl+S did not save"
        except BaseException as exc:
            problems.append(exc)
            for widget in (QApplication.activeModalWidget(),):
                if widget is not None:
                    widget.done(0)

    QTimer.singleShot(0, in_editor)
    actions.toolbar(window, window.action_new, "New hazard")  # type: ignore[attr-defined]
    if problems:
        raise problems[0]


def _main() -> int:  # pragma: no cover - run by hand or by make
    import tempfile

    from hazard_desktop import paths as app_paths
    from hazard_desktop.app import build_context, close_context
    from hazard_desktop.domain.records import new_id, utcnow
    from hazard_desktop.domain.reference import Person, Role
    from hazard_desktop.ui import photo_picking
    from hazard_desktop.ui.application import create_application
    from hazard_desktop.ui.main_window import MainWindow

    app = create_application(["field_actions"], app_paths.resource_dir(), "zh_CN")  # noqa: F841 - kept alive
    with tempfile.TemporaryDirectory(prefix="field-actions-") as tmp:
        root = Path(tmp)
        context = build_context(root / "data")
        try:
            with context.uow() as uow:
                department = next(d for d in uow.reference.departments() if d.code == "AHB")
                person = Person(new_id(), "张伟", department.id, frozenset({Role.INSPECTOR}), True, utcnow(), utcnow())
                uow.reference.save_person(person)
                uow.commit()
            photos = root / "DCIM"
            photos.mkdir()
            from PySide6.QtGui import QColor, QImage

            paths = []
            for n in range(2):
                image = QImage(640, 480, QImage.Format.Format_RGB32)
                image.fill(QColor("#8899aa"))
                image.save(str(photos / f"IMG_000{n}.jpg"))
                paths.append(photos / f"IMG_000{n}.jpg")
            photo_picking.remember_photo_folder(context, [paths[0]])  # a photo was picked before
            window = MainWindow(context)
            window.show()
            window.activateWindow()
            wait_until(lambda: QApplication.activeWindow() is window)
            runs = [
                (
                    "first hazard of the round",
                    Record("罐区呼吸阀堵塞", "二号罐区", "4.6", paths[0], str(department.id), str(person.id)),
                ),  # fmt: skip
                ("next hazard (finder and department kept)", Record("消防通道堆放杂物", "成品库", "4.8", paths[1])),
            ]
            worst = 0
            for title, record in runs:
                actions = Actions()
                record_one_hazard(window, record, actions)
                worst = max(worst, actions.count)
                print(f"{title}: {actions.count} actions (target ≤ {TARGET}); typed {len(actions.typed)} texts")
                for step in actions.log:
                    print(f"    {step}")
            window.close()
        finally:
            close_context(context)
    return 0 if worst <= TARGET else 1


if __name__ == "__main__":  # pragma: no cover
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    sys.exit(_main())
