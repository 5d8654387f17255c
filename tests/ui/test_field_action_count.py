"""Issue 11: recording one hazard with one photo takes at most 12 actions from the register, through the
real window (toolbar button, Tab, list clicks, Add photos…, a double-click in the file dialog, Ctrl+S);
the scenario is ``benchmarks/field_actions.py``, which prints the same count."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from benchmarks.field_actions import TARGET, Actions, Record, record_one_hazard, wait_until
from hazard_desktop.services import hazards as hazard_service
from hazard_desktop.services.context import AppContext
from hazard_desktop.ui import photo_picking
from hazard_desktop.ui.main_window import MainWindow
from tests.ui.conftest import Sample, hazard_count, make_image


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")  # an open combo list, offscreen
def test_one_hazard_with_one_photo_takes_at_most_twelve_actions(
    qtbot, context: AppContext, sample: Sample, tmp_path: Path
) -> None:
    camera = tmp_path / "DCIM"
    camera.mkdir()
    photos = [make_image(camera / f"IMG_{n:04d}.jpg", size=(320, 240)) for n in range(2)]
    photo_picking.remember_photo_folder(context, [tmp_path / "DCIM" / "older.jpg"])  # picked there before
    window = MainWindow(context, settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    wait_until(lambda: QApplication.activeWindow() is window)
    finder, department = sample.people[2], sample.department("SBB")
    before = hazard_count(context)

    first = Actions()  # the first hazard of a round: department and finder chosen by hand
    record_one_hazard(
        window, Record("阀门填料泄漏", "二车间泵房", "4.6", photos[0], str(department.id), str(finder.id)), first
    )
    second = Actions()  # the next one: the form keeps finder and department
    record_one_hazard(window, Record("消防通道堆放杂物", "成品库", "4.8", photos[1]), second)

    assert first.count <= TARGET and second.count <= TARGET, (first.log, second.log)
    assert second.count < first.count and len(second.typed) == 2
    assert hazard_count(context) == before + 2
    stored = hazard_service.get_hazard(context.uow(), window.current_hazard_id())
    assert (stored.description, stored.location, stored.category_code) == ("消防通道堆放杂物", "成品库", "4.8")
    assert (stored.found_by_id, stored.department_id) == (finder.id, department.id)
    assert [p.original_name for p in stored.photos] == ["IMG_0001.jpg"]
