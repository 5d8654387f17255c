"""Inspection checklists on a real database: seeding, versioning, runs, failures → hazards, register filter."""

from __future__ import annotations

import dataclasses
import sqlite3
import uuid
from datetime import date

import pytest

from hazard_desktop.adapters.demo_photos import make_photo
from hazard_desktop.adapters.schema import head_revision
from hazard_desktop.domain.errors import Conflict, InvalidTransition, NotFound, ValidationError
from hazard_desktop.domain.hazards import HazardGrade, HazardStatus
from hazard_desktop.domain.inspections import (
    AnswerResult,
    EditMode,
    InspectionState,
    ItemDraft,
    SectionDraft,
    StartInput,
    TemplateOrigin,
    draft_of,
)
from hazard_desktop.services import inspections as service
from hazard_desktop.services.hazards import PhotoFile
from hazard_desktop.services.inspection_seed import seed_checklist_templates
from hazard_desktop.services.ports import PhotoKind, RegisterFilter, SortKey

TODAY = date(2026, 5, 4)


def seeded(context, code: str = "JC-10"):
    return next(t for t in service.list_templates(context.uow()) if t.code == code)


def department(context, code: str = "AHB"):
    with context.uow() as uow:
        return next(d for d in uow.reference.departments() if d.code == code)


def start(context, inspector, template=None, area: str = "二号罐区"):
    template = template or seeded(context)
    return service.start_inspection(
        context.uow(),
        StartInput(template.id, area, department(context).id, (inspector.id,), TODAY),
        today=TODAY,
    )


def answer_all(context, inspection, template, fails: dict[int, str] | None = None) -> None:
    fails = fails or {}
    for index, item in enumerate(template.items):
        if index in fails:
            service.record_answer(context.uow(), inspection.id, item.id, AnswerResult.FAIL, fails[index])
        else:
            result = AnswerResult.NA if index % 5 == 4 else AnswerResult.PASS
            service.record_answer(context.uow(), inspection.id, item.id, result)


# ------------------------------------------------------------------------------------------ schema


def test_the_schema_has_the_inspection_tables_at_head(context):
    assert head_revision() >= "0003"  # 0003 added them; later revisions keep them
    con = sqlite3.connect(context.storage.opened().path)
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    con.close()
    expected = {
        "checklist_templates",
        "checklist_template_versions",
        "checklist_sections",
        "checklist_items",
        "inspections",
        "inspection_inspectors",
        "inspection_answers",
        "inspection_photos",
        "inspection_photo_blobs",
    }
    assert expected <= tables
    con = sqlite3.connect(context.storage.opened().path)
    try:
        for table in expected:
            columns = {r[1] for r in con.execute(f"PRAGMA table_info({table})")}
            assert {"id", "created_at", "updated_at"} <= columns, table
    finally:
        con.close()


# ------------------------------------------------------------------------------------------- seed


def test_the_shipped_templates_are_seeded_once(context):
    templates = service.list_templates(context.uow())
    assert len(templates) == 10
    assert all(t.origin is TemplateOrigin.SEED and t.published and t.version == 1 for t in templates)
    assert all(8 <= t.item_count <= 15 for t in templates)
    report = seed_checklist_templates(context.uow())
    assert report.added == () and report.unchanged == 10
    assert len(service.list_templates(context.uow())) == 10


def test_the_seed_covers_the_rule_and_the_tank_instrument_criteria(context):
    templates = service.list_templates(context.uow())
    names = " ".join(t.name for t in templates)
    for word in ("特种设备", "动设备", "仪表", "电气", "应急", "高危作业", "承包商", "5S", "管理", "储罐"):
        assert word in names
    permit = next(t for t in templates if "高危作业" in t.name)
    permit_text = " ".join(s.title for s in permit.sections)
    for operation in ("动火", "受限空间", "盲板抽堵", "高处", "吊装", "临时用电", "动土", "断路"):
        assert operation in permit_text
    tanks = seeded(context, "JC-10")
    assert {"C-4", "C-5", "C-6"} <= {i.criterion_code for i in tanks.items}
    with context.uow() as uow:
        criteria = {c.code for c in uow.criteria.all()}
        categories = {c.code: c for c in uow.reference.categories()}
    for template in templates:
        for item in template.items:
            assert item.criterion_code is None or item.criterion_code in criteria
            assert categories[item.category_code].subcategory(item.subcategory_code) is not None


def test_an_upgraded_database_gets_the_templates(tmp_path):
    import shutil
    from pathlib import Path

    from hazard_desktop.app import build_context, close_context

    fixture = Path(__file__).resolve().parent.parent / "fixtures" / "db_rev0002.db"
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(fixture, folder / "hazard_desktop.db")
    context = build_context(folder)
    try:
        assert context.storage.opened().migrated_from == "0002"
        assert len(service.list_templates(context.uow())) == 10
    finally:
        close_context(context)


