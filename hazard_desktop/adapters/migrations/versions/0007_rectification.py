"""Rectification (整改), acceptance (验收) and closure (销号): issue 12.

- ``hazards`` gains the loop's register columns (deadline, responsible department/person, acceptor,
  closed_on, extension_pending) with indexes on ``deadline`` and ``(status, deadline)``;
- ``rectification_assignments`` (五定), ``treatment_plans`` (重大隐患治理方案), ``rectification_notes`` with
  ``rectification_photos`` / ``rectification_photo_blobs``, ``extension_requests``, ``acceptances`` and
  ``hazard_transitions`` (the timeline);
- ``form_prints``: every printed rectification form (verify code, digest, copy number), as ``sheet_prints``.

Hazards already 整改中 / 待验收 / 已销号 (statuses set before this revision, without records) keep their
status; their new columns stay empty (a deadline or closing day nobody recorded is not invented). A 整改中
one gets its 五定 through the ordinary 下达整改 (allowed once for such a hazard).

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

UUID = sa.String(36)
DEC = sa.String(40)


def _record() -> list[sa.Column]:
    return [
        sa.Column("id", UUID, primary_key=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    ]


def _hazard() -> sa.Column:
    return sa.Column("hazard_id", UUID, sa.ForeignKey("hazards.id"), nullable=False)


def upgrade() -> None:
    with op.batch_alter_table("hazards") as batch:  # plain ALTER TABLE ADD COLUMN: the table is not rebuilt
        batch.add_column(sa.Column("deadline", sa.Date, nullable=True))
        batch.add_column(sa.Column("responsible_department_id", UUID, nullable=True))
        batch.add_column(sa.Column("responsible_person_id", UUID, nullable=True))
        batch.add_column(sa.Column("acceptor_id", UUID, nullable=True))
        batch.add_column(sa.Column("closed_on", sa.Date, nullable=True))
        batch.add_column(sa.Column("extension_pending", sa.Boolean, nullable=False, server_default="0"))
    op.create_index("ix_hazards_deadline", "hazards", ["deadline"])
    op.create_index("ix_hazards_status_deadline", "hazards", ["status", "deadline"])

    op.create_table(
        "rectification_assignments",
        *_record(),
        sa.Column("hazard_id", UUID, sa.ForeignKey("hazards.id"), nullable=False, unique=True),
        sa.Column("responsible_department_id", UUID, sa.ForeignKey("departments.id"), nullable=False),
        sa.Column("responsible_person_id", UUID, sa.ForeignKey("people.id"), nullable=False),
        sa.Column("measures", sa.Text, nullable=False),
        sa.Column("funds", DEC, nullable=False),
        sa.Column("funds_source", sa.String(200), nullable=False),
        sa.Column("original_deadline", sa.Date, nullable=False),
        sa.Column("deadline", sa.Date, nullable=False),
        sa.Column("interim_measures", sa.Text, nullable=False),
        sa.Column("assigned_by_id", UUID, sa.ForeignKey("people.id"), nullable=False),
        sa.Column("assigned_on", sa.Date, nullable=False),
        sa.Column("on_the_spot", sa.Boolean, nullable=False),
    )
    op.create_table(
        "treatment_plans",
        *_record(),
        sa.Column("hazard_id", UUID, sa.ForeignKey("hazards.id"), nullable=False, unique=True),
        sa.Column("goal_and_tasks", sa.Text, nullable=False),
        sa.Column("methods_and_measures", sa.Text, nullable=False),
        sa.Column("funds_and_materials", sa.Text, nullable=False),
        sa.Column("organisation_and_people", sa.Text, nullable=False),
        sa.Column("time_limit", sa.Date, nullable=False),
        sa.Column("time_requirements", sa.Text, nullable=False),
        sa.Column("safety_and_emergency", sa.Text, nullable=False),
        sa.Column("stoppage", sa.String(20), nullable=False),
        sa.Column("stopped_since", sa.Date, nullable=True),
        sa.Column("reports", sa.Text, nullable=False),
        sa.Column("supervision", sa.Text, nullable=True),
        sa.Column("cause", sa.Text, nullable=False, server_default=""),
        sa.Column("harm", sa.Text, nullable=False, server_default=""),
        sa.Column("difficulty", sa.Text, nullable=False, server_default=""),
    )
    op.create_table(
        "rectification_notes",
        *_record(),
        _hazard(),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("author", sa.Text, nullable=False),
        sa.Column("written_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_rectification_notes_hazard", "rectification_notes", ["hazard_id", "written_at"])
    op.create_table(
        "rectification_photos",
        *_record(),
        _hazard(),
        sa.Column("note_id", UUID, sa.ForeignKey("rectification_notes.id", ondelete="CASCADE"), nullable=False),
        sa.Column("stage", sa.String(10), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("original_name", sa.String(255), nullable=False),
        sa.Column("original_sha256", sa.String(64), nullable=False),
        sa.Column("original_size", sa.Integer, nullable=False),
        sa.Column("width", sa.Integer, nullable=False),
        sa.Column("height", sa.Integer, nullable=False),
    )
    op.create_index("ix_rectification_photos_note", "rectification_photos", ["note_id", "position"])
    op.create_table(
        "rectification_photo_blobs",
        sa.Column("photo_id", UUID, sa.ForeignKey("rectification_photos.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("kind", sa.String(10), primary_key=True),
        sa.Column("data", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "extension_requests",
        *_record(),
        _hazard(),
        sa.Column("requested_by", sa.Text, nullable=False),
        sa.Column("requested_at", sa.DateTime, nullable=False),
        sa.Column("current_deadline", sa.Date, nullable=False),
        sa.Column("requested_deadline", sa.Date, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("decided_by", sa.Text, nullable=True),
        sa.Column("decided_at", sa.DateTime, nullable=True),
        sa.Column("decision_reason", sa.Text, nullable=False),
    )
    op.create_index("ix_extension_requests_hazard", "extension_requests", ["hazard_id", "requested_at"])
    op.create_table(
        "acceptances",
        *_record(),
        _hazard(),
        sa.Column("result", sa.String(20), nullable=False),
        sa.Column("decided_by", sa.Text, nullable=False),
        sa.Column("decided_on", sa.Date, nullable=False),
        sa.Column("decided_at", sa.DateTime, nullable=False),
        sa.Column("remarks", sa.Text, nullable=False),
        sa.Column("acceptance_group", sa.Text, nullable=False),
        sa.Column("evaluation", sa.Text, nullable=True),
    )
    op.create_index("ix_acceptances_hazard", "acceptances", ["hazard_id", "decided_at"])
    op.create_table(
        "hazard_transitions",
        *_record(),
        _hazard(),
        sa.Column("from_status", sa.String(20), nullable=False),
        sa.Column("to_status", sa.String(20), nullable=False),
        sa.Column("action", sa.String(30), nullable=False),
        sa.Column("actor_id", UUID, sa.ForeignKey("people.id"), nullable=False),
        sa.Column("actor", sa.Text, nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("details", sa.Text, nullable=False),
    )
    op.create_index("ix_hazard_transitions_hazard", "hazard_transitions", ["hazard_id", "at"])
    op.create_table(
        "form_prints",
        *_record(),
        _hazard(),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("subject_id", UUID, nullable=True),
        sa.Column("verify_code", sa.String(20), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("copy_no", sa.Integer, nullable=False),
        sa.Column("printed_at", sa.DateTime, nullable=False),
        sa.Column("printed_by", sa.String(40), nullable=False),
    )
    op.create_index("ix_form_prints_code", "form_prints", ["verify_code"])
    op.create_index("ix_form_prints_subject", "form_prints", ["hazard_id", "kind", "digest"])


def downgrade() -> None:
    raise NotImplementedError("downgrades are not supported: restore the backup made before upgrading")
