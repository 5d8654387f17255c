"""Grading meetings (隐患分级判定会): one panel sitting that grades a batch of hazards."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from hazard_desktop.domain.errors import ValidationError
from hazard_desktop.domain.records import new_id
from hazard_desktop.domain.reference import clean_name
from hazard_desktop.domain.text import refuse_control_characters

TITLE_MAX = 120


@dataclass(frozen=True, slots=True)
class GradingMeeting:
    """A panel meeting; its gradings carry its id (``Grading.meeting_id``).

    The leader's name is copied so the record survives renames.
    """

    id: uuid.UUID
    title: str
    held_on: date
    leader_id: uuid.UUID | None
    leader_name: str
    created_at: datetime
    updated_at: datetime


def new_meeting(
    *,
    title: str,
    held_on: date,
    leader_id: uuid.UUID | None,
    leader_name: str,
    at: datetime,
    meeting_id: uuid.UUID | None = None,
) -> GradingMeeting:
    """A new meeting from user input.

    Raises:
        ValidationError: ``title_empty``, ``title_too_long``, ``leader_name_empty``,
            ``leader_name_too_long``, ``time_naive``.
    """
    text = " ".join(refuse_control_characters(title, "title").split())
    if not text:
        raise ValidationError("title_empty", field="title")
    if len(text) > TITLE_MAX:
        raise ValidationError("title_too_long", field="title", max=TITLE_MAX)
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValidationError("time_naive", field="at")
    return GradingMeeting(
        id=meeting_id or new_id(),
        title=text,
        held_on=held_on,
        leader_id=leader_id,
        leader_name=clean_name(leader_name, "leader_name"),
        created_at=at,
        updated_at=at,
    )
