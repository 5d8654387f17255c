"""Gradings with their member scores and matched criteria, meetings, disputes, printed sheets, and the
register's denormalised current-grade columns on ``hazards``."""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import case, delete, func, select
from sqlalchemy.orm import Session

from hazard_desktop.adapters.orm import (
    DisputeClaimRow,
    DisputeRow,
    GradingCriterionRow,
    GradingMeetingRow,
    GradingPanelMemberRow,
    GradingRow,
    GradingScoreRow,
    GradingVoteRow,
    HazardRow,
    ScoringRoundRow,
    ScoringSeatRow,
    SheetPrintRow,
)
from hazard_desktop.domain.errors import InvalidTransition, NotFound
from hazard_desktop.domain.grading import (
    CriterionClaim,
    CriterionMatch,
    CriterionVerdict,
    CriterionVote,
    Dispute,
    DisputeState,
    Grading,
    GradingMethod,
    MemberScore,
    PanelRole,
    PanelSeat,
    RoundPurpose,
    ScoringRound,
    Seat,
    Signature,
    SignedVia,
)
from hazard_desktop.domain.grading.checks import CheckBasis, CriteriaVersion, MajorHazardCheck
from hazard_desktop.domain.grading.entries import Entry
from hazard_desktop.domain.hazards import HazardGrade
from hazard_desktop.domain.lec import EdgeRule
from hazard_desktop.domain.meetings import GradingMeeting
from hazard_desktop.domain.records import new_id
from hazard_desktop.domain.reference import DepartmentKind
from hazard_desktop.domain.sheet_prints import SheetKind, SheetPrint

# ---------------------------------------------------------------- row ↔ domain


def _signature(
    account_id: uuid.UUID | None, name: str | None, at: datetime | None, via: str | None
) -> Signature | None:
    if via is None or at is None:
        return None
    return Signature(account_id, name or "", at, SignedVia(via))


def _entered(row: GradingScoreRow | GradingVoteRow | ScoringSeatRow) -> Signature | None:
    return _signature(row.entered_account_id, row.entered_name, row.entered_at, row.entered_via)


def _seat_columns(seat: MemberScore | CriterionVote | PanelSeat) -> dict[str, Any]:
    """The columns naming who sat where — the same on a score, a vote and a recorded panel seat."""
    return {
        "person_id": seat.person_id,
        "person_name": seat.person_name,
        "department_id": seat.department_id,
        "department_name": seat.department_name,
        "department_kind": seat.department_kind.value,
        "role": seat.role.value,
    }


def _fill_entered(row: GradingScoreRow | GradingVoteRow | ScoringSeatRow, signature: Signature | None) -> None:
    row.entered_account_id = None if signature is None else signature.account_id
    row.entered_name = None if signature is None else signature.name
    row.entered_at = None if signature is None else signature.at
    row.entered_via = None if signature is None else signature.via.value


def _score(row: GradingScoreRow) -> MemberScore:
    return MemberScore(
        person_id=row.person_id,
        person_name=row.person_name,
        department_id=row.department_id,
        department_name=row.department_name,
        department_kind=DepartmentKind(row.department_kind),
        role=PanelRole(row.role),
        likelihood=row.likelihood,
        exposure=row.exposure,
        consequence=row.consequence,
        entered=_entered(row),
    )


def _match(row: GradingCriterionRow) -> CriterionMatch:
    return CriterionMatch(
        criterion_id=row.criterion_id,
        code=row.code,
        text=row.text,
        clause=row.clause,
        evidence=row.evidence,
    )


def _verdicts(rows: Sequence[GradingVoteRow]) -> tuple[CriterionVerdict, ...]:
    """Group the vote rows (one per member and criterion) back into verdicts, in stored order."""
    groups: dict[int, list[GradingVoteRow]] = {}
    for row in sorted(rows, key=lambda r: (r.verdict_position, r.position)):
        groups.setdefault(row.verdict_position, []).append(row)
    verdicts = []
    for group in groups.values():
        first = group[0]
        votes = tuple(
            CriterionVote(
                person_id=r.person_id,
                person_name=r.person_name,
                department_id=r.department_id,
                department_name=r.department_name,
                department_kind=DepartmentKind(r.department_kind),
                role=PanelRole(r.role),
                upholds=bool(r.upholds),
                entered=_entered(r),
            )
            for r in group
        )
        match = CriterionMatch(first.criterion_id, first.code, first.text, first.clause, first.evidence)
        verdicts.append(CriterionVerdict(match, votes))
    return tuple(verdicts)


