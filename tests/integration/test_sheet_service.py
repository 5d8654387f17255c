"""Printed sheets from the real database (demo data): 隐患分级判定表 of LEC and criteria gradings, a
meeting's batch, 争议裁决表; print rows and 副本 numbering; verification of codes against the records
stored now (verified / altered since printing / unknown)."""

from __future__ import annotations

import shutil
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from fractions import Fraction
from pathlib import Path

import pytest
from pypdf import PdfReader

from hazard_desktop.adapters.demo_photos import make_photo
from hazard_desktop.app import build_context, close_context
from hazard_desktop.domain.errors import Conflict, InvalidTransition, NotFound, ValidationError
from hazard_desktop.domain.grading import DisputeState, Grading, GradingMethod, PanelRole
from hazard_desktop.domain.hazards import HazardStatus
from hazard_desktop.domain.reference import DepartmentKind
from hazard_desktop.domain.sheet_prints import SheetKind
from hazard_desktop.domain.verification import qr_payload
from hazard_desktop.services import grading as grading_service
from hazard_desktop.services import sheets
from hazard_desktop.services.context import AppContext
from hazard_desktop.services.demo import DemoResult, build_demo
from hazard_desktop.services.grading import GradingRequest, ScoreEntry
from hazard_desktop.services.ports import RegisterFilter, RegisterRow, SortKey
from hazard_desktop.services.sheet_models import DisputeSheet, GradingSheet
from hazard_desktop.services.sheets import SheetRequest, VerifyStatus
from tests.factories import no_match
from tests.integration.test_pdf_sheets import assert_fonts_embedded, assert_page_renders, needs_poppler, page_texts

REFERENCE = datetime(2026, 6, 30, 8, 0, tzinfo=UTC)
AT = datetime(2026, 7, 1, 2, 0, tzinfo=UTC)
PLANT = "某化工有限公司"  # seeded plant name


# ---------------------------------------------------------------------------------------- fixtures
def build_demo_folder(folder: Path) -> DemoResult:
    """Demo data (300 hazards, photos, meetings, disputes) in ``folder``, as of :data:`REFERENCE`."""
    context = build_context(folder)
    try:
        return build_demo(context.uow, context.bulk_writer(), context.images, make_photo, reference=REFERENCE)
    finally:
        close_context(context)


@pytest.fixture
def demo_template(sheet_demo_folder: Path) -> Path:
    return sheet_demo_folder  # built once per run (tests/conftest.py)


def copy_demo(template: Path, target: Path) -> Path:
    """A private copy of the demo database (tests change it)."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("hazard_desktop.db",):
        shutil.copy2(template / name, target / name)
    return target


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path) -> Iterator[AppContext]:
    context = build_context(copy_demo(demo_template, tmp_path / "data"))
    yield context
    close_context(context)


def rows(context: AppContext) -> list[RegisterRow]:
    return list(context.register.page(RegisterFilter(), SortKey.NUMBER, False, 0, 10_000))


def final(context: AppContext, row: RegisterRow) -> Grading:
    grading = grading_service.final_grading(context.uow(), row.id)
    assert grading is not None
    return grading


def pick(
    context: AppContext, method: str, *, photos: bool = False, disputed: bool = False, open_only: bool = False
) -> RegisterRow:
    for row in rows(context):
        if row.grading_method != method or (photos and row.photo_count == 0):
            continue
        if open_only and row.status == HazardStatus.CLOSED:
            continue
        if not disputed and row.dispute_state is not None:
            continue
        return row
    raise AssertionError(f"no demo hazard graded by {method}")


def save(context: AppContext, request: SheetRequest, path: Path, who: str = "测试员") -> sheets.PrintResult:
    return sheets.print_document(context.uow(), request, sheets.sheet_renderer(context), path, who, at=AT)


def text_of(path: Path) -> str:
    return "".join(page_texts(path))


def compact(text: str) -> str:
    return "".join(text.split())


def db_execute(context: AppContext, sql: str, *params: object) -> int:
    """Change the database behind the program's back (what a tampering user could do)."""
    with sqlite3.connect(context.data_dir / "hazard_desktop.db") as conn:
        return conn.execute(sql, params).rowcount


def ruled_dispute(context: AppContext):
    with context.uow() as uow:
        ruled = [d for d in uow.gradings.disputes() if d.state is DisputeState.RULED]
    assert ruled, "the demo rules disputes"
    return ruled[0]


