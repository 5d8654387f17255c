"""Checklist templates to and from a JSON file, so the office can hand the same checklists to every laptop.

File format (UTF-8 JSON)::

    {"format": "hazard_desktop.checklist_templates", "format_version": 1, "exported_at": "…Z",
     "templates": [{"template_id": "<uuid>", "versions": [
         {"id": "<uuid>", "version": 1, "code": "JC-01", "name": "…", "description": "…",
          "supersedes_id": null, "created_at": "…Z",
          "sections": [{"id": "<uuid>", "title": "…", "items": [
              {"id": "<uuid>", "text": "…", "guidance": "…", "category_code": "4.6",
               "subcategory_code": "4.6.1", "criterion_code": null}]}]}]}]}

Import rules:

* idempotent by UUID: a version whose id is already stored is skipped (if its content differs, it is
  reported as a conflict and still not touched — stored versions are never overwritten);
* a version not yet stored is added to its family (created if new) with the ids of the file, so a
  second laptop importing the same file ends up with identical records; if its version number is
  taken locally by another version, it gets the next free number;
* every imported version is published (immutable); nothing is imported if any part of the file is
  invalid (one transaction).

An exported version is published too: it was handed out, so it must never change in place.
"""

from __future__ import annotations

import dataclasses
import json
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from hazard_desktop.domain.accounts import Role
from hazard_desktop.domain.errors import ValidationError
from hazard_desktop.domain.inspections import (
    ItemDraft,
    SectionDraft,
    Template,
    TemplateDraft,
    TemplateItem,
    TemplateOrigin,
    TemplateSection,
    content_digest,
    draft_of,
    validate_draft,
)
from hazard_desktop.domain.records import utcnow
from hazard_desktop.services.authorization import use_case
from hazard_desktop.services.inspections import check_template_codes
from hazard_desktop.services.ports import UnitOfWork

FORMAT = "hazard_desktop.checklist_templates"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 20 * 1024 * 1024


MAX_VERSION = 1_000_000  # version numbers of a checklist; far beyond any real one


