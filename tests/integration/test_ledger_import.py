"""Importing legacy Excel ledgers: the preview of realistic workbooks, idempotency, every bad file."""

from __future__ import annotations

import sqlite3
from datetime import date
from decimal import Decimal

import pytest

from hazard_desktop import paths
from hazard_desktop.adapters.ledger_reader import OpenpyxlLedgerReader
from hazard_desktop.app import close_context
from hazard_desktop.domain.errors import DomainError, ValidationError
from hazard_desktop.domain.ledger import LedgerField
from hazard_desktop.services import ledger_import as li
from hazard_desktop.services.ports import RegisterFilter
from tests import ledger_workbooks as books
from tests.factories import add_person, make_context

TODAY = date(2026, 12, 7)


@pytest.fixture
def context(tmp_path):
    ctx = make_context(tmp_path / "data")
    yield ctx
    close_context(ctx)


@pytest.fixture
def options(context):
    person = add_person(context, "登记员")
    return li.ImportOptions(person.id, None, "4.5")


def _read(path):
    workbook = OpenpyxlLedgerReader().read(path)
    return workbook, li.guess_mapping(workbook)


def _counts(db):
    with sqlite3.connect(db) as connection:
        return tuple(
            connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("hazards", "ledger_imports", "ledger_import_rows", "imported_gradings", "gradings")
        )


def test_standard_ledger_header_and_preview(context, options, tmp_path):
    workbook, mapping = _read(books.standard_ledger(tmp_path))
    assert mapping.data_start == 5  # title, subtitle, spacer, two header rows
    fields = {f: c for c, f in mapping.columns.items()}
    assert fields[LedgerField.LEGACY_NUMBER] == 1 and fields[LedgerField.SCORE] == 9
    assert fields[LedgerField.RESPONSIBLE] == 11 and fields[LedgerField.COMPLETION] == 13
    assert mapping.names[6].endswith("L")  # under the merged "LEC评价"
    preview = li.preview_ledger(context.uow(), workbook, mapping, options, TODAY)
    rows = {row.row_no: row for row in preview.rows}
    assert sorted(rows) == [6, 7, 8, 9, 10, 12, 13, 14, 15, 16, 17, 18]  # row 11 is the blank spacer
    dates = [rows[n].found_on for n in (6, 7, 8, 9, 10, 12, 18)]
    assert dates == [date(2025, 3, d) for d in (5, 6, 7, 8, 9, 10, 16)]  # date, serial, /, ., 年月日, full-width, 〇
    assert rows[12].legacy_number == "AH-2025-006"  # full-width letters made ASCII
    assert rows[7].department_name == "合成一车间"  # the merged department cell applies to both rows
    assert rows[6].score == Decimal(126) and rows[6].kept["responsible"] == "张三"

    def codes(n):
        return [p.code for p in rows[n].problems]

    assert codes(13) == ["ledger_date_invalid"] and rows[13].status is li.RowStatus.REFUSED
    assert codes(14) == ["ledger_department_unknown"] and rows[14].status is li.RowStatus.REFUSED
    assert codes(15) == ["ledger_lec_off_scale"] and rows[15].status is li.RowStatus.NEW and rows[15].score is None
    assert codes(16) == ["ledger_number_duplicate"] and rows[16].problems[0].params["row"] == 8
    assert codes(17) == ["ledger_cell_error"] and rows[17].status is li.RowStatus.REFUSED
    assert preview.count(li.RowStatus.NEW) == 8


