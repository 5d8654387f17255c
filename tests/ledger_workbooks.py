# ruff: noqa: E501 - the ledger rows are tables, one row a line, as a person reads them
"""Realistic legacy ledgers, written with openpyxl as a safety office keeps them by hand, and bad files.

Each function writes one file into a folder and returns its path; the tests state what each row
holds, so the expected preview is read here next to the data. Run as a script to write them all into
a folder (``python -m tests.ledger_workbooks OUT``) to open them in Excel or WPS.
"""

from __future__ import annotations

import sys
import zipfile
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

# ---------------------------------------------------------------- 1. the office's own ledger
# Title merged over the width, a subtitle, a spacer row, a two-row header whose "LEC评价" is merged
# over L/E/C/D (and 序号 … merged over both header rows), departments merged over several rows,
# every date form, full-width digits, and the rows a preview must flag.

STANDARD_HEADER = [
    "序号", "隐患编号", "发现日期", "隐患部位", "隐患描述", "责任部门", "LEC评价", None, None, None,
    "整改措施", "整改责任人", "整改期限", "完成情况",
]  # fmt: skip
STANDARD_SUB = [None] * 6 + ["L", "E", "C", "D"] + [None] * 4

# (legacy number, found (any form), place, description, department, L, E, C, D, measures, person, deadline, state)
STANDARD_ROWS: list[tuple[object, ...]] = [
    ("AH-2025-001", date(2025, 3, 5), "合成一车间反应釜R101", "反应釜温度联锁旁路未恢复", "合成一车间", 3, 6, 7, 126,
     "恢复联锁，办理旁路审批", "张三", date(2025, 3, 20), "已完成"),
    ("AH-2025-002", 45722, "罐区T-3储罐", "储罐呼吸阀锈蚀卡涩", None, 1, 6, 3, 18,
     "更换呼吸阀", "李四", "2025/4/1", "已完成"),  # serial 45722 = 2025-03-06; department merged from above
    ("AH-2025-003", "2025/3/7", "精馏塔平台", "平台护栏松动", "精馏车间", 3, 3, 1, 9, "紧固护栏", "王五", "2025.04.01", "整改中"),
    ("AH-2025-004", "2025.03.08", "配电室", "配电室门口无挡鼠板", "设备部", 1, 1, 1, 1, "安装挡鼠板", "赵六", "", "已完成"),
    ("AH-2025-005", "2025年3月9日", "包装车间", "叉车未定期检验", "包装车间", 6, 6, 3, 108, "送检", "钱七", "2025年3月30日", ""),
    ("ＡＨ-2025-006", "２０２５－０３－１０", "污水处理站", "硫化氢检测仪失效", "污水处理站", 3, 6, 15, 270,
     "更换检测仪", "孙八", None, "已完成"),  # full-width number and date
    ("AH-2025-007", "三月初", "仓库", "消防通道堵塞", "仓储物流部", 3, 6, 1, 18, "清理通道", "周九", None, None),  # bad date
    ("AH-2025-008", date(2025, 3, 12), "七车间", "七车间管线泄漏", "七车间", 3, 6, 7, 126, "", "", None, None),  # unknown dept
    ("AH-2025-009", date(2025, 3, 13), "公用工程车间空压站", "空压机安全阀未校验", "公用工程车间", 4, 6, 7, 168,
     "校验", "吴十", None, None),  # L = 4 is off the scale
    ("AH-2025-003", date(2025, 3, 14), "精馏塔平台", "重复录入的隐患", "精馏车间", 1, 1, 1, 1, "", "", None, None),  # dup no.
    ("AH-2025-010", date(2025, 3, 15), "合成二车间", "静电接地线断开", "合成二车间", 3, 6, 7, "#REF!", "", "", None, None),
    ("AH-2025-011", "二〇二五年三月十六日", "技术部档案室", "应急预案未修订", "技术部", None, None, None, None, "修订", "", None, None),
]  # fmt: skip
# What the preview must say of each (Excel row numbers: the data starts at row 6)
STANDARD_FIRST_ROW = 6
STANDARD_SPACER_AFTER = 5  # a blank row after the 5th data row


def standard_ledger(folder: Path, name: str = "2025年隐患排查治理台账.xlsx") -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "隐患台账"
    sheet.append(["某化工有限公司隐患排查治理台账（2025年度）"])
    sheet.merge_cells("A1:N1")
    sheet["A1"].font = Font(size=16, bold=True)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.append(
        ["填报单位：安环部", None, None, None, None, None, None, None, None, None, None, "填报日期：2026年1月5日"]
    )
    sheet.append([])
    sheet.append(STANDARD_HEADER)
    sheet.append(STANDARD_SUB)
    sheet.merge_cells("G4:J4")
    for column in "ABCDEFKLMN":
        sheet.merge_cells(f"{column}4:{column}5")
    row_no = 6
    merged_department_start = None
    for index, values in enumerate(STANDARD_ROWS, start=1):
        number, found, place, text, department, l_, e_, c_, d_, measures, person, deadline, state = values
        sheet.append([index, number, found, place, text, department, l_, e_, c_, d_, measures, person, deadline, state])
        if isinstance(found, date):
            sheet.cell(row=row_no, column=3).number_format = "yyyy-mm-dd"
        if department is None and merged_department_start is None:
            merged_department_start = row_no - 1
        row_no += 1
        if index == STANDARD_SPACER_AFTER:
            sheet.append([])  # a blank spacer row
            row_no += 1
    sheet.merge_cells(f"F{merged_department_start}:F{merged_department_start + 1}")  # 合成一车间 answers for both rows
    return _save(workbook, folder / name)


