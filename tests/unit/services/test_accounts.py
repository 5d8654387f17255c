"""Accounts (issue 14) on the fakes: first start, sign-in and lock-out, PIN confirmation, administration."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from hazard_desktop.domain.accounts import (
    LOCKOUT,
    MAX_FAILURES,
    NOBODY,
    SINGLE_USER,
    AccountsMode,
    ActorKind,
    Role,
    SecretKind,
    SecretToChoose,
    check_secret,
)
from hazard_desktop.domain.errors import Conflict, InvalidTransition, NotPermitted, ValidationError
from hazard_desktop.services import accounts
from hazard_desktop.services.context import AppContext
from tests.fakes import FakeSecretHasher, fake_context

T0 = datetime(2026, 12, 7, 8, 0, tzinfo=UTC)
HASHER = FakeSecretHasher()


def _new_person(context: AppContext):  # type: ignore[no-untyped-def]
    """A person without an account (one active account a person)."""
    from hazard_desktop.services import reference_admin

    with context.uow() as uow:
        department = uow.reference.departments()[0].id
    return reference_admin.save_person(context.uow(), None, "李评分", "", department, [])


def _department(context: AppContext):  # type: ignore[no-untyped-def]
    with context.uow() as uow:
        return uow.reference.departments()[0].id


def _with_admin(pin: str = "482913") -> tuple[AppContext, accounts.Account]:
    context = fake_context()
    admin = accounts.create_first_admin(
        context.uow(),
        HASHER,
        person_name="张安全",
        department_id=_department(context),
        kind=SecretKind.PIN,
        secret=pin,
    )
    return context, admin


def test_a_new_register_is_undecided_and_acts_as_the_single_user() -> None:
    state = accounts.start_state(fake_context().uow())
    assert state.mode is AccountsMode.UNDECIDED
    assert state.actor == SINGLE_USER


def test_choosing_single_user_is_explicit_and_made_once() -> None:
    context = fake_context()
    accounts.choose_single_user(context.uow())
    assert accounts.start_state(context.uow()).mode is AccountsMode.SINGLE_USER
    with pytest.raises(InvalidTransition):
        accounts.choose_single_user(context.uow())


def test_the_first_administrator_switches_to_accounts_and_nobody_acts_until_sign_in() -> None:
    context, admin = _with_admin()
    assert admin.roles == frozenset({Role.SAFETY_ADMIN})
    assert admin.secret_hash != "482913" and "482913" not in admin.secret_hash
    state = accounts.start_state(context.uow())
    assert state.mode is AccountsMode.ACCOUNTS and state.actor == NOBODY and state.account_names == ("张安全",)
    with pytest.raises(InvalidTransition):  # only one first administrator
        accounts.create_first_admin(
            context.uow(), HASHER, person_name="李", department_id=_department(context), kind=SecretKind.PIN,
            secret="482913",
        )  # fmt: skip


def test_the_first_administrator_is_the_person_already_there_never_a_second_one() -> None:
    """New-user trial: the demo's (or an imported ledger's) 张安全 of 安环部 got a namesake at the first start."""
    from hazard_desktop.services import reference_admin

    context = fake_context()
    department = _department(context)
    existing = reference_admin.save_person(context.uow(), None, "张安全", "", department, [])
    with pytest.raises(Conflict) as refused:
        accounts.create_first_admin(
            context.uow(), HASHER, person_name=" 张安全", department_id=department, kind=SecretKind.PIN,
            secret="482913",
        )  # fmt: skip
    assert refused.value.code == "person_duplicate" and refused.value.params["person_id"] == str(existing.id)
    assert accounts.start_state(context.uow()).mode is AccountsMode.UNDECIDED  # nothing written
    assert [p.name for p in reference_admin.list_people(context.uow())] == ["张安全"]
    admin = accounts.create_first_admin(
        context.uow(), HASHER, person_name="", department_id=None, person_id=existing.id, kind=SecretKind.PIN,
        secret="482913",
    )  # fmt: skip
    assert admin.person_id == existing.id and [p.id for p in reference_admin.list_people(context.uow())] == [
        existing.id
    ]


def test_sign_in_returns_the_accounts_actor_and_names_are_case_blind() -> None:
    context, admin = _with_admin()
    actor = accounts.sign_in(context.uow(), HASHER, " 张安全 ", "482913", at=T0)
    assert actor.account_id == admin.id and actor.person_id == admin.person_id and actor.kind is ActorKind.ACCOUNT


def test_wrong_secrets_lock_the_account_and_the_count_survives_the_refusal() -> None:
    context, admin = _with_admin()
    for left in range(MAX_FAILURES - 1, 0, -1):
        with pytest.raises(accounts.CredentialRefused) as refused:
            accounts.sign_in(context.uow(), HASHER, "张安全", "000001", at=T0)
        assert refused.value.code == "credential_wrong" and refused.value.params["left"] == left
    with pytest.raises(accounts.CredentialRefused) as refused:
        accounts.sign_in(context.uow(), HASHER, "张安全", "000001", at=T0)
    assert refused.value.code == "account_locked"
    with pytest.raises(accounts.CredentialRefused) as refused:  # even the right PIN while locked
        accounts.sign_in(context.uow(), HASHER, "张安全", "482913", at=T0 + LOCKOUT - timedelta(seconds=1))
    assert refused.value.code == "account_locked"
    actor = accounts.sign_in(context.uow(), HASHER, "张安全", "482913", at=T0 + LOCKOUT)
    assert actor.account_id == admin.id
    with context.uow() as uow:
        stored = uow.accounts.get(admin.id)
    assert stored is not None and stored.failed_attempts == 0 and stored.locked_until is None


def test_unknown_name_is_refused_without_writing() -> None:
    context, _ = _with_admin()
    with pytest.raises(accounts.CredentialRefused) as refused:
        accounts.sign_in(context.uow(), HASHER, "王五", "482913", at=T0)
    assert refused.value.code == "no_account"


def test_pin_confirmation_inside_another_use_case_commits_only_the_failure() -> None:
    context, admin = _with_admin()
    uow = context.uow()
    with uow, pytest.raises(accounts.CredentialRefused):
        accounts.verify_person_credential(uow, HASHER, admin.person_id, "000001", at=T0)
    with context.uow() as check:
        stored = check.accounts.get(admin.id)
    assert stored is not None and stored.failed_attempts == 1
    with context.uow() as uow:
        actor = accounts.verify_person_credential(uow, HASHER, admin.person_id, "482913", at=T0)
        uow.commit()
    assert actor.account_id == admin.id


def test_secret_rules() -> None:
    for bad, code in [("12345", "pin_format"), ("12345a", "pin_format"), ("111111", "pin_trivial"),
                      ("123456", "pin_trivial"), ("987654", "pin_trivial")]:  # fmt: skip
        with pytest.raises(ValidationError) as refused:
            check_secret(SecretKind.PIN, bad)
        assert refused.value.code == code
    assert check_secret(SecretKind.PIN, "482913") == "482913"
    with pytest.raises(ValidationError):
        check_secret(SecretKind.PASSWORD, "short")


def test_administration_needs_the_admin_role_and_keeps_one_admin() -> None:
    context, admin = _with_admin()
    context.session.sign_in(accounts.sign_in(context.uow(), HASHER, "张安全", "482913", at=T0))
    person = _new_person(context)
    member = accounts.save_account(
        context.uow(), HASHER, None, person_id=person.id, name="李评分", roles=frozenset({Role.PANEL_MEMBER}),
        kind=SecretKind.PIN, secret="582914",
    )  # fmt: skip
    assert member.must_change
    with pytest.raises(InvalidTransition) as refused:
        accounts.save_account(
            context.uow(), HASHER, admin.id, person_id=admin.person_id, name=admin.name,
            roles=frozenset({Role.INSPECTOR}),
        )  # fmt: skip
    assert refused.value.code == "last_admin"
    context.session.sign_in(accounts.sign_in(context.uow(), HASHER, "李评分", "582914", at=T0))
    with pytest.raises(NotPermitted) as refused:
        accounts.list_accounts(context.uow())
    assert refused.value.code == "role_required"


def test_a_person_has_one_active_account() -> None:
    context, admin = _with_admin()
    with pytest.raises(Conflict) as refused:
        accounts.save_account(
            context.uow(), HASHER, None, person_id=admin.person_id, name="张安全2",
            roles=frozenset({Role.INSPECTOR}), kind=SecretKind.PIN, secret="582914",
        )  # fmt: skip
    assert refused.value.code == "person_has_account"


def test_read_only_with_other_roles_is_refused() -> None:
    context, admin = _with_admin()
    with pytest.raises(ValidationError):
        accounts.save_account(
            context.uow(), HASHER, admin.id, person_id=admin.person_id, name=admin.name,
            roles=frozenset({Role.SAFETY_ADMIN, Role.READ_ONLY}),
        )  # fmt: skip


def test_reset_unlocks_and_requires_a_change() -> None:
    context, admin = _with_admin()
    for _ in range(MAX_FAILURES):
        with pytest.raises(accounts.CredentialRefused):
            accounts.sign_in(context.uow(), HASHER, "张安全", "000001", at=T0)
    reset = accounts.reset_secret(context.uow(), HASHER, "张安全", SecretKind.PASSWORD, "new-secret-1")
    assert reset.must_change and reset.locked_until is None
    actor = accounts.sign_in(context.uow(), HASHER, "张安全", "new-secret-1", at=T0)
    context.session.sign_in(actor)
    changed = accounts.change_own_secret(context.uow(), HASHER, "new-secret-1", SecretKind.PIN, "305917")
    assert not changed.must_change and changed.secret_kind is SecretKind.PIN


def test_a_new_account_is_told_apart_from_a_reset_one_until_its_owner_chooses() -> None:
    """New-user trial (issue 16): a new account's first sign-in was told its PIN had been reset."""
    context, _admin = _with_admin()
    context.session.sign_in(accounts.sign_in(context.uow(), HASHER, "张安全", "482913", at=T0))
    assert accounts.must_change_secret(context.uow()) is SecretToChoose.NONE  # chose it at the first start
    person = _new_person(context)
    member = accounts.save_account(
        context.uow(), HASHER, None, person_id=person.id, name="李评分", roles=frozenset({Role.PANEL_MEMBER}),
        kind=SecretKind.PIN, secret="582914",
    )  # fmt: skip
    accounts.save_account(  # the administrator edits its roles before its first sign-in: still new
        context.uow(), HASHER, member.id, person_id=person.id, name="李评分",
        roles=frozenset({Role.PANEL_MEMBER, Role.INSPECTOR}),
    )  # fmt: skip
    context.session.sign_in(accounts.sign_in(context.uow(), HASHER, "李评分", "582914", at=T0))
    assert accounts.must_change_secret(context.uow()) is SecretToChoose.NEW
    accounts.change_own_secret(context.uow(), HASHER, "582914", SecretKind.PIN, "305917")
    assert not accounts.must_change_secret(context.uow())

    context.session.sign_in(accounts.sign_in(context.uow(), HASHER, "张安全", "482913", at=T0))
    accounts.save_account(  # the administrator resets it in Tools → Accounts
        context.uow(), HASHER, member.id, person_id=person.id, name="李评分", roles=frozenset({Role.PANEL_MEMBER}),
        kind=SecretKind.PIN, secret="720461",
    )  # fmt: skip
    context.session.sign_in(accounts.sign_in(context.uow(), HASHER, "李评分", "720461", at=T0))
    assert accounts.must_change_secret(context.uow()) is SecretToChoose.RESET
    accounts.change_own_secret(context.uow(), HASHER, "720461", SecretKind.PIN, "305917")
    assert accounts.must_change_secret(context.uow()) is SecretToChoose.NONE
    context.session.sign_in(accounts.sign_in(context.uow(), HASHER, "张安全", "482913", at=T0))
    accounts.reset_secret(context.uow(), HASHER, "李评分", SecretKind.PIN, "720461")  # IT's reset-password
    context.session.sign_in(accounts.sign_in(context.uow(), HASHER, "李评分", "720461", at=T0))
    assert accounts.must_change_secret(context.uow()) is SecretToChoose.RESET


def test_the_session_decides_who_acts_in_the_units_of_work_made_afterwards() -> None:
    context, admin = _with_admin()
    context.session.sign_out()
    with pytest.raises(NotPermitted):
        accounts.list_accounts(context.uow())
    context.session.sign_in(accounts.sign_in(context.uow(), HASHER, "张安全", "482913", at=T0))
    assert [a.id for a in accounts.list_accounts(context.uow())] == [admin.id]
    context.session.lock()
    assert context.session.locked
    with pytest.raises(ValueError):
        context.session.unlock(SINGLE_USER)
