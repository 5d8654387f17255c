"""A major-hazard criterion cited with the evidence that the hazard matches it (rule §5.1)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from hazard_desktop.domain.criteria import MajorCriterion
from hazard_desktop.domain.errors import ValidationError
from hazard_desktop.domain.text import refuse_control_characters

EVIDENCE_MAX = 2000


@dataclass(frozen=True, slots=True)
class CriterionMatch:
    """A major-hazard criterion the hazard matches, with the text it was judged by and the evidence."""

    criterion_id: uuid.UUID
    code: str
    text: str
    clause: str
    evidence: str


def _clean_text(value: str, field: str, max_len: int) -> str:
    text = refuse_control_characters(value, field).strip()
    if not text:
        raise ValidationError(f"{field}_empty", field=field)
    if len(text) > max_len:
        raise ValidationError(f"{field}_too_long", field=field, max=max_len)
    return text


def match_criterion(criterion: MajorCriterion, evidence: str) -> CriterionMatch:
    """Cite an active criterion with the evidence that the hazard matches it.

    Raises:
        ValidationError: ``criterion_retired``, ``evidence_empty``, ``evidence_too_long``.
    """
    if not criterion.active:
        raise ValidationError("criterion_retired", field="criteria", criterion=criterion.code)
    return CriterionMatch(
        criterion_id=criterion.id,
        code=criterion.code,
        text=criterion.text,
        clause=criterion.clause,
        evidence=_clean_text(evidence, "evidence", EVIDENCE_MAX),
    )