# ------------------------------------------------------------------------------- grading sheets
@needs_poppler
def test_lec_sheet_has_the_form_labels_the_panel_and_the_result(demo: AppContext, tmp_path: Path) -> None:
    row = pick(demo, "lec_panel", photos=True)
    grading = final(demo, row)
    result = save(demo, SheetRequest.hazard(row.id), tmp_path / "lec.pdf")

    text = text_of(result.path)
    flat = compact(text)
    sheet = result.prepared.document.sheets[0]
    assert isinstance(sheet, GradingSheet)
    assert sheet.sheet_no == "PD-" + row.number.removeprefix("YH-")
    for expected in (
        "隐患分级判定表", PLANT, row.number, sheet.sheet_no, "隐患描述", "隐患部位", "隐患类别", "现场照片",
        "判定方法", "判定依据", "签字", "平均D值", "风险等级", "整改要求", "分级标准", "判定组长", "日期",
        "核验码", sheet.verify_code, grading.leader_name, grading.threshold_set_name, "第1页共1页",
    ):  # fmt: skip
        assert compact(expected) in flat, expected
    for score in grading.scores:
        assert score.person_name in text and score.department_name in text
    assert grading.mean_text(2) in text  # setting decimals = 2
    assert grading.band_name_zh in text
    assert sheet.photos and len(sheet.photos) == min(row.photo_count, 4)
    assert any(PdfReader(result.path).pages[0].images), "the photos are embedded"
    assert "副本" not in text
    assert_fonts_embedded(result.path)
    assert_page_renders(result.path, tmp_path)


def test_mean_is_printed_with_the_plant_decimals(demo: AppContext, tmp_path: Path) -> None:
    with demo.uow() as uow:
        gradings = [g for m in uow.gradings.meetings() for g in uow.gradings.for_meeting(m.id)]
        uow.settings.set("decimals", "3")
        uow.commit()
    edge = next(g for g in gradings if g.mean_exact == Fraction(61, 3) and not g.is_ruling)
    result = save(demo, SheetRequest.grading(edge.id), tmp_path / "edge.pdf")
    text = text_of(result.path)
    assert "20.333" in text and "61 ÷ 3" in text
    assert "一般危险" in text  # 61/3 lies above the edge 20, exactly, without rounding


@needs_poppler
def test_criteria_sheet_lists_the_clauses_and_says_major(demo: AppContext, tmp_path: Path) -> None:
    row = pick(demo, "criteria")
    grading = final(demo, row)
    result = save(demo, SheetRequest.hazard(row.id), tmp_path / "major.pdf")

    text = text_of(result.path)
    flat = compact(text)
    assert "重大事故隐患" in text and "判定标准" in text and "标准条款" in text
    for match in grading.matches:
        assert compact(match.clause) in flat
        assert compact(match.text)[:12] in flat
        assert compact(match.evidence)[:8] in flat
    sheet = result.prepared.document.sheets[0]
    assert isinstance(sheet, GradingSheet) and sheet.criteria
    if grading.scores:
        assert len(sheet.members) == len(grading.scores)
    else:  # the panel signs even without scores: the leader and rows to write the members in
        assert [m.role_label for m in sheet.members] == ["组长", "成员", "成员"]
    assert_fonts_embedded(result.path)
    assert_page_renders(result.path, tmp_path)


def test_panel_decision_sheet_prints_the_reason(demo: AppContext, tmp_path: Path) -> None:
    row = pick(demo, "panel_decision")
    grading = final(demo, row)
    result = save(demo, SheetRequest.hazard(row.id), tmp_path / "decision.pdf")
    flat = compact(text_of(result.path))
    assert compact(grading.decision_reason)[:20] in flat
    assert "重大事故隐患" in flat


