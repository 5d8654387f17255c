"""Sheets printed before the dispute rule (0005) keep verifying: records without votes or claims keep their
layout, byte for byte (the digests below were computed with the code before the change)."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import UTC, date, datetime
from decimal import Decimal

from hazard_desktop.domain import grading as g
from hazard_desktop.domain.hazards import HazardGrade
from hazard_desktop.domain.lec import EdgeRule
from hazard_desktop.domain.reference import DepartmentKind as K
from hazard_desktop.domain.verification import record_digest
from hazard_desktop.services.sheet_records import dispute_record


def U(n):
    return uuid.UUID(int=n)


T = datetime(2026, 3, 20, 8, 0, tzinfo=UTC)


def score(n, role, kind, lec):
    return g.MemberScore(U(100 + n), f"人{n}", U(200 + n), f"部{n}", kind, role, *map(Decimal, lec))


scores = (
    score(1, g.PanelRole.LEADER, K.OTHER, "167"),
    score(2, g.PanelRole.DEPUTY, K.SAFETY, "367"),
    score(3, g.PanelRole.MEMBER, K.PRODUCTION, "167"),
)
common = dict(
    threshold_set_id=U(9),
    threshold_set_name="GB 标准五级 (2020)",
    edge_rule=EdgeRule.UPPER_INCLUSIVE,
    band_name_zh="一般危险",
    band_name_en="Generally dangerous",
    decision_reason="",
    leader_id=U(101),
    leader_name="人1",
    graded_on=date(2026, 3, 20),
    confirmed_at=T,
    supersedes_id=None,
    correction_reason="",
    meeting_id=None,
    created_at=T,
    updated_at=T,
)
original = g.Grading(
    id=U(1),
    hazard_id=U(5),
    method=g.GradingMethod.CRITERIA,
    grade=HazardGrade.MAJOR,
    scores=(),
    mean_d=None,
    band_code=None,
    matches=(g.CriterionMatch(U(7), "121-2", "特种作业人员无证", "第2条", "无证"),),
    dispute_id=None,
    **{
        **common,
        "threshold_set_id": None,
        "threshold_set_name": "",
        "edge_rule": None,
        "band_name_zh": None,
        "band_name_en": None,
    },
)
ruling = g.Grading(
    id=U(2),
    hazard_id=U(5),
    method=g.GradingMethod.LEC_PANEL,
    grade=HazardGrade.GENERAL,
    scores=scores,
    mean_d=Decimal("56.66666666666666666667"),
    band_code="general",
    matches=(),
    dispute_id=U(3),
    **common,
)
dispute = g.Dispute(
    id=U(3),
    grading_id=U(1),
    hazard_id=U(5),
    raised_by_department_id=U(210),
    raised_by_department_name="一车间",
    raised_by_person_name="宋立新",
    raised_at=T,
    reason="理由",
    state=g.DisputeState.RULED,
    ruling_grading_id=U(2),
    ruling_text="裁决",
    ruled_at=T,
    created_at=T,
    updated_at=T,
)


def test_a_grading_and_a_dispute_record_without_votes_keep_their_digest():
    assert record_digest(g.canonical_record(original)) == (
        "02bbefa688dbcf1cd008c4f4df84a9e008729cddc31a957d4f6d3481a7e8e029"
    )
    assert (
        record_digest(g.canonical_record(ruling)) == "2479d2824a1327ca0d74752db307e79df1db165c09ce16dd12d6add290b7d71c"
    )
    assert record_digest(dispute_record(dispute, ruling, original)) == (
        "f7f8ff51ef795f2740a482d9d6af2abc0a18402bfbeb9122363e714fdcc1c500"
    )


def test_votes_and_claims_enter_the_record_so_a_changed_vote_no_longer_verifies():
    vote = g.CriterionVote(U(101), "人1", U(201), "部1", K.OTHER, g.PanelRole.LEADER, True)
    verdict = g.CriterionVerdict(original.matches[0], (vote,))
    voted = dataclasses.replace(ruling, verdicts=(verdict,))
    flipped = dataclasses.replace(
        ruling, verdicts=(g.CriterionVerdict(original.matches[0], (dataclasses.replace(vote, upholds=False),)),)
    )
    assert g.canonical_record(voted)["version"] == 2
    assert record_digest(g.canonical_record(voted)) != record_digest(g.canonical_record(flipped))
    claimed = dataclasses.replace(dispute, claimed=(g.CriterionClaim(U(7), "121-2", "特种作业人员无证", "第2条"),))
    assert record_digest(dispute_record(claimed, ruling, original)) != record_digest(
        dispute_record(dispute, ruling, original)
    )


# ---------------------------------------------------------------- layout 3: signatures (issue 14)

SIGNER = g.Signature(U(900), "人1", datetime(2026, 3, 20, 7, 55, tzinfo=UTC), g.SignedVia.ACCOUNT)


def signed(grading, via=g.SignedVia.ACCOUNT, confirm_via=g.SignedVia.ACCOUNT):
    def stamp(n, at_minute, how):
        account = None if how is g.SignedVia.SINGLE_USER else U(900 + n)
        return g.Signature(account, f"人{n}", datetime(2026, 3, 20, 7, at_minute, tzinfo=UTC), how)

    scores = tuple(dataclasses.replace(s, entered=stamp(i, 50 + i, via)) for i, s in enumerate(grading.scores, start=1))
    return dataclasses.replace(grading, scores=scores, confirmation=stamp(1, 59, confirm_via))


def test_records_without_signatures_keep_layouts_1_and_2_byte_for_byte():
    """The same digests as above, computed by the code before layout 3: sheets printed before still verify."""
    assert g.canonical_record(ruling)["version"] == 1
    assert "confirmation" not in g.canonical_record(ruling)
    assert "entered" not in g.canonical_record(ruling)["members"][0]
    assert record_digest(g.canonical_record(ruling)) == (
        "2479d2824a1327ca0d74752db307e79df1db165c09ce16dd12d6add290b7d71c"
    )


def test_signatures_enter_layout_3_so_a_changed_signer_or_time_no_longer_verifies():
    record = g.canonical_record(signed(ruling))
    assert record["version"] == g.SIGNED_RECORD_VERSION == 3
    assert record["single_user"] is False
    assert record["confirmation"] == {
        "account_id": str(U(901)),
        "name": "人1",
        "at": "2026-03-20T07:59:00.000000Z",
        "via": "account",
    }
    assert [m["entered"]["name"] for m in record["members"]] == ["人1", "人2", "人3"]
    base = record_digest(record)
    assert base != record_digest(g.canonical_record(ruling))
    other_leader = dataclasses.replace(
        signed(ruling), confirmation=dataclasses.replace(signed(ruling).confirmation, account_id=U(999))
    )
    later = dataclasses.replace(
        signed(ruling),
        confirmation=dataclasses.replace(signed(ruling).confirmation, at=datetime(2026, 3, 20, 8, 1, tzinfo=UTC)),
    )
    by_pin = signed(ruling, via=g.SignedVia.PIN)
    for changed in (other_leader, later, by_pin):
        assert record_digest(g.canonical_record(changed)) != base


def test_single_user_mode_is_in_the_record():
    record = g.canonical_record(signed(ruling, g.SignedVia.SINGLE_USER, g.SignedVia.SINGLE_USER))
    assert record["single_user"] is True
    assert record["confirmation"]["account_id"] is None
    assert record["confirmation"]["via"] == "single_user"
    assert g.is_single_user(signed(ruling, g.SignedVia.SINGLE_USER, g.SignedVia.SINGLE_USER))
    assert not g.is_single_user(signed(ruling))


def test_signed_votes_enter_the_record_of_a_dispute_sheet():
    vote = g.CriterionVote(U(101), "人1", U(201), "部1", K.OTHER, g.PanelRole.LEADER, True, entered=SIGNER)
    voted = dataclasses.replace(ruling, verdicts=(g.CriterionVerdict(original.matches[0], (vote,)),))
    record = g.canonical_record(voted)
    assert record["version"] == 3
    assert record["verdicts"][0]["votes"][0]["entered"]["via"] == "account"
    unsigned = dataclasses.replace(
        ruling, verdicts=(g.CriterionVerdict(original.matches[0], (dataclasses.replace(vote, entered=None),)),)
    )
    assert g.canonical_record(unsigned)["version"] == 2
    assert record_digest(dispute_record(dispute, voted, original)) != record_digest(
        dispute_record(dispute, unsigned, original)
    )
