"""The Excel ledger read back with openpyxl: layout, values, real dates, numbers, band colours, print
setup, the register's filter and order; a cancel, a failure or a bad target leaves no file."""

from __future__ import annotations

import json
import logging
import sqlite3
import subprocess
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from hazard_desktop import cli, paths
from hazard_desktop.adapters.ledger_xlsx import XlsxLedgerWriter
from hazard_desktop.app import build_context, close_context
from hazard_desktop.domain.errors import ValidationError
from hazard_desktop.domain.hazards import HazardGrade, HazardStatus
from hazard_desktop.services.context import AppContext
from hazard_desktop.services.ledger_export import (
    LEDGER_COLUMNS,
    BandCell,
    LedgerCancelled,
    LedgerRequest,
    LedgerRow,
    export_ledger,
)
from hazard_desktop.services.ports import RegisterFilter, RegisterRow, SortKey
from tests.integration.test_sheet_service import copy_demo

HEADERS = [c.header for c in LEDGER_COLUMNS]
LAST = openpyxl.utils.get_column_letter(len(LEDGER_COLUMNS))
COL = {c.key: i for i, c in enumerate(LEDGER_COLUMNS)}
FIRST_DATA_ROW = 4


@pytest.fixture
def demo(sheet_demo_folder: Path, tmp_path: Path) -> Iterator[AppContext]:
    context = build_context(copy_demo(sheet_demo_folder, tmp_path / "data"))
    yield context
    close_context(context)


def export(context: AppContext, target: Path, request: LedgerRequest | None = None, **kwargs: object):
    assert context.ledger_source is not None and context.ledger_writer is not None
    return export_ledger(
        context.uow(),
        context.ledger_source(),
        context.ledger_writer,
        request or LedgerRequest(),
        target,
        **kwargs,  # type: ignore[arg-type]
    )


def register_rows(context: AppContext, flt: RegisterFilter, sort: SortKey, descending: bool) -> list[RegisterRow]:
    return list(context.register.page(flt, sort, descending, 0, 100_000))


def data_rows(path: Path) -> list[tuple]:
    sheet = openpyxl.load_workbook(path).active
    return [row for row in sheet.iter_rows(min_row=FIRST_DATA_ROW, values_only=True)]


def test_the_ledger_holds_every_hazard_in_the_ledger_layout(demo: AppContext, tmp_path: Path) -> None:
    target = tmp_path / "out" / "台账.xlsx"
    target.parent.mkdir()
    result = export(demo, target, today=date(2026, 12, 7))
    expected = register_rows(demo, RegisterFilter(), SortKey.NUMBER, False)
    assert result.rows == len(expected) > 250
    assert sorted(p.name for p in target.parent.iterdir()) == ["台账.xlsx"]  # no temporary left

    book = openpyxl.load_workbook(target)
    sheet = book.active
    assert sheet.title == "隐患台账"
    title, subtitle = sheet["A1"].value, sheet["A2"].value
    with demo.uow() as uow:
        plant = uow.settings.get("plant_name")
    assert title == f"{plant} 隐患排查治理台账"
    first, last = (r.found_at.astimezone().date() for r in (min(expected, key=lambda r: r.found_at),
                                                             max(expected, key=lambda r: r.found_at)))  # fmt: skip
    assert f"排查期间：{first} 至 {last}" in subtitle and f"共 {len(expected)} 条" in subtitle
    assert "导出日期：2026-12-07" in subtitle
    assert {str(r) for r in sheet.merged_cells.ranges} >= {f"A1:{LAST}1", f"A2:{LAST}2"}
    assert [c.value for c in sheet[3]] == HEADERS

    rows = data_rows(target)
    assert len(rows) == len(expected)
    bands = band_colours(demo)
    for seq, (row, hazard) in enumerate(zip(rows, expected, strict=True), start=1):
        assert row[COL["seq"]] == seq
        assert row[COL["number"]] == hazard.number
        assert row[COL["found_on"]] == datetime.combine(hazard.found_at.astimezone().date(), datetime.min.time())
        assert row[COL["found_by"]] == hazard.found_by_name
        assert row[COL["department"]] == hazard.department_name
        assert row[COL["description"]] == hazard.description
        assert row[COL["location"]].startswith(hazard.location)
        assert row[COL["grade"]] == {"ungraded": "未定级", "general": "一般", "major": "重大"}[hazard.grade.value]
        assert row[COL["status"]] == {"open": "待定级", "graded": "已定级", "rectifying": "整改中",
                                      "verifying": "待验收", "closed": "已销号"}[hazard.status.value]  # fmt: skip
        if hazard.mean_d is None:
            assert row[COL["mean_d"]] is None
        else:
            assert row[COL["mean_d"]] == pytest.approx(float(hazard.mean_d))
        if hazard.band_code is None:
            assert row[COL["band"]] is None
        else:
            assert row[COL["band"]] == bands[hazard.band_code][0]

    # the cells are typed: real dates, numbers, coloured bands
    first_data = sheet.cell(FIRST_DATA_ROW, COL["found_on"] + 1)
    assert first_data.is_date and first_data.number_format == "yyyy-mm-dd"
    banded = [r for r, h in enumerate(expected) if h.band_code is not None]
    assert banded, "the demo has LEC gradings"
    for index in banded[:20]:
        hazard = expected[index]
        d_cell = sheet.cell(FIRST_DATA_ROW + index, COL["mean_d"] + 1)
        assert d_cell.data_type == "n" and d_cell.number_format == "0.00"
        band_cell = sheet.cell(FIRST_DATA_ROW + index, COL["band"] + 1)
        assert band_cell.fill.fgColor.rgb == "FF" + bands[hazard.band_code][1].lstrip("#").upper()
    assert sheet.cell(FIRST_DATA_ROW, COL["seq"] + 1).data_type == "n"


