"""The unit of work keeps nothing unless committed."""

from __future__ import annotations

import sqlite3

import pytest

from hazard_desktop import paths
from hazard_desktop.app import engine_of
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


def test_a_single_transaction_keeps_committed_use_cases_and_drops_the_rest_only_when_it_commits(context):
    from hazard_desktop.adapters.db import make_session_factory
    from hazard_desktop.adapters.unit_of_work import SingleTransaction

    kept, dropped, late = _department("S1"), _department("S2"), _department("S3")
    with SingleTransaction(make_session_factory(engine_of(context))) as transaction:
        with transaction.uow() as uow:
            uow.reference.save_department(kept)
            uow.commit()
            uow.reference.save_department(late)
            uow.commit()  # a second commit in one block
        with transaction.uow() as uow:
            uow.reference.save_department(dropped)  # never committed: rolled back to its savepoint
        with transaction.uow() as uow:
            assert uow.reference.get_department(kept.id) == kept
            assert uow.reference.get_department(dropped.id) is None
        with sqlite3.connect(paths.database_path(context.data_dir)) as other:  # nothing is visible outside yet
            assert other.execute("SELECT count(*) FROM departments WHERE code = 'S1'").fetchone()[0] == 0
        other.close()
        transaction.commit()
    with context.uow() as uow:
        assert [uow.reference.get_department(d.id) for d in (kept, dropped, late)] == [kept, None, late]


def test_a_single_transaction_left_by_an_error_keeps_nothing(context):
    from hazard_desktop.adapters.db import make_session_factory
    from hazard_desktop.adapters.unit_of_work import SingleTransaction

    department = _department("S4")
    with pytest.raises(RuntimeError), SingleTransaction(make_session_factory(engine_of(context))) as transaction:
        with transaction.uow() as uow:
            uow.reference.save_department(department)
            uow.commit()
        raise RuntimeError("half-way")
    with context.uow() as uow:
        assert uow.reference.get_department(department.id) is None
