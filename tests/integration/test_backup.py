"""The backup made before an upgrade is whole or absent, and a failed one stops the upgrade."""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path

import pytest

from hazard_desktop.adapters import schema
from hazard_desktop.adapters.errors import StorageError
from hazard_desktop.adapters.schema import current_revision, head_revision, open_database
from hazard_desktop.cli import main
from tests.integration.test_schema import fixture_databases

OLD = next(p for p in fixture_databases() if current_revision(p) != head_revision())


def _old_database(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "hazard_desktop.db"
    shutil.copy(OLD, path)
    return path


def _disk_full(*_args: object, **_kwargs: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def test_a_backup_is_checked_and_renamed_into_place_leaving_no_temporary_file(tmp_path):
    path = _old_database(tmp_path / "data")

    opened = open_database(path, tmp_path / "backups")
    opened.engine.dispose()

    assert opened.backup is not None
    assert [p.name for p in (tmp_path / "backups").iterdir()] == [opened.backup.name]
    with sqlite3.connect(opened.backup) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()


@pytest.mark.parametrize("where", ["flush", "copy"])
def test_a_failed_backup_stops_the_upgrade_and_leaves_nothing(tmp_path, monkeypatch, where):
    path = _old_database(tmp_path / "data")
    before = path.read_bytes()
    if where == "flush":  # the copy is written, then the disk is full when it is flushed
        monkeypatch.setattr(schema, "_fsync", _disk_full)
    else:  # the copy itself fails half-way, as SQLite reports a full disk
        real_connect = sqlite3.connect

        def connect(target: object, *args: object, **kwargs: object) -> object:
            if str(target).endswith(".part"):
                con = real_connect(target, *args, **kwargs)  # type: ignore[arg-type]
                con.execute("CREATE TABLE half_written(x)")
                con.close()
                raise sqlite3.OperationalError("database or disk is full")
            return real_connect(target, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(schema.sqlite3, "connect", connect)

    with pytest.raises(StorageError) as caught:
        open_database(path, tmp_path / "backups")

    assert caught.value.code == "backup_failed"
    assert list((tmp_path / "backups").iterdir()) == []
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["hazard_desktop.db"]


def test_the_command_line_says_the_backup_failed_and_does_not_upgrade(tmp_path, monkeypatch, capsys):
    path = _old_database(tmp_path / "data")
    revision = current_revision(path)
    monkeypatch.setattr(schema, "_fsync", _disk_full)

    code = main(
        [
            "sheet",
            "YH-2026-0001",
            "-o",
            str(tmp_path / "a.pdf"),
            "--data-dir",
            str(tmp_path / "data"),
            "--lang",
            "zh_CN",
        ]
    )

    assert code == 2
    err = capsys.readouterr().err
    assert "升级数据库前无法写入备份（disk full）" in err and "Traceback" not in err
    assert current_revision(path) == revision
    assert not (tmp_path / "a.pdf").exists()
