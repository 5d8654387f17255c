"""Backup and restore of the whole register as one file: what the UI and the command line ask of storage.

The work is done by ``adapters/backup_archive.py`` (SQLite's online backup API, a zip with a manifest);
this module holds the port, the summary a backup shows before it is restored and the cancel signal, so
that ``ui`` (which never imports adapters) can use it through ``AppContext.backups``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from hazard_desktop.domain.accounts import EVERYONE, Actor, Role
from hazard_desktop.domain.errors import ValidationError
from hazard_desktop.services.authorization import use_case

if TYPE_CHECKING:
    from hazard_desktop.services.ports import UnitOfWork

#: ``progress(done, total)``: steps done of all (the total may grow once the size is known).
Progress = Callable[[int, int], None]
#: Asked between steps: True stops the work, which then leaves nothing behind.
Cancelled = Callable[[], bool]

#: Counted tables shown before a restore, in this order (a table an older revision lacks counts as absent).
COUNTED = ("hazards", "hazard_photos", "gradings", "disputes", "sheet_prints", "inspections", "inspection_photos")


class BackupCancelled(Exception):
    """The user cancelled a backup or restore; nothing was left behind and nothing was changed."""


@dataclass(frozen=True, slots=True)
class BackupSummary:
    """What a backup file holds (its manifest), or what the current register holds (``path`` None).

    Attributes:
        created_at: aware UTC time the snapshot was taken.
        revision: the schema revision of its database.
        counts: rows per table in :data:`COUNTED` (tables of the revision only).
        kind: ``manual``, ``daily`` (automatic), or ``current`` for the register itself.
    """

    path: Path | None
    created_at: datetime
    revision: str
    counts: Mapping[str, int] = field(default_factory=dict)
    kind: str = "manual"
    app_version: str = ""
    size: int = 0


@dataclass(frozen=True, slots=True)
class RestoreResult:
    """What a restore did: the backup put in place and where the register it replaced was kept."""

    restored: BackupSummary
    safety_copy: Path | None


class Backups(Protocol):
    """Backup and restore of the register of one data folder."""

    def create(
        self, folder: Path, *, progress: Progress | None = None, cancelled: Cancelled | None = None
    ) -> BackupSummary:
        """Write a verified backup file into ``folder``; return its summary (``path`` set).

        Raises:
            BackupCancelled: nothing was written.
            StorageError: ``backup_write_failed`` (nothing was left behind).
        """
        ...

    def inspect(self, path: Path) -> BackupSummary:
        """Read a backup's manifest (quick; the full check happens when restoring).

        Raises:
            StorageError: ``backup_foreign`` / ``backup_damaged``.
        """
        ...

    def current(self) -> BackupSummary:
        """The register as it is now (to compare with a backup before restoring)."""
        ...

    def restore(self, path: Path, *, progress: Progress | None = None) -> RestoreResult:
        """Replace the register by the backup at ``path`` after checking it whole; keep a safety copy first.

        Raises:
            DomainError: ``backup_newer``.
            StorageError: ``backup_foreign``, ``backup_damaged``, ``register_in_use``, ``restore_failed``;
                in every case the register was not changed.
        """
        ...

    def automatic(self) -> list[BackupSummary]:
        """The automatic backups (data folder's ``backups/``), newest first."""
        ...

    def automatic_folder(self) -> Path:
        """The folder of the automatic backups and the restores' safety copies (data folder's ``backups/``; it
        may not exist yet). File → Restore… opens there until the user chooses a backup elsewhere."""
        ...


@use_case("backups.create", Role.SAFETY_ADMIN)
def create_backup(
    backups: Backups,
    folder: Path,
    *,
    actor: Actor,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> BackupSummary:
    """File → 备份: a verified backup of the whole register into ``folder`` (the safety office's; automatic
    backups run as the program itself and do not pass here). Raises as ``Backups.create``."""
    return backups.create(folder, progress=progress, cancelled=cancelled)


@use_case("backups.restore", Role.SAFETY_ADMIN)
def restore_backup(backups: Backups, path: Path, *, actor: Actor, progress: Progress | None = None) -> RestoreResult:
    """File → 恢复: replace the register by a backup (the safety office's). Raises as ``Backups.restore``."""
    return backups.restore(path, progress=progress)


SETTING_SECOND_FOLDER = "backup_second_folder"


@use_case("backups.second_folder", *EVERYONE)
def second_folder(uow: UnitOfWork) -> Path | None:
    """The optional second folder automatic backups are copied to (a removable drive, another disk)."""
    with uow:
        text = uow.settings.get(SETTING_SECOND_FOLDER)
    return Path(text) if text else None


@use_case("backups.set_second_folder", Role.SAFETY_ADMIN)
def set_second_folder(uow: UnitOfWork, folder: Path | None) -> None:
    """Set (``None``: clear) the second folder of automatic backups; one transaction.

    Raises:
        ValidationError: ``backup_folder_relative`` (a relative path would depend on where the program starts).
    """
    if folder is not None and not folder.is_absolute():
        raise ValidationError("backup_folder_relative", field="second_folder", path=str(folder))
    with uow:
        uow.settings.set(SETTING_SECOND_FOLDER, "" if folder is None else str(folder))
        uow.commit()
