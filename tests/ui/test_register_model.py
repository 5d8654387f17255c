"""The windowed register model: Qt's model tester, columns, paging in blocks, sorting and filtering in SQL."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt

from hazard_desktop.domain.hazards import HazardGrade, HazardInput, HazardStatus
from hazard_desktop.services import hazards as hazard_service
from hazard_desktop.services.context import AppContext
from hazard_desktop.services.ports import RegisterFilter, RegisterRow, SortKey
from hazard_desktop.ui import labels
from hazard_desktop.ui.formatting import format_datetime
from hazard_desktop.ui.models import register_model as rm
from hazard_desktop.ui.models.register_model import RegisterModel
from tests.ui.conftest import Sample


def make_model(context: AppContext, **kwargs: int) -> RegisterModel:
    with context.uow() as uow:
        names = labels.category_names(uow.reference.categories())
    return RegisterModel(context.register, names, **kwargs)


def column_texts(model: RegisterModel, column: int) -> list[str]:
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


class FakeRegister:
    """RegisterQueries over ``size`` synthetic rows that records every query."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.pages: list[tuple[RegisterFilter, SortKey, bool, int, int]] = []
        self.counts: list[RegisterFilter] = []

    def count(self, flt: RegisterFilter) -> int:
        self.counts.append(flt)
        return self.size

    def page(self, flt: RegisterFilter, sort: SortKey, descending: bool, offset: int, limit: int) -> list[RegisterRow]:
        self.pages.append((flt, sort, descending, offset, limit))
        start = datetime(2026, 1, 1, tzinfo=UTC)
        return [
            RegisterRow(
                id=uuid.UUID(int=n + 1),
                number=f"YH-2026-{n + 1:06d}",
                description=f"描述 {n}",
                location="罐区",
                equipment_tag="",
                category_code="4.6",
                subcategory_code=None,
                department_name="安环部",
                found_by_name="张伟",
                found_at=start + timedelta(minutes=n),
                status=HazardStatus.OPEN,
                grade=HazardGrade.UNGRADED,
                photo_count=0,
            )
            for n in range(offset, min(offset + limit, self.size))
        ]


# ---------------------------------------------------------------- Qt's model tester


def test_model_tester_with_data(qtmodeltester, context: AppContext, sample: Sample) -> None:
    model = make_model(context)
    assert model.rowCount() == len(sample.hazards)
    qtmodeltester.check(model, force_py=False)


def test_model_tester_after_sort_and_filter(qtmodeltester, context: AppContext, sample: Sample) -> None:
    model = make_model(context, block_size=2)
    qtmodeltester.check(model, force_py=False)
    model.sort(rm.COL_FOUND_AT, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(model, force_py=False)
    model.set_filter(RegisterFilter(text="泄漏"))
    assert model.rowCount() == 1
    qtmodeltester.check(model, force_py=False)
    model.set_filter(RegisterFilter(text="没有这个词"))
    assert model.rowCount() == 0
    qtmodeltester.check(model, force_py=False)


def test_model_tester_empty_register(qtmodeltester, context: AppContext) -> None:
    model = make_model(context)
    assert model.rowCount() == 0
    qtmodeltester.check(model, force_py=False)


# ---------------------------------------------------------------- columns without a window


def test_data_of_every_column(qapp, context: AppContext, sample: Sample) -> None:
    model = make_model(context)
    model.sort(rm.COL_NUMBER, Qt.SortOrder.AscendingOrder)
    first = sample.hazards[0]
    row = [model.data(model.index(0, column)) for column in range(rm.COLUMN_COUNT)]
    assert row[rm.COL_NUMBER] == first.number
    assert row[rm.COL_FOUND_AT] == format_datetime(first.found_at)
    assert row[rm.COL_DESCRIPTION] == first.description
    assert row[rm.COL_LOCATION] == "罐区A"
    assert row[rm.COL_CATEGORY] == "Equipment / facilities / tools"  # English UI in tests
    assert row[rm.COL_DEPARTMENT] == "生产部"
    assert row[rm.COL_FOUND_BY] == "张伟"
    assert row[rm.COL_STATUS] == labels.status_label(HazardStatus.OPEN) == "Awaiting grading"
    assert row[rm.COL_GRADE] == "Ungraded"
    assert row[rm.COL_PHOTOS] == "2"
    assert model.data(model.index(1, rm.COL_PHOTOS)) == ""

    record = model.data(model.index(0, 0), rm.RowRole)
    assert isinstance(record, RegisterRow) and record.id == first.id
    assert model.data(model.index(0, 5), rm.IdRole) == first.id
    assert model.data(model.index(0, rm.COL_NUMBER), rm.SortRole) == first.number
    assert model.data(model.index(0, rm.COL_PHOTOS), rm.SortRole) == 2
    assert "T-101" in model.data(model.index(0, rm.COL_LOCATION), rm.ToolTipRole)
    assert "4.6.3" in model.data(model.index(0, rm.COL_CATEGORY), rm.ToolTipRole)
    assert model.data(model.index(0, rm.COL_PHOTOS), rm.TextAlignmentRole) == int(Qt.AlignmentFlag.AlignCenter)
    assert model.data(model.index(0, 0), int(Qt.ItemDataRole.DecorationRole)) is None
    assert model.data(QModelIndex()) is None


def test_headers(qapp, context: AppContext) -> None:
    model = make_model(context)
    horizontal = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(rm.COLUMN_COUNT)]
    assert horizontal == [
        "Number",
        "Found at",
        "Description",
        "Location",
        "Category",
        "Department",
        "Found by",
        "Status",
        "Grade",
        "Photos",
    ]
    assert model.headerData(rm.COL_FOUND_BY, Qt.Orientation.Horizontal, rm.ToolTipRole)
    assert model.headerData(rm.COL_NUMBER, Qt.Orientation.Horizontal, rm.ToolTipRole) is None


