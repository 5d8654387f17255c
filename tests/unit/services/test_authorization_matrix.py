"""The role × use-case matrix (issue 14): every use case of ``services`` states its roles, and the check works.

The use cases are found, not listed by hand: every public function of every ``hazard_desktop.services``
module that takes a unit of work (``uow``) or an ``actor`` must be decorated with
``services.authorization.use_case`` (or be one of the few helpers in :data:`NOT_USE_CASES`, each with its
reason). :data:`EXPECTED` is the table the safety office reviews: a new use case, or a changed role, fails
here until the table says so. Then every use case is called once per role with a unit of work that records
any use: an actor without a stated role is refused with ``role_required`` before the body touches the unit
of work; an actor with one gets past the check.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from typing import Any

import pytest

import hazard_desktop.services as services_package
from hazard_desktop.domain.accounts import EVERYONE, Actor, ActorKind, Role
from hazard_desktop.domain.errors import NotPermitted
from hazard_desktop.services.authorization import USE_CASES, UseCaseInfo, info_of

MODULES = sorted(m.name for m in pkgutil.walk_packages(services_package.__path__, "hazard_desktop.services."))
for _name in MODULES:
    importlib.import_module(_name)

#: Functions that take a unit of work but are no use case of their own, and why.
NOT_USE_CASES = {
    "hazard_desktop.services.accounts.start_state": "read before anyone signs in, to know whether to ask",
    "hazard_desktop.services.accounts.verify_person_credential": "a step inside a use case (PIN confirmation)",
    "hazard_desktop.services.inspection_seed.seed_checklist_templates": "the program's own seeding (SYSTEM)",
    "hazard_desktop.services.seed.seed_reference_data": "the program's own seeding (SYSTEM)",
    "hazard_desktop.services.inspections.joined": "makes a unit of work part of the caller's transaction",
    "hazard_desktop.services.inspections.check_template_codes": "a check inside create/edit/import of templates",
    "hazard_desktop.services.rectification.settings.read_settings": "read inside the rectification use cases",
    "hazard_desktop.services.rectification.use_cases.person_ref": "a lookup inside the rectification use cases",
    "hazard_desktop.services.rectification.use_cases.check_acting_for": "the 操作人 check inside them",
    "hazard_desktop.services.rectification.use_cases.record_grading": "a step of the grading use cases",
    "hazard_desktop.services.authorization.permitted": "the UI's question, no use case",
    "hazard_desktop.services.grading.scoring.take_round": "a step of the grading use cases (blind scoring round)",
    "hazard_desktop.services.grading.scoring.close_used_round": "a step of the grading use cases",
    "hazard_desktop.services.grading.signing.is_single_user": "reads uow.actor inside the grading use cases",
    "hazard_desktop.services.grading.signing.signs": "reads uow.actor inside the grading use cases",
    "hazard_desktop.services.grading.signing.actor_signature": "signs inside the grading use cases",
    "hazard_desktop.services.grading.signing.optional_actor_signature": "signs inside the grading use cases",
    "hazard_desktop.services.grading.signing.actor_person": "reads uow.actor inside the grading use cases",
    "hazard_desktop.services.grading.signing.entry_signature": "a step inside grading.enter_own_score (PIN check)",
}

#: I 检查员 · M 评分成员 · L 评分组长 · D 争议组长/副组长 · A 安环部管理员 · R 只读; "*" every role (reading);
#: "open": anybody, even before signing in.
EXPECTED = {
    "accounts.change_own_secret": "*",
    "accounts.choose_single_user": "open",
    "accounts.create_first_admin": "open",
    "accounts.list": "A",
    "accounts.must_change_secret": "*",
    "accounts.reset_secret": "A",
    "accounts.save": "A",
    "accounts.set_accounts_mode": "A",
    "accounts.set_idle_minutes": "A",
    "accounts.set_single_user": "A",
    "accounts.sign_in": "open",
    "accounts.unlock": "A",
    "audit.browse": "*",
    "audit.export": "*",
    "audit.filter_values": "*",
    "audit.verify": "*",
    "backups.create": "A",
    "backups.restore": "A",
    "backups.second_folder": "*",
    "backups.set_second_folder": "A",
    "demo.ensure_people": "A",
    "demo.make_hazards": "A",
    "disputes.chairs": "*",
    "disputes.name_chairs": "A",
    "disputes.raise": "ADIL",
    "disputes.rule": "D",
    "disputes.view": "*",
    "disputes.withdraw": "ADIL",
    "grading.confirm": "L",
    "grading.enter_own_score": "DLM",
    "grading.confirm_gaps": "DL",
    "grading.open_scoring": "DL",
    "grading.open_scoring_for": "*",
    "grading.revealed_scores": "*",
    "grading.scoring_status": "*",
    "grading.confirm_many": "L",
    "grading.correct": "L",
    "grading.discard_draft": "L",
    "grading.final_grading": "*",
    "grading.get_grading": "*",
    "grading.grade_and_confirm": "L",
    "grading.grade_batch": "L",
    "grading.grade_by_criteria": "L",
    "grading.grade_by_decision": "L",
    "grading.grade_by_lec": "L",
    "grading.grading_history": "*",
    "grading.grading_setup": "*",
    "grading.meeting_gradings": "*",
    "grading.meetings": "*",
    "grading.open_disputes": "*",
    "grading.open_meeting": "L",
    "hazards.attach_photos": "AI",
    "hazards.create": "AI",
    "hazards.get": "*",
    "hazards.photo_bytes": "*",
    "hazards.remove_photo": "AI",
    "hazards.save": "AI",
    "hazards.update": "AI",
    "inspections.add_answer_photos": "I",
    "inspections.answer_photo_bytes": "*",
    "inspections.answer_photos": "*",
    "inspections.build_record": "*",
    "inspections.delete_draft": "I",
    "inspections.finalize": "I",
    "inspections.hazards": "*",
    "inspections.list": "*",
    "inspections.load_run": "*",
    "inspections.of_hazard": "*",
    "inspections.raise_hazard": "I",
    "inspections.record_answer": "I",
    "inspections.remove_answer_photo": "I",
    "inspections.set_inspection_note": "I",
    "inspections.set_note": "I",
    "inspections.start": "I",
    "ledger.choose_options": "*",
    "ledger.export": "*",
    "ledger.import": "A",
    "ledger.import_choices": "*",
    "ledger.origin": "*",
    "ledger.preview_import": "A",
    "rectification.accept": "AL",
    "rectification.add_note": "AIL",
    "rectification.approve_extension": "AL",
    "rectification.assign": "AL",
    "rectification.default_deadline_for": "*",
    "rectification.due_counts": "*",
    "rectification.due_list": "*",
    "rectification.load_settings": "*",
    "rectification.load_view": "*",
    "rectification.on_the_spot": "AIL",
    "rectification.rectification_photo_bytes": "*",
    "rectification.refusals": "*",
    "rectification.refuse_extension": "AL",
    "rectification.request_extension": "AIL",
    "rectification.revise": "AL",
    "rectification.save_plan": "AIL",
    "rectification.save_settings": "A",
    "rectification.send_back": "AL",
    "rectification.submit": "AIL",
    "rectification.timeline": "*",
    "reference.add_criterion": "A",
    "reference.categories": "*",
    "reference.categories_and_criteria": "*",
    "reference.criteria_coverage": "*",
    "reference.criteria_in_force": "*",
    "reference.criterion_history": "*",
    "reference.current_threshold_set": "*",
    "reference.departments_and_people": "*",
    "reference.get_settings": "*",
    "reference.hazard_details": "*",
    "reference.hazard_number": "*",
    "reference.lec_tables": "*",
    "reference.register_display": "*",
    "reference.list_categories": "*",
    "reference.list_criteria": "*",
    "reference.list_departments": "*",
    "reference.list_people": "*",
    "reference.list_scale_values": "*",
    "reference.list_threshold_sets": "*",
    "reference.load_reference": "*",
    "reference.new_threshold_set": "A",
    "reference.plant_name": "*",
    "reference.rename_category": "A",
    "reference.retire_criterion": "A",
    "reference.revise_criterion": "A",
    "reference.save_department": "A",
    "reference.save_person": "A",
    "reference.save_plant_settings": "A",
    "reference.set_setting": "A",
    "reference.update_scale_meaning": "A",
    "reports.record_print": "ADIL",
    "sheets.choices": "*",
    "sheets.dispute_document": "*",
    "sheets.grading_document": "*",
    "sheets.meeting_document": "*",
    "sheets.prepare": "*",
    "sheets.print": "ADIL",
    "sheets.record_prints": "ADIL",
    "sheets.save_pdf": "ADIL",
    "sheets.verify_code": "*",
    "statistics.plant_name": "*",
    "templates.create": "A",
    "templates.edit": "A",
    "templates.export": "A",
    "templates.get": "*",
    "templates.history": "*",
    "templates.import": "A",
    "templates.list": "*",
    "templates.set_retired": "A",
    "templates.usage": "*",
}

LETTERS = {
    "I": Role.INSPECTOR,
    "M": Role.PANEL_MEMBER,
    "L": Role.PANEL_LEADER,
    "D": Role.DISPUTE_CHAIR,
    "A": Role.SAFETY_ADMIN,
    "R": Role.READ_ONLY,
}
#: Use cases every role may run that write: the signed-in account's own secret, not the register.
OWN_ACCOUNT = {"accounts.change_own_secret"}


def _roles(text: str) -> frozenset[Role]:
    if text == "*":
        return EVERYONE
    if text == "open":
        return frozenset()
    return frozenset(LETTERS[letter] for letter in text)


def _functions() -> dict[str, Any]:
    found = {}
    for module_name in MODULES:
        module = importlib.import_module(module_name)
        for name, value in vars(module).items():
            if name.startswith("_") or not inspect.isfunction(value) or value.__module__ != module_name:
                continue
            parameters = inspect.signature(value).parameters
            if "uow" in parameters or "actor" in parameters:
                found[f"{module_name}.{name}"] = value
    return found


def test_every_function_on_a_unit_of_work_is_a_use_case_with_roles() -> None:
    undecorated = sorted(q for q, f in _functions().items() if info_of(f) is None and q not in NOT_USE_CASES)
    assert undecorated == [], "decorate these with services.authorization.use_case(name, *roles)"
    stale = sorted(q for q in NOT_USE_CASES if q not in _functions() or info_of(_functions()[q]) is not None)
    assert stale == []


def test_the_table_of_roles_is_the_decorated_one() -> None:
    stated = {name: info.roles for name, info in USE_CASES.items()}
    assert stated == {name: _roles(text) for name, text in EXPECTED.items()}


def test_open_use_cases_are_the_ones_that_establish_who_acts() -> None:
    assert {n for n, i in USE_CASES.items() if i.open} == {
        "accounts.sign_in",
        "accounts.choose_single_user",
        "accounts.create_first_admin",
    }


def test_read_only_reads_and_writes_nothing() -> None:
    """Every use case read_only may run is a reading one (stated for every role) and commits nothing itself."""
    for name, info in USE_CASES.items():
        if Role.READ_ONLY not in info.roles or name in OWN_ACCOUNT:
            continue
        assert info.roles == EVERYONE, name
        source = inspect.getsource(_functions()[f"{info.module}.{info.qualname}"])
        assert ".commit()" not in source, f"{name} is open to read_only but commits"


class RecordingUnitOfWork:
    """A unit of work that records any use other than ``actor`` and ``use_case`` and fails it."""

    def __init__(self, actor: Actor) -> None:
        self.actor = actor
        self.use_case = ""
        self.touched: list[str] = []

    def __getattr__(self, name: str) -> Any:
        self.touched.append(name)
        raise BodyRan(name)

    def __enter__(self) -> RecordingUnitOfWork:
        self.touched.append("__enter__")
        raise BodyRan("__enter__")

    def __exit__(self, *exc: object) -> None:
        pass


class BodyRan(Exception):
    """The use case's body used the unit of work: the role check let it through."""


