"""The window's start without SQLAlchemy (app.build_context(lazy=True), adapters/start_reads.py).

The plain-sqlite3 reads must return exactly what the ORM repositories return; a unit of work that
needs more opens the real storage and carries on; a database that needs migrating or seeding is
opened the usual way; and the window's start imports no SQLAlchemy (checked in a fresh process).
"""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from hazard_desktop import paths
from hazard_desktop.adapters import start_reads
from hazard_desktop.adapters.schema import open_database
from hazard_desktop.adapters.unit_of_work import SqlUnitOfWork
from hazard_desktop.app import build_context, close_context
from hazard_desktop.domain.records import new_id, utcnow
from hazard_desktop.domain.reference import Person, Role
from hazard_desktop.services.hazards import create_hazard
from hazard_desktop.services.inspection_seed import bundled_templates
from hazard_desktop.services.ports import RegisterFilter, SortKey
from hazard_desktop.services.reference_queries import load_reference
from tests.factories import add_person, hazard_input

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def folder(tmp_path) -> Path:
    """A seeded database at this build's revision, with an inactive person and department and a setting."""
    data = tmp_path / "data"
    context = build_context(data)
    try:
        inspector = add_person(context, "王检查")
        create_hazard(context.uow(), hazard_input(context, inspector))
        with context.uow() as uow:
            department = uow.reference.departments()[-1]
            uow.reference.save_department(dataclasses.replace(department, active=False))
            now = utcnow()
            uow.reference.save_person(
                Person(
                    new_id(), "李离职", department.id, frozenset({Role.INSPECTOR, Role.PANEL_MEMBER}), False, now, now
                )
            )
            uow.settings.set("plant_name", "某化工有限公司")
            uow.commit()
    finally:
        close_context(context)
    return data


@pytest.fixture
def lazy(folder):
    context = build_context(folder, lazy=True)
    yield context
    close_context(context)


def test_reads_equal_the_orm_repositories(folder):
    eager = build_context(folder)
    con = start_reads.connect(paths.database_path(folder))
    try:
        plain = start_reads.StartUnitOfWork(con, lambda: pytest.fail("a read opened the storage"))
        with eager.uow() as uow, plain:
            for inactive in (False, True):
                assert plain.reference.departments(include_inactive=inactive) == uow.reference.departments(
                    include_inactive=inactive
                )
                assert plain.reference.people(include_inactive=inactive) == uow.reference.people(
                    include_inactive=inactive
                )
            assert plain.reference.categories() == uow.reference.categories()
            someone = uow.reference.people(include_inactive=True)[0]
            assert plain.reference.get_person(someone.id) == someone
            assert plain.reference.get_department(someone.department_id) == uow.reference.get_department(
                someone.department_id
            )
            assert plain.reference.get_person(new_id()) is None
            assert plain.settings.get("plant_name") == uow.settings.get("plant_name") == "某化工有限公司"
            assert plain.settings.get("no such key") is None
            assert plain.lec.threshold_sets() == uow.lec.threshold_sets()
        assert plain.real is None
    finally:
        con.close()
        close_context(eager)


def test_seeding_needed_follows_what_the_seeds_would_write(folder, tmp_path):
    con = start_reads.connect(paths.database_path(folder))
    try:
        assert not start_reads.seeding_needed(con, bundled_templates())
        shipped = json.loads(bundled_templates())
        shipped["templates"][0]["versions"].append({**shipped["templates"][0]["versions"][0], "id": str(new_id())})
        assert start_reads.seeding_needed(con, json.dumps(shipped))  # a new template version in a later build
    finally:
        con.close()
    bare = tmp_path / "bare.db"
    open_database(bare, tmp_path / "backups").engine.dispose()  # migrated, never seeded
    con = start_reads.connect(bare)
    try:
        assert start_reads.seeding_needed(con, bundled_templates())
    finally:
        con.close()


def test_lazy_context_opens_no_engine_for_reads(lazy):
    assert not lazy.storage.is_open
    reference = load_reference(lazy.uow())
    assert reference.categories and reference.departments
    assert lazy.register.count(RegisterFilter()) == 1
    assert lazy.register.page(RegisterFilter(), SortKey.NUMBER, True, 0, 10)[0].description.startswith("合成")
    assert not lazy.storage.is_open


def test_a_write_opens_the_storage_and_carries_on(lazy):
    uow = lazy.uow()
    with uow:
        before = uow.settings.get("plant_name")
        uow.settings.set("plant_name", "新名称")  # not a served read: the real unit of work takes over
        uow.commit()
    assert before == "某化工有限公司"
    assert lazy.storage.is_open and lazy.storage.opened().backup is None  # at head: nothing migrated
    assert isinstance(lazy.uow(), SqlUnitOfWork)
    with lazy.uow() as fresh:
        assert fresh.settings.get("plant_name") == "新名称"


def test_other_repositories_open_the_storage(lazy):
    with lazy.uow() as uow:
        assert uow.hazards.count() == 1
    assert lazy.storage.is_open


def test_asking_what_opening_did_opens_the_storage_once(lazy):
    opened = lazy.storage.opened()
    assert opened is lazy.storage.opened() and opened.path == paths.database_path(lazy.data_dir)
    assert lazy.storage.is_open


