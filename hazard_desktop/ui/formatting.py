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


# The register formats two dates per row on every block it reads: the formats above written with str.format,
# not strftime (which imports ``time`` through PySide's import hook on each call; ~3× slower; issue 16).
_DATE = "{0.year:04d}-{0.month:02d}-{0.day:02d}"
_DATE_TIME = _DATE + " {0.hour:02d}:{0.minute:02d}"
_DATE_TIME_SECONDS = _DATE_TIME + ":{0.second:02d}"


def format_datetime(value: datetime | None, *, seconds: bool = False) -> str:
    """``2026-03-05 14:30`` in local time (DATE_TIME_FORMAT, DATE_TIME_SECONDS_FORMAT); empty for None."""
    if value is None:
        return ""
    return (_DATE_TIME_SECONDS if seconds else _DATE_TIME).format(local(value))


def format_date(value: datetime | date | None) -> str:
    """``2026-03-05`` (DATE_FORMAT; a datetime is shown as its local date); empty for None."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = local(value)
    return _DATE.format(value)


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


def numbered_name(name: str, employee_no: str | None) -> str:
    """A person as the screens show them: ``周永明（E0099）`` with an employee number (a namesake's, see
    ``member_picker.namesakes`` and ``domain.reference.namesake_numbers``), else the name alone."""
    if not employee_no:
        return name
    return QCoreApplication.translate("MemberPicker", "{name} ({employee_no})").format(
        name=name, employee_no=employee_no
    )
