"""The windowed register model: Qt's model tester, columns, paging in blocks, sorting and filtering in SQL."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QImage
from PySide6.QtWidgets import QTableView

from hazard_desktop.domain.grading import DisputeState
from hazard_desktop.domain.hazards import HazardGrade, HazardInput, HazardStatus
from hazard_desktop.services import hazards as hazard_service
from hazard_desktop.services.context import AppContext
from hazard_desktop.services.ports import RegisterFilter, RegisterRow, SortKey
from hazard_desktop.ui import labels
from hazard_desktop.ui.formatting import format_datetime
from hazard_desktop.ui.labels import BandLabel
from hazard_desktop.ui.models import register_model as rm
from hazard_desktop.ui.models.register_model import RegisterModel
from tests.ui.conftest import Sample
from tests.ui.grading_data import Graded, make_graded


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
        self.positions: list[tuple[RegisterFilter, SortKey, bool, uuid.UUID]] = []

    def count(self, flt: RegisterFilter) -> int:
        self.counts.append(flt)
        return self.size

    def position(self, flt: RegisterFilter, sort: SortKey, descending: bool, hazard_id: uuid.UUID) -> int | None:
        self.positions.append((flt, sort, descending, hazard_id))
        return hazard_id.int - 1 if 0 < hazard_id.int <= self.size else None

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
    assert row[rm.COL_STATUS] == labels.status_label(HazardStatus.OPEN) == "To be graded"
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
        "Band",
        "Mean D",
        "Method",
        "Dispute",
        "Photos",
        "Deadline",
        "Days left",
        "Responsible department",
        "Responsible person",
    ]
    assert model.headerData(rm.COL_NUMBER, Qt.Orientation.Horizontal, rm.ToolTipRole) is None
    assert "D.4" in model.headerData(rm.COL_BAND, Qt.Orientation.Horizontal, rm.ToolTipRole)
    assert model.headerData(rm.COL_MEAN_D, Qt.Orientation.Horizontal, rm.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    )


@pytest.mark.no_model_tester  # counts the blocks and queries the model reads
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


@pytest.mark.no_model_tester  # counts the blocks and queries the model reads
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


@pytest.mark.no_model_tester  # counts the blocks and queries the model reads
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


@pytest.mark.no_model_tester  # counts the blocks and queries the model reads
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


@pytest.mark.no_model_tester  # asserts the page read last; the tester would walk all 1,000 rows on every sort
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


def test_every_column_sorts_and_every_key_has_a_column(qapp) -> None:
    assert sorted(rm.SORT_KEYS) == list(range(rm.COLUMN_COUNT))
    assert set(rm.COLUMN_OF_SORT_KEY) == set(SortKey) - {SortKey.UPDATED_AT}
    model = RegisterModel(FakeRegister(10), {})
    model.sort(rm.COL_PHOTOS, Qt.SortOrder.DescendingOrder)
    assert model.sort_key is SortKey.PHOTOS and model.descending
    model.sort(rm.COL_FOUND_BY, Qt.SortOrder.AscendingOrder)
    assert model.sort_key is SortKey.FOUND_BY and not model.descending
    model.sort(99, Qt.SortOrder.AscendingOrder)  # not a column: nothing changes
    assert model.sort_key is SortKey.FOUND_BY


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
    assert "设备/设施/工器具类隐患" in column_texts(model, rm.COL_CATEGORY)


# ---------------------------------------------------------------- grading columns (real gradings)


@pytest.fixture
def graded(qapp, context: AppContext) -> Graded:
    return make_graded(context)


def graded_model(context: AppContext, **kwargs: int) -> RegisterModel:
    with context.uow() as uow:
        names = labels.category_names(uow.reference.categories())
        bands = labels.band_labels(uow.lec.threshold_sets())
    model = RegisterModel(context.register, names, bands=bands, **kwargs)
    model.sort(rm.COL_NUMBER, Qt.SortOrder.AscendingOrder)
    return model


def row_of(model: RegisterModel, hazard_id: uuid.UUID) -> int:
    row = model.position_of(hazard_id)
    assert row >= 0
    return row


def cell(model: RegisterModel, hazard_id: uuid.UUID, column: int, role: int = rm.DisplayRole) -> object:
    return model.data(model.index(row_of(model, hazard_id), column), role)


def icon_colour(icon: object) -> str:
    """The colour of an icon up left of its middle (clear of the dispute mark's white "!" or tick)."""
    assert isinstance(icon, QIcon) and not icon.isNull()
    image = icon.pixmap(icon.availableSizes()[0]).toImage()
    return image.pixelColor(image.width() * 3 // 10, image.height() // 4).name()


def test_model_tester_with_gradings(qtmodeltester, context: AppContext, graded: Graded) -> None:
    model = graded_model(context, block_size=4)
    qtmodeltester.check(model, force_py=False)
    model.sort(rm.COL_BAND, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model, force_py=False)


def test_grading_columns_show_band_mean_method_and_dispute(context: AppContext, graded: Graded) -> None:
    model = graded_model(context)
    texts = {
        hazard.id: [cell(model, hazard.id, c) for c in (rm.COL_BAND, rm.COL_MEAN_D, rm.COL_METHOD, rm.COL_DISPUTE)]
        for hazard in (graded.ruled, graded.criteria, graded.corrected, graded.draft, graded.open_dispute)
    }
    assert texts == {
        graded.ruled.id: ["Significantly dangerous", "126.00", "LEC panel", "Ruled"],
        graded.criteria.id: ["Highly dangerous", "252.00", "Major-hazard criteria", ""],
        graded.corrected.id: ["", "", "Panel decision", ""],
        graded.draft.id: ["", "", "", ""],  # a draft does not count
        graded.open_dispute.id: ["Generally dangerous", "≈20.33", "LEC panel", "Disputed"],
    }
    assert cell(model, graded.open_dispute.id, rm.COL_MEAN_D, rm.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    )
    assert cell(model, graded.ruled.id, rm.COL_MEAN_D, rm.SortRole) == "126"


def test_band_swatch_has_the_colour_stored_in_the_threshold_set(context: AppContext, graded: Graded) -> None:
    model = graded_model(context)
    assert icon_colour(cell(model, graded.ruled.id, rm.COL_BAND, rm.DecorationRole)) == "#fbc02d"
    assert icon_colour(cell(model, graded.criteria.id, rm.COL_BAND, rm.DecorationRole)) == "#f57c00"
    assert cell(model, graded.corrected.id, rm.COL_BAND, rm.DecorationRole) is None
    assert cell(model, graded.ruled.id, rm.COL_BAND, rm.ToolTipRole) == "Significantly dangerous — Rectification needed"
    assert cell(model, graded.ruled.id, rm.COL_NUMBER, rm.DecorationRole) is None


def test_open_dispute_is_marked_by_icon_colour_and_bold(context: AppContext, graded: Graded) -> None:
    model = graded_model(context)
    open_id, ruled_id = graded.open_dispute.id, graded.ruled.id
    assert (
        icon_colour(cell(model, open_id, rm.COL_DISPUTE, rm.DecorationRole))
        == labels.DISPUTE_COLOURS[DisputeState.OPEN]
    )
    assert (
        icon_colour(cell(model, ruled_id, rm.COL_DISPUTE, rm.DecorationRole))
        == labels.DISPUTE_COLOURS[DisputeState.RULED]
    )
    assert cell(model, graded.criteria.id, rm.COL_DISPUTE, rm.DecorationRole) is None
    font = cell(model, open_id, rm.COL_DISPUTE, rm.FontRole)
    assert isinstance(font, QFont) and font.bold()
    assert cell(model, ruled_id, rm.COL_DISPUTE, rm.FontRole) is None
    brush = cell(model, open_id, rm.COL_DISPUTE, rm.ForegroundRole)
    assert QColor(brush).name() == labels.DISPUTE_COLOURS[DisputeState.OPEN]  # the text colour
    assert "has not ruled" in cell(model, open_id, rm.COL_DISPUTE, rm.ToolTipRole)
    assert QColor(cell(model, graded.criteria.id, rm.COL_GRADE, rm.ForegroundRole)).name() == "#c62828"


def test_mean_d_decimals_follow_the_setting(context: AppContext, graded: Graded) -> None:
    model = graded_model(context, decimals=3)
    assert cell(model, graded.open_dispute.id, rm.COL_MEAN_D) == "≈20.333"  # 61/3, rounded: "≈"
    changes: list[object] = []
    model.dataChanged.connect(lambda *args: changes.append(args))
    model.set_decimals(0)
    # "20" would land on the edge 20 of 一般危险 (and look exact): one more decimal, as dialogs and sheets do
    assert cell(model, graded.open_dispute.id, rm.COL_MEAN_D) == "≈20.3"
    assert cell(model, graded.ruled.id, rm.COL_MEAN_D) == "126"  # exact: no "≈"
    assert changes  # the view repaints
    model.set_decimals(0)
    assert len(changes) == 1
    assert rm.mean_text(Decimal("20.005"), 2) == "≈20.01"  # half up, from the exact Decimal text
    assert rm.mean_text(Decimal("67.8"), 2) == "67.80"
    assert rm.mean_text(None) == ""


def test_a_rounded_mean_d_never_lands_on_or_crosses_its_band_edge(context: AppContext, graded: Graded) -> None:
    """Issue 9: 220.05/11 = 20.0045… is never shown "20.00" beside 一般危险; the register uses the same
    rule (and digits) as dialogs and sheets, with the limits of the row's band."""
    from fractions import Fraction

    from hazard_desktop.domain.lec import approx_text, band_edges

    with context.uow() as uow:
        sets = uow.lec.threshold_sets()
    bands = labels.band_labels(sets)
    assert Decimal(20) in bands["general"].edges and Decimal(70) in bands["general"].edges
    stored = Decimal("20.00454545454545454545")  # hazards.mean_d of 220.05/11
    assert rm.mean_text(stored, 2, bands["general"].edges) == "≈20.005"
    assert rm.mean_text(stored, 2, bands["general"].edges) == approx_text(Fraction(22005, 1100), 2, band_edges(sets[0]))
    assert rm.mean_text(Decimal("69.9955"), 2, bands["general"].edges) == "≈69.996"  # "70.00" would cross 70
    model = graded_model(context, decimals=0)
    assert cell(model, graded.open_dispute.id, rm.COL_MEAN_D) == "≈20.3"


def test_band_names_follow_the_language(context: AppContext, graded: Graded) -> None:
    model = graded_model(context)
    with context.uow() as uow:
        model.set_bands(labels.band_labels(uow.lec.threshold_sets(), "zh"))
    assert cell(model, graded.ruled.id, rm.COL_BAND) == "显著危险"
    assert [b.code for b in model.bands.values()] == ["extreme", "high", "significant", "general", "slight"]


def test_sort_by_grading_columns_goes_to_sql(context: AppContext, graded: Graded) -> None:
    model = graded_model(context)
    model.sort(rm.COL_BAND, Qt.SortOrder.AscendingOrder)  # no band first, then harmless → dangerous
    assert column_texts(model, rm.COL_BAND)[-3:] == [
        "Generally dangerous",
        "Significantly dangerous",
        "Highly dangerous",
    ]
    model.sort(rm.COL_MEAN_D, Qt.SortOrder.DescendingOrder)
    assert column_texts(model, rm.COL_MEAN_D)[:3] == ["252.00", "126.00", "≈20.33"]
    model.sort(rm.COL_DISPUTE, Qt.SortOrder.DescendingOrder)
    assert column_texts(model, rm.COL_DISPUTE)[:2] == ["Ruled", "Disputed"]
    model.sort(rm.COL_METHOD, Qt.SortOrder.AscendingOrder)
    assert column_texts(model, rm.COL_METHOD) == [
        "",
        "",
        "Major-hazard criteria",
        "LEC panel",
        "LEC panel",
        "Panel decision",
    ]


def test_grading_filters(context: AppContext, graded: Graded) -> None:
    model = graded_model(context)
    model.set_filter(RegisterFilter(band_codes=frozenset({"significant", "high"})))
    assert sorted(column_texts(model, rm.COL_NUMBER)) == sorted([graded.ruled.number, graded.criteria.number])
    model.set_filter(RegisterFilter(methods=frozenset({"panel_decision"})))
    assert column_texts(model, rm.COL_NUMBER) == [graded.corrected.number]
    model.set_filter(RegisterFilter(disputed=True))
    assert sorted(column_texts(model, rm.COL_NUMBER)) == sorted([graded.ruled.number, graded.open_dispute.number])
    model.set_filter(RegisterFilter(disputed=False))
    assert model.rowCount() == 4


# ---------------------------------------------------------------- finding a row far down


@pytest.mark.no_model_tester  # counts the blocks and queries the model reads
def test_position_of_asks_sql_instead_of_reading_blocks(qapp) -> None:
    register = FakeRegister(100_000)
    model = RegisterModel(register, {})
    assert model.position_of(uuid.UUID(int=90_000)) == 89_999
    assert register.pages == []  # no block read to find it
    assert register.positions[-1][1:] == (SortKey.NUMBER, True, uuid.UUID(int=90_000))
    assert model.position_of(uuid.UUID(int=200_000)) == -1
    model.data(model.index(5, 0))
    calls = len(register.positions)
    assert model.position_of(uuid.UUID(int=3)) == 2  # a cached block answers first
    assert len(register.positions) == calls


@pytest.mark.no_model_tester  # counts the blocks and queries the model reads
def test_position_of_with_a_real_register(context: AppContext, sample: Sample) -> None:
    model = make_model(context, block_size=2)
    model.sort(rm.COL_FOUND_AT, Qt.SortOrder.AscendingOrder)
    assert model.position_of(sample.hazards[4].id) == 4
    assert model.cached_blocks() == []
    model.set_filter(RegisterFilter(text="泄漏"))
    assert model.position_of(sample.hazards[4].id) == -1
    assert model.position_of(sample.hazards[2].id) == 0


@pytest.mark.no_model_tester  # counts the blocks and queries the model reads
def test_a_failing_position_is_reported_not_raised(qapp, qtbot) -> None:
    class Broken(FakeRegister):
        def position(self, *args: object) -> int | None:
            raise OSError("disk gone")

    model = RegisterModel(Broken(10), {})
    with qtbot.waitSignal(model.load_failed):
        assert model.position_of(uuid.UUID(int=3)) == -1


def test_data_compares_roles_with_module_level_ints() -> None:
    """TOOLCHAIN.md §8: enum attribute lookups in the hot data() cost a third of a repaint."""
    from hazard_desktop.ui.models import register_model

    names = RegisterModel.data.__code__.co_names
    assert "Qt" not in names and "ItemDataRole" not in names
    assert "_PAINT_SLOTS" in names  # the roles a repaint asks, looked up by int in one dict
    assert all(type(role) is int for role in register_model._PAINT_SLOTS)
    paint = {register_model.DisplayRole, register_model.DecorationRole, register_model.TextAlignmentRole}
    assert paint | {register_model.ForegroundRole, register_model.FontRole} == set(register_model._PAINT_SLOTS)


@pytest.mark.no_model_tester
def test_a_hazard_with_an_exchange_conflict_has_the_mark_beside_its_number(qapp) -> None:
    register = FakeRegister(2)
    original = register.page

    def page(*args: object) -> list[RegisterRow]:
        rows = original(*args)  # type: ignore[arg-type]
        return [row._replace(exchange_conflict=n == 1) for n, row in enumerate(rows)]

    register.page = page  # type: ignore[method-assign]
    model = RegisterModel(register, {})
    assert model.data(model.index(0, rm.COL_NUMBER), Qt.ItemDataRole.DecorationRole) is None
    icon = model.data(model.index(1, rm.COL_NUMBER), Qt.ItemDataRole.DecorationRole)
    assert isinstance(icon, QIcon) and not icon.isNull()
    assert "Exchange conflict" in model.data(model.index(1, rm.COL_NUMBER), rm.ToolTipRole)


# ---------------------------------------------------------------- fewer conversions per painted cell (issue 16)


def _marked_register(size: int) -> FakeRegister:
    """Rows with every mark a cell can carry: overdue, closed, major, disputes, band, mean D, photos, conflict."""
    register = FakeRegister(size)
    original = register.page
    today = date.today()

    def page(*args: object) -> list[RegisterRow]:
        rows = original(*args)  # type: ignore[arg-type]
        marked = []
        for n, row in enumerate(rows):
            kind = n % 6
            marked.append(
                row._replace(
                    status=(HazardStatus.RECTIFYING, HazardStatus.CLOSED, HazardStatus.OPEN)[kind % 3],
                    grade=HazardGrade.MAJOR if kind == 2 else row.grade,
                    deadline=today + timedelta(days=(-3, 4, 0)[kind % 3]),
                    dispute_state=(DisputeState.OPEN.value, DisputeState.RULED.value, None)[kind % 3],
                    band_code="high" if kind in (0, 3) else None,
                    mean_d=Decimal("126.337") if kind in (0, 3) else None,
                    photo_count=kind,
                    exchange_conflict=kind == 4,
                    responsible_person_name="李娜" if kind == 0 else None,
                )
            )
        return marked

    register.page = page  # type: ignore[method-assign]
    return register


_BANDS = {"high": BandLabel("high", 1, "重大风险", "#d32f2f", "立即停产整改", (Decimal(320),))}


class NumberAlignedModel(RegisterModel):
    """The register as it answered before issue 16: the left-aligned columns' alignment given as a number."""

    def data(self, index: QModelIndex, role: int = rm.DisplayRole) -> object:  # type: ignore[override]
        if role == rm.TextAlignmentRole and index.isValid():
            return rm.ALIGNMENTS[index.column()] or int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return super().data(index, role)


def _paint(model: RegisterModel) -> QImage:
    view = QTableView()
    view.setModel(model)
    view.setAlternatingRowColors(True)
    view.resize(1900, 260)
    for column in range(rm.COLUMN_COUNT):
        view.setColumnWidth(column, 40 if column == rm.COL_DESCRIPTION else 100)  # elided descriptions
    view.show()
    image = view.viewport().grab().toImage()
    view.close()
    return image


@pytest.mark.no_model_tester  # the models are checked by the tests above; this one compares paintings
def test_left_alignment_left_to_the_view_paints_what_a_number_painted(qapp) -> None:
    model = RegisterModel(_marked_register(12), {"4.6": "电气"}, bands=_BANDS)
    assert model.data(model.index(0, rm.COL_NUMBER), rm.TextAlignmentRole) is None  # the view's default
    assert model.data(model.index(0, rm.COL_MEAN_D), rm.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    )
    painted = _paint(model)
    assert painted == _paint(NumberAlignedModel(_marked_register(12), {"4.6": "电气"}, bands=_BANDS))
    width, height = painted.width(), painted.height()
    colours = {painted.pixelColor(x, y).name() for x in range(0, width, 3) for y in range(0, height, 3)}
    assert {"#c62828", "#d32f2f"} <= colours  # overdue / major text, the band's swatch: the marks were painted
