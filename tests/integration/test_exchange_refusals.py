"""Import is safe (issue 15): every bad file is refused with its code and nothing written, before and at
import; a join needs the office's file and an empty register; kill -9 in the middle leaves the register."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from hazard_desktop import paths
from hazard_desktop.adapters.exchange_file import Limits, ZipPackageFiles
from hazard_desktop.app import join_plant
from hazard_desktop.domain.errors import DomainError
from hazard_desktop.services import exchange as ex
from hazard_desktop.services.hazards import PhotoFile, create_hazard
from tests.factories import add_person, hazard_input, make_context
from tests.integration.exchange_helpers import laptop, office, snapshot
from tests.integration.test_hazard_services import jpeg

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def pair(tmp_path):
    hq = office(tmp_path)
    a1 = laptop(tmp_path, hq, "A1")
    with a1.context.uow() as uow:
        person = uow.reference.people()[0]  # the office's people came down with the join
    for n in range(3):
        data = hazard_input(a1.context, person, found_at=datetime(2026, 3, 1, 8, n, tzinfo=UTC))
        create_hazard(a1.context.uow(), data, photos=[PhotoFile("p.jpg", jpeg(64, 48))], images=a1.context.images)
    yield hq, a1, a1.send()
    hq.close()
    a1.close()


def rewrite(source: Path, target: Path, change) -> Path:
    """Copy an exchange file entry by entry through ``change(name, data, manifest) -> [(name, data)]``."""
    with zipfile.ZipFile(source) as old:
        manifest = json.loads(old.read("manifest.json"))
        entries = [(i.filename, old.read(i)) for i in old.infolist() if i.filename != "manifest.json"]
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for name, data in entries:
            for out_name, out_data in change(name, data, manifest):
                new.writestr(out_name, out_data)
        new.writestr("manifest.json", json.dumps(manifest))
    return target


def refused(site, file: Path, code: str) -> DomainError:
    before = snapshot(site.folder)

    def preview_with_cancel(store, files, path):  # the dialog's preview: checked entry by entry, Cancel between
        return ex.exchange_preview(store, files, path, progress=lambda done, total: True)

    for call in (ex.exchange_preview, preview_with_cancel, ex.import_exchange):
        with pytest.raises(DomainError) as info:
            call(site.store, site.files, file)
        assert info.value.code == code, info.value
    assert snapshot(site.folder) == before
    return info.value


def test_the_good_file_imports(pair):
    hq, _a1, file = pair
    assert {k.kind: k.new for k in hq.take(file).preview.kinds}["hazard"] == 3


def test_a_file_of_a_newer_schema_or_format_is_refused(pair, tmp_path):
    hq, _a1, file = pair

    def newer(name, data, manifest):
        manifest["schema_revision"] = "9999"
        return [(name, data)]

    error = refused(hq, rewrite(file, tmp_path / "newer.hzx", newer), "exchange_schema_newer")
    assert error.params["revision"] == "9999"

    def format_(name, data, manifest):
        manifest["format_version"] = 99
        return [(name, data)]

    refused(hq, rewrite(file, tmp_path / "format.hzx", format_), "exchange_format_newer")


def test_a_file_of_another_plant_is_refused(pair, tmp_path):
    hq, _a1, file = pair
    other = office(tmp_path / "other", "ZZ")
    try:
        refused(other, file, "foreign_plant")
    finally:
        other.close()


def test_a_tampered_file_is_refused(pair, tmp_path):
    hq, _a1, file = pair

    def edit(name, data, manifest):  # a record changed, the manifest not
        return [
            (
                name,
                data.replace("合成一车间".encode(), "合成二车间".encode()) if name == "records/hazard.json" else data,
            )
        ]

    error = refused(hq, rewrite(file, tmp_path / "edited.hzx", edit), "exchange_tampered")
    assert error.params["entry"] == "records/hazard.json"

    def forged(name, data, manifest):  # a record changed and the manifest's hash made to fit: the revision does not
        import hashlib

        if name == "records/hazard.json":
            data = data.replace("合成一车间".encode(), "合成二车间".encode())
            manifest["entries"][name] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
        return [(name, data)]

    refused(hq, rewrite(file, tmp_path / "forged.hzx", forged), "exchange_tampered")

    def extra(name, data, manifest):  # an entry the manifest does not list
        return (
            [(name, data), (name.replace("records/hazard", "records/person"), data)]
            if "hazard.json" in name
            else [(name, data)]
        )

    refused(hq, rewrite(file, tmp_path / "extra.hzx", extra), "exchange_tampered")

    def dropped(name, data, manifest):  # a photo missing
        return [] if name.startswith("photos/") else [(name, data)]

    refused(hq, rewrite(file, tmp_path / "dropped.hzx", dropped), "exchange_tampered")


def test_a_truncated_file_or_one_that_is_no_exchange_file_is_refused(pair, tmp_path):
    hq, _a1, file = pair
    data = file.read_bytes()
    for cut in (len(data) // 2, len(data) - 30, 10):
        (tmp_path / "cut.hzx").write_bytes(data[:cut])
        refused(hq, tmp_path / "cut.hzx", "exchange_truncated")
    (tmp_path / "text.hzx").write_text("隐患台账", encoding="utf-8")
    refused(hq, tmp_path / "text.hzx", "exchange_not_a_file")
    refused(hq, tmp_path / "missing.hzx", "exchange_not_a_file")


def test_a_zip_bomb_is_refused_before_it_is_inflated(pair, tmp_path):
    hq, _a1, file = pair

    def bomb(name, data, manifest):
        if name != "records/hazard.json":
            return [(name, data)]
        import hashlib

        huge = data + b" " * (40 << 20)  # 40 MiB of spaces: ~1000:1
        manifest["entries"][name] = {"sha256": hashlib.sha256(huge).hexdigest(), "size": len(huge)}
        return [(name, huge)]

    refused(hq, rewrite(file, tmp_path / "bomb.hzx", bomb), "exchange_zip_bomb")


@pytest.mark.parametrize("name", ["../../evil.json", "/etc/passwd", "photos\\..\\x", "C:/x", "records/../x.json"])
def test_zip_slip_paths_are_refused(pair, tmp_path, name):
    hq, _a1, file = pair

    def slip(entry, data, manifest):
        return [(entry, data), (name, b"x")] if entry == "records/hazard.json" else [(entry, data)]

    refused(hq, rewrite(file, tmp_path / "slip.hzx", slip), "exchange_unsafe_path")


def test_absurd_sizes_are_refused_from_the_directory(pair, tmp_path):
    hq, _a1, file = pair
    limits = Limits(entry_size=1 << 10, total_size=1 << 20, entries=10_000, file_size=1 << 30)
    small = ZipPackageFiles(limits)
    before = snapshot(hq.folder)
    with pytest.raises(DomainError) as info:
        ex.import_exchange(hq.store, small, file)
    assert info.value.code == "exchange_too_large" and info.value.params["limit"] == "entry_size"
    with pytest.raises(DomainError) as info:
        ex.import_exchange(hq.store, ZipPackageFiles(Limits(entries=3)), file)
    assert info.value.params["limit"] == "entries"
    # a directory claiming a terabyte for an entry (the local header holds the truth)
    lying = tmp_path / "lying.hzx"
    with zipfile.ZipFile(file) as old, zipfile.ZipFile(lying, "w", allowZip64=True) as new:
        for info_ in old.infolist():
            new.writestr(info_, old.read(info_))
        new.infolist()[0].file_size = 1 << 40
    refused(hq, lying, "exchange_too_large")
    assert snapshot(hq.folder) == before


def test_a_file_is_for_the_installation_named_and_not_from_itself(pair, tmp_path):
    hq, a1, file = pair
    refused(a1, file, "exchange_from_self")
    ex.register_terminal(hq.store, "A2")
    for_a2 = hq.send("A2")
    refused(a1, for_a2, "exchange_not_for_us")


def test_joining_needs_the_offices_file_and_an_empty_folder(pair, tmp_path):
    hq, a1, file = pair
    target = tmp_path / "new-laptop"
    with pytest.raises(DomainError) as info:
        join_plant(target, file)  # a laptop's file
    assert info.value.code == "join_needs_office_file"
    assert not target.exists()  # the folder is as it was: not there
    target.mkdir()
    with pytest.raises(DomainError):
        join_plant(target, tmp_path / "nothing.hzx")
    assert list(target.iterdir()) == []
    # a register with data cannot join
    ex.register_terminal(hq.store, "A9")
    busy = make_context(tmp_path / "busy")
    create_hazard(busy.uow(), hazard_input(busy, add_person(busy)))
    from hazard_desktop.app import close_context

    close_context(busy)
    with pytest.raises(DomainError) as info:
        join_plant(tmp_path / "busy", hq.send("A9"))
    assert info.value.code == "join_not_empty"


def test_kill_9_in_the_middle_of_an_import_leaves_the_register_as_it_was(pair):
    hq, _a1, file = pair
    hq.close()
    before = snapshot(hq.folder)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("exchange_kill_child.py")), str(hq.folder), str(file)],
        env=env, capture_output=True, timeout=120,
    )  # fmt: skip
    assert child.returncode == -signal.SIGKILL, child.stderr.decode()
    assert snapshot(hq.folder) == before
    import sqlite3

    with sqlite3.connect(paths.database_path(hq.folder)) as con:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    from hazard_desktop.app import build_context

    hq.context = build_context(hq.folder)
    assert {k.kind: k.new for k in hq.take(file).preview.kinds}["hazard"] == 3


def test_a_record_naming_what_the_register_lacks_is_refused_in_the_preview(pair, tmp_path):
    hq, a1, file = pair
    hq.take(file)
    import uuid

    def dangling(name, data, manifest):
        import hashlib

        if name != "records/hazard.json":
            return [(name, data)]
        body = json.loads(data)
        record = next(iter(body.values()))
        record["fields"]["department_id"] = str(uuid.uuid4())  # a department nobody has
        new_id = str(uuid.uuid4())
        record["fields"]["id"] = new_id
        record["fields"]["number"] = "YH-2026-19999"
        record["rev"] = ex.record_hash(record["fields"])
        data = json.dumps({new_id: record}).encode()
        manifest["entries"][name] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
        return [(name, data)]

    error = refused(hq, rewrite(file, tmp_path / "dangling.hzx", dangling), "exchange_missing_reference")
    assert (error.params["kind"], error.params["column"]) == ("hazard", "department_id")


def test_a_person_added_on_a_laptop_travels_up_with_the_hazard_they_found(pair):
    hq, a1, _file = pair
    from hazard_desktop.domain.reference import Role as StaffRole

    person = add_person(a1.context, "现场新人")
    assert StaffRole.INSPECTOR in person.roles
    h = create_hazard(a1.context.uow(), hazard_input(a1.context, person))
    result = hq.take(a1.send())
    assert {k.kind: k.new for k in result.preview.kinds}["person"] == 1
    with hq.context.uow() as uow:
        assert uow.hazards.get(h.id).found_by_id == person.id


def test_a_cancelled_export_or_import_leaves_no_file_and_writes_nothing(pair, tmp_path):
    hq, a1, file = pair
    before = snapshot(a1.folder)
    with pytest.raises(DomainError) as info:
        ex.export_exchange(a1.store, a1.files, tmp_path / "out" / "x.hzx", progress=lambda done, total: True)
    assert info.value.code == "exchange_target_missing"
    (tmp_path / "out").mkdir()
    with pytest.raises(DomainError) as info:
        ex.export_exchange(a1.store, a1.files, tmp_path / "out" / "x.hzx", progress=lambda done, total: done < 3)
    assert info.value.code == "exchange_cancelled"
    assert list((tmp_path / "out").iterdir()) == [] and snapshot(a1.folder) == before
    before = snapshot(hq.folder)
    with pytest.raises(DomainError) as info:
        ex.import_exchange(hq.store, hq.files, file, progress=lambda done, total: False)
    assert info.value.code == "exchange_cancelled" and snapshot(hq.folder) == before


def test_a_cancelled_preview_stops_checking_the_file_and_writes_nothing(pair):
    hq, _a1, file = pair
    before = snapshot(hq.folder)
    asked: list[tuple[int, int]] = []

    def cancel_after_the_first_entry(done: int, total: int) -> bool:
        asked.append((done, total))
        return done < 1

    with pytest.raises(DomainError) as info:
        ex.exchange_preview(hq.store, hq.files, file, progress=cancel_after_the_first_entry)
    assert info.value.code == "exchange_cancelled" and snapshot(hq.folder) == before
    total = asked[-1][1]
    assert total > 3 and asked[-1][0] == 1  # stopped after one of the file's entries, not at its end
    counted: list[tuple[int, int]] = []
    whole = ex.exchange_preview(hq.store, hq.files, file, progress=lambda d, t: counted.append((d, t)) is None)
    assert {k.kind: k.new for k in whole.kinds}["hazard"] == 3 and counted[-1] == (1, 1)
    assert (total, total) in counted  # every entry was checked when nobody cancelled


def test_a_laptop_set_to_field_in_the_settings_can_still_join(pair, tmp_path):
    hq, _a1, _file = pair
    from hazard_desktop.app import close_context
    from hazard_desktop.domain.exchange import Role

    fresh = make_context(tmp_path / "fresh")
    try:
        store, files = fresh.exchange_store(), fresh.exchange_files()
        chosen = ex.set_identity(store, short_code="B7", role=Role.FIELD)
        assert chosen.number_slot is None
        ex.register_terminal(hq.store, "B7")
        result = ex.import_exchange(store, files, hq.send("B7"))
        assert result.preview.joins
        me = ex.get_identity(store)
        assert me is not None and me.installation_id == chosen.installation_id and me.number_slot is not None
        assert me.plant_id == ex.get_identity(hq.store).plant_id
    finally:
        close_context(fresh)


def test_a_namesake_entered_on_both_sides_is_refused_by_name_until_employee_numbers_tell_them_apart(pair):
    """A laptop and the office each entered 王新工 of the workshop without an employee number: imported, the
    office would hold two people the settings page refuses to make (and the laptop, the office's file back).
    The file is refused before anything is written, naming the person; numbered on both sides, it goes in."""
    from hazard_desktop.services import reference_admin
    from hazard_desktop.ui import exchange_messages

    hq, a1, _file = pair
    with hq.context.uow() as uow:
        workshop = next(d for d in uow.reference.departments() if d.code == "HC1")
    at_office = reference_admin.save_person(hq.context.uow(), None, "王新工", "", workshop.id, [])
    on_laptop = reference_admin.save_person(a1.context.uow(), None, "王新工", "", workshop.id, [])
    error = refused(hq, a1.send(), "exchange_person_duplicate")
    assert error.params == {"name": "王新工", "department": workshop.name}
    assert "王新工" in exchange_messages.area_text(error) and workshop.name in exchange_messages.area_text(error)
    refused(a1, hq.send("A1"), "exchange_person_duplicate")  # the office's file to the laptop likewise

    # one number is not enough (the rule: both numbered) ...
    reference_admin.save_person(a1.context.uow(), on_laptop.id, "王新工", "E8001", workshop.id, [])
    refused(hq, a1.send(), "exchange_person_duplicate")
    # ... a number each, on the computer where each was entered: the files go in, both ways
    reference_admin.save_person(hq.context.uow(), at_office.id, "王新工", "E8002", workshop.id, [])
    assert {k.kind: k.new for k in hq.take(a1.send()).preview.kinds}["person"] == 1
    a1.take(hq.send("A1"))
    for site in (hq, a1):
        with site.context.uow() as uow:
            named = sorted(p.employee_no for p in uow.reference.people() if p.name == "王新工")
        assert named == ["E8001", "E8002"]


def test_an_employee_number_given_on_both_sides_to_two_people_is_refused(pair):
    from hazard_desktop.services import reference_admin

    hq, a1, _file = pair
    with hq.context.uow() as uow:
        workshop = next(d for d in uow.reference.departments() if d.code == "HC1")
    reference_admin.save_person(hq.context.uow(), None, "赵同号", "E7777", workshop.id, [])
    reference_admin.save_person(a1.context.uow(), None, "钱同号", "e7777", workshop.id, [])
    error = refused(hq, a1.send(), "exchange_employee_no_duplicate")
    assert error.params == {"name": "钱同号", "employee_no": "e7777", "other": "赵同号"}


def test_a_zip_renamed_to_hzx_is_no_exchange_file_not_a_damaged_one(pair, tmp_path):
    """New-user trial u6: a zip holding pump.png, renamed to .hzx, was called "damaged or altered (pump.png does
    not match its checksum)"; without our manifest it is simply not an exchange file."""
    hq, _a1, file = pair
    plain = tmp_path / "somezip.hzx"
    with zipfile.ZipFile(plain, "w") as archive:
        archive.writestr("pump.png", b"\x89PNG\r\n\x1a\n" + bytes(100))
    refused(hq, plain, "exchange_not_a_file")
    foreign = tmp_path / "foreign.hzx"  # another program's manifest.json
    with zipfile.ZipFile(foreign, "w") as archive:
        archive.writestr("manifest.json", '{"format": "some other program", "format_version": 1}')
        archive.writestr("pump.png", b"png")
    refused(hq, foreign, "exchange_not_a_file")

    def extra(name, data, manifest):  # ours, with a file slipped in: altered, as before
        return [(name, data), ("pump.png", b"png")] if name == "records/hazard.json" else [(name, data)]

    refused(hq, rewrite(file, tmp_path / "extra.hzx", extra), "exchange_tampered")