# -------------------------------------------------------------------------------------- versioning


def test_a_new_template_is_edited_in_place_until_it_is_used(context, inspector):
    draft = dataclasses.replace(draft_of(seeded(context)), name="我的检查表", code="X-1")
    created = service.create_template(context.uow(), draft)
    assert (created.version, created.published, created.origin) == (1, False, TemplateOrigin.LOCAL)
    renamed = service.edit_template(context.uow(), created.id, dataclasses.replace(draft, name="改名"))
    assert renamed.mode is EditMode.IN_PLACE
    assert renamed.template.id == created.id and renamed.template.name == "改名"
    same = service.edit_template(context.uow(), created.id, dataclasses.replace(draft, name="改名"))
    assert same.mode is None
    start(context, inspector, renamed.template)
    assert service.get_template(context.uow(), created.id).published


def test_editing_a_used_template_makes_a_new_version_and_the_finished_run_keeps_its_own(context, inspector):
    template = seeded(context)
    inspection = start(context, inspector, template)
    answer_all(context, inspection, template, {0: "2# 罐无液位计"})
    service.finalize_inspection(context.uow(), inspection.id, context.images)

    content = draft_of(template)
    first = content.sections[0]
    changed_item = dataclasses.replace(first.items[0], text="常压储罐设置液位计（含远传）")
    new_sections = (
        dataclasses.replace(first, items=(changed_item, *first.items[1:])),
        *content.sections[1:],
        SectionDraft("新增", (ItemDraft("罐区视频监控完好", "", "4.6", "4.6.7"),)),
    )
    edit = service.edit_template(context.uow(), template.id, dataclasses.replace(content, sections=new_sections))
    assert edit.mode is EditMode.NEW_VERSION
    assert edit.template.version == 2 and edit.template.supersedes_id == template.id
    assert edit.template.item_count == template.item_count + 1
    assert [t.version for t in service.template_history(context.uow(), template.template_id)] == [1, 2]
    assert seeded(context).id == edit.template.id  # the list shows the newest version

    run = service.load_run(context.uow(), inspection.id)
    assert run.template.id == template.id
    assert run.template.items[0].text == template.items[0].text
    assert run.progress.complete

    with pytest.raises(InvalidTransition) as info:
        service.edit_template(context.uow(), template.id, content)
    assert info.value.code == "template_not_latest"


def test_template_codes_are_checked_against_the_reference_data(context):
    content = draft_of(seeded(context))
    bad = dataclasses.replace(content, sections=(SectionDraft("a", (ItemDraft("x", "", "4.6", "4.7.1"),)),))
    with pytest.raises(ValidationError) as info:
        service.create_template(context.uow(), bad)
    assert info.value.code == "subcategory_unknown"
    bad = dataclasses.replace(content, sections=(SectionDraft("a", (ItemDraft("x", "", "4.6", None, "Z-9"),)),))
    with pytest.raises(ValidationError) as info:
        service.create_template(context.uow(), bad)
    assert info.value.code == "criterion_unknown"


def test_a_retired_template_cannot_start_an_inspection(context, inspector):
    template = seeded(context)
    service.set_template_retired(context.uow(), template.template_id, True)
    assert template.template_id not in {t.template_id for t in service.list_templates(context.uow())}
    assert template.template_id in {t.template_id for t in service.list_templates(context.uow(), include_retired=True)}
    with pytest.raises(InvalidTransition) as info:
        start(context, inspector, template)
    assert info.value.code == "template_retired"
    service.set_template_retired(context.uow(), template.template_id, False)
    start(context, inspector, template)


# ------------------------------------------------------------------------------------------- runs


def test_start_checks_references_and_numbers_runs_per_year(context, inspector):
    first = start(context, inspector)
    second = start(context, inspector)
    assert (first.number, second.number) == ("JC-2026-0001", "JC-2026-0002")
    assert first.state is InspectionState.DRAFT and first.leader.name == inspector.name
    with pytest.raises(NotFound) as info:
        service.start_inspection(
            context.uow(),
            StartInput(seeded(context).id, "x", department(context).id, (uuid.uuid4(),), TODAY),
            today=TODAY,
        )
    assert info.value.code == "person_unknown"


def test_answers_are_stored_one_by_one_and_a_reopened_draft_continues_where_it_was(context, inspector):
    template = seeded(context)
    inspection = start(context, inspector, template)
    items = template.items
    service.record_answer(context.uow(), inspection.id, items[0].id, AnswerResult.PASS)
    failed = service.record_answer(context.uow(), inspection.id, items[1].id, AnswerResult.FAIL, "无温度计")
    assert failed.proposes_major and failed.criterion_code == "C-4"
    service.set_note(context.uow(), inspection.id, items[2].id, "先记一句")

    run = service.load_run(context.uow(), inspection.id)
    assert run.progress.answered == 2
    assert run.answers[items[2].id].result is None and run.answers[items[2].id].note == "先记一句"
    assert run.resume_index == 2
    changed = service.record_answer(context.uow(), inspection.id, items[1].id, AnswerResult.PASS)
    assert not changed.proposes_major and changed.note == "无温度计"


