"""Rotation of automatic backups (7 daily, 4 weekly, 12 monthly) and the refusal of a newer schema."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from hazard_desktop.domain.backups import KeepRule, check_restorable, kept_backups, needs_daily_backup
from hazard_desktop.domain.errors import DomainError


def _daily(start: datetime, days: int, per_day: int = 1) -> list[tuple[str, datetime]]:
    return [
        (f"{(start + timedelta(days=d, hours=h)).isoformat()}", start + timedelta(days=d, hours=h))
        for d in range(days)
        for h in range(per_day)
    ]


def test_a_year_of_daily_backups_keeps_7_days_4_weeks_12_months() -> None:
    start = datetime(2026, 1, 1, 8)
    backups = _daily(start, 365)
    kept = kept_backups(backups)
    newest = start + timedelta(days=364)  # 2026-12-31, a Thursday
    days = {datetime.fromisoformat(k).date() for k in kept}
    assert {newest.date() - timedelta(days=d) for d in range(7)} <= days
    weeks = {datetime.fromisoformat(k).isocalendar()[:2] for k in kept}
    assert len(weeks) >= 4
    months = {(datetime.fromisoformat(k).year, datetime.fromisoformat(k).month) for k in kept}
    assert months == {(2026, m) for m in range(1, 13)}
    # 7 days + 3 earlier week-ends (the newest week is already kept by a day) + 11 earlier month-ends, some shared
    assert len(kept) <= 7 + 4 + 12
    assert kept[0] == newest.isoformat()  # newest first


def test_the_newest_backup_of_a_day_is_the_one_kept() -> None:
    start = datetime(2026, 3, 2, 8)
    kept = kept_backups(_daily(start, 1, per_day=3))
    assert kept == [(start + timedelta(hours=2)).isoformat()]


def test_fewer_backups_than_the_rule_are_all_kept() -> None:
    backups = _daily(datetime(2026, 3, 2, 8), 3)
    assert sorted(kept_backups(backups)) == sorted(k for k, _ in backups)


def test_a_gap_counts_days_that_have_backups_not_calendar_days() -> None:
    backups = [(f"b{n}", datetime(2026, 1, 1) + timedelta(days=10 * n)) for n in range(10)]
    kept = kept_backups(backups, KeepRule(daily=7, weekly=0, monthly=0))
    assert kept == [f"b{n}" for n in range(9, 2, -1)]


def test_nothing_is_kept_by_an_empty_rule() -> None:
    assert kept_backups(_daily(datetime(2026, 1, 1), 5), KeepRule(0, 0, 0)) == []


def test_a_newer_or_unknown_revision_is_refused() -> None:
    check_restorable("0005", ["0001", "0005", "0006"])
    with pytest.raises(DomainError) as refused:
        check_restorable("0007", ["0001", "0005", "0006"])
    assert refused.value.code == "backup_newer"
    assert refused.value.params == {"revision": "0007", "head": "0006"}


def test_the_first_start_of_a_day_makes_one() -> None:
    assert needs_daily_backup(None, date(2026, 5, 4))
    assert needs_daily_backup(datetime(2026, 5, 3, 23, 59), date(2026, 5, 4))
    assert not needs_daily_backup(datetime(2026, 5, 4, 0, 1), date(2026, 5, 4))