def test_long_description_is_one_line_in_the_cell(qapp) -> None:
    register = FakeRegister(1)
    model = RegisterModel(register, {})
    original = register.page

    def page(*args: object) -> list[RegisterRow]:
        rows = original(*args)  # type: ignore[arg-type]
        return [row.__class__(**{**_fields(row), "description": "第一行\n第二行" + "长" * 300}) for row in rows]

    register.page = page  # type: ignore[method-assign]
    text = model.data(model.index(0, rm.COL_DESCRIPTION))
    assert "\n" not in text and text.endswith("…") and len(text) <= 160
    assert model.data(model.index(0, rm.COL_DESCRIPTION), rm.ToolTipRole).startswith("第一行\n第二行")


def _fields(row: RegisterRow) -> dict[str, object]:
    return row._asdict()


# ---------------------------------------------------------------- paging


def test_pages_in_blocks_past_the_first(qapp, context: AppContext, sample: Sample) -> None:
    model = make_model(context, block_size=2, max_blocks=2)
    model.sort(rm.COL_NUMBER, Qt.SortOrder.AscendingOrder)
    assert model.queries == 0  # nothing read before someone asks
    numbers = column_texts(model, rm.COL_NUMBER)
    assert numbers == sorted(h.number for h in sample.hazards)
    assert model.queries == 3  # blocks 0, 1, 2 of two rows each
    assert model.cached_blocks() == [1, 2]  # least recently used dropped
    model.data(model.index(3, 0))
    assert model.queries == 3  # block 1 still cached
    model.data(model.index(0, 0))
    assert model.queries == 4 and model.cached_blocks() == [1, 0]


def test_100000_rows_read_only_the_blocks_shown(qapp) -> None:
    register = FakeRegister(100_000)
    model = RegisterModel(register, {"4.6": "设备"})
    assert model.rowCount() == 100_000
    assert register.pages == []
    assert model.data(model.index(99_999, rm.COL_NUMBER)) == "YH-2026-100000"
    assert [(p[3], p[4]) for p in register.pages] == [(99_800, 200)]
    assert model.data(model.index(99_998, rm.COL_CATEGORY)) == "设备"
    assert len(register.pages) == 1
    assert model.row_at(100_000) is None and model.row_at(-1) is None


def test_find_row_looks_only_at_the_top_blocks(qapp) -> None:
    register = FakeRegister(100_000)
    model = RegisterModel(register, {})
    assert model.find_row(uuid.UUID(int=150)) == 149
    assert model.find_row(uuid.UUID(int=90_000)) == -1
    assert len(register.pages) == 5  # gave up after five blocks instead of reading 100,000 rows


