"""LEC scales and versioned threshold sets."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from hazard_desktop.adapters.orm import ScaleValueRow, ThresholdBandRow, ThresholdSetRow
from hazard_desktop.domain.lec import Band, EdgeRule, Factor, ScaleValue, ThresholdSet
from hazard_desktop.domain.records import new_id, utcnow


class SqlLecRepository:
    """Tables D.1–D.4 on a SQLAlchemy session."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def scale_values(self) -> list[ScaleValue]:
        rows = self._session.scalars(select(ScaleValueRow).order_by(ScaleValueRow.factor))
        return [ScaleValue(Factor(r.factor), r.value, r.meaning_zh, r.meaning_en) for r in rows]

    def save_scale_value(self, value: ScaleValue) -> None:
        row = self._session.scalars(
            select(ScaleValueRow).where(ScaleValueRow.factor == value.factor.value, ScaleValueRow.value == value.value)
        ).one_or_none()
        now = utcnow()
        if row is None:
            row = ScaleValueRow(id=new_id(), factor=value.factor.value, value=value.value, created_at=now)
        row.meaning_zh = value.meaning_zh
        row.meaning_en = value.meaning_en
        row.updated_at = now
        self._session.add(row)
        self._session.flush()

    def _to_domain(self, row: ThresholdSetRow) -> ThresholdSet:
        bands = self._session.scalars(
            select(ThresholdBandRow).where(ThresholdBandRow.set_id == row.id).order_by(ThresholdBandRow.rank)
        )
        return ThresholdSet(
            id=row.id,
            name=row.name,
            effective_from=row.effective_from,
            edge_rule=EdgeRule(row.edge_rule),
            bands=tuple(
                Band(
                    code=b.code,
                    rank=b.rank,
                    name_zh=b.name_zh,
                    name_en=b.name_en,
                    action_zh=b.action_zh,
                    action_en=b.action_en,
                    colour=b.colour,
                    lower=b.lower,
                    upper=b.upper,
                )
                for b in bands
            ),
            created_at=row.created_at,
            updated_at=row.updated_at,
        )

    def threshold_sets(self) -> list[ThresholdSet]:
        rows = self._session.scalars(
            select(ThresholdSetRow).order_by(ThresholdSetRow.effective_from, ThresholdSetRow.created_at)
        )
        return [self._to_domain(r) for r in rows]

    def get_threshold_set(self, set_id: uuid.UUID) -> ThresholdSet | None:
        row = self._session.get(ThresholdSetRow, set_id)
        return None if row is None else self._to_domain(row)

    def add_threshold_set(self, threshold_set: ThresholdSet) -> None:
        self._session.add(
            ThresholdSetRow(
                id=threshold_set.id,
                name=threshold_set.name,
                effective_from=threshold_set.effective_from,
                edge_rule=threshold_set.edge_rule.value,
                created_at=threshold_set.created_at,
                updated_at=threshold_set.updated_at,
            )
        )
        self._session.flush()
        for band in threshold_set.bands:
            self._session.add(
                ThresholdBandRow(
                    id=new_id(),
                    set_id=threshold_set.id,
                    code=band.code,
                    rank=band.rank,
                    name_zh=band.name_zh,
                    name_en=band.name_en,
                    action_zh=band.action_zh,
                    action_en=band.action_en,
                    colour=band.colour,
                    lower=band.lower,
                    upper=band.upper,
                    created_at=threshold_set.created_at,
                    updated_at=threshold_set.updated_at,
                )
            )
        self._session.flush()
