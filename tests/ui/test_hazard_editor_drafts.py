"""The hazard form keeps a draft on disk: a crash before Save loses neither the text nor the picked photos."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from hazard_desktop.adapters.drafts import JsonDraftStore
from hazard_desktop.adapters.errors import StorageError
from hazard_desktop.domain.hazards import HazardInput, HazardStatus
from hazard_desktop.services import hazards as hazard_service
from hazard_desktop.services.context import AppContext
from hazard_desktop.services.drafts import NEW_HAZARD_KEY, hazard_key
from hazard_desktop.ui import messages
from hazard_desktop.ui.dialogs import hazard_editor
from hazard_desktop.ui.dialogs.hazard_editor import HazardEditorDialog
from hazard_desktop.ui.formatting import format_datetime, to_qdatetime
from tests.ui.conftest import Sample, hazard_count, make_image

FOUND = datetime(2026, 4, 7, 6, 15, tzinfo=UTC)


class Answers:
    """``messages.confirm`` replaced: records each question and answers from a list (default: No)."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, str]] = []
        self.defaults: list[bool] = []
        self.replies: list[bool] = []

    def __call__(self, parent: object, title: str, text: str, *, default_yes: bool = False) -> bool:
        self.asked.append((title, text))
        self.defaults.append(default_yes)
        return self.replies.pop(0) if self.replies else False

    def choose(self, parent: object, title: str, text: str, choices, *, default: str, escape: str) -> str:
        """The Cancel question: True discards, False keeps the draft, a string answers with that key."""
        self.asked.append((title, text))
        self.defaults.append(default == "discard")
        reply = self.replies.pop(0) if self.replies else False
        if isinstance(reply, str):
            return reply
        return "discard" if reply else "keep"


@pytest.fixture
def answers(monkeypatch) -> Answers:
    fake = Answers()
    monkeypatch.setattr(messages, "confirm", fake)
    monkeypatch.setattr(messages, "choose", fake.choose)
    return fake


@pytest.fixture
def store(context: AppContext) -> JsonDraftStore:
    drafts = context.drafts
    assert isinstance(drafts, JsonDraftStore)
    return drafts


@pytest.fixture
def open_editor(qtbot, context: AppContext, sample: Sample) -> Callable[..., HazardEditorDialog]:
    def make(hazard=None) -> HazardEditorDialog:
        dialog = HazardEditorDialog(context, hazard)
        qtbot.addWidget(dialog)
        return dialog

    return make


def crash(dialog: HazardEditorDialog) -> None:
    """The program dies with the form open: no Save, no Cancel, no close event — the object just goes."""
    dialog._draft_timer.stop()  # a pending debounce would not fire in a dead process either
    dialog.hide()
    dialog.deleteLater()
    QCoreApplication.sendPostedEvents(None, int(QEvent.Type.DeferredDelete))


def fill(dialog: HazardEditorDialog, sample: Sample) -> None:
    dialog.number.setText("YH-2025-0001")
    dialog.description.setPlainText("槽车装卸区静电接地夹损坏，\n装车时可能产生静电火花")
    dialog.location.setText("装卸站台")
    dialog.equipment_tag.setText("LA-02")
    dialog.department.setCurrentIndex(dialog.department.findData(str(sample.department("SCB").id)))
    dialog.category.setCurrentIndex(dialog.category.findData("4.6"))
    dialog.subcategory.setCurrentIndex(dialog.subcategory.findData("4.6.7"))
    dialog.found_by.setCurrentIndex(dialog.found_by.findData(str(sample.people[1].id)))
    dialog.found_at.setDateTime(to_qdatetime(FOUND))


def assert_filled(dialog: HazardEditorDialog, sample: Sample) -> None:
    assert dialog.number.text() == "YH-2025-0001"
    assert dialog.description.toPlainText() == "槽车装卸区静电接地夹损坏，\n装车时可能产生静电火花"
    assert dialog.location.text() == "装卸站台"
    assert dialog.equipment_tag.text() == "LA-02"
    assert dialog.department.currentData() == str(sample.department("SCB").id)
    assert dialog.category.currentData() == "4.6"
    assert dialog.subcategory.currentData() == "4.6.7"
    assert dialog.found_by.currentData() == str(sample.people[1].id)
    assert dialog.found_at.dateTime() == to_qdatetime(FOUND)


# ---------------------------------------------------------------- a new hazard