def test_a_failing_read_is_reported_not_raised(qapp, qtbot) -> None:
    class Broken(FakeRegister):
        def page(self, *args: object) -> list[RegisterRow]:
            raise OSError("disk gone")

    model = RegisterModel(Broken(10), {})
    with qtbot.waitSignal(model.load_failed) as blocker:
        assert model.data(model.index(0, 0)) is None
    assert isinstance(blocker.args[0], OSError)


# ---------------------------------------------------------------- sorting and filtering go to SQL


@pytest.mark.parametrize("column", sorted(rm.SORT_KEYS))
def test_sort_by_each_column_is_passed_to_sql(qapp, column: int) -> None:
    register = FakeRegister(1000)
    model = RegisterModel(register, {})
    model.data(model.index(0, 0))
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    for order, descending in ((Qt.SortOrder.AscendingOrder, False), (Qt.SortOrder.DescendingOrder, True)):
        model.sort(column, order)
        model.data(model.index(500, 0))
        assert register.pages[-1][1:4] == (rm.SORT_KEYS[column], descending, 400)
        assert model.sort_column() == column and model.sort_order() == order
    assert resets  # the view is told to read again


def test_unsortable_columns_keep_the_order(qapp) -> None:
    register = FakeRegister(10)
    model = RegisterModel(register, {})
    model.sort(rm.COL_FOUND_AT, Qt.SortOrder.AscendingOrder)
    for column in (rm.COL_FOUND_BY, rm.COL_PHOTOS):
        assert not model.is_sortable(column)
        model.sort(column, Qt.SortOrder.DescendingOrder)
        assert model.sort_key is SortKey.FOUND_AT and not model.descending


@pytest.mark.parametrize(
    ("column", "key"),
    [
        (rm.COL_NUMBER, lambda h: h.number),
        (rm.COL_FOUND_AT, lambda h: h.found_at),
        (rm.COL_DESCRIPTION, lambda h: h.description),
        (rm.COL_LOCATION, lambda h: h.location),
    ],
)
def test_sql_sort_orders_real_rows(qapp, context: AppContext, sample: Sample, column: int, key) -> None:
    model = make_model(context)
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        model.sort(column, order)
        expected = [h.number for h in sorted(sample.hazards, key=key, reverse=order == Qt.SortOrder.DescendingOrder)]
        assert column_texts(model, rm.COL_NUMBER) == expected


def test_filter_resets_with_a_new_count(qapp, qtbot, context: AppContext, sample: Sample) -> None:
    model = make_model(context)
    with qtbot.waitSignal(model.modelReset):
        model.set_filter(RegisterFilter(category_code="4.6"))
    assert model.rowCount() == 3
    assert set(column_texts(model, rm.COL_CATEGORY)) == {"Equipment / facilities / tools"}
    model.set_filter(RegisterFilter(department_id=sample.department("AHB").id))
    assert sorted(column_texts(model, rm.COL_DEPARTMENT)) == ["安环部", "安环部"]
    model.set_filter(RegisterFilter(statuses=frozenset({HazardStatus.CLOSED})))
    assert model.rowCount() == 0
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.set_filter(RegisterFilter(statuses=frozenset({HazardStatus.CLOSED})))
    assert resets == []  # the same filter again changes nothing


def test_refresh_sees_new_rows(qapp, context: AppContext, sample: Sample) -> None:
    model = make_model(context)
    assert model.rowCount() == 5
    data = hazard_service.get_hazard(context.uow(), sample.hazards[1].id)
    hazard_service.create_hazard(
        context.uow(),
        HazardInput("新隐患", "仓库", data.department_id, "4.8", None, data.found_by_id, data.found_at),
    )
    assert model.rowCount() == 5
    model.refresh()
    assert model.rowCount() == 6


def test_category_names_follow_the_language(qapp, context: AppContext, sample: Sample) -> None:
    model = make_model(context)
    with context.uow() as uow:
        model.set_category_names(labels.category_names(uow.reference.categories(), "zh"))
    assert "设备/设施/工器具" in column_texts(model, rm.COL_CATEGORY)