def test_a_draft_an_ungraded_hazard_and_unknown_numbers_have_no_sheet(demo: AppContext, tmp_path: Path) -> None:
    ungraded = next(r for r in rows(demo) if r.grading_method is None)
    with pytest.raises(NotFound) as err:
        sheets.prepare_document(demo.uow(), SheetRequest.hazard(ungraded.id))
    assert err.value.code == "grading_none"
    setup = grading_service.grading_setup(demo.uow(), date(2026, 7, 1))
    draft = grading_service.grade_hazard_by_lec(
        demo.uow(),
        ungraded.id,
        panel_scores(setup),
        setup.leaders[0].person_id,
        date(2026, 7, 1),
        at=AT,
        check=no_match(demo),
    )
    with pytest.raises(InvalidTransition) as err2:
        sheets.prepare_document(demo.uow(), SheetRequest.grading(draft.id))
    assert err2.value.code == "grading_not_confirmed"
    with pytest.raises(NotFound) as err3:
        sheets.export_hazard_sheet(demo, "YH-1999-0001", tmp_path / "none.pdf")
    assert err3.value.code == "hazard_number_unknown"
    with demo.uow() as uow:
        assert uow.gradings.count_sheet_prints(draft.id, SheetKind.GRADING) == 0
    assert not list(tmp_path.glob("*.pdf"))


# ------------------------------------------------------------------------------- prints and copies
def test_every_save_is_recorded_and_reprints_are_marked_copies(demo: AppContext, tmp_path: Path) -> None:
    row = pick(demo, "lec_panel")
    grading = final(demo, row)
    first = save(demo, SheetRequest.hazard(row.id), tmp_path / "first.pdf", who="张三")
    second = save(demo, SheetRequest.hazard(row.id), tmp_path / "second.pdf", who="李四")
    third = sheets.export_hazard_sheet(demo, row.number, tmp_path / "third.pdf", printed_by="王五")

    assert "副本" not in text_of(first.path)
    assert "副本" in compact(text_of(second.path)) and "第2次打印" in compact(text_of(second.path))
    assert "第3次打印" in compact(text_of(third))
    assert [r.copy_no for r in (*first.records, *second.records)] == [0, 1]
    code = first.records[0].verify_code
    assert second.records[0].verify_code == code  # the same record, the same code
    with demo.uow() as uow:
        prints = uow.gradings.find_sheet_prints(code)
        assert uow.gradings.count_sheet_prints(grading.id, SheetKind.GRADING) == 3
    assert [(p.copy_no, p.printed_by, p.kind, p.grading_id) for p in prints] == [
        (0, "张三", SheetKind.GRADING, grading.id),
        (1, "李四", SheetKind.GRADING, grading.id),
        (2, "王五", SheetKind.GRADING, grading.id),
    ]
    assert all(len(p.digest) == 64 for p in prints)
    assert sorted(p.name for p in tmp_path.glob("*.pdf*")) == ["first.pdf", "second.pdf", "third.pdf"]  # no partials
    assert not list(tmp_path.glob(".*"))


def test_a_print_prepared_before_someone_elses_is_refused_and_retried(demo: AppContext, tmp_path: Path) -> None:
    row = pick(demo, "lec_panel")
    stale = sheets.prepare_document(demo.uow(), SheetRequest.hazard(row.id))
    save(demo, SheetRequest.hazard(row.id), tmp_path / "other.pdf")
    with pytest.raises(Conflict) as err:
        sheets.record_prints(demo.uow(), stale, "晚到的人")
    assert err.value.code == "sheet_copies_changed"
    with demo.uow() as uow:
        assert len(uow.gradings.find_sheet_prints(stale.prints[0].verify_code)) == 1

    calls = []

    class SlowRenderer:
        """Someone else prints the same sheet while this one renders (first attempt only)."""

        def render(self, document, path):
            if not calls:
                save(demo, SheetRequest.hazard(row.id), tmp_path / "meanwhile.pdf")
            calls.append(document.sheets[0].copy_no)
            sheets.sheet_renderer(demo).render(document, path)

    result = sheets.print_document(demo.uow(), SheetRequest.hazard(row.id), SlowRenderer(), tmp_path / "mine.pdf", "我")
    assert calls == [1, 2]  # rendered again with the copy number it really gets
    assert result.records[0].copy_no == 2 and "第3次打印" in compact(text_of(result.path))


def test_a_failed_render_records_nothing_and_leaves_no_file(demo: AppContext, tmp_path: Path) -> None:
    row = pick(demo, "lec_panel")

    class Broken:
        def render(self, document, path):
            Path(path).write_bytes(b"%PDF-half")
            raise OSError("disk full")

    out = tmp_path / "out"
    out.mkdir()  # the output folder exists (a missing one is refused, not made)
    with pytest.raises(OSError, match="disk full"):
        sheets.print_document(demo.uow(), SheetRequest.hazard(row.id), Broken(), out / "x.pdf", "我")
    assert list(out.iterdir()) == []
    choices = sheets.sheet_choices(demo.uow(), row.id)
    assert all(c.prints == 0 for c in choices)


