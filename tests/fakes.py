"""In-memory fakes of the storage ports (``services/ports.py``) for use-case tests that do not test storage.

Shape of cosmicpython's ``FakeUnitOfWork``: repositories over plain dicts, and a unit of work that works on
a copy of the committed state, so a use case that raises (or forgets ``commit()``) leaves nothing behind,
exactly as ``adapters/unit_of_work.py`` rolls back. The fakes keep the orderings and the few rules the
SQL repositories keep (e.g. a retired criterion stays stored; a category's subcategories are merged by
code). Repositories a fake context does not provide raise at first use: such tests need the real
database (``tests.factories.make_context``).

Use ``fake_context()`` for a seeded context: the shipped reference data is written by the real
``services.seed.seed_reference_data`` through the fake unit of work.
"""

from __future__ import annotations

import copy
import dataclasses
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Self

from hazard_desktop.domain.accounts import SINGLE_USER, Account, Actor, name_key
from hazard_desktop.domain.criteria import MajorCriterion
from hazard_desktop.domain.errors import InvalidTransition
from hazard_desktop.domain.inspections import Inspection, Template, content_digest, draft_of, inspection_sequence
from hazard_desktop.domain.lec import Factor, ScaleValue, ThresholdSet
from hazard_desktop.domain.reference import Category, Department, Person, Subcategory
from hazard_desktop.services.context import AppContext
from hazard_desktop.services.ports import ProcessedImage
from hazard_desktop.services.session import Session


@dataclass
class FakeStore:
    """Everything the fake repositories hold; one instance is the committed state."""

    departments: dict[uuid.UUID, Department] = field(default_factory=dict)
    people: dict[uuid.UUID, Person] = field(default_factory=dict)
    categories: dict[str, Category] = field(default_factory=dict)
    subcategories: dict[str, Subcategory] = field(default_factory=dict)
    scale_values: dict[tuple[Factor, Decimal], ScaleValue] = field(default_factory=dict)
    threshold_sets: dict[uuid.UUID, ThresholdSet] = field(default_factory=dict)
    criteria: dict[uuid.UUID, MajorCriterion] = field(default_factory=dict)
    settings: dict[str, str] = field(default_factory=dict)
    templates: dict[uuid.UUID, Template] = field(default_factory=dict)  # version id → version (retired_at unset)
    retired: dict[uuid.UUID, datetime | None] = field(default_factory=dict)  # family id → retired at
    inspections: dict[uuid.UUID, Inspection] = field(default_factory=dict)
    accounts: dict[uuid.UUID, Account] = field(default_factory=dict)

    def copy(self) -> FakeStore:
        """A copy whose dicts can change without touching this one (the records are immutable)."""
        return FakeStore(**{f.name: copy.copy(getattr(self, f.name)) for f in fields(self)})

    def replace_with(self, other: FakeStore) -> None:
        for f in fields(self):
            setattr(self, f.name, copy.copy(getattr(other, f.name)))


class FakeReferenceRepository:
    """Departments (by code), people (by name) and categories (by sort order), as the SQL repository."""

    def __init__(self, store: FakeStore) -> None:
        self._store = store

    def departments(self, *, include_inactive: bool = False) -> list[Department]:
        rows = sorted(self._store.departments.values(), key=lambda d: d.code)
        return [d for d in rows if include_inactive or d.active]

    def get_department(self, department_id: uuid.UUID) -> Department | None:
        return self._store.departments.get(department_id)

    def save_department(self, department: Department) -> None:
        self._store.departments[department.id] = department

    def people(self, *, include_inactive: bool = False) -> list[Person]:
        rows = sorted(self._store.people.values(), key=lambda p: p.name)
        return [p for p in rows if include_inactive or p.active]

    def get_person(self, person_id: uuid.UUID) -> Person | None:
        return self._store.people.get(person_id)

    def save_person(self, person: Person) -> None:
        self._store.people[person.id] = person

    def categories(self) -> list[Category]:
        subs = sorted(self._store.subcategories.values(), key=lambda s: s.sort_order)
        return [
            Category(c.code, c.name_zh, c.name_en, c.sort_order, tuple(s for s in subs if s.category_code == c.code))
            for c in sorted(self._store.categories.values(), key=lambda c: c.sort_order)
        ]

    def save_category(self, category: Category) -> None:
        self._store.categories[category.code] = category
        for sub in category.subcategories:  # merged by code: a subcategory is never removed
            known = self._store.subcategories.get(sub.code)
            owner = known.category_code if known is not None else category.code
            self._store.subcategories[sub.code] = Subcategory(sub.code, owner, sub.name_zh, sub.name_en, sub.sort_order)


