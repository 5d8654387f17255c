"""Blind scoring under accounts (issue 14) on a real database: each member enters their own L/E/C, under their
own account or with their own PIN on the leader's laptop; nobody sees the scores until all are in; the sheet
prints who entered each score and when and the confirming leader, bound into its verify code."""

from __future__ import annotations

import subprocess
from datetime import UTC, date, datetime, timedelta

import pytest

from hazard_desktop.domain.accounts import MAX_FAILURES, SINGLE_USER, SYSTEM, Role, SecretKind
from hazard_desktop.domain.errors import DomainError, ValidationError
from hazard_desktop.domain.grading import Seat, SignedVia
from hazard_desktop.services import accounts, sheets
from hazard_desktop.services import grading as svc
from hazard_desktop.services.demo import ensure_people
from hazard_desktop.services.grading import GradingRequest, ScoreEntry
from hazard_desktop.services.hazards import create_hazard
from hazard_desktop.services.sheet_requests import SheetRequest, VerifyStatus
from tests.factories import hazard_input, no_match
from tests.fakes import FakeSecretHasher

DAY = date(2026, 3, 10)
AT = datetime(2026, 3, 10, 2, 0, tzinfo=UTC)
HASHER = FakeSecretHasher()
PINS = {"admin": "918273", "leader": "482913", "ahb": "190375", "scb": "730461", "gh": "264810", "other": "555018"}


@pytest.fixture
def people(context):
    return ensure_people(context.uow())


@pytest.fixture
def hazard(context, people, inspector):
    with context.uow() as uow:
        workshop = next(d for d in uow.reference.departments() if d.code == "HC1")
    return create_hazard(
        context.uow(),
        hazard_input(
            context,
            inspector,
            description="反应釜放空阀填料泄漏",
            department_id=workshop.id,
            found_at=datetime(2026, 3, 2, 8, 0, tzinfo=UTC),
        ),
    )


@pytest.fixture
def panel(context, people):
    """Accounts for the leader (陈建国), a member each of 安环部, 生产部, 工会, and an outsider."""
    leader = next(p for group in people.values() for p in group if p.name == "陈建国")
    members = {"ahb": people["AHB"][1], "scb": people["SCB"][0], "gh": people["GH"][0], "other": people["SCB"][1]}
    made = {}
    for key, person in {"admin": people["SYB"][0], "leader": leader, **members}.items():
        roles = {"admin": {Role.SAFETY_ADMIN}, "leader": {Role.PANEL_LEADER}}.get(key, {Role.PANEL_MEMBER})
        account = accounts.save_account(
            context.uow(),
            HASHER,
            None,
            person_id=person.id,
            name=person.name,
            roles=frozenset(roles),
            kind=SecretKind.PIN,
            secret=PINS[key],
        )
        made[key] = (person, pin_changed(context, account))
    return made


def pin_changed(context, account):
    """The account as after its owner chose their own PIN (an administrator's new account must change it)."""
    import dataclasses

    changed = dataclasses.replace(account, must_change=False)
    with context.uow() as uow:
        uow.accounts.save(changed)
        uow.commit()
    return changed


def sign_in(context, panel, key):
    context.session.sign_in(panel[key][1].actor())


def seats(panel):
    return [Seat(panel[k][0].id) for k in ("ahb", "scb", "gh")]


def open_round(context, panel, hazard):
    sign_in(context, panel, "leader")
    return svc.open_scoring(context.uow(), hazard.id, seats(panel), at=AT)


def enter(context, panel, status, key, lec=("1", "6", "7"), *, pin=None, minutes=1):
    return svc.enter_score(
        context.uow(),
        status.round_id,
        panel[key][0].id,
        lec=lec,
        pin=pin,
        hasher=HASHER,
        at=AT + timedelta(minutes=minutes),
    )


