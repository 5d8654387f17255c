"""Helpers of the exchange tests (issue 15): installations as data folders, files between them, contents."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from hazard_desktop import paths
from hazard_desktop.app import build_context, close_context, join_plant
from hazard_desktop.domain.exchange import RECORD_KINDS, Role
from hazard_desktop.services import exchange as ex
from hazard_desktop.services.context import AppContext
from tests.factories import make_context

LOCAL = {"pk", "exchange_conflict"}


class Site:
    """One installation: its folder, its context, its short code."""

    def __init__(self, folder: Path, context: AppContext, code: str) -> None:
        self.folder, self.context, self.code = folder, context, code
        self._files = 0

    @property
    def store(self) -> ex.ExchangeStore:
        assert self.context.exchange_store is not None
        return self.context.exchange_store()

    @property
    def files(self) -> ex.PackageFiles:
        assert self.context.exchange_files is not None
        return self.context.exchange_files()

    def send(self, to: str | None = None, *, everything: bool = False) -> Path:
        self._files += 1
        target = self.folder.parent / f"{self.code}-{self._files}-to-{to or 'office'}.hzx"
        ex.export_exchange(self.store, self.files, target, to=to, everything=everything)
        return target

    def take(self, file: Path) -> ex.ImportResult:
        return ex.import_exchange(self.store, self.files, file)

    def close(self) -> None:
        close_context(self.context)


def office(root: Path, code: str = "HQ") -> Site:
    from hazard_desktop.services.demo import ensure_people

    context = make_context(root / code)
    ensure_people(context.uow())
    site = Site(root / code, context, code)
    ex.set_identity(site.store, short_code=code, role=Role.OFFICE, plant_name="测试化工有限公司")
    return site


def laptop(root: Path, hq: Site, code: str) -> Site:
    """A laptop that joins the plant from the office's file made for it (into an empty data folder)."""
    ex.register_terminal(hq.store, code)
    join_plant(root / code, hq.send(code))
    return Site(root / code, build_context(root / code), code)


def contents(site: Site) -> dict[str, dict[str, tuple]]:
    """The exchanged records of every kind, as stored (without this register's own columns)."""
    with sqlite3.connect(paths.database_path(site.folder)) as con:
        found = {}
        for kind in RECORD_KINDS:
            names = [r[1] for r in con.execute(f"PRAGMA table_info({kind.table})") if r[1] not in LOCAL]
            rows = con.execute(f"SELECT {', '.join(names)} FROM {kind.table}")  # noqa: S608
            found[kind.name] = {row[names.index("id")]: row for row in rows}
        return found


def snapshot(folder: Path) -> dict[str, list[str]]:
    """Every row of every table: a refused import must leave them all as they were."""
    with sqlite3.connect(paths.database_path(folder)) as con:
        tables = [
            r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE '%fts%'")
        ]
        return {t: sorted(map(repr, con.execute(f"SELECT * FROM {t}"))) for t in tables}  # noqa: S608