def _call(info: UseCaseInfo, actor: Actor) -> tuple[BaseException | None, RecordingUnitOfWork]:
    function = _functions()[f"{info.module}.{info.qualname}"]
    uow = RecordingUnitOfWork(actor)
    arguments: dict[str, Any] = {}
    for name, parameter in inspect.signature(function).parameters.items():
        if name == "uow":
            arguments[name] = uow
        elif name == "actor":
            arguments[name] = actor
        elif parameter.default is inspect.Parameter.empty and parameter.kind not in (
            inspect.Parameter.VAR_POSITIONAL,
            inspect.Parameter.VAR_KEYWORD,
        ):
            arguments[name] = _Anything()
    try:
        function(**arguments)
    except Exception as exc:  # noqa: BLE001 - any failure past the check is the body's (given junk arguments)
        return exc, uow
    return None, uow


class _Anything:
    """An argument that fails any use: the body gets past the check, then stops."""

    def __getattr__(self, name: str) -> Any:
        raise BodyRan(name)


def _actor(*roles: Role) -> Actor:
    return Actor(None, None, "测试", frozenset(roles), kind=ActorKind.ACCOUNT)


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_matrix(name: str, role: Role) -> None:
    info = USE_CASES[name]
    error, uow = _call(info, _actor(role))
    refused = isinstance(error, NotPermitted) and error.code == "role_required"
    if info.open or role in info.roles:
        assert not refused, f"{role.value} may run {name} but was refused"
    else:
        assert refused, f"{role.value} may not run {name} but got {error!r}"
        assert uow.touched == [], f"{name} used the unit of work before refusing"
        assert uow.use_case == ""


@pytest.mark.parametrize("name", sorted(n for n, i in USE_CASES.items() if not i.open))
def test_nobody_signed_in_runs_nothing(name: str) -> None:
    error, uow = _call(USE_CASES[name], _actor())
    assert isinstance(error, NotPermitted) and error.code == "role_required"
    assert uow.touched == []