class FakeLecRepository:
    """Scale values (by factor, then as stored) and threshold sets (by effective date, then creation)."""

    def __init__(self, store: FakeStore) -> None:
        self._store = store

    def scale_values(self) -> list[ScaleValue]:
        return sorted(self._store.scale_values.values(), key=lambda v: v.factor.value)

    def save_scale_value(self, value: ScaleValue) -> None:
        self._store.scale_values[(value.factor, value.value)] = value

    def threshold_sets(self) -> list[ThresholdSet]:
        return sorted(self._store.threshold_sets.values(), key=lambda s: (s.effective_from, s.created_at))

    def get_threshold_set(self, set_id: uuid.UUID) -> ThresholdSet | None:
        return self._store.threshold_sets.get(set_id)

    def add_threshold_set(self, threshold_set: ThresholdSet) -> None:
        if threshold_set.id in self._store.threshold_sets:
            raise AssertionError(f"threshold set {threshold_set.id} stored twice (sets are immutable)")
        self._store.threshold_sets[threshold_set.id] = threshold_set


class FakeCriteriaRepository:
    """Criteria by source, then creation; retiring keeps the row."""

    def __init__(self, store: FakeStore) -> None:
        self._store = store

    def all(self, *, include_retired: bool = False) -> list[MajorCriterion]:
        rows = sorted(self._store.criteria.values(), key=lambda c: (c.source.value, c.created_at))
        return [c for c in rows if include_retired or c.retired_at is None]

    def get(self, criterion_id: uuid.UUID) -> MajorCriterion | None:
        return self._store.criteria.get(criterion_id)

    def add(self, criterion: MajorCriterion) -> None:
        if criterion.id in self._store.criteria:
            raise AssertionError(f"criterion {criterion.id} stored twice (a change is a new version)")
        self._store.criteria[criterion.id] = criterion

    def retire(self, criterion_id: uuid.UUID, at: datetime) -> None:
        row = self._store.criteria.get(criterion_id)
        if row is not None and row.retired_at is None:
            self._store.criteria[criterion_id] = dataclasses.replace(row, retired_at=at, updated_at=at)


class FakeSettingsRepository:
    def __init__(self, store: FakeStore) -> None:
        self._store = store

    def get(self, key: str) -> str | None:
        return self._store.settings.get(key)

    def set(self, key: str, value: str) -> None:
        self._store.settings[key] = value


class FakeAccountRepository:
    """Accounts by name (compared as ``domain.accounts.name_key``), as the SQL repository."""

    def __init__(self, store: FakeStore) -> None:
        self._store = store

    def all(self) -> list[Account]:
        return sorted(self._store.accounts.values(), key=lambda a: name_key(a.name))

    def get(self, account_id: uuid.UUID) -> Account | None:
        return self._store.accounts.get(account_id)

    def by_name(self, name: str) -> Account | None:
        return next((a for a in self._store.accounts.values() if name_key(a.name) == name_key(name)), None)

    def by_person(self, person_id: uuid.UUID) -> Account | None:
        found = [a for a in self._store.accounts.values() if a.person_id == person_id and a.active]
        return min(found, key=lambda a: a.created_at) if found else None

    def save(self, account: Account) -> None:
        other = self.by_name(account.name)
        if other is not None and other.id != account.id:
            raise AssertionError(f"account name {account.name!r} stored twice (the SQL table refuses it)")
        self._store.accounts[account.id] = account


class FakeSecretHasher:
    """Not a hash: a marked copy, so that tests run fast (Argon2id is tested in the adapters' tests)."""

    def hash(self, secret: str) -> str:
        return "fake$" + secret[::-1]

    def verify(self, secret_hash: str, secret: str) -> bool:
        return secret_hash == self.hash(secret)

    def needs_rehash(self, secret_hash: str) -> bool:
        return not secret_hash.startswith("fake$")


class FakeInspectionRepository:
    """Checklist templates (versioned; a published version never changes) and inspections without answers.

    Answers, answer photos and the inspection list are not faked: their tests use the real database.
    """

    def __init__(self, store: FakeStore) -> None:
        self._store = store

    def _with_family(self, template: Template) -> Template:
        return dataclasses.replace(template, retired_at=self._store.retired.get(template.template_id))

    def templates(self, *, include_retired: bool = False) -> list[Template]:
        newest: dict[uuid.UUID, Template] = {}
        for t in self._store.templates.values():
            if t.template_id not in newest or t.version > newest[t.template_id].version:
                newest[t.template_id] = t
        rows = [self._with_family(t) for t in newest.values()]
        rows.sort(key=lambda t: (t.code, t.name, str(t.id)))
        return [t for t in rows if include_retired or t.retired_at is None]

    def template_versions(self, template_id: uuid.UUID) -> list[Template]:
        rows = [t for t in self._store.templates.values() if t.template_id == template_id]
        return [self._with_family(t) for t in sorted(rows, key=lambda t: t.version)]

    def get_template(self, version_id: uuid.UUID) -> Template | None:
        found = self._store.templates.get(version_id)
        return None if found is None else self._with_family(found)

    def template_digest(self, version_id: uuid.UUID) -> str | None:
        found = self._store.templates.get(version_id)
        return None if found is None else content_digest(draft_of(found))

    def add_template(self, template: Template) -> None:
        if template.id in self._store.templates:
            raise AssertionError(f"template version {template.id} stored twice")
        self._store.retired.setdefault(template.template_id, template.retired_at)
        self._store.templates[template.id] = dataclasses.replace(template, retired_at=None)

    def replace_template(self, template: Template) -> None:
        stored = self._store.templates[template.id]
        if stored.published_at is not None:
            raise InvalidTransition("template_published", name=stored.name, version=stored.version)
        self._store.templates[template.id] = dataclasses.replace(
            stored,
            code=template.code,
            name=template.name,
            description=template.description,
            sections=template.sections,
            updated_at=template.updated_at,
        )

    def publish_template(self, version_id: uuid.UUID, at: datetime) -> None:
        stored = self._store.templates[version_id]
        if stored.published_at is None:
            self._store.templates[version_id] = dataclasses.replace(stored, published_at=at, updated_at=at)

    def retire_template(self, template_id: uuid.UUID, at: datetime | None) -> None:
        if template_id in self._store.retired:
            self._store.retired[template_id] = at

    def template_usage(self, version_id: uuid.UUID) -> int:
        return sum(1 for i in self._store.inspections.values() if i.template_version_id == version_id)

    def add(self, inspection: Inspection) -> None:
        self._store.inspections[inspection.id] = inspection

    def get(self, inspection_id: uuid.UUID) -> Inspection | None:
        return self._store.inspections.get(inspection_id)

    def update(self, inspection: Inspection) -> None:
        self._store.inspections[inspection.id] = inspection

    def next_number(self, year: int) -> int:
        parsed = (inspection_sequence(i.number) for i in self._store.inspections.values())
        return max((p[1] for p in parsed if p is not None and p[0] == year), default=0) + 1

    def __getattr__(self, attr: str) -> Any:
        raise AssertionError(f"uow.inspections.{attr}: not faked; test this use case on a real database")


