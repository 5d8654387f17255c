"""Template files between laptops: export, idempotent import by UUID, new versions added, never overwritten.

On the in-memory fakes (``tests/fakes.py``), seeded as a new database is: the office and the laptop.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date

import pytest

from hazard_desktop.domain.errors import ValidationError
from hazard_desktop.domain.inspections import StartInput, TemplateOrigin, draft_of
from hazard_desktop.services import inspections as service
from hazard_desktop.services.context import AppContext
from hazard_desktop.services.template_exchange import FORMAT, export_templates, import_templates, parse_templates
from tests.factories import add_person
from tests.fakes import fake_context


@pytest.fixture
def context() -> AppContext:
    return fake_context()


@pytest.fixture
def laptop() -> AppContext:
    return fake_context()


def office_template(context: AppContext):
    content = draft_of(next(t for t in service.list_templates(context.uow()) if t.code == "JC-01"))
    return service.create_template(context.uow(), dataclasses.replace(content, name="装置区月度检查", code="OF-01"))


def use(context: AppContext, template) -> None:
    person = add_person(context, "赵检查")
    with context.uow() as uow:
        department = uow.reference.departments()[0]
    service.start_inspection(
        context.uow(),
        StartInput(template.id, "装置区", department.id, (person.id,), date(2026, 5, 4)),
        today=date(2026, 5, 4),
    )


def test_export_writes_a_versioned_json_file_and_publishes_what_it_wrote(context):
    created = office_template(context)
    assert not created.published
    text = export_templates(context.uow(), [created.template_id])
    payload = json.loads(text)
    assert payload["format"] == FORMAT and payload["format_version"] == 1
    (family,) = payload["templates"]
    assert family["template_id"] == str(created.template_id)
    (version,) = family["versions"]
    assert version["id"] == str(created.id) and version["name"] == "装置区月度检查"
    assert version["sections"][0]["items"][0]["id"] == str(created.items[0].id)
    assert service.get_template(context.uow(), created.id).published


def test_import_is_idempotent_and_keeps_the_ids(context, laptop):
    created = office_template(context)
    text = export_templates(context.uow(), [created.template_id])

    first = import_templates(laptop.uow(), text)
    assert first.added == (("装置区月度检查", 1),) and first.unchanged == 0
    second = import_templates(laptop.uow(), text)
    assert second.added == () and second.unchanged == 1

    imported = service.get_template(laptop.uow(), created.id)
    assert imported.origin is TemplateOrigin.IMPORT and imported.published
    assert [i.id for i in imported.items] == [i.id for i in created.items]
    assert draft_of(imported) == draft_of(created)
    assert len(service.list_templates(laptop.uow())) == 11


def test_a_newer_version_is_added_as_a_new_version_and_the_old_one_stays(context, laptop):
    created = office_template(context)
    import_templates(laptop.uow(), export_templates(context.uow(), [created.template_id]))
    use(context, created)
    content = dataclasses.replace(draft_of(created), description="2026 年版")
    v2 = service.edit_template(context.uow(), created.id, content).template
    assert v2.version == 2

    report = import_templates(laptop.uow(), export_templates(context.uow(), [created.template_id]))

    assert report.added == (("装置区月度检查", 2),) and report.unchanged == 1
    versions = service.template_history(laptop.uow(), created.template_id)
    assert [(v.id, v.version) for v in versions] == [(created.id, 1), (v2.id, 2)]
    assert versions[1].supersedes_id == created.id
    assert versions[0].description == created.description


def test_a_changed_file_never_overwrites_a_stored_version(context, laptop):
    created = office_template(context)
    text = export_templates(context.uow(), [created.template_id])
    import_templates(laptop.uow(), text)
    tampered = json.loads(text)
    tampered["templates"][0]["versions"][0]["name"] = "被改过的名字"

    report = import_templates(laptop.uow(), json.dumps(tampered, ensure_ascii=False))

    assert report.conflicts == (("被改过的名字", 1),) and report.added == ()
    assert service.get_template(laptop.uow(), created.id).name == "装置区月度检查"


def test_a_version_number_taken_locally_is_renumbered(context, laptop):
    created = office_template(context)
    import_templates(laptop.uow(), export_templates(context.uow(), [created.template_id]))
    # the laptop makes its own version 2 ...
    use(laptop, service.get_template(laptop.uow(), created.id))
    local = service.edit_template(
        laptop.uow(), created.id, dataclasses.replace(draft_of(created), description="现场改")
    ).template
    # ... and the office publishes another version 2
    use(context, created)
    office = service.edit_template(
        context.uow(), created.id, dataclasses.replace(draft_of(created), description="办公室改")
    ).template

    report = import_templates(laptop.uow(), export_templates(context.uow(), [created.template_id]))

    assert report.renumbered == 1
    versions = service.template_history(laptop.uow(), created.template_id)
    assert [(v.id, v.version) for v in versions] == [(created.id, 1), (local.id, 2), (office.id, 3)]


def test_the_seed_file_is_an_exchange_file(context):
    export = export_templates(context.uow())
    parsed = parse_templates(export)
    assert len(parsed) == 10
    report = import_templates(context.uow(), export)
    assert report.unchanged == 10 and report.added == ()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("not json", "exchange_invalid"),
        (json.dumps({"format": "something else"}), "exchange_not_templates"),
        (json.dumps({"format": FORMAT, "format_version": 2, "templates": []}), "exchange_format_newer"),
        (json.dumps({"format": FORMAT, "format_version": 1, "templates": [{"template_id": "x"}]}), "exchange_invalid"),
    ],
)
def test_unreadable_files_are_refused(context, text, code):
    with pytest.raises(ValidationError) as info:
        import_templates(context.uow(), text)
    assert info.value.code == code


def test_an_invalid_template_in_a_file_imports_nothing(context, laptop):
    good = office_template(context)
    other = service.create_template(context.uow(), dataclasses.replace(draft_of(good), name="第二张", code="OF-02"))
    payload = json.loads(export_templates(context.uow(), [good.template_id, other.template_id]))
    payload["templates"][1]["versions"][0]["sections"][0]["items"][0]["category_code"] = "9.9"

    with pytest.raises(ValidationError) as info:
        import_templates(laptop.uow(), json.dumps(payload, ensure_ascii=False))

    assert info.value.code == "category_unknown" and info.value.params["template"] in {"装置区月度检查", "第二张"}
    assert len(service.list_templates(laptop.uow())) == 10
