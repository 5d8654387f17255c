"""The canonical record of a grading: what a printed grading sheet certifies (sheet verification)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from hazard_desktop.domain.grading.gradings import Grading
from hazard_desktop.domain.grading.panels import _ROLE_ORDER
from hazard_desktop.domain.lec import (
    format_decimal,
    normalize,
)

RECORD_VERSION = 1
"""Version of the :func:`canonical_record` layout; bump it when the layout changes."""
VERDICTS_RECORD_VERSION = 2
"""Layout 2 adds ``verdicts`` (a dispute panel's votes on criteria); a record without verdicts keeps
layout 1 exactly, so sheets printed before still verify."""

# ---------------------------------------------------------------- canonical record (sheet verification)


def _text_time(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _text_id(value: uuid.UUID | None) -> str | None:
    return None if value is None else str(value)


def _text_number(value: Decimal | None) -> str | None:
    return None if value is None else format_decimal(normalize(value))


def canonical_record(grading: Grading) -> dict[str, Any]:
    """Everything a printed grading sheet certifies, as JSON-ready plain values.

    Decimals are their shortest exact text ("30", "0.1", "20.33333333333333333333"), ids and dates are
    strings, times are UTC ``YYYY-MM-DDTHH:MM:SS.ffffffZ``; members are sorted by (role, person id) and
    criteria by (code, id), so the input order does not matter. Draft bookkeeping (``created_at``,
    ``updated_at``) is left out. Hash it with sorted keys to verify a sheet.
    """
    members = sorted(grading.scores, key=lambda s: (_ROLE_ORDER[s.role], str(s.person_id)))
    matches = sorted(grading.matches, key=lambda m: (m.code, str(m.criterion_id)))
    record: dict[str, Any] = {
        "record": "grading",
        "version": RECORD_VERSION,
        "id": str(grading.id),
        "hazard_id": str(grading.hazard_id),
        "method": grading.method.value,
        "grade": grading.grade.value,
        "threshold_set": {
            "id": _text_id(grading.threshold_set_id),
            "name": grading.threshold_set_name,
            "edge_rule": None if grading.edge_rule is None else grading.edge_rule.value,
        },
        "members": [
            {
                "person_id": str(s.person_id),
                "person_name": s.person_name,
                "department_id": str(s.department_id),
                "department_name": s.department_name,
                "department_kind": s.department_kind.value,
                "role": s.role.value,
                "L": _text_number(s.likelihood),
                "E": _text_number(s.exposure),
                "C": _text_number(s.consequence),
                "D": _text_number(s.d),
            }
            for s in members
        ],
        "count": len(members),
        "mean_d": _text_number(grading.mean_d),
        "band": {
            "code": grading.band_code,
            "name_zh": grading.band_name_zh,
            "name_en": grading.band_name_en,
        },
        "criteria": [
            {
                "criterion_id": str(m.criterion_id),
                "code": m.code,
                "text": m.text,
                "clause": m.clause,
                "evidence": m.evidence,
            }
            for m in matches
        ],
        "decision_reason": grading.decision_reason,
        "leader_id": _text_id(grading.leader_id),
        "leader_name": grading.leader_name,
        "graded_on": grading.graded_on.isoformat(),
        "confirmed_at": _text_time(grading.confirmed_at),
        "supersedes_id": _text_id(grading.supersedes_id),
        "correction_reason": grading.correction_reason,
        "dispute_id": _text_id(grading.dispute_id),
        "meeting_id": _text_id(grading.meeting_id),
    }
    if grading.verdicts:
        record["version"] = VERDICTS_RECORD_VERSION
        record["verdicts"] = [
            {
                "criterion_id": str(v.criterion_id),
                "code": v.match.code,
                "text": v.match.text,
                "clause": v.match.clause,
                "evidence": v.match.evidence,
                "upheld": v.upheld,
                "votes": [
                    {
                        "person_id": str(vote.person_id),
                        "person_name": vote.person_name,
                        "department_id": str(vote.department_id),
                        "department_name": vote.department_name,
                        "department_kind": vote.department_kind.value,
                        "role": vote.role.value,
                        "upholds": vote.upholds,
                    }
                    for vote in sorted(v.votes, key=lambda x: (_ROLE_ORDER[x.role], str(x.person_id)))
                ],
            }
            for v in sorted(grading.verdicts, key=lambda v: (v.match.code, str(v.criterion_id)))
        ]
    return record
