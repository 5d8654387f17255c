"""Rules for reading a legacy Excel ledger (隐患排查治理台账): its header, its columns, its dates.

A ledger kept by hand has a title row or two, a header whose cells may be merged over two rows
(``LEC评价`` above ``L``/``E``/``C``/``D``), spacer rows, dates written every way a person or Excel
writes them and digits typed full-width. These functions turn cell values (as a reader gives them:
text, numbers, dates, None) into what the import needs; the use case is ``services.ledger_import``.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from enum import StrEnum

from hazard_desktop.domain.errors import ValidationError


class LedgerField(StrEnum):
    """What a ledger column holds."""

    SERIAL = "serial"  # 序号: ignored
    LEGACY_NUMBER = "legacy_number"  # 隐患编号 of the old ledger → 原编号
    DESCRIPTION = "description"
    LOCATION = "location"
    DEPARTMENT = "department"
    FOUND_ON = "found_on"
    FOUND_BY = "found_by"
    CATEGORY = "category"
    GRADE = "grade"  # 一般/重大 as the old ledger says: kept, never a grading
    MEASURES = "measures"  # 整改措施
    RESPONSIBLE = "responsible"  # 责任人
    DEADLINE = "deadline"  # 整改期限
    COMPLETION = "completion"  # 完成情况
    COMPLETED_ON = "completed_on"  # 完成/验收/销号日期
    REMARKS = "remarks"
    LIKELIHOOD = "L"
    EXPOSURE = "E"
    CONSEQUENCE = "C"
    SCORE = "D"


#: Fields the old ledger holds that the register has no place for yet: kept with the import and shown.
KEPT_FIELDS = (
    LedgerField.FOUND_BY,
    LedgerField.GRADE,
    LedgerField.MEASURES,
    LedgerField.RESPONSIBLE,
    LedgerField.DEADLINE,
    LedgerField.COMPLETION,
    LedgerField.COMPLETED_ON,
    LedgerField.REMARKS,
)

_SPACE = re.compile(r"\s+")
_TITLE_WORDS = ("台账", "汇总", "一览表", "登记表", "统计表", "公司", "填报")
_BRACKETS = re.compile(r"[()\[\]【】<>《》:：*＊]")


def normalise_header(text: object) -> str:
    """A header cell as compared: NFKC (full-width → ASCII), no spaces or line breaks, upper case."""
    if text is None:
        return ""
    return _SPACE.sub("", unicodedata.normalize("NFKC", str(text))).upper()


# Ordered rules: the first whose keyword the header contains wins (so 整改责任人 is a person, not a
# department; 整改期限 a deadline, not a date found; D=L×E×C the score, not L).
_EXACT: dict[str, LedgerField] = {
    "序号": LedgerField.SERIAL,
    "NO": LedgerField.SERIAL,
    "NO.": LedgerField.SERIAL,
    "L": LedgerField.LIKELIHOOD,
    "E": LedgerField.EXPOSURE,
    "C": LedgerField.CONSEQUENCE,
    "D": LedgerField.SCORE,
    "L值": LedgerField.LIKELIHOOD,
    "E值": LedgerField.EXPOSURE,
    "C值": LedgerField.CONSEQUENCE,
    "D值": LedgerField.SCORE,
}
_RULES: tuple[tuple[tuple[str, ...], LedgerField], ...] = (
    (("编号", "编码"), LedgerField.LEGACY_NUMBER),
    (("D=", "风险值", "危险性分值", "风险分值", "危险性D", "风险度"), LedgerField.SCORE),
    (("可能性",), LedgerField.LIKELIHOOD),
    (("暴露", "频繁"), LedgerField.EXPOSURE),
    (("后果", "严重"), LedgerField.CONSEQUENCE),
    (("措施", "整改方案", "治理方案"), LedgerField.MEASURES),
    (("期限", "时限", "计划完成", "要求完成"), LedgerField.DEADLINE),
    (("完成日期", "完成时间", "验收日期", "销号日期", "验收时间", "销号时间"), LedgerField.COMPLETED_ON),
    (("完成情况", "整改情况", "整改结果", "是否完成", "整改状态", "状态", "闭环"), LedgerField.COMPLETION),
    (("责任人", "负责人"), LedgerField.RESPONSIBLE),
    (("排查人", "检查人", "发现人", "上报人", "登记人"), LedgerField.FOUND_BY),
    (("日期", "时间"), LedgerField.FOUND_ON),
    (("部门", "单位", "车间", "班组"), LedgerField.DEPARTMENT),
    (("部位", "地点", "位置", "区域", "场所", "装置"), LedgerField.LOCATION),
    (("类别", "类型", "分类", "专业"), LedgerField.CATEGORY),
    (("等级", "级别"), LedgerField.GRADE),
    (("备注",), LedgerField.REMARKS),
    (("描述", "存在问题", "存在的问题", "隐患内容", "隐患名称", "隐患情况", "问题", "隐患"), LedgerField.DESCRIPTION),
)


def field_of_header(text: object) -> LedgerField | None:
    """The field a header cell names, or None (``隐患编号`` → legacy number, ``存在问题`` → description)."""
    header = normalise_header(text)
    if not header or len(header) > 24 or any(word in header for word in _TITLE_WORDS):
        return None  # a title row or a note, not a column name
    bare = _BRACKETS.sub("", header)
    if header in _EXACT or bare in _EXACT:
        return _EXACT.get(header) or _EXACT[bare]
    for keywords, found in _RULES:
        if any(keyword in header or keyword in bare for keyword in keywords):
            return found
    # "可能性L" was caught above; a bare letter with a word around it: "L(可能性)" is L
    for letter, found in (("L", LedgerField.LIKELIHOOD), ("E", LedgerField.EXPOSURE), ("C", LedgerField.CONSEQUENCE)):
        if bare.startswith(letter) and not bare[1:2].isascii():
            return found
    return None


@dataclass(frozen=True, slots=True)
class HeaderGuess:
    """Where the header is and what each column holds.

    Attributes:
        header_rows: indexes (0-based, in the sheet's rows) of the one or two header rows.
        data_start: index of the first row after the header.
        names: the header text of each column as the user sees it (two rows joined with "/").
        columns: column index → field, each field at most once (the leftmost column wins).
        score: how many fields were recognised (0: no header found).
    """

    header_rows: tuple[int, ...]
    data_start: int
    names: tuple[str, ...]
    columns: dict[int, LedgerField]
    score: int


def _text(value: object) -> str:
    return "" if value is None else _SPACE.sub(" ", str(value)).strip()


def _columns_of(names: Sequence[Sequence[str]]) -> dict[int, LedgerField]:
    """Column → field for header candidates per column (tried in order), each field once."""
    columns: dict[int, LedgerField] = {}
    taken: set[LedgerField] = set()
    for index, candidates in enumerate(names):
        for name in candidates:
            found = field_of_header(name)
            if found is not None and found not in taken:
                columns[index] = found
                taken.add(found)
                break
    return columns


def _score(columns: dict[int, LedgerField]) -> int:
    fields = set(columns.values()) - {LedgerField.SERIAL}
    return len(fields) + (2 if LedgerField.DESCRIPTION in fields else 0)


HEADER_SEARCH_ROWS = 30


def guess_header(rows: Sequence[Sequence[object]]) -> HeaderGuess:
    """Find the header among the first rows of a sheet and map its columns.

    A header is the row (or a row and the one below it, for cells merged over two rows or a group
    such as ``LEC评价`` above ``L``/``E``/``C``/``D``) naming the most known fields; a title row above it
    names none or one. A merged cell's text stands in its first column only, so a group name is carried
    right over the empty cells beside it.
    """
    best = HeaderGuess((), 0, (), {}, 0)
    limit = min(len(rows), HEADER_SEARCH_ROWS)
    for index in range(limit):
        top = [_text(v) for v in rows[index]]
        if not any(top):
            continue
        single = _columns_of([[name] for name in top])
        candidate = HeaderGuess((index,), index + 1, tuple(top), single, _score(single))
        if index + 1 < len(rows):
            below = [_text(v) for v in rows[index + 1]]
            below_alone = _score(_columns_of([[name] for name in below]))
            width = max(len(top), len(below))
            top += [""] * (width - len(top))
            below += [""] * (width - len(below))
            carried: list[str] = []
            last = ""
            for name in top:
                last = name or last
                carried.append(last)
            pair = _columns_of([[b, t, c] for b, t, c in zip(below, top, carried, strict=True)])
            pair_score = _score(pair)
            # the row below adds fields of its own (not a data row that happens to hold words)
            if pair_score > max(candidate.score, below_alone) and sum(1 for b in below if field_of_header(b)) >= 2:
                names = tuple(
                    f"{c}/{b}" if b and c and c != b else (b or t) for b, t, c in zip(below, top, carried, strict=True)
                )
                candidate = HeaderGuess((index, index + 1), index + 2, names, pair, pair_score)
        if candidate.score > best.score:
            shown = list(candidate.names)
            while shown and not shown[-1]:
                shown.pop()
            best = HeaderGuess(
                candidate.header_rows, candidate.data_start, tuple(shown), candidate.columns, candidate.score
            )
    if best.score < 3 or LedgerField.DESCRIPTION not in best.columns.values():  # needs a description and one more
        return HeaderGuess((), 0, (), {}, 0)
    return best


# ---------------------------------------------------------------- dates

EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 is 1900-01-01 in Excel's (Lotus) count, past its 29 Feb 1900
FIRST_YEAR = 1980  # a ledger date before this is a typo or a number that is no date
_ISO_LIKE = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?$"
)
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_SERIAL = re.compile(r"^\d{5}(?:\.\d+)?$")
_CHINESE_DIGITS = {
    "〇": 0,
    "零": 0,
    "○": 0,
    "Ｏ": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CHINESE_DATE = re.compile(
    r"^([〇零○Ｏ一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日?$"
)


def _chinese_small(text: str) -> int:
    """一 … 三十一 as a number (month or day)."""
    if "十" not in text:
        return _CHINESE_DIGITS[text] if len(text) == 1 else -1
    tens, _, units = text.partition("十")
    return (_CHINESE_DIGITS[tens] if tens else 1) * 10 + (_CHINESE_DIGITS[units] if units else 0)


def _day(year: int, month: int, day: int, shown: str) -> date:
    try:
        value = date(year, month, day)
    except ValueError:
        raise ValidationError("ledger_date_invalid", value=shown) from None
    if value.year < FIRST_YEAR:
        raise ValidationError("ledger_date_invalid", value=shown)
    return value


def _shown(value: object) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "…"


def parse_ledger_date(value: object) -> date:
    """A ledger cell as a calendar day.

    Accepts Excel dates and serial numbers (46086 is 2026-03-05), ``2026/3/5``, ``2026-03-05``,
    ``2026.03.05``, ``2026年3月5日``, ``20260305``, ``二〇二六年三月五日``, full-width digits, and a
    time after the day (dropped).

    Raises:
        ValidationError: ``ledger_date_invalid`` (param ``value``).
    """
    if isinstance(value, datetime):
        return _day(value.year, value.month, value.day, _shown(value))
    if isinstance(value, date):
        return _day(value.year, value.month, value.day, _shown(value))
    if isinstance(value, bool) or value is None:
        raise ValidationError("ledger_date_invalid", value=_shown(value))
    if isinstance(value, (int, float, Decimal)):
        return _serial(value, _shown(value))
    text = unicodedata.normalize("NFKC", str(value)).strip()
    match = _ISO_LIKE.match(text)
    if match:
        return _day(int(match.group(1)), int(match.group(2)), int(match.group(3)), _shown(value))
    match = _COMPACT.match(text)
    if match:
        return _day(int(match.group(1)), int(match.group(2)), int(match.group(3)), _shown(value))
    if _SERIAL.match(text):
        return _serial(Decimal(text), _shown(value))
    match = _CHINESE_DATE.match(str(value).strip())
    if match:
        year = int("".join(str(_CHINESE_DIGITS[c]) for c in match.group(1)))
        return _day(year, _chinese_small(match.group(2)), _chinese_small(match.group(3)), _shown(value))
    raise ValidationError("ledger_date_invalid", value=_shown(value))


def parse_ledger_time(value: object) -> time | None:
    """The time of day a ledger's found cell gives besides its day (hours and minutes), or None if it gives
    only a day: an Excel date (midnight), a serial without a fraction, a text without ``HH:MM``.

    Call it on a cell :func:`parse_ledger_date` accepted. A day without a time stays one (the register shows
    and prints it as a date): no time is ever made up for it.
    """
    if isinstance(value, datetime):
        moment = value.time().replace(second=0, microsecond=0)
        return None if moment == time(0) else moment
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        minutes = round((float(value) % 1) * 24 * 60)
        return None if minutes in (0, 24 * 60) else time(minutes // 60, minutes % 60)
    if isinstance(value, str):
        match = _ISO_LIKE.match(unicodedata.normalize("NFKC", value).strip())
        if match and match.group(4) is not None:
            hour, minute = int(match.group(4)), int(match.group(5))
            return time(hour, minute) if hour < 24 and minute < 60 else None
    return None


def _serial(value: int | float | Decimal, shown: str) -> date:
    number = float(value)
    if not 1 <= number < 2958466:  # Excel's last day is 9999-12-31
        raise ValidationError("ledger_date_invalid", value=shown)
    day = EXCEL_EPOCH + timedelta(days=int(number))
    return _day(day.year, day.month, day.day, shown)


# ---------------------------------------------------------------- cells and keys

CELL_ERRORS = frozenset(
    {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!"}
)


def is_cell_error(value: object) -> bool:
    """True for a formula's error value (``#REF!``, ``#DIV/0!`` …) as Excel stores it."""
    return isinstance(value, str) and value.strip().upper() in CELL_ERRORS


def cell_text(value: object) -> str:
    """A cell as text: numbers without a spurious ``.0``, dates as ISO days, None as ""."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if not (value.hour or value.minute or value.second) else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def normalise_legacy_number(text: str) -> str:
    """An old ledger's number as compared and stored: NFKC (full-width → ASCII), no spaces, upper case."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text)).upper()


def row_key(legacy_number: str, values: dict[str, str]) -> str:
    """What identifies a ledger row across imports: its old number, or a hash of its content.

    ``values``: the row's mapped cells as text (the same row of the same file gives the same key,
    so importing it again is recognised).
    """
    if legacy_number:
        return "no:" + legacy_number
    canonical = json.dumps(
        {k: unicodedata.normalize("NFKC", v).strip() for k, v in sorted(values.items()) if v},
        ensure_ascii=False,
        sort_keys=True,
    )
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


# ---------------------------------------------------------------- what an import stores


@dataclass(frozen=True, slots=True)
class LedgerBatch:
    """One import of one ledger file: what came in, from where."""

    id: uuid.UUID
    source_name: str  # the file's name (not its folder: that belongs to one laptop)
    source_sha256: str
    sheet_name: str
    rows_imported: int
    rows_skipped: int
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class ImportedRow:
    """A ledger row that became a hazard; ``key`` (:func:`row_key`) makes a second import skip it.

    ``kept``: the old ledger's fields the register has no place for (``KEPT_FIELDS`` values → text).
    """

    id: uuid.UUID
    batch_id: uuid.UUID
    row_no: int  # the sheet's row number, as Excel shows it
    key: str
    hazard_id: uuid.UUID
    kept: dict[str, str]
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class ImportedGrading:
    """The LEC values an old ledger gave a hazard: history, never a panel's grading.

    It is no ``Grading``: it has no panel, leader or confirmation, does not set the hazard's grade,
    is printed on no sheet and is stored apart (``imported_gradings``), marked with its source.
    ``band_*``: the band of the D value under the threshold set in force on the day found.
    """

    id: uuid.UUID
    hazard_id: uuid.UUID
    batch_id: uuid.UUID
    source_name: str
    sheet_name: str
    row_no: int
    likelihood: Decimal | None
    exposure: Decimal | None
    consequence: Decimal | None
    score: Decimal
    band_code: str | None
    band_name_zh: str | None
    band_name_en: str | None
    threshold_set_name: str | None
    legacy_grade: str  # what the old ledger wrote under 等级, as written
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class LedgerOrigin:
    """Where an imported hazard came from, for the detail pane."""

    source_name: str
    sheet_name: str
    row_no: int
    legacy_number: str
    kept: dict[str, str]
    imported_at: datetime
    grading: ImportedGrading | None