def test_answer_photos_are_stored_and_removed(context, inspector):
    template = seeded(context)
    inspection = start(context, inspector, template)
    item = template.items[3]
    files = [PhotoFile("a.jpg", make_photo(1, (320, 240))), PhotoFile("b.jpg", make_photo(2, (320, 240)))]
    answer = service.add_answer_photos(context.uow(), inspection.id, item.id, files, context.images)
    assert answer.photo_count == 2 and answer.result is None
    photos = service.answer_photos(context.uow(), answer.id)
    assert [p.original_name for p in photos] == ["a.jpg", "b.jpg"]
    assert service.answer_photo_bytes(context.uow(), photos[0].id, PhotoKind.THUMB)[:2] == b"\xff\xd8"
    answer = service.remove_answer_photo(context.uow(), inspection.id, item.id, photos[0].id)
    assert answer.photo_count == 1
    with pytest.raises(ValidationError) as info:
        service.add_answer_photos(context.uow(), inspection.id, item.id, files * 3, context.images)
    assert info.value.code == "photos_too_many"


def test_the_inspection_list_shows_drafts_and_finished_runs(context, inspector):
    template = seeded(context)
    draft = start(context, inspector, template, area="罐区A")
    done = start(context, inspector, template, area="罐区B")
    service.record_answer(context.uow(), draft.id, template.items[0].id, AnswerResult.PASS)
    answer_all(context, done, template, {1: "无温度计", 4: "压力表过期"})
    service.finalize_inspection(context.uow(), done.id, context.images)
    rows = {r.area: r for r in service.list_inspections(context.uow())}
    assert rows["罐区A"].state is InspectionState.DRAFT and rows["罐区A"].answered == 1
    assert rows["罐区B"].state is InspectionState.FINALIZED
    assert (rows["罐区B"].answered, rows["罐区B"].failed, rows["罐区B"].hazards) == (template.item_count, 2, 2)
    assert rows["罐区B"].total == template.item_count and rows["罐区B"].inspectors == inspector.name
    only_drafts = service.list_inspections(context.uow(), frozenset({InspectionState.DRAFT}))
    assert [r.id for r in only_drafts] == [draft.id]


def test_a_draft_can_be_thrown_away(context, inspector):
    inspection = start(context, inspector)
    service.record_answer(context.uow(), inspection.id, seeded(context).items[0].id, AnswerResult.PASS)
    service.delete_draft(context.uow(), inspection.id)
    assert service.list_inspections(context.uow()) == []


# -------------------------------------------------------------------------------- failures → hazards


def test_finalize_raises_a_hazard_per_failure_linked_both_ways(context, inspector):
    template = seeded(context)
    inspection = start(context, inspector, template)
    answer_all(context, inspection, template, {0: "2# 罐无液位计", 10: "防火堤东侧有裂缝"})
    photo = [PhotoFile("crack.jpg", make_photo(5, (640, 480)))]
    service.add_answer_photos(context.uow(), inspection.id, template.items[10].id, photo, context.images)

    result = service.finalize_inspection(context.uow(), inspection.id, context.images)

    assert result.inspection.state is InspectionState.FINALIZED and result.inspection.finalized_at is not None
    first, second = result.hazards
    item0, item10 = template.items[0], template.items[10]
    # The register states the deficiency, then what the inspector found (a trial read the bare requirement as fine).
    assert first.description == "不符合检查项：常压和低压储罐设置液位计。现场情况：2# 罐无液位计"
    assert second.description == (
        "不符合检查项：罐区防火堤、隔堤完好，排水阀常闭，雨水排放受控。现场情况：防火堤东侧有裂缝"
    )
    assert (first.category_code, first.subcategory_code) == (item0.category_code, item0.subcategory_code)
    assert first.location == "二号罐区" and first.department_id == department(context).id
    assert first.found_by_id == inspector.id
    assert (first.status, first.grade) == (HazardStatus.OPEN, HazardGrade.UNGRADED)
    assert len(second.photos) == 1 and second.photos[0].original_name == "crack.jpg"

    run = service.load_run(context.uow(), inspection.id)
    assert run.answers[item0.id].hazard_id == first.id and run.answers[item0.id].proposes_major
    assert run.answers[item10.id].hazard_id == second.id and not run.answers[item10.id].proposes_major
    origin = service.inspection_of_hazard(context.uow(), first.id)
    assert origin is not None and origin.inspection_number == inspection.number
    assert origin.item_text == item0.text and origin.proposes_major and origin.criterion_code == "C-4"
    assert [h.id for h in service.hazards_of_inspection(context.uow(), inspection.id)] == [first.id, second.id]

    flt = RegisterFilter(inspection_id=inspection.id)
    assert context.register.count(flt) == 2
    assert {r.number for r in context.register.page(flt, SortKey.NUMBER, False, 0, 50)} == {first.number, second.number}
    assert context.register.count(RegisterFilter(inspection_id=uuid.uuid4())) == 0
    # The search index finds the hazard by the inspector's words and by the requirement's.
    assert context.register.count(RegisterFilter(text="无液位计")) == 1
    assert context.register.count(RegisterFilter(text="防火堤")) == 1
    assert context.register.count(RegisterFilter(text="不符合检查项")) == 2