def test_import_is_one_transaction_and_idempotent(context, options, tmp_path):
    workbook, mapping = _read(books.standard_ledger(tmp_path))
    db = paths.database_path(tmp_path / "data")
    before = _counts(db)
    result = li.import_ledger(context.uow(), workbook, mapping, options, today=TODAY)
    assert result.imported == 8 and result.refused == 4 and result.batch_id is not None
    assert result.numbers[0] == "YH-2025-0001"  # the usual rule: next number of the year found
    after = _counts(db)
    assert after[0] - before[0] == 8 and after[1] - before[1] == 1 and after[2] - before[2] == 8
    assert after[3] - before[3] == 6  # rows with on-scale LEC values (not 15: off scale; not 18: none)
    assert after[4] == before[4]  # no panel grading was made
    again = li.import_ledger(context.uow(), workbook, mapping, options, today=TODAY)
    assert again.batch_id is None and again.imported == 0 and _counts(db) == after


def test_imported_hazard_is_open_searchable_by_legacy_number_and_keeps_its_origin(context, options, tmp_path):
    workbook, mapping = _read(books.standard_ledger(tmp_path))
    li.import_ledger(context.uow(), workbook, mapping, options, today=TODAY)
    hits = context.register.page(RegisterFilter(text="AH-2025-005"), li_sort(), False, 0, 10)
    assert [row.description for row in hits] == ["叉车未定期检验"]
    hazard_id = hits[0].id
    assert hits[0].status.value == "open" and hits[0].grade.value == "ungraded" and hits[0].grading_method is None
    origin = li.ledger_origin(context.uow(), hazard_id)
    assert origin.row_no == 10 and origin.legacy_number == "AH-2025-005" and origin.sheet_name == "隐患台账"
    assert origin.grading.score == Decimal(108) and origin.grading.likelihood == Decimal(6)
    assert origin.grading.band_code is not None  # banded under the set in force, for history only
    assert origin.kept["measures"] == "送检"


def li_sort():
    from hazard_desktop.services.ports import SortKey

    return SortKey.NUMBER


def test_other_wording_content_hash_and_d_mismatch(context, options, tmp_path):
    workbook, mapping = _read(books.other_ledger(tmp_path))
    assert workbook.sheets[mapping.sheet_index].name == "问题清单" and mapping.data_start == 2
    preview = li.preview_ledger(context.uow(), workbook, mapping, options, TODAY)
    assert [r.found_on for r in preview.rows] == [
        date(2024, 11, 2),
        date(2024, 11, 3),
        date(2024, 11, 4),
        date(2024, 11, 4),
    ]
    assert all(r.key.startswith("sha256:") for r in preview.rows)  # no old numbers: keyed by content
    assert [p.code for p in preview.rows[3].problems] == ["ledger_score_mismatch"]
    assert preview.rows[3].score == Decimal(126)
    assert li.import_ledger(context.uow(), workbook, mapping, options, today=TODAY).imported == 4
    assert li.import_ledger(context.uow(), workbook, mapping, options, today=TODAY).imported == 0


def test_csv_in_gb18030(context, options, tmp_path):
    workbook, mapping = _read(books.csv_ledger(tmp_path))
    preview = li.preview_ledger(context.uow(), workbook, mapping, options, TODAY)
    assert [(r.legacy_number, r.found_on, r.status) for r in preview.rows] == [
        ("CSV-001", date(2026, 1, 5), li.RowStatus.NEW),
        ("CSV-002", date(2026, 1, 6), li.RowStatus.NEW),
    ]


def test_formula_errors_refuse_their_rows_and_write_nothing(context, options, tmp_path):
    workbook, mapping = _read(books.formula_errors(tmp_path))
    preview = li.preview_ledger(context.uow(), workbook, mapping, options, TODAY)
    assert [r.status for r in preview.rows] == [li.RowStatus.REFUSED] * 3
    assert [[p.code for p in r.problems] for r in preview.rows] == [["ledger_cell_error"]] * 3
    assert preview.rows[2].problems[0].params == {"value": "#DIV/0!"}
    db = paths.database_path(tmp_path / "data")
    before = _counts(db)
    result = li.import_ledger(context.uow(), workbook, mapping, options, today=TODAY)
    assert result.batch_id is None and result.refused == 3 and _counts(db) == before


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (books.not_a_workbook, "ledger_not_workbook"),
        (books.password_protected, "ledger_encrypted"),
        (books.old_xls, "ledger_xls"),
        (books.million_rows, "ledger_too_many_rows"),
        (books.zip_bomb, "ledger_too_large"),
    ],
)
def test_bad_files_are_refused_with_their_reason(make, code, tmp_path):
    with pytest.raises(ValidationError) as caught:
        OpenpyxlLedgerReader().read(make(tmp_path))
    assert caught.value.code == code