def test_scores_stay_hidden_from_everyone_until_all_members_have_entered(context, panel, hazard):
    status = open_round(context, panel, hazard)
    sign_in(context, panel, "ahb")  # the 安环部 member on their own account
    after_one = enter(context, panel, status, "ahb", ("3", "6", "7"), minutes=1)
    assert after_one.entered_count == 1 and not after_one.complete
    sign_in(context, panel, "leader")  # back on the leader's laptop: 生产部 confirms with their PIN
    enter(context, panel, status, "scb", ("1", "6", "7"), pin=PINS["scb"], minutes=2)
    for key in ("leader", "ahb", "scb"):  # nobody, the leader included, can read the scores yet
        sign_in(context, panel, key)
        assert svc.revealed_scores(context.uow(), status.round_id) is None
    seen = svc.scoring_status(context.uow(), status.round_id)
    assert [s.entered is not None for s in seen.seats] == [True, True, False]
    assert not hasattr(seen.seats[0], "likelihood")

    sign_in(context, panel, "gh")
    done = enter(context, panel, status, "gh", ("1", "6", "3"), minutes=3)
    assert done.complete
    revealed = svc.revealed_scores(context.uow(), status.round_id)
    assert revealed is not None and [str(e.likelihood) for e in revealed] == ["3", "1", "1"]

    sign_in(context, panel, "leader")
    request = GradingRequest(hazard.id, round_id=status.round_id, check=no_match(context))
    grading, _ = svc.grade_and_confirm(context.uow(), request, panel["leader"][0].id, DAY, at=AT + timedelta(minutes=5))
    by_person = {s.person_id: s.entered for s in grading.scores}
    assert by_person[panel["ahb"][0].id].via is SignedVia.ACCOUNT
    assert by_person[panel["scb"][0].id].via is SignedVia.PIN
    assert by_person[panel["scb"][0].id].account_id == panel["scb"][1].id
    assert by_person[panel["gh"][0].id].at == AT + timedelta(minutes=3)
    assert grading.confirmation.account_id == panel["leader"][1].id
    assert grading.confirmation.at == AT + timedelta(minutes=5)
    stored = svc.get_grading(context.uow(), grading.id)
    assert stored.scores == grading.scores and stored.confirmation == grading.confirmation
    with pytest.raises(DomainError, match="scoring_closed"):  # a used round takes no more entries
        enter(context, panel, status, "gh", ("1", "6", "3"))


def test_a_member_cannot_enter_another_members_score(context, panel, hazard):
    status = open_round(context, panel, hazard)
    sign_in(context, panel, "ahb")
    with pytest.raises(ValidationError, match="score_not_own"):
        enter(context, panel, status, "scb")
    sign_in(context, panel, "leader")  # nor can the leader type a member's score without that member's PIN
    with pytest.raises(ValidationError, match="score_not_own"):
        enter(context, panel, status, "scb")
    with pytest.raises(DomainError, match="credential_wrong"):  # another member's PIN is not this member's
        enter(context, panel, status, "scb", pin=PINS["ahb"])
    assert svc.scoring_status(context.uow(), status.round_id).entered_count == 0
    sign_in(context, panel, "other")  # not seated
    with pytest.raises(ValidationError, match="score_not_seated"):
        enter(context, panel, status, "other")


def test_a_wrong_pin_is_refused_and_counted_toward_the_lock_out(context, panel, hazard):
    status = open_round(context, panel, hazard)
    for attempt in range(1, MAX_FAILURES + 1):
        with pytest.raises(DomainError) as err:
            enter(context, panel, status, "scb", pin="000001")
        assert err.value.code in ("credential_wrong", "account_locked")
        with context.uow() as uow:
            assert uow.accounts.get(panel["scb"][1].id).failed_attempts == attempt
    with pytest.raises(DomainError, match="account_locked"):  # even the right PIN, now
        enter(context, panel, status, "scb", pin=PINS["scb"])
    assert svc.scoring_status(context.uow(), status.round_id).entered_count == 0


def test_under_accounts_typed_scores_and_a_confirmation_by_someone_else_are_refused(context, panel, hazard):
    sign_in(context, panel, "leader")
    typed = GradingRequest(
        hazard.id, scores=tuple(ScoreEntry(s.person_id, 1, 6, 7) for s in seats(panel)), check=no_match(context)
    )
    with pytest.raises(ValidationError, match="scores_need_round"):
        svc.grade_and_confirm(context.uow(), typed, panel["leader"][0].id, DAY, at=AT)
    status = open_round(context, panel, hazard)
    for n, key in enumerate(("ahb", "scb", "gh"), start=1):
        sign_in(context, panel, key)
        enter(context, panel, status, key, minutes=n)
    sign_in(context, panel, "ahb")  # a member is not the grading's leader (nor holds the leader's role)
    with pytest.raises(DomainError, match="confirm_not_leader|role_required"):
        svc.grade_and_confirm(
            context.uow(),
            GradingRequest(hazard.id, round_id=status.round_id, check=no_match(context)),
            panel["leader"][0].id,
            DAY,
        )
    assert svc.revealed_scores(context.uow(), status.round_id) is not None
    assert svc.final_grading(context.uow(), hazard.id) is None


def test_a_round_is_incomplete_until_all_have_entered_so_it_cannot_be_graded(context, panel, hazard):
    status = open_round(context, panel, hazard)
    sign_in(context, panel, "ahb")
    enter(context, panel, status, "ahb")
    sign_in(context, panel, "leader")
    with pytest.raises(DomainError, match="scoring_incomplete"):
        svc.grade_and_confirm(
            context.uow(),
            GradingRequest(hazard.id, round_id=status.round_id, check=no_match(context)),
            panel["leader"][0].id,
            DAY,
        )