def test_a_finalized_inspection_is_locked(context, inspector):
    template = seeded(context)
    inspection = start(context, inspector, template)
    answer_all(context, inspection, template)
    service.finalize_inspection(context.uow(), inspection.id, context.images)
    for call in (
        lambda: service.record_answer(context.uow(), inspection.id, template.items[0].id, AnswerResult.FAIL),
        lambda: service.set_note(context.uow(), inspection.id, template.items[0].id, "x"),
        lambda: service.finalize_inspection(context.uow(), inspection.id, context.images),
        lambda: service.delete_draft(context.uow(), inspection.id),
    ):
        with pytest.raises(InvalidTransition) as info:
            call()
        assert info.value.code == "inspection_finalized"


def test_finalize_refuses_gaps_and_undocumented_failures(context, inspector):
    template = seeded(context)
    inspection = start(context, inspector, template)
    service.record_answer(context.uow(), inspection.id, template.items[0].id, AnswerResult.PASS)
    with pytest.raises(ValidationError) as info:
        service.finalize_inspection(context.uow(), inspection.id, context.images)
    assert info.value.code == "inspection_incomplete"
    answer_all(context, inspection, template, {3: ""})
    with pytest.raises(ValidationError) as info:
        service.finalize_inspection(context.uow(), inspection.id, context.images)
    assert info.value.code == "failure_undocumented" and info.value.params["first"] == 4


def test_a_failing_finalize_stores_nothing(context, inspector):
    """One transaction: if the second hazard cannot be created, the first is not stored either."""
    template = seeded(context)
    inspection = start(context, inspector, template)
    answer_all(context, inspection, template, {0: "无液位计", 2: "无报警"})
    service.add_answer_photos(
        context.uow(),
        inspection.id,
        template.items[2].id,
        [PhotoFile("p.jpg", make_photo(3, (200, 150)))],
        context.images,
    )

    class Broken:
        def process(self, data):
            raise ValidationError("photo_not_image")

    before = context.register.count(RegisterFilter())
    with pytest.raises(ValidationError):
        service.finalize_inspection(context.uow(), inspection.id, Broken())
    assert context.register.count(RegisterFilter()) == before
    run = service.load_run(context.uow(), inspection.id)
    assert run.inspection.state is InspectionState.DRAFT
    assert all(a.hazard_id is None for a in run.answers.values())
    service.finalize_inspection(context.uow(), inspection.id, context.images)
    assert context.register.count(RegisterFilter()) == before + 2


def test_an_urgent_failure_can_raise_its_hazard_before_finalizing(context, inspector):
    template = seeded(context)
    inspection = start(context, inspector, template)
    item = template.items[5]
    with pytest.raises(ValidationError) as info:
        service.raise_hazard(context.uow(), inspection.id, item.id, context.images)
    assert info.value.code == "answer_not_failed"
    service.record_answer(context.uow(), inspection.id, item.id, AnswerResult.FAIL, "联锁未投用")
    hazard = service.raise_hazard(context.uow(), inspection.id, item.id, context.images)
    with pytest.raises(Conflict):
        service.raise_hazard(context.uow(), inspection.id, item.id, context.images)
    with pytest.raises(InvalidTransition) as info2:
        service.record_answer(context.uow(), inspection.id, item.id, AnswerResult.PASS)
    assert info2.value.code == "answer_hazard_raised"
    with pytest.raises(Conflict):
        service.delete_draft(context.uow(), inspection.id)
    answer_all(context, inspection, template, {5: "联锁未投用"})
    result = service.finalize_inspection(context.uow(), inspection.id, context.images)
    assert result.hazards == ()  # not raised twice
    assert [h.id for h in service.hazards_of_inspection(context.uow(), inspection.id)] == [hazard.id]


def test_a_hand_registered_hazard_has_no_inspection(context, inspector):
    from hazard_desktop.services.hazards import create_hazard
    from tests.factories import hazard_input

    hazard = create_hazard(context.uow(), hazard_input(context, inspector))
    assert service.inspection_of_hazard(context.uow(), hazard.id) is None