def test_cancel_rolls_everything_back(context, options, tmp_path):
    workbook, mapping = _read(books.standard_ledger(tmp_path))
    db = paths.database_path(tmp_path / "data")
    before = _counts(db)
    with pytest.raises(DomainError) as caught:
        li.import_ledger(context.uow(), workbook, mapping, options, progress=lambda done, total: done < 3, today=TODAY)
    assert caught.value.code == "ledger_import_cancelled"
    assert _counts(db) == before


def test_editing_an_imported_hazard_keeps_its_legacy_number_searchable(context, options, tmp_path):
    from hazard_desktop.domain.hazards import HazardInput
    from hazard_desktop.services import hazards as hazard_service
    from hazard_desktop.services.ports import SortKey

    workbook, mapping = _read(books.standard_ledger(tmp_path))
    li.import_ledger(context.uow(), workbook, mapping, options, today=TODAY)
    row = context.register.page(RegisterFilter(text="AH-2025-004"), SortKey.NUMBER, False, 0, 5)[0]
    with context.uow() as uow:
        hazard = uow.hazards.get(row.id)
    data = HazardInput("配电室门口挡鼠板缺失（已复核）", hazard.location, hazard.department_id, hazard.category_code,
                       None, hazard.found_by_id, hazard.found_at)  # fmt: skip
    hazard_service.save_hazard(context.uow(), row.id, hazard.revision, data)
    assert [r.id for r in context.register.page(RegisterFilter(text="AH-2025-004"), SortKey.NUMBER, False, 0, 5)] == [
        row.id
    ]
    assert context.register.count(RegisterFilter(text="已复核")) == 1
    assert context.register.count(RegisterFilter(text="门口无挡鼠板")) == 0  # the old text's tokens are gone


