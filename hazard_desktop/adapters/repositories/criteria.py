"""Major-hazard criteria, versioned."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from hazard_desktop.adapters.orm import MajorCriterionRow
from hazard_desktop.domain.criteria import CriteriaSource, MajorCriterion


def _criterion(row: MajorCriterionRow) -> MajorCriterion:
    return MajorCriterion(
        id=row.id,
        code=row.code,
        text=row.text,
        source=CriteriaSource(row.source),
        clause=row.clause,
        category_code=row.category_code,
        version=row.version,
        supersedes_id=row.supersedes_id,
        retired_at=row.retired_at,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


class SqlCriteriaRepository:
    """Criteria on a SQLAlchemy session; rows are never changed except to retire them."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def all(self, *, include_retired: bool = False) -> list[MajorCriterion]:
        query = select(MajorCriterionRow).order_by(MajorCriterionRow.source, MajorCriterionRow.created_at)
        if not include_retired:
            query = query.where(MajorCriterionRow.retired_at.is_(None))
        return [_criterion(r) for r in self._session.scalars(query)]

    def get(self, criterion_id: uuid.UUID) -> MajorCriterion | None:
        row = self._session.get(MajorCriterionRow, criterion_id)
        return None if row is None else _criterion(row)

    def add(self, criterion: MajorCriterion) -> None:
        self._session.add(
            MajorCriterionRow(
                id=criterion.id,
                code=criterion.code,
                text=criterion.text,
                source=criterion.source.value,
                clause=criterion.clause,
                category_code=criterion.category_code,
                version=criterion.version,
                supersedes_id=criterion.supersedes_id,
                retired_at=criterion.retired_at,
                created_at=criterion.created_at,
                updated_at=criterion.updated_at,
            )
        )
        self._session.flush()

    def retire(self, criterion_id: uuid.UUID, at: datetime) -> None:
        row = self._session.get(MajorCriterionRow, criterion_id)
        if row is not None and row.retired_at is None:
            row.retired_at = at
            row.updated_at = at
            self._session.flush()
