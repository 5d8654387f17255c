"""The exchange file (``.hzx``, issue 15): a zip of ``manifest.json``, ``records/<kind>.json`` and
``photos/<kind>/<record id>/<variant>``, written under a temporary name and renamed, read with checks.

Standard library ``zipfile`` with explicit checks before a byte is trusted (no new dependency):
- the file's size, the number of entries, each entry's declared size and compression ratio (a zip bomb),
  and the running total are capped (``Limits``) from the central directory, and again while reading (a
  directory that lies about sizes is caught when the bytes exceed what it declared);
- names: only the layout above, ASCII, no absolute path, drive, backslash, ``..`` or repetition (zip-slip)
  — nothing is ever extracted to disk anyway, entries are read into memory one by one;
- a truncated file (no central directory, a short entry, a CRC error) and a tampered one (an entry's
  SHA-256 not the manifest's, an entry missing from the manifest or the manifest's missing from the file)
  are refused;
- the manifest's format version and schema revision: a newer one is refused.
Every refusal is a ``DomainError`` with an ``exchange_*`` code; reading writes nothing anywhere.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import secrets
import struct
import uuid
import zipfile
import zlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from hazard_desktop.domain.errors import DomainError
from hazard_desktop.domain.exchange import FORMAT, FORMAT_VERSION, KINDS_BY_NAME
from hazard_desktop.services.exchange import Fields

MANIFEST = "manifest.json"
_NAME = re.compile(r"^(manifest\.json|records/[a-z_]{1,40}\.json|photos/[a-z_]{1,40}/[0-9a-f-]{36}/[a-z0-9_]{1,16})$")
_CHUNK = 1 << 20
_BUFFER = 1 << 20  # the file's buffer, written and read: one system call per MiB, not per photo (40,000 of them)


@dataclass(frozen=True, slots=True)
class Limits:
    """What a file may hold at most (a day's findings are far below; a plant's whole register fits)."""

    file_size: int = 32 << 30  # 32 GiB
    entries: int = 1_000_000
    entry_size: int = 256 << 20  # one photo or one kind's records
    total_size: int = 64 << 30
    ratio: int = 200  # uncompressed / compressed, for entries over 1 MiB (JSON compresses ~10×)
    records_per_kind: int = 2_000_000


def _unsafe(name: str) -> bool:
    return (
        not name.isascii()
        or name.startswith(("/", "\\"))
        or "\\" in name
        or ":" in name
        or any(part in ("", ".", "..") for part in name.split("/"))
    )


class ZipPackageFiles:
    """``services.exchange.PackageFiles`` on ``zipfile``."""

    def __init__(self, limits: Limits | None = None) -> None:
        self.limits = limits or Limits()

    # ------------------------------------------------------------ writing
    def write(self, target: Path, manifest: Mapping[str, object], entries: Iterator[tuple[str, bytes]]) -> int:
        folder = target.parent
        try:
            present = folder.is_dir()
        except OSError as exc:  # a drive gone under its mount point (ENOTCONN, ECONNABORTED)
            raise DomainError("exchange_write_failed", reason=exc.strerror or str(exc), errno=exc.errno) from exc
        if not present:
            raise DomainError("exchange_target_missing", folder=str(folder))
        part = folder / f".{target.stem}.{secrets.token_hex(4)}.part"
        listed: dict[str, dict[str, object]] = {}
        try:
            with open(part, "wb", buffering=_BUFFER) as handle:
                archive = _ZipWriter(handle)
                for name, data in entries:
                    assert _NAME.fullmatch(name), name
                    archive.add(name, data, deflate=name.endswith(".json"))
                    listed[name] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
                body = dict(manifest)
                body["entries"] = listed
                # compact: with ``indent`` json falls back to its Python encoder (0.3 s for 40,000 entries)
                text = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
                archive.add(MANIFEST, text.encode("utf-8"), deflate=True)
                archive.finish()
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(part, target)
            return target.stat().st_size
        except OSError as exc:
            _remove(part)
            raise DomainError("exchange_write_failed", reason=exc.strerror or str(exc), errno=exc.errno) from exc
        except BaseException:
            _remove(part)
            raise

    def consume(self, path: Path) -> bool:
        """Remove a used join file; False if it cannot be removed (a write-protected stick)."""
        try:
            path.unlink(missing_ok=True)
        except OSError:
            return False
        return True

    # ------------------------------------------------------------ reading
    def read(self, path: Path, schema_revision: str, *, deep: bool = True) -> ZipPackage:
        """Open and check ``path``. ``deep``: hash every entry now (the preview); otherwise each entry is
        hashed once as it is read and :meth:`ZipPackage.verify_rest` hashes the others (the import, which
        calls it before its commit: one pass over the bytes instead of two)."""
        limits = self.limits
        try:
            size = path.stat().st_size
            with open(path, "rb") as handle:
                head = handle.read(4)
        except OSError as exc:
            missing = isinstance(exc, FileNotFoundError | IsADirectoryError)
            code = "exchange_not_a_file" if missing else "exchange_read_failed"  # a drive gone: not "no file"
            raise DomainError(code, reason=exc.strerror or str(exc), errno=exc.errno) from exc
        if size > limits.file_size:
            raise DomainError("exchange_too_large", limit="file_size")
        if head != b"PK\x03\x04":
            raise DomainError("exchange_not_a_file" if head[:2] != b"PK" and size > 0 else "exchange_truncated")
        try:
            archive = zipfile.ZipFile(path)
        except OSError as exc:
            raise DomainError("exchange_read_failed", reason=exc.strerror or str(exc), errno=exc.errno) from exc
        except (zipfile.BadZipFile, ValueError) as exc:  # no end record: cut short; one that lies: damaged
            raise DomainError("exchange_tampered" if _has_end_record(path) else "exchange_truncated") from exc
        try:
            return self._check(archive, schema_revision, deep, path)
        except BaseException:
            archive.close()
            raise

    def _our_manifest(self, archive: zipfile.ZipFile) -> dict[str, object] | None:
        """The manifest, if the zip is an exchange file at all: a zip without our ``manifest.json`` (any zip
        renamed to ``.hzx``) is "not an exchange file", not a damaged one (new-user trial u6); a file whose
        manifest is ours but whose entries differ from it stays "damaged or altered"."""
        try:
            info = archive.getinfo(MANIFEST)
        except KeyError:
            raise DomainError("exchange_not_a_file") from None
        if info.file_size > self.limits.entry_size:
            return None  # refused as too large by the directory's checks, as every entry is
        if info.flag_bits & 0x1:
            raise DomainError("exchange_not_a_file")  # ours are never encrypted
        try:
            manifest = json.loads(_read(archive, info, self.limits.entry_size))
        except (ValueError, UnicodeDecodeError):
            raise DomainError("exchange_not_a_file") from None
        if (
            not isinstance(manifest, dict)
            or manifest.get("format", FORMAT) != FORMAT
            or "format_version" not in manifest
        ):
            raise DomainError("exchange_not_a_file")
        return manifest

    def _check(self, archive: zipfile.ZipFile, schema_revision: str, deep: bool, path: Path) -> ZipPackage:
        limits = self.limits
        infos = archive.infolist()
        if len(infos) > limits.entries:
            raise DomainError("exchange_too_large", limit="entries")
        manifest = self._our_manifest(archive)
        names: set[str] = set()
        total = 0
        for info in infos:
            name = info.filename
            if not _NAME.fullmatch(name):  # a name of the layout is safe (ASCII, no separator but /, no . or ..)
                if _unsafe(name) or info.is_dir():
                    raise DomainError("exchange_unsafe_path", entry=name[:200])
                raise DomainError("exchange_tampered", entry=name[:200])
            if name in names:
                raise DomainError("exchange_tampered", entry=name)
            names.add(name)
            if info.file_size > limits.entry_size:
                raise DomainError("exchange_too_large", limit="entry_size")
            if info.file_size > (1 << 20) and info.file_size > limits.ratio * max(info.compress_size, 1):
                raise DomainError("exchange_zip_bomb", entry=name)
            if info.flag_bits & 0x1:
                raise DomainError("exchange_tampered", entry=name)  # encrypted
            total += info.file_size
            if total > limits.total_size:
                raise DomainError("exchange_too_large", limit="total_size")
        if manifest is None:  # its size was refused above; for the type checker
            raise DomainError("exchange_too_large", limit="entry_size")
        version = manifest.get("format_version")
        if not isinstance(version, int):
            raise DomainError("exchange_tampered", entry=MANIFEST)
        if version > FORMAT_VERSION:
            raise DomainError("exchange_format_newer", version=version)
        revision = str(manifest.get("schema_revision", ""))
        if not revision.isdigit():
            raise DomainError("exchange_tampered", entry=MANIFEST)
        if int(revision) > int(schema_revision):
            raise DomainError("exchange_schema_newer", revision=revision, ours=schema_revision)
        listed = manifest.get("entries")
        if not isinstance(listed, dict) or set(listed) != names - {MANIFEST}:
            missing = sorted(set(listed or {}) ^ (names - {MANIFEST})) if isinstance(listed, dict) else [MANIFEST]
            raise DomainError("exchange_tampered", entry=(missing or [MANIFEST])[0])
        for name, meta in listed.items():
            if not isinstance(meta, dict) or meta.get("size") != archive.getinfo(name).file_size:
                raise DomainError("exchange_tampered", entry=name)
        package = ZipPackage(archive, manifest, {n: str(m["sha256"]) for n, m in listed.items()}, limits, path)
        if deep:  # every entry against its hash before anything is used (a truncated entry fails here too)
            try:
                package.verify_rest()
            except BaseException:
                package.close()
                raise
        return package


# ------------------------------------------------------------------ the zip, written front to back

# a field at or above it goes to the zip64 extra (APPNOTE 4.5.3); a module name, so a test can lower it
_ZIP64_LIMIT = 0xFFFFFFFF
_DOS_DATE = (2026 - 1980) << 9 | 1 << 5 | 1  # 2026-01-01 00:00 for every entry (the bytes do not depend on the clock)
_LOCAL = struct.Struct("<4s5H3L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_END64 = struct.Struct("<4sQ2H2L4Q")
_LOCATOR64 = struct.Struct("<4sLQL")


class _ZipWriter:
    """A plain zip (APPNOTE 6.3: STORED or raw DEFLATE level 1, zip64 where counts or offsets need it) written
    straight to ``handle``: one local header, then the bytes, per entry; the central directory at the end.

    What ``zipfile.ZipFile.writestr`` writes, without its per-entry cost (a writer object per entry, the local
    header written twice, two seeks): with 40,000 photos in a file that was a third of the export. Any zip
    reader opens the result (``zipfile`` in the tests)."""

    def __init__(self, handle: BinaryIO) -> None:
        self._handle = handle
        self._offset = 0
        self._central: list[bytes] = []

    def add(self, name: str, data: bytes, *, deflate: bool) -> None:
        raw = name.encode("ascii")
        crc = zlib.crc32(data)
        if deflate:
            packer = zlib.compressobj(1, zlib.DEFLATED, -15)
            body = packer.compress(data) + packer.flush()
        else:
            body = data
        method = 8 if deflate else 0
        if len(data) >= 0xFFFFFFFF or len(body) >= 0xFFFFFFFF:
            raise OSError(27, "an entry of 4 GiB or more")  # far above Limits.entry_size: never written
        header = _LOCAL.pack(b"PK\x03\x04", 20, 0, method, 0, _DOS_DATE, crc, len(body), len(data), len(raw), 0)
        write = self._handle.write
        write(header)
        write(raw)
        write(body)
        extra, offset, version = b"", self._offset, 20
        if offset >= _ZIP64_LIMIT:
            extra, offset, version = struct.pack("<2HQ", 1, 8, offset), 0xFFFFFFFF, 45
        self._central.append(
            _CENTRAL.pack(
                b"PK\x01\x02",
                version,
                3,
                version,
                0,
                0,
                method,
                0,
                _DOS_DATE,
                crc,
                len(body),
                len(data),
                len(raw),
                len(extra),
                0,
                0,
                0,
                0o600 << 16,
                offset,
            )  # fmt: skip
            + raw
            + extra
        )
        self._offset += len(header) + len(raw) + len(body)

    def finish(self) -> None:
        start, count = self._offset, len(self._central)
        directory = b"".join(self._central)
        write = self._handle.write
        write(directory)
        size = len(directory)
        if count >= 0xFFFF or start >= _ZIP64_LIMIT or size >= _ZIP64_LIMIT:
            end64 = start + size
            write(_END64.pack(b"PK\x06\x06", _END64.size - 12, 45, 45, 0, 0, count, count, size, start))
            write(_LOCATOR64.pack(b"PK\x06\x07", 0, end64, 1))
            count, size, start = min(count, 0xFFFF), min(size, 0xFFFFFFFF), min(start, 0xFFFFFFFF)
        write(_END.pack(b"PK\x05\x06", 0, 0, count, count, size, start, 0))


def _blocks(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    read = 0
    try:
        with archive.open(info) as stream:
            while block := stream.read(_CHUNK):
                read += len(block)
                if read > info.file_size:  # more bytes than the directory declared
                    raise DomainError("exchange_zip_bomb", entry=info.filename)
                yield block
    except OSError as exc:  # the drive went away while reading
        raise DomainError("exchange_read_failed", reason=exc.strerror or str(exc), errno=exc.errno) from exc
    except (zipfile.BadZipFile, zlib.error) as exc:  # CRC, deflate or header error in a whole file: bytes changed
        raise DomainError("exchange_tampered", entry=info.filename) from exc
    except (EOFError, zipfile.LargeZipFile) as exc:
        raise DomainError("exchange_truncated") from exc
    except NotImplementedError as exc:  # a compression method this reader does not take
        raise DomainError("exchange_tampered", entry=info.filename) from exc
    if read != info.file_size:
        raise DomainError("exchange_truncated")


def _remove(path: Path) -> None:
    """Remove a partial file; a drive that is gone cannot take it back, and must not hide why."""
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def _has_end_record(path: Path) -> bool:
    """True if the zip's end-of-central-directory record is present (a file that has it was not cut short)."""
    try:
        with open(path, "rb") as handle:
            handle.seek(max(0, path.stat().st_size - 66_000))
            return b"PK\x05\x06" in handle.read()
    except OSError:
        return False


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    if info.file_size > limit:
        raise DomainError("exchange_too_large", limit="entry_size")
    return b"".join(_blocks(archive, info))


