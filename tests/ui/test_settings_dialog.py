"""The settings dialog on a real database: every model passes qtmodeltester, and the main flows store
what they show (values are set with widget setters: keyClicks aborts on Chinese text)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from hazard_desktop.app import close_context
from hazard_desktop.domain.errors import DomainError
from hazard_desktop.domain.lec import EdgeRule
from hazard_desktop.domain.reference import DepartmentKind, Role
from hazard_desktop.services import reference_admin as ra
from hazard_desktop.services.context import AppContext
from hazard_desktop.ui import messages as ui_messages
from hazard_desktop.ui.dialogs.settings_dialog import (
    TAB_CRITERIA,
    TAB_PEOPLE,
    TAB_PLANT,
    TAB_THRESHOLDS,
    SettingsDialog,
)
from hazard_desktop.ui.dialogs.settings_pages import categories, criteria, departments, lec_scales, people, thresholds
from hazard_desktop.ui.models.rows import ID_ROLE, RowsTableModel
from tests.factories import add_person, make_context

TODAY = date(2026, 3, 1)


@pytest.fixture
def settings_ctx(tmp_path: Path) -> Iterator[AppContext]:
    """A seeded database of its own (named apart from the shared UI fixtures)."""
    ctx = make_context(tmp_path / "settings-data")
    yield ctx
    close_context(ctx)


@pytest.fixture
def settings_dialog(qtbot, settings_ctx: AppContext) -> SettingsDialog:
    dialog = SettingsDialog(settings_ctx, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _stored(ctx: AppContext) -> tuple:
    """Everything the dialog can write, to prove a refused input wrote nothing."""
    return (
        ra.list_departments(ctx.uow()),
        ra.list_people(ctx.uow()),
        ra.list_categories(ctx.uow()),
        ra.list_scale_values(ctx.uow()),
        ra.list_threshold_sets(ctx.uow()),
        ra.list_criteria(ctx.uow(), include_retired=True),
        ra.get_settings(ctx.uow()),
    )


def _click(qtbot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _drive_modal(action: Callable[[QDialog], None]) -> list[BaseException]:
    """Run ``action`` on the modal dialog about to be opened; always close it so exec() returns."""
    errors: list[BaseException] = []

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            assert isinstance(dialog, QDialog), dialog
            action(dialog)
        except BaseException as exc:  # reported by the test after exec() returned
            errors.append(exc)
        finally:
            if isinstance(dialog, QDialog) and dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, run)
    return errors


# ---------------------------------------------------------------- models


def _all_models(dialog: SettingsDialog) -> list[RowsTableModel]:
    return [
        dialog.departments_page.model,
        dialog.people_page.model,
        dialog.categories_page.model,
        dialog.scales_page.model,
        dialog.thresholds_page.sets_model,
        dialog.thresholds_page.bands_model,
        dialog.criteria_page.model,
    ]


@pytest.mark.parametrize("force_py", [False, True], ids=["qt-tester", "py-tester"])
def test_every_model_passes_the_model_tester(qtmodeltester, settings_dialog, settings_ctx, force_py):
    safety = next(d for d in ra.list_departments(settings_ctx.uow()) if d.code == "AHB")
    ra.save_person(settings_ctx.uow(), None, "张三", "A001", safety.id, [Role.INSPECTOR])
    settings_dialog.people_page.reload()
    for model in _all_models(settings_dialog):
        assert model.rowCount() > 0, type(model).__name__
        qtmodeltester.check(model, force_py=force_py)
    threshold_set = settings_dialog.thresholds_page.base_set()
    edit_model = thresholds.BandEditModel()
    edit_model.set_bands(threshold_set.bands, threshold_set.edge_rule)
    qtmodeltester.check(edit_model, force_py=force_py)


@pytest.mark.parametrize(
    "model_class",
    [
        departments.DepartmentTableModel,
        people.PeopleTableModel,
        categories.CategoryTableModel,
        lec_scales.ScaleTableModel,
        thresholds.ThresholdSetTableModel,
        thresholds.BandTableModel,
        thresholds.BandEditModel,
        criteria.CriteriaTableModel,
    ],
)
def test_empty_models_pass_the_model_tester(qtmodeltester, qapp, model_class):
    model = model_class()
    qtmodeltester.check(model)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 0
    assert model.headerData(0, Qt.Orientation.Horizontal) is not None


def test_tabs_show_the_seeded_reference_data(settings_dialog):
    assert settings_dialog.tabs.count() == 11  # … dispute panel (rule §7), rectification (12), backups, exchange (15)
    dep = settings_dialog.departments_page.model
    codes = {dep.index(r, departments.COL_CODE).data() for r in range(dep.rowCount())}
    assert {"AHB", "SCB", "GH", "SYB"} <= codes
    cats = settings_dialog.categories_page.model
    assert cats.index(0, categories.COL_CODE).data() == "4.5"
    assert cats.index(0, categories.COL_NAME_ZH).data() == "生产工艺"
    assert settings_dialog.scales_page.model.rowCount() == 19
    bands = settings_dialog.thresholds_page.bands_model
    assert bands.rowCount() == 5
    assert bands.index(1, thresholds.COL_BAND_RANGE).data() == "160 < D ≤ 320"
    assert bands.index(0, thresholds.COL_BAND_COLOUR).data(Qt.ItemDataRole.DecorationRole).name() == "#d32f2f"
    crit = settings_dialog.criteria_page.model
    assert crit.rowCount() == 26
    assert settings_dialog.plant_page.name_edit.text() == "某化工有限公司"
    assert settings_dialog.plant_page.decimals_spin.value() == 2


# ---------------------------------------------------------------- people and departments


def test_add_person_flow(qtbot, settings_dialog, settings_ctx):
    page = settings_dialog.people_page
    settings_dialog.tabs.setCurrentIndex(TAB_PEOPLE)
    _click(qtbot, page.new_button)
    page.name_edit.setText("王五")
    page.employee_no_edit.setText("B-007")
    page.department_combo.setCurrentIndex(page.department_combo.findText("生产部"))
    page.role_checks[Role.PANEL_MEMBER].setChecked(True)
    page.role_checks[Role.INSPECTOR].setChecked(True)
    with qtbot.waitSignal(page.changed, timeout=1000):
        _click(qtbot, page.save_button)

    (person,) = ra.list_people(settings_ctx.uow())
    production = next(d for d in ra.list_departments(settings_ctx.uow()) if d.code == "SCB")
    assert (person.name, person.employee_no, person.department_id) == ("王五", "B-007", production.id)
    assert person.roles == frozenset({Role.PANEL_MEMBER, Role.INSPECTOR})
    assert page.message.kind == "info"
    assert settings_dialog.changed
    row = page.model.find(person.id)
    assert page.view.currentIndex().row() == row
    assert page.model.index(row, people.COL_DEPARTMENT).data() == "生产部"
    assert page.model.index(row, people.COL_ROLES).data() == "Inspector, Grading panel member"

    # edit: the form shows the stored person; deactivate hides them unless asked
    assert page.department_combo.currentText() == "生产部"
    page.active_check.setChecked(False)
    _click(qtbot, page.save_button)
    assert page.model.find(person.id) == -1
    page.show_inactive.setChecked(True)
    assert page.model.index(page.model.find(person.id), people.COL_STATUS).data() == "Inactive"


def test_bad_person_input_shows_a_message_and_writes_nothing(qtbot, settings_dialog, settings_ctx):
    page = settings_dialog.people_page
    _click(qtbot, page.new_button)
    before = _stored(settings_ctx)
    page.name_edit.setText("   ")
    page.department_combo.setCurrentIndex(page.department_combo.findText("安环部"))
    _click(qtbot, page.save_button)
    assert page.message.kind == "error"
    assert page.message.text() == "Name must not be empty."
    page.name_edit.setText("赵六")
    page.department_combo.setCurrentIndex(0)  # "— choose —"
    _click(qtbot, page.save_button)
    assert page.message.text() == "Choose the person’s department."
    assert _stored(settings_ctx) == before
    assert not settings_dialog.changed


def test_a_person_already_in_the_department_is_not_added_again(qtbot, settings_dialog, settings_ctx):
    """New-user trial: 张安全 of 安环部 could be entered twice; the page now names the one there."""
    page = settings_dialog.people_page
    settings_dialog.tabs.setCurrentIndex(TAB_PEOPLE)
    for name in ("张安全", " 张安全 "):
        _click(qtbot, page.new_button)
        page.name_edit.setText(name)
        page.department_combo.setCurrentIndex(page.department_combo.findText("安环部"))
        _click(qtbot, page.save_button)
    assert page.message.kind == "error"
    assert page.message.text().startswith("安环部 already has a person called 张安全: choose them instead")
    assert [p.name for p in ra.list_people(settings_ctx.uow())] == ["张安全"]
    assert page.name_edit.text() == " 张安全 "  # the input stays: with employee numbers on both, namesakes may be two
    page.department_combo.setCurrentIndex(page.department_combo.findText("生产部"))
    _click(qtbot, page.save_button)  # another department's 张安全 is another person
    assert page.message.kind == "info" and len(ra.list_people(settings_ctx.uow())) == 2


def test_department_flow_and_stale_tabs_reload(qtbot, settings_dialog, settings_ctx):
    page = settings_dialog.departments_page
    _click(qtbot, page.new_button)
    page.code_edit.setText("hc3")
    page.name_edit.setText("合成三车间")
    page.kind_combo.setCurrentIndex(page.kind_combo.findData(DepartmentKind.WORKSHOP.value))
    _click(qtbot, page.save_button)
    added = next(d for d in ra.list_departments(settings_ctx.uow()) if d.code == "HC3")
    assert page.code_edit.text() == "HC3"

    # the people tab reads the departments again when it is shown
    assert settings_dialog.people_page.stale
    settings_dialog.tabs.setCurrentIndex(TAB_PEOPLE)
    _click(qtbot, settings_dialog.people_page.new_button)
    assert settings_dialog.people_page.department_combo.findText("合成三车间") > 0

    # a duplicate name is refused with a message
    _click(qtbot, page.new_button)
    page.code_edit.setText("HC4")
    page.name_edit.setText("合成三车间")
    before = _stored(settings_ctx)
    _click(qtbot, page.save_button)
    assert page.message.text() == "A department called “合成三车间” already exists (it may be inactive)."
    assert _stored(settings_ctx) == before

    # deactivate (never delete)
    page.select_id(added.id)
    page.active_check.setChecked(False)
    _click(qtbot, page.save_button)
    stored = next(d for d in ra.list_departments(settings_ctx.uow()) if d.id == added.id)
    assert stored.active is False
    assert page.model.index(page.model.find(added.id), departments.COL_STATUS).data() == "Inactive"


# ---------------------------------------------------------------- categories and scales


def test_rename_category_and_scale_meaning(qtbot, settings_dialog, settings_ctx):
    page = settings_dialog.categories_page
    assert page.select_id("4.6.1")
    assert page.code_label.text() == "4.6.1"
    page.name_zh_edit.setText("特种设备（承压类）")
    _click(qtbot, page.save_button)
    cat = next(c for c in ra.list_categories(settings_ctx.uow()) if c.code == "4.6")
    assert cat.subcategory("4.6.1").name_zh == "特种设备（承压类）"
    assert page.model.index(page.model.find("4.6.1"), categories.COL_NAME_ZH).data() == "特种设备（承压类）"

    scales = settings_dialog.scales_page
    assert scales.select_id(("C", Decimal("100")))
    scales.meaning_en_edit.setText("Catastrophe: many fatalities")
    _click(qtbot, scales.save_button)
    value = next(v for v in ra.list_scale_values(settings_ctx.uow()) if v.factor.value == "C" and v.value == 100)
    assert value.meaning_en == "Catastrophe: many fatalities"
    assert scales.message.text() == "Meaning of C = 100 saved."


# ---------------------------------------------------------------- threshold sets


def test_new_threshold_set_version_flow(qtbot, settings_dialog, settings_ctx):
    page = settings_dialog.thresholds_page
    settings_dialog.tabs.setCurrentIndex(TAB_THRESHOLDS)
    (old,) = ra.list_threshold_sets(settings_ctx.uow())
    # the seeded 表D.4 takes effect on the day of first use (the day this test runs): revise after it
    revised = max(old.effective_from, TODAY) + timedelta(days=200)

    def edit(editor: QDialog) -> None:
        assert isinstance(editor, thresholds.ThresholdSetEditor)
        assert editor.base.id == old.id
        model = editor.bands_model
        editor.name_edit.setText("2026 修订")
        editor.effective_edit.setDate(QDate(revised.year, revised.month, revised.day))
        editor.edge_rule_combo.setCurrentIndex(editor.edge_rule_combo.findData(EdgeRule.LOWER_INCLUSIVE.value))
        high = model.find("high")
        # lower limit of 高度危险 150: the upper limit of 显著危险 follows
        assert model.setData(model.index(high, thresholds.COL_BAND_LOWER), "150")
        assert model.index(high + 1, thresholds.COL_BAND_UPPER).data() == "150"
        assert model.index(high, thresholds.COL_BAND_RANGE).data() == "150 ≤ D < 320"
        assert model.setData(model.index(high, thresholds.COL_BAND_COLOUR), "#ff6600")
        assert not model.setData(model.index(high, thresholds.COL_BAND_COLOUR), "orange")
        assert not model.setData(model.index(0, thresholds.COL_BAND_UPPER), "900")  # open end
        assert model.setData(model.index(high, thresholds.COL_BAND_NAME_EN), "High danger")
        _click(qtbot, editor.save_button)
        assert editor.result() == QDialog.DialogCode.Accepted

    errors = _drive_modal(edit)
    with qtbot.waitSignal(page.changed, timeout=5000):
        _click(qtbot, page.new_button)
    assert not errors, errors

    stored = ra.list_threshold_sets(settings_ctx.uow())
    assert len(stored) == 2
    assert stored[0] == old  # the old set is untouched
    new = stored[1]
    assert (new.name, new.effective_from, new.edge_rule) == ("2026 修订", revised, EdgeRule.LOWER_INCLUSIVE)
    high = next(b for b in new.bands if b.code == "high")
    assert (high.lower, high.upper, high.colour, high.name_en) == (Decimal(150), Decimal(320), "#FF6600", "High danger")
    assert next(b for b in new.bands if b.code == "significant").upper == Decimal(150)

    # the list shows both; the new one is selected and scheduled (TODAY is before 2026-07-01)
    assert page.sets_model.rowCount() == 2
    assert page.selected_set().id == new.id
    row = page.sets_model.find(new.id)
    assert page.sets_model.index(row, thresholds.COL_SET_STATUS).data() == "Scheduled"
    assert page.sets_model.index(page.sets_model.find(old.id), thresholds.COL_SET_STATUS).data() == "In force"
    assert page.bands_model.index(1, thresholds.COL_BAND_RANGE).data() == "150 ≤ D < 320"
    assert revised.isoformat() in page.message.text()
    assert settings_dialog.changed


def test_bad_threshold_set_keeps_the_editor_open_and_writes_nothing(qtbot, settings_dialog, settings_ctx):
    page = settings_dialog.thresholds_page
    before = _stored(settings_ctx)
    seen: dict[str, object] = {}

    def edit(editor: QDialog) -> None:
        model = editor.bands_model
        high = model.find("high")
        model.setData(model.index(high, thresholds.COL_BAND_LOWER), "400")  # above its own upper limit 320
        _click(qtbot, editor.save_button)
        seen["visible"] = editor.isVisible()
        seen["message"] = editor.message.text()
        editor.bands_model.setData(model.index(high, thresholds.COL_BAND_LOWER), "160")
        editor.name_edit.setText(" ")
        _click(qtbot, editor.save_button)
        seen["second"] = editor.message.text()
        _click(qtbot, editor.buttons.button(editor.buttons.StandardButton.Cancel))

    errors = _drive_modal(edit)
    assert page.new_version() is None
    assert not errors, errors
    assert seen["visible"] is True
    assert seen["message"].startswith("The limits of band “Highly dangerous” do not join its neighbours")
    assert seen["second"] == "Name of the threshold set must not be empty."
    assert _stored(settings_ctx) == before
    assert not settings_dialog.changed


# ---------------------------------------------------------------- criteria


def test_criterion_revision_flow(qtbot, settings_dialog, settings_ctx):
    page = settings_dialog.criteria_page
    settings_dialog.tabs.setCurrentIndex(TAB_CRITERIA)
    old = next(c for c in ra.list_criteria(settings_ctx.uow()) if c.code == "C-2")
    page.search_edit.setText("吸烟")
    assert [page.model.index(r, criteria.COL_CODE).data() for r in range(page.model.rowCount())] == ["C-2"]
    assert page.select_id(old.id)
    assert page.save_button.text() == "Save as new version"
    page.text_edit.setPlainText("在易燃易爆场所吸烟，或有脱岗、睡岗、酒后上岗的证据（修订）。")
    page.clause_edit.setText("4.4.2（修订）")
    with qtbot.waitSignal(page.changed, timeout=1000):
        _click(qtbot, page.save_button)

    active = [c for c in ra.list_criteria(settings_ctx.uow()) if c.code == "C-2"]
    assert len(active) == 1
    new = active[0]
    assert (new.version, new.supersedes_id, new.clause) == (2, old.id, "4.4.2（修订）")
    assert page.message.text() == "Criterion C-2 saved as version 2; version 1 is retired."
    assert page.model.find(old.id) == -1
    assert page.view.currentIndex().row() == page.model.find(new.id)

    # unchanged text → refused, nothing written
    before = _stored(settings_ctx)
    _click(qtbot, page.save_button)
    assert page.message.text() == "Nothing was changed, so no new version was stored."
    assert _stored(settings_ctx) == before

    # the retired version is shown on request, read-only
    page.show_retired.setChecked(True)
    row = page.model.find(old.id)
    assert row >= 0
    assert page.model.index(row, criteria.COL_STATUS).data().startswith("Retired ")
    assert page.model.index(row, criteria.COL_VERSION).data() == "1"
    page.select_id(old.id)
    assert page.text_edit.isReadOnly()
    assert not page.save_button.isEnabled()
    assert not page.retire_button.isEnabled()
    assert page.text_edit.toPlainText() == old.text


def test_add_and_retire_criterion(qtbot, settings_dialog, settings_ctx):
    page = settings_dialog.criteria_page
    _click(qtbot, page.new_button)
    assert page.save_button.text() == "Add criterion"
    page.code_edit.setText("C-7")
    page.clause_edit.setText("4.4.4")
    page.category_combo.setCurrentIndex(page.category_combo.findData("4.6"))
    page.text_edit.setPlainText("可燃气体检测报警器失效或未投用。")
    _click(qtbot, page.save_button)
    added = next(c for c in ra.list_criteria(settings_ctx.uow()) if c.code == "C-7")
    assert (added.version, added.category_code) == (1, "4.6")
    assert page.message.text() == "Criterion C-7 added."

    assert page.select_id(added.id)
    _click(qtbot, page.retire_button)
    assert added.id not in {c.id for c in ra.list_criteria(settings_ctx.uow())}
    assert page.message.text() == "Criterion C-7 retired."
    assert page.model.find(added.id) == -1


# ---------------------------------------------------------------- plant settings and the dialog


def test_plant_settings_flow(qtbot, settings_dialog, settings_ctx):
    page = settings_dialog.plant_page
    settings_dialog.tabs.setCurrentIndex(TAB_PLANT)
    before = _stored(settings_ctx)
    page.name_edit.setText("")
    page.decimals_spin.setValue(3)
    _click(qtbot, page.save_button)
    assert page.message.text() == "Plant name must not be empty."
    assert _stored(settings_ctx) == before

    page.name_edit.setText("华东某化工有限公司")
    assert "20.333" in page.example_label.text()
    _click(qtbot, page.save_button)
    assert ra.get_settings(settings_ctx.uow()) == ra.PlantSettings("华东某化工有限公司", 3)
    assert page.message.text() == "Plant settings saved."


def test_ask_returns_whether_anything_was_stored(qtbot, settings_ctx):
    def close(dialog: QDialog) -> None:
        assert isinstance(dialog, SettingsDialog)
        dialog.reject()

    errors = _drive_modal(close)
    assert SettingsDialog.ask(None, settings_ctx) is False
    assert not errors, errors

    def change(dialog: QDialog) -> None:
        dialog.plant_page.decimals_spin.setValue(1)
        _click(qtbot, dialog.plant_page.save_button)
        dialog.accept()

    errors = _drive_modal(change)
    assert SettingsDialog.ask(None, settings_ctx) is True
    assert not errors, errors
    assert ra.get_settings(settings_ctx.uow()).decimals == 1


def test_id_role_identifies_rows(settings_dialog):
    model = settings_dialog.categories_page.model
    assert model.index(0, 0).data(ID_ROLE) == "4.5"


# ---------------------------------------------------------------- messages


SERVICE_CODES = [
    ("department_duplicate", "department_code", {"value": "AHB"}),
    ("department_code_invalid", "department_code", {"value": "新"}),
    ("department_kind_unknown", "department_kind", {"value": "x"}),
    ("department_unknown", "department", {}),
    ("department_missing", "department", {}),
    ("department_inactive", "department", {"value": "旧车间"}),
    ("person_unknown", "person", {}),
    ("employee_no_duplicate", "employee_no", {"value": "A1", "name": "张三"}),
    ("role_unknown", "roles", {"value": "x"}),
    ("category_unknown", "category", {"value": "9.9"}),
    ("factor_unknown", "factor", {"value": "X"}),
    ("scale_value_unknown", "value", {"factor": "L", "value": "7"}),
    ("not_a_number", "bands", {"value": "abc"}),
    ("band_limit_negative", "bands", {"band": "high", "band_name_en": "Highly dangerous"}),
    ("band_colour_invalid", "bands", {"band": "high", "band_name_en": "Highly dangerous"}),
    ("band_code_duplicate", "bands", {"band": "high"}),
    ("band_rank_duplicate", "bands", {}),
    ("band_rank_invalid", "bands", {"band": "high"}),
    ("bands_empty", "bands", {}),
    ("bands_gap", "bands", {"band": "high"}),
    ("bands_open_ends", "bands", {}),
    ("effective_from_invalid", "effective_from", {"value": "x"}),
    ("edge_rule_unknown", "edge_rule", {"value": "x"}),
    ("threshold_set_duplicate", "threshold_set_name", {"value": "x"}),
    ("no_threshold_set", None, {"on": "2020-01-01"}),
    ("criterion_duplicate", "criterion_code", {"value": "C-1"}),
    ("criterion_unchanged", "criterion_text", {"criterion": "C-1"}),
    ("criterion_retired", "criterion", {"criterion": "C-1"}),
    ("criterion_unknown", "criterion", {}),
    ("criterion_source_unknown", "criterion_source", {"value": "x"}),
    ("decimals_out_of_range", "decimals", {"min": 0, "max": 4}),
    ("setting_unknown", "setting", {"value": "x"}),
    ("plant_name_too_long", "plant_name", {"max": 60}),
    ("band_action_zh_empty", "band_action_zh", {}),
]


@pytest.mark.parametrize(("code", "field", "params"), SERVICE_CODES)
def test_every_service_code_has_its_own_message(qapp, code, field, params):
    text = ui_messages.error_text(DomainError(code, field=field, **params), "settings")
    assert text and "refused" not in text and "%" not in text, text


def test_unknown_codes_fall_back_to_a_message_with_the_code(qapp):
    assert ui_messages.error_text(DomainError("something_new"), "settings") == "The change was refused (something_new)."


def test_the_criteria_tab_says_the_list_is_incomplete(settings_dialog):
    settings_dialog.tabs.setCurrentIndex(TAB_CRITERIA)
    note = settings_dialog.criteria_page.coverage
    assert note.isVisible() and note.text().startswith("26 of the company's 30")


def test_the_dispute_panel_tab_names_the_chairs_with_an_effective_date(qtbot, settings_dialog, settings_ctx):
    from hazard_desktop.services import grading as grading_service

    for name in ("肖才根", "刘家华"):
        add_person(settings_ctx, name)
    page = settings_dialog.chairs_page
    settings_dialog.tabs.setCurrentWidget(page)
    page.reload()
    assert page.versions.item(0).text() == "Nobody named yet: disputes cannot be ruled."
    assert page.leader.count() >= 2
    page.deputy.setCurrentIndex(page.leader.currentIndex())
    page.save_button.click()
    assert page.message.text() == "The 组长 and the 副组长 must be two different persons."
    assert grading_service.dispute_chairs(settings_ctx.uow()) == ()
    page.deputy.setCurrentIndex(1 if page.leader.currentIndex() == 0 else 0)
    page.save_button.click()
    [named] = grading_service.dispute_chairs(settings_ctx.uow())
    assert named.effective_from == TODAY and named.leader_id != named.deputy_id
    assert page.versions.item(0).text().startswith(f"From {TODAY.isoformat()}: 组长 ")


def test_the_dispute_panel_tab_names_a_namesake_chair_with_the_employee_number(qtbot, settings_dialog, settings_ctx):
    """Two 肖才根 of one department (each with a 工号) were offered alike as 组长 and listed alike once named."""
    from hazard_desktop.services import grading as grading_service

    xiao = add_person(settings_ctx, "肖才根")
    twin = add_person(settings_ctx, "肖才根")
    liu = add_person(settings_ctx, "刘家华")
    page = settings_dialog.chairs_page
    settings_dialog.tabs.setCurrentWidget(page)
    page.reload()
    offered = [page.leader.itemText(i) for i in range(page.leader.count())]
    department = offered[page.leader.findData(str(liu.id))].removeprefix("刘家华 ")
    assert (
        f"肖才根 ({xiao.employee_no}) {department}" in offered
        and f"肖才根 ({twin.employee_no}) {department}" in offered
    )
    assert f"刘家华 {department}" in offered  # no namesake: as before
    page.leader.setCurrentIndex(page.leader.findData(str(twin.id)))
    page.deputy.setCurrentIndex(page.deputy.findData(str(liu.id)))
    page.save_button.click()
    [named] = grading_service.dispute_chairs(settings_ctx.uow())
    assert named.leader_id == twin.id
    assert page.versions.item(0).text().endswith(f"组长 肖才根 ({twin.employee_no}), 副组长 刘家华")
