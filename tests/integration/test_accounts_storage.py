"""Accounts on the real database (issue 14): Argon2id, the accounts table, who acts, and IT's reset command."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from hazard_desktop import paths
from hazard_desktop.adapters.passwords import Argon2SecretHasher
from hazard_desktop.app import build_context, close_context
from hazard_desktop.domain.accounts import SINGLE_USER, SYSTEM, Actor, ActorKind, Role, SecretKind
from hazard_desktop.domain.errors import NotPermitted
from hazard_desktop.services import accounts, reference_admin
from hazard_desktop.services.context import AppContext
from tests.factories import make_context, seeded_folder

pytestmark = pytest.mark.storage
CHEAP = Argon2SecretHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1)
T0 = datetime(2026, 12, 7, 8, 0, tzinfo=UTC)


@pytest.fixture
def ctx(tmp_path: Path) -> Iterator[AppContext]:
    context = make_context(tmp_path / "data")
    context.secrets = CHEAP
    yield context
    close_context(context)


def _admin(ctx: AppContext) -> accounts.Account:
    with ctx.uow() as uow:
        department = uow.reference.departments()[0].id
    return accounts.create_first_admin(
        ctx.uow(), CHEAP, person_name="张安全", department_id=department, kind=SecretKind.PIN, secret="482913"
    )


def test_argon2id_hashes_verify_and_never_hold_the_secret() -> None:
    hashed = CHEAP.hash("482913")
    assert hashed.startswith("$argon2id$") and "482913" not in hashed
    assert CHEAP.verify(hashed, "482913") and not CHEAP.verify(hashed, "482914")
    assert not CHEAP.verify("not a hash", "482913")
    assert Argon2SecretHasher().needs_rehash(hashed)  # weaker than today's parameters: rehashed at next sign-in
    assert not CHEAP.needs_rehash(hashed)


def test_the_stored_row_holds_the_hash_only_and_the_lock_out_survives_rollback(ctx: AppContext) -> None:
    admin = _admin(ctx)
    with pytest.raises(accounts.CredentialRefused):
        accounts.sign_in(ctx.uow(), CHEAP, "张安全", "000001", at=T0)
    uow = ctx.uow()
    with uow, pytest.raises(accounts.CredentialRefused):  # inside another use case, which then fails
        accounts.verify_person_credential(uow, CHEAP, admin.person_id, "000002", at=T0)
    database = paths.database_path(ctx.data_dir)
    with sqlite3.connect(database) as plain:
        row = plain.execute("SELECT secret_hash, failed_attempts, roles FROM accounts").fetchone()
    assert row[0].startswith("$argon2id$") and row[1] == 2 and row[2] == "safety_admin"
    # The database and its WAL hold no secret anywhere — as a word of its own: the audit's hex digests and the
    # UUIDs, being random hex, contain any six digits now and then ("…a482913f…" made this test flaky).
    secret = re.compile(rb"(?<![0-9a-fA-F-])(?:482913|000001)(?![0-9a-fA-F-])")
    for file in database.parent.glob(database.name + "*"):
        assert not secret.search(file.read_bytes()), file


def test_units_of_work_act_as_the_session_and_a_refused_use_case_writes_nothing(ctx: AppContext) -> None:
    with ctx.uow() as uow:
        assert uow.actor == SINGLE_USER and uow.use_case == ""
    observer = Actor(None, None, "工会观察员", frozenset({Role.READ_ONLY}), kind=ActorKind.ACCOUNT)
    ctx.session.sign_in(observer)
    before = reference_admin.get_settings(ctx.uow())
    with pytest.raises(NotPermitted):
        reference_admin.save_plant_settings(ctx.uow(), "另一个厂", 1)
    assert reference_admin.get_settings(ctx.uow()) == before
    with ctx.uow() as uow:
        assert uow.actor == observer


def test_the_lazy_start_hands_the_actor_to_the_real_unit_of_work(tmp_path: Path) -> None:
    context = build_context(seeded_folder(tmp_path / "data"), lazy=True)
    try:
        assert context.storage is not None and not context.storage.is_open
        observer = Actor(None, None, "观察员", frozenset({Role.READ_ONLY}))
        context.session.sign_in(observer)
        uow = context.uow()
        with uow:
            assert uow.actor == observer
            real = uow.switch()  # type: ignore[attr-defined]
            assert real.actor == observer
        with pytest.raises(NotPermitted):
            reference_admin.save_plant_settings(context.uow(), "另一个厂", 1)
    finally:
        close_context(context)


def test_seeding_acts_as_the_program(ctx: AppContext) -> None:
    assert ctx.storage is not None
    with ctx.storage.uow() as uow:  # type: ignore[attr-defined]
        assert uow.actor == SYSTEM


def _cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HAZARD_DESKTOP_LANG": "zh_CN"}
    env.pop("HAZARD_DESKTOP_DATA", None)
    return subprocess.run(
        [sys.executable, "-m", "hazard_desktop", *args], input=stdin, capture_output=True, text=True, env=env,
        timeout=120,
    )  # fmt: skip


def test_it_resets_a_locked_account_from_the_command_line(tmp_path: Path) -> None:
    folder = seeded_folder(tmp_path / "data")
    context = build_context(folder)
    try:
        _admin(context)
        for _ in range(5):
            with pytest.raises(accounts.CredentialRefused):
                accounts.sign_in(context.uow(), CHEAP, "张安全", "000001")
    finally:
        close_context(context)
    done = _cli("--data-dir", str(folder), "admin", "reset-password", "张安全", "--stdin", stdin="new-secret-9\n")
    assert done.returncode == 0, done.stderr
    assert "已重置并解锁" in done.stdout and "new-secret-9" not in done.stdout + done.stderr
    reset_unknown = ("--data-dir", str(folder), "--lang", "en", "admin", "reset-password", "李四", "--stdin")
    unknown = _cli(*reset_unknown, stdin="long-enough-1\n")
    assert unknown.returncode == 2 and "no account called" in unknown.stderr
    context = build_context(folder)
    try:
        actor = accounts.sign_in(context.uow(), context.secrets, "张安全", "new-secret-9")  # type: ignore[arg-type]
        assert actor.name == "张安全"
        with context.uow() as uow:
            stored = uow.accounts.by_name("张安全")
        assert stored is not None and stored.must_change and stored.failed_attempts == 0
    finally:
        close_context(context)


def test_the_fake_accounts_repository_answers_as_the_sql_one(ctx: AppContext) -> None:
    import dataclasses

    from tests.fakes import fake_context

    results = []
    for context in (ctx, fake_context()):
        context.secrets = CHEAP
        admin = _admin(context)
        switched_off = dataclasses.replace(admin, active=False)
        with context.uow() as uow:
            found = (
                uow.accounts.by_name("ＺＨＡＮＧ") is None,
                uow.accounts.by_name(" 张安全 ") is not None,  # spaces and case do not matter
                uow.accounts.by_person(admin.person_id) is not None,
            )
            uow.accounts.save(switched_off)
            found += (uow.accounts.by_person(admin.person_id) is None, [a.name for a in uow.accounts.all()])
        results.append(found)
    assert results[0] == results[1] == [(True, True, True, True, ["张安全"])][0]