# ------------------------------------------------------------------------------- verification
def test_an_unchanged_grading_verifies_typed_or_scanned(demo: AppContext, tmp_path: Path) -> None:
    row = pick(demo, "lec_panel")
    result = save(demo, SheetRequest.hazard(row.id), tmp_path / "v.pdf")
    record = result.records[0]
    typed = record.verify_code.lower().replace("-", " ")
    for text in (record.verify_code, typed, qr_payload(record.verify_code, row.number)):
        found = sheets.verify_code(demo.uow(), text)
        assert found.status is VerifyStatus.VERIFIED, text
        assert (found.hazard_number, found.copy_no, found.prints) == (row.number, 0, 1)
        assert found.printed_at == AT and found.printed_by == "测试员"
        assert found.sheet_no == result.prepared.prints[0].sheet_no
        assert found.is_current and not found.missing
    scanned = sheets.verify_code(demo.uow(), qr_payload(record.verify_code, "YH-2026-9999"))
    assert scanned.status is VerifyStatus.VERIFIED and not scanned.number_matches


def test_a_member_score_changed_after_printing_is_reported_altered(demo: AppContext, tmp_path: Path) -> None:
    row = pick(demo, "lec_panel")
    grading = final(demo, row)
    code = save(demo, SheetRequest.hazard(row.id), tmp_path / "v.pdf").records[0].verify_code
    assert db_execute(
        demo, "UPDATE grading_scores SET likelihood = '10' WHERE grading_id = ? AND position = 1", str(grading.id)
    )
    found = sheets.verify_code(demo.uow(), code)
    assert found.status is VerifyStatus.ALTERED and found.hazard_number == row.number and not found.missing


def test_a_mean_changed_after_printing_is_reported_altered(demo: AppContext, tmp_path: Path) -> None:
    row = pick(demo, "lec_panel")
    grading = final(demo, row)
    code = save(demo, SheetRequest.hazard(row.id), tmp_path / "v.pdf").records[0].verify_code
    assert db_execute(demo, "UPDATE gradings SET mean_d = '999' WHERE id = ?", str(grading.id))
    assert sheets.verify_code(demo.uow(), code).status is VerifyStatus.ALTERED


def test_unknown_and_malformed_codes(demo: AppContext) -> None:
    assert sheets.verify_code(demo.uow(), "0000-0000-0000").status is VerifyStatus.UNKNOWN
    assert sheets.verify_code(demo.uow(), "HDV1:ZZZZ-ZZZZ-ZZZZ:YH-2026-0001").status is VerifyStatus.UNKNOWN
    for text, code in (
        ("12345", "verify_code_invalid"),
        ("", "verify_code_invalid"),
        ("HDV1:nonsense", "verify_qr_invalid"),
    ):
        with pytest.raises(ValidationError) as err:
            sheets.verify_code(demo.uow(), text)
        assert err.value.code == code


# ------------------------------------------------------------------------------- batch and dispute
@needs_poppler
def test_a_meeting_prints_as_one_document_with_one_section_per_hazard(demo: AppContext, tmp_path: Path) -> None:
    summaries = grading_service.meetings(demo.uow())
    summary = max(summaries, key=lambda m: m.confirmed)
    gradings = grading_service.meeting_gradings(demo.uow(), summary.meeting.id, confirmed_only=True)
    assert summary.confirmed == len(gradings) > 5

    steps: list[tuple[int, int]] = []
    result = sheets.print_document(
        demo.uow(),
        SheetRequest.meeting(summary.meeting.id),
        sheets.sheet_renderer(demo),
        tmp_path / "meeting.pdf",
        "组长",
        at=AT,
        progress=lambda done, total: steps.append((done, total)),
    )
    n = len(gradings)
    assert steps == [(i, n + 1) for i in range(1, n + 2)]
    document = result.prepared.document
    assert summary.meeting.title in document.title
    assert len(document.sheets) == n == len(result.records)
    with demo.uow() as uow:
        numbers = [uow.hazards.get(g.hazard_id).number for g in gradings]
    assert [s.hazard_number for s in document.sheets] == numbers  # meeting order
    texts = page_texts(result.path)
    assert len(texts) >= n
    sections: list[str] = []
    for page, text in enumerate(texts, start=1):
        on_page = [number for number in numbers if number in text]
        assert len(on_page) == 1, (page, on_page)  # a page belongs to one hazard's sheet
        if not sections or sections[-1] != on_page[0]:
            sections.append(on_page[0])
        assert compact(f"第 {page} 页 共 {len(texts)} 页") in compact(text)
    assert sections == numbers
    assert_fonts_embedded(result.path)
    assert_page_renders(result.path, tmp_path, 1)


