"""The ``.hzx`` file itself (issue 15): the zip the exchange writes front to back is a plain zip any reader
opens, a file written by main's ``zipfile`` writer (4d4c210) still reads, and the reader's direct path for
STORED photos makes the checks ``zipfile`` made (damaged bytes, a header naming another entry).

``tests/fixtures/exchange_main_4d4c210.hzx`` was written by ``ZipPackageFiles.write`` at main 4d4c210 (which
used ``zipfile.ZipFile.writestr``): a hazard, its photo record, the photo's two renditions.
"""

from __future__ import annotations

import hashlib
import json
import random
import uuid
import zipfile
from pathlib import Path

import pytest

from hazard_desktop.adapters import exchange_file
from hazard_desktop.adapters.exchange_file import ZipPackageFiles
from hazard_desktop.domain.errors import DomainError
from hazard_desktop.services.exchange import record_hash

MAIN_FILE = Path(__file__).resolve().parents[1] / "fixtures" / "exchange_main_4d4c210.hzx"
HAZARD = uuid.UUID("0b0a1a56-60a4-4c1e-9d0e-6f5f1f6c0a01")
PHOTO = "photos/hazard_photo/0b0a1a56-60a4-4c1e-9d0e-6f5f1f6c0a02/display"


def entries(count: int, seed: int = 7) -> list[tuple[str, bytes]]:
    rng = random.Random(seed)
    photos = [(f"photos/hazard_photo/{uuid.UUID(int=n)}/{v}", rng.randbytes(n % 700 + 1)) for n in range(count)
              for v in ("display", "thumb")]  # fmt: skip
    fields = {"id": str(HAZARD), "description": "泵 P-101A 机封泄漏", "score": 2.5, "legacy_number": None}
    body = {str(HAZARD): {"base": None, "fields": fields, "rev": record_hash(fields)}}
    return [("records/hazard.json", json.dumps(body, ensure_ascii=False).encode()), *photos]


def write(path: Path, items: list[tuple[str, bytes]]) -> Path:
    manifest = {"format_version": 1, "schema_revision": "0012", "created_at": "2026-12-07T00:00:00+00:00"}
    ZipPackageFiles().write(path, manifest, iter(items))
    return path


def read_back(path: Path, deep: bool) -> dict[str, bytes]:
    package = ZipPackageFiles().read(path, "0012", deep=deep)
    try:
        found = {name: package.photo(name) for name in package.photo_names()}
        package.verify_rest()
        return found
    finally:
        package.close()


@pytest.mark.parametrize("deep", [True, False])
def test_a_file_written_by_mains_zipfile_writer_still_reads(deep):
    package = ZipPackageFiles().read(MAIN_FILE, "0012", deep=deep)
    try:
        assert sorted(package.kinds()) == ["hazard", "hazard_photo"]
        rev, base, fields = package.records("hazard")[HAZARD]
        assert (base, fields["number"], fields["score"], rev) == (None, "YH-2026-10001", 2.5, record_hash(fields))
        display = package.photo(PHOTO)
        assert len(display) == 3000
        assert hashlib.sha256(display).hexdigest() == package.manifest["entries"][PHOTO]["sha256"]  # type: ignore[index]
        package.verify_rest()  # the records of the photo kind and the thumb, not read yet
    finally:
        package.close()


def test_the_written_file_is_a_plain_zip_with_photos_stored_and_records_deflated(tmp_path):
    items = entries(50)
    path = write(tmp_path / "x.hzx", items)
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        assert [i.filename for i in archive.infolist()] == [n for n, _ in items] + ["manifest.json"]
        for name, data in items:
            assert archive.read(name) == data
            method = archive.getinfo(name).compress_type
            assert method == (zipfile.ZIP_DEFLATED if name.endswith(".json") else zipfile.ZIP_STORED)
        listed = json.loads(archive.read("manifest.json"))["entries"]
    assert listed == {n: {"sha256": hashlib.sha256(d).hexdigest(), "size": len(d)} for n, d in items}
    assert (
        read_back(path, deep=True) == read_back(path, deep=False) == {n: d for n, d in items if n.startswith("photos/")}
    )


def test_offsets_past_4_gib_and_more_than_65535_entries_use_zip64(tmp_path, monkeypatch):
    # a 4 GiB file is too big for a test: the threshold is lowered, so every later entry's offset goes to the
    # zip64 extra and the directory's end to the zip64 records exactly as past 4 GiB
    monkeypatch.setattr(exchange_file, "_ZIP64_LIMIT", 5000)
    items = entries(40)
    path = write(tmp_path / "offsets.hzx", items)
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        assert archive.infolist()[-2].header_offset > 5000
    assert read_back(path, deep=False) == {n: d for n, d in items if n.startswith("photos/")}
    monkeypatch.undo()
    many = [(f"photos/hazard_photo/{uuid.UUID(int=n)}/t", b"") for n in range(0x10000)]
    with zipfile.ZipFile(write(tmp_path / "many.hzx", many)) as archive:
        assert len(archive.infolist()) == 0x10001


def test_a_damaged_stored_photo_or_a_header_naming_another_entry_is_refused_as_altered(tmp_path):
    path = write(tmp_path / "x.hzx", entries(3))
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(f"photos/hazard_photo/{uuid.UUID(int=2)}/display")
    start = info.header_offset + 30 + len(info.filename)
    data = bytearray(path.read_bytes())
    data[start + 1] ^= 0xFF  # a byte of the photo (its CRC no longer fits): what zipfile called a bad CRC
    (tmp_path / "bit.hzx").write_bytes(data)
    data[start + 1] ^= 0xFF
    data[info.header_offset + 30 + 20] ^= 0x01  # the local header's name differs from the directory's
    (tmp_path / "name.hzx").write_bytes(data)
    for damaged in ("bit.hzx", "name.hzx"):
        for deep in (True, False):
            with pytest.raises(DomainError) as caught:
                read_back(tmp_path / damaged, deep)
            assert caught.value.code == "exchange_tampered"  # the whole file is there: its bytes changed
