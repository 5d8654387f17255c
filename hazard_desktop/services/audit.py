"""The audit trail as the window and the commands read it (Tools → 审计日志, ``hazard-desktop audit``).

Entries are written by the storage itself in each write's own transaction (``adapters/audit.py``), so no use
case writes them; this port reads, verifies and exports them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from hazard_desktop.domain.accounts import EVERYONE
from hazard_desktop.services.authorization import use_case

if TYPE_CHECKING:
    from hazard_desktop.domain.accounts import Actor
    from hazard_desktop.domain.audit import Entry, EntryFilter, Verification

EXPORT_SUFFIXES = (".csv", ".json")


class AuditTrail(Protocol):
    def entries(self, entry_filter: EntryFilter, limit: int = 5000) -> list[Entry]:
        """The newest ``limit`` entries matching the filter, oldest first."""

    def choices(self, column: str) -> list[str]:
        """The distinct values of ``actor``, ``use_case`` or ``tbl`` (for the filter boxes)."""

    def verify(self, progress: Callable[[int], None] | None = None) -> Verification:
        """Check the chain and every audited record against its last entry."""

    def export(self, target: Path, entry_filter: EntryFilter | None = None) -> int:
        """Write the entries with their chain (CSV or JSON by the suffix); return how many."""


#: Who may read the trail: every role. The observers (只读, e.g. 工会) are the ones a tamper-evident trail is
#: for, and a use case read_only may run is stated for every role (the role matrix's rule); an entry holds
#: names, ids and digests, never a record's content. Nobody writes it: the storage does (adapters/audit.py).
READERS = tuple(EVERYONE)


@use_case("audit.browse", *READERS)
def browse(trail: AuditTrail, entry_filter: EntryFilter, *, actor: Actor, limit: int = 5000) -> list[Entry]:
    """The entries the filter selects (newest ``limit``, oldest first)."""
    return trail.entries(entry_filter, limit)


@use_case("audit.filter_values", *READERS)
def filter_values(trail: AuditTrail, column: str, *, actor: Actor) -> list[str]:
    """The values the filter boxes offer (``actor``, ``use_case`` or ``tbl``)."""
    return trail.choices(column)


@use_case("audit.verify", *READERS)
def verify(trail: AuditTrail, *, actor: Actor, progress: Callable[[int], None] | None = None) -> Verification:
    """Check the chain and every audited record against its last entry."""
    return trail.verify(progress)


@use_case("audit.export", *READERS)
def export(trail: AuditTrail, target: Path, entry_filter: EntryFilter | None = None, *, actor: Actor) -> int:
    """Write the entries (with their chain) to ``target`` (.csv or .json); refused before anything is written."""
    check_export_target(target)
    return trail.export(target, entry_filter)


def check_export_target(target: Path) -> None:
    """Refuse a wrong suffix or a missing folder before anything is written."""
    from hazard_desktop.domain.errors import ValidationError

    if target.suffix.lower() not in EXPORT_SUFFIXES:
        raise ValidationError("audit_export_suffix", path=str(target))
    if not target.parent.is_dir():
        raise ValidationError("audit_export_folder", path=str(target.parent))