def graded_by_panel(context, panel, hazard):
    status = open_round(context, panel, hazard)
    for n, key in enumerate(("ahb", "scb", "gh"), start=1):
        sign_in(context, panel, key)
        enter(context, panel, status, key, minutes=n)
    sign_in(context, panel, "leader")
    grading, _ = svc.grade_and_confirm(
        context.uow(),
        GradingRequest(hazard.id, round_id=status.round_id, check=no_match(context)),
        panel["leader"][0].id,
        DAY,
        at=AT,
    )
    return grading


def sheet_text(path):
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_the_sheet_prints_who_entered_each_score_and_the_confirming_leader_and_verifies(
    context, panel, hazard, tmp_path
):
    graded_by_panel(context, panel, hazard)
    document = sheets.grading_sheet_document(context.uow(), hazard.id)
    sheet = document.sheets[0]
    entered = {m.name: m.entered for m in sheet.members}
    assert entered[panel["ahb"][0].name].startswith("本人账户录入（账户：" + panel["ahb"][1].name + "）")
    assert sheet.signed_lines[0].startswith("判定组长确认：账户 " + panel["leader"][1].name)
    assert "单用户模式：未登录签名" not in sheet.signed_lines
    result = sheets.print_document(
        context.uow(), SheetRequest.hazard(hazard.id), sheets.sheet_renderer(context), tmp_path / "s.pdf", "组长", at=AT
    )
    text = sheet_text(result.path)
    assert "电子签名" in text and "本人账户录入" in text
    assert sheets.verify_code(context.uow(), result.records[0].verify_code).status is VerifyStatus.VERIFIED


def test_single_user_mode_is_printed_on_the_sheet_and_kept_in_the_record(context, people, hazard, tmp_path):
    context.session.sign_in(SINGLE_USER)
    leader = next(p for group in people.values() for p in group if p.name == "陈建国")
    status = svc.open_scoring(context.uow(), hazard.id, [Seat(people[c][0].id) for c in ("AHB", "SCB", "GH")], at=AT)
    for person in (people[c][0] for c in ("AHB", "SCB", "GH")):  # no log-ins: anyone at the keyboard
        svc.enter_score(context.uow(), status.round_id, person.id, lec=("1", "6", "7"), at=AT)
    grading, _ = svc.grade_and_confirm(
        context.uow(),
        GradingRequest(hazard.id, round_id=status.round_id, check=no_match(context)),
        leader.id,
        DAY,
        at=AT,
    )
    assert grading.confirmation.via is SignedVia.SINGLE_USER
    sheet = sheets.grading_sheet_document(context.uow(), hazard.id).sheets[0]
    assert "单用户模式：未登录签名" in sheet.signed_lines
    result = sheets.print_document(
        context.uow(), SheetRequest.hazard(hazard.id), sheets.sheet_renderer(context), tmp_path / "s.pdf", "我", at=AT
    )
    assert "单用户模式：未登录签名" in sheet_text(result.path)
    assert sheets.verify_code(context.uow(), result.records[0].verify_code).status is VerifyStatus.VERIFIED


def test_a_grading_by_the_system_keeps_the_old_layout(context, people, hazard):
    context.session.sign_in(SYSTEM)
    leader = next(p for group in people.values() for p in group if p.name == "陈建国")
    typed = GradingRequest(
        hazard.id,
        scores=tuple(ScoreEntry(people[c][0].id, 1, 6, 7) for c in ("AHB", "SCB", "GH")),
        check=no_match(context),
    )
    grading, _ = svc.grade_and_confirm(context.uow(), typed, leader.id, DAY, at=AT)
    assert grading.confirmation is None and all(s.entered is None for s in grading.scores)
    assert sheets.grading_sheet_document(context.uow(), hazard.id).sheets[0].signed_lines == ()