@needs_poppler
def test_dispute_ruling_sheet(demo: AppContext, tmp_path: Path) -> None:
    dispute = ruled_dispute(demo)
    with demo.uow() as uow:
        ruling = uow.gradings.get(dispute.ruling_grading_id)
        original = uow.gradings.get(dispute.grading_id)
        number = uow.hazards.get(dispute.hazard_id).number
    result = save(demo, SheetRequest.dispute(dispute.id), tmp_path / "dispute.pdf")
    sheet = result.prepared.document.sheets[0]
    assert isinstance(sheet, DisputeSheet)
    core = number.removeprefix("YH-")
    assert sheet.sheet_no == f"CJ-{core}" and sheet.original.sheet_no == f"PD-{core}"

    text = text_of(result.path)
    flat = compact(text)
    for expected in (
        "争议裁决表", "原判定情况", f"PD-{core}", f"CJ-{core}", "争议情况", dispute.raised_by_department_name,
        dispute.raised_by_person_name, "争议裁决小组评分", "组长", "副组长", "签字", "最终平均D值",
        ruling.mean_text(2), original.mean_text(2), "裁决意见", "裁决组长", sheet.verify_code,
    ):  # fmt: skip
        assert compact(expected) in flat, expected
    assert compact(dispute.reason)[:20] in flat and compact(dispute.ruling_text)[:20] in flat
    for score in ruling.scores:
        assert score.person_name in text
    assert {s.role for s in ruling.scores} >= {PanelRole.LEADER, PanelRole.DEPUTY}
    record = result.records[0]
    assert (record.kind, record.dispute_id, record.grading_id) == (SheetKind.DISPUTE, dispute.id, ruling.id)
    assert_fonts_embedded(result.path)
    assert_page_renders(result.path, tmp_path)

    # the hazard's own sheet is the ruling (final); --dispute of the command line prints the same form
    own = save(demo, SheetRequest.hazard(dispute.hazard_id), tmp_path / "own.pdf")
    assert isinstance(own.prepared.document.sheets[0], DisputeSheet)
    assert own.records[0].copy_no == 1 and own.records[0].verify_code == record.verify_code
    assert sheets.verify_code(demo.uow(), record.verify_code).status is VerifyStatus.VERIFIED
    # the ruling text is part of what the sheet certifies
    db_execute(demo, "UPDATE disputes SET ruling_text = '改过了' WHERE id = ?", str(dispute.id))
    assert sheets.verify_code(demo.uow(), record.verify_code).status is VerifyStatus.ALTERED


def test_an_open_dispute_has_no_ruling_sheet(demo: AppContext) -> None:
    with demo.uow() as uow:
        open_one = uow.gradings.open_disputes()[0]
    with pytest.raises(InvalidTransition) as err:
        sheets.prepare_document(demo.uow(), SheetRequest.dispute(open_one.id))
    assert err.value.code == "dispute_not_ruled"


# ------------------------------------------------------------------------------- sheet numbers
def panel_scores(setup: grading_service.GradingSetup, bump: int = 0) -> list[ScoreEntry]:
    """One member each of 安环部, 生产部 and 工会."""
    people = []
    for kind in (DepartmentKind.SAFETY, DepartmentKind.PRODUCTION, DepartmentKind.UNION):
        people.append(next(p for p in setup.panel_people if p.department_kind is kind))
    values = [("3", "6", "7"), ("1", "6", "7"), ("6", "3", "7")]
    if bump:
        values[0] = ("6", "6", "7")
    return [ScoreEntry(p.person_id, *v) for p, v in zip(people, values, strict=True)]


