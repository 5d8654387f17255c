"""UI fixtures: a real AppContext on a temporary data folder, and a few people and hazards made through services."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from hazard_desktop.app import close_context
from hazard_desktop.domain.hazards import Hazard, HazardInput
from hazard_desktop.domain.reference import Department, Person
from hazard_desktop.services import hazards as hazard_service
from hazard_desktop.services.context import AppContext
from tests import factories
from tests.factories import make_context


@pytest.fixture(autouse=True)
def closing_grading_discards(monkeypatch) -> None:
    """The grading and dispute windows, the major-hazard check and the rectification steps close without their
    "discard?" question (pytest-qt closes open dialogs at teardown, and nobody answers a modal box, so a test
    leaving one mid-way would hang): every UI test; the tests of that question set ``ask_before_discard`` back to
    True themselves."""
    from hazard_desktop.ui.dialogs.criteria_check import CriteriaCheckDialog
    from hazard_desktop.ui.dialogs.dispute_panel import DisputePanelDialog
    from hazard_desktop.ui.dialogs.panel_scoring import PanelScoringDialog
    from hazard_desktop.ui.rectification.dialogs import _StepDialog

    monkeypatch.setattr(PanelScoringDialog, "ask_before_discard", False)
    monkeypatch.setattr(DisputePanelDialog, "ask_before_discard", False)
    monkeypatch.setattr(_StepDialog, "ask_before_discard", False)  # the rectification steps' question, the same
    monkeypatch.setattr(CriteriaCheckDialog, "ask_before_discard", False)  # the major-hazard check's, the same


@pytest.fixture(autouse=True)
def no_leftover_file_dialog_answers() -> Iterator[None]:
    """An answerer a test left waiting (its dialog never came) stops with the test, so it cannot answer a
    dialog of the next test."""
    yield
    from tests.ui.file_dialog_answers import stop_all

    stop_all()


@pytest.fixture
def context(tmp_path: Path) -> Iterator[AppContext]:
    """A freshly created, seeded database in ``tmp_path/data`` (closed after the test)."""
    ctx = make_context(tmp_path / "data")
    yield ctx
    close_context(ctx)


def make_image(path: Path, colour: str = "#3366cc", size: tuple[int, int] = (64, 48)) -> Path:
    """Write a small real image file (format from the suffix) and return its path."""
    image = QImage(size[0], size[1], QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    assert image.save(str(path)), path
    return path


def add_person(context: AppContext, name: str, department: Department) -> Person:
    """Store a person of ``department`` (under the program's rules: ``tests.factories.add_person``)."""
    return factories.add_person(context, name, department_id=department.id)


@dataclass
class Sample:
    """What the ``sample`` fixture stored."""

    departments: list[Department]
    people: list[Person]
    hazards: list[Hazard]

    def department(self, code: str) -> Department:
        return next(d for d in self.departments if d.code == code)


SAMPLE_ROWS = (
    # description, location, department code, category, subcategory, tag
    ("储罐区呼吸阀堵塞，存在超压风险", "罐区A", "SCB", "4.6", "4.6.3", "T-101"),
    ("动火作业未办理作业票", "二车间", "AHB", "4.7", None, ""),
    ("离心泵机封泄漏，地面有物料", "泵房", "SBB", "4.6", "4.6.2", "P-203B"),
    ("消防通道堆放杂物", "成品库", "AHB", "4.8", None, ""),
    ("压力表超过检定有效期", "反应釜区", "SBB", "4.6", "4.6.1", "PI-1102"),
)


@pytest.fixture
def people(context: AppContext) -> list[Person]:
    """Three inspectors in different departments."""
    with context.uow() as uow:
        departments = {d.code: d for d in uow.reference.departments()}
    return [
        add_person(context, "张伟", departments["AHB"]),
        add_person(context, "李娜", departments["SCB"]),
        add_person(context, "王强", departments["SBB"]),
    ]


@pytest.fixture
def sample(qapp: object, context: AppContext, people: list[Person], tmp_path: Path) -> Sample:
    """Five hazards created through the services (found on consecutive days), two photos on the first."""
    with context.uow() as uow:
        departments = list(uow.reference.departments())
    by_code = {d.code: d for d in departments}
    start = datetime(2026, 3, 2, 1, 30, tzinfo=UTC)
    hazards = []
    for n, (description, location, dep, category, sub, tag) in enumerate(SAMPLE_ROWS):
        data = HazardInput(
            description=description,
            location=location,
            department_id=by_code[dep].id,
            category_code=category,
            subcategory_code=sub,
            found_by_id=people[n % len(people)].id,
            found_at=start + timedelta(days=n),
            equipment_tag=tag,
        )
        hazards.append(hazard_service.create_hazard(context.uow(), data))
    photos = [
        hazard_service.PhotoFile("a.png", make_image(tmp_path / "a.png").read_bytes()),
        hazard_service.PhotoFile("b.jpg", make_image(tmp_path / "b.jpg", "#cc3333").read_bytes()),
    ]
    hazards[0] = hazard_service.attach_photos(context.uow(), hazards[0].id, photos, context.images)
    return Sample(departments=departments, people=people, hazards=hazards)


def hazard_count(context: AppContext) -> int:
    """How many hazards are stored."""
    with context.uow() as uow:
        return uow.hazards.count()


def unknown_id() -> uuid.UUID:
    """An id no record has."""
    return uuid.uuid4()


@pytest.fixture(autouse=True)
def desktop_screen() -> Iterator[None]:
    """UI tests run on a 1920×1080 desktop unless they say otherwise (test_screen_fit tries the laptop)."""
    from PySide6.QtCore import QRect

    from hazard_desktop.ui.widgets import screen_fit

    previous = screen_fit.set_available_override(QRect(0, 0, 1920, 1080))
    yield
    screen_fit.set_available_override(previous)


@pytest.fixture(autouse=True)
def no_keys_held(qapp: object) -> Iterator[None]:
    """Each UI test runs in the QApplication (whichever test comes first in its process: pytest-xdist changes
    which one) and starts with no modifier key held.

    Qt keeps the modifiers of the last key event it delivered as the keyboard's state
    (``QGuiApplication.keyboardModifiers()``): a test's Ctrl+Q leaves Ctrl "held" for every later test, and a
    view's selection follows held keys (Ctrl toggles a row, Shift selects a range).
    """
    yield
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier:
        return
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QWidget

    receiver = QWidget()
    QTest.keyRelease(receiver, Qt.Key.Key_Control)  # a key event without modifiers: nothing is held any more
    receiver.deleteLater()
    assert QGuiApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier
