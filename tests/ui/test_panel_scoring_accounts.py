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
from tests.ui.test_panel_scoring import visible_texts

DAY = date(2026, 3, 10)
PINS = {"陈建国": "482913", "周永明": "730461", "黄秀英": "264810", "何伟": "918273"}


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

    dialog.confirm_button.click()
    grading = grading_service.final_grading(context.uow(), hazard.id)
    assert grading is not None
    via = {s.person_name: s.entered.via for s in grading.scores}
    assert via == {"陈建国": SignedVia.ACCOUNT, "周永明": SignedVia.PIN, "黄秀英": SignedVia.PIN}
    assert grading.confirmation.account_id == made["陈建国"].id