# ---------------------------------------------------------------- 2. another office, other words

OTHER_HEADER = ["编号", "检查日期", "地点", "存在问题", "单位", "可能性(L)", "暴露频繁程度(E)", "后果(C)", "风险值D",
                "隐患等级", "备注"]  # fmt: skip
OTHER_ROWS: list[tuple[object, ...]] = [
    (None, datetime(2024, 11, 2, 9, 30), "原料库", "灭火器压力不足", "安环部", 1, 6, 3, 18, "一般", ""),
    (None, "2024-11-03", "循环水泵房", "泵联轴器无防护罩", "设备部", 3, 6, 3, 54, "一般", "已整改"),
    ("", "20241104", "中控室", "可燃气体报警器未联动", "生产部", 6, 6, 15, 540, "重大", "报政府"),
    (None, 45600.0, "装车台", "静电夹损坏", "罐区", 3, 6, 7, 120, "一般", "D 应为 126"),  # 45600 = 2024-11-04
]  # fmt: skip


def other_ledger(folder: Path, name: str = "2024年检查问题汇总.xlsx") -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "说明"
    sheet.append(["本表由安环部汇总，每月更新"])
    data = workbook.create_sheet("问题清单")
    data.append(["2024年第四季度安全检查问题汇总表"])
    data.append(OTHER_HEADER)
    for values in OTHER_ROWS:
        data.append(list(values))
    return _save(workbook, folder / name)


# ---------------------------------------------------------------- 3. CSV (exported by another program)


def csv_ledger(folder: Path, name: str = "台账导出.csv", encoding: str = "gb18030") -> Path:
    lines = [
        "隐患编号,发现日期,隐患部位,隐患描述,责任单位,整改措施,责任人,整改期限,完成情况",
        "CSV-001,2026/1/5,罐区,防火堤裂缝,罐区,修补,张三,2026/2/1,整改中",
        "CSV-002,2026.01.06,精馏车间,现场无警示标识,精馏车间,设置标识,李四,2026/1/20,已完成",
    ]
    path = folder / name
    path.write_bytes("\r\n".join(lines).encode(encoding))
    return path


# ---------------------------------------------------------------- bad files


def not_a_workbook(folder: Path) -> Path:
    path = folder / "台账.xlsx"
    path.write_text("这不是一个工作簿，是改了扩展名的文本。", encoding="utf-8")
    return path


def password_protected(folder: Path) -> Path:
    """What Excel writes for a password: an OLE container holding ``EncryptedInfo`` and ``EncryptedPackage``."""
    path = folder / "加密台账.xlsx"
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    directory = "EncryptionInfo".encode("utf-16-le").ljust(128, b"\x00")
    directory += "EncryptedPackage".encode("utf-16-le").ljust(128, b"\x00")
    path.write_bytes(header + directory + b"\x00" * 2048)
    return path


def old_xls(folder: Path) -> Path:
    path = folder / "老台账.xls"
    path.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "Workbook".encode("utf-16-le") + b"\x00" * 2048
    )
    return path


def million_rows(folder: Path) -> Path:
    """1,000,000 rows declared (a stray cell at the bottom), a few KB on disk."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["隐患编号", "发现日期", "隐患描述"])
    sheet.cell(row=1_000_000, column=1, value="x")
    return _save(workbook, folder / "百万行.xlsx")


def zip_bomb(folder: Path) -> Path:
    """A workbook-shaped zip whose sheet unpacks to 300 MB of zeros (~300 KB packed)."""
    path = folder / "炸弹.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        chunk = b"\x00" * (1024 * 1024)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            for _ in range(300):
                member.write(chunk)
    return path


def formula_errors(folder: Path) -> Path:
    """Every data row carries a formula's error value (#DIV/0!, #REF!, #N/A)."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["隐患编号", "发现日期", "隐患描述", "隐患部位", "责任部门", "D"])
    sheet.append(["F-1", "#REF!", "日期引用失效", "罐区", "罐区", 18])
    sheet.append(["F-2", "2025/1/2", "#N/A", "罐区", "罐区", 18])
    sheet.append(["F-3", "2025/1/3", "风险值公式除零", "罐区", "罐区", "#DIV/0!"])
    return _save(workbook, folder / "公式错误.xlsx")


def _save(workbook: Workbook, path: Path) -> Path:
    workbook.save(path)
    return path


ALL = (standard_ledger, other_ledger, csv_ledger, not_a_workbook, password_protected, old_xls, million_rows,
       zip_bomb, formula_errors)  # fmt: skip

if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    out.mkdir(parents=True, exist_ok=True)
    for make in ALL:
        print(make(out))
