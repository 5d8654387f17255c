"""Integration fixtures: a real, seeded SQLite file per test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from hazard_desktop.app import close_context
from hazard_desktop.domain.reference import Person
from hazard_desktop.services.context import AppContext
from tests.factories import add_person, make_context


@pytest.fixture
def context(tmp_path) -> Iterator[AppContext]:
    ctx = make_context(tmp_path / "data")
    yield ctx
    close_context(ctx)


@pytest.fixture
def inspector(context: AppContext) -> Person:
    return add_person(context)