def test_a_dispute_panel_votes_blind_and_its_sheet_prints_the_signed_votes(context, people, inspector, tmp_path):
    """Single-user mode: each member's votes on the criterion in question go into a vote round, hidden until
    all are in; the ruling takes them signed, and the 争议裁决表 says so and verifies."""
    from tests.integration import test_dispute_rule as d

    with context.uow() as uow:
        workshop = next(x for x in uow.reference.departments() if x.code == "HC1")
    hazard = create_hazard(
        context.uow(),
        hazard_input(
            context,
            inspector,
            description="特种作业人员无证上岗",
            department_id=workshop.id,
            found_at=datetime(2026, 3, 1, 8, 0, tzinfo=UTC),
        ),
    )
    item, _, dispute = d.major_by_121(context, hazard, people)
    seated = d.panel_people(people)
    status = svc.open_scoring(
        context.uow(),
        hazard.id,
        [Seat(p.id, role) for p, role in seated],
        purpose=svc_round_votes(),
        criteria=[item.id],
        at=AT + timedelta(days=2),
    )
    for n, (person, _) in enumerate(seated):
        assert svc.revealed_scores(context.uow(), status.round_id) is None
        svc.enter_score(
            context.uow(), status.round_id, person.id, votes={item.id: n < 4}, at=AT + timedelta(days=2, minutes=n)
        )
    ruled, ruling = svc.rule_dispute(
        context.uow(),
        dispute.id,
        [],
        "维持重大事故隐患",
        d.RULED_ON,
        verdicts=[svc.VerdictEntry(item.id, "现场核查：证书过期", ())],
        vote_round_id=status.round_id,
        at=AT + timedelta(days=3),
    )
    assert ruling.verdicts[0].upheld and ruling.verdicts[0].votes_for == 4
    assert all(v.entered is not None and v.entered.single_user for v in ruling.verdicts[0].votes)
    document = sheets.dispute_document(context.uow(), dispute.id)
    sheet = document.sheets[0]
    assert "单用户模式：未登录签名" in sheet.signed_lines
    assert "未登录录入" in sheet.verdicts[0].votes
    result = sheets.print_document(
        context.uow(), SheetRequest.dispute(dispute.id), sheets.sheet_renderer(context), tmp_path / "d.pdf", "我", at=AT
    )
    assert "单用户模式：未登录签名" in sheet_text(result.path)
    assert sheets.verify_code(context.uow(), result.records[0].verify_code).status is VerifyStatus.VERIFIED


def svc_round_votes():
    from hazard_desktop.domain.grading import RoundPurpose

    return RoundPurpose.VOTES


def test_a_member_confirming_with_a_pin_needs_a_scoring_role_of_their_own(context, people, panel, hazard):
    from hazard_desktop.domain.errors import NotPermitted

    observer = people["GH"][1]  # a 工会 observer with a read-only account
    made = accounts.save_account(
        context.uow(),
        HASHER,
        None,
        person_id=observer.id,
        name=observer.name,
        roles=frozenset({Role.READ_ONLY}),
        kind=SecretKind.PIN,
        secret="640917",
    )
    pin_changed(context, made)
    sign_in(context, panel, "leader")
    status = svc.open_scoring(context.uow(), hazard.id, [Seat(panel["ahb"][0].id), Seat(observer.id)], at=AT)
    with pytest.raises(NotPermitted, match="role_required"):
        svc.enter_score(context.uow(), status.round_id, observer.id, lec=("1", "6", "7"), pin="640917", hasher=HASHER)
    assert svc.scoring_status(context.uow(), status.round_id).entered_count == 0


def test_a_pin_an_administrator_set_confirms_nothing_until_its_owner_changed_it(context, people, panel, hazard):
    """New-user trial: a fresh account's PIN (set by the administrator, still to be changed) confirmed a score
    on the leader's screen. Refused with the reason; nothing is written; once changed, the same member enters."""
    import dataclasses

    person, account = panel["scb"]
    with context.uow() as uow:
        uow.accounts.save(dataclasses.replace(account, must_change=True))
        uow.commit()
    status = open_round(context, panel, hazard)
    assert svc.confirm_gaps(context.uow(), [p.id for p, _ in (panel["ahb"], panel["scb"])]) == svc.ConfirmGaps(
        (), (person.id,)
    )
    with pytest.raises(DomainError) as err:
        enter(context, panel, status, "scb", pin=PINS["scb"])
    assert err.value.code == "credential_must_change" and err.value.params["name"] == person.name
    assert svc.scoring_status(context.uow(), status.round_id).entered_count == 0
    with context.uow() as uow:
        assert uow.accounts.get(account.id).failed_attempts == 0
    pin_changed(context, account)
    enter(context, panel, status, "scb", pin=PINS["scb"])
    assert svc.scoring_status(context.uow(), status.round_id).entered_count == 1


def test_members_without_an_account_are_named_when_the_panel_is_chosen(context, people, panel, hazard):
    with_account = {p.id for p, _ in panel.values()}
    outsider = next(p for group in people.values() for p in group if p.id not in with_account)
    sign_in(context, panel, "leader")
    gaps = svc.confirm_gaps(context.uow(), [panel["leader"][0].id, panel["ahb"][0].id, outsider.id])
    assert gaps == svc.ConfirmGaps((outsider.id,), ())
    context.session.sign_in(SINGLE_USER)
    assert not svc.confirm_gaps(context.uow(), [outsider.id])  # nobody confirms in single-user mode
