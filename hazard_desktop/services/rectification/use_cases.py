"""The rectification loop's transitions, one use case each (see the package's docstring).

Common parameters: ``uow`` (committed here), ``hazard_id``, ``expected_revision`` (the hazard's revision the
screen showed: ``Conflict("stale_revision")`` otherwise), ``actor_id`` (the 操作人, an active person of the
settings), ``at`` (the instant; None: now — tests pass one; the plant-local day is ``plant_date(at)``).
Each returns the hazard as stored afterwards (revision + 1).

Errors common to all: ``NotFound("hazard_unknown")``, ``NotFound("person_unknown", field="actor")``,
``ValidationError("person_inactive", field="actor")``, ``Conflict("stale_revision")``, the
``InvalidTransition`` codes of ``domain.rectification.check_action`` and the ``PermissionDenied`` codes of
``check_actor`` (see /work/wt/briefs/r12-api.md for the full table).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from hazard_desktop.domain.hazards import Hazard
from hazard_desktop.domain.rectification import AcceptanceInput, AssignmentInput, PhotoStage, PlanInput
from hazard_desktop.services.hazards import PhotoFile
from hazard_desktop.services.ports import ImageProcessor, UnitOfWork


@dataclass(frozen=True, slots=True)
class StagedPhoto:
    """A picked image file and what it shows (before / progress / after)."""

    file: PhotoFile
    stage: PhotoStage


def assign(
    uow: UnitOfWork,
    hazard_id: uuid.UUID,
    expected_revision: int,
    actor_id: uuid.UUID,
    data: AssignmentInput,
    plan: PlanInput | None = None,
    *,
    at: datetime | None = None,
) -> Hazard:
    """下达整改 (五定): 已定级 → 整改中. A 重大 hazard needs its treatment plan here (or saved before)."""
    raise NotImplementedError


def revise_assignment(
    uow: UnitOfWork,
    hazard_id: uuid.UUID,
    expected_revision: int,
    actor_id: uuid.UUID,
    data: AssignmentInput,
    reason: str,
    *,
    at: datetime | None = None,
) -> Hazard:
    """Change 五定 while 整改中 (``data.deadline`` must be None or the current deadline: it moves by 延期)."""
    raise NotImplementedError


def save_plan(
    uow: UnitOfWork,
    hazard_id: uuid.UUID,
    expected_revision: int,
    actor_id: uuid.UUID,
    plan: PlanInput,
    *,
    at: datetime | None = None,
) -> Hazard:
    """Store or change a 重大 hazard's treatment plan (six contents, 停产, 双报告, 挂牌督办)."""
    raise NotImplementedError


def add_note(
    uow: UnitOfWork,
    hazard_id: uuid.UUID,
    expected_revision: int,
    actor_id: uuid.UUID,
    text: str,
    photos: Sequence[StagedPhoto] = (),
    images: ImageProcessor | None = None,
    *,
    at: datetime | None = None,
) -> Hazard:
    """整改进展: a progress note with photos (each tagged before / progress / after)."""
    raise NotImplementedError


def request_extension(
    uow: UnitOfWork,
    hazard_id: uuid.UUID,
    expected_revision: int,
    actor_id: uuid.UUID,
    new_deadline: date,
    reason: str,
    *,
    at: datetime | None = None,
) -> Hazard:
    """申请延期: ``new_deadline`` later than the current deadline; sets ``extension_pending``."""
    raise NotImplementedError


def approve_extension(
    uow: UnitOfWork,
    hazard_id: uuid.UUID,
    expected_revision: int,
    actor_id: uuid.UUID,
    reason: str = "",
    *,
    at: datetime | None = None,
) -> Hazard:
    """批准延期: the deadline becomes the requested one."""
    raise NotImplementedError


def refuse_extension(
    uow: UnitOfWork,
    hazard_id: uuid.UUID,
    expected_revision: int,
    actor_id: uuid.UUID,
    reason: str,
    *,
    at: datetime | None = None,
) -> Hazard:
    """不批准延期 (a reason is required); the deadline stays."""
    raise NotImplementedError


def submit_for_acceptance(
    uow: UnitOfWork,
    hazard_id: uuid.UUID,
    expected_revision: int,
    actor_id: uuid.UUID,
    acceptor_id: uuid.UUID,
    text: str,
    photos: Sequence[StagedPhoto] = (),
    images: ImageProcessor | None = None,
    *,
    at: datetime | None = None,
) -> Hazard:
    """申请验收: 整改中 → 待验收, naming the person asked to accept (not the responsible person)."""
    raise NotImplementedError


def accept(
    uow: UnitOfWork,
    hazard_id: uuid.UUID,
    expected_revision: int,
    actor_id: uuid.UUID,
    data: AcceptanceInput,
    *,
    at: datetime | None = None,
) -> Hazard:
    """验收合格, 销号: 待验收 → 已销号 (``closed_on`` = the plant-local day)."""
    raise NotImplementedError


def send_back(
    uow: UnitOfWork,
    hazard_id: uuid.UUID,
    expected_revision: int,
    actor_id: uuid.UUID,
    reason: str,
    *,
    at: datetime | None = None,
) -> Hazard:
    """退回: 待验收 → 整改中 with a reason (the deadline stays; ask for 延期 if it is too short)."""
    raise NotImplementedError


def fix_on_the_spot(
    uow: UnitOfWork,
    hazard_id: uuid.UUID,
    expected_revision: int,
    actor_id: uuid.UUID,
    measure: str,
    acceptor_id: uuid.UUID,
    photos: Sequence[StagedPhoto],
    images: ImageProcessor | None = None,
    *,
    at: datetime | None = None,
) -> Hazard:
    """当场整改: 待定级/已定级 → 待验收 by the finder (measure + ≥ 1 after-photo), a second person to accept."""
    raise NotImplementedError
