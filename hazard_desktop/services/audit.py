"""The audit trail as the window and the commands read it (Tools → 审计日志, ``hazard-desktop audit``).

Entries are written by the storage itself in each write's own transaction (``adapters/audit.py``), so no use
case writes them; this port reads, verifies and exports them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
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


def check_export_target(target: Path) -> None:
    """Refuse a wrong suffix or a missing folder before anything is written."""
    from hazard_desktop.domain.errors import ValidationError

    if target.suffix.lower() not in EXPORT_SUFFIXES:
        raise ValidationError("audit_export_suffix", path=str(target))
    if not target.parent.is_dir():
        raise ValidationError("audit_export_folder", path=str(target.parent))
