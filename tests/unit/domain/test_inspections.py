"""Rules of inspection checklists: template content, versioning, answers, progress and finalizing."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import UTC, date, datetime

import pytest

from hazard_desktop.domain.errors import InvalidTransition, ValidationError
from hazard_desktop.domain.hazards import DESCRIPTION_MAX
from hazard_desktop.domain.inspections import (
    AREA_MAX,
    ITEM_TEXT_MAX,
    MAX_INSPECTORS,
    Answer,
    AnswerResult,
    EditMode,
    Inspection,
    InspectionState,
    Inspector,
    ItemDraft,
    ProblemKind,
    SectionDraft,
    StartInput,
    TemplateDraft,
    TemplateOrigin,
    build_template,
    check_answer_change,
    check_draft,
    check_editable,
    check_finalizable,
    clean_note,
    content_digest,
    draft_of,
    edit_mode,
    finalize_problems,
    first_open_index,
    format_inspection_number,
    hazard_description,
    inspection_sequence,
    progress,
    proposal_for,
    validate_draft,
    validate_start,
)

NOW = datetime(2026, 5, 4, 8, 0, tzinfo=UTC)


def draft(**changes: object) -> TemplateDraft:
    values: dict[str, object] = {
        "name": " 储罐区检查表 ",
        "description": "罐区仪表",
        "code": "JC-10",
        "sections": (
            SectionDraft(
                "常压储罐",
                (
                    ItemDraft(" 设置液位计 ", "逐罐核对", "4.6", "4.6.5", "C-4"),
                    ItemDraft("设置温度计", "", "4.6", "4.6.5", None),
                ),
            ),
            SectionDraft("空节", ()),
            SectionDraft("罐区", (ItemDraft("防火堤完好", "", "4.6", None, " "),)),
        ),
    }
    values.update(changes)
    return TemplateDraft(**values)  # type: ignore[arg-type]


def template(published: bool = True, **changes: object):
    made = build_template(
        validate_draft(draft(**changes)),
        version_id=uuid.uuid4(),
        template_id=uuid.uuid4(),
        version=1,
        supersedes_id=None,
        origin=TemplateOrigin.LOCAL,
        published_at=NOW if published else None,
        now=NOW,
    )
    return made


def inspection(state: InspectionState = InspectionState.DRAFT) -> Inspection:
    return Inspection(
        id=uuid.uuid4(),
        number="JC-2026-0001",
        template_version_id=uuid.uuid4(),
        area="罐区A",
        department_id=uuid.uuid4(),
        inspectors=(Inspector(uuid.uuid4(), "张伟"),),
        inspected_on=date(2026, 5, 4),
        state=state,
        note="",
        finalized_at=None,
        created_at=NOW,
        updated_at=NOW,
    )


def answer(item_id: uuid.UUID, result: AnswerResult | None, note: str = "", photos: int = 0) -> Answer:
    return Answer(
        id=uuid.uuid4(),
        inspection_id=uuid.uuid4(),
        item_id=item_id,
        result=result,
        note=note,
        photo_count=photos,
        hazard_id=None,
        proposes_major=False,
        criterion_code=None,
        answered_at=NOW,
        created_at=NOW,
        updated_at=NOW,
    )


# ------------------------------------------------------------------------------------- templates


def test_validate_draft_strips_text_drops_empty_sections_and_blank_criteria():
    clean = validate_draft(draft())
    assert clean.name == "储罐区检查表"
    assert [s.title for s in clean.sections] == ["常压储罐", "罐区"]
    assert clean.sections[0].items[0].text == "设置液位计"
    assert clean.sections[1].items[0].criterion_code is None


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"name": "  "}, "template_name_empty"),
        ({"name": "名" * 61}, "template_name_too_long"),
        ({"sections": ()}, "template_no_items"),
        ({"sections": (SectionDraft("", (ItemDraft("x", "", "4.6"),)),)}, "section_title_empty"),
        ({"sections": (SectionDraft("a", (ItemDraft(" ", "", "4.6"),)),)}, "item_text_empty"),
        ({"sections": (SectionDraft("a", (ItemDraft("x" * (ITEM_TEXT_MAX + 1), "", "4.6"),)),)}, "item_text_too_long"),
        ({"sections": (SectionDraft("a", (ItemDraft("x", "", ""),)),)}, "item_category_empty"),
        ({"sections": (SectionDraft("a", (ItemDraft("x", "", "4.6", None, "C" * 21),)),)}, "criterion_code_too_long"),
    ],
)
def test_validate_draft_refuses_broken_content(changes, code):
    with pytest.raises(ValidationError) as info:
        validate_draft(draft(**changes))
    assert info.value.code == code


def test_item_errors_say_where_the_item_is():
    bad = draft(sections=(SectionDraft("a", (ItemDraft("ok", "", "4.6"), ItemDraft("", "", "4.6"))),))
    with pytest.raises(ValidationError) as info:
        validate_draft(bad)
    assert info.value.params == {"section": 1, "item": 2}


def test_build_template_numbers_sections_and_items_and_flattens_them():
    made = template()
    assert [s.position for s in made.sections] == [1, 2]
    assert [i.text for i in made.items] == ["设置液位计", "设置温度计", "防火堤完好"]
    assert made.item_count == 3
    assert made.item(made.items[2].id) is made.items[2]
    assert made.section_of(made.items[2].id).title == "罐区"
    assert made.item(uuid.uuid4()) is None


def test_build_template_uses_given_ids_in_order():
    ids = [uuid.uuid4() for _ in range(5)]
    made = build_template(
        validate_draft(draft()),
        version_id=uuid.uuid4(),
        template_id=uuid.uuid4(),
        version=1,
        supersedes_id=None,
        origin=TemplateOrigin.SEED,
        published_at=NOW,
        now=NOW,
        new_id=ids,
    )
    assert [made.sections[0].id, *[i.id for i in made.sections[0].items], made.sections[1].id] == ids[:4]


def test_digest_depends_on_content_not_ids():
    a, b = template(), template()
    assert a.id != b.id
    assert content_digest(draft_of(a)) == content_digest(draft_of(b))
    changed = template(name="另一个名字")
    assert content_digest(draft_of(changed)) != content_digest(draft_of(a))


def test_a_published_version_is_edited_as_a_new_version_an_unpublished_one_in_place():
    assert edit_mode(template(published=True)) is EditMode.NEW_VERSION
    assert edit_mode(template(published=False)) is EditMode.IN_PLACE


def test_only_the_newest_active_version_is_editable():
    current = template()
    check_editable(current, 1)
    with pytest.raises(InvalidTransition) as info:
        check_editable(current, 2)
    assert info.value.code == "template_not_latest"
    with pytest.raises(InvalidTransition) as info:
        check_editable(dataclasses.replace(current, retired_at=NOW), 1)
    assert info.value.code == "template_retired"


# ------------------------------------------------------------------------------------ inspections


def start(**changes: object) -> StartInput:
    values: dict[str, object] = {
        "template_version_id": uuid.uuid4(),
        "area": " 罐区A ",
        "department_id": uuid.uuid4(),
        "inspector_ids": (uuid.uuid4(), uuid.uuid4()),
        "inspected_on": date(2026, 5, 4),
    }
    values.update(changes)
    return StartInput(**values)  # type: ignore[arg-type]


def test_validate_start_strips_the_area():
    assert validate_start(start(), date(2026, 5, 4)).area == "罐区A"


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"area": ""}, "area_empty"),
        ({"area": "区" * (AREA_MAX + 1)}, "area_too_long"),
        ({"department_id": None}, "department_empty"),
        ({"inspector_ids": ()}, "inspectors_empty"),
        ({"inspector_ids": tuple(uuid.uuid4() for _ in range(MAX_INSPECTORS + 1))}, "inspectors_too_many"),
        ({"inspected_on": date(2026, 5, 5)}, "inspected_on_future"),
    ],
)
def test_validate_start_refuses(changes, code):
    with pytest.raises(ValidationError) as info:
        validate_start(start(**changes), date(2026, 5, 4))
    assert info.value.code == code


def test_the_same_inspector_twice_is_refused():
    person = uuid.uuid4()
    with pytest.raises(ValidationError) as info:
        validate_start(start(inspector_ids=(person, person)), date(2026, 5, 4))
    assert info.value.code == "inspectors_duplicate"


def test_inspection_numbers_round_trip():
    assert format_inspection_number(2026, 7) == "JC-2026-0007"
    assert inspection_sequence("JC-2026-0007") == (2026, 7)
    assert inspection_sequence("YH-2026-0007") is None


def test_a_finalized_inspection_is_locked():
    check_draft(inspection())
    with pytest.raises(InvalidTransition) as info:
        check_draft(inspection(InspectionState.FINALIZED))
    assert info.value.code == "inspection_finalized"


def test_notes_are_limited():
    assert clean_note("  漏液 ") == "漏液"
    with pytest.raises(ValidationError) as info:
        clean_note("x" * 1001)
    assert info.value.code == "note_too_long"


def test_a_failure_that_raised_a_hazard_stays_failed():
    raised = dataclasses.replace(answer(uuid.uuid4(), AnswerResult.FAIL), hazard_id=uuid.uuid4())
    check_answer_change(raised, AnswerResult.FAIL)
    check_answer_change(None, AnswerResult.PASS)
    with pytest.raises(InvalidTransition) as info:
        check_answer_change(raised, AnswerResult.PASS)
    assert info.value.code == "answer_hazard_raised"


def test_only_a_failed_item_with_a_criterion_proposes_major():
    made = template()
    with_criterion, without = made.items[0], made.items[1]
    assert proposal_for(with_criterion, AnswerResult.FAIL) == (True, "C-4")
    assert proposal_for(with_criterion, AnswerResult.PASS) == (False, None)
    assert proposal_for(with_criterion, None) == (False, None)
    assert proposal_for(without, AnswerResult.FAIL) == (False, None)


# ------------------------------------------------------------------------------ progress, finalize


def test_progress_counts_results_of_this_templates_items_only():
    made = template()
    a, b, c = made.items
    answers = {
        a.id: answer(a.id, AnswerResult.PASS),
        b.id: answer(b.id, None, note="先拍照"),
        uuid.UUID(int=1): answer(uuid.UUID(int=1), AnswerResult.FAIL),
    }
    counted = progress(made, answers)
    assert (counted.total, counted.passed, counted.failed, counted.not_applicable) == (3, 1, 0, 0)
    assert (counted.answered, counted.remaining, counted.complete, counted.percent) == (1, 2, False, 33)
    answers[b.id] = answer(b.id, AnswerResult.NA)
    answers[c.id] = answer(c.id, AnswerResult.FAIL, "漏")
    done = progress(made, answers)
    assert done.complete and done.percent == 100 and done.failed == 1


def test_a_reopened_draft_continues_at_the_first_open_item():
    made = template()
    a, b, c = made.items
    assert first_open_index(made, {}) == 0
    answers = {a.id: answer(a.id, AnswerResult.PASS), c.id: answer(c.id, AnswerResult.PASS)}
    assert first_open_index(made, answers) == 1
    answers[b.id] = answer(b.id, AnswerResult.FAIL)  # undocumented
    assert first_open_index(made, answers) == 1
    answers[b.id] = answer(b.id, AnswerResult.FAIL, photos=1)
    assert first_open_index(made, answers) == 2


def test_finalize_needs_every_item_answered():
    made = template()
    a, b, c = made.items
    answers = {a.id: answer(a.id, AnswerResult.PASS)}
    with pytest.raises(ValidationError) as info:
        check_finalizable(inspection(), made, answers)
    assert info.value.code == "inspection_incomplete"
    assert info.value.params == {"count": 2, "first": 2}


def test_finalize_needs_a_note_or_photo_on_every_failure():
    made = template()
    a, b, c = made.items
    answers = {
        a.id: answer(a.id, AnswerResult.FAIL, note="  "),
        b.id: answer(b.id, AnswerResult.FAIL, photos=2),
        c.id: answer(c.id, AnswerResult.FAIL, note="堤有裂缝"),
    }
    with pytest.raises(ValidationError) as info:
        check_finalizable(inspection(), made, answers)
    assert info.value.code == "failure_undocumented"
    assert info.value.params == {"count": 1, "first": 1}
    assert [p.kind for p in finalize_problems(made, answers)] == [ProblemKind.UNDOCUMENTED]
    answers[a.id] = answer(a.id, AnswerResult.FAIL, note="无液位计")
    check_finalizable(inspection(), made, answers)
    with pytest.raises(InvalidTransition):
        check_finalizable(inspection(InspectionState.FINALIZED), made, answers)


def test_hazard_description_states_the_deficiency_then_what_was_found():
    # A trial read "特种设备在定期检验有效期内，检验报告齐全 report expired" as if nothing were wrong.
    item = dataclasses.replace(template().items[0], text="特种设备在定期检验有效期内，检验报告齐全。")
    assert hazard_description(item, " report expired ") == (
        "不符合检查项：特种设备在定期检验有效期内，检验报告齐全。现场情况：report expired"
    )
    assert hazard_description(item, "  ") == "不符合检查项：特种设备在定期检验有效期内，检验报告齐全"
    multi = hazard_description(template().items[0], "2# 罐无液位计\n3# 罐液位计损坏")
    assert multi == "不符合检查项：设置液位计。现场情况：2# 罐无液位计\n3# 罐液位计损坏"


def test_an_over_long_hazard_description_cuts_the_requirement_before_the_note():
    item = dataclasses.replace(template().items[0], text="要" * 2500)
    note = "裂" * 900
    cut = hazard_description(item, note)
    assert len(cut) == DESCRIPTION_MAX and cut.startswith("不符合检查项：要") and cut.endswith("。现场情况：" + note)
    assert "要…。现场情况" in cut
    no_note = hazard_description(item, "")
    assert len(no_note) == DESCRIPTION_MAX and no_note.endswith("…")
    huge = hazard_description(item, "x" * 3000)  # a note too long on its own keeps some of the requirement
    assert len(huge) == DESCRIPTION_MAX and huge.startswith("不符合检查项：" + "要" * 39 + "…。现场情况：xxx")
    assert huge.endswith("x…")