class NotFaked:
    """A repository the fakes do not provide: any use fails the test and says what to do."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attr: str) -> Any:
        raise AssertionError(f"uow.{self._name}.{attr}: not faked; test this use case on a real database")


class FakeUnitOfWork:
    """One transaction over a ``FakeStore``: work happens on a copy that ``commit()`` makes the committed state.

    Attributes:
        commits: how many times ``commit()`` was called (cosmicpython's ``committed`` flag, counted).
    """

    def __init__(self, store: FakeStore, actor: Actor = SINGLE_USER) -> None:
        self._store = store
        self._work = store.copy()
        self.commits = 0
        self.actor = actor  # who acts (fake_context sets it from its session)
        self.use_case = ""  # set by services.authorization.use_case
        self.hazards: Any = NotFaked("hazards")
        self.gradings: Any = NotFaked("gradings")
        self.rectification: Any = NotFaked("rectification")
        self.form_prints: Any = NotFaked("form_prints")
        self.ledger: Any = NotFaked("ledger")
        self.inspections = FakeInspectionRepository(self._work)
        self.reference = FakeReferenceRepository(self._work)
        self.lec = FakeLecRepository(self._work)
        self.criteria = FakeCriteriaRepository(self._work)
        self.settings = FakeSettingsRepository(self._work)
        self.accounts = FakeAccountRepository(self._work)
        self._entered = False

    def __enter__(self) -> Self:
        assert not self._entered, "a unit of work is used in one with block"
        self._entered = True
        self._work.replace_with(self._store)
        return self

    def __exit__(self, *exc: object) -> None:
        self.rollback()

    def commit(self) -> None:
        assert self._entered, "commit() outside the with block"
        self._store.replace_with(self._work)
        self.commits += 1

    def rollback(self) -> None:
        self._work.replace_with(self._store)


class FakeImageProcessor:
    """Accepts any bytes as an image (the real checks are tested in the adapters' tests)."""

    def process(self, data: bytes) -> ProcessedImage:
        import hashlib

        return ProcessedImage(hashlib.sha256(data).hexdigest(), len(data), 4, 3, data, data)


class NoRegister:
    """The register's read side is SQL only: tests of it need the real database."""

    def __getattr__(self, attr: str) -> Any:
        raise AssertionError(f"register.{attr}: the register reads SQL; use a real database")


def fake_uow_factory(store: FakeStore | None = None, session: Session | None = None) -> Callable[[], FakeUnitOfWork]:
    """``context.uow`` over ``store`` (a new empty one by default); units of work act as ``session.actor``
    (the single user, every role, without a session)."""
    committed = store if store is not None else FakeStore()
    if session is None:
        return lambda: FakeUnitOfWork(committed)
    return lambda: FakeUnitOfWork(committed, session.actor)


def fake_context(data_dir: Path | None = None, *, seeded: bool = True) -> AppContext:
    """An ``AppContext`` on in-memory repositories, seeded with the shipped reference data and checklist
    templates by default."""
    from hazard_desktop.services.inspection_seed import seed_checklist_templates
    from hazard_desktop.services.seed import seed_reference_data

    session = Session()  # the single user; a test signs in another actor with context.session.sign_in
    uow = fake_uow_factory(session=session)
    if seeded:  # as app.build_context seeds a new database
        seed_reference_data(uow())
        seed_checklist_templates(uow())
    return AppContext(
        uow=uow,
        register=NoRegister(),
        images=FakeImageProcessor(),
        data_dir=data_dir if data_dir is not None else Path("/nonexistent-fake-data-dir"),
        session=session,
        secrets=FakeSecretHasher(),
    )
