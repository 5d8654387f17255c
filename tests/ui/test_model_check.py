"""tests/model_check.py: every model a test makes carries Qt's model tester, and a broken model is reported."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtTest import QAbstractItemModelTester

from hazard_desktop.ui.dialogs.settings_pages.departments import DepartmentTableModel
from hazard_desktop.ui.inspections.models import InspectionListModel
from tests import model_check


class ChildrenEverywhere(QAbstractTableModel):
    """Breaks the table rule: every cell claims three rows of children."""

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 3

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 2

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        return "x" if role == Qt.ItemDataRole.DisplayRole else None


class Subclassed(ChildrenEverywhere):
    def __init__(self) -> None:
        super().__init__()
        self.ready = True


@pytest.fixture
def qt_messages(qapp) -> Iterator[list[str]]:
    """What Qt warns while the test runs (instead of pytest-qt, which would fail the test)."""
    seen: list[str] = []

    def handler(kind: QtMsgType, context: object, text: str) -> None:
        seen.append(text)

    previous = qInstallMessageHandler(handler)
    yield seen
    qInstallMessageHandler(previous)


def attached_testers(model: object) -> list[QAbstractItemModelTester]:
    return model.findChildren(QAbstractItemModelTester)  # type: ignore[attr-defined]


def test_the_programs_models_are_watched(qapp) -> None:
    assert model_check.enabled
    assert DepartmentTableModel in model_check.watched and InspectionListModel in model_check.watched
    model = InspectionListModel()
    assert len(attached_testers(model)) == 1
    assert model_check.made[InspectionListModel] >= 1


@pytest.mark.no_qt_log
def test_a_broken_model_is_reported_when_it_is_made(qt_messages: list[str]) -> None:
    model = ChildrenEverywhere()
    assert len(attached_testers(model)) == 1
    assert any("FAIL!" in text for text in qt_messages), qt_messages


@pytest.mark.no_qt_log
def test_a_subclass_gets_one_tester_after_its_own_constructor(qt_messages: list[str]) -> None:
    model = Subclassed()  # the base's constructor ran inside: the tester waited for the whole model
    assert model.ready and len(attached_testers(model)) == 1
    assert any("FAIL!" in text for text in qt_messages)


@pytest.mark.no_model_tester
def test_a_marked_test_makes_models_without_a_tester(qapp) -> None:
    assert not model_check.enabled
    assert attached_testers(InspectionListModel()) == []
