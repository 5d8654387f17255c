"""Pure rules of reading a legacy ledger: header words, dates in every form, keys."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from hazard_desktop.domain.errors import ValidationError
from hazard_desktop.domain.ledger import (
    LedgerField,
    field_of_header,
    guess_header,
    is_cell_error,
    normalise_legacy_number,
    parse_ledger_date,
    row_key,
)


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("隐患编号", LedgerField.LEGACY_NUMBER),
        ("编号", LedgerField.LEGACY_NUMBER),
        ("序号", LedgerField.SERIAL),
        ("隐患描述", LedgerField.DESCRIPTION),
        ("存在问题", LedgerField.DESCRIPTION),
        ("存在的问题及隐患", LedgerField.DESCRIPTION),
        ("隐患部位", LedgerField.LOCATION),
        ("地点", LedgerField.LOCATION),
        ("发现日期", LedgerField.FOUND_ON),
        ("检查\n日期", LedgerField.FOUND_ON),
        ("排查时间", LedgerField.FOUND_ON),
        ("整改措施", LedgerField.MEASURES),
        ("整改责任人", LedgerField.RESPONSIBLE),
        ("责任部门", LedgerField.DEPARTMENT),
        ("整改期限", LedgerField.DEADLINE),
        ("计划完成时间", LedgerField.DEADLINE),
        ("完成情况", LedgerField.COMPLETION),
        ("整改完成时间", LedgerField.COMPLETED_ON),
        ("隐患类别", LedgerField.CATEGORY),
        ("隐患等级", LedgerField.GRADE),
        ("L", LedgerField.LIKELIHOOD),
        ("Ｌ", LedgerField.LIKELIHOOD),  # full-width
        ("可能性(L)", LedgerField.LIKELIHOOD),
        ("L(可能性)", LedgerField.LIKELIHOOD),
        ("暴露于危险环境的频繁程度(E)", LedgerField.EXPOSURE),
        ("后果严重程度C", LedgerField.CONSEQUENCE),
        ("D=L×E×C", LedgerField.SCORE),
        ("风险值D", LedgerField.SCORE),
        ("危险性(D)", LedgerField.SCORE),
        ("某化工有限公司隐患排查治理台账（2025年度）", None),
        ("", None),
    ],
)
def test_header_words(header, field):
    assert field_of_header(header) is field


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2026, 3, 5), date(2026, 3, 5)),
        (datetime(2026, 3, 5, 14, 30), date(2026, 3, 5)),
        (46086, date(2026, 3, 5)),  # Excel serial
        (46086.5, date(2026, 3, 5)),
        (Decimal(46086), date(2026, 3, 5)),
        ("46086", date(2026, 3, 5)),
        ("2026/3/5", date(2026, 3, 5)),
        ("2026-03-05", date(2026, 3, 5)),
        ("2026.03.05", date(2026, 3, 5)),
        ("2026. 3. 5", date(2026, 3, 5)),
        ("2026年3月5日", date(2026, 3, 5)),
        ("2026年03月05", date(2026, 3, 5)),
        ("２０２６年３月５日", date(2026, 3, 5)),
        ("２０２６－０３－０５", date(2026, 3, 5)),
        ("20260305", date(2026, 3, 5)),
        ("2026-03-05 00:00:00", date(2026, 3, 5)),
        ("二〇二六年三月五日", date(2026, 3, 5)),
        ("二〇二五年十二月三十一日", date(2025, 12, 31)),
    ],
)
def test_dates_in_every_form(value, expected):
    assert parse_ledger_date(value) == expected


@pytest.mark.parametrize("value", ["三月初", "2026/2/30", "26.3.5", "", None, True, 0, 12, "1900-01-01", "2026/13/1"])
def test_dates_refused(value):
    with pytest.raises(ValidationError) as caught:
        parse_ledger_date(value)
    assert caught.value.code == "ledger_date_invalid"


def test_two_row_header_under_a_title_with_a_merged_group():
    rows = [
        ("2025年隐患排查治理台账",) + (None,) * 7,
        (None,) * 8,
        ("序号", "隐患编号", "发现日期", "隐患描述", "LEC评价", None, None, None),
        (None, None, None, None, "L", "E", "C", "D"),
        (1, "A-1", "2025/1/1", "x", 3, 6, 7, 126),
    ]
    guess = guess_header(rows)
    assert guess.header_rows == (2, 3) and guess.data_start == 4
    assert guess.columns[7] is LedgerField.SCORE and guess.columns[1] is LedgerField.LEGACY_NUMBER
    assert guess.names[4] == "LEC评价/L"


def test_no_header_without_a_description():
    assert guess_header([("编号", "日期"), ("1", "2025/1/1")]).score == 0


def test_keys_and_cells():
    assert normalise_legacy_number(" ＡＨ－2025－001 ") == "AH-2025-001"
    assert row_key("AH-1", {"description": "x"}) == "no:AH-1"
    one = row_key("", {"description": "储罐泄漏", "found_on": "2025-01-01"})
    assert one.startswith("sha256:") and one == row_key("", {"found_on": "2025-01-01", "description": "储罐泄漏 "})
    assert is_cell_error("#REF!") and is_cell_error("#DIV/0!") and not is_cell_error("#1号罐")