def band_colours(context: AppContext) -> dict[str, tuple[str, str]]:
    with context.uow() as uow:
        sets = sorted(uow.lec.threshold_sets(), key=lambda s: s.effective_from)
    return {b.code: (b.name_zh, b.colour) for s in sets for b in s.bands}


def test_major_hazards_list_the_criteria_they_match(demo: AppContext, tmp_path: Path) -> None:
    target = tmp_path / "major.xlsx"
    export(demo, target, LedgerRequest(RegisterFilter(methods=frozenset({"criteria"}))))
    rows = data_rows(target)
    assert rows, "the demo has hazards graded 重大 by the criteria"
    for row in rows:
        assert row[COL["grade"]] == "重大" and row[COL["method"]] == "重大隐患判定标准"
        assert row[COL["criteria"]], row


def test_the_rectification_columns_show_the_five_fixes_and_the_acceptance(demo: AppContext, tmp_path: Path) -> None:
    """五定, 验收人, 验收日期 and 销号日期 against the stored rows, read here with plain SQL."""
    target = tmp_path / "loop.xlsx"
    export(demo, target)
    con = sqlite3.connect(paths.database_path(demo.data_dir))
    try:
        stored = {
            number: row
            for number, *row in con.execute(
                "SELECT h.number, d.name, p.name, ra.measures, ra.funds, h.deadline, ra.interim_measures, h.closed_on"
                " FROM hazards h LEFT JOIN rectification_assignments ra ON ra.hazard_id = h.id"
                " LEFT JOIN departments d ON d.id = h.responsible_department_id"
                " LEFT JOIN people p ON p.id = h.responsible_person_id"
            )
        }
        accepted = {
            number: (json.loads(by)["name"], on)
            for number, by, on in con.execute(
                "SELECT h.number, a.decided_by, a.decided_on FROM acceptances a JOIN hazards h ON h.id = a.hazard_id"
                " WHERE a.result = 'accepted' ORDER BY a.decided_at"
            )
        }
    finally:
        con.close()

    def day(value: datetime | None) -> str | None:
        return None if value is None else value.date().isoformat()

    rows = data_rows(target)
    assigned = closed = 0
    for row in rows:
        department, person, measures, funds, deadline, interim, closed_on = stored[row[COL["number"]]]
        assert row[COL["responsible_department"]] == department
        assert row[COL["responsible_person"]] == person
        assert row[COL["measures"]] == (measures or None)
        assert row[COL["funds"]] == (None if funds is None else pytest.approx(float(Decimal(funds))))
        assert day(row[COL["deadline"]]) == deadline
        assert row[COL["interim_measures"]] == (interim or None)
        assert day(row[COL["closed_on"]]) == closed_on
        by, on = accepted.get(row[COL["number"]], (None, None))
        assert row[COL["accepted_by"]] == by and day(row[COL["accepted_on"]]) == on
        assigned += measures is not None
        closed += closed_on is not None
    assert assigned > 50 and closed > 50, "the demo register covers the rectification loop"
    sheet = openpyxl.load_workbook(target).active
    funded = next(i for i, row in enumerate(rows) if row[COL["funds"]])
    assert sheet.cell(FIRST_DATA_ROW + funded, COL["funds"] + 1).number_format == "#,##0.00"


