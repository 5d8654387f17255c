"""The canonical record of a grading: what a printed grading sheet certifies (sheet verification)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from hazard_desktop.domain.grading.checks import MajorHazardCheck
from hazard_desktop.domain.grading.gradings import Grading
from hazard_desktop.domain.grading.panels import _ROLE_ORDER
from hazard_desktop.domain.grading.signatures import Signature
from hazard_desktop.domain.lec import (
    format_decimal,
    normalize,
)

RECORD_VERSION = 1
"""Version of the :func:`canonical_record` layout; bump it when the layout changes."""
VERDICTS_RECORD_VERSION = 2
"""Layout 2 adds ``verdicts`` (a dispute panel's votes on criteria); a record without verdicts keeps
layout 1 exactly, so sheets printed before still verify."""
SIGNED_RECORD_VERSION = 3
"""Layout 3 (issue 14) adds who entered each score and vote and when (``entered``), the confirming leader's
account and time (``confirmation``) and ``single_user`` (the plant runs without log-ins, printed as
"单用户模式：未登录签名"). A grading without any signature keeps layout 1 or 2 exactly, so sheets printed
before keep verifying with their old code."""
PANEL_RECORD_VERSION = 4
"""Layout 4 adds ``panel``: the members (person, department, role) of the panel that decided a grading without
member scores (§5.1 criteria, §4.3 decision; migration 0015). Only a grading with a recorded panel has it; every
other record keeps its layout 1, 2 or 3 exactly."""
CHECK_RECORD_VERSION = 5
"""Layout 5 adds ``major_check``: a LEC grading's §5.1 check that found no criterion (how, against which version
of the criteria list, when, by whom; migration 0016). Only a grading with a recorded check has it; every record
without one (criteria and §4.3 gradings, LEC gradings stored before 0016) keeps its layout 1–4 exactly."""

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


def _signature(value: Signature | None) -> dict[str, Any] | None:
    if value is None:
        return None
    return {
        "account_id": _text_id(value.account_id),
        "name": value.name,
        "at": _text_time(value.at),
        "via": value.via.value,
    }


def _check(value: MajorHazardCheck) -> dict[str, Any]:
    return {
        "basis": value.basis.value,
        "criteria_digest": value.criteria.digest,
        "criteria_items": value.criteria.items,
        "criteria_newest": _text_time(value.criteria.newest),
        "checked_at": _text_time(value.checked_at),
        "checked_by": value.checked_by,
    }


def is_signed(grading: Grading) -> bool:
    """True when the grading carries any signature (then its record has layout 3)."""
    return (
        grading.confirmation is not None
        or any(s.entered is not None for s in grading.scores)
        or any(vote.entered is not None for v in grading.verdicts for vote in v.votes)
    )


def is_single_user(grading: Grading) -> bool:
    """True when any signature of the grading was made in single-user mode (nobody signed in)."""
    signatures = [grading.confirmation, *(s.entered for s in grading.scores)]
    signatures += [vote.entered for v in grading.verdicts for vote in v.votes]
    return any(s is not None and s.single_user for s in signatures)


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
    if is_signed(grading):  # layout 3 only then: unsigned records keep their digest
        record["version"] = SIGNED_RECORD_VERSION
        for item, score in zip(record["members"], members, strict=True):
            item["entered"] = _signature(score.entered)
        for item, verdict in zip(
            record.get("verdicts", []),
            sorted(grading.verdicts, key=lambda v: (v.match.code, str(v.criterion_id))),
            strict=True,
        ):
            ordered = sorted(verdict.votes, key=lambda x: (_ROLE_ORDER[x.role], str(x.person_id)))
            for vote_item, vote in zip(item["votes"], ordered, strict=True):
                vote_item["entered"] = _signature(vote.entered)
        record["confirmation"] = _signature(grading.confirmation)
        record["single_user"] = is_single_user(grading)
    if grading.panel:  # layout 4 only then: records without a recorded panel keep their digest
        record["version"] = PANEL_RECORD_VERSION
        record["panel"] = [
            {
                "person_id": str(seat.person_id),
                "person_name": seat.person_name,
                "department_id": str(seat.department_id),
                "department_name": seat.department_name,
                "department_kind": seat.department_kind.value,
                "role": seat.role.value,
            }
            for seat in sorted(grading.panel, key=lambda x: (_ROLE_ORDER[x.role], str(x.person_id)))
        ]
    if grading.major_check is not None:  # layout 5 only then: records without a recorded check keep their digest
        record["version"] = CHECK_RECORD_VERSION
        record["major_check"] = _check(grading.major_check)
    return record
