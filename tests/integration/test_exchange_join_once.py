"""A join file is single-use as far as offline files allow (new-user trial, issue 15): joining consumes it,
a file for a code the office has already heard from cannot join, and a second computer that joined with a
copy learns of it at its next import from the office (and the office refuses its file). Damaged and
unreadable files say so."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from hazard_desktop.app import build_context, join_plant
from hazard_desktop.domain.errors import DomainError
from hazard_desktop.services import exchange as ex
from hazard_desktop.services.hazards import PhotoFile, create_hazard
from tests.factories import hazard_input
from tests.integration.exchange_helpers import Site, office, snapshot
from tests.integration.test_hazard_services import jpeg


def add_finding(site: Site, minute: int = 0) -> str:
    with site.context.uow() as uow:
        person = uow.reference.people()[0]
    data = hazard_input(site.context, person, found_at=datetime(2026, 3, 1, 8, minute, tzinfo=UTC))
    photos = [PhotoFile("p.jpg", jpeg(64, 48))]
    return create_hazard(site.context.uow(), data, photos=photos, images=site.context.images).number


def test_joining_removes_the_join_file_so_it_cannot_join_twice(tmp_path: Path) -> None:
    hq = office(tmp_path)
    ex.register_terminal(hq.store, "A3")
    join_file = hq.send("A3")
    result = join_plant(tmp_path / "laptop", join_file)
    assert result.preview.joins and result.join_file_removed is True
    assert not join_file.exists()  # consumed where it was read (the stick)
    with pytest.raises(DomainError) as info:
        join_plant(tmp_path / "second", join_file)
    assert info.value.code == "exchange_not_a_file" and not (tmp_path / "second").exists()
    hq.close()


def test_once_the_office_heard_from_a_laptop_its_files_cannot_join_another_computer(tmp_path: Path) -> None:
    hq = office(tmp_path)
    ex.register_terminal(hq.store, "A3")
    join_plant(tmp_path / "A3", hq.send("A3"))
    a3 = Site(tmp_path / "A3", build_context(tmp_path / "A3"), "A3")
    add_finding(a3)
    hq.take(a3.send())  # the office binds A3 to this computer
    later = hq.send("A3")
    copy = tmp_path / "copy.hzx"
    shutil.copy(later, copy)
    with pytest.raises(DomainError) as info:
        join_plant(tmp_path / "second", copy)
    assert info.value.code == "join_file_used" and info.value.params["short"] == "A3"
    assert not (tmp_path / "second").exists() and copy.exists()  # a refused join consumes nothing
    a3.take(later)  # the laptop it was made for takes it as usual
    hq.close()
    a3.close()


def test_a_computer_that_joined_with_a_copy_is_told_and_the_office_refuses_its_file(tmp_path: Path) -> None:
    """What remains: a copy used before the office heard from the first laptop joins (nothing offline can
    tell the two apart); the office binds the code to the first computer whose file it imports, refuses the
    other's, and the other is told at its next import from the office, before it hands out more numbers."""
    hq = office(tmp_path)
    ex.register_terminal(hq.store, "A3")
    join_file = hq.send("A3")
    copy = tmp_path / "copy-of-join.hzx"
    shutil.copy(join_file, copy)
    join_plant(tmp_path / "A3", join_file)
    join_plant(tmp_path / "twin", copy)
    first = Site(tmp_path / "A3", build_context(tmp_path / "A3"), "A3")
    twin = Site(tmp_path / "twin", build_context(tmp_path / "twin"), "A3")
    assert add_finding(first) == add_finding(twin, 1) == "YH-2026-10001"  # the duplicate the trial found
    hq.take(first.send())
    before = snapshot(hq.folder)
    with pytest.raises(DomainError) as info:
        hq.take(twin.send())
    assert info.value.code == "exchange_peer_mismatch" and snapshot(hq.folder) == before
    down = hq.send("A3")
    twin_before = snapshot(twin.folder)
    with pytest.raises(DomainError) as info:
        twin.take(down)
    assert info.value.code == "exchange_duplicate_terminal" and info.value.params["short"] == "A3"
    assert snapshot(twin.folder) == twin_before
    first.take(down)  # the bound computer is unaffected
    for site in (hq, first, twin):
        site.close()