def test_the_sheet_is_set_up_for_screen_and_print(demo: AppContext, tmp_path: Path) -> None:
    target = tmp_path / "print.xlsx"
    result = export(demo, target)
    sheet = openpyxl.load_workbook(target).active
    assert sheet.freeze_panes == "C4"  # header rows and 序号/编号 stay in view
    assert sheet.print_title_rows == "$3:$3"  # the header row repeats on every page
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.paperSize == 9  # A4
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.page_setup.fitToWidth in (None, 1) and sheet.page_setup.fitToHeight == 0  # one page wide
    assert sheet.auto_filter.ref == f"A3:{LAST}{3 + result.rows}"
    assert "&P" in sheet.oddFooter.center.text
    for column in LEDGER_COLUMNS:  # widths fit the Chinese headers in two lines (2 units a character)
        letter = openpyxl.utils.get_column_letter(LEDGER_COLUMNS.index(column) + 1)
        width = sheet.column_dimensions[letter].width
        assert width >= column.width and 2 * len(column.header.replace(" ", "")) <= 2 * width
    assert sheet.row_dimensions[3].height >= 30  # room for a header of two lines
    # A4 landscape fit to width: the widths decide the printed size; keep the text readable (≥ half size)
    assert sum(c.width for c in LEDGER_COLUMNS) <= 290


@pytest.mark.parametrize(
    ("flt", "sort", "descending"),
    [
        (RegisterFilter(statuses=frozenset({HazardStatus.CLOSED, HazardStatus.RECTIFYING})), SortKey.NUMBER, False),
        (RegisterFilter(grades=frozenset({HazardGrade.MAJOR})), SortKey.FOUND_AT, True),
        (RegisterFilter(text="泄漏"), SortKey.MEAN_D, True),
        (
            RegisterFilter(
                found_from=datetime(2026, 1, 1).astimezone(), found_before=datetime(2026, 7, 1).astimezone()
            ),
            SortKey.DEPARTMENT,
            False,
        ),
    ],
)
def test_the_register_filter_and_order_are_respected(
    demo: AppContext, tmp_path: Path, flt: RegisterFilter, sort: SortKey, descending: bool
) -> None:
    target = tmp_path / "filtered.xlsx"
    result = export(demo, target, LedgerRequest(flt, sort, descending))
    expected = [r.number for r in register_rows(demo, flt, sort, descending)]
    assert 0 < len(expected) < demo.register.count(RegisterFilter())
    assert result.rows == len(expected)
    assert [row[COL["number"]] for row in data_rows(target)] == expected


def test_the_title_names_the_filter_period(demo: AppContext, tmp_path: Path) -> None:
    target = tmp_path / "q1.xlsx"
    flt = RegisterFilter(found_from=datetime(2026, 1, 1).astimezone(), found_before=datetime(2026, 4, 1).astimezone())
    export(demo, target, LedgerRequest(flt))
    subtitle = openpyxl.load_workbook(target).active["A2"].value
    assert "排查期间：2026-01-01 至 2026-03-31" in subtitle and "筛选" not in subtitle  # the period is the filter


def test_the_subtitle_says_what_the_filter_kept(demo: AppContext, tmp_path: Path) -> None:
    target = tmp_path / "kept.xlsx"
    with demo.uow() as uow:
        department = uow.reference.departments()[0]
    flt = RegisterFilter(
        statuses=frozenset({HazardStatus.RECTIFYING, HazardStatus.OPEN}), text="泄漏", department_id=department.id
    )
    export(demo, target, LedgerRequest(flt))
    subtitle = openpyxl.load_workbook(target).active["A2"].value
    assert f"筛选（状态：待定级、整改中；关键词：泄漏；责任部门：{department.name}）" in subtitle
    assert "另有" not in subtitle  # no filter that was never set


def test_the_subtitle_names_the_deadline_filters(demo: AppContext, tmp_path: Path) -> None:
    target = tmp_path / "overdue.xlsx"
    export(demo, target, LedgerRequest(RegisterFilter(deadline_before=date(2026, 12, 7))))
    subtitle = openpyxl.load_workbook(target).active["A2"].value
    assert subtitle.endswith("筛选（整改期限：已逾期（期限早于 2026-12-07））")
    soon = RegisterFilter(deadline_from=date(2026, 12, 7), deadline_before=date(2026, 12, 15))
    export(demo, target, LedgerRequest(soon))
    subtitle = openpyxl.load_workbook(target).active["A2"].value
    assert subtitle.endswith("筛选（整改期限：7 日内到期（2026-12-07 至 2026-12-14））")