def _stamp(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _version_doc(template: Template) -> dict[str, Any]:
    return {
        "id": str(template.id),
        "version": template.version,
        "code": template.code,
        "name": template.name,
        "description": template.description,
        "supersedes_id": None if template.supersedes_id is None else str(template.supersedes_id),
        "created_at": _stamp(template.created_at),
        "sections": [
            {
                "id": str(section.id),
                "title": section.title,
                "items": [
                    {
                        "id": str(item.id),
                        "text": item.text,
                        "guidance": item.guidance,
                        "category_code": item.category_code,
                        "subcategory_code": item.subcategory_code,
                        "criterion_code": item.criterion_code,
                    }
                    for item in section.items
                ],
            }
            for section in template.sections
        ],
    }


@use_case("templates.export", Role.SAFETY_ADMIN)
def export_templates(uow: UnitOfWork, template_ids: list[uuid.UUID] | None = None, *, all_versions: bool = True) -> str:
    """The JSON text of the chosen templates (default: every active one); the versions written are
    published (made immutable).

    Args:
        template_ids: families to export; None = every active template.
        all_versions: write every version of each family (default), or only the newest.
    """
    now = utcnow()
    with uow:
        families = uow.inspections.templates(include_retired=template_ids is not None)
        if template_ids is not None:
            wanted = set(template_ids)
            families = [t for t in families if t.template_id in wanted]
        documents = []
        for latest in families:
            versions = uow.inspections.template_versions(latest.template_id) if all_versions else [latest]
            for version in versions:
                if not version.published:
                    uow.inspections.publish_template(version.id, now)
            documents.append({"template_id": str(latest.template_id), "versions": [_version_doc(v) for v in versions]})
        uow.commit()
    payload = {"format": FORMAT, "format_version": FORMAT_VERSION, "exported_at": _stamp(now), "templates": documents}
    return json.dumps(payload, ensure_ascii=False, indent=1) + "\n"


# ------------------------------------------------------------------------------------------ import


@dataclass(frozen=True, slots=True)
class ParsedVersion:
    """One version as read from a file (ids from the file, content validated)."""

    template_id: uuid.UUID
    id: uuid.UUID
    version: int
    supersedes_id: uuid.UUID | None
    created_at: datetime | None
    draft: TemplateDraft
    section_ids: tuple[uuid.UUID, ...]
    item_ids: tuple[tuple[uuid.UUID, ...], ...]


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import did.

    Attributes:
        added: (name, version) of each version stored now.
        unchanged: versions already stored with the same content.
        conflicts: (name, version) of versions stored with the same id but other content (left alone).
        renumbered: versions stored under another number because theirs was taken locally.
    """

    added: tuple[tuple[str, int], ...] = ()
    unchanged: int = 0
    conflicts: tuple[tuple[str, int], ...] = field(default=())
    renumbered: int = 0


def _invalid(detail: str, **params: Any) -> ValidationError:
    return ValidationError("exchange_invalid", field="file", detail=detail, **params)


def _uuid(value: Any, where: str) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except (ValueError, TypeError, AttributeError) as exc:
        raise _invalid(f"{where}: not a UUID") from exc


def _text(doc: dict[str, Any], key: str, where: str, *, optional: bool = False) -> str:
    value = doc.get(key, "" if optional else None)
    if value is None and optional:
        return ""
    if not isinstance(value, str):
        raise _invalid(f"{where}.{key}: text expected")
    return value


def _optional_code(doc: dict[str, Any], key: str, where: str) -> str | None:
    value = doc.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise _invalid(f"{where}.{key}: text or null expected")
    return value


def _list(doc: dict[str, Any], key: str, where: str) -> list[Any]:
    value = doc.get(key)
    if not isinstance(value, list):
        raise _invalid(f"{where}.{key}: list expected")
    return value


def _parse_version(template_id: uuid.UUID, doc: Any, where: str) -> ParsedVersion:
    if not isinstance(doc, dict):
        raise _invalid(f"{where}: object expected")
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _invalid(f"{where}.version: positive integer expected")
    if version > MAX_VERSION:  # 10**30 or 2**63 would not even fit the database's integer
        raise _invalid(f"{where}.version: at most {MAX_VERSION}")
    sections = []
    section_ids = []
    item_ids = []
    for s_index, section in enumerate(_list(doc, "sections", where)):
        s_where = f"{where}.sections[{s_index}]"
        if not isinstance(section, dict):
            raise _invalid(f"{s_where}: object expected")
        items = []
        ids = []
        for i_index, item in enumerate(_list(section, "items", s_where)):
            i_where = f"{s_where}.items[{i_index}]"
            if not isinstance(item, dict):
                raise _invalid(f"{i_where}: object expected")
            ids.append(_uuid(item.get("id"), f"{i_where}.id"))
            items.append(
                ItemDraft(
                    text=_text(item, "text", i_where),
                    guidance=_text(item, "guidance", i_where, optional=True),
                    category_code=_text(item, "category_code", i_where),
                    subcategory_code=_optional_code(item, "subcategory_code", i_where),
                    criterion_code=_optional_code(item, "criterion_code", i_where),
                )
            )
        if not items:
            raise _invalid(f"{s_where}.items: empty")
        section_ids.append(_uuid(section.get("id"), f"{s_where}.id"))
        item_ids.append(tuple(ids))
        sections.append(SectionDraft(title=_text(section, "title", s_where), items=tuple(items)))
    raw = TemplateDraft(
        name=_text(doc, "name", where),
        description=_text(doc, "description", where, optional=True),
        sections=tuple(sections),
        code=_text(doc, "code", where, optional=True),
    )
    try:
        draft = validate_draft(raw)
    except ValidationError as exc:
        raise ValidationError(exc.code, field=exc.field, template=raw.name, **exc.params) from exc
    # no section is empty (checked above), so validate_draft keeps them all and the ids stay aligned
    created = doc.get("created_at")
    created_at = None
    if isinstance(created, str) and created:
        try:
            created_at = datetime.fromisoformat(created.replace("Z", "+00:00"))
        except ValueError as exc:
            raise _invalid(f"{where}.created_at: not a date-time") from exc
        if created_at.tzinfo is None:
            created_at = created_at.replace(tzinfo=UTC)
    supersedes = doc.get("supersedes_id")
    return ParsedVersion(
        template_id=template_id,
        id=_uuid(doc.get("id"), f"{where}.id"),
        version=version,
        supersedes_id=None if supersedes in (None, "") else _uuid(supersedes, f"{where}.supersedes_id"),
        created_at=created_at,
        draft=draft,
        section_ids=tuple(section_ids),
        item_ids=tuple(item_ids),
    )


def parse_templates(text: str | bytes) -> list[ParsedVersion]:
    """Read and check an exchange file (structure and content rules, not the database).

    Raises:
        ValidationError: ``exchange_invalid`` (``detail`` says where), ``exchange_not_templates``,
            ``exchange_format_newer``, ``exchange_too_large``, or a content rule (with ``template``).
    """
    if len(text) > MAX_FILE_BYTES:
        raise ValidationError("exchange_too_large", field="file", max_mb=MAX_FILE_BYTES >> 20)
    try:
        payload = json.loads(text)
    except RecursionError:  # nested deeper than Python's parser goes: no exchange file looks like that
        raise _invalid("not JSON (nested too deeply)") from None
    except ValueError as exc:  # JSONDecodeError, UnicodeDecodeError, an integer of more than 4300 digits
        raise _invalid(f"not JSON ({str(exc)[:200]})") from exc
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise ValidationError("exchange_not_templates", field="file")
    format_version = payload.get("format_version")
    if not isinstance(format_version, int) or isinstance(format_version, bool) or format_version < 1:
        raise _invalid("format_version: positive integer expected")
    if format_version > FORMAT_VERSION:
        shown = format_version if format_version <= MAX_VERSION else f"> {MAX_VERSION}"
        raise ValidationError("exchange_format_newer", field="file", version=shown, known=FORMAT_VERSION)
    parsed: list[ParsedVersion] = []
    seen: set[uuid.UUID] = set()
    for t_index, family in enumerate(_list(payload, "templates", "file")):
        where = f"templates[{t_index}]"
        if not isinstance(family, dict):
            raise _invalid(f"{where}: object expected")
        template_id = _uuid(family.get("template_id"), f"{where}.template_id")
        versions = [
            _parse_version(template_id, doc, f"{where}.versions[{v_index}]")
            for v_index, doc in enumerate(_list(family, "versions", where))
        ]
        for version in sorted(versions, key=lambda v: v.version):
            ids = {version.id, *version.section_ids, *(i for group in version.item_ids for i in group)}
            if ids & seen or len(ids) != 1 + len(version.section_ids) + sum(map(len, version.item_ids)):
                raise _invalid(f"{where}: an id occurs twice")
            seen |= ids
            parsed.append(version)
    return parsed


def _template_of(version: ParsedVersion, number: int, origin: TemplateOrigin, now: datetime) -> Template:
    sections = tuple(
        TemplateSection(
            id=section_id,
            position=s_pos,
            title=section.title,
            items=tuple(
                TemplateItem(
                    id=item_id,
                    position=i_pos,
                    text=item.text,
                    guidance=item.guidance,
                    category_code=item.category_code,
                    subcategory_code=item.subcategory_code,
                    criterion_code=item.criterion_code,
                )
                for i_pos, (item_id, item) in enumerate(zip(item_ids, section.items, strict=True), start=1)
            ),
        )
        for s_pos, (section_id, item_ids, section) in enumerate(
            zip(version.section_ids, version.item_ids, version.draft.sections, strict=True), start=1
        )
    )
    created = version.created_at or now
    return Template(
        id=version.id,
        template_id=version.template_id,
        code=version.draft.code,
        name=version.draft.name,
        description=version.draft.description,
        version=number,
        sections=sections,
        supersedes_id=version.supersedes_id,
        origin=origin,
        published_at=now,
        retired_at=None,
        created_at=created,
        updated_at=now,
    )


@use_case("templates.import", Role.SAFETY_ADMIN)
def import_templates(
    uow: UnitOfWork, text: str | bytes, *, origin: TemplateOrigin = TemplateOrigin.IMPORT
) -> ImportReport:
    """Add the template versions of an exchange file that are not stored yet (see the module doc).

    Raises:
        ValidationError: as :func:`parse_templates`, or ``category_unknown`` / ``subcategory_unknown`` /
            ``criterion_unknown`` (with ``template``) — nothing is imported then.
    """
    parsed = parse_templates(text)
    now = utcnow()
    added: list[tuple[str, int]] = []
    conflicts: list[tuple[str, int]] = []
    unchanged = renumbered = 0
    with uow:
        for version in parsed:
            stored_digest = uow.inspections.template_digest(version.id)
            if stored_digest is not None:
                if stored_digest == content_digest(version.draft):
                    unchanged += 1
                else:
                    conflicts.append((version.draft.name, version.version))
                continue
            try:
                check_template_codes(uow, version.draft)
            except ValidationError as exc:
                raise ValidationError(exc.code, field=exc.field, template=version.draft.name, **exc.params) from exc
            family = uow.inspections.template_versions(version.template_id)
            numbers = {v.version for v in family}
            number = version.version
            if number in numbers:
                number = max(numbers) + 1
                renumbered += 1
            template = _template_of(version, number, origin, now)
            if template.supersedes_id is not None and uow.inspections.get_template(template.supersedes_id) is None:
                template = _replace_supersedes(template)
            uow.inspections.add_template(template)
            added.append((template.name, template.version))
        uow.commit()
    return ImportReport(tuple(added), unchanged, tuple(conflicts), renumbered)


def _replace_supersedes(template: Template) -> Template:
    return dataclasses.replace(template, supersedes_id=None)


def digest_of(template: Template) -> str:
    """Content digest of a stored version (what import compares)."""
    return content_digest(draft_of(template))