def test_a_crash_loses_nothing_of_a_new_hazard(
    open_editor, answers: Answers, store: JsonDraftStore, sample: Sample, context, tmp_path
) -> None:
    stick = tmp_path / "usb"
    stick.mkdir()
    photo = make_image(stick / "现场照片.jpg", "#aa3333")
    photo_bytes = photo.read_bytes()

    first = open_editor()
    assert answers.asked == [] and store.keys() == []  # nothing to restore, nothing written yet
    fill(first, sample)
    assert first.add_photo_files([photo]) == 1
    assert store.keys() == [NEW_HAZARD_KEY]  # a picked photo is kept at once
    assert first.save_draft_now()
    crash(first)
    photo.unlink()  # the USB stick is gone too
    stick.rmdir()
    assert answers.asked == []  # dying asks nothing

    saved_at = store.load(NEW_HAZARD_KEY).saved_at
    answers.replies = [True]
    second = open_editor()
    assert len(answers.asked) == 1
    title, text = answers.asked[0]
    assert title == "Restore unsaved draft"
    assert format_datetime(saved_at) in text and "Choose No to discard it" in text
    assert "has been changed since" not in text
    assert_filled(second, sample)
    assert second.photo_count.text().startswith("1 of")
    [entry] = second.photo_entries()
    assert entry.file.name == "现场照片.jpg" and entry.file.data == photo_bytes
    assert not second.photos.item(0).icon().isNull()
    assert second.error_message() == ""

    before = hazard_count(context)
    assert second.save()
    stored = hazard_service.get_hazard(context.uow(), second.result_value.hazard.id)
    assert hazard_count(context) == before + 1
    assert stored.number == "YH-2025-0001"
    assert stored.description == "槽车装卸区静电接地夹损坏，\n装车时可能产生静电火花"
    assert (stored.location, stored.equipment_tag, stored.found_at) == ("装卸站台", "LA-02", FOUND)
    assert (stored.category_code, stored.subcategory_code) == ("4.6", "4.6.7")
    assert stored.found_by_id == sample.people[1].id
    assert [p.original_name for p in stored.photos] == ["现场照片.jpg"]
    assert store.keys() == [] and not (store.root / f"{NEW_HAZARD_KEY}.files").exists()
    second.reject()  # closing after the save asks nothing and writes nothing
    assert len(answers.asked) == 1 and store.keys() == []


def test_typing_is_saved_a_second_after_it_stops(qtbot, open_editor, answers: Answers, store) -> None:
    dialog = open_editor()
    assert dialog._draft_timer.interval() == hazard_editor.DRAFT_SAVE_DELAY_MS == 1000
    dialog.description.setPlainText("消防通道堆放")
    assert dialog._draft_timer.isActive() and store.keys() == []
    dialog.description.setPlainText("消防通道堆放杂物")  # each change starts the second again
    qtbot.waitUntil(lambda: store.keys() == [NEW_HAZARD_KEY], timeout=5000)
    assert store.load(NEW_HAZARD_KEY).data["description"] == "消防通道堆放杂物"
    assert not dialog._draft_timer.isActive()


def test_a_removed_photo_is_dropped_from_the_draft_at_once(open_editor, answers, store, tmp_path) -> None:
    dialog = open_editor()
    dialog.add_photo_files([make_image(tmp_path / "a.png"), make_image(tmp_path / "b.png", "#33aa33")])
    assert len(store.load(NEW_HAZARD_KEY).files) == 2
    dialog.photos.item(0).setSelected(True)
    assert dialog.remove_selected_photos() == 1
    draft = store.load(NEW_HAZARD_KEY)
    assert [p["name"] for p in draft.data["photos"]] == ["b.png"] and len(draft.files) == 1


def test_an_untouched_form_keeps_no_draft_and_asks_nothing(open_editor, answers: Answers, store) -> None:
    dialog = open_editor()
    assert not dialog.has_unsaved_input()
    assert not dialog.save_draft_now()
    dialog.reject()
    assert answers.asked == [] and store.keys() == []


def test_cancel_and_discard(open_editor, answers: Answers, store, sample: Sample) -> None:
    dialog = open_editor()
    fill(dialog, sample)  # no wait: Cancel writes the latest input before it asks
    answers.replies = [True]
    dialog.reject()
    [(title, text)] = answers.asked
    assert title == "Unsaved input" and "discard what you entered?" in text
    assert store.keys() == []
    open_editor()
    assert len(answers.asked) == 1  # nothing offered any more


