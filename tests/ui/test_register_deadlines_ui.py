"""The register's deadline columns (整改期限, 剩余天数 red when negative, 责任部门, 责任人) and the deadline filter."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtGui import QColor

from hazard_desktop.domain.hazards import HazardGrade, HazardStatus
from hazard_desktop.services.context import AppContext
from hazard_desktop.services.ports import RegisterFilter, RegisterRow, SortKey
from hazard_desktop.ui.models import register_model as rm
from hazard_desktop.ui.models.register_model import RegisterModel
from hazard_desktop.ui.register_filters import DUE_SOON, MY_ACCEPTANCE, OVERDUE, RegisterFilterBar

TODAY = date(2026, 12, 30)


def row(n: int, status: HazardStatus, deadline: date | None, *, pending: bool = False) -> RegisterRow:
    return RegisterRow(
        id=uuid.UUID(int=n + 1),
        number=f"YH-2026-{n + 1:04d}",
        description="描述",
        location="罐区",
        equipment_tag="",
        category_code="4.6",
        subcategory_code=None,
        department_name="安环部",
        found_by_name="张伟",
        found_at=datetime(2026, 1, 1, tzinfo=UTC),
        status=status,
        grade=HazardGrade.GENERAL,
        photo_count=0,
        deadline=deadline,
        responsible_department_name="合成车间" if deadline else None,
        responsible_person_name="李四" if deadline else None,
        extension_pending=pending,
    )


class Rows:
    """RegisterQueries over fixed rows (the order and filter are SQL's business, tested elsewhere)."""

    def __init__(self, rows: list[RegisterRow]) -> None:
        self.rows = rows
        self.sorts: list[SortKey] = []

    def count(self, flt: RegisterFilter) -> int:
        return len(self.rows)

    def page(self, flt: RegisterFilter, sort: SortKey, descending: bool, offset: int, limit: int) -> list[RegisterRow]:
        self.sorts.append(sort)
        return self.rows[offset : offset + limit]

    def position(self, flt: RegisterFilter, sort: SortKey, descending: bool, hazard_id: uuid.UUID) -> int | None:
        return None


@pytest.fixture
def model(qapp) -> RegisterModel:
    register = Rows([
        row(0, HazardStatus.RECTIFYING, TODAY - timedelta(days=3), pending=True),
        row(1, HazardStatus.RECTIFYING, TODAY),
        row(2, HazardStatus.RECTIFYING, TODAY + timedelta(days=5)),
        row(3, HazardStatus.VERIFYING, TODAY - timedelta(days=1)),
        row(4, HazardStatus.OPEN, None),
    ])  # fmt: skip
    model = RegisterModel(register)
    model.set_today(TODAY)
    return model


def cell(model: RegisterModel, r: int, column: int, role: int = rm.DisplayRole) -> object:
    return model.data(model.index(r, column), role)


def test_model_tester_with_deadlines(qtmodeltester, model: RegisterModel) -> None:
    qtmodeltester.check(model)


def test_deadline_days_left_and_responsibility_columns(model: RegisterModel) -> None:
    assert [cell(model, r, rm.COL_DEADLINE) for r in range(5)] == [
        "2026-12-27", "2026-12-30", "2027-01-04", "2026-12-29", ""
    ]  # fmt: skip
    # Days left only while under rectification (待验收 waits for the acceptor, not the deadline).
    assert [cell(model, r, rm.COL_DAYS_LEFT) for r in range(5)] == ["-3", "0", "5", "", ""]
    assert cell(model, 0, rm.COL_RESPONSIBLE_DEPARTMENT) == "合成车间"
    assert cell(model, 0, rm.COL_RESPONSIBLE_PERSON) == "李四"
    assert cell(model, 4, rm.COL_RESPONSIBLE_PERSON) == ""


def test_overdue_is_red_and_bold_the_rest_is_not(model: RegisterModel) -> None:
    red = cell(model, 0, rm.COL_DAYS_LEFT, rm.ForegroundRole)
    assert isinstance(red, QColor) and red.name() == "#c62828"  # the text colour
    assert cell(model, 0, rm.COL_DEADLINE, rm.ForegroundRole) is red
    assert cell(model, 0, rm.COL_DAYS_LEFT, rm.FontRole).bold()
    for r in (1, 2, 3, 4):
        assert cell(model, r, rm.COL_DAYS_LEFT, rm.ForegroundRole) is None
    assert "3" in cell(model, 0, rm.COL_DAYS_LEFT, rm.ToolTipRole)
    assert "\n" in cell(model, 0, rm.COL_DAYS_LEFT, rm.ToolTipRole)  # the extension asked for


def test_days_left_follow_the_day(model: RegisterModel) -> None:
    model.set_today(TODAY + timedelta(days=6))
    assert [cell(model, r, rm.COL_DAYS_LEFT) for r in range(3)] == ["-9", "-6", "-1"]
    assert cell(model, 2, rm.COL_DAYS_LEFT, rm.ForegroundRole) is not None


@pytest.mark.parametrize(
    ("column", "key"),
    [
        (rm.COL_DEADLINE, SortKey.DEADLINE),
        (rm.COL_DAYS_LEFT, SortKey.DEADLINE),
        (rm.COL_RESPONSIBLE_DEPARTMENT, SortKey.RESPONSIBLE_DEPARTMENT),
        (rm.COL_RESPONSIBLE_PERSON, SortKey.RESPONSIBLE_PERSON),
    ],
)
def test_new_columns_sort_in_sql(model: RegisterModel, column: int, key: SortKey) -> None:
    from PySide6.QtCore import Qt

    model.sort(column, Qt.SortOrder.AscendingOrder)
    cell(model, 0, rm.COL_NUMBER)
    assert model.sort_key is key and model._register.sorts[-1] is key  # type: ignore[attr-defined]


def test_headers_of_the_new_columns(model: RegisterModel) -> None:
    assert [rm.header_text(c) for c in range(rm.COL_DEADLINE, rm.COLUMN_COUNT)] == [
        "Deadline", "Days left", "Responsible department", "Responsible person"
    ]  # fmt: skip


@pytest.fixture
def bar(qtbot, context: AppContext) -> RegisterFilterBar:
    with context.uow() as uow:
        widget = RegisterFilterBar(uow.reference.categories(), uow.reference.departments())
    qtbot.addWidget(widget)
    widget.today = TODAY
    return widget


def test_deadline_filter_choices(qtbot, bar: RegisterFilterBar) -> None:
    with qtbot.waitSignal(bar.filter_changed) as blocker:
        bar.deadline.setCurrentIndex(bar.deadline.findData(OVERDUE))
    assert blocker.args[0] == RegisterFilter(deadline_before=TODAY)
    with qtbot.waitSignal(bar.filter_changed) as blocker:
        bar.deadline.setCurrentIndex(bar.deadline.findData(DUE_SOON))
    assert blocker.args[0] == RegisterFilter(deadline_from=TODAY, deadline_before=date(2027, 1, 7))
    with qtbot.waitSignal(bar.filter_changed) as blocker:
        bar.clear_button.click()
    assert blocker.args[0] == RegisterFilter()


def test_my_acceptance_needs_an_operator(qtbot, bar: RegisterFilterBar) -> None:
    index = bar.deadline.findData(MY_ACCEPTANCE)
    item = bar.deadline.model().item(index)
    assert not item.isEnabled()
    me = uuid.uuid4()
    bar.set_operator(me)
    assert item.isEnabled()
    with qtbot.waitSignal(bar.filter_changed) as blocker:
        bar.deadline.setCurrentIndex(index)
    assert blocker.args[0] == RegisterFilter(acceptor_id=me)
    with qtbot.waitSignal(bar.filter_changed) as blocker:
        bar.set_operator(None)  # nobody chosen: the choice goes back to "Any deadline"
    assert blocker.args[0] == RegisterFilter() and bar.deadline.currentIndex() == 0