def test_a_correction_gets_the_next_sheet_number_and_the_old_sheet_says_so(demo: AppContext, tmp_path: Path) -> None:
    row = pick(demo, "lec_panel", open_only=True)  # a closed hazard (已销号) is graded no more
    old = final(demo, row)
    setup = grading_service.grading_setup(demo.uow(), date(2026, 7, 1))
    correction = grading_service.correct_grading(
        demo.uow(),
        old.id,
        GradingRequest(row.id, GradingMethod.LEC_PANEL, tuple(panel_scores(setup, bump=1)), check=no_match(demo)),
        "复核发现可能性取值偏低",
        date(2026, 7, 1),
        leader_id=setup.leaders[0].person_id,
        at=AT,
    )
    grading_service.confirm_grading(demo.uow(), correction.id, at=AT)
    core = row.number.removeprefix("YH-")

    choices = sheets.sheet_choices(demo.uow(), row.id)
    assert [(c.sheet_no, c.is_final, c.superseded) for c in choices] == [
        (f"PD-{core}", False, True),
        (f"PD-{core}-2", True, False),
    ]
    new_sheet = save(demo, SheetRequest.hazard(row.id), tmp_path / "new.pdf")
    flat = compact(text_of(new_sheet.path))
    assert compact(f"表号：PD-{core}-2") in flat and compact(f"更正原判定表 PD-{core}") in flat
    old_sheet = save(demo, SheetRequest.grading(old.id), tmp_path / "old.pdf")
    assert compact(f"已被后续判定（表号 PD-{core}-2）取代") in compact(text_of(old_sheet.path))
    # the old sheet still verifies (its record is intact), but no longer counts
    found = sheets.verify_code(demo.uow(), old_sheet.records[0].verify_code)
    assert found.status is VerifyStatus.VERIFIED and not found.is_current


# ------------------------------------------------------------------------------- a 20-hazard meeting
def twenty_hazard_meeting(context: AppContext) -> object:
    """A meeting grading 20 hazards at once (the demo leaves recent finds ungraded)."""
    ungraded = [r for r in rows(context) if r.grading_method is None and r.status.value == "open"][:20]
    assert len(ungraded) == 20
    setup = grading_service.grading_setup(context.uow(), date(2026, 7, 1))
    meeting = grading_service.open_meeting(
        context.uow(), "2026年第7次隐患分级判定会", date(2026, 7, 1), setup.leaders[0].person_id, at=AT
    )
    requests = [
        GradingRequest(
            r.id, GradingMethod.LEC_PANEL, tuple(panel_scores(setup, i % 2)), check=setup.no_criterion_matched()
        )
        for i, r in enumerate(ungraded)
    ]
    grading_service.grade_batch(context.uow(), meeting.id, requests, confirm=True, at=AT)
    return meeting


def test_twenty_hazard_meeting_document_is_built_and_rendered_in_reasonable_time(
    demo: AppContext, tmp_path: Path
) -> None:
    meeting = twenty_hazard_meeting(demo)
    started = time.perf_counter()
    prepared = sheets.prepare_document(demo.uow(), SheetRequest.meeting(meeting.id))
    built = time.perf_counter()
    renderer = sheets.sheet_renderer(demo)
    renderer.render(prepared.document, tmp_path / "warm.pdf")  # font registration happens once per process
    warm = time.perf_counter()
    result = sheets.print_document(demo.uow(), SheetRequest.meeting(meeting.id), renderer, tmp_path / "m20.pdf", "组长")
    done = time.perf_counter()
    assert len(result.records) == 20 and len(PdfReader(result.path).pages) >= 20
    print(
        f"\n20-hazard meeting: prepare {built - started:.3f}s, first render {warm - built:.3f}s,"
        f" print_document (prepare+render+record) {done - warm:.3f}s, {result.path.stat().st_size // 1024} KB"
    )
    assert done - warm < 30


def test_view_model_is_frozen_and_carries_the_next_copy_number(demo: AppContext) -> None:
    row = pick(demo, "lec_panel")
    document = sheets.grading_sheet_document(demo.uow(), hazard_id=row.id)
    sheet = document.sheets[0]
    assert isinstance(sheet, GradingSheet) and sheet.copy_no == 0
    with pytest.raises(AttributeError):
        sheet.copy_no = 3  # type: ignore[misc]
    assert replace(sheet, copy_no=1).copy_no == 1
    with pytest.raises(ValueError):
        sheets.grading_sheet_document(demo.uow())