def _seat(row: GradingPanelMemberRow) -> PanelSeat:
    return PanelSeat(
        person_id=row.person_id,
        person_name=row.person_name,
        department_id=row.department_id,
        department_name=row.department_name,
        department_kind=DepartmentKind(row.department_kind),
        role=PanelRole(row.role),
    )


def _grading(
    row: GradingRow,
    scores: Sequence[GradingScoreRow],
    matches: Sequence[GradingCriterionRow],
    votes: Sequence[GradingVoteRow] = (),
    panel: Sequence[GradingPanelMemberRow] = (),
) -> Grading:
    return Grading(
        id=row.id,
        hazard_id=row.hazard_id,
        method=GradingMethod(row.method),
        grade=HazardGrade(row.grade),
        threshold_set_id=row.threshold_set_id,
        threshold_set_name=row.threshold_set_name,
        edge_rule=None if row.edge_rule is None else EdgeRule(row.edge_rule),
        scores=tuple(_score(s) for s in sorted(scores, key=lambda s: s.position)),
        mean_d=row.mean_d,
        band_code=row.band_code,
        band_name_zh=row.band_name_zh,
        band_name_en=row.band_name_en,
        matches=tuple(_match(m) for m in sorted(matches, key=lambda m: m.position)),
        decision_reason=row.decision_reason,
        leader_id=row.leader_id,
        leader_name=row.leader_name,
        graded_on=row.graded_on,
        confirmed_at=row.confirmed_at,
        supersedes_id=row.supersedes_id,
        correction_reason=row.correction_reason,
        dispute_id=row.dispute_id,
        meeting_id=row.meeting_id,
        created_at=row.created_at,
        updated_at=row.updated_at,
        verdicts=_verdicts(votes),
        confirmation=(
            None
            if row.confirmed_at is None
            else _signature(row.confirmed_account_id, row.confirmed_name, row.confirmed_at, row.confirmed_via)
        ),
        panel=tuple(_seat(p) for p in sorted(panel, key=lambda p: p.position)),
        major_check=_major_check(row),
    )


def _major_check(row: GradingRow) -> MajorHazardCheck | None:
    """The stored §5.1 check (None: not recorded, as for every grading stored before 0016)."""
    if row.check_basis is None or row.checked_at is None:
        return None
    return MajorHazardCheck(
        CheckBasis(row.check_basis),
        CriteriaVersion(row.check_criteria_digest or "", row.check_criteria_items or 0, row.check_criteria_newest),
        row.checked_at,
        row.checked_by or "",
    )


def _fill_check(row: GradingRow, check: MajorHazardCheck | None) -> None:
    row.check_basis = None if check is None else check.basis.value
    row.check_criteria_digest = None if check is None else check.criteria.digest
    row.check_criteria_items = None if check is None else check.criteria.items
    row.check_criteria_newest = None if check is None else check.criteria.newest
    row.checked_at = None if check is None else check.checked_at
    row.checked_by = None if check is None else check.checked_by


def _fill_grading(row: GradingRow, grading: Grading) -> None:
    signature = grading.confirmation
    row.confirmed_account_id = None if signature is None else signature.account_id
    row.confirmed_name = None if signature is None else signature.name
    row.confirmed_via = None if signature is None else signature.via.value
    row.hazard_id = grading.hazard_id
    row.method = grading.method.value
    row.grade = grading.grade.value
    row.threshold_set_id = grading.threshold_set_id
    row.threshold_set_name = grading.threshold_set_name
    row.edge_rule = None if grading.edge_rule is None else grading.edge_rule.value
    row.mean_d = grading.mean_d
    row.band_code = grading.band_code
    row.band_name_zh = grading.band_name_zh
    row.band_name_en = grading.band_name_en
    row.decision_reason = grading.decision_reason
    row.leader_id = grading.leader_id
    row.leader_name = grading.leader_name
    row.graded_on = grading.graded_on
    row.confirmed_at = grading.confirmed_at
    row.supersedes_id = grading.supersedes_id
    row.correction_reason = grading.correction_reason
    row.dispute_id = grading.dispute_id
    row.meeting_id = grading.meeting_id
    row.created_at = grading.created_at
    row.updated_at = grading.updated_at
    _fill_check(row, grading.major_check)


