"""The detail pane: every field of a hazard, its photos, the larger view, and room for later sections."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from hazard_desktop.services import grading as svc
from hazard_desktop.services.context import AppContext
from hazard_desktop.ui.detail_pane import HazardDetailPane, PhotoViewer
from hazard_desktop.ui.formatting import format_datetime
from tests.ui.conftest import Sample, unknown_id
from tests.ui.grading_data import Graded, make_graded


@pytest.fixture
def pane(qtbot, context: AppContext) -> HazardDetailPane:
    widget = HazardDetailPane(context)
    qtbot.addWidget(widget)
    widget.resize(480, 700)
    return widget


def test_placeholder_before_a_hazard_is_chosen(pane: HazardDetailPane) -> None:
    assert pane.stack.currentWidget() is pane.placeholder
    assert "Select a hazard" in pane.placeholder.text()
    assert pane.hazard_id() is None and pane.details is None


def test_shows_every_field(qtbot, pane: HazardDetailPane, sample: Sample) -> None:
    hazard = sample.hazards[0]
    with qtbot.waitSignal(pane.hazard_changed) as blocker:
        pane.show_hazard(hazard.id)
    assert blocker.args[0].hazard.id == hazard.id
    assert pane.stack.currentWidget() is pane.scroll
    assert pane.number.text() == hazard.number
    assert pane.status_chip.text() == "To be graded"
    assert pane.grade_chip.text() == "Ungraded"
    texts = {key: label.text() for key, label in pane.fields.items()}
    assert texts == {
        "description": "储罐区呼吸阀堵塞，存在超压风险",
        "location": "罐区A",
        "equipment_tag": "T-101",
        "department": "生产部",
        "category": "4.6 Equipment / facilities / tools",
        "subcategory": "4.6.3 Static equipment",
        "found_by": "张伟",
        "found_at": format_datetime(hazard.found_at),
        "status": "To be graded",
        "grade": "Ungraded",
        "updated_at": texts["updated_at"],
    }
    assert texts["updated_at"]


def test_missing_optional_values_show_a_dash(pane: HazardDetailPane, sample: Sample) -> None:
    pane.show_hazard(sample.hazards[1].id)  # no tag, no subcategory, no photos
    assert pane.fields["equipment_tag"].text() == "—"
    assert pane.fields["subcategory"].text() == "—"
    assert pane.photos.count() == 0
    assert pane.no_photos.isVisibleTo(pane) and not pane.photos.isVisibleTo(pane)
    assert pane.photos_title.text() == "Photos (0)"


def test_photo_thumbnails(pane: HazardDetailPane, sample: Sample) -> None:
    pane.show_hazard(sample.hazards[0].id)
    assert pane.photos_title.text() == "Photos (2)"
    assert pane.photos.count() == 2
    assert all(not pane.photos.item(i).icon().isNull() for i in range(2))
    assert pane.photos.item(0).toolTip().startswith("a.png")


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen cannot raise a window
def test_click_opens_the_larger_view(qtbot, pane: HazardDetailPane, sample: Sample) -> None:
    pane.show()
    qtbot.waitExposed(pane)
    pane.show_hazard(sample.hazards[0].id)
    item = pane.photos.item(1)
    rect = pane.photos.visualItemRect(item)
    with qtbot.waitSignal(pane.photo_opened) as blocker:
        qtbot.mouseClick(pane.photos.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    viewer = blocker.args[0]
    assert isinstance(viewer, PhotoViewer)
    assert viewer.isVisible() and viewer.has_image()
    assert viewer.windowTitle() == f"{sample.hazards[0].number} — b.jpg"
    qtbot.waitUntil(lambda: viewer.image.pixmap() is not None and not viewer.image.pixmap().isNull())
    again = pane.open_photo(0)
    assert again is viewer and viewer.windowTitle().endswith("a.png")  # one viewer, reused
    viewer.close()


def test_open_photo_out_of_range(pane: HazardDetailPane, sample: Sample) -> None:
    pane.show_hazard(sample.hazards[0].id)
    assert pane.open_photo(5) is None


def test_clear_and_unknown(qtbot, pane: HazardDetailPane, sample: Sample) -> None:
    pane.show_hazard(sample.hazards[0].id)
    with qtbot.waitSignal(pane.hazard_changed) as blocker:
        pane.show_hazard(None)
    assert blocker.args == [None]
    assert pane.stack.currentWidget() is pane.placeholder
    assert pane.show_hazard(unknown_id()) is None
    assert pane.placeholder.text() == "The hazard no longer exists."


def test_refresh_reloads(pane: HazardDetailPane, sample: Sample, context: AppContext) -> None:
    pane.show_hazard(sample.hazards[2].id)
    with context.uow() as uow:
        uow.settings.set("unrelated", "1")
        uow.commit()
    pane.refresh()
    assert pane.number.text() == sample.hazards[2].number


def test_add_section(pane: HazardDetailPane, sample: Sample) -> None:
    section = QLabel("Rectification")
    pane.add_section(section)  # as the features do at start, before any hazard is shown
    assert not section.isVisibleTo(pane)
    pane.show_hazard(sample.hazards[0].id)  # the hazard's page is built now, with the sections waiting for it
    assert section.parent() is pane.sections
    assert pane.sections_layout.indexOf(section) > pane.sections_layout.indexOf(pane.history)
    assert section.isVisibleTo(pane)
    later = QLabel("Later")
    pane.add_section(later)
    assert pane.sections_layout.indexOf(later) > pane.sections_layout.indexOf(section)


# ---------------------------------------------------------------- grading history and grading chips


@pytest.fixture
def graded(qapp, context: AppContext) -> Graded:
    return make_graded(context)


def test_history_is_the_first_section_and_follows_the_hazard(pane: HazardDetailPane, graded: Graded) -> None:
    pane.show_hazard(graded.ruled.id)
    assert pane.sections_layout.itemAt(0).widget() is pane.history
    assert pane.history.hazard_id() == graded.ruled.id
    assert len(pane.history.cards) == 3
    pane.show_hazard(graded.criteria.id)
    assert len(pane.history.cards) == 1
    pane.clear()
    assert pane.history.cards == [] and pane.history.hazard_id() is None


def test_band_and_dispute_chips(pane: HazardDetailPane, graded: Graded) -> None:
    pane.show_hazard(graded.ruled.id)
    assert pane.grade_chip.text() == "General hazard"
    assert pane.band_chip.isVisibleTo(pane) and pane.band_chip.text() == "Significantly dangerous"
    assert "#FBC02D" in pane.band_chip.styleSheet()
    assert pane.dispute_chip.isVisibleTo(pane) and pane.dispute_chip.text() == "Ruled"
    pane.show_hazard(graded.open_dispute.id)
    assert pane.dispute_chip.text() == "Disputed" and "#e65100" in pane.dispute_chip.styleSheet()
    assert "has not ruled" in pane.dispute_chip.toolTip()
    pane.show_hazard(graded.corrected.id)  # 重大 by a panel decision: no mean D, no band
    assert pane.grade_chip.text() == "Major hazard"
    assert not pane.band_chip.isVisibleTo(pane) and not pane.dispute_chip.isVisibleTo(pane)
    pane.show_hazard(graded.ungraded.id)
    assert not pane.band_chip.isVisibleTo(pane)


def test_refresh_reads_the_history_again(pane: HazardDetailPane, graded: Graded, context: AppContext) -> None:
    pane.show_hazard(graded.draft.id)
    assert not pane.band_chip.isVisibleTo(pane)
    svc.confirm_grading(context.uow(), graded.draft_grading.id)
    pane.refresh()
    assert pane.band_chip.text() == "Slightly dangerous"  # D = 1 × 3 × 3 = 9
    assert pane.history.cards[0].chip_texts() == ["General hazard", "Final"]


def test_heading_chips_wrap_in_a_narrow_pane(qtbot, pane: HazardDetailPane, graded: Graded) -> None:
    pane.resize(330, 700)
    pane.show()
    qtbot.waitExposed(pane)
    pane.show_hazard(graded.ruled.id)
    viewport = pane.scroll.viewport().width()
    qtbot.waitUntil(lambda: pane.scroll.widget().width() <= viewport)
    assert pane.scroll.horizontalScrollBar().maximum() == 0  # nothing sticks out to the right
    assert pane.dispute_chip.geometry().right() <= pane.scroll.widget().width()
