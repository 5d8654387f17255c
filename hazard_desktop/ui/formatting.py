"""Local display of the aware UTC datetimes of the domain, and conversion to and from Qt's types.

Both Python (``datetime.astimezone()``) and Qt (``QDateTime`` local time) follow the system time zone,
so a time entered in a QDateTimeEdit comes back unchanged.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime

DATE_FORMAT = "%Y-%m-%d"
DATE_TIME_FORMAT = "%Y-%m-%d %H:%M"
DATE_TIME_SECONDS_FORMAT = "%Y-%m-%d %H:%M:%S"
QT_DATE_FORMAT = "yyyy-MM-dd"
QT_DATE_TIME_FORMAT = "yyyy-MM-dd HH:mm"


def local(value: datetime) -> datetime:
    """An aware datetime in the system's local time zone."""
    if value.tzinfo is None:
        raise ValueError("naive datetime given for display")
    return value.astimezone()


def format_datetime(value: datetime | None, *, seconds: bool = False) -> str:
    """``2026-03-05 14:30`` in local time; empty for None."""
    if value is None:
        return ""
    return local(value).strftime(DATE_TIME_SECONDS_FORMAT if seconds else DATE_TIME_FORMAT)


def format_date(value: datetime | date | None) -> str:
    """``2026-03-05`` (a datetime is shown as its local date); empty for None."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = local(value)
    return value.strftime(DATE_FORMAT)


def to_qdatetime(value: datetime) -> QDateTime:
    """The same instant as a local-time QDateTime."""
    if value.tzinfo is None:
        raise ValueError("naive datetime given to the UI")
    millis = (value - datetime(1970, 1, 1, tzinfo=UTC)) // timedelta(milliseconds=1)
    return QDateTime.fromMSecsSinceEpoch(millis)


def from_qdatetime(value: QDateTime) -> datetime:
    """The instant of a QDateTime as an aware UTC datetime (millisecond precision)."""
    return datetime(1970, 1, 1, tzinfo=UTC) + timedelta(milliseconds=value.toMSecsSinceEpoch())


def local_day_start(day: QDate) -> datetime:
    """Local midnight at the start of ``day`` as an aware UTC datetime."""
    return from_qdatetime(QDateTime(day, QTime(0, 0)))


def local_day_end(day: QDate) -> datetime:
    """Local midnight after ``day`` (exclusive end of the day) as an aware UTC datetime."""
    return local_day_start(day.addDays(1))


def now_qdatetime() -> QDateTime:
    """The current local time, to the minute (what a form shows by default)."""
    now = QDateTime.currentDateTime()
    return QDateTime(now.date(), QTime(now.time().hour(), now.time().minute()))


def finder_not_recorded() -> str:
    """发现人 of an imported hazard whose old ledger named nobody (never the person who imported it)."""
    return QCoreApplication.translate("Formatting", "Not recorded in the old ledger")
