"""Rules of backups that need no storage: which automatic backups rotation keeps, whether a backup fits.

Rotation is grandfather-father-son, as borg's and restic's ``prune`` do it: walking from the newest
backup back, the newest backup of each of the last ``daily`` days that have one is kept, likewise of
``weekly`` ISO weeks and ``monthly`` months; a backup kept for any reason stays, the rest are removed.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TypeVar

from hazard_desktop.domain.errors import DomainError

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class KeepRule:
    """How many days, ISO weeks and months keep their newest automatic backup."""

    daily: int = 7
    weekly: int = 4
    monthly: int = 12


def _day(moment: datetime) -> Hashable:
    return moment.date()


def _week(moment: datetime) -> Hashable:
    iso = moment.isocalendar()
    return (iso.year, iso.week)


def _month(moment: datetime) -> Hashable:
    return (moment.year, moment.month)


def kept_backups(backups: Iterable[tuple[T, datetime]], rule: KeepRule = KeepRule()) -> list[T]:
    """The backups rotation keeps (newest first); the others may be removed.

    Args:
        backups: each backup with the local time it was made (naive or aware, all alike).
    """
    newest_first = sorted(backups, key=lambda item: item[1], reverse=True)
    kept: dict[int, T] = {}
    periods: Sequence[tuple[int, Callable[[datetime], Hashable]]] = (
        (rule.daily, _day),
        (rule.weekly, _week),
        (rule.monthly, _month),
    )
    for count, period in periods:
        seen: set[Hashable] = set()
        for index, (item, moment) in enumerate(newest_first):
            if len(seen) >= count:
                break
            key = period(moment)
            if key not in seen:
                seen.add(key)
                kept[index] = item
    return [kept[i] for i in sorted(kept)]


def check_restorable(revision: str, known: Sequence[str]) -> None:
    """Refuse a backup this build cannot open: one written by a newer schema (or an unknown one).

    Raises:
        DomainError: ``backup_newer`` (params ``revision``, ``head``).
    """
    if revision not in known:
        raise DomainError("backup_newer", revision=revision, head=known[-1])


def needs_daily_backup(newest: datetime | None, today: date) -> bool:
    """True if no automatic backup was made today (the first start of a day makes one)."""
    return newest is None or newest.date() < today
