"""The hazard form: create and edit flows, photos, and refused input that writes nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDateTime, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from hazard_desktop.domain.hazards import MAX_PHOTOS, HazardGrade, HazardStatus, format_number
from hazard_desktop.services import hazards as hazard_service
from hazard_desktop.services.context import AppContext
from hazard_desktop.ui import photo_picking
from hazard_desktop.ui.dialogs.hazard_editor import HazardEditorDialog, HazardEditorResult
from hazard_desktop.ui.formatting import to_qdatetime
from tests.ui.conftest import Sample, add_person, hazard_count, make_image
from tests.ui.file_dialog_answers import FileDialogAnswers

FOUND = datetime(2026, 4, 7, 6, 15, tzinfo=UTC)


@pytest.fixture
def new_dialog(qtbot, context: AppContext, sample: Sample) -> HazardEditorDialog:
    dialog = HazardEditorDialog(context)
    qtbot.addWidget(dialog)
    return dialog


def fill(dialog: HazardEditorDialog, sample: Sample, *, description: str = "槽车装卸区静电接地夹损坏") -> None:
    """Fill every required field with setters (never keyClicks with Chinese)."""
    dialog.description.setPlainText(description)
    dialog.location.setText("装卸站台")
    dialog.equipment_tag.setText("LA-02")
    dialog.department.setCurrentIndex(dialog.department.findData(str(sample.department("SCB").id)))
    dialog.category.setCurrentIndex(dialog.category.findData("4.6"))
    dialog.subcategory.setCurrentIndex(dialog.subcategory.findData("4.6.7"))
    dialog.found_by.setCurrentIndex(dialog.found_by.findData(str(sample.people[1].id)))
    dialog.found_at.setDateTime(to_qdatetime(FOUND))


def images(tmp_path: Path, count: int, suffix: str = ".jpg") -> list[Path]:
    colours = ["#aa3333", "#33aa33", "#3333aa", "#aaaa33", "#33aaaa", "#aa33aa"]
    return [make_image(tmp_path / f"photo{n}{suffix}", colours[n % len(colours)]) for n in range(count)]


# ---------------------------------------------------------------- create


def test_create_flow_with_photos(qtbot, new_dialog: HazardEditorDialog, sample: Sample, context, tmp_path) -> None:
    before = hazard_count(context)
    assert new_dialog.windowTitle() == "New hazard"
    assert not hasattr(new_dialog, "status")  # the status changes only through its use cases (issue 11)
    fill(new_dialog, sample)
    assert new_dialog.add_photo_files(images(tmp_path, 3)) == 3
    assert new_dialog.photo_count.text() == f"3 of at most {MAX_PHOTOS}"
    with qtbot.waitSignal(new_dialog.accepted):
        new_dialog.buttons.accepted.emit()
    result = new_dialog.result_value
    assert isinstance(result, HazardEditorResult) and result.created
    assert hazard_count(context) == before + 1
    stored = hazard_service.get_hazard(context.uow(), result.hazard.id)
    assert stored.number == format_number(2026, 6)  # five sample hazards before it
    assert stored.description == "槽车装卸区静电接地夹损坏"
    assert (stored.location, stored.equipment_tag) == ("装卸站台", "LA-02")
    assert stored.department_id == sample.department("SCB").id
    assert (stored.category_code, stored.subcategory_code) == ("4.6", "4.6.7")
    assert stored.found_by_id == sample.people[1].id
    assert stored.found_at == FOUND
    assert stored.status is HazardStatus.OPEN and stored.grade is HazardGrade.UNGRADED
    assert [p.original_name for p in stored.photos] == ["photo0.jpg", "photo1.jpg", "photo2.jpg"]


def test_create_with_a_typed_number(new_dialog: HazardEditorDialog, sample: Sample) -> None:
    fill(new_dialog, sample)
    new_dialog.number.setText("yh-2025-0001")
    assert new_dialog.save()
    assert new_dialog.result_value.hazard.number == "YH-2025-0001"


def test_twelve_photos(new_dialog: HazardEditorDialog, sample: Sample, context, tmp_path) -> None:
    fill(new_dialog, sample)
    assert new_dialog.add_photo_files(images(tmp_path, 12, ".png")) == 12
    assert new_dialog.photos.count() == 12
    assert all(not new_dialog.photos.item(i).icon().isNull() for i in range(12))
    assert new_dialog.save()
    assert len(hazard_service.get_hazard(context.uow(), new_dialog.result_value.hazard.id).photos) == 12


def test_photo_limit(new_dialog: HazardEditorDialog, sample: Sample, tmp_path) -> None:
    files = images(tmp_path, MAX_PHOTOS + 1)
    assert new_dialog.add_photo_files(files) == 0
    assert f"at most {MAX_PHOTOS} photos" in new_dialog.error_message()
    assert new_dialog.add_photo_files(files[:MAX_PHOTOS]) == MAX_PHOTOS
    assert not new_dialog.add_photos_button.isEnabled()


def test_subcategories_follow_the_category(new_dialog: HazardEditorDialog, context: AppContext) -> None:
    assert not new_dialog.subcategory.isEnabled()
    with context.uow() as uow:
        categories = {c.code: c for c in uow.reference.categories()}
    for code in ("4.5", "4.6"):
        new_dialog.category.setCurrentIndex(new_dialog.category.findData(code))
        codes = [new_dialog.subcategory.itemData(i) for i in range(new_dialog.subcategory.count())]
        assert codes == [None, *(s.code for s in categories[code].subcategories)]
        assert new_dialog.subcategory.currentIndex() == 0


def test_pick_photos_uses_the_file_dialog(new_dialog: HazardEditorDialog, tmp_path, monkeypatch) -> None:
    files = images(tmp_path, 2)
    answers = FileDialogAnswers(list(files), None)
    new_dialog.add_photos_button.click()
    assert new_dialog.new_photo_count() == 2
    assert answers.seen[0].parent is new_dialog
    assert photo_picking.last_photo_folder(new_dialog._context) == str(tmp_path)
    assert new_dialog.pick_photos() == 0  # cancelled
    assert answers.seen[1].folder == tmp_path


def test_remove_a_picked_photo(new_dialog: HazardEditorDialog, tmp_path) -> None:
    new_dialog.add_photo_files(images(tmp_path, 3))
    new_dialog.photos.item(1).setSelected(True)
    assert new_dialog.remove_photos_button.isEnabled()
    assert new_dialog.remove_selected_photos() == 1
    assert [e.file.name for e in new_dialog.photo_entries()] == ["photo0.jpg", "photo2.jpg"]


# ---------------------------------------------------------------- refused input: message shown, nothing written


def assert_refused(dialog: HazardEditorDialog, context: AppContext, before: int, expected: str) -> None:
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.result_value is None
    assert expected in dialog.error_message()
    assert dialog.error_label.isVisibleTo(dialog)
    assert hazard_count(context) == before


def test_empty_description(new_dialog: HazardEditorDialog, sample: Sample, context) -> None:
    before = hazard_count(context)
    fill(new_dialog, sample, description="   ")
    assert_refused(new_dialog, context, before, "Please describe the hazard.")
    assert new_dialog.description.property("invalid") is True
    new_dialog.description.setPlainText("补上描述")
    assert new_dialog.save()
    assert not new_dialog.error_label.isVisibleTo(new_dialog)
    assert new_dialog.description.property("invalid") is False


def test_unknown_category(new_dialog: HazardEditorDialog, sample: Sample, context) -> None:
    before = hazard_count(context)
    fill(new_dialog, sample)
    new_dialog.category.setItemData(new_dialog.category.currentIndex(), "9.9")
    new_dialog.subcategory.setCurrentIndex(0)
    assert_refused(new_dialog, context, before, "“9.9” is not a hazard category of the rule.")


def test_missing_choices(new_dialog: HazardEditorDialog, sample: Sample, context) -> None:
    before = hazard_count(context)
    fill(new_dialog, sample)
    new_dialog.department.setCurrentIndex(0)
    assert_refused(new_dialog, context, before, "Please choose the responsible department.")
    fill(new_dialog, sample)
    new_dialog.found_by.setEditText("不存在的人")
    assert_refused(new_dialog, context, before, "Please choose who found the hazard.")
    assert "Tools → Settings → People" in new_dialog.error_message()  # where the empty list is filled
    fill(new_dialog, sample)
    new_dialog.location.clear()
    assert_refused(new_dialog, context, before, "Please enter where the hazard is")


def test_the_error_box_is_as_tall_as_its_lines_and_follows_the_fields(
    qtbot, new_dialog: HazardEditorDialog, sample: Sample, context
) -> None:
    """Trial u6 (English, 911×512): after Save with empty fields the red box took a third of the form and stayed
    after the fields were filled, until the form was used further. It is as tall as its lines, and shrinks to
    what is still wrong as the fields are fixed, then goes."""
    before = hazard_count(context)
    new_dialog.resize(760, 472)
    new_dialog.show()
    qtbot.waitExposed(new_dialog)
    new_dialog.save_button.click()
    box = new_dialog.error_label
    QApplication.processEvents()
    assert box.isVisible() and "Please describe the hazard." in new_dialog.error_message()
    assert box.height() <= box.heightForWidth(box.width()) + 1, (box.height(), box.heightForWidth(box.width()))
    lines = new_dialog.error_message().count("\n")
    tall = box.height()
    new_dialog.description.setPlainText("槽车装卸区静电接地夹损坏")
    QApplication.processEvents()
    assert "describe" not in new_dialog.error_message()  # updated at once, without another Save
    assert new_dialog.error_message().count("\n") == lines - 1
    assert new_dialog.description not in new_dialog.marked_fields()
    assert box.height() < tall
    fill(new_dialog, sample)
    QApplication.processEvents()
    assert new_dialog.error_message() == "" and not box.isVisible() and new_dialog.marked_fields() == []
    assert hazard_count(context) == before  # nothing was saved meanwhile
    new_dialog.save_button.click()
    assert hazard_count(context) == before + 1


def test_a_typed_finder_name_is_stored_as_that_person(new_dialog: HazardEditorDialog, sample: Sample, context) -> None:
    """New-user trial: the finder typed by hand (" 李娜 ", no department) is the person 李娜, not free text."""
    fill(new_dialog, sample)
    new_dialog.found_by.setCurrentIndex(-1)
    new_dialog.found_by.setEditText(" 李娜 ")
    new_dialog.save_button.click()
    assert new_dialog.error_message() == ""
    saved = hazard_service.get_hazard(context.uow(), new_dialog.result_value.hazard.id)
    assert saved.found_by_id == sample.people[1].id and saved.found_by_text is None
    assert new_dialog.found_by.currentData() == str(sample.people[1].id)  # the box shows whom it stored


def test_a_name_two_people_share_asks_which_of_them(qtbot, context, sample: Sample) -> None:
    namesake = add_person(context, "李娜", sample.department("AHB"))  # 李娜 of 生产部 is sample.people[1]
    dialog = HazardEditorDialog(context)
    qtbot.addWidget(dialog)
    fill(dialog, sample)
    dialog.found_by.setCurrentIndex(-1)
    dialog.found_by.setEditText("李娜")
    before = hazard_count(context)
    asked: list[str] = []

    def answer(choice: str) -> Callable[[], None]:
        def press() -> None:
            box = QApplication.activeModalWidget()
            assert isinstance(box, QMessageBox)
            asked.append(box.text())
            names = [b.text() for b in box.buttons()]
            assert any("(安环部)" in n for n in names) and any("(生产部)" in n for n in names)
            pick = next(b for b in box.buttons() if choice in b.text())
            pick.click()

        return press

    QTimer.singleShot(0, answer("Cancel"))
    dialog.save_button.click()  # not answered: nothing stored, the form stays
    assert asked and "2 people are called 李娜" in asked[0]
    assert hazard_count(context) == before and dialog.result_value is None
    QTimer.singleShot(0, answer("(安环部)"))
    dialog.save_button.click()
    assert len(asked) == 2 and hazard_count(context) == before + 1
    saved = hazard_service.get_hazard(context.uow(), dialog.result_value.hazard.id)
    assert saved.found_by_id == namesake.id


def test_future_found_at(new_dialog: HazardEditorDialog, sample: Sample, context) -> None:
    before = hazard_count(context)
    fill(new_dialog, sample)
    new_dialog.found_at.setDateTime(QDateTime.currentDateTime().addDays(3))
    assert_refused(new_dialog, context, before, "The time found lies in the future.")


def test_oversized_photo(new_dialog: HazardEditorDialog, sample: Sample, context, tmp_path, monkeypatch) -> None:
    before = hazard_count(context)
    fill(new_dialog, sample)
    monkeypatch.setattr(hazard_service, "MAX_PHOTO_BYTES", 100)
    assert new_dialog.add_photo_files(images(tmp_path, 1)) == 0
    assert "The photo “photo0.jpg” is too large" in new_dialog.error_message()
    assert new_dialog.photos.count() == 0
    assert hazard_count(context) == before


def test_photo_too_large_after_picking_writes_nothing(
    new_dialog: HazardEditorDialog, sample: Sample, context, tmp_path, monkeypatch
) -> None:
    before = hazard_count(context)
    fill(new_dialog, sample)
    assert new_dialog.add_photo_files(images(tmp_path, 1)) == 1
    monkeypatch.setattr(hazard_service, "MAX_PHOTO_BYTES", 100)
    assert_refused(new_dialog, context, before, "is too large")


def test_non_image_photo(new_dialog: HazardEditorDialog, sample: Sample, context, tmp_path) -> None:
    before = hazard_count(context)
    fill(new_dialog, sample)
    fake = tmp_path / "报告.jpg"
    fake.write_bytes(b"this is not a picture at all")
    good = images(tmp_path, 1)
    assert new_dialog.add_photo_files([*good, fake]) == 0  # all or none
    assert "“报告.jpg” is not an image this program can read" in new_dialog.error_message()
    assert new_dialog.photos.count() == 0
    assert hazard_count(context) == before


def test_unreadable_photo_file(new_dialog: HazardEditorDialog, tmp_path) -> None:
    assert new_dialog.add_photo_files([tmp_path / "missing.jpg"]) == 0
    assert "missing.jpg" in new_dialog.error_message()


def test_duplicate_number(new_dialog: HazardEditorDialog, sample: Sample, context) -> None:
    before = hazard_count(context)
    fill(new_dialog, sample)
    taken = sample.hazards[0].number
    new_dialog.number.setText(taken)
    assert_refused(new_dialog, context, before, f"The number {taken} is already used by another hazard.")
    assert new_dialog.number.hasFocus() or new_dialog.number.property("invalid") is True


def test_malformed_number(new_dialog: HazardEditorDialog, sample: Sample, context) -> None:
    before = hazard_count(context)
    fill(new_dialog, sample)
    new_dialog.number.setText("2026-12")
    assert_refused(new_dialog, context, before, "“2026-12” is not a register number.")


# ---------------------------------------------------------------- edit


@pytest.fixture
def edit_dialog(qtbot, context: AppContext, sample: Sample) -> HazardEditorDialog:
    hazard = hazard_service.get_hazard(context.uow(), sample.hazards[0].id)
    dialog = HazardEditorDialog(context, hazard)
    qtbot.addWidget(dialog)
    return dialog


def test_edit_shows_the_stored_values(edit_dialog: HazardEditorDialog, sample: Sample) -> None:
    hazard = sample.hazards[0]
    assert edit_dialog.windowTitle() == f"Edit hazard {hazard.number}"
    assert edit_dialog.number.text() == hazard.number and edit_dialog.number.isReadOnly()
    assert edit_dialog.description.toPlainText() == hazard.description
    assert edit_dialog.location.text() == hazard.location
    assert edit_dialog.equipment_tag.text() == hazard.equipment_tag
    assert edit_dialog.department.currentData() == str(hazard.department_id)
    assert edit_dialog.category.currentData() == hazard.category_code
    assert edit_dialog.subcategory.currentData() == hazard.subcategory_code
    assert edit_dialog.found_by.currentData() == str(hazard.found_by_id)
    assert edit_dialog.photos.count() == 2
    assert all(not edit_dialog.photos.item(i).icon().isNull() for i in range(2))


def test_edit_flow(qtbot, edit_dialog: HazardEditorDialog, sample: Sample, context, tmp_path) -> None:
    before = hazard_count(context)
    hazard = sample.hazards[0]
    edit_dialog.description.setPlainText("储罐区呼吸阀堵塞（已加装阻火器）")
    edit_dialog.photos.item(0).setSelected(True)
    edit_dialog.remove_selected_photos()
    edit_dialog.add_photo_files(images(tmp_path, 2))
    with qtbot.waitSignal(edit_dialog.accepted):
        edit_dialog.accept()
    result = edit_dialog.result_value
    assert result is not None and not result.created
    stored = hazard_service.get_hazard(context.uow(), hazard.id)
    assert stored.description == "储罐区呼吸阀堵塞（已加装阻火器）"
    assert stored.status is HazardStatus.OPEN  # saving details never moves the status (issue 10 §2)
    assert stored.revision == hazard.revision + 1  # text, a removed and two added photos: one transaction
    assert stored.number == hazard.number and stored.found_at == hazard.found_at
    assert [p.original_name for p in stored.photos] == ["b.jpg", "photo0.jpg", "photo1.jpg"]
    assert hazard_count(context) == before


def test_edit_without_changes_writes_nothing(edit_dialog: HazardEditorDialog, sample: Sample, context) -> None:
    revision = hazard_service.get_hazard(context.uow(), sample.hazards[0].id).revision
    assert edit_dialog.save()
    assert hazard_service.get_hazard(context.uow(), sample.hazards[0].id).revision == revision


def test_edit_refused_keeps_the_stored_hazard(edit_dialog: HazardEditorDialog, sample: Sample, context) -> None:
    edit_dialog.description.setPlainText("")
    edit_dialog.accept()
    assert "Please describe the hazard." in edit_dialog.error_message()
    assert hazard_service.get_hazard(context.uow(), sample.hazards[0].id).description == sample.hazards[0].description


def test_edit_of_a_hazard_changed_meanwhile(edit_dialog: HazardEditorDialog, sample: Sample, context) -> None:
    stored = hazard_service.get_hazard(context.uow(), sample.hazards[0].id)
    hazard_service.remove_photo(context.uow(), stored.id, stored.photos[1].id)  # someone else changes it
    edit_dialog.description.setPlainText("我的修改")
    edit_dialog.accept()
    assert f"Hazard {stored.number} was changed by someone else meanwhile" in edit_dialog.error_message()
    assert hazard_service.get_hazard(context.uow(), stored.id).description == stored.description


# ---------------------------------------------------------------- ask()


def test_ask_returns_none_when_cancelled(qtbot, context: AppContext, sample: Sample) -> None:
    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, HazardEditorDialog)
        dialog.reject()

    QTimer.singleShot(0, cancel)
    assert HazardEditorDialog.ask(None, context) is None


def test_ask_returns_the_saved_hazard(qtbot, context: AppContext, sample: Sample) -> None:
    def save() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, HazardEditorDialog)
        fill(dialog, sample)
        dialog.accept()

    QTimer.singleShot(0, save)
    result = HazardEditorDialog.ask(None, context)
    assert result is not None and result.created
    assert hazard_service.get_hazard(context.uow(), result.hazard.id).description == "槽车装卸区静电接地夹损坏"


def test_namesakes_of_one_department_are_listed_and_asked_for_with_their_employee_number(
    qtbot, context, sample: Sample
) -> None:
    """Two 李娜 of 生产部 (each with a 工号) were both listed as "李娜 (生产部)": which one found it could not
    be seen or chosen. The list and the question name each with the number, and the one picked is stored."""
    first = sample.people[1]
    twin = add_person(context, "李娜", sample.department("SCB"))
    dialog = HazardEditorDialog(context)
    qtbot.addWidget(dialog)
    listed = [dialog.found_by.itemText(i) for i in range(dialog.found_by.count())]
    assert f"李娜 ({first.employee_no}) (生产部)" in listed and f"李娜 ({twin.employee_no}) (生产部)" in listed
    assert "张伟 (安环部)" in listed  # no namesake: as before
    fill(dialog, sample)
    dialog.found_by.setCurrentIndex(-1)
    dialog.found_by.setEditText("李娜")
    asked: list[list[str]] = []

    def pick_the_twin() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        asked.append([b.text() for b in box.buttons()])
        next(b for b in box.buttons() if twin.employee_no in b.text()).click()

    QTimer.singleShot(0, pick_the_twin)
    dialog.save_button.click()
    assert f"李娜 ({twin.employee_no}) (生产部)" in asked[0]  # the number once, not again after it
    saved = hazard_service.get_hazard(context.uow(), dialog.result_value.hazard.id)
    assert saved.found_by_id == twin.id
