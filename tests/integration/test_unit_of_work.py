"""The unit of work keeps nothing unless committed."""

from __future__ import annotations

import pytest

from hazard_desktop.domain.records import new_id, utcnow
from hazard_desktop.domain.reference import Department, DepartmentKind


def _department(code: str) -> Department:
    now = utcnow()
    return Department(new_id(), code, f"测试部门{code}", DepartmentKind.OTHER, True, now, now)


def test_uow_rolls_back_uncommitted_work_by_default(context):
    department = _department("T1")
    with context.uow() as uow:
        uow.reference.save_department(department)
    with context.uow() as uow:
        assert uow.reference.get_department(department.id) is None


def test_uow_rolls_back_on_error(context):
    department = _department("T2")
    with pytest.raises(RuntimeError), context.uow() as uow:
        uow.reference.save_department(department)
        raise RuntimeError("boom")
    with context.uow() as uow:
        assert uow.reference.get_department(department.id) is None


def test_committed_work_is_kept(context):
    department = _department("T3")
    with context.uow() as uow:
        uow.reference.save_department(department)
        uow.commit()
    with context.uow() as uow:
        assert uow.reference.get_department(department.id) == department
