"""Panel scoring under accounts (issue 14): on the leader's laptop each member confirms their own entry with
their own PIN; the dialog keeps no value and neither it nor the leader can read the scores before all are in."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from hazard_desktop.app import close_context
from hazard_desktop.domain.accounts import Role, SecretKind
from hazard_desktop.domain.grading import SignedVia
from hazard_desktop.services import accounts
from hazard_desktop.services import grading as grading_service
from hazard_desktop.services.context import AppContext
from hazard_desktop.services.demo import ensure_people
from hazard_desktop.services.hazards import create_hazard
from hazard_desktop.ui.dialogs.panel_scoring import PAGE_RESULT, PAGE_SCORING, PanelScoringDialog
from hazard_desktop.ui.widgets.hidden_scoring import HiddenScoring
from tests.factories import add_person, hazard_input, make_context
from tests.fakes import FakeSecretHasher
from tests.ui.check_answers import answer_no_match
from tests.ui.test_panel_scoring import visible_texts

DAY = date(2026, 3, 10)
PINS = {"陈建国": "482913", "周永明": "730461", "黄秀英": "264810", "何伟": "918273"}


def own_pin(context, account):
    """The account as after its owner chose their own PIN (one the administrator set confirms nothing)."""
    import dataclasses

    chosen = dataclasses.replace(account, must_change=False)
    with context.uow() as uow:
        uow.accounts.save(chosen)
        uow.commit()
    return chosen


@pytest.fixture
def context(tmp_path) -> Iterator[AppContext]:
    ctx = make_context(Path(tmp_path) / "data")
    ctx.secrets = FakeSecretHasher()  # fast; Argon2id itself is tested with the accounts
    yield ctx
    close_context(ctx)


@pytest.fixture
def staff(context):
    return ensure_people(context.uow())  # first: the demo staff is only added to an empty table


@pytest.fixture
def people(context, staff, hazard):  # the hazard first: the leader may not register one
    found = {p.name: p for group in staff.values() for p in group}
    roles = {"何伟": Role.SAFETY_ADMIN, "陈建国": Role.PANEL_LEADER}
    made = {}
    for name in ("何伟", "陈建国", "周永明", "黄秀英"):
        made[name] = accounts.save_account(
            context.uow(),
            context.secrets,
            None,
            person_id=found[name].id,
            name=name,
            roles=frozenset({roles.get(name, Role.PANEL_MEMBER)}),
            kind=SecretKind.PIN,
            secret=PINS[name],
        )
        made[name] = own_pin(context, made[name])
    context.session.sign_in(made["陈建国"].actor())  # the leader's laptop
    return found, made


@pytest.fixture
def hazard(context, staff):
    inspector = add_person(context)
    return create_hazard(
        context.uow(),
        hazard_input(
            context, inspector, description="合成一车间 P-101A 机封泄漏", found_at=datetime(2026, 3, 1, tzinfo=UTC)
        ),
    )


def test_members_confirm_with_their_pin_and_nothing_is_visible_until_all_are_in(qtbot, context, people, hazard):
    found, made = people
    dialog = PanelScoringDialog(context, [hazard.id], on=DAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.set_members([found[n].id for n in ("陈建国", "周永明", "黄秀英")])
    assert dialog.set_leader(found["陈建国"].id)
    assert dialog.start_scoring()
    scoring: HiddenScoring = dialog.scoring

    # the leader is signed in: no PIN for their own entry
    assert scoring.current_seat.candidate.name == "陈建国"
    assert not scoring.pin.isVisible()
    assert scoring.enter("0.5", "0.5", "1")

    # 周永明 on the leader's laptop: the PIN box shows; a wrong PIN is refused, shown, and counted
    assert scoring.current_seat.candidate.name == "周永明"
    assert scoring.pin.isVisible()
    assert scoring.entry.set_values("3", "6", "3")
    scoring.pin.setText("000001")
    scoring.next_button.click()
    assert scoring.current_seat.candidate.name == "周永明"  # still their turn
    assert dialog.error_message()
    assert scoring.pin.text() == ""  # the PIN is not kept in the box
    with context.uow() as uow:
        assert uow.accounts.get(made["周永明"].id).failed_attempts == 1
    scoring.pin.setText(PINS["周永明"])
    scoring.next_button.click()
    assert scoring.current_seat.candidate.name == "黄秀英"

    # two are in: the values are nowhere — not on screen, not in the widget, not from the services
    texts = visible_texts(dialog)
    assert not any("0.25" in t or "54" in t for t in texts), texts
    assert all(v is None for v in scoring._entries.values())
    assert dialog.revealed_entries() is None
    assert grading_service.revealed_scores(context.uow(), dialog._round_id) is None
    assert dialog.current_page() == PAGE_SCORING

    # the last member, with their PIN typed and Enter pressed in the box
    assert scoring.entry.set_values("3", "3", "7")
    scoring.pin.setText(PINS["黄秀英"])
    scoring.pin.returnPressed.emit()
    assert dialog.current_page() == PAGE_RESULT
    model = dialog.results.model
    assert [model.data(model.index(r, 6)) for r in range(3)] == ["0.25", "54", "63"]

    answer_no_match(dialog)  # §5.1 first
    dialog.confirm_button.click()
    grading = grading_service.final_grading(context.uow(), hazard.id)
    assert grading is not None
    via = {s.person_name: s.entered.via for s in grading.scores}
    assert via == {"陈建国": SignedVia.ACCOUNT, "周永明": SignedVia.PIN, "黄秀英": SignedVia.PIN}
    assert grading.confirmation.account_id == made["陈建国"].id


# ---------------------------------------------------------------- the dispute panel's votes and scores


def test_the_dispute_panel_confirms_votes_and_scores_with_own_pins(qtbot, tmp_path):
    """On the dispute chair's laptop: each member's votes and L/E/C go to the services signed by their PIN."""
    from hazard_desktop.ui.dialogs.dispute_panel import PAGE_DONE, PAGE_RESULT, PAGE_SCORING, PAGE_VOTES
    from tests.ui import test_dispute_panel as d

    ctx = make_context(Path(tmp_path) / "data")
    ctx.secrets = FakeSecretHasher()
    try:
        staff = ensure_people(ctx.uow())
        hazard = d.hazard.__wrapped__(ctx)
        item = d.major_by_criterion(ctx, staff, hazard)
        song = d.person(staff, "HC1", "宋立新").id
        found = {p.name: p for group in staff.values() for p in group}
        chair_name = "肖才根"
        pins = {  # the named chairs, 王丽萍 安环部, 吴晓东 生产部, 何伟 事业部, 林国栋 工会, 宋立新 the raising 车间
            name: f"{731000 + n * 1117}"
            for n, name in enumerate(("肖才根", "刘家华", "王丽萍", "吴晓东", "何伟", "林国栋", "宋立新"))
        }
        made = {}
        for name, pin in sorted(pins.items(), key=lambda item: item[0] != "何伟"):  # the administrator first
            roles = {Role.DISPUTE_CHAIR} if name in ("肖才根", "刘家华") else {Role.PANEL_MEMBER}
            if name == "何伟":
                roles.add(Role.SAFETY_ADMIN)  # somebody administers the accounts
            made[name] = accounts.save_account(
                ctx.uow(),
                ctx.secrets,
                None,
                person_id=found[name].id,
                name=name,
                roles=frozenset(roles),
                kind=SecretKind.PIN,
                secret=pin,
            )
            made[name] = own_pin(ctx, made[name])
        ctx.session.sign_in(made[chair_name].actor())
        dialog = d.make_dialog(qtbot, ctx, hazard.id)
        dialog.set_members(d.members(staff, song))
        dialog.start_button.click()
        assert dialog.current_page() == PAGE_VOTES
        seats = dialog.seats()
        assert chair_name not in {s.candidate.name for s in seats if s.candidate.person_id in dialog.votes.pins}
        assert len(dialog.votes.pins) == len(seats) - 1  # everyone but the signed-in chair types a PIN
        for n, seat in enumerate(seats):
            if n < 3:
                dialog.votes.ticks[(item.id, seat.candidate.person_id)].click()
        dialog.votes.set_evidence(item.id, "现场核查焊工证")
        dialog.votes_button.click()
        assert dialog.error_message() and dialog.current_page() == PAGE_VOTES  # no PINs typed: refused
        for seat in seats:
            box = dialog.votes.pins.get(seat.candidate.person_id)
            if box is not None:
                box.setText(pins[seat.candidate.name])
        dialog.votes_button.click()
        assert dialog.current_page() == PAGE_SCORING, dialog.error_message()  # 3:4, LEC decides
        for seat in seats:
            assert dialog.scoring.current_seat.candidate.name == seat.candidate.name
            assert dialog.scoring.entry.set_values("1", "6", "7")
            if dialog.scoring.pin.isVisible():
                dialog.scoring.pin.setText(pins[seat.candidate.name])
            dialog.scoring.next_button.click()
        assert dialog.current_page() == PAGE_RESULT, dialog.error_message()
        dialog.set_ruling_text("3:4 表决认定不符合121号第2条，按LEC判定。")
        dialog.confirm_button.click()
        assert dialog.current_page() == PAGE_DONE, dialog.error_message()
        ruling = dialog.ruling
        assert {v.entered.via for v in ruling.verdicts[0].votes} == {SignedVia.ACCOUNT, SignedVia.PIN}
        assert {s.entered.via for s in ruling.scores} == {SignedVia.ACCOUNT, SignedVia.PIN}
        assert ruling.confirmation.account_id == made[chair_name].id
    finally:
        close_context(ctx)


def test_the_dispute_window_names_the_members_who_cannot_confirm_when_the_panel_is_chosen(qtbot, tmp_path):
    """As the grading window: a member without an account is named when the panel is chosen, not at their turn."""
    from tests.ui import test_dispute_panel as d

    ctx = make_context(Path(tmp_path) / "data")
    ctx.secrets = FakeSecretHasher()
    try:
        staff = ensure_people(ctx.uow())
        hazard = d.hazard.__wrapped__(ctx)
        d.major_by_criterion(ctx, staff, hazard)
        song = d.person(staff, "HC1", "宋立新").id
        found = {p.name: p for group in staff.values() for p in group}
        made = {}
        for n, name in enumerate(("何伟", "肖才根", "刘家华", "王丽萍", "吴晓东", "宋立新")):  # 林国栋 (工会) has none
            roles = {Role.SAFETY_ADMIN} if name == "何伟" else {Role.DISPUTE_CHAIR}
            made[name] = own_pin(
                ctx,
                accounts.save_account(
                    ctx.uow(), ctx.secrets, None, person_id=found[name].id, name=name, roles=frozenset(roles),
                    kind=SecretKind.PIN, secret=f"{731000 + n * 1117}",
                ),
            )  # fmt: skip
        ctx.session.sign_in(made["肖才根"].actor())
        dialog = d.make_dialog(qtbot, ctx, hazard.id)
        dialog.set_members(d.members(staff, song))
        assert dialog.checks.is_valid() and not dialog.start_button.isEnabled()
        assert "No account" in dialog.error_message() and "林国栋" in dialog.error_message()
        dialog.start_button.click()
        assert dialog.vote_round.round_id is None and dialog.round.round_id is None
    finally:
        close_context(ctx)
