"""The rule's dispute path (§5–§7) and reference data that says only what the rule says.

- ``grading_votes``: a dispute panel's recorded votes, member by member, on each criterion in question;
- ``dispute_claims``: the criteria a raising department says apply;
- ``disputes.withdrawn_by_*``: who withdrew a dispute;
- seeded reference data corrected where the plant has not edited it (see :func:`_reference`).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

UUID = sa.String(36)


def _record() -> list[sa.Column]:
    return [
        sa.Column("id", UUID, primary_key=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "grading_votes",
        *_record(),
        sa.Column("grading_id", UUID, sa.ForeignKey("gradings.id", ondelete="CASCADE"), nullable=False),
        sa.Column("verdict_position", sa.Integer, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("criterion_id", UUID, sa.ForeignKey("major_criteria.id"), nullable=False),
        sa.Column("code", sa.String(20), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("clause", sa.String(40), nullable=False),
        sa.Column("evidence", sa.Text, nullable=False),
        sa.Column("person_id", UUID, sa.ForeignKey("people.id"), nullable=False),
        sa.Column("person_name", sa.String(40), nullable=False),
        sa.Column("department_id", UUID, sa.ForeignKey("departments.id"), nullable=False),
        sa.Column("department_name", sa.String(40), nullable=False),
        sa.Column("department_kind", sa.String(20), nullable=False),
        sa.Column("role", sa.String(10), nullable=False),
        sa.Column("upholds", sa.Boolean, nullable=False),
    )
    op.create_index("ix_grading_votes_grading", "grading_votes", ["grading_id"])
    op.create_table(
        "dispute_claims",
        *_record(),
        sa.Column("dispute_id", UUID, sa.ForeignKey("disputes.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("criterion_id", UUID, sa.ForeignKey("major_criteria.id"), nullable=False),
        sa.Column("code", sa.String(20), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("clause", sa.String(40), nullable=False),
    )
    op.create_index("ix_dispute_claims_dispute", "dispute_claims", ["dispute_id"])
    with op.batch_alter_table("disputes") as batch:
        batch.add_column(sa.Column("withdrawn_by_person_name", sa.String(40), nullable=False, server_default=""))
        batch.add_column(sa.Column("withdrawn_by_department_id", UUID, nullable=True))
        batch.add_column(sa.Column("withdrawn_by_department_name", sa.String(40), nullable=False, server_default=""))
    _reference()


# (table, key column, key, column, seeded value, value the rule gives): changed only where still seeded
_RENAMES = (
    ("categories", "code", "4.6", "name_zh", "设备/设施/工器具", "设备/设施/工器具类隐患"),
    ("categories", "code", "4.7", "name_zh", "作业", "作业类隐患"),
    ("categories", "code", "4.8", "name_zh", "基础安全与5S", "基础安全与5S类隐患"),
    ("categories", "code", "4.9", "name_zh", "管理", "管理类隐患"),
    ("categories", "code", "4.10", "name_zh", "其他", "其他隐患"),
    ("subcategories", "code", "4.6.1", "name_zh", "特种设备", "特种设备（有效检验期、安全附件的有效投用、台账管理等）"),
    ("subcategories", "code", "4.6.1", "name_en", "Special equipment", "Special equipment (inspection, records)"),
    ("subcategories", "code", "4.6.5", "name_zh", "仪表", "仪表（包括联锁、DCS、回路、现场仪表）"),
    ("subcategories", "code", "4.6.5", "name_en", "Instrumentation", "Instruments (interlocks, DCS, loops)"),
    ("subcategories", "code", "4.8.2", "name_zh", "跑冒滴漏", "跑冒滴漏（泄漏）"),
    ("subcategories", "code", "4.8.2", "name_en", "Leaks, spills and drips", "Leaks, spills and drips (leakage)"),
    (
        "subcategories",
        "code",
        "4.8.4",
        "name_zh",
        "标识缺失或不当",
        "标识缺失或不当（包括定置、安全标识、安全告知（MSDS等）、应急信息）",
    ),
    (
        "subcategories",
        "code",
        "4.8.4",
        "name_en",
        "Missing or improper signs and labels",
        "Missing/improper signs (incl. MSDS)",
    ),
    ("major_criteria", "code", "C-4", "clause", "4.4.3(1)", "4.4 储罐(1)"),
    ("major_criteria", "code", "C-5", "clause", "4.4.3(2)", "4.4 储罐(2)"),
    ("major_criteria", "code", "C-6", "clause", "4.4.3(3)", "4.4 储罐(3)"),
)
OLD_SET = ("GB 标准五级 (2020)", "2020-01-01")
NEW_SET_NAME = "表D.4 隐患等级划分（《隐患分级管理办法》）"


def _reference() -> None:
    """Seeded reference data corrected where the plant has not edited it.

    - names, scope notes and clauses the seed invented or shortened take the rule's words (a value the
      plant changed is left alone; copies inside gradings are records and never change);
    - the D.4 set seeded as "GB 标准五级 (2020)" from an invented 2020-01-01 is named after the rule and
      takes effect on the day the plant started using the program (its creation, or the first hazard
      found, whichever is earlier);
    - the invented sub-category 4.10.1 is removed unless a hazard uses it (then it stays, as a record);
    - the dispute panel's 组长 / 副组长: if exactly one active person holds each role, they are named in
      the settings from the same day (the rule names individuals; nothing is guessed otherwise).
    """
    bind = op.get_bind()
    for table, key_column, key, column, seeded, ruled in _RENAMES:
        bind.exec_driver_sql(
            f"UPDATE {table} SET {column} = ? WHERE {key_column} = ? AND {column} = ?",  # noqa: S608 - constants
            (ruled, key, seeded),
        )
    first_use = bind.exec_driver_sql(
        "SELECT MIN(d) FROM (SELECT MIN(date(created_at)) AS d FROM threshold_sets"
        " UNION ALL SELECT MIN(date(found_at)) FROM hazards)"
    ).scalar()
    if first_use is not None:
        bind.exec_driver_sql(
            "UPDATE threshold_sets SET name = ?, effective_from = ? WHERE name = ? AND effective_from = ?",
            (NEW_SET_NAME, first_use, *OLD_SET),
        )
    used = bind.exec_driver_sql("SELECT COUNT(*) FROM hazards WHERE subcategory_code = '4.10.1'").scalar()
    if not used:
        bind.exec_driver_sql("DELETE FROM subcategories WHERE code = '4.10.1' AND name_zh = '其他'")
    _name_chairs(bind, first_use)


def _name_chairs(bind: sa.engine.Connection, first_use: str | None) -> None:
    if first_use is None or bind.exec_driver_sql("SELECT 1 FROM settings WHERE \"key\" = 'dispute_chairs'").first():
        return
    chairs = []
    for role in ("dispute_leader", "dispute_deputy"):
        rows = bind.exec_driver_sql(
            "SELECT id, name, roles FROM people WHERE active = 1 AND (',' || roles || ',') LIKE ?", (f"%,{role},%",)
        ).fetchall()
        if len(rows) != 1:
            return
        chairs.append(rows[0])
    (leader_id, leader_name, _), (deputy_id, deputy_name, _) = chairs
    if leader_id == deputy_id:
        return
    value = json.dumps(
        [
            {
                "effective_from": first_use,
                "leader_id": leader_id,
                "leader_name": leader_name,
                "deputy_id": deputy_id,
                "deputy_name": deputy_name,
            }
        ],
        ensure_ascii=False,
    )
    now = datetime.now(UTC).replace(tzinfo=None)
    bind.exec_driver_sql(
        "INSERT INTO settings (id, created_at, updated_at, \"key\", value) VALUES (?, ?, ?, 'dispute_chairs', ?)",
        (str(uuid.uuid4()), now, now, value),
    )


def downgrade() -> None:
    raise NotImplementedError("downgrades are not supported: restore the backup made before upgrading")