def test_cancel_and_keep(open_editor, answers: Answers, store, sample: Sample) -> None:
    dialog = open_editor()
    fill(dialog, sample)
    dialog.location.setText("装卸站台北侧")  # typed just before Cancel
    answers.replies = [False]
    dialog.reject()
    assert store.load(NEW_HAZARD_KEY).data["location"] == "装卸站台北侧"
    answers.replies = [True]
    again = open_editor()
    assert again.location.text() == "装卸站台北侧"
    assert again.description.toPlainText().startswith("槽车装卸区")


def test_declining_the_restore_discards_the_draft(open_editor, answers: Answers, store, sample) -> None:
    first = open_editor()
    fill(first, sample)
    first.save_draft_now()
    crash(first)
    answers.replies = [False]
    second = open_editor()
    assert len(answers.asked) == 1
    assert answers.defaults == [True]  # Enter restores; only an explicit No throws the draft away
    assert second.description.toPlainText() == "" and second.number.text() == ""
    assert store.keys() == []


def test_a_refused_save_keeps_the_draft(open_editor, answers: Answers, store, sample: Sample) -> None:
    dialog = open_editor()
    fill(dialog, sample)
    dialog.location.clear()
    assert not dialog.save()
    assert "Please enter where the hazard is" in dialog.error_message()
    assert store.load(NEW_HAZARD_KEY).data["location"] == ""
    assert store.load(NEW_HAZARD_KEY).data["description"].startswith("槽车装卸区")


# ---------------------------------------------------------------- editing a hazard


def photo_names(dialog: HazardEditorDialog) -> list[str]:
    return [e.info.original_name if hasattr(e, "info") else e.file.name for e in dialog.photo_entries()]


def edit_draft(open_editor, context, sample: Sample, tmp_path: Path) -> str:
    """Edit hazard 0 (photos a.png, b.jpg): new text, a.png removed, one photo added; crash."""
    hazard = hazard_service.get_hazard(context.uow(), sample.hazards[0].id)
    dialog = open_editor(hazard)
    dialog.description.setPlainText("储罐区呼吸阀堵塞（已加装阻火器）")
    dialog.photos.item(0).setSelected(True)
    dialog.remove_selected_photos()
    dialog.add_photo_files([make_image(tmp_path / "整改后.jpg", "#33aa33")])
    assert dialog.save_draft_now()
    key = dialog.draft_key
    crash(dialog)
    return key


def test_an_edit_draft_is_restored(open_editor, answers: Answers, store, sample, context, tmp_path) -> None:
    key = edit_draft(open_editor, context, sample, tmp_path)
    assert key == hazard_key(sample.hazards[0].id) and store.keys() == [key]
    answers.replies = [True]
    hazard = hazard_service.get_hazard(context.uow(), sample.hazards[0].id)
    dialog = open_editor(hazard)
    [(_, text)] = answers.asked
    assert "has been changed since" not in text
    assert dialog.description.toPlainText() == "储罐区呼吸阀堵塞（已加装阻火器）"
    assert photo_names(dialog) == ["b.jpg", "整改后.jpg"] and dialog.new_photo_count() == 1
    assert dialog.save()
    stored = hazard_service.get_hazard(context.uow(), hazard.id)
    assert stored.description == "储罐区呼吸阀堵塞（已加装阻火器）"
    assert stored.status is HazardStatus.OPEN  # saving details never moves the status (issue 10 §2)
    assert [p.original_name for p in stored.photos] == ["b.jpg", "整改后.jpg"]
    assert store.keys() == []


def test_an_edit_draft_of_a_hazard_changed_since(
    open_editor, answers: Answers, store, sample: Sample, context, tmp_path
) -> None:
    edit_draft(open_editor, context, sample, tmp_path)
    old = hazard_service.get_hazard(context.uow(), sample.hazards[0].id)
    data = HazardInput(
        description=old.description,
        location="罐区B",  # someone else's change
        department_id=old.department_id,
        category_code=old.category_code,
        subcategory_code=old.subcategory_code,
        found_by_id=old.found_by_id,
        found_at=old.found_at,
        equipment_tag=old.equipment_tag,
    )
    hazard_service.update_hazard(context.uow(), old.id, old.revision, data)
    extra = hazard_service.PhotoFile("c.png", make_image(tmp_path / "c.png", "#3333aa").read_bytes())
    changed = hazard_service.attach_photos(context.uow(), old.id, [extra], context.images)
    assert changed.revision > old.revision

    answers.replies = [True]
    dialog = open_editor(changed)
    [(_, text)] = answers.asked
    assert f"Hazard {old.number} has been changed since the draft was written" in text
    assert dialog.description.toPlainText() == "储罐区呼吸阀堵塞（已加装阻火器）"  # the draft's values are offered
    assert dialog.location.text() == "罐区B"  # a field the draft did not change shows the current value
    assert photo_names(dialog) == ["b.jpg", "整改后.jpg", "c.png"]  # a.png stays removed, c.png is kept
    assert dialog.save()
    stored = hazard_service.get_hazard(context.uow(), old.id)
    assert (stored.description, stored.location) == ("储罐区呼吸阀堵塞（已加装阻火器）", "罐区B")
    assert stored.status is HazardStatus.OPEN  # saving details never moves the status (issue 10 §2)
    assert [p.original_name for p in stored.photos] == ["b.jpg", "c.png", "整改后.jpg"]
    assert store.keys() == []


