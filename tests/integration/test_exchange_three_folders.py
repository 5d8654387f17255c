"""Issue 15's three-folder test: an office register and two field laptops as three data folders.

Hazards made on both laptops reach the office with distinct numbers; the office grades and assigns; the
assignments reach the laptops; a laptop accepts the rectification; the office sees it; importing again
changes nothing; a hazard changed on both sides is a conflict, shown field by field and resolved.
"""

from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from hazard_desktop import paths
from hazard_desktop.adapters.audit import SqliteAuditTrail
from hazard_desktop.domain.exchange import Role, Side
from hazard_desktop.domain.hazards import HazardStatus
from hazard_desktop.domain.rectification import AcceptanceInput, PhotoStage
from hazard_desktop.services import exchange as ex
from hazard_desktop.services import rectification as svc
from hazard_desktop.services.hazards import PhotoFile, create_hazard, update_hazard
from tests.factories import hazard_input
from tests.integration.exchange_helpers import contents, laptop, office
from tests.integration.test_hazard_services import jpeg
from tests.integration.test_rectification import AT, Cast, five, grade_general


@pytest.fixture(autouse=True)
def plant_time_zone(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def plant(tmp_path):
    hq = office(tmp_path)
    a1 = laptop(tmp_path, hq, "A1")
    a2 = laptop(tmp_path, hq, "A2")
    yield hq, a1, a2
    for site in (hq, a1, a2):
        site.close()


def cast_of(site):
    from hazard_desktop.services.demo import ensure_people

    return Cast(ensure_people(site.context.uow()))


def find(site, cast, n, photos=()):
    with site.context.uow() as uow:
        hc1 = next(d for d in uow.reference.departments() if d.code == "HC1")
    data = hazard_input(
        site.context, cast.finder, description=f"{site.code} 隐患{n} 机封泄漏", department_id=hc1.id,
        found_at=datetime(2026, 3, 1, 8, 0, tzinfo=UTC) + timedelta(hours=n),
    )  # fmt: skip
    return create_hazard(site.context.uow(), data, photos=photos, images=site.context.images)


def hazard(site, hazard_id):
    with site.context.uow() as uow:
        return uow.hazards.get(hazard_id)


def test_laptops_join_with_the_plant_identity_and_their_own_number_slots(plant):
    hq, a1, a2 = plant
    me1, me2, me0 = (ex.get_identity(s.store) for s in (a1, a2, hq))
    assert me1 is not None and me2 is not None and me0 is not None
    assert (me1.role, me1.short_code, me1.plant_id) == (Role.FIELD, "A1", me0.plant_id)
    assert {me1.number_slot, me2.number_slot} == {1, 2}
    assert me0.number_slot == 0
    # the laptops hold the office's reference data and people, record for record
    assert contents(a1)["department"] == contents(hq)["department"]
    assert contents(a2)["person"] == contents(hq)["person"]


def test_findings_go_up_assignments_down_and_an_acceptance_up_again(plant):
    hq, a1, a2 = plant
    c1, c2, c0 = cast_of(a1), cast_of(a2), cast_of(hq)
    h1 = find(a1, c1, 1, photos=[PhotoFile("p.jpg", jpeg(80, 60))])
    h2 = find(a1, c1, 2)
    h3 = find(a2, c2, 3)
    h4 = find(a2, c2, 4)
    numbers = {h.number for h in (h1, h2, h3, h4)}
    assert numbers == {"YH-2026-10001", "YH-2026-10002", "YH-2026-20001", "YH-2026-20002"}

    up1, up2 = a1.send(), a2.send()
    preview = ex.exchange_preview(hq.store, hq.files, up2)  # out of order: A2's first
    assert {k.kind: k.new for k in preview.kinds}["hazard"] == 2 and not preview.joins
    assert hq.take(up2).conflicts_opened == 0
    result = hq.take(up1)
    assert {k.kind: k.new for k in result.preview.kinds}["hazard_photo"] == 1
    assert result.preview.photos == 1  # one photo, though its original and display size travel as two files
    assert {hazard(hq, h.id).number for h in (h1, h2, h3, h4)} == numbers
    assert hazard(hq, h1.id).photos and hazard(hq, h1.id).photos[0].id == h1.photos[0].id
    # the trail's records of the photo files took the digests the import had checked: they are the bytes' own
    assert SqliteAuditTrail(paths.database_path(hq.folder)).verify().ok
    # the same files again, in either order: nothing changes and the preview says so
    assert hq.take(up1).changed_nothing and hq.take(up2).changed_nothing

    graded = grade_general(hq.context, c0, hazard(hq, h1.id))
    assigned = svc.assign(hq.context.uow(), h1.id, graded.revision, c0.safety.id, five(hq.context, c0), at=AT)
    assert assigned.status is HazardStatus.RECTIFYING
    down1 = hq.send("A1")
    preview = ex.exchange_preview(a1.store, a1.files, down1)
    counts = {k.kind: k for k in preview.kinds}
    assert counts["hazard"].changed == 1 and counts["hazard"].new == 2  # h1 graded; A2's two hazards
    assert counts["grading"].new == 1 and counts["rectification_assignment"].new == 1
    a1.take(down1)
    on_laptop = svc.load_view(a1.context.uow(), h1.id, today=AT.date())
    assert on_laptop.hazard.status is HazardStatus.RECTIFYING and on_laptop.assignment is not None
    assert on_laptop.hazard.deadline == assigned.deadline

    # the field follows up and accepts
    now = AT + timedelta(days=3)
    h = svc.submit_for_acceptance(
        a1.context.uow(), h1.id, on_laptop.hazard.revision, c1.responsible.id, c1.acceptor.id, "已更换机封",
        [svc.StagedPhoto(PhotoFile("after.jpg", jpeg(64, 48)), PhotoStage.AFTER)], a1.context.images, at=now,
    )  # fmt: skip
    h = svc.accept(
        a1.context.uow(), h1.id, h.revision, c1.acceptor.id, AcceptanceInput("合格"), at=now + timedelta(days=1)
    )
    assert h.status is HazardStatus.CLOSED
    back = a1.send()
    counts = {k.kind: k for k in ex.exchange_preview(hq.store, hq.files, back).kinds}
    assert counts["hazard"].changed == 1 and counts["acceptance"].new == 1 and counts["rectification_photo"].new == 1
    hq.take(back)
    seen = svc.load_view(hq.context.uow(), h1.id, today=h.closed_on)
    assert seen.hazard.status is HazardStatus.CLOSED and seen.closing is not None
    assert seen.hazard.closed_on == h.closed_on

    # everything reaches A2 through the office; all three hold the same hazards and loop records
    a2.take(hq.send("A2"))
    a1.take(hq.send("A1"))
    c_hq, c_a1, c_a2 = contents(hq), contents(a1), contents(a2)
    for kind in ("hazard", "hazard_photo", "grading", "rectification_assignment", "acceptance", "hazard_transition"):
        assert c_hq[kind] == c_a1[kind] == c_a2[kind], kind
    # a laptop sends nothing again that the office has
    assert not any(k.new or k.changed for k in ex.exchange_preview(hq.store, hq.files, a1.send()).kinds)


def test_a_hazard_changed_on_both_sides_is_kept_twice_until_resolved_field_by_field(plant):
    hq, a1, a2 = plant
    c2, c0 = cast_of(a2), cast_of(hq)
    h = find(a2, c2, 7)
    hq.take(a2.send())
    a1.take(hq.send("A1"))
    at_office = update_hazard(
        hq.context.uow(), h.id, h.revision, hazard_input(hq.context, c0.finder, description="办公室改的描述",
                                                          department_id=h.department_id, found_at=h.found_at),
    )  # fmt: skip
    update_hazard(
        a2.context.uow(), h.id, h.revision, hazard_input(a2.context, c2.finder, description=h.description,
                                                          location="现场改的位置", department_id=h.department_id,
                                                          found_at=h.found_at),
    )  # fmt: skip
    file = a2.send()
    counts = {k.kind: k for k in ex.exchange_preview(hq.store, hq.files, file).kinds}
    assert counts["hazard"].conflicts == 1
    assert hq.take(file).conflicts_opened == 1
    assert hq.take(file).changed_nothing  # the same conflict again is not a new one
    # the office keeps its version meanwhile, the hazard is marked
    assert hazard(hq, h.id).description == "办公室改的描述"
    import sqlite3

    from hazard_desktop import paths

    with sqlite3.connect(paths.database_path(hq.folder)) as con:
        assert con.execute("SELECT exchange_conflict FROM hazards WHERE id = ?", (str(h.id),)).fetchone() == (1,)
    [conflict] = ex.conflicts(hq.store)
    fields = {f.name: f for f in conflict.fields}
    assert conflict.hazard_number == h.number and conflict.sender == "A2"
    assert (fields["description"].local, fields["description"].incoming) == ("办公室改的描述", h.description)
    assert (fields["location"].local, fields["location"].incoming) == (at_office.location, "现场改的位置")
    assert fields["description"].local_text == "办公室改的描述"  # display texts (names for departments, people)
    assert "department_id" not in fields and "number" not in fields  # only what differs
    assert not fields.keys() & {"updated_at", "created_at", "revision"}  # bookkeeping is no one's choice

    ex.resolve_conflict(hq.store, conflict.id, {"description": Side.LOCAL, "location": Side.INCOMING})
    merged = hazard(hq, h.id)
    assert (merged.description, merged.location) == ("办公室改的描述", "现场改的位置")
    assert ex.conflicts(hq.store) == []
    with sqlite3.connect(paths.database_path(hq.folder)) as con:
        assert con.execute("SELECT exchange_conflict FROM hazards WHERE id = ?", (str(h.id),)).fetchone() == (0,)
    # the laptop takes the merged version without a conflict; both then hold the same record
    result = a2.take(hq.send("A2"))
    assert result.conflicts_opened == 0
    assert contents(a2)["hazard"][str(h.id)] == contents(hq)["hazard"][str(h.id)]
    with pytest.raises(Exception) as info:
        ex.resolve_conflict(hq.store, conflict.id, {})
    assert getattr(info.value, "code", None) == "conflict_not_found"


def test_an_imported_hazard_s_ledger_finder_travels_and_other_records_keep_their_revision(plant, tmp_path):
    """The columns of revision 0014 travel with an imported hazard; absent (NULL) they are left out of a
    record, so every other hazard keeps the revision agreed with the peers before they existed."""
    from hazard_desktop.adapters.ledger_reader import OpenpyxlLedgerReader
    from hazard_desktop.domain.exchange import RECORD_KINDS
    from hazard_desktop.services import ledger_import as li

    hq, a1, _a2 = plant
    plain = find(a1, cast_of(a1), 1)
    path = tmp_path / "old.csv"
    path.write_bytes(
        "隐患编号,发现日期,隐患部位,隐患描述,发现人\r\nOLD-1,2025/3/5,罐区,防火堤裂缝,老张（外包）".encode("gb18030")
    )
    workbook = OpenpyxlLedgerReader().read(path)
    cast = cast_of(hq)
    with hq.context.uow() as uow:
        department = next(d for d in uow.reference.departments() if d.code == "HC1")
        category = uow.reference.categories()[1].code
    options = li.ImportOptions(cast.finder.id, department.id, category)
    result = li.import_ledger(hq.context.uow(), workbook, li.guess_mapping(workbook), options)
    assert result.imported == 1
    hq.take(a1.send())
    a1.take(hq.send("A1"))
    kind = next(k for k in RECORD_KINDS if k.table == "hazards")
    with a1.store.session() as session:
        on_laptop = dict(session.records(kind))
    imported = next(f for f in on_laptop.values() if f.get("legacy_number") == "OLD-1")
    assert imported["found_by_text"] == "老张（外包）" and imported["found_date_only"] == 1
    assert "found_by_text" not in on_laptop[plain.id] and "found_date_only" not in on_laptop[plain.id]
    with a1.context.uow() as uow:
        assert uow.hazards.get(uuid.UUID(str(imported["id"]))).found_by_text == "老张（外包）"
    assert hq.take(a1.send()).changed_nothing and a1.take(hq.send("A1")).changed_nothing


def test_a_statistics_report_saved_at_the_office_is_recognised_on_a_laptop(plant, tmp_path):
    from datetime import date

    from hazard_desktop.domain.reporting import year_period
    from hazard_desktop.services import reports
    from hazard_desktop.services import sheets as sheet_service
    from hazard_desktop.services.sheet_requests import VerifyStatus

    hq, a1, _a2 = plant
    queries = hq.context.statistics()
    try:
        report = reports.write_report(
            queries, "测试化工", year_period(2026), tmp_path / "annual.pdf", hq.context.report_renderers,
            today=date(2026, 12, 7), uow_factory=hq.context.uow, printed_by="王丽萍",
        )  # fmt: skip
    finally:
        queries.close()
    assert sheet_service.verify_code(a1.context.uow(), report.verify_code).status is VerifyStatus.UNKNOWN
    a1.take(hq.send("A1"))
    found = sheet_service.verify_code(a1.context.uow(), report.verify_code)
    assert found.status is VerifyStatus.VERIFIED and found.sheet_no == "2026" and found.printed_by == "王丽萍"


def test_a_major_grading_travels_with_the_panel_that_decided_it_once(plant):
    """Revision 0015: the panel of a grading without scores travels with its grading (append-once, like the
    scores): the laptop prints the same panel, and importing again adds nothing."""
    from hazard_desktop.services import sheets
    from tests.integration.test_rectification import grade_major

    hq, a1, _ = plant
    c1, c0 = cast_of(a1), cast_of(hq)
    h1 = find(a1, c1, 1)
    hq.take(a1.send())
    grade_major(hq.context, c0, hazard(hq, h1.id))  # by criteria, without scores: its panel recorded
    down = hq.send("A1")
    counts = {k.kind: k for k in ex.exchange_preview(a1.store, a1.files, down).kinds}
    assert counts["grading"].new == 1 and counts["grading_panel_member"].new == 3
    a1.take(down)
    assert contents(a1)["grading_panel_member"] == contents(hq)["grading_panel_member"]
    at_office = sheets.grading_sheet_document(hq.context.uow(), h1.id).sheets[0]
    on_laptop = sheets.grading_sheet_document(a1.context.uow(), h1.id).sheets[0]
    assert on_laptop.members == at_office.members and len(on_laptop.members) == 3 and not on_laptop.panel_note
    assert a1.take(hq.send("A1")).changed_nothing
    assert not any(k.new or k.changed for k in ex.exchange_preview(hq.store, hq.files, a1.send()).kinds)


def test_a_general_grading_travels_with_its_major_hazard_check(plant):
    """Revision 0016: a LEC grading's §5.1 check (criteria version, time, who) travels with the grading: the
    laptop holds the same record (so the same verify code) and prints the same check; importing again adds nothing."""
    from hazard_desktop.domain.grading import canonical_record
    from hazard_desktop.domain.verification import record_digest
    from hazard_desktop.services import grading as grading_service
    from hazard_desktop.services import sheets

    hq, a1, _ = plant
    c1, c0 = cast_of(a1), cast_of(hq)
    h1 = find(a1, c1, 1)
    hq.take(a1.send())
    grade_general(hq.context, c0, hazard(hq, h1.id))
    a1.take(hq.send("A1"))
    at_office = grading_service.final_grading(hq.context.uow(), h1.id)
    on_laptop = grading_service.final_grading(a1.context.uow(), h1.id)
    assert at_office.major_check is not None and on_laptop.major_check == at_office.major_check
    assert record_digest(canonical_record(on_laptop)) == record_digest(canonical_record(at_office))
    office_sheet = sheets.grading_sheet_document(hq.context.uow(), h1.id).sheets[0]
    laptop_sheet = sheets.grading_sheet_document(a1.context.uow(), h1.id).sheets[0]
    assert laptop_sheet.basis_lines == office_sheet.basis_lines
    assert any("逐条核对：未符合任一条款" in line for line in laptop_sheet.basis_lines)
    assert a1.take(hq.send("A1")).changed_nothing
