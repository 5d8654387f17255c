"""The printed inspection record (安全检查记录表): results, hazards raised, signature lines, embedded font."""

from __future__ import annotations

import re
from datetime import date

import pytest
from pypdf import PdfReader

from hazard_desktop.adapters.pdf.inspection_record import ReportLabInspectionRecordRenderer
from hazard_desktop.domain.inspections import AnswerResult, StartInput
from hazard_desktop.services import inspections as service
from hazard_desktop.services.inspection_record_model import (
    InspectionRecord,
    InspectionRecordRenderer,
    RecordInspector,
    RecordRow,
    RecordSection,
    build_record,
)

TODAY = date(2026, 5, 4)


def text_of(path) -> str:
    reader = PdfReader(str(path))
    return "".join(page.extract_text() for page in reader.pages)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture
def finished(context, inspector):
    template = next(t for t in service.list_templates(context.uow()) if t.code == "JC-10")
    with context.uow() as uow:
        department = next(d for d in uow.reference.departments() if d.code == "GQ")
    inspection = service.start_inspection(
        context.uow(),
        StartInput(template.id, "罐区 T-201～T-206", department.id, (inspector.id,), TODAY, note="总体良好"),
        today=TODAY,
    )
    for index, item in enumerate(template.items):
        if index in (0, 9):
            service.record_answer(context.uow(), inspection.id, item.id, AnswerResult.FAIL, f"第{index + 1}项不合格")
        else:
            service.record_answer(context.uow(), inspection.id, item.id, AnswerResult.PASS)
    result = service.finalize_inspection(context.uow(), inspection.id, context.images)
    return inspection, result.hazards


def test_the_record_lists_results_hazards_and_signature_lines(context, finished, tmp_path):
    inspection, hazards = finished
    record = build_record(context.uow(), inspection.id)
    assert not record.draft and record.failed == 2 and len(record.hazards) == 2
    assert record.hazards[0].proposed_grade == "重大（C-4）"
    renderer: InspectionRecordRenderer = context.inspection_record_renderer()
    path = tmp_path / "record.pdf"
    renderer.render(record, path)

    text = squeeze(text_of(path))
    assert "安全检查记录表" in text and "检查记录表" in text
    assert inspection.number in text
    for hazard in hazards:
        assert hazard.number in text
        assert squeeze(hazard.description) in text  # 不符合检查项：…。现场情况：…
    for label in ("检查内容", "检查结果", "合格", "不合格", "受检单位负责人", "安环部审核", "签字", "建议重大"):
        assert label in text
    assert "草稿" not in text


def test_a_draft_record_is_stamped(context, inspector, tmp_path):
    template = next(t for t in service.list_templates(context.uow()) if t.code == "JC-01")
    with context.uow() as uow:
        department = uow.reference.departments()[0]
    inspection = service.start_inspection(
        context.uow(), StartInput(template.id, "装置区", department.id, (inspector.id,), TODAY), today=TODAY
    )
    service.record_answer(context.uow(), inspection.id, template.items[0].id, AnswerResult.PASS)
    record = build_record(context.uow(), inspection.id)
    assert record.draft and record.unanswered == template.item_count - 1
    path = tmp_path / "draft.pdf"
    ReportLabInspectionRecordRenderer().render(record, path)
    text = squeeze(text_of(path))
    assert "草稿" in text and "未检查" in text


def test_only_the_bundled_font_is_embedded_and_long_records_break_pages(tmp_path):
    rows = tuple(
        RecordRow(
            str(n),
            "压力表在检定有效期内，表盘清晰，量程合适并标有红线" * 2,
            "fail" if n % 4 == 0 else "pass",
            "现场说明" * 20 if n % 4 == 0 else "",
            f"YH-2026-{n:04d}" if n % 4 == 0 else "",
            "C-4" if n % 8 == 0 else "",
        )
        for n in range(1, 61)
    )
    record = InspectionRecord(
        plant_name="华东某化工有限公司",
        number="JC-2026-0042",
        template="长检查表（第 3 版）",
        area="全厂",
        department="安环部",
        inspected_on="2026年5月4日",
        inspectors=(RecordInspector("组长", "张伟", "安环部"), RecordInspector("组员", "李娜", "生产部")),
        draft=False,
        finalized_at="2026年5月4日 16:00",
        sections=(RecordSection("第一部分", rows[:30]), RecordSection("第二部分", rows[30:])),
        hazards=(),
        total=60,
        passed=45,
        failed=15,
        not_applicable=0,
    )
    path = tmp_path / "long.pdf"
    ReportLabInspectionRecordRenderer(invariant=True).render(record, path)
    reader = PdfReader(str(path))
    assert len(reader.pages) >= 3
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert fonts and all("WenQuanYiMicroHei" in f for f in fonts)
    assert "安全检查记录表（续）" in text_of(path).replace(" ", "")


@pytest.mark.parametrize("rows", range(8, 32, 3))
def test_the_signature_lines_never_stand_alone_on_a_page(tmp_path, rows):
    """Issue 11 §2: a record of ~14 items printed page 2 with only the signature lines and the note."""
    text = "压力表在检定有效期内，表盘清晰，量程合适并标有红线"
    items = tuple(RecordRow(str(n), text, "pass", "", "", "") for n in range(1, rows + 1))
    record = InspectionRecord(
        plant_name="华东某化工有限公司",
        number="JC-2026-0042",
        template="检查表（第 3 版）",
        area="全厂",
        department="安环部",
        inspected_on="2026年5月4日",
        inspectors=(RecordInspector("组长", "张伟", "安环部"), RecordInspector("组员", "李娜", "生产部")),
        draft=False,
        finalized_at="2026年5月4日 16:00",
        sections=(RecordSection("第一部分", items),),
        hazards=(),
        total=rows,
        passed=rows,
        failed=0,
        not_applicable=0,
    )
    path = tmp_path / "record.pdf"
    ReportLabInspectionRecordRenderer(invariant=True).render(record, path)
    pages = [squeeze(page.extract_text()) for page in PdfReader(str(path)).pages]
    signing = next(i for i, text in enumerate(pages) if "安环部审核" in text)
    assert signing == len(pages) - 1 and "检查人员签字" in pages[signing]
    if signing > 0:  # the continuation page carries checklist rows above the signatures
        assert "合格" in pages[signing] and "检查内容及结果" in pages[signing]