def _meeting(row: GradingMeetingRow) -> GradingMeeting:
    return GradingMeeting(
        id=row.id,
        title=row.title,
        held_on=row.held_on,
        leader_id=row.leader_id,
        leader_name=row.leader_name,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _dispute(row: DisputeRow, claims: Sequence[DisputeClaimRow] = ()) -> Dispute:
    return Dispute(
        id=row.id,
        grading_id=row.grading_id,
        hazard_id=row.hazard_id,
        raised_by_department_id=row.raised_by_department_id,
        raised_by_department_name=row.raised_by_department_name,
        raised_by_person_name=row.raised_by_person_name,
        raised_at=row.raised_at,
        reason=row.reason,
        state=DisputeState(row.state),
        ruling_grading_id=row.ruling_grading_id,
        ruling_text=row.ruling_text,
        ruled_at=row.ruled_at,
        created_at=row.created_at,
        updated_at=row.updated_at,
        withdrawn_at=row.withdrawn_at,
        withdrawn_reason=row.withdrawn_reason,
        claimed=tuple(
            CriterionClaim(c.criterion_id, c.code, c.text, c.clause) for c in sorted(claims, key=lambda c: c.position)
        ),
        withdrawn_by_person_name=row.withdrawn_by_person_name or "",
        withdrawn_by_department_id=row.withdrawn_by_department_id,
        withdrawn_by_department_name=row.withdrawn_by_department_name or "",
    )


def _fill_dispute(row: DisputeRow, dispute: Dispute) -> None:
    row.grading_id = dispute.grading_id
    row.hazard_id = dispute.hazard_id
    row.raised_by_department_id = dispute.raised_by_department_id
    row.raised_by_department_name = dispute.raised_by_department_name
    row.raised_by_person_name = dispute.raised_by_person_name
    row.raised_at = dispute.raised_at
    row.reason = dispute.reason
    row.state = dispute.state.value
    row.ruling_grading_id = dispute.ruling_grading_id
    row.ruling_text = dispute.ruling_text
    row.ruled_at = dispute.ruled_at
    row.withdrawn_at = dispute.withdrawn_at
    row.withdrawn_reason = dispute.withdrawn_reason
    row.withdrawn_by_person_name = dispute.withdrawn_by_person_name
    row.withdrawn_by_department_id = dispute.withdrawn_by_department_id
    row.withdrawn_by_department_name = dispute.withdrawn_by_department_name
    row.created_at = dispute.created_at
    row.updated_at = dispute.updated_at


def _print(row: SheetPrintRow) -> SheetPrint:
    return SheetPrint(
        id=row.id,
        kind=SheetKind(row.kind),
        grading_id=row.grading_id,
        dispute_id=row.dispute_id,
        hazard_id=row.hazard_id,
        verify_code=row.verify_code,
        digest=row.digest,
        copy_no=row.copy_no,
        printed_at=row.printed_at,
        printed_by=row.printed_by,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


# ---------------------------------------------------------------- repository


class SqlGradingRepository:
    """The grading aggregate (grading + scores + criteria), meetings, disputes and sheet prints.

    Confirmed gradings are never changed here: :meth:`update` and :meth:`remove_draft` refuse them.
    """

    def __init__(self, session: Session) -> None:
        self._session = session

    # ------------------------------------------------------------ gradings

    def _load(self, rows: Sequence[GradingRow]) -> list[Grading]:
        if not rows:
            return []
        ids = [r.id for r in rows]
        scores: dict[uuid.UUID, list[GradingScoreRow]] = {i: [] for i in ids}
        matches: dict[uuid.UUID, list[GradingCriterionRow]] = {i: [] for i in ids}
        votes: dict[uuid.UUID, list[GradingVoteRow]] = {i: [] for i in ids}
        panels: dict[uuid.UUID, list[GradingPanelMemberRow]] = {i: [] for i in ids}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for s in self._session.scalars(select(GradingScoreRow).where(GradingScoreRow.grading_id.in_(chunk))):
                scores[s.grading_id].append(s)
            for m in self._session.scalars(
                select(GradingCriterionRow).where(GradingCriterionRow.grading_id.in_(chunk))
            ):
                matches[m.grading_id].append(m)
            for v in self._session.scalars(select(GradingVoteRow).where(GradingVoteRow.grading_id.in_(chunk))):
                votes[v.grading_id].append(v)
            for p in self._session.scalars(
                select(GradingPanelMemberRow).where(GradingPanelMemberRow.grading_id.in_(chunk))
            ):
                panels[p.grading_id].append(p)
        return [_grading(r, scores[r.id], matches[r.id], votes[r.id], panels[r.id]) for r in rows]

    def _write_children(self, grading: Grading) -> None:
        for position, score in enumerate(grading.scores, start=1):
            score_row = GradingScoreRow(
                id=new_id(),
                grading_id=grading.id,
                position=position,
                **_seat_columns(score),
                likelihood=score.likelihood,
                exposure=score.exposure,
                consequence=score.consequence,
                created_at=grading.created_at,
                updated_at=grading.updated_at,
            )
            _fill_entered(score_row, score.entered)
            self._session.add(score_row)
        for position, match in enumerate(grading.matches, start=1):
            self._session.add(
                GradingCriterionRow(
                    id=new_id(),
                    grading_id=grading.id,
                    position=position,
                    criterion_id=match.criterion_id,
                    code=match.code,
                    text=match.text,
                    clause=match.clause,
                    evidence=match.evidence,
                    created_at=grading.created_at,
                    updated_at=grading.updated_at,
                )
            )
        for verdict_position, verdict in enumerate(grading.verdicts, start=1):
            for position, vote in enumerate(verdict.votes, start=1):
                vote_row = GradingVoteRow(
                    id=new_id(),
                    grading_id=grading.id,
                    verdict_position=verdict_position,
                    position=position,
                    criterion_id=verdict.criterion_id,
                    code=verdict.match.code,
                    text=verdict.match.text,
                    clause=verdict.match.clause,
                    evidence=verdict.match.evidence,
                    **_seat_columns(vote),
                    upholds=vote.upholds,
                    created_at=grading.created_at,
                    updated_at=grading.updated_at,
                )
                _fill_entered(vote_row, vote.entered)
                self._session.add(vote_row)
        for position, seat in enumerate(grading.panel, start=1):
            self._session.add(
                GradingPanelMemberRow(
                    id=new_id(),
                    grading_id=grading.id,
                    position=position,
                    **_seat_columns(seat),
                    created_at=grading.created_at,
                    updated_at=grading.updated_at,
                )
            )

    def add(self, grading: Grading) -> None:
        """Store a new grading (draft or already confirmed, e.g. a dispute ruling) with its children."""
        row = GradingRow(id=grading.id)
        _fill_grading(row, grading)
        self._session.add(row)
        self._session.flush()
        self._write_children(grading)
        self._session.flush()

    def update(self, grading: Grading) -> None:
        """Replace a stored draft (e.g. to confirm it). A confirmed grading never changes.

        Raises:
            NotFound: ``grading_unknown``.
            InvalidTransition: ``grading_confirmed``.
        """
        row = self._session.get(GradingRow, grading.id)
        if row is None:
            raise NotFound("grading_unknown", id=str(grading.id))
        if row.confirmed_at is not None:
            raise InvalidTransition("grading_confirmed", id=str(grading.id))
        _fill_grading(row, grading)
        self._session.execute(delete(GradingScoreRow).where(GradingScoreRow.grading_id == grading.id))
        self._session.execute(delete(GradingCriterionRow).where(GradingCriterionRow.grading_id == grading.id))
        self._session.execute(delete(GradingVoteRow).where(GradingVoteRow.grading_id == grading.id))
        self._session.execute(delete(GradingPanelMemberRow).where(GradingPanelMemberRow.grading_id == grading.id))
        self._session.flush()
        self._write_children(grading)
        self._session.flush()

    def remove_draft(self, grading_id: uuid.UUID) -> None:
        """Discard a draft that was never confirmed.

        Raises:
            NotFound: ``grading_unknown``.
            InvalidTransition: ``grading_confirmed``.
        """
        row = self._session.get(GradingRow, grading_id)
        if row is None:
            raise NotFound("grading_unknown", id=str(grading_id))
        if row.confirmed_at is not None:
            raise InvalidTransition("grading_confirmed", id=str(grading_id))
        self._session.execute(delete(GradingScoreRow).where(GradingScoreRow.grading_id == grading_id))
        self._session.execute(delete(GradingCriterionRow).where(GradingCriterionRow.grading_id == grading_id))
        self._session.execute(delete(GradingVoteRow).where(GradingVoteRow.grading_id == grading_id))
        self._session.execute(delete(GradingPanelMemberRow).where(GradingPanelMemberRow.grading_id == grading_id))
        self._session.delete(row)
        self._session.flush()

    def get(self, grading_id: uuid.UUID) -> Grading | None:
        row = self._session.get(GradingRow, grading_id)
        return None if row is None else self._load([row])[0]

    def history_for(self, hazard_id: uuid.UUID) -> list[Grading]:
        """Every grading of a hazard (drafts too), oldest first."""
        rows = self._session.scalars(
            select(GradingRow).where(GradingRow.hazard_id == hazard_id).order_by(GradingRow.created_at, GradingRow.id)
        ).all()
        return self._load(rows)

    def for_meeting(self, meeting_id: uuid.UUID, *, confirmed_only: bool = True) -> list[Grading]:
        """The gradings of one meeting in the order they were made (confirmed ones unless told)."""
        query = select(GradingRow).where(GradingRow.meeting_id == meeting_id)
        if confirmed_only:
            query = query.where(GradingRow.confirmed_at.is_not(None))
        rows = self._session.scalars(query.order_by(GradingRow.created_at, GradingRow.id)).all()
        return self._load(rows)

    def count(self, *, confirmed_only: bool = False) -> int:
        query = select(func.count()).select_from(GradingRow)
        if confirmed_only:
            query = query.where(GradingRow.confirmed_at.is_not(None))
        return int(self._session.scalar(query) or 0)

    # ------------------------------------------------------------ meetings

    def add_meeting(self, meeting: GradingMeeting) -> None:
        self._session.add(
            GradingMeetingRow(
                id=meeting.id,
                title=meeting.title,
                held_on=meeting.held_on,
                leader_id=meeting.leader_id,
                leader_name=meeting.leader_name,
                created_at=meeting.created_at,
                updated_at=meeting.updated_at,
            )
        )
        self._session.flush()

    def get_meeting(self, meeting_id: uuid.UUID) -> GradingMeeting | None:
        row = self._session.get(GradingMeetingRow, meeting_id)
        return None if row is None else _meeting(row)

    def meetings(self) -> list[GradingMeeting]:
        """All meetings, newest first."""
        rows = self._session.scalars(
            select(GradingMeetingRow).order_by(
                GradingMeetingRow.held_on.desc(), GradingMeetingRow.created_at.desc(), GradingMeetingRow.id
            )
        )
        return [_meeting(r) for r in rows]

    def meeting_counts(self) -> dict[uuid.UUID, tuple[int, int]]:
        """Per meeting id: (gradings, confirmed gradings)."""
        confirmed = func.sum(case((GradingRow.confirmed_at.is_not(None), 1), else_=0))
        rows = self._session.execute(
            select(GradingRow.meeting_id, func.count(), confirmed)
            .where(GradingRow.meeting_id.is_not(None))
            .group_by(GradingRow.meeting_id)
        )
        return {meeting_id: (int(total), int(done or 0)) for meeting_id, total, done in rows}

    # ------------------------------------------------------------ disputes

    def add_dispute(self, dispute: Dispute) -> None:
        row = DisputeRow(id=dispute.id)
        _fill_dispute(row, dispute)
        self._session.add(row)
        self._session.flush()
        for position, claim in enumerate(dispute.claimed, start=1):
            self._session.add(
                DisputeClaimRow(
                    id=new_id(),
                    dispute_id=dispute.id,
                    position=position,
                    criterion_id=claim.criterion_id,
                    code=claim.code,
                    text=claim.text,
                    clause=claim.clause,
                    created_at=dispute.created_at,
                    updated_at=dispute.created_at,
                )
            )
        self._session.flush()

    def _disputes(self, rows: Sequence[DisputeRow]) -> list[Dispute]:
        ids = [r.id for r in rows]
        claims: dict[uuid.UUID, list[DisputeClaimRow]] = {i: [] for i in ids}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for c in self._session.scalars(select(DisputeClaimRow).where(DisputeClaimRow.dispute_id.in_(chunk))):
                claims[c.dispute_id].append(c)
        return [_dispute(r, claims[r.id]) for r in rows]

    def update_dispute(self, dispute: Dispute) -> None:
        """Store a dispute's new state (ruled or withdrawn).

        Raises:
            NotFound: ``dispute_unknown``.
        """
        row = self._session.get(DisputeRow, dispute.id)
        if row is None:
            raise NotFound("dispute_unknown", id=str(dispute.id))
        _fill_dispute(row, dispute)
        self._session.flush()

    def get_dispute(self, dispute_id: uuid.UUID) -> Dispute | None:
        row = self._session.get(DisputeRow, dispute_id)
        return None if row is None else self._disputes([row])[0]

    def disputes_for(self, hazard_id: uuid.UUID) -> list[Dispute]:
        """A hazard's disputes, oldest first."""
        rows = self._session.scalars(
            select(DisputeRow).where(DisputeRow.hazard_id == hazard_id).order_by(DisputeRow.raised_at, DisputeRow.id)
        )
        return self._disputes(list(rows))

    def open_disputes(self) -> list[Dispute]:
        """Every dispute still waiting for the dispute panel, oldest first."""
        rows = self._session.scalars(
            select(DisputeRow)
            .where(DisputeRow.state == DisputeState.OPEN.value)
            .order_by(DisputeRow.raised_at, DisputeRow.id)
        )
        return self._disputes(list(rows))

    def disputes(self) -> list[Dispute]:
        """Every dispute, newest first."""
        rows = self._session.scalars(select(DisputeRow).order_by(DisputeRow.raised_at.desc(), DisputeRow.id))
        return self._disputes(list(rows))

    # ------------------------------------------------------------ the register's current grade

    def set_current(self, hazard_id: uuid.UUID, grading: Grading | None, dispute_state: DisputeState | None) -> None:
        """Copy the grading that counts (and the dispute state) into the hazard's register columns.

        ``grading`` None clears them (grade back to ungraded). ``mean_d_sort`` is a float copy of the
        exact mean, used for sorting in SQL only.

        Raises:
            NotFound: ``hazard_unknown``.
        """
        row = self._session.scalars(select(HazardRow).where(HazardRow.id == hazard_id)).one_or_none()
        if row is None:
            raise NotFound("hazard_unknown", value=str(hazard_id))
        row.current_grading_id = None if grading is None else grading.id
        row.grade = HazardGrade.UNGRADED.value if grading is None else grading.grade.value
        row.grading_method = None if grading is None else grading.method.value
        row.band_code = None if grading is None else grading.band_code
        row.mean_d = None if grading is None else grading.mean_d
        row.mean_d_sort = None if grading is None or grading.mean_d is None else float(grading.mean_d)
        row.dispute_state = None if dispute_state is None else dispute_state.value
        self._session.flush()

    # ------------------------------------------------------------ blind scoring rounds (0011)

    def _round(self, row: ScoringRoundRow) -> ScoringRound:
        seats = self._session.scalars(
            select(ScoringSeatRow).where(ScoringSeatRow.round_id == row.id).order_by(ScoringSeatRow.position)
        ).all()
        entries = []
        for seat in seats:
            signature = _entered(seat)
            if signature is None:
                continue
            votes = json.loads(seat.votes) if seat.votes else {}
            entries.append(
                Entry(
                    seat.person_id,
                    signature,
                    seat.likelihood,
                    seat.exposure,
                    seat.consequence,
                    tuple((uuid.UUID(k), bool(v)) for k, v in votes.items()),
                )
            )
        opened = Signature(row.opened_account_id, row.opened_name, row.created_at, SignedVia(row.opened_via))
        return ScoringRound(
            id=row.id,
            hazard_id=row.hazard_id,
            purpose=RoundPurpose(row.purpose),
            seats=tuple(Seat(s.person_id, PanelRole(s.role)) for s in seats),
            opened_by=opened,
            entries=tuple(entries),
            criteria=tuple(uuid.UUID(c) for c in json.loads(row.criteria)),
            grading_id=row.grading_id,
            closed_at=row.closed_at,
        )

    def add_round(self, scoring: ScoringRound) -> None:
        """Store a new scoring round with its seats (and any entries)."""
        at = scoring.opened_by.at
        self._session.add(
            ScoringRoundRow(
                id=scoring.id,
                hazard_id=scoring.hazard_id,
                purpose=scoring.purpose.value,
                criteria=json.dumps([str(c) for c in scoring.criteria]),
                opened_account_id=scoring.opened_by.account_id,
                opened_name=scoring.opened_by.name,
                opened_via=scoring.opened_by.via.value,
                grading_id=scoring.grading_id,
                closed_at=scoring.closed_at,
                created_at=at,
                updated_at=at,
            )
        )
        self._session.flush()
        for position, seat in enumerate(scoring.seats, start=1):
            self._session.add(
                ScoringSeatRow(
                    id=new_id(),
                    round_id=scoring.id,
                    position=position,
                    person_id=seat.person_id,
                    role=seat.role.value,
                    created_at=at,
                    updated_at=at,
                )
            )
        self._session.flush()
        self.save_round(scoring)

    def save_round(self, scoring: ScoringRound) -> None:
        """Write a round's entries and whether a grading consumed it (seats never change).

        Raises:
            NotFound: ``scoring_unknown``.
        """
        row = self._session.get(ScoringRoundRow, scoring.id)
        if row is None:
            raise NotFound("scoring_unknown", id=str(scoring.id))
        row.grading_id = scoring.grading_id
        row.closed_at = scoring.closed_at
        seats = self._session.scalars(select(ScoringSeatRow).where(ScoringSeatRow.round_id == scoring.id)).all()
        for seat in seats:
            entry = scoring.entry(seat.person_id)
            seat.likelihood = None if entry is None else entry.likelihood
            seat.exposure = None if entry is None else entry.exposure
            seat.consequence = None if entry is None else entry.consequence
            seat.votes = None if entry is None or not entry.votes else json.dumps({str(k): v for k, v in entry.votes})
            _fill_entered(seat, None if entry is None else entry.signature)
            if entry is not None:
                seat.updated_at = entry.signature.at
                row.updated_at = max(row.updated_at, entry.signature.at)
        if scoring.closed_at is not None:
            row.updated_at = scoring.closed_at
        self._session.flush()

    def get_round(self, round_id: uuid.UUID) -> ScoringRound | None:
        row = self._session.get(ScoringRoundRow, round_id)
        return None if row is None else self._round(row)

    def open_rounds_for(self, hazard_id: uuid.UUID) -> list[ScoringRound]:
        """The hazard's rounds no grading has consumed yet, oldest first."""
        rows = self._session.scalars(
            select(ScoringRoundRow)
            .where(ScoringRoundRow.hazard_id == hazard_id, ScoringRoundRow.grading_id.is_(None))
            .order_by(ScoringRoundRow.created_at, ScoringRoundRow.id)
        ).all()
        return [self._round(r) for r in rows]

    def remove_round(self, round_id: uuid.UUID) -> None:
        """Throw away a round nobody used (its entries go with it)."""
        self._session.execute(delete(ScoringSeatRow).where(ScoringSeatRow.round_id == round_id))
        self._session.execute(delete(ScoringRoundRow).where(ScoringRoundRow.id == round_id))
        self._session.flush()

    # ------------------------------------------------------------ printed sheets

    def add_sheet_print(self, sheet_print: SheetPrint) -> None:
        self._session.add(
            SheetPrintRow(
                id=sheet_print.id,
                kind=sheet_print.kind.value,
                grading_id=sheet_print.grading_id,
                dispute_id=sheet_print.dispute_id,
                hazard_id=sheet_print.hazard_id,
                verify_code=sheet_print.verify_code,
                digest=sheet_print.digest,
                copy_no=sheet_print.copy_no,
                printed_at=sheet_print.printed_at,
                printed_by=sheet_print.printed_by,
                created_at=sheet_print.created_at,
                updated_at=sheet_print.updated_at,
            )
        )
        self._session.flush()

    def find_sheet_prints(self, verify_code: str) -> list[SheetPrint]:
        """Every print carrying ``verify_code`` (printed form ``XXXX-XXXX-XXXX``), oldest first."""
        rows = self._session.scalars(
            select(SheetPrintRow)
            .where(SheetPrintRow.verify_code == verify_code)
            .order_by(SheetPrintRow.printed_at, SheetPrintRow.copy_no, SheetPrintRow.id)
        )
        return [_print(r) for r in rows]

    def count_sheet_prints(self, grading_id: uuid.UUID, kind: SheetKind) -> int:
        """How many sheets of ``kind`` were printed for ``grading_id`` (the next copy number)."""
        return int(
            self._session.scalar(
                select(func.count())
                .select_from(SheetPrintRow)
                .where(SheetPrintRow.grading_id == grading_id, SheetPrintRow.kind == SheetKind(kind).value)
            )
            or 0
        )