def test_an_edit_draft_does_not_show_up_in_the_new_form(open_editor, answers, store, sample, context, tmp_path):
    edit_draft(open_editor, context, sample, tmp_path)
    dialog = open_editor()
    assert answers.asked == [] and dialog.description.toPlainText() == ""
    other = open_editor(hazard_service.get_hazard(context.uow(), sample.hazards[1].id))
    assert answers.asked == [] and other.description.toPlainText() == sample.hazards[1].description


# ---------------------------------------------------------------- trouble with the store, or none


def test_a_damaged_draft_is_reported_and_the_form_works(open_editor, answers: Answers, store, sample) -> None:
    store.root.mkdir()
    (store.root / f"{NEW_HAZARD_KEY}.json").write_text('{"format": 1, "data": {"descr', encoding="utf-8")
    dialog = open_editor()
    assert answers.asked == []
    assert "The unsaved draft of this form cannot be read" in dialog.error_message()
    assert "set aside as" in dialog.error_message()
    fill(dialog, sample)
    assert dialog.save_draft_now() and store.keys() == [NEW_HAZARD_KEY]
    assert dialog.save()


def test_a_store_that_cannot_write_is_reported_once(open_editor, answers, store, sample, monkeypatch) -> None:
    def full(*args, **kwargs):
        raise StorageError("draft_write_failed", key=NEW_HAZARD_KEY, detail="No space left on device")

    monkeypatch.setattr(store, "save", full)
    dialog = open_editor()
    fill(dialog, sample)
    assert not dialog.save_draft_now()
    assert "cannot be kept as a draft (No space left on device)" in dialog.error_message()
    dialog.clear_error()
    assert not dialog.save_draft_now()
    assert dialog.error_message() == ""  # not repeated every second
    assert dialog.save()


def test_the_form_works_without_a_draft_store(qtbot, context: AppContext, sample: Sample, answers, tmp_path) -> None:
    bare = AppContext(uow=context.uow, register=context.register, images=context.images, data_dir=tmp_path / "x")
    dialog = HazardEditorDialog(bare)
    qtbot.addWidget(dialog)
    fill(dialog, sample)
    assert dialog.add_photo_files([make_image(tmp_path / "a.png")]) == 1
    assert not dialog.save_draft_now()
    assert not dialog._draft_timer.isActive()
    dialog.reject()
    assert answers.asked == [] and not (tmp_path / "x").exists()


def test_drafts_left_by_a_crash_are_announced_at_start(
    qtbot, open_editor, answers: Answers, store, sample: Sample, context, tmp_path, monkeypatch
) -> None:
    """After a kill during an edit, the next start says so in the status bar, and its button opens the form."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QPushButton

    from hazard_desktop.ui.dialogs.hazard_editor import HazardEditorDialog
    from hazard_desktop.ui.main_window import MainWindow

    dialog = open_editor(sample.hazards[0])
    dialog.description.setPlainText("改了一半的描述")
    dialog.save_draft_now()
    crash(dialog)
    opened: list[object] = []
    monkeypatch.setattr(HazardEditorDialog, "ask", lambda _p, _c, hazard=None, **_kw: opened.append(hazard))
    main = MainWindow(context, settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(main)
    main.show()
    button = main.findChild(QPushButton, "openDrafts")
    assert button is not None and button.isVisibleTo(main) and "1" in button.text()
    assert "unsaved" in main.statusBar().currentMessage()
    button.click()
    assert len(opened) == 1 and opened[0].id == sample.hazards[0].id  # that hazard's form, which offers the draft
    main.grab().save(str(tmp_path / "drafts.png"))
