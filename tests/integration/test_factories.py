"""The tests' own builders make only what the program lets a user make: ``add_person`` gives each person an
employee number of their own and refuses a namesake the settings page would refuse."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from hazard_desktop.app import close_context
from hazard_desktop.domain.errors import Conflict
from hazard_desktop.services import reference_admin
from hazard_desktop.services.context import AppContext
from tests.factories import add_person, make_context

pytestmark = pytest.mark.storage


@pytest.fixture
def context(tmp_path: Path) -> Iterator[AppContext]:
    ctx = make_context(tmp_path / "data")
    yield ctx
    close_context(ctx)


def test_every_person_gets_an_employee_number_nobody_else_has(context: AppContext) -> None:
    made = [add_person(context, name) for name in ("王检查", "李巡检", "赵敏")]
    assert len({p.employee_no for p in made}) == 3 and all(p.employee_no for p in made)
    with pytest.raises(Conflict) as caught:
        add_person(context, "周永明", employee_no=made[0].employee_no)
    assert caught.value.code == "employee_no_duplicate"


def test_a_namesake_is_refused_unless_both_have_numbers_as_the_settings_page_refuses_it(context: AppContext) -> None:
    first = add_person(context, "王检查", "AHB")
    elsewhere = add_person(context, "王检查", "SCB")  # another department: another person
    assert elsewhere.department_id != first.department_id
    twin = add_person(context, "王检查", "AHB")  # both numbered: told apart, as save_person allows
    assert twin.employee_no != first.employee_no
    with pytest.raises(Conflict) as caught:
        add_person(context, "王检查", "AHB", employee_no="")  # no number: the same person entered again
    assert caught.value.code == "person_duplicate"
    with pytest.raises(Conflict) as program:
        reference_admin.save_person(context.uow(), None, "王检查", "", first.department_id, [])
    assert program.value.code == caught.value.code  # the program refuses the same