def test_the_subtitle_names_every_kind_of_filter(demo: AppContext, tmp_path: Path) -> None:
    """Each field of RegisterFilter but the found dates (the period) appears in the subtitle."""
    from dataclasses import fields

    with demo.uow() as uow:
        department = uow.reference.departments()[0]
        person = uow.reference.people()[0]
        category = uow.reference.categories()[1]
        band = uow.lec.threshold_sets()[0].bands[0]
    flt = RegisterFilter(
        statuses=frozenset(s for s in HazardStatus if s is not HazardStatus.CLOSED),
        grades=frozenset({HazardGrade.MAJOR}),
        category_code=category.code,
        department_id=department.id,
        text="泄漏",
        band_codes=frozenset({band.code}),
        methods=frozenset({"criteria"}),
        disputed=True,
        deadline_before=date(2026, 12, 7),
        acceptor_id=person.id,
        conflicted=True,
    )
    names = {f.name for f in fields(RegisterFilter)} - {"found_from", "found_before", "inspection_id", "deadline_from"}
    assert all(getattr(flt, name) not in (None, frozenset(), "") for name in names)  # the test sets them all
    export(demo, target := tmp_path / "all.xlsx", LedgerRequest(flt))
    subtitle = openpyxl.load_workbook(target).active["A2"].value
    for part in (
        "状态：未销号", "等级：重大", "关键词：泄漏", f"类别：{category.code} {category.name_zh}",
        f"责任部门：{department.name}", "整改期限：已逾期", f"验收人：{person.name}", f"危险程度：{band.name_zh}",
        "判定方式：重大隐患判定标准", "定级有异议", "有未解决的交换冲突",
    ):  # fmt: skip
        assert part in subtitle, part