def test_a_file_with_bytes_changed_says_damaged_not_incomplete(tmp_path: Path) -> None:
    hq = office(tmp_path)
    ex.register_terminal(hq.store, "A3")
    join_plant(tmp_path / "A3", hq.send("A3"))
    a3 = Site(tmp_path / "A3", build_context(tmp_path / "A3"), "A3")
    add_finding(a3)
    file = a3.send()
    data = bytearray(file.read_bytes())
    for at in (len(data) // 3, len(data) // 2):  # inside a photo and inside the records
        flipped = bytearray(data)
        flipped[at] ^= 0xFF
        target = tmp_path / f"flipped-{at}.hzx"
        target.write_bytes(bytes(flipped))
        with pytest.raises(DomainError) as info:
            ex.exchange_preview(hq.store, hq.files, target)
        assert info.value.code in ("exchange_tampered", "exchange_unsafe_path"), info.value
    target.write_bytes(bytes(data[: len(data) // 2]))
    with pytest.raises(DomainError) as info:
        ex.exchange_preview(hq.store, hq.files, target)
    assert info.value.code == "exchange_truncated"
    hq.close()
    a3.close()


def test_a_drive_gone_while_writing_is_the_write_failed_sentence(tmp_path: Path, monkeypatch) -> None:
    """FUSE/USB gone mid-export (ENOTCONN, ECONNABORTED): one friendly refusal, no partial file."""
    import errno
    import os

    hq = office(tmp_path)
    ex.register_terminal(hq.store, "A3")
    stick = tmp_path / "stick"
    stick.mkdir()
    real_replace = os.replace

    def gone(src, dst):
        raise ConnectionAbortedError(errno.ECONNABORTED, "Software caused connection abort", str(dst))

    monkeypatch.setattr(os, "replace", gone)
    with pytest.raises(DomainError) as info:
        ex.export_exchange(hq.store, hq.files, stick / "OF-to-A3.hzx", to="A3")
    assert info.value.code == "exchange_write_failed"
    assert list(stick.iterdir()) == []
    monkeypatch.setattr(os, "replace", real_replace)

    real_stat = Path.stat

    def not_connected(self, *args, **kwargs):
        if self == stick:
            raise OSError(errno.ENOTCONN, "Transport endpoint is not connected", str(self))
        return real_stat(self, *args, **kwargs)

    monkeypatch.setattr(Path, "stat", not_connected)
    with pytest.raises(DomainError) as info:
        ex.export_exchange(hq.store, hq.files, stick / "OF-to-A3.hzx", to="A3")
    assert info.value.code == "exchange_write_failed"
    hq.close()


def test_photos_are_counted_as_the_user_counts_them_not_as_files(tmp_path: Path) -> None:
    """Trial: 5 photos attached; the export said 10 and the import header 10 (each photo's renditions)."""
    hq = office(tmp_path)
    ex.register_terminal(hq.store, "A3")
    join_plant(tmp_path / "A3", hq.send("A3"))
    a3 = Site(tmp_path / "A3", build_context(tmp_path / "A3"), "A3")
    with a3.context.uow() as uow:
        person = uow.reference.people()[0]
    for n, count in enumerate((2, 3)):
        data = hazard_input(a3.context, person, found_at=datetime(2026, 3, 1, 8, n, tzinfo=UTC))
        photos = [PhotoFile(f"p{i}.jpg", jpeg(640 + i, 480)) for i in range(count)]
        create_hazard(a3.context.uow(), data, photos=photos, images=a3.context.images)
    target = tmp_path / "up.hzx"
    result = ex.export_exchange(a3.store, a3.files, target)
    import zipfile

    with zipfile.ZipFile(target) as archive:
        files = [n for n in archive.namelist() if n.startswith("photos/hazard_photo/")]
    assert len(files) > 5  # the original and its renditions travel
    assert result.photos == 5
    preview = ex.exchange_preview(hq.store, hq.files, target)
    assert preview.photos == 5 == {k.kind: k.new for k in preview.kinds}["hazard_photo"]
    assert preview.photos_in_file == result.photos  # the preview counts as the export's summary did
    hq.take(target)
    again = ex.exchange_preview(hq.store, hq.files, target)
    assert again.photos == 0  # nothing new the second time
    assert again.photos_in_file == 5  # but the file still carries them (trial u6: "0 photos" though 22 were sent)
    hq.close()
    a3.close()


def test_a_join_through_the_import_use_case_also_consumes_the_file_or_says_it_could_not(
    tmp_path: Path, monkeypatch
) -> None:
    """The File → Import path (a register with no identity) joins through the same use case; a write-protected
    stick keeps the file and the result says so (the user is told to delete it)."""
    from tests.factories import make_context

    hq = office(tmp_path)
    ex.register_terminal(hq.store, "A3")
    ex.register_terminal(hq.store, "A4")
    first, second = hq.send("A3"), hq.send("A4")
    fresh = make_context(tmp_path / "fresh")
    result = ex.import_exchange(fresh.exchange_store(), fresh.exchange_files(), first)
    assert result.preview.joins and result.join_file_removed is True and not first.exists()
    real_unlink = Path.unlink

    def read_only(self: Path, missing_ok: bool = False) -> None:
        if self == second:
            raise PermissionError(13, "Read-only file system", str(self))
        real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", read_only)
    other = make_context(tmp_path / "other")
    result = ex.import_exchange(other.exchange_store(), other.exchange_files(), second)
    assert result.preview.joins and result.join_file_removed is False and second.exists()
    assert ex.get_identity(other.exchange_store()).short_code == "A4"  # the join itself stands
    from hazard_desktop.app import close_context

    for context in (fresh, other):
        close_context(context)
    hq.close()