def _json(data: bytes, name: str) -> object:
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise DomainError("exchange_tampered", entry=name) from exc


_VALUE_TYPES = frozenset({str, int, float, bool, type(None)})  # what JSON decodes to, but lists and objects
_COLUMN = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class ZipPackage:
    """A checked ``.hzx`` (``services.exchange.ExchangePackage``); close it after use."""

    def __init__(
        self,
        archive: zipfile.ZipFile,
        manifest: dict[str, object],
        hashes: dict[str, str],
        limits: Limits,
        path: Path | None = None,
    ) -> None:
        self._archive = archive
        self._path = path
        self._raw: BinaryIO | None = None  # the file opened once more for STORED entries (_stored)
        self._manifest = manifest
        self._hashes = hashes
        self._limits = limits
        self._verified: set[str] = set()

    @property
    def manifest(self) -> Mapping[str, object]:
        return self._manifest

    def kinds(self) -> list[str]:
        return [n[len("records/") : -len(".json")] for n in self._hashes if n.startswith("records/")]

    def records(self, kind: str) -> dict[uuid.UUID, tuple[str, str | None, Fields]]:
        """``{id: (rev, base, fields)}`` of ``kind`` (empty when the file carries none)."""
        name = f"records/{kind}.json"
        if name not in self._hashes:
            return {}
        if kind not in KINDS_BY_NAME:
            raise DomainError("exchange_unknown_kind", kind=kind)
        body = _json(self._checked(name), name)
        if not isinstance(body, dict) or len(body) > self._limits.records_per_kind:
            raise DomainError("exchange_tampered", entry=name)
        found: dict[uuid.UUID, tuple[str, str | None, Fields]] = {}
        columns: set[tuple[str, ...]] = set()  # the column sets seen valid (a kind's records share one or two)
        for key, value in body.items():
            try:
                record_id = uuid.UUID(key)
                rev, base, fields = value["rev"], value.get("base"), value["fields"]
            except (ValueError, TypeError, KeyError) as exc:
                raise DomainError("exchange_tampered", entry=name) from exc
            if not isinstance(fields, dict):
                raise DomainError("exchange_tampered", entry=name)
            names = tuple(fields)  # JSON object keys: always text
            if names not in columns:
                if not all(isinstance(k, str) and _COLUMN.match(k) for k in names):
                    raise DomainError("exchange_tampered", entry=name)
                columns.add(names)
            if (
                not isinstance(rev, str)
                or not isinstance(base, str | None)
                or fields.get("id") != str(record_id)
                or not _VALUE_TYPES.issuperset(map(type, fields.values()))
            ):
                raise DomainError("exchange_tampered", entry=name)
            found[record_id] = (rev, base, fields)
        return found

    def photo_names(self) -> list[str]:
        return [n for n in self._hashes if n.startswith("photos/")]

    def photo(self, name: str) -> bytes:
        if name not in self._hashes:
            raise DomainError("exchange_tampered", entry=name)
        return self._checked(name)

    def digest(self, name: str) -> str:
        if name not in self._hashes:
            raise DomainError("exchange_tampered", entry=name)
        return self._hashes[name]

    def _checked(self, name: str) -> bytes:
        info = self._archive.getinfo(name)
        if info.compress_type == zipfile.ZIP_STORED and self._path is not None:
            if info.file_size > self._limits.entry_size:
                raise DomainError("exchange_too_large", limit="entry_size")
            data = self._stored(info)
        else:
            data = _read(self._archive, info, self._limits.entry_size)
        if hashlib.sha256(data).hexdigest() != self._hashes[name]:
            raise DomainError("exchange_tampered", entry=name)
        self._verified.add(name)
        return data

    def _stored(self, info: zipfile.ZipInfo) -> bytes:
        """A STORED entry's bytes read straight from the file, with the checks ``zipfile`` makes on the way (the
        local header's signature and name: else ``exchange_tampered``; every byte there: else
        ``exchange_truncated``; a drive gone: ``exchange_read_failed``, as ``_read`` says) but without its
        per-entry reader objects (with 40,000 photos in a file they cost as much as the hashing).

        Its CRC-32 is not computed: both callers (``_checked``, ``verify_rest``) compare the bytes' SHA-256 with the
        manifest's next, which finds every change a CRC would (``exchange_tampered`` too) and those it would not.
        The entries are read in the order they were written, so the file's 1 MiB buffer serves the seeks."""
        expected = info.orig_filename.encode("ascii")
        try:
            if self._raw is None:
                assert self._path is not None
                self._raw = open(self._path, "rb", buffering=_BUFFER)  # noqa: SIM115 (closed by close())
            handle = self._raw
            handle.seek(info.header_offset)
            header = handle.read(_LOCAL.size + len(expected))
            if len(header) != _LOCAL.size + len(expected):
                raise DomainError("exchange_truncated")
            signature, _version, flags, _method, _time, _date, _crc, _packed, _size, name_size, extra_size = (
                _LOCAL.unpack_from(header)
            )
            if signature != b"PK\x03\x04" or name_size != len(expected) or header[_LOCAL.size :] != expected:
                raise DomainError("exchange_tampered", entry=info.filename)  # zipfile's BadZipFile (bad magic, names)
            if flags & 0x21:
                raise DomainError("exchange_tampered", entry=info.filename)
            if extra_size:
                handle.seek(extra_size, os.SEEK_CUR)
            data = handle.read(info.compress_size)
        except OSError as exc:  # the drive went away while reading
            raise DomainError("exchange_read_failed", reason=exc.strerror or str(exc), errno=exc.errno) from exc
        if len(data) != info.compress_size or len(data) != info.file_size:
            raise DomainError("exchange_truncated")
        return data

    def verify_rest(self, progress: Callable[[int, int], bool] | None = None) -> None:
        """Hash every entry not read yet (streamed, never held whole); ``progress(done, total)`` after each
        entry and each block (1 MiB) read; False from it stops with ``exchange_cancelled``."""
        total = len(self._hashes)
        for done, (name, expected) in enumerate(self._hashes.items(), start=1):
            if name in self._verified:
                continue
            info = self._archive.getinfo(name)
            digest = hashlib.sha256()
            if info.compress_type == zipfile.ZIP_STORED and self._path is not None and info.file_size <= _CHUNK:
                digest.update(self._stored(info))  # a photo: one read, no reader objects
            else:
                for block in _blocks(self._archive, info):
                    digest.update(block)
                    if progress is not None and progress(done - 1, total) is False:
                        raise DomainError("exchange_cancelled")  # a large entry: Cancel does not wait for its end
            if digest.hexdigest() != expected:
                raise DomainError("exchange_tampered", entry=name)
            self._verified.add(name)
            if progress is not None and progress(done, total) is False:
                raise DomainError("exchange_cancelled")

    def close(self) -> None:
        self._archive.close()
        if self._raw is not None:
            self._raw.close()
            self._raw = None