def _category_ledger(tmp_path):
    """Three rows: a known category (by name), an unknown one, none."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["发现日期", "隐患描述", "隐患部位", "责任部门", "隐患类别"])
    sheet.append(["2025-05-01", "爬梯无防滑脚", "原料库", "罐区", "生产工艺"])
    sheet.append(["2025-05-02", "护栏松动", "原料库", "罐区", "不存在的类别"])
    sheet.append(["2025-05-03", "地沟盖板缺失", "原料库", "罐区", None])
    path = tmp_path / "categories.xlsx"
    workbook.save(path)
    return _read(path)


def test_without_a_default_category_rows_lacking_a_known_one_are_refused(context, tmp_path):
    add_person(context, "登记员")
    workbook, mapping = _category_ledger(tmp_path)
    assert LedgerField.CATEGORY in mapping.columns.values()
    options = li.choose_options(context.uow())
    assert options.default_category_code is None  # nobody chose a category: none is used
    db = paths.database_path(tmp_path / "data")
    before = _counts(db)
    rows = li.preview_ledger(context.uow(), workbook, mapping, options, TODAY).rows
    assert [(r.status, r.category_code) for r in rows] == [
        (li.RowStatus.NEW, "4.5"),
        (li.RowStatus.REFUSED, None),
        (li.RowStatus.REFUSED, None),
    ]
    assert [(p.code, p.blocking, p.params) for p in rows[1].problems] == [
        ("ledger_category_unknown_refused", True, {"value": "不存在的类别"})
    ]
    assert [(p.code, p.blocking) for p in rows[2].problems] == [("ledger_category_missing", True)]
    result = li.import_ledger(context.uow(), workbook, mapping, options, today=TODAY)
    assert (result.imported, result.refused) == (1, 2)
    assert _counts(db)[0] == before[0] + 1


def test_a_chosen_default_category_stands_in_and_says_so(context, tmp_path):
    add_person(context, "登记员")
    workbook, mapping = _category_ledger(tmp_path)
    options = li.choose_options(context.uow(), category="4.6")
    assert options.default_category_code == "4.6"
    rows = li.preview_ledger(context.uow(), workbook, mapping, options, TODAY).rows
    assert [(r.status, r.category_code) for r in rows] == [
        (li.RowStatus.NEW, "4.5"),
        (li.RowStatus.NEW, "4.6"),
        (li.RowStatus.NEW, "4.6"),
    ]
    assert [(p.code, p.blocking) for p in rows[1].problems] == [("ledger_category_unknown", False)]
    assert rows[2].problems == ()
    with pytest.raises(ValidationError) as refused:
        li.choose_options(context.uow(), category="9.9")
    assert refused.value.code == "category_unknown"


def _finder_ledger(tmp_path):
    lines = [
        "隐患编号,发现日期,隐患部位,隐患描述,责任单位,发现人",
        "F-1,2026/1/5,罐区,防火堤裂缝,罐区,老张（外包）",
        "F-2,2026/1/6 08:30,精馏车间,现场无警示标识,精馏车间,",
        "F-3,2026/1/7,罐区,呼吸阀锈蚀,罐区,王检查",
    ]
    path = tmp_path / "发现人.csv"
    path.write_bytes("\r\n".join(lines).encode("gb18030"))
    return path


def test_an_imported_hazard_says_what_the_ledger_said_of_its_finder_and_its_time(context, options, tmp_path):
    """Not the importer as 发现人, not an invented 12:00: the ledger's text, "not recorded", a date only."""
    from hazard_desktop.services.ports import SortKey
    from hazard_desktop.services.sheet_records import found_texts

    known = add_person(context, "王检查")
    workbook, mapping = _read(_finder_ledger(tmp_path))
    assert li.import_ledger(context.uow(), workbook, mapping, options, today=TODAY).imported == 3
    rows = {r.description: r for r in context.register.page(RegisterFilter(), SortKey.NUMBER, False, 0, 50)}
    with context.uow() as uow:
        named, nobody, matched = (uow.hazards.get(rows[d].id) for d in ("防火堤裂缝", "现场无警示标识", "呼吸阀锈蚀"))

    assert named.found_by_text == "老张（外包）" and named.found_date_only
    assert named.found_by_id == options.recorder_id  # only who imported it: never shown as 发现人
    assert found_texts(named, "登记员") == ("2026-01-05", "老张（外包）")
    assert rows["防火堤裂缝"].found_by_name == "老张（外包）" and rows["防火堤裂缝"].found_date_only

    assert nobody.found_by_text == "" and not nobody.found_date_only  # the ledger gave 08:30: kept, not 12:00
    assert nobody.found_at.astimezone().strftime("%Y-%m-%d %H:%M") == "2026-01-06 08:30"
    assert found_texts(nobody, "登记员") == ("2026-01-06 08:30", "原台账未记录")
    assert rows["现场无警示标识"].found_by_name == ""  # the register shows "not recorded in the old ledger"

    assert matched.found_by_id == known.id and matched.found_by_text == "王检查"

    # searchable by the ledger's 发现人
    assert [r.id for r in context.register.page(RegisterFilter(text="老张"), SortKey.NUMBER, False, 0, 5)] == [named.id]
    # the exported ledger's 排查人 column says the same
    source = context.ledger_source()
    try:
        exported = {r.description: r.found_by for r in source.rows(RegisterFilter(), SortKey.NUMBER, False)}
    finally:
        source.close()
    assert exported["防火堤裂缝"] == "老张（外包）" and exported["现场无警示标识"] == "原台账未记录"
    assert exported["呼吸阀锈蚀"] == "王检查"