def test_a_cancelled_export_leaves_no_file_and_keeps_an_old_one(demo: AppContext, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    old = folder / "ledger.xlsx"
    old.write_bytes(b"the previous export")
    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 0

    with pytest.raises(LedgerCancelled):
        export(demo, old, cancelled=cancelled)
    assert sorted(p.name for p in folder.iterdir()) == ["ledger.xlsx"]
    assert old.read_bytes() == b"the previous export"
    new = folder / "new.xlsx"
    with pytest.raises(LedgerCancelled):
        export(demo, new, cancelled=lambda: True)
    assert not new.exists() and sorted(p.name for p in folder.iterdir()) == ["ledger.xlsx"]


def test_a_failure_while_writing_leaves_no_file(demo: AppContext, tmp_path: Path) -> None:
    class FullDisk(XlsxLedgerWriter):
        rows = 0

        def row(self, values):  # type: ignore[no-untyped-def]
            FullDisk.rows += 1
            if FullDisk.rows == 100:
                raise OSError(28, "No space left on device")
            super().row(values)

    assert demo.ledger_source is not None
    with pytest.raises(OSError):
        export_ledger(demo.uow(), demo.ledger_source(), FullDisk, LedgerRequest(), tmp_path / "full.xlsx")
    assert list(tmp_path.iterdir()) == [tmp_path / "data"]


def _immutable(path: Path) -> None:
    done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot make {path} unwritable here: {done.stderr.decode().strip()}")


def test_bad_targets_are_refused_and_nothing_is_written(demo: AppContext, tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as missing:
        export(demo, tmp_path / "no such folder" / "a.xlsx")
    assert missing.value.code == "ledger_folder_missing"
    assert not (tmp_path / "no such folder").exists()
    with pytest.raises(ValidationError) as suffix:
        export(demo, tmp_path / "a.xls")
    assert suffix.value.code == "ledger_not_xlsx"
    (tmp_path / "dir.xlsx").mkdir()
    with pytest.raises(ValidationError) as folder:
        export(demo, tmp_path / "dir.xlsx")
    assert folder.value.code == "ledger_target_is_folder"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "dir.xlsx"]

    locked = tmp_path / "locked"
    locked.mkdir()
    _immutable(locked)
    try:
        with pytest.raises(ValidationError) as read_only:
            export(demo, locked / "a.xlsx")
        assert read_only.value.code == "ledger_folder_not_writable"
        assert list(locked.iterdir()) == []
    finally:
        subprocess.run(["chattr", "-i", str(locked)], capture_output=True, check=False)


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    """A description typed as '=HYPERLINK(…)' must not become a live formula in the safety office's Excel."""
    row = LedgerRow(
        "YH-2026-0001", date(2026, 3, 5), "王检查", "合成一车间", "=1+1", "", "=HYPERLINK(\"http://x\")",
        "4.5 设备设施", HazardGrade.GENERAL, "lec_panel", Decimal("72.5"), BandCell("一般危险", "#FBC02D"), "",
        HazardStatus.RECTIFYING, "合成一车间", "张三", "=cmd|' /C calc'!A0", Decimal("1200.50"), date(2026, 3, 20),
        "", "", None, None,
    )  # fmt: skip

    class Source:
        def count(self, flt):  # type: ignore[no-untyped-def]
            return 1

        def found_span(self, flt):  # type: ignore[no-untyped-def]
            return (date(2026, 3, 5), date(2026, 3, 5))

        def rows(self, flt, sort, descending):  # type: ignore[no-untyped-def]
            yield row

        def close(self) -> None:
            pass

    from tests.fakes import fake_uow_factory  # an in-memory unit of work: only the settings are read

    target = tmp_path / "formula.xlsx"
    export_ledger(fake_uow_factory()(), Source(), XlsxLedgerWriter, LedgerRequest(), target)
    sheet = openpyxl.load_workbook(target).active
    for key in ("location", "description", "measures"):
        cell = sheet.cell(FIRST_DATA_ROW, COL[key] + 1)
        assert cell.data_type == "s" and cell.value.startswith("=")
    assert sheet.cell(FIRST_DATA_ROW, COL["mean_d"] + 1).value == 72.5
    assert sheet.cell(FIRST_DATA_ROW, COL["funds"] + 1).value == 1200.5


# ---------------------------------------------------------------- the command line


@pytest.fixture
def root_logging() -> Iterator[None]:
    """The command line adds a log handler for its data folder: take it away again."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in root.handlers:
        if handler not in handlers:
            handler.close()
    root.handlers, root.level = handlers, level


@pytest.fixture
def demo_folder(sheet_demo_folder: Path, tmp_path: Path) -> Path:
    return copy_demo(sheet_demo_folder, tmp_path / "data")


def test_the_export_command_writes_the_filtered_ledger(demo_folder: Path, tmp_path: Path, capsys, root_logging) -> None:
    target = tmp_path / "closed.xlsx"
    args = ["export", str(target), "--status", "closed", "整改中", "--from", "2025-01-01", "--to", "2026-12-31"]
    assert cli.main([*args, "--data-dir", str(demo_folder), "--lang", "zh_CN"]) == 0
    out = capsys.readouterr().out
    context = build_context(demo_folder)
    try:
        flt = RegisterFilter(
            statuses=frozenset({HazardStatus.CLOSED, HazardStatus.RECTIFYING}),
            found_from=datetime(2025, 1, 1).astimezone(),
            found_before=(datetime(2026, 12, 31) + timedelta(days=1)).astimezone(),
        )
        expected = [r.number for r in register_rows(context, flt, SortKey.NUMBER, False)]
    finally:
        close_context(context)
    assert expected and [row[COL["number"]] for row in data_rows(target)] == expected
    assert out.strip() == f"已导出 {len(expected)} 条隐患到 {target}"


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--status", "done"], "Unknown status “done”"),
        (["--from", "2026-02-30"], "is not a date"),
        (["--from", "2026-03-01", "--to", "2026-02-01"], "is after the last day"),
    ],
)
def test_the_export_command_refuses_bad_options(demo_folder, tmp_path, capsys, root_logging, args, says) -> None:
    target = tmp_path / "x.xlsx"
    assert cli.main(["export", str(target), *args, "--data-dir", str(demo_folder), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert says in err and "Nothing was written" in err and "Traceback" not in err
    assert not target.exists()


@pytest.mark.parametrize(
    ("name", "zh", "en"),
    [
        ("missing/x.xlsx", "不存在", "does not exist"),
        ("x.csv", "不是 .xlsx 文件", "is not a .xlsx file"),
    ],
)
def test_the_export_command_refuses_bad_targets_in_both_languages(
    demo_folder, tmp_path, capsys, root_logging, name, zh, en
) -> None:
    target = tmp_path / name
    for lang, says in (("zh_CN", zh), ("en", en)):
        assert cli.main(["export", str(target), "--data-dir", str(demo_folder), "--lang", lang]) == 2
        assert says in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_a_target_held_open_elsewhere_keeps_its_old_content_and_no_temporary(demo, tmp_path, monkeypatch) -> None:
    """Windows refuses to replace a workbook open in Excel: the old file stays, the temporary goes."""
    from hazard_desktop.services import output_files

    folder = tmp_path / "out"
    folder.mkdir()
    old = folder / "ledger.xlsx"
    old.write_bytes(b"open in Excel")

    def refuse(_temporary: Path, _target: Path) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(output_files, "place", refuse)
    with pytest.raises(PermissionError):
        export(demo, old)
    assert sorted(p.name for p in folder.iterdir()) == ["ledger.xlsx"] and old.read_bytes() == b"open in Excel"