def test_a_bulk_writer_opens_the_storage(lazy):
    writer = lazy.bulk_writer()
    assert lazy.storage.is_open
    assert writer.write_hazards([]) == 0


def test_worker_threads_open_the_storage_once(lazy, monkeypatch):
    """Threads that need the storage at the same moment open it once (the opener holds a lock)."""
    import threading

    from hazard_desktop.adapters import schema

    real_open = schema.open_database
    calls: list[str] = []
    second_caller = threading.Event()

    def counting_open(*args, **kwargs):
        calls.append(threading.current_thread().name)
        if len(calls) == 1:
            # Keep the door open: without the lock another thread walks in now (and sets the event).
            second_caller.wait(timeout=0.5)
        else:
            second_caller.set()
        return real_open(*args, **kwargs)

    monkeypatch.setattr(schema, "open_database", counting_open)
    start = threading.Barrier(4)
    counts: list[int] = []
    failures: list[BaseException] = []

    def work() -> None:
        try:
            start.wait()
            with lazy.uow() as uow:
                counts.append(uow.hazards.count())  # not a served read: needs the full storage
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            failures.append(exc)

    threads = [threading.Thread(target=work, name=f"worker-{n}") for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert len(calls) == 1, calls
    assert counts == [1, 1, 1, 1]


def test_a_new_or_outdated_database_is_opened_the_usual_way(tmp_path):
    context = build_context(tmp_path / "new", lazy=True)
    try:
        assert context.storage.is_open  # created, migrated and seeded
        assert context.uow().__class__ is SqlUnitOfWork
    finally:
        close_context(context)


@pytest.mark.slow
def test_the_window_starts_without_sqlalchemy(folder):
    # Dialogs and windows the first paint does not need are imported when first opened.
    later = [
        "ui.dialogs.hazard_editor",
        "ui.inspections.list_window",
        "ui.inspections.start_dialog",
        "ui.widgets.hidden_scoring",
        "services.template_exchange",
        # the use cases behind menus: imported when a sheet, a grading or an inspection is first asked for
        "services.sheets",
        "services.sheet_builders",
        "services.grading",
        "services.inspections",
        "ui.sheets.choose",
        "ui.sheets.verify_dialog",
        # issue 16: the rectification rules (editing, photos), the audit and backup dialogs, the accounts dialogs
        "services.hazards",
        "domain.rectification",
        "ui.audit_log",
        "domain.audit",
        "ui.backups",
        "ui.accounts.dialogs",
        "adapters.backup_archive",  # context.backups is made on first use (app._LazyBackups)
        # the background jobs and file dialogs of sheets and the ledger export: when one is asked for
        "ui.workers",
        "ui.file_dialogs",
        # the detail pane's page for a hazard (its grading history too): built when the first hazard is shown;
        # the print records (the Sheets menu needs the kinds only); the automatic backup, which runs after
        # the first paint
        "ui.grading_history",
        "domain.sheet_prints",
        "adapters.automatic_backups",
        # the settings' use cases and the major-hazard criteria: with the first screen that shows them
        "services.reference_admin",
        "domain.criteria",
        # the hazard record and its input rules (the register needs its status and grade values only)
        "domain.hazards",
        # the features that only add menu entries, installed once the first rows are painted (ui/features.py)
        "ui.sheets.actions",
        "ui.exchange.actions",
        "ui.ledger.actions",
        "ui.ledger_export",
        "ui.backup_actions",
        "ui.audit_actions",
    ]
    script = textwrap.dedent(
        f"""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from pathlib import Path
        from hazard_desktop import paths
        from hazard_desktop.app import build_context
        from hazard_desktop.ui.application import create_application
        from hazard_desktop.ui.features import install_features
        from hazard_desktop.ui.main_window import MainWindow
        app = create_application(["test"], paths.resource_dir(), "zh_CN")
        context = build_context(Path({str(folder)!r}), lazy=True)
        window = MainWindow(context)
        install_features(window, context, later=lambda work: None)  # the menu-only features: after the paint
        window.show()
        app.processEvents()
        window.view.viewport().repaint()
        heavy = ("sqlalchemy", "alembic", "reportlab", "openpyxl", "xlsxwriter", "argon2", "PIL", "hashlib")
        loaded = sorted(m for m in sys.modules if m.split(".")[0] in heavy)
        later = ["hazard_desktop." + m for m in {later!r}]
        loaded += sorted(m for m in later if m in sys.modules)
        loaded += [m for m in ("importlib.resources",) if m in sys.modules]  # ~20 modules for one file's text
        print("rows", window.model.rowCount(), "loaded", loaded)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "rows 1 loaded []"


def test_modules_loaded_before_qt_are_not_read_again_by_pysides_import_hook():
    """ui/__init__.py marks the modules loaded before PySide as done for its __feature__ hook (issue 16)."""
    script = textwrap.dedent(
        """
        import sys, typing, fractions
        import hazard_desktop.ui
        from shibokensupport.feature import pyside_feature_dict
        names = ("typing", "fractions", "hazard_desktop.ui.main_window", "hazard_desktop.ui.sheets.actions")
        print(*(pyside_feature_dict.get(name) for name in names))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["-1", "-1", "0", "0"]  # the ui package's own modules: "uses PySide"