def test_editing_an_imported_hazard_keeps_the_ledger_s_finder(context, options, tmp_path):
    from hazard_desktop.domain.hazards import HazardInput
    from hazard_desktop.services import hazards as hazard_service
    from hazard_desktop.services.ports import SortKey

    workbook, mapping = _read(_finder_ledger(tmp_path))
    li.import_ledger(context.uow(), workbook, mapping, options, today=TODAY)
    row = context.register.page(RegisterFilter(text="F-1"), SortKey.NUMBER, False, 0, 5)[0]
    with context.uow() as uow:
        hazard = uow.hazards.get(row.id)
    data = HazardInput("防火堤裂缝（已复核）", hazard.location, hazard.department_id, hazard.category_code,
                       None, hazard.found_by_id, hazard.found_at)  # fmt: skip
    hazard_service.save_hazard(context.uow(), row.id, hazard.revision, data)
    with context.uow() as uow:
        saved = uow.hazards.get(row.id)
    assert saved.description == "防火堤裂缝（已复核）"
    assert saved.found_by_text == "老张（外包）" and saved.found_date_only
    assert context.register.count(RegisterFilter(text="老张")) == 1


def test_a_category_written_as_the_program_shows_it_is_known(context, tmp_path):
    """The register and the import dialog show a category as "4.6 设备/设施/工器具类隐患"; a ledger copied
    from them names it so, with or without the space, in Chinese or English."""
    add_person(context, "登记员")
    uow = context.uow()
    with uow:
        category = next(c for c in uow.reference.categories() if c.code == "4.6")
    spelled = [
        f"{category.code} {category.name_zh}",
        f"{category.code}{category.name_zh}",
        f"{category.code} {category.name_en}",
    ]
    lines = ["隐患编号,发现日期,隐患部位,隐患描述,责任单位,隐患类别"]
    lines += [f"C-{n},2026/1/5,罐区,防火堤裂缝 {n},罐区,{name}" for n, name in enumerate(spelled, 1)]
    lines.append("C-9,2026/1/5,罐区,防火堤裂缝 9,罐区,4.6 不存在的类别")
    path = tmp_path / "类别.csv"
    path.write_bytes("\r\n".join(lines).encode("gb18030"))
    workbook, mapping = _read(path)
    rows = li.preview_ledger(context.uow(), workbook, mapping, li.choose_options(context.uow()), TODAY).rows
    assert [(r.status, r.category_code) for r in rows] == [(li.RowStatus.NEW, "4.6")] * 3 + [
        (li.RowStatus.REFUSED, None)
    ]


def test_a_ledger_finder_several_people_are_called_is_not_guessed(context, options, tmp_path):
    """Two 王检查 (each with a 工号): the ledger's "王检查" named the first of them silently. Now neither: the
    importer stands as found_by_id (never shown: the ledger's text is), and the preview says why."""
    add_person(context, "王检查", "AHB")
    add_person(context, "王检查", "SCB")
    workbook, mapping = _read(_finder_ledger(tmp_path))
    preview = li.preview_ledger(context.uow(), workbook, mapping, options, TODAY)
    row = next(r for r in preview.rows if r.description == "呼吸阀锈蚀")
    assert [(p.code, p.params) for p in row.problems] == [("ledger_finder_ambiguous", {"value": "王检查"})]
    assert row.status is li.RowStatus.NEW and row.found_by_id == options.recorder_id
    assert li.import_ledger(context.uow(), workbook, mapping, options, today=TODAY).imported == 3
    from hazard_desktop.services.ports import SortKey

    page = context.register.page(RegisterFilter(), SortKey.NUMBER, False, 0, 50)
    found = next(r for r in page if r.description == "呼吸阀锈蚀")
    with context.uow() as uow:
        stored = uow.hazards.get(found.id)
    assert stored.found_by_id == options.recorder_id and stored.found_by_text == "王检查"
